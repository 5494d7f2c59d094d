import Foundation

/// `enquiry-bot bench [--questions FILE] [--iterations N] [--corpus DIR] [--intents DIR] [--json]`:
/// in-process answer time (p50/p90/p99 µs) and answers per second on one thread and all cores.
enum BenchCommand {
    static func run(_ args: [String]) throws -> Int32 {
        var scanner = ArgumentScanner(args)
        let json = scanner.flag("--json")
        let questionsFile = try scanner.option("--questions")
        let iterations = try scanner.intOption("--iterations", in: 1...1_000_000) ?? 200
        let corpus = DataLocations.corpus(explicit: try scanner.option("--corpus"))
        let intents = DataLocations.intents(explicit: try scanner.option("--intents"))
        _ = try scanner.positionals()
        try scanner.finish()
        let service = try BotService(corpusDirectory: corpus, intentsDirectory: intents, logger: Logger(minimumLevel: .warning))
        let questions = try questionsFile.map(loadQuestions) ?? Capabilities(kb: service.engine.kb, catalog: service.engine.catalog).allExamples()
        guard !questions.isEmpty else { throw UsageError(message: "no questions to run") }
        let r = InProcessBench(service: service, questions: questions).run(iterations: iterations)
        if json {
            print(JSONLine.encode(.object([
                ("questions", .int(r.questions)), ("iterations", .int(r.iterations)),
                ("p50_us", .double(r.latency.percentile(50))), ("p90_us", .double(r.latency.percentile(90))),
                ("p99_us", .double(r.latency.percentile(99))), ("mean_us", .double(r.latency.mean)),
                ("answers_per_second_1_thread", .double(r.singleThreadPerSecond)),
                ("answers_per_second_all_cores", .double(r.allCoresPerSecond)), ("cores", .int(r.cores)),
            ])))
        } else {
            print("in-process: \(r.questions) questions × \(r.iterations) (declined \(r.declined) of \(r.questions))")
            print(String(format: "  answer time  p50 %.1f µs   p90 %.1f µs   p99 %.1f µs   mean %.1f µs",
                         r.latency.percentile(50), r.latency.percentile(90), r.latency.percentile(99), r.latency.mean))
            print(String(format: "  throughput   %.0f answers/s on 1 thread, %.0f answers/s on %d cores",
                         r.singleThreadPerSecond, r.allCoresPerSecond, r.cores))
        }
        return 0
    }

    /// Questions from a JSON-lines file (`"q"` or `"text"` members) or plain lines.
    static func loadQuestions(_ path: String) throws -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw UsageError(message: "cannot read \(path)") }
        return text.split(separator: "\n").compactMap { line in
            let t = line.trimmingCharacters(in: .whitespaces)
            guard !t.isEmpty else { return nil }
            if t.hasPrefix("{"), let v = try? JSONLine.parse(Array(t.utf8)) { return v["q"]?.stringValue ?? v["text"]?.stringValue }
            return t
        }
    }
}
