import Foundation

/// Why `enquiry-bot serve` could not start. `description` is the one formatter for this text;
/// the daemon logs it as `event=start_failed reason=…` and exits 1.
enum ServeError: Error, Equatable, CustomStringConvertible {
    /// A command-line value out of range (`option` names the flag).
    case invalidOption(option: String, value: String, reason: String)
    /// `sun_path` holds 107 bytes plus NUL.
    case socketPathTooLong(path: String, bytes: Int)
    /// Another process accepted our test connection: never steal a live socket.
    case socketInUse(path: String)
    /// Something other than a socket sits at the path: we never delete it.
    case notASocket(path: String)
    /// The default socket directory exists but is not ours or is open to others.
    case unsafeDirectory(path: String, reason: String)
    /// A system call failed (`call` names it, `path` the file involved).
    case systemCall(call: String, path: String, errno: Int32)
    /// systemd passed a descriptor we cannot use.
    case socketActivation(String)
    /// Loading the corpus or intents failed.
    case dataLoad(String)

    var description: String {
        switch self {
        case let .invalidOption(option, value, reason):
            return "\(option) '\(value)': \(reason)"
        case let .socketPathTooLong(path, bytes):
            return "socket path is \(bytes) bytes, the limit is \(SocketIO.maxSocketPathBytes): \(path)"
        case let .socketInUse(path):
            return "another enquiry-bot is already answering on \(path); stop it first or choose another --socket"
        case let .notASocket(path):
            return "\(path) exists and is not a socket; refusing to replace it"
        case let .unsafeDirectory(path, reason):
            return "socket directory \(path) \(reason)"
        case let .systemCall(call, path, code):
            return "\(call)(\(path)) failed: \(SocketIO.describe(code))"
        case let .socketActivation(why):
            return "socket activation: \(why)"
        case let .dataLoad(why):
            return "cannot load data: \(why)"
        }
    }
}
