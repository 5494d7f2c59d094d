import Foundation

/// `enquiry-bot fit-data SETS.txt [--corpus DIR] [--intents DIR]`: the scorer's training data.
/// Each line of SETS.txt names a question file and optionally a folder of extra pages read with
/// the bundled corpus (paths relative to the working directory; `#` starts a comment). For every
/// scored question it prints one JSON line: the set, the id, and every retrieval candidate as
/// `[label, feature…]` (label 1 when the candidate's text passes the question's expect groups
/// by score.py's rules; 0 for every candidate of an out-of-scope question). The features do not
/// depend on the weights, so `scripts/fit-scorer.py` can fit them and the bot's choice follows.
enum FitDataCommand {
    static func run(_ args: [String]) throws -> Int32 {
        var scanner = ArgumentScanner(args)
        let corpus = DataLocations.corpus(explicit: try scanner.option("--corpus"))
        let intents = DataLocations.intents(explicit: try scanner.option("--intents"))
        let files = try scanner.positionals()
        try scanner.finish()
        guard files.count == 1 else { throw UsageError(message: "fit-data needs one file listing the training sets") }
        FileHandle.standardOutput.write(Data(try ScorerTrainingData.lines(setsFile: files[0], corpus: corpus, intents: intents).utf8))
        return 0
    }
}

/// Candidate features with labels for the scorer fit (see `FitDataCommand`).
enum ScorerTrainingData {
    struct TrainingSet { var questions: String; var extraPages: String? }

    static func parseSets(_ path: String) throws -> [TrainingSet] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw UsageError(message: "cannot read \(path)") }
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0].split(separator: " ").map(String.init)
            guard let q = fields.first else { return nil }
            return TrainingSet(questions: q, extraPages: fields.count > 1 ? fields[1] : nil)
        }
    }

    /// All training lines, one per scored question, in file order.
    /// Relative paths in the sets file are read from `base` (default: the working directory).
    static func lines(setsFile: String, corpus: String, intents: String, base: String? = nil) throws -> String {
        func resolve(_ p: String) -> String { p.hasPrefix("/") || base == nil ? p : base! + "/" + p }
        var out = ""
        for set in try parseSets(resolve(setsFile)) {
            let questions = try EvalQuestion.load(path: resolve(set.questions))
            let pages = try combinedCorpus(corpus, extra: set.extraPages.map(resolve))
            defer { if pages.temporary { try? FileManager.default.removeItem(atPath: pages.path) } }
            let engine = try BotEngine.load(corpusDirectory: pages.path, intentsDirectory: intents)
            // Dialogues advance by the rules' proposals, so the features never depend on the weights.
            var states: [String: DialogueState] = [:]
            for q in questions {
                let session = q.session ?? "fit-" + q.id
                let state = states[session]
                let u = engine.analyzer.analyze(q.question)
                let answerer = engine.answerer
                states[session] = BotService.nextState(after: answerer.propose(u, state: state), from: state)
                guard q.outOfScope || !q.expect.isEmpty else { continue }
                let focuses = answerer.explicitFocuses(u)
                let contextFocus = focuses.isEmpty && answerer.isFollowUp(u) ? state.flatMap(answerer.resolve) : nil
                let focusArticles = focuses.first.map { answerer.resolver.articles(for: $0) }.flatMap { $0.isEmpty ? nil : $0 }
                let boost = contextFocus.map { answerer.resolver.articles(for: $0) } ?? []
                // Label-only windows are never chosen but stay in the training rows (negatives).
                let candidates = answerer.retrieval.candidates(u, focusArticles: focusArticles, boostArticles: boost, includingLabels: true)
                    .map { (candidate: $0, text: answerer.retrieval.text(of: $0)) }
                var rows: [String] = []
                for (c, printed) in candidates {
                    let text = EvalScorer.normalise(printed)
                    let passes = !q.outOfScope && q.expect.allSatisfy { g in g.contains { alt in
                        let n = EvalScorer.normalise(alt); return !n.isEmpty && text.contains(n) } }
                    rows.append("[" + ([passes ? "1" : "0"] + c.features.map(format)).joined(separator: ",") + "]")
                }
                out += "{\"set\":\(jsonString(set.questions)),\"id\":\(jsonString(q.id)),\"oos\":\(q.outOfScope),\"candidates\":[\(rows.joined(separator: ","))]}\n"
            }
        }
        return out
    }

    /// Features with six decimals: the text the fit reads, identical on every machine.
    static func format(_ x: Double) -> String {
        let s = String(format: "%.6f", x)
        return s == "-0.000000" ? "0.000000" : s
    }

    private static func jsonString(_ s: String) -> String { JSONLine.encode(.string(s)) }

    /// The bundled corpus, or a temporary folder holding it and the extra pages.
    private static func combinedCorpus(_ corpus: String, extra: String?) throws -> (path: String, temporary: Bool) {
        guard let extra else { return (corpus, false) }
        let fm = FileManager.default
        let dir = NSTemporaryDirectory() + "enquiry-bot-fit-" + UUID().uuidString
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for source in [corpus, extra] {
            guard let names = try? fm.contentsOfDirectory(atPath: source) else { throw UsageError(message: "cannot read \(source)") }
            for name in names where name.hasSuffix(".txt") {
                try? fm.removeItem(atPath: dir + "/" + name)     // an extra page replaces a bundled one of that name
                try fm.copyItem(atPath: source + "/" + name, toPath: dir + "/" + name)
            }
        }
        return (dir, true)
    }
}
