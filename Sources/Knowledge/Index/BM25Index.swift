import Foundation

/// Okapi BM25 over a fixed set of documents (each a list of terms), with per-term explanations.
///
/// score(d, q) = Σ_t idf(t) · tf(t,d)·(k1+1) / (tf(t,d) + k1·(1 − b + b·|d|/avgdl)),
/// idf(t) = ln(1 + (N − df + 0.5)/(df + 0.5)). Query terms are counted once each.
public struct BM25Index: Sendable {
    public static let k1 = 1.2
    public static let b = 0.75

    struct Posting: Sendable {
        var doc: Int32
        var tf: UInt16
    }

    private var termIDs: [UInt64: Int32] = [:]
    private var postings: [[Posting]] = []
    private var docLengths: [Float] = []
    private var averageLength: Double = 1
    /// `k1 · (1 − b + b·|d|/avgdl)` per document, worked out once (the inner loop of every search).
    private var norms: [Double] = []
    public private(set) var documentCount = 0
    private var totalLength = 0

    public init(documents: [[Term]]) {
        self.init(count: documents.count) { documents[$0] }
    }

    /// An index of `count` documents whose terms come from `terms(d)`, one at a time: no
    /// document's terms outlive their turn (the build's peak memory).
    public init(count: Int, terms termsOf: (Int) -> [Term]) {
        self.init()
        docLengths.reserveCapacity(count)
        for d in 0..<count { add(termsOf(d)) }
        finish()
    }

    /// An empty index, to be filled with `add` and closed with `finish`.
    public init() {}

    /// Adds the next document (number `documentCount`).
    public mutating func add(_ terms: [Term]) {
        let d = documentCount
        documentCount += 1
        docLengths.append(Float(terms.count))
        totalLength += terms.count
        var counts: [UInt64: UInt16] = [:]
        for t in terms { counts[t.key, default: 0] &+= 1 }
        for (key, tf) in counts {
            let id: Int32
            if let existing = termIDs[key] { id = existing } else {
                id = Int32(postings.count)
                termIDs[key] = id
                postings.append([])
            }
            postings[Int(id)].append(Posting(doc: Int32(d), tf: tf))
        }
    }

    /// Works out the length normalisation once every document is added (postings are already
    /// in document order).
    public mutating func finish() {
        for i in postings.indices { postings[i] = postings[i].compacted() }   // one list at a time: no second copy of them all
        averageLength = documentCount == 0 ? 1 : max(1, Double(totalLength) / Double(documentCount))
        let average = averageLength
        norms = docLengths.map { BM25Index.k1 * (1 - BM25Index.b + BM25Index.b * Double($0) / average) }
    }

    /// Every Han bigram of the index with its document frequency.
    public func bigrams() -> [(Unicode.Scalar, Unicode.Scalar, Int)] {
        termIDs.compactMap { key, id in
            guard key >> 60 == 2 else { return nil }
            let a = Unicode.Scalar(UInt32((key >> 21) & 0x1FFFFF))!
            let b = Unicode.Scalar(UInt32(key & 0x1FFFFF))!
            return (a, b, postings[Int(id)].count)
        }
    }

    /// Number of documents containing `term`.
    /// Number of terms in document `d`.
    func length(of d: Int) -> Double { Double(docLengths[d]) }

    /// The documents holding `term`, in document order, with its frequency in each.
    func postings(of term: Term) -> [Posting] {
        guard let id = termIDs[term.key] else { return [] }
        return postings[Int(id)]
    }

    /// The documents holding the term with this key, in document order (empty when none does).
    func postings(ofKey key: UInt64) -> [Posting] {
        guard let id = termIDs[key] else { return [] }
        return postings[Int(id)]
    }

    /// Index of the first posting whose document is at least `doc` (binary search).
    static func firstPosting(atLeast doc: Int32, in list: [Posting]) -> Int {
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid].doc < doc { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    public func documentFrequency(_ term: Term) -> Int {
        guard let id = termIDs[term.key] else { return 0 }
        return postings[Int(id)].count
    }

    /// Inverse document frequency of `term` (0 when absent).
    public func idf(_ term: Term) -> Double {
        let df = Double(documentFrequency(term))
        guard df > 0 else { return 0 }
        let n = Double(documentCount)
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    /// Adds each document's score for `terms` (weighted) into `scores` (indexed by document),
    /// appending newly touched documents to `touched`. Terms in more than `maxDocumentFraction`
    /// of documents are skipped: they carry almost no weight but have long postings.
    /// Returns the terms used with their weighted idf.
    @discardableResult
    public func accumulate(_ terms: [(term: Term, weight: Double)], into scores: inout [Double], touched: inout [Int32],
                           maxDocumentFraction: Double = 0.3) -> [(Term, Double)] {
        var used: [(Term, Double)] = []
        let n = Double(documentCount)
        let k1 = BM25Index.k1
        for (term, weight) in terms {
            guard let id = termIDs[term.key] else { continue }
            let list = postings[Int(id)]
            let df = Double(list.count)
            if isTooCommon(df: df, maxDocumentFraction: maxDocumentFraction) { continue }
            let idf = log(1 + (n - df + 0.5) / (df + 0.5)) * weight
            used.append((term, idf))
            for p in list {
                let d = Int(p.doc)
                let tf = Double(p.tf)
                let norm = norms[d]
                if scores[d] == 0 { touched.append(p.doc) }
                scores[d] += idf * tf * (k1 + 1) / (tf + norm)
            }
        }
        return used
    }

    /// Whether `accumulate` skips a term found in `df` documents (see there); small collections
    /// skip nothing.
    func isTooCommon(df: Double, maxDocumentFraction: Double) -> Bool {
        let n = Double(documentCount)
        return df > n * maxDocumentFraction && n > 20
    }

    /// The per-term contributions to one document's score (for `--explain`): the terms
    /// `accumulate` used with the same `maxDocumentFraction`, so they sum to the score.
    public func explain(_ terms: [(term: Term, weight: Double)], document d: Int,
                        maxDocumentFraction: Double = 0.3) -> [(term: Term, contribution: Double)] {
        var out: [(Term, Double)] = []
        let n = Double(documentCount)
        for (term, weight) in terms {
            guard let id = termIDs[term.key], let p = postings[Int(id)].first(where: { $0.doc == Int32(d) }) else { continue }
            let df = Double(postings[Int(id)].count)
            if isTooCommon(df: df, maxDocumentFraction: maxDocumentFraction) { continue }
            let idf = log(1 + (n - df + 0.5) / (df + 0.5)) * weight
            let tf = Double(p.tf)
            let norm = BM25Index.k1 * (1 - BM25Index.b + BM25Index.b * Double(docLengths[d]) / averageLength)
            out.append((term, idf * tf * (BM25Index.k1 + 1) / (tf + norm)))
        }
        return out
    }
}
