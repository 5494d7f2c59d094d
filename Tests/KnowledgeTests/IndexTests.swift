import Foundation
import Testing
@testable import Knowledge

/// Tokenizer, BM25 and the sentence/paragraph/headline index, on Chinese fixture text.
@Suite struct IndexTests {
    let normalizer = Normalizer()

    // MARK: - Tokenizer

    @Test("normalised input → terms", arguments: [
        ("115路首班车", ["115", "115路", "路", "路首", "首", "首班", "班", "班车", "车"]),
        ("地铁17号线", ["地", "地铁", "铁", "17", "17号", "号", "号线", "线"]),
        ("惠农e贷余额", ["惠", "惠农", "农", "e", "贷", "贷余", "余", "余额", "额"]),
        ("“诚信制”物业", ["诚", "诚信", "信", "信制", "制", "制物", "物", "物业", "业"]),
        ("《诚信》制度", ["诚", "诚信", "信", "信制", "制", "制度", "度"]),
        ("k115路", ["k115", "路"]),                         // not all digits: no joined term
        ("route 115", ["route", "115"]),
        ("公交,地铁", ["公", "公交", "交", "地", "地铁", "铁"]),  // punctuation separates runs
        ("7:30发车", ["7", "30", "30发", "发", "发车", "车"]),
        ("199.75米", ["199", "75", "75米", "米"]),
        ("", []),
        (",。!?", []),
    ])
    func terms(_ input: String, _ expected: [String]) {
        #expect(Tokenizer.terms(input).map(\.description).sorted() == expected.sorted())
    }

    @Test func identifierTermsAreExact() {
        let terms = Set(Tokenizer.terms("115路"))
        #expect(terms.contains(Term(word: "115")))
        #expect(terms.contains(Term(word: "115路")))
        #expect(!Set(Tokenizer.terms("1150路")).contains(Term(word: "115")))
        #expect(!Set(Tokenizer.terms("k115路")).contains(Term(word: "115")))
        #expect(Term(word: "115") != Term(word: "1150"))
        #expect(Term(bigram: "制", "物") != Term(bigram: "物", "制"))
        #expect(Term(unigram: "路").isUnigram && !Term(bigram: "路", "首").isUnigram && !Term(word: "路").isUnigram)
    }

    @Test func queryTermsWeighUnigramsDown() {
        let weighted = SentenceIndex.weightedTerms("公交公交")
        #expect(weighted.map(\.term.description) == ["公", "公交", "交", "交公"])   // each term once
        #expect(weighted.map(\.weight) == [SentenceIndex.unigramWeight, 1, SentenceIndex.unigramWeight, 1])
    }

    // MARK: - BM25

    static func bm25(_ texts: [String]) -> BM25Index {
        BM25Index(documents: texts.map { Tokenizer.terms($0) })
    }

    static func scores(_ index: BM25Index, _ terms: [Term]) -> (scores: [Double], touched: Set<Int>) {
        var scores = [Double](repeating: 0, count: index.documentCount)
        var touched: [Int32] = []
        index.accumulate(terms.map { ($0, 1.0) }, into: &scores, touched: &touched)
        return (scores, Set(touched.map(Int.init)))
    }

    @Test func rarerTermRanksHigher() {
        // 公交 is in three documents, 首班 in one; documents 0 and 1 are otherwise alike.
        let index = Self.bm25(["公交车站", "首班车站", "公交线路", "公交站点"])
        let common = Term(bigram: "公", "交"), rare = Term(bigram: "首", "班")
        #expect(index.documentFrequency(common) == 3)
        #expect(index.documentFrequency(rare) == 1)
        #expect(index.idf(rare) > index.idf(common))
        let (scores, touched) = Self.scores(index, [common, rare])
        #expect(touched == [0, 1, 2, 3])
        #expect(scores[1] > scores[0])
        #expect(scores[0] > 0)
    }

    /// The postings are laid out term by term in one array: each term's documents ascending,
    /// with its count in each, whatever order the terms came in.
    @Test func postingsListEachTermsDocumentsInOrder() {
        let index = Self.bm25(["车站公交公交", "首班", "公交车站车站车站", "", "站"])
        let bus = index.postings(of: Term(bigram: "公", "交"))
        #expect(bus.map(\.doc) == [0, 2] && bus.map(\.tf) == [2, 1])
        let station = index.postings(of: Term(bigram: "车", "站"))
        #expect(station.map(\.doc) == [0, 2] && station.map(\.tf) == [1, 3])
        #expect(index.postings(of: Term(unigram: "站")).map(\.doc) == [0, 2, 4])
        #expect(index.postings(of: Term(bigram: "地", "铁")).isEmpty)
        #expect(BM25Index.firstPosting(atLeast: 1, in: station) == 1)
        #expect(BM25Index.firstPosting(atLeast: 3, in: station) == 2)
        #expect(index.documentCount == 5)
    }

    @Test func scoreFollowsTheBM25Formula() {
        let texts = ["公交公交车站", "首班车站", "公交线路调整"]
        let index = Self.bm25(texts)
        let term = Term(bigram: "公", "交")
        let (scores, _) = Self.scores(index, [term])
        let lengths = texts.map { Double(Tokenizer.terms($0).count) }
        let avgdl = lengths.reduce(0, +) / Double(lengths.count)
        let n = 3.0, df = 2.0, k1 = BM25Index.k1, b = BM25Index.b
        let idf = log(1 + (n - df + 0.5) / (df + 0.5))
        func expected(tf: Double, length: Double) -> Double { idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / avgdl)) }
        #expect(abs(scores[0] - expected(tf: 2, length: lengths[0])) < 1e-9)
        #expect(scores[1] == 0)
        #expect(abs(scores[2] - expected(tf: 1, length: lengths[2])) < 1e-9)
        #expect(index.idf(Term(bigram: "地", "铁")) == 0)
    }

    @Test func explainNamesEachTermAndSumsToTheScore() {
        let index = Self.bm25(["公交首班车七点发车", "首班车站", "公交线路调整"])
        let query: [(term: Term, weight: Double)] = [(Term(bigram: "公", "交"), 1), (Term(bigram: "首", "班"), 1),
                                                     (Term(unigram: "车"), 0.35), (Term(bigram: "地", "铁"), 1)]
        var scores = [Double](repeating: 0, count: 3)
        var touched: [Int32] = []
        index.accumulate(query, into: &scores, touched: &touched)
        let parts = index.explain(query, document: 0)
        #expect(parts.map(\.term.description) == ["公交", "首班", "车"])   // 地铁 is not in the document
        #expect(parts.allSatisfy { $0.contribution > 0 })
        #expect(abs(parts.map(\.contribution).reduce(0, +) - scores[0]) < 1e-9)
    }

    // MARK: - Sentence index

    static let transitPage = """
    115路公交调整发车时间

    ■记者 沈涛

    本报讯 首班车时间提前到早上六点半。末班车时间不变。

    社区新增便民服务点

    ■记者 顾言

    本报讯 首班车时间提前到早上六点半。服务点提供八折优惠。

    1150路与K115路同步调整

    ■记者 顾言

    本报讯 1150路全程票价2元。K115路全程票价3元。

    口袋公园开放

    ■记者 林晓

    本报讯 城南口袋公园昨天开放。

    公园设有儿童游乐区,周末还有免费讲座。

    公园晚上十点闭园。
    """

    static let transitKB = KnowledgeBase.build(pages: [Page(file: "transit.txt", text: transitPage)])

    func search(_ question: String, limit: Int = 10) -> [SentenceHit] {
        Self.transitKB.index.search(normalizer.normalize(question), limit: limit)
    }

    func text(_ hit: SentenceHit) -> String { Self.transitKB.sentences[hit.sentence].text }

    @Test func exactIdentifiers() throws {
        let kb = Self.transitKB
        #expect(kb.index.sentenceFrequency(Term(word: "115")) == 0)          // 115 is only in a headline
        #expect(kb.index.sentenceFrequency(Term(word: "1150")) == 1)
        #expect(kb.index.sentenceFrequency(Term(word: "k115")) == 1)
        let hits = kb.index.search([(Term(word: "1150"), 1)])
        #expect(hits.map(text) == ["1150路全程票价2元。"])
        let k = kb.index.search(normalizer.normalize("Ｋ115路票价"))
        #expect(k.first.map(text) == "K115路全程票价3元。")
        // The 115 headline never lends its score to the 1150 / K115 story.
        let titles = kb.index.searchTitles(SentenceIndex.weightedTerms(normalizer.normalize("115路")))
        let top = try #require(titles.first)
        #expect(kb.articles[top.article].headline == "115路公交调整发车时间")
        let explained = kb.index.explain(SentenceIndex.weightedTerms("115路"), sentence: try #require(hits.first).sentence)
        #expect(!explained.contains { $0.term == "115" || $0.term == "115路" })
    }

    @Test func headlineBoostsItsSentences() throws {
        let hits = search("115路首班车时间")
        let same = hits.filter { text($0) == "首班车时间提前到早上六点半。" }
        #expect(same.count == 2)
        let (boosted, plain) = (same[0], same[1])
        #expect(Self.transitKB.articles[Self.transitKB.sentences[boosted.sentence].article].headline == "115路公交调整发车时间")
        #expect(abs(boosted.bodyScore - plain.bodyScore) < 1e-9)
        #expect(boosted.titleScore > 0)
        #expect(plain.titleScore == 0)
        #expect(boosted.score > plain.score)
        #expect(abs(boosted.score - (boosted.bodyScore + SentenceIndex.titleBoost * boosted.titleScore)) < 1e-9)
        #expect(hits.first?.sentence == boosted.sentence)
    }

    @Test("explain names each term and sums to the score", arguments: [
        "115路首班车时间", "票价多少", "公园几点闭园", "幾點發車", "优惠",
    ])
    func explainSumsToScore(_ question: String) throws {
        let terms = SentenceIndex.weightedTerms(normalizer.normalize(question))
        let hits = Self.transitKB.index.search(terms)
        #expect(!hits.isEmpty)
        let names = Set(terms.map(\.term.description))
        for hit in hits {
            let parts = Self.transitKB.index.explain(terms, sentence: hit.sentence)
            #expect(parts.allSatisfy { names.contains($0.term) && ($0.field == "body" || $0.field == "headline") })
            #expect(abs(parts.map(\.contribution).reduce(0, +) - hit.score) < 1e-9)
        }
    }

    @Test("explain sums to the score on the bundled corpus, common terms included", arguments: [
        "长三角的企业", "嘉善的公交几点发车", "交通学校的招生热线是多少", "明天的天气怎么样",
    ])
    func explainSumsToScoreOnCorpus(_ question: String) {
        let kb = PracticalFactsFixtures.corpus
        let terms = SentenceIndex.weightedTerms(normalizer.normalize(question))
        let hits = kb.index.search(terms)
        #expect(!hits.isEmpty)
        for hit in hits {
            let sum = kb.index.explain(terms, sentence: hit.sentence).map(\.contribution).reduce(0, +)
            #expect(abs(sum - hit.score) < 1e-9, "sentence \(hit.sentence): explained \(sum), scored \(hit.score)")
        }
    }

    @Test func resultsOnNonASCIIText() throws {
        // Traditional script and full-width digits meet the simplified, half-width corpus.
        #expect(search("末班車時間").first.map(text) == "末班车时间不变。")
        #expect(search("八折優惠").first.map(text) == "服务点提供八折优惠。")
        #expect(search("公園幾點閉園").first.map(text) == "公园晚上十点闭园。")
        #expect(search("１１５０路票價").first.map(text) == "1150路全程票价2元。")
        #expect(search("地铁换乘").isEmpty)
    }

    @Test func resultsAreRankedAndLimited() {
        let hits = search("首班车时间票价", limit: 3)
        #expect(hits.count == 3)
        #expect(zip(hits, hits.dropFirst()).allSatisfy { $0.score >= $1.score })
    }

    @Test func paragraphSearch() throws {
        let kb = Self.transitKB
        let park = try #require(kb.articles.firstIndex { $0.headline == "口袋公园开放" })
        let hits = kb.index.searchParagraphs(SentenceIndex.weightedTerms(normalizer.normalize("周末免费讲座")))
        let top = try #require(hits.first)
        #expect(top.article == park)
        #expect(top.paragraph == 1)
        #expect(kb.articles[park].paragraphs[top.paragraph] == "公园设有儿童游乐区,周末还有免费讲座。")
    }

    @Test func aParagraphIsScoredOnAllItsSentences() throws {
        // 六点半 is in the first sentence, 八折 in the second: only the service point's paragraph
        // holds both, and it outranks the route's paragraph, which holds only the first.
        let kb = Self.transitKB
        let point = try #require(kb.articles.firstIndex { $0.headline == "社区新增便民服务点" })
        let hits = kb.index.searchParagraphs(SentenceIndex.weightedTerms(normalizer.normalize("六点半 八折")))
        let top = try #require(hits.first)
        #expect(top.article == point && top.paragraph == 0)
        #expect(hits.count >= 2 && hits[0].score > hits[1].score)
    }

    @Test func charactersInsideAPrintedBigramAreNotScoredAlone() {
        let kb = Self.transitKB
        let query = SentenceIndex.weightedTerms(normalizer.normalize("首班车"))
        let scored = kb.index.scoredTerms(query).map(\.term.description)
        #expect(scored.contains("首班") && scored.contains("班车"))
        #expect(!scored.contains("首") && !scored.contains("班") && !scored.contains("车"), "\(scored)")
        // A character with no printed bigram around it stays.
        let lone = kb.index.scoredTerms(SentenceIndex.weightedTerms(normalizer.normalize("鑫"))).map(\.term.description)
        #expect(lone == ["鑫"])
    }

    @Test func titleSearch() throws {
        let kb = Self.transitKB
        let hits = kb.index.searchTitles(SentenceIndex.weightedTerms(normalizer.normalize("便民服务点")))
        let top = try #require(hits.first)
        #expect(kb.articles[top.article].headline == "社区新增便民服务点")
        #expect(kb.index.normalizedTitle(of: top.article) == Array("社区新增便民服务点".unicodeScalars))
    }

    @Test func printsTellsWhichArticleSaysATerm() throws {
        let kb = Self.transitKB
        let route = try #require(kb.articles.firstIndex { $0.headline == "115路公交调整发车时间" })
        let point = try #require(kb.articles.firstIndex { $0.headline == "社区新增便民服务点" })
        let park = try #require(kb.articles.firstIndex { $0.headline == "口袋公园开放" })
        let fares = try #require(kb.articles.firstIndex { $0.headline == "1150路与K115路同步调整" })
        func prints(_ term: Term, _ article: Int) -> Bool { kb.index.prints(kb.index.locate(termKey: term.key), article: article) }
        // In a sentence of this article and of another one.
        #expect(prints(Term(bigram: "首", "班"), route) && prints(Term(bigram: "首", "班"), point))
        #expect(!prints(Term(bigram: "首", "班"), park))
        // Only in the last paragraph of an article (not its first sentence).
        #expect(prints(Term(bigram: "闭", "园"), park) && !prints(Term(bigram: "闭", "园"), fares))
        // Only in a headline.
        #expect(prints(Term(word: "115"), route) && !prints(Term(word: "115"), fares))
        #expect(prints(Term(bigram: "便", "民"), point))
        // Printed nowhere.
        #expect(kb.index.locate(termKey: Term(bigram: "鑫", "鑫").key).isEmpty)
        #expect(!prints(Term(bigram: "鑫", "鑫"), park))
    }
}
