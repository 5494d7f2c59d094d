import Foundation
import Knowledge

/// A route id found in a question.
struct RouteMention: Sendable, Equatable {
    /// Canonical id (`115`, `K258`).
    var id: String
    /// Offsets in the normalised question.
    var range: Range<Int>
    /// True when the knowledge base has this route.
    var known: Bool
    /// How it was recognised: `exact` (`115路`, `route 115`), `homophone` (`115陆`).
    var via: String
}

/// An intent candidate with its score and the keywords that gave it.
struct IntentCandidate: Sendable {
    var intent: Int
    var name: String
    var score: Double
    var keywords: [String]
    /// Calibrated confidence in [0, 1] (see `IntentMatcher.confidence`).
    var confidence: Double
}

/// Everything the bot understood of one question (before dialogue context is applied).
struct Understanding: Sendable {
    var text: String
    var language: Language
    /// Normalised question; for English, the Chinese gloss (glossary words in order) plus ASCII tokens.
    var normalized: [Unicode.Scalar]
    var normalizedText: String
    /// Lowercase English words (empty for Chinese questions).
    var englishWords: [String]
    /// English content words that neither the glossary nor a name's pinyin explains.
    var unknownWords: [String]
    var routes: [RouteMention]
    var entities: [EntityMatch]
    var day: DayForecast.Day?
    var milestone: EventMilestone?
    var weatherField: String?
    var answerTypes: [AnswerType]
    /// Where in the normalised question each answer-type cue stands (`电话` → phone).
    var typeCues: [(type: AnswerType, range: Range<Int>)] = []
    /// Content segments (question words removed) of the normalised question.
    var contentSegments: [ContentSegment]
    var intents: [IntentCandidate]
    /// Where intent keywords matched in the normalised question (or the English gloss).
    var keywordRanges: [Range<Int>] = []
    /// Ranges of question words and domain words: no content at all for retrieval.
    var fillerRanges: [Range<Int>] = []
    /// An English question's own content words (question and filler words dropped), for declines.
    var englishSubject = ""
    /// Gloss ranges of English words matched by intent keywords (English questions only).
    var englishKeywordRanges: [Range<Int>] = []
    /// Ranges of the question already accounted for by its slots and cues: day words,
    /// milestones, weather fields, answer-type cues, place names. With the keyword ranges they
    /// are "explained"; the rest of the content must be found in whatever answers it.
    var slotRanges: [Range<Int>] = []
    /// Homophone typos corrected before analysis (`青蒲` → `青浦`).
    var corrections: [TypoCorrector.Correction] = []
    /// Place names of the area the question names (`平湖`, `海宁`), normalised.
    var places: [String] = []

    /// Derived values worked out once per question by the answering code (retrieval units).
    let memo = UnderstandingMemo()

    /// Keyword and slot ranges together.
    var explainedRanges: [Range<Int>] { keywordRanges + slotRanges }

    var topIntent: IntentCandidate? { intents.first }

    /// Content text (segments joined with spaces), for logs and explanations.
    var contentText: String { contentSegments.map(\.text).joined(separator: " ") }
}

/// A run of content in the normalised question (question words removed around it).
struct ContentSegment: Sendable {
    /// Offset of the first scalar in the normalised question.
    var start: Int
    var scalars: [Unicode.Scalar]

    var text: String { String(scalars: scalars) }
    var range: Range<Int> { start..<(start + scalars.count) }
}

/// Values derived from an `Understanding` and reused while answering it. Each question is
/// answered on one thread, so no lock; a copy of the understanding shares the memo, which is
/// only right while nothing the memo depends on changes (the answerer never edits one).
final class UnderstandingMemo: @unchecked Sendable {
    var units: [RetrievalAnswerer.Unit]?
    var words: [[Unicode.Scalar]]?
    /// The index's hits for the question's retrieval terms (the same for every candidate pool
    /// of one question: a typed fact checked against its own sentence searches no further).
    var hits: [SentenceHit]?
}
