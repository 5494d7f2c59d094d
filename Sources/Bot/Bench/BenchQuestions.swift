import Foundation

/// The questions the in-process and socket benchmarks ask.
enum BenchQuestions {
    /// Every intent's example questions filled from the knowledge base (`Capabilities.allExamples`).
    static func defaultMix(_ service: BotService) -> [String] {
        Capabilities(kb: service.engine.kb, catalog: service.engine.catalog).allExamples()
    }

    /// Questions from a JSON-lines file (`"q"` or `"text"` members) or plain lines.
    static func load(_ path: String) throws(UsageError) -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw UsageError(message: "cannot read \(path)") }
        return text.split(separator: "\n").compactMap { line in
            let t = line.trimmingCharacters(in: .whitespaces)
            guard !t.isEmpty else { return nil }
            if t.hasPrefix("{"), let v = try? JSONLine.parse(Array(t.utf8)) { return v["q"]?.stringValue ?? v["text"]?.stringValue }
            return t
        }
    }
}
