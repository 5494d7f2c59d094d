import Foundation
import Knowledge

/// Corrects homophone typos in names: a Han bigram the corpus never prints is replaced by a
/// bigram of a known name (an entity, a route's stops and termini, an area place) that sounds
/// the same (toneless pinyin) and shares one of its two characters in place (`青蒲` → `青浦`,
/// `盐关` → `盐官`, `胶通` → `交通`). Names only, and a shared character required, so ordinary
/// words are never rewritten into something the paper happens to print.
struct TypoCorrector: Sendable {
    /// Pinyin of a bigram (`qing|pu`) → name bigrams with that reading and their frequency.
    private let byReading: [String: [(Unicode.Scalar, Unicode.Scalar, Int)]]
    /// Han trigrams printed inside names, and the first two characters of each name: a
    /// corrected pair must join a neighbour of the question into a piece of a name (`胶通学校` →
    /// `交通学`), or begin a name (`青蒲` → the `青浦` of `青浦奥特莱斯`), so `封路` never becomes
    /// the `丰路` that ends `三丰路`.
    private let nameTrigrams: Set<Trigram>
    private let namePrefixes: Set<UInt64>

    private struct Trigram: Hashable {
        var a: Unicode.Scalar, b: Unicode.Scalar, c: Unicode.Scalar
    }

    init(index: SentenceIndex, names: [String]) {
        var nameBigrams = Set<UInt64>()
        var trigrams = Set<Trigram>()
        var pairs = Set<UInt64>()
        for name in names {
            let s = Array(name.unicodeScalars)
            for k in 0..<max(0, s.count - 1) where ScalarClass.isHan(s[k]) && ScalarClass.isHan(s[k + 1]) {
                nameBigrams.insert(Term(bigram: s[k], s[k + 1]).key)
                if k + 2 < s.count, ScalarClass.isHan(s[k + 2]) { trigrams.insert(Trigram(a: s[k], b: s[k + 1], c: s[k + 2])) }
            }
            if s.count >= 2, ScalarClass.isHan(s[0]), ScalarClass.isHan(s[1]) { pairs.insert(Term(bigram: s[0], s[1]).key) }
        }
        nameTrigrams = trigrams
        namePrefixes = pairs
        var map: [String: [(Unicode.Scalar, Unicode.Scalar, Int)]] = [:]
        for (a, b, df) in index.bigrams() where nameBigrams.contains(Term(bigram: a, b).key) {
            guard let pa = ScriptTables.pinyin(a), let pb = ScriptTables.pinyin(b), !pa.isEmpty, !pb.isEmpty else { continue }
            map[pa + "|" + pb, default: []].append((a, b, df))
        }
        byReading = map
    }

    /// A correction made, for `--explain`.
    struct Correction: Sendable {
        var from: String
        var to: String
    }

    /// The corrected question and what was changed. `known` says whether the corpus prints a bigram.
    /// Characters never rewritten: function characters and one-character question words, whose
    /// absent pairings (`有车`) are ordinary speech, not typos.
    /// `protectedPositions` are offsets inside words the bot already recognises (question words,
    /// keywords, domain words), which are never rewritten either.
    func correct(_ q: [Unicode.Scalar], protected: Set<Unicode.Scalar>, protectedPositions: Set<Int> = [],
                 known: (Unicode.Scalar, Unicode.Scalar) -> Bool) -> ([Unicode.Scalar], [Correction]) {
        guard q.count >= 2 else { return (q, []) }
        var out = q
        var corrections: [Correction] = []
        var i = 0
        while i + 1 < out.count {
            let a = out[i], b = out[i + 1]
            guard ScalarClass.isHan(a), ScalarClass.isHan(b), !protected.contains(a), !protected.contains(b),
                  !protectedPositions.contains(i), !protectedPositions.contains(i + 1), !known(a, b),
                  let pa = ScriptTables.pinyin(a), let pb = ScriptTables.pinyin(b),
                  let candidates = byReading[pa + "|" + pb] else { i += 1; continue }
            // Only a character no known word around it explains may change: in `指数中` the 数 of
            // the absent `数中` belongs to 指数, so `数中` is a seam between words, not a typo.
            // A character right after a number or a question for one is its measure word (`补1张市民卡`,
            // `发了多少张市民卡`), not a typo.
            let afterCount = i > 0 && (ScalarClass.isDigit(out[i - 1]) || out[i - 1] == "几" || (i > 1 && out[i - 2] == "多" && out[i - 1] == "少"))
            let leftKnown = i > 0 && (ScalarClass.isHan(out[i - 1]) && known(out[i - 1], a) || afterCount)
            let rightKnown = i + 2 < out.count && ScalarClass.isHan(out[i + 2]) && known(b, out[i + 2])
            let best = candidates.filter { c in
                guard (c.0 == a) != (c.1 == b) else { return false }
                guard namePrefixes.contains(Term(bigram: c.0, c.1).key)
                        || i > 0 && nameTrigrams.contains(Trigram(a: out[i - 1], b: c.0, c: c.1))
                        || i + 2 < out.count && nameTrigrams.contains(Trigram(a: c.0, b: c.1, c: out[i + 2])) else { return false }
                return c.0 == a ? !rightKnown : !leftKnown
            }.max { $0.2 < $1.2 }
            if let (ca, cb, _) = best {
                corrections.append(Correction(from: String(a) + String(b), to: String(ca) + String(cb)))
                out[i] = ca
                out[i + 1] = cb
                i += 2
                continue
            }
            i += 1
        }
        return (out, corrections)
    }
}
