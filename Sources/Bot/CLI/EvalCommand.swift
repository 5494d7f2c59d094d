import Foundation

/// `enquiry-bot eval FILE.jsonl [--show-fails] [--corpus DIR] [--intents DIR] [--answers OUT]`:
/// runs a question file (the format of `../shared/eval/dev.jsonl`, sessions included) and scores
/// it by the rules of `score.py`: accuracy per category and language, out-of-scope decline rate,
/// answer lengths, and which intents answered the questions that failed.
enum EvalCommand {
    static func run(_ args: [String]) throws -> Int32 {
        var scanner = ArgumentScanner(args)
        let showFails = scanner.flag("--show-fails")
        let corpus = DataLocations.corpus(explicit: try scanner.option("--corpus"))
        let intents = DataLocations.intents(explicit: try scanner.option("--intents"))
        let answersOut = try scanner.option("--answers")
        let files = try scanner.positionals()
        try scanner.finish()
        guard files.count == 1 else { throw UsageError(message: "eval needs one question file (JSON lines)") }
        let questions = try EvalQuestion.load(path: files[0])
        let service = try BotService(corpusDirectory: corpus, intentsDirectory: intents, logger: Logger(minimumLevel: .warning))
        var answers: [EvalAnswer] = []
        var lines: [String] = []
        for q in questions {
            let reply = service.answer(Request(id: .string(q.id), text: q.question, session: q.session ?? "eval-" + q.id, format: .json),
                                       defaultSession: "eval")
            answers.append(EvalAnswer(id: q.id, answer: reply.answer, fallback: reply.fallback, intent: reply.intent))
            lines.append(JSONLine.encode(ProtocolCodec.jsonObject(for: reply)))
        }
        if let answersOut {
            try (lines.joined(separator: "\n") + "\n").write(toFile: answersOut, atomically: true, encoding: .utf8)
        }
        let report = EvalScorer.score(questions: questions, answers: answers)
        print(report.render(showFails: showFails))
        return 0
    }
}

/// One question of an eval file.
struct EvalQuestion: Sendable {
    var id: String
    var question: String
    var expect: [[String]]
    var outOfScope: Bool
    var session: String?
    var category: String
    var language: String

    /// Reads JSON lines; a bad line is an error naming the line.
    static func load(path: String) throws -> [EvalQuestion] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw UsageError(message: "cannot read \(path)")
        }
        var out: [EvalQuestion] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            guard let value = try? JSONLine.parse(Array(trimmed.utf8), limits: JSONLimits(maxBytes: 1 << 20, maxDepth: 16)),
                  case .object = value else {
                throw UsageError(message: "\(path):\(n + 1): not a JSON object")
            }
            guard let q = value["q"]?.stringValue else { throw UsageError(message: "\(path):\(n + 1): missing \"q\"") }
            let id: String
            switch value["id"] {
            case .string(let s)?: id = s
            case .number(let s)?: id = s
            default: id = String(n + 1)
            }
            out.append(EvalQuestion(id: id, question: q, expect: groups(value["expect"]), outOfScope: truthy(value["oos"]),
                                    session: value["session"]?.stringValue, category: value["cat"]?.stringValue ?? "(none)",
                                    language: value["lang"]?.stringValue ?? "(none)"))
        }
        return out
    }

    /// The documented list of groups, plus score.py's lenient forms (a string; a flat list).
    private static func groups(_ v: JSONValue?) -> [[String]] {
        switch v {
        case .string(let s)?: return [[s]]
        case .array(let items)?:
            return items.compactMap { item in
                switch item {
                case .string(let s): return [s]
                case .array(let alts):
                    let a = alts.compactMap { $0.stringValue ?? ($0 == .null ? nil : JSONLine.encode($0)) }.filter { !$0.isEmpty }
                    return a.isEmpty ? nil : a
                default: return nil
                }
            }
        default: return []
        }
    }

    private static func truthy(_ v: JSONValue?) -> Bool {
        switch v {
        case .bool(let b)?: return b
        case .string(let s)?: return ["1", "true", "yes", "y"].contains(s.lowercased())
        case .number(let n)?: return Double(n) != 0
        default: return false
        }
    }
}

/// The bot's answer to one eval question.
struct EvalAnswer: Sendable {
    var id: String
    var answer: String
    var fallback: Bool
    var intent: String?
}
