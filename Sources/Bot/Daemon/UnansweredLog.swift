import Foundation

/// One declined question, as written to and read from the unanswered log.
struct UnansweredEntry: Sendable, Equatable {
    /// ISO-8601 UTC time the question was declined.
    var time: String
    /// The question as asked.
    var text: String
    /// The engine's normalised question (`Reply.normalizedText`), else the text trimmed, with
    /// runs of blanks collapsed and lowercased.
    var normalized: String
    /// Articles that came closest (`Reply.nearest`).
    var nearest: [NearestCandidate]

    /// The JSON line (without `\n`): `{"time","text","normalized","nearest":[{"article","file","score"}]}`.
    var json: JSONValue {
        .object([
            ("time", .string(time)), ("text", .string(text)), ("normalized", .string(normalized)),
            ("nearest", .array(nearest.map {
                .object([("article", .string($0.article)), ("file", .string($0.file)), ("score", .double($0.score))])
            })),
        ])
    }

    /// Reads an entry back; nil for a line that is not one.
    init?(json value: JSONValue) {
        guard let text = value["text"]?.stringValue else { return nil }
        self.text = text
        self.time = value["time"]?.stringValue ?? ""
        self.normalized = value["normalized"]?.stringValue ?? UnansweredEntry.fold(text)
        if case .array(let items)? = value["nearest"] {
            nearest = items.compactMap { item in
                guard let file = item["file"]?.stringValue else { return nil }
                var score = 0.0
                if case .number(let n)? = item["score"] { score = Double(n) ?? 0 }
                return NearestCandidate(article: item["article"]?.stringValue ?? "", file: file, score: score)
            }
        } else {
            nearest = []
        }
    }

    /// An entry from its parts.
    init(time: String, text: String, normalized: String, nearest: [NearestCandidate]) {
        self.time = time
        self.text = text
        self.normalized = normalized
        self.nearest = nearest
    }

    /// The fallback normalisation when the engine gives none.
    static func fold(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
    }
}

/// Appends declined questions (`Reply.fallback`) to a JSON-lines file, for `enquiry-bot unanswered`.
///
/// Each entry is one `write(2)` on an `O_APPEND` descriptor, so lines are never interleaved or torn.
/// Size cap with one generation of rotation: before a write that would take the file past
/// `capBytes` (default 1 MiB), `FILE` is renamed to `FILE.1` (replacing it) and a new `FILE`
/// started. Writes happen on a serial queue of their own, off the answering path; `flush()` waits
/// for them. One daemon per file.
final class UnansweredLog: ReplyObserver, @unchecked Sendable {
    /// Default size cap of the live file, in bytes.
    static let defaultCapBytes = 1 << 20

    /// The live file.
    let path: String
    /// The cap, in bytes, on the live file.
    let capBytes: Int
    private let logger: Logger
    // `fd` and `size` are touched only on `queue`.
    private let queue = DispatchQueue(label: "enquiry-bot.unanswered", qos: .utility)
    private var fd: Int32 = -1
    private var size = 0

    /// Opens (creating, mode 0600: questions may be personal) `path` for appending.
    init(path: String, capBytes: Int = UnansweredLog.defaultCapBytes, logger: Logger) throws(ServeError) {
        self.path = path
        self.capBytes = capBytes
        self.logger = logger
        guard openFile() else { throw .systemCall(call: "open", path: path, errno: errno) }
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Records the question when the bot declined it.
    func didAnswer(_ request: Request, reply: Reply, seconds: Double) {
        guard reply.fallback else { return }
        let entry = UnansweredEntry(time: Logger.timestamp(), text: request.text,
                                    normalized: reply.normalizedText ?? UnansweredEntry.fold(request.text),
                                    nearest: reply.nearest)
        record(entry)
    }

    /// Lines that were not questions are not recorded.
    func didRefuse(_ error: LineError) {}

    /// Queues `entry` for writing.
    func record(_ entry: UnansweredEntry) {
        var encoded: [UInt8] = []
        JSONLine.encode(entry.json, into: &encoded)
        encoded.append(0x0A)
        let line = encoded
        queue.async { self.write(line) }
    }

    /// Waits until every queued entry is written.
    func flush() { queue.sync {} }

    private func write(_ line: [UInt8]) {
        if size > 0 && size + line.count > capBytes { rotate() }
        guard fd >= 0 else { return }
        let written = line.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        if written < 0 {
            logger.warning("unanswered_log_failed", ["path": path, "reason": SocketIO.describe(errno)])
        } else {
            size += written
        }
    }

    private func rotate() {
        close(fd)
        fd = -1
        if rename(path, path + ".1") != 0 {
            logger.warning("unanswered_log_rotate_failed", ["path": path, "reason": SocketIO.describe(errno)])
        }
        if !openFile() {
            logger.warning("unanswered_log_failed", ["path": path, "reason": SocketIO.describe(errno)])
        }
    }

    private func openFile() -> Bool {
        fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        var st = stat()
        size = fstat(fd, &st) == 0 ? Int(st.st_size) : 0
        return true
    }
}
