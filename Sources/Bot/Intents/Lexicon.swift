import Foundation

/// Shared vocabulary from `intents/lexicon.json`: question words, answer types, day words,
/// milestones, weather fields and the English→Chinese glossary. Chinese entries are normalised
/// at load so they compare with normalised questions.
struct Lexicon: Sendable {
    /// Words that carry no content for retrieval (per language).
    var questionWords: [Language: [String]]
    /// Answer type → cue words per language.
    var answerTypes: [AnswerType: [Language: [String]]]
    var days: [String: [Language: [String]]]
    var milestones: [String: [Language: [String]]]
    var weatherFields: [String: [Language: [String]]]
    var routeMarkers: [Language: [String]]
    /// Words that tell time-commitment scopes apart (`简单`, `一般`, `复杂`).
    var scopeQualifiers: [String]
    /// Lowercase English word or phrase → Chinese.
    var glossary: [String: String]
    /// Chinese value → English wording, for English answers (`扫码` → `QR code`).
    var phrasebook: [String: String]
    /// Longest glossary phrase, in words (for phrase matching).
    var longestGlossaryPhrase: Int

    static let empty = Lexicon(questionWords: [:], answerTypes: [:], days: [:], milestones: [:], weatherFields: [:],
                               routeMarkers: [:], scopeQualifiers: [], glossary: [:], phrasebook: [:], longestGlossaryPhrase: 1)
}

/// What kind of value a question asks for; used to pick the clause that answers it.
enum AnswerType: String, CaseIterable, Sendable {
    case time, date, money, number, rank, measure, duration, place, phone, person, organisation, definition
}
