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

    /// Times every answer on this thread; then, with `allCores`, answers the same number again
    /// spread over every core for the throughput figure (0 when skipped).
    func run(iterations: Int, allCores: Bool = true) -> Result {
        precondition(!questions.isEmpty)
        // Warm-up: first use builds lazy tables.
        for q in questions { _ = service.answer(Request(id: nil, text: q, session: nil), defaultSession: "bench-warm") }
        var samples: [UInt64] = []
        samples.reserveCapacity(questions.count * iterations)
        var declined = 0
        let requests = questions.map { Request(id: nil, text: $0, session: nil) }
        let sessions = questions.indices.map { "bench-\($0)" }
        let start = DispatchTime.now().uptimeNanoseconds
        for it in 0..<iterations {
            for i in requests.indices {
                let t0 = DispatchTime.now().uptimeNanoseconds
                let r = service.answer(requests[i], defaultSession: sessions[i])
                samples.append(DispatchTime.now().uptimeNanoseconds - t0)
                if it == 0 && r.fallback { declined += 1 }
            }
        }
        let single = Double(samples.count) / (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard allCores else {
            return Result(questions: questions.count, iterations: iterations, latency: LatencyStats(samples),
                          singleThreadPerSecond: single, allCoresPerSecond: 0, cores: cores, declined: declined)
        }
        let total = questions.count * iterations
        let t1 = DispatchTime.now().uptimeNanoseconds
        let qs = questions
        let svc = service
        DispatchQueue.concurrentPerform(iterations: cores) { worker in
            let requests = qs.map { Request(id: nil, text: $0, session: nil) }
            let sessions = qs.indices.map { "bench-p\(worker)-\($0)" }
            var k = worker
            while k < total {
                _ = svc.answer(requests[k % qs.count], defaultSession: sessions[k % qs.count])
                k += cores
            }
        }
        let parallel = Double(total) / (Double(DispatchTime.now().uptimeNanoseconds - t1) / 1e9)
        return Result(questions: questions.count, iterations: iterations, latency: LatencyStats(samples),
                      singleThreadPerSecond: single, allCoresPerSecond: parallel, cores: cores, declined: declined)
    }
}
