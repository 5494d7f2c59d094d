import Foundation

/// Answers a question list N times in-process: per-answer time on one thread, and throughput
/// on one thread and on every core (`concurrentPerform`). Sessions are distinct per question so
/// dialogue state does not leak between iterations.
struct InProcessBench {
    struct Result: Sendable {
        var questions: Int
        var iterations: Int
        var latency: LatencyStats
        var singleThreadPerSecond: Double
        var allCoresPerSecond: Double
        var cores: Int
        var declined: Int
    }

    let service: BotService
    let questions: [String]

    func run(iterations: Int) -> Result {
        precondition(!questions.isEmpty)
        // Warm-up: first use builds lazy tables.
        for q in questions { _ = service.answer(Request(id: nil, text: q, session: nil), defaultSession: "bench-warm") }
        var samples: [UInt64] = []
        samples.reserveCapacity(questions.count * iterations)
        var declined = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for it in 0..<iterations {
            for (i, q) in questions.enumerated() {
                let t0 = DispatchTime.now().uptimeNanoseconds
                let r = service.answer(Request(id: nil, text: q, session: nil), defaultSession: "bench-\(i)")
                samples.append(DispatchTime.now().uptimeNanoseconds - t0)
                if it == 0 && r.fallback { declined += 1 }
            }
        }
        let single = Double(samples.count) / (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let total = questions.count * iterations
        let t1 = DispatchTime.now().uptimeNanoseconds
        let qs = questions
        let svc = service
        DispatchQueue.concurrentPerform(iterations: cores) { worker in
            var k = worker
            while k < total {
                _ = svc.answer(Request(id: nil, text: qs[k % qs.count], session: nil), defaultSession: "bench-p\(worker)-\(k % qs.count)")
                k += cores
            }
        }
        let parallel = Double(total) / (Double(DispatchTime.now().uptimeNanoseconds - t1) / 1e9)
        return Result(questions: questions.count, iterations: iterations, latency: LatencyStats(samples),
                      singleThreadPerSecond: single, allCoresPerSecond: parallel, cores: cores, declined: declined)
    }
}
