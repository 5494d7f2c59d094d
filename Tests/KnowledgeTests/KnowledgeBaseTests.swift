import Testing
@testable import Knowledge

/// Building the knowledge base: the bundled corpus, pages in memory, and the sentences and
/// clauses every later stage reads.
@Suite struct KnowledgeBaseTests {
    typealias F = PracticalFactsFixtures

    // MARK: - Bundled corpus

    @Test func corpusBuildsCleanly() {
        let kb = F.corpus
        #expect(kb.pageCount == 5)
        #expect(kb.problems.isEmpty)
        #expect(kb.articles.count == 38)
        #expect(kb.sentences.count > 300)
        #expect(!kb.entities.entities.isEmpty)
        #expect(kb.facts.routes.map(\.routeID) == ["115"])
    }

    @Test func sentencesAndArticlesPointAtEachOther() {
        let kb = F.corpus
        #expect(kb.sentences.enumerated().allSatisfy { $0.offset == $0.element.id })
        var seen: [Int] = []
        for (ai, article) in kb.articles.enumerated() {
            for sid in article.sentenceIDs {
                let s = kb.sentences[sid]
                #expect(s.article == ai)
                #expect(article.paragraphs.indices.contains(s.paragraph))
                #expect(article.paragraphs[s.paragraph].contains(s.text))
            }
            seen += article.sentenceIDs
        }
        #expect(seen == Array(kb.sentences.indices))       // every sentence once, in page order
    }

    @Test func everySentenceIsNormalisedOnce() {
        let normalizer = Normalizer()
        for s in F.corpus.sentences {
            #expect(s.normalized == normalizer.normalize(s.text))
            #expect(s.scalars == Array(s.normalized.unicodeScalars))
            #expect(!s.text.isEmpty)
        }
    }

    @Test func everySentencesClausesCoverItsText() {
        for s in F.corpus.sentences { Self.checkClauses(of: s) }
    }

    /// Clauses are ordered, disjoint, non-empty, and together with the breaks between them
    /// cover the sentence — normalised and printed.
    static func checkClauses(of s: Sentence, sourceLocation: SourceLocation = #_sourceLocation) {
        let printed = Array(s.text.unicodeScalars)
        #expect(!s.clauses.isEmpty, "no clauses: \(s.text)", sourceLocation: sourceLocation)
        var coveredNormalised = [Bool](repeating: false, count: s.scalars.count)
        var coveredPrinted = [Bool](repeating: false, count: printed.count)
        var lastEnd = 0, lastPrintedEnd = 0
        for c in s.clauses {
            #expect(!s.printed(c).isEmpty, sourceLocation: sourceLocation)
            #expect(c.range.lowerBound >= lastEnd && c.range.upperBound <= s.scalars.count, "\(c) in \(s.text)",
                    sourceLocation: sourceLocation)
            #expect(c.originalRange.lowerBound >= lastPrintedEnd && c.originalRange.upperBound <= printed.count,
                    "\(c) in \(s.text)", sourceLocation: sourceLocation)
            lastEnd = c.range.upperBound
            lastPrintedEnd = c.originalRange.upperBound
            for i in c.range where i < coveredNormalised.count { coveredNormalised[i] = true }
            for i in c.originalRange where i < coveredPrinted.count { coveredPrinted[i] = true }
            let span = String(String.UnicodeScalarView(printed[c.originalRange]))
            #expect(span.contains(s.printed(c)), "clause \(s.printed(c)) not within its printed span \(span)",
                    sourceLocation: sourceLocation)
        }
        let separators = ClauseSpan.breaks.union(" ，；：。！？,;:!?…—“”".unicodeScalars)
        for (i, covered) in coveredNormalised.enumerated() where !covered {
            #expect(separators.contains(s.scalars[i]), "normalised \(s.scalars[i]) at \(i) of \(s.normalized) is in no clause",
                    sourceLocation: sourceLocation)
        }
        for (i, covered) in coveredPrinted.enumerated() where !covered {
            #expect(separators.contains(printed[i]) || printed[i].properties.isWhitespace,
                    "printed \(printed[i]) at \(i) of \(s.text) is in no clause", sourceLocation: sourceLocation)
        }
    }

    // MARK: - Clauses

    @Test("sentence → clauses (as printed)", arguments: [
        ("首班车七点半发车,末班车下午5:30,间隔10分钟。", ["首班车七点半发车", "末班车下午5:30", "间隔10分钟"]),
        ("开放时间:周一至周五8:30-17:00。", ["开放时间", "周一至周五8:30-17:00"]),
        ("地址:嘉兴市南湖区文昌路88号", ["地址", "嘉兴市南湖区文昌路88号"]),
        ("今天多云,明天晴;后天有雨!", ["今天多云", "明天晴", "后天有雨"]),
        ("他说“一窗通办,就近可办”很方便。", ["他说“一窗通办,就近可办”很方便"]),
        ("比例为1:2。", ["比例为1:2"]),
        ("ＡＢＣ公司，下午两点半开会。", ["ＡＢＣ公司", "下午两点半开会"]),
    ])
    func clauses(_ text: String, _ expected: [String]) {
        let s = Sentence(id: 0, article: 0, paragraph: 0, text: text)
        #expect(s.clauses.map(s.printed) == expected)
        Self.checkClauses(of: s)
    }

    @Test func clauseRangesMapToBothForms() throws {
        let s = Sentence(id: 0, article: 0, paragraph: 0, text: "末班车下午两点半,间隔十分钟。")
        #expect(s.normalized == "末班车下午14:30,间隔10分钟。")
        let first = try #require(s.clauses.first)
        #expect(String(String.UnicodeScalarView(s.scalars[first.range])) == "末班车下午14:30")
        #expect(String(String.UnicodeScalarView(Array(s.text.unicodeScalars)[first.originalRange])) == "末班车下午两点半")
    }

    // MARK: - Pages in memory

    static let pages = [
        Page(file: "a.txt", metadata: PageMetadata(edition: "嘉善版", date: "2023-11-21"), text: """
        城南新添一座口袋公园

        ■记者 林晓

        本报讯 昨天,城南口袋公园正式开放。公园设有儿童游乐区和健身步道。
        """),
        Page(file: "b.txt", text: """
        阳光艺术培训学校
        地址:嘉兴市南湖区文昌路88号
        招生热线:0573-82345678

        今天多云,最高气温28℃。明天小雨,东北风3到4级。
        """),
    ]

    @Test func buildsFromPagesInMemory() throws {
        let kb = KnowledgeBase.build(pages: Self.pages)
        #expect(kb.pageCount == 2)
        #expect(kb.problems.isEmpty)
        #expect(kb.articles.map(\.id.description) == ["a.txt#1", "b.txt#1", "b.txt#2"])
        #expect(kb.articles.map(\.kind) == [.story, .notice, .weather])
        #expect(kb.articles[0].metadata == PageMetadata(edition: "嘉善版", date: "2023-11-21"))
        #expect(kb.articles[0].sentenceIDs.map { kb.sentences[$0].text } == ["昨天,城南口袋公园正式开放。", "公园设有儿童游乐区和健身步道。"])
        #expect(kb.facts.contacts.map(\.name.value) == ["阳光艺术培训学校"])
        #expect(kb.facts.forecasts.count == 1)
        let hit = try #require(kb.index.search(Normalizer().normalize("健身步道")).first)
        #expect(kb.sentences[hit.sentence].text == "公园设有儿童游乐区和健身步道。")
        for s in kb.sentences { Self.checkClauses(of: s) }
    }

    @Test func buildsFromNoPages() {
        let kb = KnowledgeBase.build(pages: [], problems: [PageLoadProblem(file: "x.txt", reason: "empty page")])
        #expect(kb.pageCount == 0)
        #expect(kb.articles.isEmpty && kb.sentences.isEmpty)
        #expect(kb.problems.map(\.description) == ["x.txt: empty page"])
        #expect(kb.index.search("公园").isEmpty)
        #expect(kb.entities.lookup(Array("公园".unicodeScalars)).isEmpty)
    }
}
