import Foundation

/// Why one request line got an error reply instead of an answer. The connection stays usable.
///
/// `code` and `message` are the one place these become user-facing text; the codec writes them
/// as `{"id":…,"error":{"code":…,"message":…},"fallback":true}` or `ERR <code>: <message>`.
enum LineError: Error, Equatable, Sendable {
    /// Empty or whitespace-only line, or a JSON request whose `text` is blank.
    case empty
    /// The line is not valid UTF-8.
    case invalidUTF8
    /// Valid UTF-8 but with control characters: binary junk, not a question.
    case binary
    /// An HTTP request line (`GET / HTTP/1.0`): someone pointed a browser or proxy at us.
    case http
    /// The line starts like JSON but does not parse.
    case invalidJSON(JSONParseError)
    /// Parsed, but not a request (`what` says which rule it broke).
    case badRequest(String)
    /// `{"cmd": …}` with a command we do not know.
    case unknownCommand(String)
    /// A control command from a client that is not the daemon's own user.
    case forbidden(ControlCommand)
    /// A control command on a channel that has none (e.g. `chat`).
    case unavailable(ControlCommand)
    /// Too long for this channel (stdin keeps going after it; a socket is closed).
    case tooLong(limit: Int)

    /// Stable machine-readable code.
    var code: String {
        switch self {
        case .empty: return "empty"
        case .invalidUTF8: return "invalid_utf8"
        case .binary: return "binary"
        case .http: return "http"
        case .invalidJSON: return "invalid_json"
        case .badRequest: return "bad_request"
        case .unknownCommand: return "unknown_command"
        case .forbidden: return "forbidden"
        case .unavailable: return "unavailable"
        case .tooLong: return "line_too_long"
        }
    }

    /// Human-readable explanation (one line).
    var message: String {
        switch self {
        case .empty: return "empty line: send one question per line"
        case .invalidUTF8: return "line is not valid UTF-8"
        case .binary: return "line contains control characters"
        case .http: return "not an HTTP server: send one question per line"
        case .invalidJSON(let e): return "malformed JSON: \(e)"
        case .badRequest(let what): return what
        case .unknownCommand(let name):
            let known = ControlCommand.allNames.joined(separator: ", ")
            return "unknown command \"\(name)\" (known: \(known))"
        case .forbidden(let c): return "\(c.rawValue) is allowed only for the daemon's own user"
        case .unavailable(let c): return "\(c.rawValue) is not available on this channel"
        case .tooLong(let limit): return "line longer than \(limit) bytes"
        }
    }
}

/// A limit that closes a connection. The daemon writes `line` (one JSON line, no `id`, no
/// `fallback`), counts it under `statsKey`, and closes.
///
/// | code            | message                                         | counter          |
/// |-----------------|-------------------------------------------------|------------------|
/// | `max_clients`   | `max number of clients reached`                 | `rejected`       |
/// | `line_too_long` | `line longer than N bytes`                      | `line_too_long`  |
/// | `idle_timeout`  | `no complete line for N seconds`                | `idle`           |
/// | `line_deadline` | `line not finished within N seconds`            | `line_deadline`  |
/// | `output_cap`    | `more than N bytes of replies not read`         | `output_cap`     |
enum ConnectionRefusal: Equatable, Sendable {
    case maxClients
    case lineTooLong(limit: Int)
    case idleTimeout(seconds: Double)
    case lineDeadline(seconds: Double)
    case outputCap(limit: Int)

    /// Stable machine-readable code.
    var code: String {
        switch self {
        case .maxClients: return "max_clients"
        case .lineTooLong: return "line_too_long"
        case .idleTimeout: return "idle_timeout"
        case .lineDeadline: return "line_deadline"
        case .outputCap: return "output_cap"
        }
    }

    /// The exact message sent.
    var message: String {
        switch self {
        case .maxClients: return "max number of clients reached"
        case .lineTooLong(let limit): return "line longer than \(limit) bytes"
        case .idleTimeout(let s): return "no complete line for \(ConnectionRefusal.seconds(s)) seconds"
        case .lineDeadline(let s): return "line not finished within \(ConnectionRefusal.seconds(s)) seconds"
        case .outputCap(let limit): return "more than \(limit) bytes of replies not read"
        }
    }

    /// Name of the disconnection counter in `stats` (`nil` for refusals counted elsewhere).
    var statsKey: String? {
        switch self {
        case .maxClients: return nil
        case .lineTooLong: return "line_too_long"
        case .idleTimeout: return "idle"
        case .lineDeadline: return "line_deadline"
        case .outputCap: return "output_cap"
        }
    }

    /// `{"error":{"code":…,"message":…}}` plus the newline.
    var line: [UInt8] {
        var out: [UInt8] = []
        JSONLine.encode(.object([("error", .object([("code", .string(code)), ("message", .string(message))]))]), into: &out)
        out.append(0x0A)
        return out
    }

    /// `300` rather than `300.0`, `1.5` stays `1.5`.
    private static func seconds(_ s: Double) -> String {
        s == s.rounded() && abs(s) < 1e15 ? String(Int(s)) : String(s)
    }
}

extension ControlCommand {
    /// Every command name, for error messages.
    static var allNames: [String] { [ControlCommand.stats, .reload].map(\.rawValue) }
}
