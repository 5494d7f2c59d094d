import Foundation

/// Where an answer came from: the article's headline, its page file and the sentence quoted.
struct SourceCitation: Sendable, Equatable {
    var article: String
    var file: String
    var sentence: String
    /// For a notice or guide: the section the sentence sits in (`三、办理网点 > 1. 城南…`) and the publisher.
    var section: String? = nil
    var publisher: String? = nil
}

/// One reply to one `Request`. `answer` is the answer text alone; everything else is metadata.
struct Reply: Sendable, Equatable {
    var id: JSONValue?
    var answer: String
    /// Name of the intent that produced the answer (`nil` for a decline with no intent).
    var intent: String?
    /// Calibrated confidence in [0, 1].
    var confidence: Double
    /// True when the bot declined (no answer found) — the answer then says what was not found.
    var fallback: Bool
    var sources: [SourceCitation]
    var suggestions: [String]
    var session: String?
    /// "zh" or "en": the language of the answer.
    var lang: String?
    /// Candidate intents/entities and reasons, present only when the request asked to explain.
    var debug: JSONValue?
    /// Not sent on the wire: the normalised question, for the unanswered log.
    var normalizedText: String? = nil
    /// Not sent on the wire: for a decline, the articles that came closest (unanswered log).
    var nearest: [NearestCandidate] = []

    init(id: JSONValue? = nil, answer: String, intent: String? = nil, confidence: Double = 0,
         fallback: Bool = false, sources: [SourceCitation] = [], suggestions: [String] = [],
         session: String? = nil, lang: String? = nil, debug: JSONValue? = nil) {
        self.id = id
        self.answer = answer
        self.intent = intent
        self.confidence = confidence
        self.fallback = fallback
        self.sources = sources
        self.suggestions = suggestions
        self.session = session
        self.lang = lang
        self.debug = debug
    }
}

/// Anything that turns a question into a reply. The bot implements it; channel tests stub it.
protocol QuestionAnswering: Sendable {
    /// Answers one request. `defaultSession` is the channel's session (e.g. one per connection),
    /// used when the request names none. Must be thread-safe: channels call it concurrently.
    func answer(_ request: Request, defaultSession: String) -> Reply
}

/// An article that came close to a declined question (recorded in the unanswered log, never sent).
struct NearestCandidate: Sendable, Equatable {
    var article: String
    var file: String
    var score: Double
}
