import Foundation
import Knowledge

/// What was loaded: for logs, `stats` and reload results.
struct DataSummary: Sendable, Equatable {
    var pages: Int
    var articles: Int
    var facts: Int
    var intents: Int
    /// Pages that could not be read, with the reason (`file: reason`).
    var skippedPages: [String]
}

/// A data load that failed: corpus or intents invalid. The message names file, entry and field.
struct DataLoadError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// The bot as channels see it: answers questions (thread-safe) and reloads its data.
///
/// Concurrency: the current `BotEngine` is immutable and read under `lock` (held only to copy
/// the reference); `reload()` builds a new engine on the caller's thread and swaps the reference,
/// so answering never waits for a reload. Sessions live outside the engine and survive reloads.
final class BotService: QuestionAnswering, @unchecked Sendable {
    let corpusDirectory: String
    let intentsDirectory: String
    let sessions: SessionStore
    private let logger: Logger
    private let lock = NSLock()
    private var current: BotEngine
    /// Whether a decline carries the articles that came closest (`Reply.nearest`): a search of
    /// its own, done only when something records it (the unanswered log).
    let collectsNearest: Bool

    init(corpusDirectory: String, intentsDirectory: String, logger: Logger, sessions: SessionStore = SessionStore(),
         collectsNearest: Bool = false) throws {
        self.collectsNearest = collectsNearest
        self.corpusDirectory = corpusDirectory
        self.intentsDirectory = intentsDirectory
        self.logger = logger
        self.sessions = sessions
        self.current = try BotEngine.load(corpusDirectory: corpusDirectory, intentsDirectory: intentsDirectory)
        for problem in current.summary.skippedPages { logger.warning("page_skipped", ["reason": problem]) }
    }

    /// The engine now serving.
    var engine: BotEngine {
        lock.lock(); defer { lock.unlock() }
        return current
    }

    /// The summary of the data now being served.
    var summary: DataSummary { engine.summary }

    /// What a session remembers after an answer: its subject, unless it declined or chatted.
    static func nextState(after a: Answer, from state: DialogueState?) -> DialogueState {
        var next = state ?? DialogueState()
        if a.outcome != .decline && a.outcome != .smallTalk {
            if a.entity != nil || a.routeID != nil {
                next.entity = a.entity
                next.routeID = a.routeID
            }
            if a.outcome == .fact { next.intent = a.intent; next.askedType = a.askedType }
        }
        next.language = a.language
        return next
    }

    func answer(_ request: Request, defaultSession: String) -> Reply {
        let engine = self.engine
        let session = request.session ?? defaultSession
        let state = sessions.state(for: session)
        let (u, a) = engine.respond(to: request.text, state: state)
        sessions.update(session, BotService.nextState(after: a, from: state))
        var reply = Reply(id: request.id, answer: a.text, intent: a.intent, confidence: (a.confidence * 1000).rounded() / 1000,
                          fallback: a.fallback, sources: engine.citations(a.sentences), suggestions: a.suggestions,
                          session: session, lang: a.language.rawValue)
        // Punctuation at the ends does not make a different question (groups the unanswered log).
        reply.normalizedText = u.normalizedText.trimmed(of: BotService.edgePunctuation)
        if collectsNearest && a.outcome == .decline { reply.nearest = engine.answerer.nearestArticles(u) }
        if request.explain { reply.debug = Explanation.json(u, a, engine: engine) }
        return reply
    }

    static let edgePunctuation: Set<Unicode.Scalar> = Set("?!.,;:。？！，；：…~ \"“”'".unicodeScalars)

    /// Rebuilds from the same directories; on success swaps and returns the new summary,
    /// on failure throws and keeps serving the old data.
    func reload() throws -> DataSummary {
        let fresh = try BotEngine.load(corpusDirectory: corpusDirectory, intentsDirectory: intentsDirectory)
        lock.lock(); current = fresh; lock.unlock()
        for problem in fresh.summary.skippedPages { logger.warning("page_skipped", ["reason": problem]) }
        return fresh.summary
    }
}
