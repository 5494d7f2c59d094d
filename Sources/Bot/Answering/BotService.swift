import Foundation

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
/// STUB — the real engine replaces the body; the interface stays: `init` loads or throws,
/// `answer` is safe from any thread, `reload()` builds new data on the caller's thread and swaps
/// it in atomically, keeping the old data when the new is invalid.
final class BotService: QuestionAnswering, @unchecked Sendable {
    let corpusDirectory: String
    let intentsDirectory: String
    private let logger: Logger
    private let lock = NSLock()
    private var current: DataSummary

    init(corpusDirectory: String, intentsDirectory: String, logger: Logger) throws {
        self.corpusDirectory = corpusDirectory
        self.intentsDirectory = intentsDirectory
        self.logger = logger
        self.current = try BotService.load(corpusDirectory: corpusDirectory, intentsDirectory: intentsDirectory)
    }

    /// The summary of the data now being served.
    var summary: DataSummary {
        lock.lock(); defer { lock.unlock() }
        return current
    }

    func answer(_ request: Request, defaultSession: String) -> Reply {
        Reply(id: request.id, answer: "stub: " + request.text, intent: nil, confidence: 0, fallback: true,
              session: request.session ?? defaultSession, lang: "zh")
    }

    /// Rebuilds from the same directories; on success swaps and returns the new summary,
    /// on failure throws and keeps serving the old data.
    func reload() throws -> DataSummary {
        let fresh = try BotService.load(corpusDirectory: corpusDirectory, intentsDirectory: intentsDirectory)
        lock.lock(); current = fresh; lock.unlock()
        return fresh
    }

    private static func load(corpusDirectory: String, intentsDirectory: String) throws -> DataSummary {
        let fm = FileManager.default
        guard let pages = try? fm.contentsOfDirectory(atPath: corpusDirectory) else {
            throw DataLoadError(message: "cannot read corpus directory \(corpusDirectory)")
        }
        guard let intents = try? fm.contentsOfDirectory(atPath: intentsDirectory) else {
            throw DataLoadError(message: "cannot read intents directory \(intentsDirectory)")
        }
        return DataSummary(pages: pages.filter { $0.hasSuffix(".txt") }.count, articles: 0, facts: 0,
                           intents: intents.filter { $0.hasSuffix(".json") }.count, skippedPages: [])
    }
}
