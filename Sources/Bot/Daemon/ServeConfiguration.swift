import Foundation

/// Everything `enquiry-bot serve` runs with: built by `ServeCommand`, checked once by
/// `validate()`, then passed down unchanged.
///
/// | key                 | option                 | type      | default                                   |
/// |---------------------|------------------------|-----------|-------------------------------------------|
/// | `socketPath`        | `--socket PATH`        | String    | `$XDG_RUNTIME_DIR/enquiry-bot.sock`, else `/tmp/enquiry-bot-$UID/enquiry-bot.sock` |
/// | `corpusDirectory`   | `--corpus DIR`         | String    | `DataLocations.corpus`                    |
/// | `intentsDirectory`  | `--intents DIR`        | String    | `DataLocations.intents`                   |
/// | `stdin`             | `--stdin`              | Bool      | false                                     |
/// | `maxClients`        | `--max-clients N`      | Int       | 256 (1…65536)                             |
/// | `maxLineBytes`      | `--max-line-bytes N`   | Int       | 4096 (64…1 MiB)                           |
/// | `idleTimeout`       | `--idle-timeout S`     | Double    | 300 s                                     |
/// | `lineDeadline`      | `--line-deadline S`    | Double    | 10 s                                      |
/// | `outputCap`         | `--output-cap BYTES`   | Int       | 1 MiB (reading stops at a quarter of it)  |
/// | `socketMode`        | `--socket-mode MODE`   | mode_t    | 0660 (octal; o+w refused)                 |
/// | `unansweredLog`     | `--unanswered-log FILE`| String?   | `$ENQUIRY_BOT_UNANSWERED_LOG`, else off   |
/// | `unansweredLogCap`  | `--unanswered-log-cap` | Int       | 1 MiB, then `FILE` → `FILE.1`             |
/// | `logLevel`          | `--log-level LEVEL`    | LogLevel  | info                                      |
/// | `shutdownTimeout`   | `--shutdown-timeout S` | Double    | 3 s to drain after SIGTERM, then exit     |
struct ServeConfiguration: Sendable, Equatable {
    /// Where to bind (ignored under socket activation).
    var socketPath: String
    /// Article pages.
    var corpusDirectory: String
    /// Intent files.
    var intentsDirectory: String
    /// Also answer on stdin/stdout.
    var stdin: Bool
    /// Connections served at once.
    var maxClients: Int
    /// Longest request line, without its newline.
    var maxLineBytes: Int
    /// Seconds without a complete line before a client is dropped.
    var idleTimeout: Double
    /// Seconds to finish a started line.
    var lineDeadline: Double
    /// Unread reply bytes before a client is dropped.
    var outputCap: Int
    /// Permission bits of the socket file we create.
    var socketMode: mode_t
    /// Where declined questions go; nil for nowhere.
    var unansweredLog: String?
    /// Size at which the unanswered log rotates.
    var unansweredLogCap: Int
    /// Lowest level logged.
    var logLevel: LogLevel
    /// Seconds to drain after SIGTERM before exiting anyway.
    var shutdownTimeout: Double

    /// Every parameter defaults as in the table above (paths from the environment and `DataLocations`).
    init(socketPath: String? = nil, corpusDirectory: String? = nil, intentsDirectory: String? = nil, stdin: Bool = false,
         maxClients: Int = 256, maxLineBytes: Int = 4096, idleTimeout: Double = 300, lineDeadline: Double = 10,
         outputCap: Int = 1 << 20, socketMode: mode_t = 0o660, unansweredLog: String? = nil,
         unansweredLogCap: Int = UnansweredLog.defaultCapBytes, logLevel: LogLevel = .info, shutdownTimeout: Double = 3) {
        self.socketPath = socketPath ?? ServeConfiguration.defaultSocketPath(environment: ProcessInfo.processInfo.environment, uid: getuid())
        self.corpusDirectory = corpusDirectory ?? DataLocations.corpus(explicit: nil)
        self.intentsDirectory = intentsDirectory ?? DataLocations.intents(explicit: nil)
        self.stdin = stdin
        self.maxClients = maxClients
        self.maxLineBytes = maxLineBytes
        self.idleTimeout = idleTimeout
        self.lineDeadline = lineDeadline
        self.outputCap = outputCap
        self.socketMode = socketMode
        self.unansweredLog = unansweredLog
        self.unansweredLogCap = unansweredLogCap
        self.logLevel = logLevel
        self.shutdownTimeout = shutdownTimeout
    }

    /// The socket path when none is given: `$XDG_RUNTIME_DIR/enquiry-bot.sock` when that variable
    /// names an absolute directory, else `/tmp/enquiry-bot-<uid>/enquiry-bot.sock` (the directory is
    /// created 0700 and must be ours).
    static func defaultSocketPath(environment: [String: String], uid: uid_t) -> String {
        if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/") {
            return (runtime.hasSuffix("/") ? runtime : runtime + "/") + "enquiry-bot.sock"
        }
        return fallbackSocketDirectory(uid: uid) + "/enquiry-bot.sock"
    }

    /// The private directory used when there is no `XDG_RUNTIME_DIR`.
    static func fallbackSocketDirectory(uid: uid_t) -> String { "/tmp/enquiry-bot-\(uid)" }

    /// Parses an octal mode (`0660`, `660`, `0o660`).
    static func parseMode(_ text: String) -> mode_t? {
        var digits = Substring(text)
        if digits.hasPrefix("0o") { digits = digits.dropFirst(2) }
        guard !digits.isEmpty, digits.count <= 4, let value = mode_t(digits, radix: 8) else { return nil }
        return value
    }

    /// Checks every value once; the first problem is thrown with the option that caused it.
    func validate() throws(ServeError) {
        let pathBytes = socketPath.utf8.count
        guard pathBytes > 0, !socketPath.utf8.contains(0) else {
            throw .invalidOption(option: "--socket", value: socketPath, reason: "must be a file path")
        }
        guard pathBytes <= SocketIO.maxSocketPathBytes else { throw .socketPathTooLong(path: socketPath, bytes: pathBytes) }
        try check("--max-clients", maxClients, in: 1...65_536)
        try check("--max-line-bytes", maxLineBytes, in: 64...(1 << 20))
        try check("--output-cap", outputCap, in: 4096...(1 << 30))
        try check("--unanswered-log-cap", unansweredLogCap, in: 4096...(1 << 40))
        try check("--idle-timeout", idleTimeout, in: 0.05...(30 * 86_400))
        try check("--line-deadline", lineDeadline, in: 0.05...86_400)
        try check("--shutdown-timeout", shutdownTimeout, in: 0...60)
        let mode = String(socketMode, radix: 8)
        guard socketMode & ~0o777 == 0 else {
            throw .invalidOption(option: "--socket-mode", value: mode, reason: "only permission bits (at most 0777) are allowed")
        }
        guard socketMode & 0o002 == 0 else {
            throw .invalidOption(option: "--socket-mode", value: mode, reason: "world-writable sockets are refused (drop o+w)")
        }
        guard socketMode & 0o600 == 0o600 else {
            throw .invalidOption(option: "--socket-mode", value: mode, reason: "the owner needs read and write (0600 at least)")
        }
        if let log = unansweredLog, log.isEmpty {
            throw .invalidOption(option: "--unanswered-log", value: log, reason: "must be a file path")
        }
    }

    /// The per-connection limits these settings imply.
    var connectionLimits: ConnectionLimits {
        var limits = ConnectionLimits()
        limits.maxLineBytes = maxLineBytes
        limits.idleTimeout = idleTimeout
        limits.lineDeadline = lineDeadline
        limits.outputCap = outputCap
        // Stop reading well before the cap: replies to lines already read can still land.
        limits.outputHighWater = max(outputCap / 4, 2048)
        limits.maxBufferedInput = max(64 << 10, maxLineBytes * 2)
        return limits
    }

    private func check<T: Comparable & CustomStringConvertible>(_ option: String, _ value: T, in range: ClosedRange<T>) throws(ServeError) {
        guard range.contains(value) else {
            throw .invalidOption(option: option, value: value.description, reason: "must be from \(range.lowerBound) to \(range.upperBound)")
        }
    }
}
