import Foundation

/// The daemon's own counters after a socket run (`{"cmd":"stats"}`), to cross-check the
/// clients' error count and to split round trips into answer time and the rest.
struct DaemonStats: Sendable, Equatable {
    /// Questions it answered or declined since start.
    var queries: Int
    /// Lines it answered with an error.
    var lineErrors: Int
    /// Its answer time (around `answer`, no I/O) over its last samples, milliseconds.
    var answerP50Milliseconds: Double
    var answerP99Milliseconds: Double

    /// Asks the daemon at `socketPath`; nil when it does not answer or we may not ask.
    static func fetch(socketPath: String) -> DaemonStats? {
        guard let line = try? SocketClient.ask(socketPath: socketPath, requestLine: #"{"cmd":"stats"}"#, timeout: 10),
              case .control(let value)? = try? ReplyDecoder.decode(line), let stats = value["stats"] else { return nil }
        return DaemonStats(queries: int(stats["queries"]?["total"]), lineErrors: int(stats["queries"]?["errors"]),
                           answerP50Milliseconds: double(stats["answer_ms"]?["p50"]),
                           answerP99Milliseconds: double(stats["answer_ms"]?["p99"]))
    }

    private static func int(_ value: JSONValue?) -> Int {
        if case .number(let text)? = value { return Int(text) ?? 0 }
        return 0
    }

    private static func double(_ value: JSONValue?) -> Double {
        if case .number(let text)? = value { return Double(text) ?? 0 }
        return 0
    }
}
