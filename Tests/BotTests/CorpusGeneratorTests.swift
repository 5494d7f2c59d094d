import Foundation
import Knowledge
import Testing
@testable import Bot

@Suite struct CorpusGeneratorTests {
    /// The bundled corpus (`<package>/corpus`).
    static let bundledCorpus: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/corpus"
    }()

    private func bundled() throws -> CorpusGenerator { try CorpusGenerator.reading(directory: Self.bundledCorpus) }

    @Test func sameSourcesAndCountGiveTheSamePagesAndQuestions() throws {
        let generator = try bundled()
        let a = generator.generate(pageCount: 23), b = generator.generate(pageCount: 23)
        #expect(a.pages == b.pages)
        #expect(a.questions == b.questions)
        #expect(a.pages.map(\.name) == a.pages.map(\.name).sorted(), "file-name order is page order")
    }

    @Test func firstRoundIsTheSourcesVerbatimAndLaterRoundsDiffer() throws {
        let generator = try bundled()
        let corpus = generator.generate(pageCount: 2 * generator.sources.count)
        for (page, source) in zip(corpus.pages, generator.sources) {
            #expect(page.text == source.text && page.round == 0 && page.source == source.name)
        }
        let varied = corpus.pages[generator.sources.count...]
        #expect(varied.allSatisfy { $0.round == 1 })
        #expect(varied.contains { $0.text.contains("K1008路") && !$0.text.contains("115路") })
        #expect(corpus.questions.allSatisfy { q in varied.contains { $0.name == q.page } })
    }

    @Test func everyPageParses() throws {
        let corpus = try bundled().generate(pageCount: 15)
        for page in corpus.pages {
            let parsed = PageLoader.page(from: Data(page.text.utf8), name: page.name)
            #expect((try? parsed.get()) != nil, "\(page.name)")
        }
    }

    /// The knowledge base finds the generated facts the questions are about.
    @Test func generatedFactsAreExtracted() throws {
        let corpus = try bundled().generate(pageCount: 10)
        // The bus/service and notice/contest pages of both rounds (fewer pages: a quicker build).
        let pages = try [3, 4, 8, 9].map { try PageLoader.page(from: Data(corpus.pages[$0].text.utf8), name: corpus.pages[$0].name).get() }
        let kb = KnowledgeBase.build(pages: pages)
        let v = Variation(page: 8, round: 1)
        let route = try #require(kb.facts.routes.first { $0.routeID == v.route })
        #expect(route.fullFare?.value.value == Double(v.fare))
        #expect(route.tripsPerDay?.value == v.trips)
        #expect(route.schedules.contains { $0.last?.value == ClockTime(v.shifted("14:30")) })
        #expect(kb.facts.routes.contains { $0.routeID == "115" }, "the verbatim round keeps the bundled route")
        let school = try #require(kb.facts.contacts.first { $0.name.value.contains(Variation(page: 9, round: 1).tag) })
        #expect(school.phones.map(\.value.number).contains(Variation(page: 9, round: 1).phones.0))
        #expect(kb.facts.events.contains { $0.name.value.contains(Variation(page: 9, round: 1).tag + "五镇") })
        #expect(Set(corpus.questions.map(\.fact)).count == CorpusGenerator.questions.count)
    }

    /// Fixture sources the test writes: only pages printing an anchor are rewritten, and only
    /// questions whose anchors are all printed are asked.
    @Test func onlyPrintedAnchorsAreRewrittenAndAskedAbout() {
        let generator = CorpusGenerator(sources: [
            .init(name: "a.txt", text: "本报讯 115路全程6元,每天8个班次。"),
            .init(name: "b.txt", text: "本报讯 今天多云。"),
        ])
        let corpus = generator.generate(pageCount: 4)
        #expect(corpus.pages.map(\.name) == ["0000_a.txt", "0001_b.txt", "0002_a.txt", "0003_b.txt"])
        #expect(corpus.pages[2].text == "本报讯 K1002路全程7元,每天9个班次。")
        #expect(corpus.pages[3].text == corpus.pages[1].text)
        #expect(corpus.questions.map(\.fact) == ["route.fare", "route.trips"])
        #expect(corpus.questions.map(\.expected) == ["7元", "9"])
        #expect(corpus.questions.allSatisfy { $0.page == "0002_a.txt" })
    }

    @Test func variationsAreUniqueWhereTheyMustBe() {
        let all = (0..<CorpusGenerator.maxPages).map { Variation(page: $0, round: 1 + $0 / 5) }
        #expect(Set(all.map(\.tag)).count == all.count)
        #expect(Set(all.map(\.route)).count == all.count)
        #expect(Set(all.map(\.phones.0)).count == all.count && all.allSatisfy { $0.phones.0.count == 8 && $0.phones.1.count == 8 })
        #expect(Variation(page: 3, round: 2).shifted("14:30") == "14:40")
        #expect(Variation(page: 3, round: 5).shifted("7:30") == "7:55")
    }

    @Test func writesEveryPage() throws {
        let directory = TemporaryDirectory()
        let generator = try bundled()
        let corpus = generator.generate(pageCount: 7)
        try generator.write(corpus, to: directory.path + "/c")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/c").sorted()
        #expect(names == corpus.pages.map(\.name))
        #expect(try String(contentsOfFile: directory.path + "/c/" + names[6], encoding: .utf8) == corpus.pages[6].text)
    }
}
