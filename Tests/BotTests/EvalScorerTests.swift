import Foundation
import Testing
@testable import Bot

/// `EvalScorer` follows `../shared/eval/score.py`: normalisation, groups of alternatives,
/// out-of-scope questions passing only as declines, missing answers failing, median/p90 lengths.
/// Checked against a hand-worked table, against `score.py` itself when `python3` is installed,
/// and end to end through the `enquiry-bot eval` binary.
@Suite struct EvalScorerTests {
    // MARK: - Locations

    static let scorePy = BotFixtures.packageRoot + "/../shared/eval/score.py"
    static let devSet = BotFixtures.packageRoot + "/../shared/eval/dev.jsonl"

    /// `enquiry-bot` next to the test bundle (`.build/<config>/`), else the debug build.
    static let binary: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let beside = URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("enquiry-bot").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return BotFixtures.packageRoot + "/.build/debug/enquiry-bot"
    }()

    /// `python3` from PATH, or nil (the cross-checks with score.py are then skipped).
    static let python: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { $0 + "/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static var canCrossCheck: Bool { python != nil && FileManager.default.fileExists(atPath: scorePy) }

    /// Runs a program; its exit status and standard output.
    static func run(_ tool: String, _ args: [String], cwd: String? = nil) throws -> (Int32, String, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // Read before waiting, so a full pipe cannot block the child.
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    // MARK: - Normalisation

    @Test(arguments: [
        ("７：３０", "7:30"),                   // full-width digits and colon
        ("7：30", "7:30"),                      // the Chinese colon alone
        (" 7 : 30 ", "7:30"),                  // whitespace anywhere
        ("\u{3000}x\t\ny", "xy"),              // ideographic space, tab, newline
        ("A\u{200B}B\u{FEFF}", "ab"),          // zero-width characters are not whitespace, removed too
        ("Ｋ２５８路", "k258路"),
        ("QR Code", "qrcode"),
        ("①", "1"),                            // NFKC
        ("ﬁ", "fi"),
        ("Ⅻ", "xii"),
        ("㎞", "km"),
        ("x\u{00A0}y\u{2028}z", "xyz"),
        ("", ""),
    ])
    func normalisation(input: String, expected: String) {
        #expect(EvalScorer.normalise(input) == expected)
    }

    // MARK: - Scoring

    static func q(_ id: String, expect: [[String]] = [], oos: Bool = false, cat: String = "c", lang: String = "zh") -> EvalQuestion {
        EvalQuestion(id: id, question: "question \(id)", expect: expect, outOfScope: oos, session: nil, category: cat, language: lang)
    }

    static func a(_ id: String, _ text: String, fallback: Bool = false, intent: String? = "i") -> EvalAnswer {
        EvalAnswer(id: id, answer: text, fallback: fallback, intent: intent)
    }

    /// Questions and answers exercising every rule, with what each must score.
    static let table: [(question: EvalQuestion, answer: EvalAnswer?, passes: Bool?)] = [
        // every group needs one alternative
        (q("all-groups", expect: [["7:30", "7点30"], ["10:00", "10点"]], cat: "bus"), a("all-groups", "首班车：嘉善07:30；青浦10点。"), true),
        (q("one-group-missing", expect: [["7:30"], ["10:00"]], cat: "bus"), a("one-group-missing", "首班车：嘉善07:30。", intent: "transit.first"), false),
        // both sides normalised
        (q("full-width", expect: [["７：３０"]], cat: "bus"), a("full-width", "7:30 发车"), true),
        (q("case-space", expect: [["QR code"]], lang: "en"), a("case-space", "Pay by  qr\tCODE."), true),
        // an alternative that normalises to nothing never matches
        (q("blank-alternative", expect: [[" "]]), a("blank-alternative", "anything"), false),
        // out of scope: only a decline passes (empty, or fallback)
        (q("oos-fallback", oos: true, cat: "oos"), a("oos-fallback", "抱歉，报上没有找到。", fallback: true), true),
        (q("oos-empty", oos: true, cat: "oos"), a("oos-empty", " \u{3000} "), true),
        (q("oos-answered", oos: true, cat: "oos", lang: "en"), a("oos-answered", "Paris.", intent: "retrieval"), false),
        // an in-scope answer flagged fallback is still judged on its text
        (q("fallback-with-value", expect: [["86123456"]], cat: "contact"), a("fallback-with-value", "电话86123456", fallback: true), true),
        (q("declined", expect: [["86123456"]], cat: "contact"), a("declined", "抱歉", fallback: true, intent: nil), false),
        // no answer line fails, in scope or not
        (q("missing", expect: [["x"]]), nil, false),
        (q("missing-oos", oos: true, cat: "oos"), nil, false),
        // no expectation: unscored, in no total
        (q("unscored"), a("unscored", "whatever"), nil),
    ]

    static func scored() -> EvalScorer.Report {
        EvalScorer.score(questions: table.map(\.question), answers: table.compactMap(\.answer))
    }

    @Test func eachRuleOfTheTable() {
        let r = Self.scored()
        let failed = Set(r.failures.map(\.question.id))
        for row in Self.table {
            switch row.passes {
            case true?: #expect(!failed.contains(row.question.id), "\(row.question.id) failed")
            case false?: #expect(failed.contains(row.question.id), "\(row.question.id) passed")
            case nil: #expect(!failed.contains(row.question.id))
            }
        }
        #expect(r.inPass == 4 && r.inFail == 4)
        #expect(r.oosPass == 2 && r.oosFail == 2)
        #expect(r.unscored == 1 && r.missing == 2)
        #expect(r.accuracy == 6.0 / 12.0)
        #expect(r.inScope == 0.5 && r.outOfScope == 0.5)
    }

    @Test func failuresSayWhy() throws {
        let r = Self.scored()
        func why(_ id: String) -> String? { r.failures.first { $0.question.id == id }?.why }
        #expect(why("one-group-missing") == "missing 10:00")
        #expect(why("declined") == "declined")
        #expect(why("oos-answered") == "out of scope but answered")
        #expect(why("missing") == "missing answer")
        #expect(r.confusions["bus"]?["transit.first"] == 1)
        #expect(r.confusions["contact"]?["(none)"] == 1)
    }

    @Test func tablesByCategoryAndLanguage() {
        let r = Self.scored()
        #expect(r.byCategory["bus"]?.pass == 2 && r.byCategory["bus"]?.total == 3)
        #expect(r.byCategory["oos"]?.pass == 2 && r.byCategory["oos"]?.total == 4)
        #expect(r.byLanguage["en"]?.pass == 1 && r.byLanguage["en"]?.total == 2)
        #expect(r.byCategory["c"]?.total == 3)            // the unscored one is in no table
    }

    @Test func lengthsAreOverPassingInScopeAnswers() {
        let r = Self.scored()
        // Characters of the trimmed answers that passed in scope (not the oos or failing ones).
        let expected = ["首班车：嘉善07:30；青浦10点。", "7:30 发车", "Pay by  qr\tCODE.", "电话86123456"].map(\.unicodeScalars.count).sorted()
        #expect(r.lengths.sorted() == expected)
        let text = r.render(showFails: false)
        // median of [7, 10, 16, 18] = 13; p90 by nearest rank = the 4th = 18
        #expect(text.contains("conciseness over 4 passing in-scope answers: median 13 chars, p90 18 chars"))
        #expect(text.hasSuffix("accuracy=0.500 inscope=0.500 oos=0.500 median_len=13 wrong=0.500 answered=6"))
        #expect(text.contains("note: 1 in-scope question(s) without 'expect' left unscored"))
        #expect(text.contains("note: 2 question(s) had no answer (counted as fail)"))
    }

    @Test func medianAndNearestRankOnOddCountsAndEmpty() {
        let questions = (1...5).map { Self.q("q\($0)", expect: [["x"]]) }
        let answers = [1, 2, 3, 4, 50].enumerated().map { Self.a("q\($0.offset + 1)", "x" + String(repeating: "y", count: $0.element - 1)) }
        let text = EvalScorer.score(questions: questions, answers: answers).render(showFails: false)
        #expect(text.contains("median 3 chars, p90 50 chars"))
        let none = EvalScorer.score(questions: [Self.q("o", oos: true)], answers: [Self.a("o", "", fallback: true)]).render(showFails: false)
        #expect(none.hasSuffix("accuracy=1.000 inscope=nan oos=1.000 median_len=nan wrong=nan answered=0"))
    }

    @Test func showFailsListsEachFailure() {
        let text = Self.scored().render(showFails: true)
        #expect(text.contains("failures (6):"))
        #expect(text.contains("- [oos-answered] question oos-answered"))
        #expect(text.contains("expected: DECLINE (out of scope)"))
        #expect(text.contains("expected: (7:30) AND (10:00)"))
        #expect(text.contains("answer [fallback]: 抱歉"))
        #expect(text.contains("answer: (missing)"))
    }

    // MARK: - Reading question files

    @Test func questionFilesAcceptScorePysLenientForms() throws {
        let dir = TemporaryDirectory()
        let lines = [
            #"{"id":"a","q":"问题","expect":"7:30","cat":"bus","lang":"zh"}"#,
            #"{"id":7,"q":"flat","expect":["x","y"]}"#,
            #"{"q":"groups","expect":[["a","","b"],[],["c"]],"oos":"yes","session":"s1"}"#,
            "",
            #"{"id":"o","q":"oos","oos":1}"#,
        ]
        try lines.joined(separator: "\n").write(toFile: dir.file("q.jsonl"), atomically: true, encoding: .utf8)
        let qs = try EvalQuestion.load(path: dir.file("q.jsonl"))
        #expect(qs.map(\.id) == ["a", "7", "3", "o"])                    // a missing id is the line number
        #expect(qs[0].expect == [["7:30"]] && qs[0].category == "bus" && qs[0].language == "zh")
        #expect(qs[1].expect == [["x"], ["y"]] && qs[1].category == "(none)")
        #expect(qs[2].expect == [["a", "b"], ["c"]] && qs[2].outOfScope && qs[2].session == "s1")
        #expect(qs[3].outOfScope && qs[3].expect.isEmpty)
    }

    @Test(arguments: [
        ("{\"id\":\"a\",\"q\":\"ok\"}\n{not json}\n", ":2: not a JSON object"),
        ("{\"id\":\"a\",\"expect\":[[\"x\"]]}\n", ":1: missing \"q\""),
        ("[1,2]\n", ":1: not a JSON object"),
    ])
    func badQuestionFilesNameTheLine(content: String, error: String) throws {
        let dir = TemporaryDirectory()
        try content.write(toFile: dir.file("q.jsonl"), atomically: true, encoding: .utf8)
        do {
            _ = try EvalQuestion.load(path: dir.file("q.jsonl"))
            Issue.record("loaded a bad file")
        } catch let e as UsageError {
            #expect(e.message == dir.file("q.jsonl") + error)
        }
    }

    // MARK: - Against score.py

    /// Writes the table as question and answer files in score.py's format.
    static func writeTable(to dir: TemporaryDirectory) throws {
        func json(_ o: Any) throws -> String { String(decoding: try JSONSerialization.data(withJSONObject: o), as: UTF8.self) }
        var qs: [String] = []
        var ans: [String] = []
        for row in table {
            var o: [String: Any] = ["id": row.question.id, "q": row.question.question, "cat": row.question.category, "lang": row.question.language]
            if !row.question.expect.isEmpty { o["expect"] = row.question.expect }
            if row.question.outOfScope { o["oos"] = true }
            qs.append(try json(o))
            if let a = row.answer { ans.append(try json(["id": a.id, "answer": a.answer, "fallback": a.fallback])) }
        }
        try (qs.joined(separator: "\n") + "\n").write(toFile: dir.file("q.jsonl"), atomically: true, encoding: .utf8)
        try (ans.joined(separator: "\n") + "\n").write(toFile: dir.file("a.jsonl"), atomically: true, encoding: .utf8)
    }

    /// The lines both reports print the same way: answer lengths and the last line.
    static func comparable(_ report: String) -> [String] {
        report.split(separator: "\n").map(String.init).filter { $0.hasPrefix("conciseness") || $0.hasPrefix("accuracy=") }
    }

    @Test(.enabled(if: canCrossCheck, "needs python3 and ../shared/eval/score.py"))
    func theTableScoresAsScorePyScoresIt() throws {
        let dir = TemporaryDirectory()
        try Self.writeTable(to: dir)
        let (status, out, err) = try Self.run(Self.python!, [Self.scorePy, "--questions", dir.file("q.jsonl"), "--answers", dir.file("a.jsonl")])
        #expect(status == 0, "\(err)")
        let python = Self.comparable(out)
        #expect(python.count == 2)
        // Read back through the same loader the eval command uses.
        let questions = try EvalQuestion.load(path: dir.file("q.jsonl"))
        let swift = Self.comparable(EvalScorer.score(questions: questions, answers: Self.table.compactMap(\.answer)).render(showFails: false))
        #expect(swift == python)
    }

    @Test(.enabled(if: canCrossCheck, "needs python3 and ../shared/eval/score.py"))
    func normalisationAgreesWithScorePy() throws {
        let samples = ["７：３０", " 7 : 30 ", "A\u{200B}B", "\u{3000}x", "Ｋ２５８路", "①", "ﬁ", "x\u{00A0}y", "x\u{2028}y", "Ⅻ", "㎞", "ẞ", "e\u{0301}",
                       "QR Code", "嘉善07:30；青浦10:00。", "\u{FF10}\u{FF19}", "Tab\there"]
        let dir = TemporaryDirectory()
        let input = String(decoding: try JSONSerialization.data(withJSONObject: samples), as: UTF8.self)
        try input.write(toFile: dir.file("in.json"), atomically: true, encoding: .utf8)
        let script = "import json, sys; sys.path.insert(0, sys.argv[1]); import score; "
            + "print(json.dumps([score.normalise(s) for s in json.load(open(sys.argv[2], encoding='utf-8'))]))"
        let (status, out, err) = try Self.run(Self.python!, ["-c", script, (Self.scorePy as NSString).deletingLastPathComponent, dir.file("in.json")])
        #expect(status == 0, "\(err)")
        let python = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String])
        #expect(python == samples.map(EvalScorer.normalise))
    }

    // MARK: - The eval command

    @Test(.enabled(if: FileManager.default.fileExists(atPath: devSet), "needs ../shared/eval/dev.jsonl"))
    func evalCommandScoresTheDevSet() throws {
        let dir = TemporaryDirectory()
        let (status, out, err) = try Self.run(Self.binary, ["eval", Self.devSet, "--answers", dir.file("answers.jsonl"),
                                                           "--corpus", BotFixtures.corpusDirectory, "--intents", BotFixtures.intentsDirectory])
        #expect(status == 0, "\(err)")
        let last = try #require(out.split(separator: "\n").last.map(String.init))
        #expect(last.hasPrefix("accuracy="))
        let accuracy = try #require(Double(last.dropFirst("accuracy=".count).prefix { $0 != " " }))
        #expect(accuracy >= 0 && accuracy <= 1)
        #expect(last.contains(" inscope=") && last.contains(" oos=") && last.contains(" median_len="))
        // One answer line per question, each with the reply fields score.py reads.
        let questions = try EvalQuestion.load(path: Self.devSet)
        let answers = try String(contentsOfFile: dir.file("answers.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(answers.count == questions.count)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(answers[0].utf8)) as? [String: Any])
        #expect(first["id"] as? String == questions[0].id)
        #expect(first["answer"] is String && first["fallback"] is Bool)

        if Self.canCrossCheck {
            let (pyStatus, pyOut, pyErr) = try Self.run(Self.python!, [Self.scorePy, "--questions", Self.devSet, "--answers", dir.file("answers.jsonl")])
            #expect(pyStatus == 0, "\(pyErr)")
            #expect(Self.comparable(pyOut) == Self.comparable(out))
        }
    }

    @Test func evalCommandRefusesAMissingFile() throws {
        let (status, _, err) = try Self.run(Self.binary, ["eval", "/nonexistent/q.jsonl"])
        #expect(status != 0)
        #expect(err.contains("/nonexistent/q.jsonl"))
    }
}
