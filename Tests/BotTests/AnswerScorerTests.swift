import Foundation
import Testing
@testable import Bot
import Knowledge

private typealias F = BotFixtures

/// The fitted answer scorer: its file is validated, it explains itself, its threshold decides
/// what retrieval answers, and the committed weights are the fit of the committed training data.
@Suite struct AnswerScorerTests {
    static let names = AnswerScorer.featureNames

    static func object(features: [String] = names, weights: [Any]? = nil, bias: Any = 0.5, threshold: Any = 0.6) -> [String: Any] {
        ["features": features, "weights": weights ?? names.map { _ in 0.1 }, "bias": bias, "threshold": threshold]
    }

    @Test func aValidFileLoads() throws {
        let s = try AnswerScorer.parse(Self.object(), file: "scorer.json")
        #expect(s.weights.count == Self.names.count)
        #expect(s.threshold == 0.6)
    }

    @Test func featuresOutOfOrderAreRejectedNamingTheField() {
        var features = Self.names
        features.swapAt(0, 1)
        #expect(throws: IntentCatalogError.self) { try AnswerScorer.parse(Self.object(features: features), file: "scorer.json") }
        do {
            _ = try AnswerScorer.parse(Self.object(features: features), file: "scorer.json")
        } catch {
            #expect("\(error)".contains("scorer.json") && "\(error)".contains("features"), "\(error)")
        }
    }

    @Test func wrongWeightCountsAndThresholdsAreRejected() {
        #expect(throws: IntentCatalogError.self) { try AnswerScorer.parse(Self.object(weights: [1, 2]), file: "s") }
        #expect(throws: IntentCatalogError.self) { try AnswerScorer.parse(Self.object(threshold: 1.5), file: "s") }
        #expect(throws: IntentCatalogError.self) { try AnswerScorer.parse(Self.object(threshold: 0), file: "s") }
        #expect(throws: IntentCatalogError.self) { try AnswerScorer.parse(Self.object(bias: "high"), file: "s") }
    }

    @Test func explainSumsToTheLogit() {
        let s = AnswerScorer(weights: Self.names.indices.map { Double($0) / 10 - 0.5 }, bias: -1.25, threshold: 0.5, dataHash: "")
        let f = Self.names.indices.map { Double($0 % 3) / 2 }
        let parts = s.explain(f)
        #expect(parts.count == Self.names.count + 1)
        #expect(abs(parts.reduce(0) { $0 + $1.contribution } - s.logit(f)) < 1e-12)
        #expect(abs(s.probability(f) - 1 / (1 + exp(-s.logit(f)))) < 1e-12)
    }

    /// A service on the fixture pages whose scorer has the given threshold.
    static func service(threshold: Double) throws -> (BotService, TemporaryDirectory, TemporaryDirectory) {
        let intents = TemporaryDirectory()
        let fm = FileManager.default
        for name in try fm.contentsOfDirectory(atPath: F.intentsDirectory) where name.hasSuffix(".json") {
            try fm.copyItem(atPath: F.intentsDirectory + "/" + name, toPath: intents.file(name))
        }
        let data = try #require(fm.contents(atPath: intents.file(AnswerScorer.file)))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["threshold"] = threshold
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: intents.file(AnswerScorer.file)))
        let corpus = TemporaryDirectory()
        try F.write(F.pages, to: corpus.path)
        return (try BotService(corpusDirectory: corpus.path, intentsDirectory: intents.path, logger: .silent), intents, corpus)
    }

    @Test func theThresholdDecidesWhatRetrievalAnswers() throws {
        let question = "老年大学今年新开设了哪些课程"
        let (low, _, _) = try Self.service(threshold: 0.000001)
        let answered = low.answer(Request(id: nil, text: question, session: "a"), defaultSession: "d")
        #expect(!answered.fallback)
        #expect(answered.sources.first?.file == F.haiyanFile, "\(answered.answer)")
        let (high, _, _) = try Self.service(threshold: 0.999999)
        #expect(high.answer(Request(id: nil, text: question, session: "a"), defaultSession: "d").fallback)
    }

    @Test func explainShowsTheChosenAndRunnerUpContributions() throws {
        let (low, _, _) = try Self.service(threshold: 0.000001)
        let reply = low.answer(Request(id: nil, text: "老年大学今年新开设了哪些课程", session: "e", explain: true), defaultSession: "d")
        let details = try #require(reply.debug?["details"])
        let chosen = try #require(details["chosen"])
        #expect(chosen["probability"] != nil)
        for name in Self.names + ["bias"] { #expect(chosen["features"]?[name]?["contribution"] != nil, "\(name)") }
        #expect(details["runner_up"] != nil)
    }

    @Test func aDeclineExplainsItsBestCandidateAndTheThreshold() throws {
        let (high, _, _) = try Self.service(threshold: 0.999999)
        let reply = high.answer(Request(id: nil, text: "老年大学今年新开设了哪些课程", session: "e", explain: true), defaultSession: "d")
        #expect(reply.fallback)
        let retrieval = try #require(reply.debug?["details"]?["retrieval"])
        #expect(retrieval["threshold"] == .double(0.999999))
        #expect(retrieval["best"]?["probability"] != nil)
    }

    @Test func theServiceRefusesIntentsWithoutAScorer() throws {
        let intents = TemporaryDirectory()
        let fm = FileManager.default
        for name in try fm.contentsOfDirectory(atPath: F.intentsDirectory) where name.hasSuffix(".json") && name != AnswerScorer.file {
            try fm.copyItem(atPath: F.intentsDirectory + "/" + name, toPath: intents.file(name))
        }
        #expect(throws: DataLoadError.self) {
            try BotService(corpusDirectory: F.corpusDirectory, intentsDirectory: intents.path, logger: .silent)
        }
    }

    /// The weights served are the fit of the committed training features (the script records
    /// their fingerprint; `.ci/run` refits them with `scripts/fit-scorer.py --check`), and those
    /// features are what the bot computes today for the committed training sets.
    @Test func committedWeightsAreTheFitOfTheCommittedTrainingData() throws {
        let featuresPath = F.packageRoot + "/eval/train/features.jsonl"
        let committed = try #require(FileManager.default.contents(atPath: featuresPath))
        let catalog = try IntentCatalog.load(directory: F.intentsDirectory, normalizer: Normalizer())
        let scorer = try #require(catalog.scorer)
        #expect(scorer.dataHash == AnswerScorer.fingerprint(committed), "intents/scorer.json was fitted on other data: run scripts/fit-scorer.py")

        let fresh = try ScorerTrainingData.lines(setsFile: "eval/train/sets.txt", corpus: F.corpusDirectory, intents: F.intentsDirectory,
                                                 base: F.packageRoot)
        let freshLines = fresh.split(separator: "\n")
        let committedLines = String(decoding: committed, as: UTF8.self).split(separator: "\n")
        #expect(freshLines.count == committedLines.count)
        let differing = zip(freshLines, committedLines).filter { $0 != $1 }.map { String($0.0.prefix(80)) }
        #expect(differing.isEmpty, "training features changed (refit with scripts/fit-scorer.py): \(differing.prefix(3))")
    }
}
