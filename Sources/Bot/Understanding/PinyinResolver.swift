import Foundation
import Knowledge

/// Reads pinyin written in English questions back into the corpus's Chinese (`Jiaotong` →
/// 交通, `Gaotie Xincheng` → 高铁新城, `Yanguan` → 盐官): the letters are split into pinyin
/// syllables, and consecutive syllables are matched to bigrams the corpus prints with that
/// reading, chaining them so overlapping characters agree and preferring frequent bigrams.
struct PinyinResolver: Sendable {
    /// `jiao|tong` (as the two syllables' numbers, `key(_:_:)`) → corpus bigrams with that
    /// reading and how many sentences print them.
    private let byReading: [UInt32: [(Unicode.Scalar, Unicode.Scalar, Int)]]
    private let syllables: Set<String>
    /// Each syllable's number (in sorted order), for `byReading`'s keys.
    private let syllableNumbers: [String: UInt32]
    private let longestSyllable: Int

    init(index: SentenceIndex) {
        syllables = ScriptTables.allSyllables
        var numbers: [String: UInt32] = [:]
        for (i, syllable) in syllables.sorted().enumerated() { numbers[syllable] = UInt32(i) }
        syllableNumbers = numbers
        // A character's readings are looked up once, not once per bigram it is in; a reading
        // that is no syllable of the table is left out (`split` never gives it, so it was never
        // looked up).
        // (Cached by code point for the CJK blocks, where nearly every corpus character is.)
        let cached = 0x3400..<0xA000
        var readingsOf = [[UInt32]?](repeating: nil, count: cached.count)
        func readings(_ c: Unicode.Scalar) -> [UInt32] {
            let v = Int(c.value)
            guard cached.contains(v) else { return ScriptTables.readings(c).filter { !$0.isEmpty }.compactMap { numbers[$0] } }
            if let r = readingsOf[v - cached.lowerBound] { return r }
            let r = ScriptTables.readings(c).filter { !$0.isEmpty }.compactMap { numbers[$0] }
            readingsOf[v - cached.lowerBound] = r
            return r
        }
        var map: [UInt32: [(Unicode.Scalar, Unicode.Scalar, Int)]] = [:]
        for (a, b, df) in index.bigrams() {
            // Every reading pair: a name may be spelled with either reading of a polyphone.
            let ra = readings(a)
            guard !ra.isEmpty else { continue }
            let rb = readings(b)
            for pa in ra {
                for pb in rb { map[PinyinResolver.key(pa, pb), default: []].append((a, b, df)) }
            }
        }
        byReading = map
        longestSyllable = syllables.map(\.count).max() ?? 6
    }

    @inline(__always) private static func key(_ a: UInt32, _ b: UInt32) -> UInt32 { a << 16 | b }

    /// The Chinese for a run of lowercase letters (one or more English words joined), or nil.
    func resolve(_ letters: String) -> String? {
        guard let parts = split(letters), parts.count >= 2 else { return nil }
        // Candidate bigrams for each adjacent pair of syllables.
        var options: [[(Unicode.Scalar, Unicode.Scalar, Int)]] = []
        for k in 0..<(parts.count - 1) {
            guard let a = syllableNumbers[parts[k]], let b = syllableNumbers[parts[k + 1]],
                  let c = byReading[PinyinResolver.key(a, b)], !c.isEmpty else { return nil }
            options.append(c)
        }
        // Best chain: dynamic programming over the character chosen at each position.
        // Ties go to the smaller characters (by scalar value), so the choice never depends on
        // the order a dictionary happens to iterate in.
        func better(_ x: (score: Int, chars: [Unicode.Scalar]), than y: (score: Int, chars: [Unicode.Scalar])?) -> Bool {
            guard let y else { return true }
            if x.score != y.score { return x.score > y.score }
            return x.chars.map(\.value).lexicographicallyPrecedes(y.chars.map(\.value))
        }
        var best: [Unicode.Scalar: (score: Int, chars: [Unicode.Scalar])] = [:]
        for (a, b, df) in options[0] {
            let cand = (score: df, chars: [a, b])
            if better(cand, than: best[b]) { best[b] = cand }
        }
        for k in 1..<options.count {
            var next: [Unicode.Scalar: (score: Int, chars: [Unicode.Scalar])] = [:]
            for (a, b, df) in options[k] {
                guard let prev = best[a] else { continue }
                let cand = (score: prev.score + df, chars: prev.chars + [b])
                if better(cand, than: next[b]) { next[b] = cand }
            }
            guard !next.isEmpty else { return nil }
            best = next
        }
        guard let winner = best.values.max(by: { better($1, than: $0) }) else { return nil }
        return String(scalars: winner.chars)
    }

    /// Splits letters into pinyin syllables, preferring the fewest syllables; nil if impossible.
    func split(_ letters: String) -> [String]? {
        let s = Array(letters)
        guard !s.isEmpty, s.count <= 40 else { return nil }
        var best: [[String]?] = Array(repeating: nil, count: s.count + 1)
        best[0] = []
        for i in 0..<s.count {
            guard let prefix = best[i] else { continue }
            for len in 1...min(longestSyllable, s.count - i) {
                let piece = String(s[i..<(i + len)])
                guard syllables.contains(piece) else { continue }
                let candidate = prefix + [piece]
                if best[i + len].map({ $0.count > candidate.count }) ?? true { best[i + len] = candidate }
            }
        }
        return best[s.count]
    }
}
