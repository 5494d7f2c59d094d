import Foundation

/// One ranked sentence.
public struct SentenceHit: Sendable {
    public var sentence: Int
    /// Body BM25 + headline boost.
    public var score: Double
    public var bodyScore: Double
    public var titleScore: Double

    public init(sentence: Int, score: Double, bodyScore: Double, titleScore: Double) {
        self.sentence = sentence
        self.score = score
        self.bodyScore = bodyScore
        self.titleScore = titleScore
    }
}

/// One ranked paragraph.
public struct ParagraphHit: Sendable {
    public var article: Int
    public var paragraph: Int
    public var score: Double
}

/// BM25 search over every sentence and every paragraph, with the article's headline as a boosting
/// field (`titleBoost` × the headline's BM25 is added to each matching sentence of the article).
/// Read-only after construction and safe to share; per-query scratch buffers come from a pool.
public final class SentenceIndex: @unchecked Sendable {
    /// Weight of a Han unigram relative to a bigram or word: single characters are weak evidence.
    public static let unigramWeight = 0.35
    /// Headline score is multiplied by this before being added to a sentence's score.
    public static let titleBoost = 0.5

    let body: BM25Index
    let titles: BM25Index
    let sentenceArticle: [Int32]
    /// The paragraph (index into `paragraphKeys`) of each sentence, and each paragraph's BM25
    /// length normalisation.
    let sentenceParagraph: [Int32]
    let paragraphNorms: [Double]
    /// Each article's kicker + headline + subtitle, normalised (scalars).
    let titleScalars: [[Unicode.Scalar]]
    /// (article, paragraph) of each paragraph document.
    let paragraphKeys: [(Int32, Int32)]
    /// Lowest and highest sentence id of each article (an empty article has an empty span).
    let articleSpans: [(first: Int32, last: Int32)]
    private let pool: ScratchPool

    public init(articles: [Article], sentences: [Sentence], normalizer: Normalizer) {
        body = BM25Index(count: sentences.count, termKeys: { Tokenizer.termKeys(sentences[$0].scalars) })
        // Paragraphs are scored from the sentence postings (a paragraph's sentences are
        // consecutive): no second posting list, only each sentence's paragraph and each
        // paragraph's length.
        var keys: [(Int32, Int32)] = []
        var ofSentence: [Int32] = []
        ofSentence.reserveCapacity(sentences.count)
        var lengths: [Double] = []
        for (i, sentence) in sentences.enumerated() {
            if i == 0 || sentences[i - 1].article != sentence.article || sentences[i - 1].paragraph != sentence.paragraph {
                keys.append((Int32(sentence.article), Int32(sentence.paragraph)))
                lengths.append(0)
            }
            ofSentence.append(Int32(keys.count - 1))
            lengths[keys.count - 1] += body.length(of: i)
        }
        let average = lengths.isEmpty ? 1 : max(1, lengths.reduce(0, +) / Double(lengths.count))
        paragraphNorms = lengths.map { BM25Index.k1 * (1 - BM25Index.b + BM25Index.b * $0 / average) }
        sentenceParagraph = ofSentence
        paragraphKeys = keys
        let normalizedTitles = articles.map { a in
            Array(normalizer.normalize([a.kicker, a.headline, a.subtitle].compactMap { $0 }.joined(separator: " ")).unicodeScalars)
        }
        titleScalars = normalizedTitles
        titles = BM25Index(count: normalizedTitles.count, termKeys: { Tokenizer.termKeys(normalizedTitles[$0]) })
        sentenceArticle = sentences.map { Int32($0.article) }
        articleSpans = articles.map { a in
            (Int32(a.sentenceIDs.min() ?? 0), a.sentenceIDs.max().map(Int32.init) ?? -1)
        }
        pool = ScratchPool(sizes: [sentences.count, articles.count, keys.count, keys.count])
    }

    /// Query terms of a normalised question, with Han unigrams down-weighted.
    public static func weightedTerms(_ normalizedQuery: String) -> [(term: Term, weight: Double)] {
        var seen = Set<UInt64>()
        var out: [(Term, Double)] = []
        for t in Tokenizer.terms(normalizedQuery) where seen.insert(t.key).inserted {
            out.append((t, t.isUnigram ? unigramWeight : 1))
        }
        return out
    }

    /// Top sentences for the weighted query terms, best first.
    /// The query terms a search scores: a character the query also holds inside a bigram the
    /// corpus prints adds little to the ranking and a long posting list to walk (every sentence
    /// with 车), so it is left out.
    func scoredTerms(_ query: [(term: Term, weight: Double)]) -> [(term: Term, weight: Double)] {
        var inBigrams = Set<UInt32>()
        for (t, _) in query where t.key >> 60 == 2 && body.documentFrequency(t) > 0 {
            inBigrams.insert(UInt32((t.key >> 21) & 0x1FFFFF))
            inBigrams.insert(UInt32(t.key & 0x1FFFFF))
        }
        return inBigrams.isEmpty ? query : query.filter { !($0.term.isUnigram && inBigrams.contains(UInt32($0.term.key & 0x1FFFFF))) }
    }

    public func search(_ query: [(term: Term, weight: Double)], limit: Int = 10) -> [SentenceHit] {
        let terms = scoredTerms(query)
        var scratch = pool.take()
        defer { pool.give(back: &scratch) }
        body.accumulate(terms, into: &scratch.buffers[0], touched: &scratch.touched[0])
        titles.accumulate(terms, into: &scratch.buffers[1], touched: &scratch.touched[1])
        // The best `limit` kept while scanning (ties in scan order), not a list of every hit.
        var kept: [SentenceHit] = []
        kept.reserveCapacity(limit + 1)
        guard limit > 0 else { return [] }
        for d in scratch.touched[0] {
            let s = Int(d)
            let b = scratch.buffers[0][s]
            let t = scratch.buffers[1][Int(sentenceArticle[s])]
            let score = b + SentenceIndex.titleBoost * t
            if kept.count == limit, score <= kept[limit - 1].score { continue }
            var i = kept.count
            while i > 0, kept[i - 1].score < score { i -= 1 }
            kept.insert(SentenceHit(sentence: s, score: score, bodyScore: b, titleScore: t), at: i)
            if kept.count > limit { kept.removeLast() }
        }
        return kept
    }

    /// Convenience: search with the terms of a normalised query.
    public func search(_ normalizedQuery: String, limit: Int = 10) -> [SentenceHit] {
        search(SentenceIndex.weightedTerms(normalizedQuery), limit: limit)
    }

    /// Top articles by headline alone.
    public func searchTitles(_ terms: [(term: Term, weight: Double)], limit: Int = 5) -> [(article: Int, score: Double)] {
        var scratch = pool.take()
        defer { pool.give(back: &scratch) }
        titles.accumulate(terms, into: &scratch.buffers[1], touched: &scratch.touched[1])
        let hits = scratch.touched[1].map { (article: Int($0), score: scratch.buffers[1][Int($0)]) }
        return SentenceIndex.top(hits, limit: limit) { $0.score }
    }

    /// Top paragraphs, best first: BM25 over paragraphs as documents, their term frequencies
    /// summed from the sentence postings.
    public func searchParagraphs(_ query: [(term: Term, weight: Double)], limit: Int = 5) -> [ParagraphHit] {
        var scratch = pool.take()
        defer { pool.give(back: &scratch) }
        let n = Double(paragraphKeys.count)
        let k1 = BM25Index.k1
        for (term, weight) in scoredTerms(query) {
            // Term frequency per paragraph (buffer 3, cleared again before the next term).
            var holding: [Int32] = []
            for p in body.postings(of: term) {
                let para = sentenceParagraph[Int(p.doc)]
                if scratch.buffers[3][Int(para)] == 0 { holding.append(para) }
                scratch.buffers[3][Int(para)] += Double(p.tf)
            }
            let df = Double(holding.count)
            defer { for para in holding { scratch.buffers[3][Int(para)] = 0 } }
            guard df > 0, !(df > n * 0.3 && n > 20) else { continue }
            let idf = log(1 + (n - df + 0.5) / (df + 0.5)) * weight
            for para in holding {
                let d = Int(para)
                let tf = scratch.buffers[3][d]
                if scratch.buffers[2][d] == 0 { scratch.touched[2].append(para) }
                scratch.buffers[2][d] += idf * tf * (k1 + 1) / (tf + paragraphNorms[d])
            }
        }
        let hits = scratch.touched[2].map { d -> ParagraphHit in
            let (a, p) = paragraphKeys[Int(d)]
            return ParagraphHit(article: Int(a), paragraph: Int(p), score: scratch.buffers[2][Int(d)])
        }
        return SentenceIndex.top(hits, limit: limit) { $0.score }
    }

    /// Every term's contribution to a sentence's score: body terms, then headline terms (boosted).
    public func explain(_ query: [(term: Term, weight: Double)], sentence: Int) -> [(term: String, field: String, contribution: Double)] {
        let terms = scoredTerms(query)
        var out = body.explain(terms, document: sentence).map { (term: $0.term.description, field: "body", contribution: $0.contribution) }
        out += titles.explain(terms, document: Int(sentenceArticle[sentence])).map {
            (term: $0.term.description, field: "headline", contribution: $0.contribution * SentenceIndex.titleBoost)
        }
        return out.sorted { $0.contribution > $1.contribution }
    }

    /// An article's headline (with kicker and subtitle), normalised.
    public func normalizedTitle(of article: Int) -> [Unicode.Scalar] { titleScalars[article] }

    /// Where one term (by key) is printed: its sentence and headline postings, looked up once
    /// so that many articles can be tested against it.
    public struct TermLocation: Sendable {
        let body: BM25Index.Postings
        let titles: BM25Index.Postings
        /// Whether no sentence or headline prints the term.
        public var isEmpty: Bool { body.isEmpty && titles.isEmpty }
    }

    public func locate(termKey key: UInt64) -> TermLocation {
        TermLocation(body: body.postings(ofKey: key), titles: titles.postings(ofKey: key))
    }

    /// Whether an article's sentences or its headline print the located term: a binary search
    /// in each posting list — "does this article say X" without a term set per article.
    public func prints(_ location: TermLocation, article: Int) -> Bool {
        if !location.titles.isEmpty,
           BM25Index.anyPosting(in: location.titles, within: Int32(article)...Int32(article), where: { _ in true }) { return true }
        let span = articleSpans[article]
        guard !location.body.isEmpty, span.first <= span.last else { return false }
        return BM25Index.anyPosting(in: location.body, within: span.first...span.last) { sentenceArticle[Int($0)] == Int32(article) }
    }

    /// Inverse document frequency of a term among sentences (0 when it occurs nowhere).
    public func idf(_ term: Term) -> Double { body.idf(term) }

    /// Every Han bigram of the sentences with the number of sentences holding it.
    public func bigrams() -> [(Unicode.Scalar, Unicode.Scalar, Int)] { body.bigrams() }

    /// Number of sentences containing the term.
    public func sentenceFrequency(_ term: Term) -> Int { body.documentFrequency(term) }

    /// The `limit` best items, best first; ties keep their order. A bounded insertion pass, not
    /// a sort of every matching sentence (thousands on a large corpus, for ten kept).
    static func top<T>(_ items: [T], limit: Int, by score: (T) -> Double) -> [T] {
        guard limit > 0 else { return [] }
        if items.count <= limit { return items.enumerated().sorted { (score($0.1), -$0.0) > (score($1.1), -$1.0) }.map(\.1) }
        var kept: [(item: T, score: Double)] = []
        kept.reserveCapacity(limit + 1)
        for item in items {
            let s = score(item)
            if kept.count == limit, s <= kept[limit - 1].score { continue }
            var i = kept.count
            while i > 0, kept[i - 1].score < s { i -= 1 }
            kept.insert((item, s), at: i)
            if kept.count > limit { kept.removeLast() }
        }
        return kept.map(\.item)
    }
}

/// Reusable zeroed score buffers, so a query never allocates and clears a corpus-sized array.
/// Guarded by a lock (held only to pop/push a buffer set).
final class ScratchPool: @unchecked Sendable {
    struct Scratch {
        var buffers: [[Double]]
        var touched: [[Int32]]
    }

    private let sizes: [Int]
    private let lock = NSLock()
    private var free: [Scratch] = []

    init(sizes: [Int]) {
        self.sizes = sizes
    }

    func take() -> Scratch {
        lock.lock()
        if let s = free.popLast() { lock.unlock(); return s }
        lock.unlock()
        return Scratch(buffers: sizes.map { [Double](repeating: 0, count: $0) }, touched: sizes.map { _ in [] })
    }

    /// Clears only the touched entries and returns the buffers to the pool.
    func give(back scratch: inout Scratch) {
        for k in scratch.buffers.indices {
            for d in scratch.touched[k] { scratch.buffers[k][Int(d)] = 0 }
            scratch.touched[k].removeAll(keepingCapacity: true)
        }
        lock.lock()
        if free.count < 64 { free.append(scratch) }
        lock.unlock()
    }
}
