import Foundation
import Testing
@testable import Bot
import Knowledge

/// Near-synonyms from CC-CEDICT: the table's format is validated on load, and a question's
/// word is found as the page's synonym (`营运` as `运营`) — which it is not without the table.
@Suite struct SynonymsTests {
    func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

    @Test func parsesWordsAndSynonyms() throws {
        let t = try Synonyms.parse("# comment\n运营\t营运 营业 营运 运营\n\n申请\t申办\n", file: "synonyms-x.tsv")
        #expect(t.count == 2)
        let of = t.of("运", "营")
        // The word itself and a repeat are dropped.
        #expect(of == [scalars("营运"), scalars("营业")])
        #expect(t.of("申", "请") == [scalars("申办")])
        #expect(t.of("电", "话").isEmpty)
    }

    @Test(arguments: [
        ("运营 营运\n", "line 1"),             // no tab
        ("运营\t营运\n运营商\t营运\n", "line 2"),  // a three-character word
        ("运营\t营运商\n", "line 1"),           // a three-character synonym
        ("运营\t\n", "line 1"),                 // no synonyms
        ("运营\t营运\n运营\t营业\n", "twice"),     // a word listed twice
    ])
    func badLinesAreErrorsNamingTheLine(_ text: String, _ where_: String) {
        do {
            _ = try Synonyms.parse(text, file: "synonyms-x.tsv")
            Issue.record("accepted \(text)")
        } catch {
            #expect("\(error)".contains("synonyms-x.tsv") && "\(error)".contains(where_), "\(error)")
        }
    }

    @Test func mergingKeepsBothTablesWords() throws {
        let a = try Synonyms.parse("运营\t营运\n", file: "a")
        let b = try Synonyms.parse("运营\t营业\n申请\t申办\n", file: "b")
        let m = a.merged(with: b)
        #expect(m.count == 2)
        #expect(m.of("运", "营") == [scalars("营运"), scalars("营业")])
    }

    @Test func theShippedTableIsLoadedWithTheIntents() throws {
        let catalog = try IntentCatalog.load(directory: BotFixtures.intentsDirectory, normalizer: Normalizer())
        #expect(catalog.synonyms.count > 10_000)
        #expect(catalog.synonyms.of("运", "营").contains(scalars("营运")))
    }

    @Test func aQuestionsWordIsFoundAsThePagesSynonym() throws {
        let normalizer = Normalizer()
        let page = "嘉善县新开一条旅游专线\n本线路由甲运输公司和乙公交公司共同运营，每天往返各9班。\n票价全程5元。\n"
        let kb = KnowledgeBase.build(pages: [Page(file: "2025-01-01_嘉善.txt", text: page)], problems: [], normalizer: normalizer)
        let catalog = try IntentCatalog.load(directory: BotFixtures.intentsDirectory, normalizer: normalizer)
        let analyzer = QueryAnalyzer(kb: kb, catalog: catalog, normalizer: normalizer)
        let u = analyzer.analyze("这条线路由哪家公司营运")
        let sentence = try #require(kb.sentences.firstIndex { $0.text.contains("共同运营") })
        let with = RetrievalAnswerer(kb: kb, scorer: catalog.scorer!, synonyms: catalog.synonyms)
        let without = RetrievalAnswerer(kb: kb, scorer: catalog.scorer!)
        let unit = try #require(with.units(of: analyzer.analyze("这条线路由哪家公司营运")).first { String(scalars: $0.scalars) == "营运" })
        #expect(unit.present && unit.alternatives.contains(scalars("运营")))
        #expect(without.units(of: analyzer.analyze("这条线路由哪家公司营运")).first { String(scalars: $0.scalars) == "营运" }?.present == false)
        #expect(with.sentenceCoverage(u, sentence: sentence) > without.sentenceCoverage(analyzer.analyze("这条线路由哪家公司营运"), sentence: sentence))
        // The scorer sees what was matched only as a synonym.
        let c = try #require(with.candidates(analyzer.analyze("这条线路由哪家公司营运")).first { $0.sentence == sentence })
        let share = c.features[AnswerScorer.featureNames.firstIndex(of: "synonym_share")!]
        #expect(share > 0)
    }
}
