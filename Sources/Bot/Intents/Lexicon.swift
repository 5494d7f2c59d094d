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
    /// Place names of the area (`平湖`, `海宁`…), normalised: a page's place, a question's place.
    var places: [String]
    /// Everyday words of the domains (`发车`, `坐车`, `办理`, `参赛`): they say what kind of thing
    /// is asked, not a detail an article must print, so they never count against coverage.
    var domainWords: [String] = []
    /// Lowercase English word or phrase → Chinese.
    var glossary: [String: String]
    /// Chinese value → English wording, for English answers (`扫码` → `QR code`).
    var phrasebook: [String: String]
    /// Longest glossary phrase, in words (for phrase matching).
    var longestGlossaryPhrase: Int

    /// Adds an extension file's vocabulary (lists appended, dictionaries merged; the main file wins on conflicts).
    mutating func merge(_ other: Lexicon) {
        for (k, v) in other.questionWords { questionWords[k, default: []] += v }
        for (t, langs) in other.answerTypes { for (k, v) in langs { answerTypes[t, default: [:]][k, default: []] += v } }
        for (d, langs) in other.days { for (k, v) in langs { days[d, default: [:]][k, default: []] += v } }
        for (m, langs) in other.milestones { for (k, v) in langs { milestones[m, default: [:]][k, default: []] += v } }
        for (f, langs) in other.weatherFields { for (k, v) in langs { weatherFields[f, default: [:]][k, default: []] += v } }
        for (k, v) in other.routeMarkers { routeMarkers[k, default: []] += v }
        scopeQualifiers += other.scopeQualifiers.filter { !scopeQualifiers.contains($0) }
        places += other.places.filter { !places.contains($0) }
        domainWords += other.domainWords.filter { !domainWords.contains($0) }
        glossary.merge(other.glossary) { mine, _ in mine }
        phrasebook.merge(other.phrasebook) { mine, _ in mine }
        longestGlossaryPhrase = max(longestGlossaryPhrase, other.longestGlossaryPhrase)
    }

    static let empty = Lexicon(questionWords: [:], answerTypes: [:], days: [:], milestones: [:], weatherFields: [:],
                               routeMarkers: [:], scopeQualifiers: [], places: [], glossary: [:], phrasebook: [:], longestGlossaryPhrase: 1)
}

/// What kind of value a question asks for; used to pick the clause that answers it.
enum AnswerType: String, CaseIterable, Sendable {
    case time, date, money, number, percent, rank, measure, duration, place, phone, person, organisation, definition

    /// Most specific first: when a question carries several cues (`电话是多少`: phone and
    /// number), the first of them in this order is what it asks for.
    static let specificity: [AnswerType] = [.phone, .time, .date, .money, .percent, .measure, .rank, .duration, .place,
                                            .organisation, .person, .number, .definition]

    /// Kinds of value that answer a question of this kind.
    var acceptable: Set<AnswerType> {
        switch self {
        case .time: return [.time, .date, .duration]
        case .date: return [.date, .time]
        case .duration: return [.duration, .time]
        case .money: return [.money]
        case .number: return [.number, .money, .measure, .rank, .duration, .percent]
        case .percent: return [.percent, .number]
        case .measure: return [.measure, .number]
        case .rank: return [.rank, .number]
        case .place: return [.place]
        case .phone: return [.phone]
        case .person: return [.person, .organisation]
        case .organisation: return [.organisation, .person]
        case .definition: return [.definition]
        }
    }

    /// This type's bit in an `AnswerTypeSet`.
    var bit: UInt16 {
        switch self {
        case .time: return 1 << 0
        case .date: return 1 << 1
        case .money: return 1 << 2
        case .number: return 1 << 3
        case .percent: return 1 << 4
        case .rank: return 1 << 5
        case .measure: return 1 << 6
        case .duration: return 1 << 7
        case .place: return 1 << 8
        case .phone: return 1 << 9
        case .person: return 1 << 10
        case .organisation: return 1 << 11
        case .definition: return 1 << 12
        }
    }

    /// The most specific of a question's types, if any.
    static func primary(of types: [AnswerType]) -> AnswerType? { specificity.first { types.contains($0) } }
}

/// A set of answer types as bits (what a clause holds is asked for every window of every
/// candidate sentence: no hashing).
struct AnswerTypeSet: Sendable, Equatable {
    var bits: UInt16 = 0

    func contains(_ t: AnswerType) -> Bool { bits & t.bit != 0 }
    mutating func insert(_ t: AnswerType) { bits |= t.bit }
    mutating func formUnion(_ other: AnswerTypeSet) { bits |= other.bits }
    var isEmpty: Bool { bits == 0 }
}
