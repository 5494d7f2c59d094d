import Foundation

/// How a request line was written, and so how its reply is written.
enum WireFormat: Sendable, Equatable {
    /// `{"id": …, "text": "…", "session": "…"}` → one JSON reply line.
    case json
    /// A plain line of text → one plain reply line (see README, "Protocol").
    case plain
}

/// One question to answer, whichever channel it came from (CLI, stdin, socket).
struct Request: Sendable, Equatable {
    /// Echoed verbatim in the reply (any JSON value); `nil` when the client sent none.
    var id: JSONValue?
    /// The question text as sent.
    var text: String
    /// Dialogue session named by the client; `nil` means "the channel's default session".
    var session: String?
    /// Ask for the debug/explain field in the reply.
    var explain: Bool = false
    var format: WireFormat = .json
}

/// Administrative commands, allowed only from clients running as the daemon's own user.
enum ControlCommand: String, Sendable, Equatable {
    case stats
    case reload
}
