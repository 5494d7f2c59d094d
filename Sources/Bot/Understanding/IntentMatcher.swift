import Foundation
import Knowledge

/// Scores intents by the keywords a question contains and turns scores into a confidence.
///
/// Chinese keywords are matched as substrings of the normalised question, longest first and
/// without overlap; English keywords as whole words/phrases. A keyword's weight grows with its
/// length (a four-character keyword is stronger evidence than a one-character one).
struct IntentMatcher: Sendable {
    let intents: [IntentDefinition]
    private let zh: PhraseIndex<Int>
    private let en: EnglishPhraseIndex<Int>

    init(catalog: IntentCatalog) {
        intents = catalog.intents
        var zhEntries: [(String, Int)] = []
        var enEntries: [(String, Int)] = []
        for (i, intent) in catalog.intents.enumerated() {
            zhEntries += (intent.keywords[.zh] ?? []).map { ($0, i) }
            enEntries += (intent.keywords[.en] ?? []).map { ($0, i) }
        }
        zh = PhraseIndex(zhEntries)
        en = EnglishPhraseIndex(enEntries)
    }

    /// Weight of a Chinese keyword of `n` scalars: 1 → 0.7, 2 → 1.2, 3 → 1.55, 4+ → 1.9.
    static func weight(chineseLength n: Int) -> Double { n <= 1 ? 0.7 : min(1.9, 0.5 + 0.35 * Double(n)) }

    /// Weight of an English keyword of `n` words: 1 → 1.0, 2+ → 1.6.
    static func weight(englishWords n: Int) -> Double { n <= 1 ? 1.0 : 1.6 }

    func score(chinese q: [Unicode.Scalar]) -> [IntentCandidate] {
        rank(zh.longestHits(in: q).map { ($0.payload, IntentMatcher.weight(chineseLength: $0.range.count), $0.phrase) })
    }

    /// Ranges of the question covered by any intent keyword (overlapping hits included:
    /// `怎么付钱` holds both `怎么付` and `付钱`).
    func keywordRanges(chinese q: [Unicode.Scalar]) -> [Range<Int>] { zh.hits(in: q).map(\.range) }

    /// Word ranges of English keyword hits.
    func englishKeywordHits(_ words: [String]) -> [Range<Int>] { en.longestHits(in: words).map(\.range) }

    func score(english words: [String]) -> [IntentCandidate] {
        rank(en.longestHits(in: words).map { ($0.payload, IntentMatcher.weight(englishWords: $0.range.count), $0.phrase) })
    }

    /// Sums each intent's keyword hits (weight, keywords in order), scales by priority, ranks.
    private func rank(_ hits: [(intent: Int, weight: Double, phrase: String)]) -> [IntentCandidate] {
        var scores: [Int: (Double, [String])] = [:]
        for h in hits {
            scores[h.intent, default: (0, [])].0 += h.weight
            scores[h.intent, default: (0, [])].1.append(h.phrase)
        }
        for (k, v) in scores { scores[k] = (v.0 * intents[k].priority, v.1) }
        let sorted = scores.sorted { ($0.value.0, -$0.key) > ($1.value.0, -$1.key) }
        let second = sorted.count > 1 ? sorted[1].value.0 : 0
        return sorted.enumerated().map { rank, item in
            let competitor = rank == 0 ? second : sorted[0].value.0
            return IntentCandidate(intent: item.key, name: intents[item.key].name, score: item.value.0, keywords: item.value.1,
                                   confidence: IntentMatcher.confidence(score: item.value.0, competitor: competitor))
        }
    }

    /// Confidence from a score and the best competing score: saturating in the score
    /// (`s / (s + 0.6)`) and scaled by the margin over the competitor, so two intents with equal
    /// evidence both get at most half confidence. Monotone in the score and in the margin.
    static func confidence(score s: Double, competitor c: Double) -> Double {
        guard s > 0 else { return 0 }
        let strength = s / (s + 0.6)
        let margin = s >= c ? 0.5 + 0.5 * (s - c) / s : 0.5 * s / c
        return strength * margin
    }
}
