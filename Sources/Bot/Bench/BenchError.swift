import Foundation

/// Why a benchmark could not run. `description` is the user-facing text.
enum BenchError: Error, CustomStringConvertible {
    /// A corpus directory or page could not be read or written.
    case corpus(path: String, reason: String)
    /// The daemon could not be started.
    case spawn(executable: String, errno: Int32)
    /// The daemon exited, or printed no `ready` line in time.
    case daemonNotReady(reason: String, stderr: [String])
    /// A temporary directory could not be made.
    case temporaryDirectory(errno: Int32)
    /// The knowledge base or intents failed to load.
    case dataLoad(String)

    var description: String {
        switch self {
        case let .corpus(path, reason):
            return "\(path): \(reason)"
        case let .spawn(executable, code):
            return "cannot start \(executable): \(SocketIO.describe(code))"
        case let .daemonNotReady(reason, stderr):
            let tail = stderr.suffix(5).map { "\n  daemon: " + $0 }.joined()
            return "the daemon did not become ready: \(reason)\(tail)"
        case let .temporaryDirectory(code):
            return "cannot create a temporary directory: \(SocketIO.describe(code))"
        case let .dataLoad(why):
            return "cannot load the data: \(why)"
        }
    }
}
