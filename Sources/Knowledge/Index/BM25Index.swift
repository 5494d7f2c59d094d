import Foundation

/// Okapi BM25 over a fixed set of documents (each a list of terms), with per-term explanations.
///
/// score(d, q) = Σ_t idf(t) · tf(t,d)·(k1+1) / (tf(t,d) + k1·(1 − b + b·|d|/avgdl)),
/// idf(t) = ln(1 + (N − df + 0.5)/(df + 0.5)). Query terms are counted once each.
public struct BM25Index: Sendable {
    public static let k1 = 1.2
    public static let b = 0.75

    /// One document holding a term, and how often.
    struct Posting: Sendable {
        var doc: Int32
        var tf: UInt16
    }

    /// One term's postings, in document order: a view into the index's contiguous lists.
    struct Postings: RandomAccessCollection, Sendable {
        let docs: ArraySlice<Int32>
        let tfs: ArraySlice<UInt8>
        var startIndex: Int { 0 }
        var endIndex: Int { docs.count }
        subscript(i: Int) -> Posting {
            Posting(doc: docs[docs.startIndex + i], tf: UInt16(tfs[tfs.startIndex + i]))
        }
        static let empty = Postings(docs: [], tfs: [])
    }

    private var termIDs = TermTable()
    /// Every term's postings back to back (compressed sparse rows): term `t`'s documents are
    /// `docs[offsets[t]..<offsets[t + 1]]`, ascending, with their frequencies (at most 255: a
    /// sentence does not repeat a term that often) in `tfs`. One array each instead of a list per
    /// term: 5 bytes a posting and no per-list header.
    private var offsets: [Int32] = [0]
    private var docs: [Int32] = []
    private var tfs: [UInt8] = []
    /// While adding: each document's distinct terms (ids) and frequencies, back to back.
    private var pendingTerms: [Int32] = []
    private var pendingTFs: [UInt8] = []
    private var pendingEnds: [Int] = []
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

    /// The same index from the documents' term keys (`Tokenizer.termKeys`: no `Term`s made).
    public init(count: Int, termKeys keysOf: (Int) -> [UInt64]) {
        self.init()
        docLengths.reserveCapacity(count)
        for d in 0..<count { add(keys: keysOf(d)) }
        finish()
    }

    /// An empty index, to be filled with `add` and closed with `finish`.
    public init() {}

    /// Adds the next document (number `documentCount`): its distinct terms counted by sorting
    /// their keys, not by a dictionary per document.
    public mutating func add(_ terms: [Term]) {
        add(keys: terms.map(\.key))
    }

    /// `add(_:)` given the terms' keys.
    public mutating func add(keys unsorted: [UInt64]) {
        documentCount += 1
        docLengths.append(Float(unsorted.count))
        totalLength += unsorted.count
        var keys = unsorted
        keys.sort()
        var i = 0
        while i < keys.count {
            var j = i + 1
            while j < keys.count && keys[j] == keys[i] { j += 1 }
            let id = termIDs.id(inserting: keys[i])
            pendingTerms.append(id)
            pendingTFs.append(UInt8(min(j - i, 255)))
            i = j
        }
        pendingEnds.append(pendingTerms.count)
    }

    /// Lays the postings out term by term (a counting sort of the documents' term lists, which
    /// keeps each term's documents ascending) and works out the length normalisation.
    public mutating func finish() {
        var counts = [Int32](repeating: 0, count: termIDs.count + 1)
        for t in pendingTerms { counts[Int(t) + 1] += 1 }
        for t in 0..<termIDs.count { counts[t + 1] += counts[t] }
        offsets = counts
        var next = Array(counts.dropLast())
        docs = [Int32](repeating: 0, count: pendingTerms.count)
        tfs = [UInt8](repeating: 0, count: pendingTerms.count)
        var start = 0
        for (d, end) in pendingEnds.enumerated() {
            for k in start..<end {
                let t = Int(pendingTerms[k])
                let at = Int(next[t])
                docs[at] = Int32(d)
                tfs[at] = pendingTFs[k]
                next[t] += 1
            }
            start = end
        }
        pendingTerms = []
        pendingTFs = []
        pendingEnds = []
        averageLength = documentCount == 0 ? 1 : max(1, Double(totalLength) / Double(documentCount))
        let average = averageLength
        norms = docLengths.map { BM25Index.k1 * (1 - BM25Index.b + BM25Index.b * Double($0) / average) }
    }

    private func list(_ id: Int32) -> Postings {
        let lo = Int(offsets[Int(id)]), hi = Int(offsets[Int(id) + 1])
        return Postings(docs: docs[lo..<hi], tfs: tfs[lo..<hi])
    }

    private func count(_ id: Int32) -> Int { Int(offsets[Int(id) + 1] - offsets[Int(id)]) }

    /// Every Han bigram of the index with its document frequency.
    public func bigrams() -> [(Unicode.Scalar, Unicode.Scalar, Int)] {
        termIDs.entries.compactMap { key, id in
            guard key >> 60 == 2 else { return nil }
            let a = Unicode.Scalar(UInt32((key >> 21) & 0x1FFFFF))!
            let b = Unicode.Scalar(UInt32(key & 0x1FFFFF))!
            return (a, b, count(id))
        }
    }

    /// Number of documents containing `term`.
    /// Number of terms in document `d`.
    func length(of d: Int) -> Double { Double(docLengths[d]) }

    /// The documents holding `term`, in document order, with its frequency in each.
    func postings(of term: Term) -> Postings {
        guard let id = termIDs[term.key] else { return .empty }
        return list(id)
    }

    /// The documents holding the term with this key, in document order (empty when none does).
    func postings(ofKey key: UInt64) -> Postings {
        guard let id = termIDs[key] else { return .empty }
        return list(id)
    }

    /// Index of the first posting whose document is at least `doc` (binary search).
    static func firstPosting(atLeast doc: Int32, in list: Postings) -> Int {
        let docs = list.docs
        var lo = docs.startIndex, hi = docs.endIndex
        while lo < hi {
            let mid = (lo + hi) / 2
            if docs[mid] < doc { lo = mid + 1 } else { hi = mid }
        }
        return lo - docs.startIndex
    }

    public func documentFrequency(_ term: Term) -> Int {
        guard let id = termIDs[term.key] else { return 0 }
        return count(id)
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
            let lo = Int(offsets[Int(id)]), hi = Int(offsets[Int(id) + 1])
            let df = Double(hi - lo)
            if isTooCommon(df: df, maxDocumentFraction: maxDocumentFraction) { continue }
            let idf = log(1 + (n - df + 0.5) / (df + 0.5)) * weight
            used.append((term, idf))
            for k in lo..<hi {
                let d = Int(docs[k])
                let tf = Double(tfs[k])
                let norm = norms[d]
                if scores[d] == 0 { touched.append(docs[k]) }
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
            guard let id = termIDs[term.key], let p = list(id).first(where: { $0.doc == Int32(d) }) else { continue }
            let df = Double(count(id))
            if isTooCommon(df: df, maxDocumentFraction: maxDocumentFraction) { continue }
            let idf = log(1 + (n - df + 0.5) / (df + 0.5)) * weight
            let tf = Double(p.tf)
            let norm = BM25Index.k1 * (1 - BM25Index.b + BM25Index.b * Double(docLengths[d]) / averageLength)
            out.append((term, idf * tf * (BM25Index.k1 + 1) / (tf + norm)))
        }
        return out
    }
}

/// Term key → term number, numbered in the order keys are first inserted: open addressing with
/// linear probing on a multiplicative hash (a `[UInt64: Int32]` hashes every key with SipHash,
/// a good part of the index build and of every query's term lookups).
struct TermTable: Sendable {
    private var keys: [UInt64] = []
    /// Term number per slot, -1 for an empty slot.
    private var ids: [Int32] = []
    private var shift: UInt64 = 64
    private(set) var count = 0

    init() { resize(slots: 1024) }

    @inline(__always) private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    subscript(key: UInt64) -> Int32? {
        let mask = ids.count - 1
        var i = slot(key)
        while true {
            let id = ids[i]
            if id < 0 { return nil }
            if keys[i] == key { return id }
            i = (i + 1) & mask
        }
    }

    /// The key's number, a new one (`count` before the insertion) when it is not in yet.
    mutating func id(inserting key: UInt64) -> Int32 {
        let mask = ids.count - 1
        var i = slot(key)
        while true {
            let id = ids[i]
            if id < 0 { break }
            if keys[i] == key { return id }
            i = (i + 1) & mask
        }
        let id = Int32(count)
        keys[i] = key
        ids[i] = id
        count += 1
        if count * 10 > ids.count * 7 { resize(slots: ids.count * 2) }
        return id
    }

    /// Every key with its number (in slot order).
    var entries: [(key: UInt64, id: Int32)] {
        var out: [(key: UInt64, id: Int32)] = []
        out.reserveCapacity(count)
        for i in ids.indices where ids[i] >= 0 { out.append((keys[i], ids[i])) }
        return out
    }

    private mutating func resize(slots: Int) {
        let old = (keys, ids)
        keys = [UInt64](repeating: 0, count: slots)
        ids = [Int32](repeating: -1, count: slots)
        shift = UInt64(64 - slots.trailingZeroBitCount)
        let mask = slots - 1
        for j in old.1.indices where old.1[j] >= 0 {
            var i = slot(old.0[j])
            while ids[i] >= 0 { i = (i + 1) & mask }
            keys[i] = old.0[j]
            ids[i] = old.1[j]
        }
    }
}
