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

    /// One term's postings, in document order: a view into the index's compressed lists
    /// (decoded as they are walked; `firstPosting(atLeast:in:)` skips by block).
    struct Postings: Sequence, Sendable {
        let store: PostingStore
        /// The term's first block in `store` and its number of postings.
        let firstBlock: Int
        let count: Int
        var isEmpty: Bool { count == 0 }
        static let empty = Postings(store: PostingStore(), firstBlock: 0, count: 0)

        func makeIterator() -> PostingIterator { PostingIterator(self, fromBlock: 0) }

        /// The postings from block `b` (of this term) on.
        func iterator(fromBlock b: Int) -> PostingIterator { PostingIterator(self, fromBlock: b) }

        /// The block of this term holding the first posting whose document is at least `doc`,
        /// or the last block when every document is below it (nil when there are none).
        func block(atLeast doc: Int32) -> Int? {
            guard count > 0 else { return nil }
            let blocks = (count + PostingStore.blockSize - 1) / PostingStore.blockSize
            // Last block whose first document is at most `doc` (0 when even the first is above).
            var lo = 0, hi = blocks
            while lo < hi {
                let mid = (lo + hi) / 2
                if store.blockFirstDoc[firstBlock + mid] <= doc { lo = mid + 1 } else { hi = mid }
            }
            return Swift.max(0, lo - 1)
        }
    }

    /// Walks one term's postings, decoding each block's bytes.
    struct PostingIterator: IteratorProtocol {
        let store: PostingStore
        let firstBlock: Int
        let count: Int
        /// Index (within the term) of the next posting, its byte position and the last document.
        private(set) var index: Int
        private var position: Int
        private var doc: Int32 = 0

        init(_ p: Postings, fromBlock b: Int) {
            store = p.store
            firstBlock = p.firstBlock
            count = p.count
            index = min(p.count, b * PostingStore.blockSize)
            position = index < p.count ? Int(p.store.blockByte[p.firstBlock + b]) : 0
        }

        mutating func next() -> Posting? {
            guard index < count else { return nil }
            if index % PostingStore.blockSize == 0 { doc = store.blockFirstDoc[firstBlock + index / PostingStore.blockSize] }
            let (d, tf, end) = store.decode(at: position, after: doc)
            doc = d
            position = end
            index += 1
            return Posting(doc: d, tf: UInt16(tf))
        }
    }

    /// Every term's postings back to back, compressed: a term's postings are cut into blocks of
    /// `blockSize`; a block keeps its first document and where its bytes start, and each posting
    /// is a LEB128 varint of (gap to the previous document in the block) << 1 | (tf > 1), then
    /// tf in a byte when it is over 1 (at most 255: a sentence does not repeat a term that
    /// often). About 1–2 bytes a posting instead of 5; `Postings` decodes as it walks.
    final class PostingStore: @unchecked Sendable {
        static let blockSize = 64
        let bytes: [UInt8]
        let blockFirstDoc: [Int32]
        let blockByte: [Int32]

        init(bytes: [UInt8] = [], blockFirstDoc: [Int32] = [], blockByte: [Int32] = []) {
            self.bytes = bytes
            self.blockFirstDoc = blockFirstDoc
            self.blockByte = blockByte
        }

        /// The posting at byte `i` whose block (or previous posting) ended at document `doc`:
        /// its document, frequency and the next posting's byte.
        @inline(__always) func decode(at i: Int, after doc: Int32) -> (Int32, UInt8, Int) {
            var i = i
            var v = UInt32(bytes[i])
            i += 1
            if v >= 0x80 {
                v &= 0x7F
                var shift: UInt32 = 7
                while true {
                    let b = UInt32(bytes[i])
                    i += 1
                    v |= (b & 0x7F) << shift
                    if b < 0x80 { break }
                    shift += 7
                }
            }
            var tf: UInt8 = 1
            if v & 1 != 0 { tf = bytes[i]; i += 1 }
            return (doc + Int32(v >> 1), tf, i)
        }
    }

    /// Collects `PostingStore`'s arrays term by term.
    struct PostingStoreBuilder {
        var bytes: [UInt8] = []
        var blockFirstDoc: [Int32] = []
        var blockByte: [Int32] = []

        /// Appends one term's postings (documents ascending), returning its first block.
        mutating func append(docs: UnsafeBufferPointer<Int32>, tfs: UnsafeBufferPointer<UInt8>) -> Int {
            let first = blockFirstDoc.count
            var previous: Int32 = 0
            for k in 0..<docs.count {
                let d = docs[k]
                if k % PostingStore.blockSize == 0 {
                    blockFirstDoc.append(d)
                    blockByte.append(Int32(bytes.count))
                    previous = d
                }
                var v = UInt32(d - previous) << 1 | (tfs[k] > 1 ? 1 : 0)
                while v >= 0x80 {
                    bytes.append(UInt8(v & 0x7F) | 0x80)
                    v >>= 7
                }
                bytes.append(UInt8(v))
                if tfs[k] > 1 { bytes.append(tfs[k]) }
                previous = d
            }
            return first
        }

        func build() -> PostingStore {
            PostingStore(bytes: bytes.compacted(), blockFirstDoc: blockFirstDoc.compacted(), blockByte: blockByte.compacted())
        }
    }

    private var termIDs = TermTable()
    /// Per term number: its first block in `store` and its number of postings.
    private var termBlock: [Int32] = []
    private var termCount: [Int32] = []
    private var store = PostingStore()
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
    /// keeps each term's documents ascending), compresses them and works out the length
    /// normalisation.
    public mutating func finish() {
        var counts = [Int32](repeating: 0, count: termIDs.count + 1)
        for t in pendingTerms { counts[Int(t) + 1] += 1 }
        for t in 0..<termIDs.count { counts[t + 1] += counts[t] }
        var next = Array(counts.dropLast())
        var docs = [Int32](repeating: 0, count: pendingTerms.count)
        var tfs = [UInt8](repeating: 0, count: pendingTerms.count)
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
        var store = PostingStoreBuilder()
        store.bytes.reserveCapacity(docs.count + docs.count / 2 + 16)
        termBlock = [Int32](repeating: 0, count: termIDs.count)
        termCount = [Int32](repeating: 0, count: termIDs.count)
        docs.withUnsafeBufferPointer { d in
            tfs.withUnsafeBufferPointer { f in
                for t in 0..<termIDs.count {
                    let lo = Int(counts[t]), hi = Int(counts[t + 1])
                    termCount[t] = Int32(hi - lo)
                    termBlock[t] = Int32(store.append(docs: UnsafeBufferPointer(rebasing: d[lo..<hi]),
                                                      tfs: UnsafeBufferPointer(rebasing: f[lo..<hi])))
                }
            }
        }
        self.store = store.build()
        averageLength = documentCount == 0 ? 1 : max(1, Double(totalLength) / Double(documentCount))
        let average = averageLength
        norms = docLengths.map { BM25Index.k1 * (1 - BM25Index.b + BM25Index.b * Double($0) / average) }
    }

    private func list(_ id: Int32) -> Postings {
        Postings(store: store, firstBlock: Int(termBlock[Int(id)]), count: Int(termCount[Int(id)]))
    }

    private func count(_ id: Int32) -> Int { Int(termCount[Int(id)]) }

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

    /// Index of the first posting whose document is at least `doc` (`list.count` when none is):
    /// a binary search over the blocks, then a walk inside one.
    static func firstPosting(atLeast doc: Int32, in list: Postings) -> Int {
        guard let b = list.block(atLeast: doc) else { return 0 }
        var it = list.iterator(fromBlock: b)
        while true {
            let i = it.index
            guard let p = it.next() else { return list.count }
            if p.doc >= doc { return i }
        }
    }

    /// Whether a posting's document lies in `range` and passes `test` (walked from the first
    /// document at least `range.lowerBound`, stopping past the range).
    static func anyPosting(in list: Postings, within range: ClosedRange<Int32>, where test: (Int32) -> Bool) -> Bool {
        guard let b = list.block(atLeast: range.lowerBound) else { return false }
        var it = list.iterator(fromBlock: b)
        while let p = it.next() {
            if p.doc < range.lowerBound { continue }
            if p.doc > range.upperBound { return false }
            if test(p.doc) { return true }
        }
        return false
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
            let count = Int(termCount[Int(id)])
            let df = Double(count)
            if isTooCommon(df: df, maxDocumentFraction: maxDocumentFraction) { continue }
            let idf = log(1 + (n - df + 0.5) / (df + 0.5)) * weight
            used.append((term, idf))
            let first = Int(termBlock[Int(id)])
            guard count > 0 else { continue }
            var position = Int(store.blockByte[first])
            var doc: Int32 = 0
            for k in 0..<count {
                if k % PostingStore.blockSize == 0 { doc = store.blockFirstDoc[first + k / PostingStore.blockSize] }
                let (dd, f, end) = store.decode(at: position, after: doc)
                doc = dd
                position = end
                let d = Int(dd)
                let tf = Double(f)
                let norm = norms[d]
                if scores[d] == 0 { touched.append(dd) }
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
