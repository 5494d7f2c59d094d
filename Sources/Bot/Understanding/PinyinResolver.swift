import Foundation
import Knowledge

/// Reads pinyin written in English questions back into the corpus's Chinese (`Jiaotong` →
/// 交通, `Gaotie Xincheng` → 高铁新城, `Yanguan` → 盐官): the letters are split into pinyin
/// syllables, and consecutive syllables are matched to bigrams the corpus prints with that
/// reading, chaining them so overlapping characters agree and preferring frequent bigrams.
struct PinyinResolver: Sendable {
    /// `jiao|tong` → corpus bigrams with that reading and how many sentences print them.
    private let byReading: [String: [(Unicode.Scalar, Unicode.Scalar, Int)]]
    private let syllables: Set<String>
    private let longestSyllable: Int

    init(index: SentenceIndex) {
        var map: [String: [(Unicode.Scalar, Unicode.Scalar, Int)]] = [:]
        for (a, b, df) in index.bigrams() {
            // Every reading pair: a name may be spelled with either reading of a polyphone.
            for pa in ScriptTables.readings(a) where !pa.isEmpty {
                for pb in ScriptTables.readings(b) where !pb.isEmpty { map[pa + "|" + pb, default: []].append((a, b, df)) }
            }
        }
        byReading = map
        syllables = ScriptTables.allSyllables
        longestSyllable = syllables.map(\.count).max() ?? 6
    }

    /// The Chinese for a run of lowercase letters (one or more English words joined), or nil.
    func resolve(_ letters: String) -> String? {
        guard let parts = split(letters), parts.count >= 2 else { return nil }
        // Candidate bigrams for each adjacent pair of syllables.
        var options: [[(Unicode.Scalar, Unicode.Scalar, Int)]] = []
        for k in 0..<(parts.count - 1) {
            guard let c = byReading[parts[k] + "|" + parts[k + 1]], !c.isEmpty else { return nil }
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
