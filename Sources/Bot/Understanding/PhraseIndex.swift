import Foundation

/// Finds every occurrence of a fixed set of Chinese phrases in a normalised question, fast:
/// phrases are bucketed by first scalar and compared scalar by scalar (no allocation).
struct PhraseIndex<Payload: Sendable>: Sendable {
    struct Hit {
        var range: Range<Int>
        var phrase: String
        var payload: Payload
    }

    private var byFirst: [Unicode.Scalar: [([Unicode.Scalar], String, Payload)]] = [:]
    /// One bit per first scalar (folded into 64 Ki bits): most characters of a question start no
    /// phrase, and a bit test is far cheaper than hashing into `byFirst`.
    private var firstBits: [UInt64] = Array(repeating: 0, count: 1024)

    init(_ entries: [(String, Payload)]) {
        for (phrase, payload) in entries {
            let s = Array(phrase.unicodeScalars)
            guard let f = s.first else { continue }
            byFirst[f, default: []].append((s, phrase, payload))
            let v = Int(f.value & 0xFFFF)
            firstBits[v >> 6] |= 1 << UInt64(v & 63)
        }
        for k in byFirst.keys { byFirst[k]!.sort { $0.0.count > $1.0.count } }
    }

    @inline(__always) private func mayStart(_ s: Unicode.Scalar) -> Bool {
        let v = Int(s.value & 0xFFFF)
        return firstBits[v >> 6] & (1 << UInt64(v & 63)) != 0
    }

    /// All occurrences, left to right (longest first at each position).
    func hits(in q: [Unicode.Scalar]) -> [Hit] {
        var out: [Hit] = []
        for i in q.indices {
            guard mayStart(q[i]), let bucket = byFirst[q[i]] else { continue }
            for (s, phrase, payload) in bucket where i + s.count <= q.count {
                var k = 1
                while k < s.count && q[i + k] == s[k] { k += 1 }
                if k == s.count { out.append(Hit(range: i..<(i + s.count), phrase: phrase, payload: payload)) }
            }
        }
        return out
    }

    /// Non-overlapping occurrences, preferring longer phrases.
    func longestHits(in q: [Unicode.Scalar]) -> [Hit] {
        let all = hits(in: q).sorted { ($0.range.count, -$0.range.lowerBound) > ($1.range.count, -$1.range.lowerBound) }
        var taken = [Bool](repeating: false, count: q.count)
        var out: [Hit] = []
        for h in all where !h.range.contains(where: { taken[$0] }) {
            for i in h.range { taken[i] = true }
            out.append(h)
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}

/// Finds English words and phrases in a lowercase word list (whole words only).
struct EnglishPhraseIndex<Payload: Sendable>: Sendable {
    private var entries: [String: [(words: [String], phrase: String, payload: Payload)]] = [:]

    init(_ items: [(String, Payload)]) {
        for (phrase, payload) in items {
            let words = EnglishWords.split(phrase)
            guard let f = words.first else { continue }
            entries[f, default: []].append((words, phrase, payload))
        }
        for k in entries.keys { entries[k]!.sort { $0.words.count > $1.words.count } }
    }

    /// Non-overlapping matches (longest first at each position), as word ranges.
    func longestHits(in words: [String]) -> [(range: Range<Int>, phrase: String, payload: Payload)] {
        var out: [(Range<Int>, String, Payload)] = []
        var i = 0
        while i < words.count {
            var matched = false
            if let bucket = entries[words[i]] {
                for e in bucket where i + e.words.count <= words.count && Array(words[i..<(i + e.words.count)]) == e.words {
                    out.append((i..<(i + e.words.count), e.phrase, e.payload))
                    i += e.words.count
                    matched = true
                    break
                }
            }
            if !matched { i += 1 }
        }
        return out
    }
}

/// Lowercase English word splitting: letters, digits, inner hyphens/apostrophes and dots in `no.`.
enum EnglishWords {
    /// `15th`, `1st`, `2nd`, `3rd` → `15`, `1`, `2`, `3`; nil for anything else.
    static func ordinal(_ w: String) -> String? {
        for suffix in ["th", "st", "nd", "rd"] where w.hasSuffix(suffix) {
            let digits = w.dropLast(2)
            if !digits.isEmpty, digits.unicodeScalars.allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 }) { return String(digits) }
        }
        return nil
    }

    /// Words of an English text, lowercased (`preservingCase` keeps the letters as written, for
    /// quoting the question back: the same words at the same positions).
    static func split(_ text: String, preservingCase: Bool = false) -> [String] {
        var words: [String] = []
        var current: [Unicode.Scalar] = []
        func flush() {
            var w = String(scalars: current)
            while let last = w.unicodeScalars.last, last == "-" || last == "'" || last == "." { w.unicodeScalars.removeLast() }
            if w.hasSuffix("'s") { w.removeLast(2) }
            if !w.isEmpty { words.append(w) }
            current.removeAll(keepingCapacity: true)
        }
        for s in (preservingCase ? text : text.lowercased()).unicodeScalars {
            let v = s.value
            let alnum = (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || (preservingCase && v >= 0x41 && v <= 0x5A)
            if alnum || ((s == "-" || s == "'" || s == "’") && !current.isEmpty) {
                current.append(s == "’" ? "'" : s)
            } else {
                flush()
            }
        }
        flush()
        return words
    }
}
