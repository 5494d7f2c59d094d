import Foundation

/// Slots an intent may ask for. The names are the vocabulary of `intents/*.json` (`"slots"`).
enum SlotName: String, CaseIterable, Sendable {
    /// A route id (`115`, `K258`).
    case route
    /// A named entity of one of the intent's answer kinds (from the question or the dialogue).
    case entity
    /// A terminus named in the question (`青浦`).
    case terminus
    /// A day word (`今天`, `明天`).
    case day
    /// An event milestone (`初赛`, `决赛`, `截止`).
    case milestone
    /// A prize group (`创业组`).
    case group
    /// A phone label (`驾校`, `全日制`).
    case label
    /// The scope of a time commitment (`一般类`, `复杂`).
    case scope
    /// A place the user wants to reach (free text).
    case place
    /// What the user wants done (free text: `原产地证`).
    case topic
}

/// Kinds of things answers come from: the fact kinds of the knowledge base, plus small talk.
enum AnswerKind: String, CaseIterable, Sendable {
    case route, contact, service, event, weather, figure, term, smalltalk
}

/// One (kind, field) an intent can answer from; the answer renderer knows each field.
struct AnswerSource: Sendable, Hashable {
    var kind: AnswerKind
    var field: String

    var key: String { kind.rawValue + "." + field }

    /// Fields the renderers implement, per kind. Loading rejects anything else.
    static let knownFields: [AnswerKind: Set<String>] = [
        .route: ["firstDeparture", "lastDeparture", "schedule", "fare", "payment", "termini", "trips", "headway",
                 "transfer", "serves", "overview", "stops", "opened", "concessions"],
        .contact: ["address", "phone", "hours", "describe"],
        .service: ["location", "handles", "host", "count", "offers", "commitments", "established", "results", "phones", "hours", "describe"],
        .event: ["venue", "organisers", "deadline", "dates", "prizes", "eligibility", "benefits", "groups", "describe"],
        .weather: ["conditions", "temperature", "wind"],
        .figure: ["value"],
        .term: ["define"],
        .smalltalk: ["greeting", "thanks", "goodbye", "help", "identity"],
    ]
}

/// A response template in both languages. Placeholders: `{entity}`, `{value}`, `{page_note}`,
/// `{capabilities}`.
struct Template: Sendable, Hashable {
    var zh: String
    var en: String

    static let placeholders: Set<String> = ["entity", "value", "page_note", "capabilities"]

    func text(for language: Language) -> String { language == .en ? en : zh }
}

/// Question language.
enum Language: String, Sendable {
    case zh, en
}

/// A kind of question the bot understands, as declared in `intents/*.json`.
struct IntentDefinition: Sendable {
    var name: String
    var domain: String
    var description: String
    /// Example questions; `{route}`, `{service}`… are filled from the knowledge base for help and benchmarks.
    var examples: [Language: [String]]
    /// Keywords per language (Chinese ones normalised at load).
    var keywords: [Language: [String]]
    var slots: [SlotName]
    var requiredSlots: Set<SlotName>
    var answers: [AnswerSource]
    var templates: [String: Template]
    var followUps: [Language: [String]]
    /// Kinds of value the intent answers with (`time` for first departures); empty = any. A
    /// question that asks for another kind ("where" vs a date) does not get this intent.
    var answerTypes: [AnswerType] = []
    /// Multiplier on keyword scores (default 1): catch-alls such as an overview rank below
    /// intents that ask for one thing.
    var priority: Double = 1
    /// File it came from (for error messages and `--explain`).
    var file: String

    /// The template for an answer source (validated to exist at load).
    func template(for source: AnswerSource) -> Template { templates[source.key]! }

    var isSmallTalk: Bool { answers.allSatisfy { $0.kind == .smalltalk } }
}
