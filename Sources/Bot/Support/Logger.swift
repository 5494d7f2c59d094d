import Foundation

/// Log severity, lowest first.
enum LogLevel: Int, Sendable, Comparable, CustomStringConvertible {
    case debug = 0, info, warning, error

    static func < (a: LogLevel, b: LogLevel) -> Bool { a.rawValue < b.rawValue }

    var description: String {
        switch self {
        case .debug: return "debug"
        case .info: return "info"
        case .warning: return "warning"
        case .error: return "error"
        }
    }

    init?(name: String) {
        switch name.lowercased() {
        case "debug": self = .debug
        case "info": self = .info
        case "warning", "warn": self = .warning
        case "error": self = .error
        default: return nil
        }
    }
}

/// Where log lines go. Stderr in production; `RecordingLogSink` in tests.
protocol LogSink: Sendable {
    func write(_ line: String)
}

/// Writes each line whole to stderr with one `write(2)` call (replies go to stdout, never here).
struct StderrLogSink: LogSink {
    func write(_ line: String) {
        var bytes = Array((line + "\n").utf8)
        bytes.withUnsafeMutableBytes { buf in
            var off = 0
            while off < buf.count {
                let n = Foundation.write(2, buf.baseAddress! + off, buf.count - off)
                if n < 0 { if errno == EINTR { continue }; return }
                off += n
            }
        }
    }
}

/// Keeps log lines in memory so tests can assert on them.
final class RecordingLogSink: LogSink, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    func write(_ line: String) {
        lock.lock(); stored.append(line); lock.unlock()
    }

    var lines: [String] {
        lock.lock(); defer { lock.unlock() }
        return stored
    }
}

/// One line per event: `2026-11-21T10:00:00.123Z level=info event=ready socket=/run/x.sock`.
/// Passed in to whatever logs; there is no global logger.
struct Logger: Sendable {
    var minimumLevel: LogLevel
    var sink: any LogSink

    init(minimumLevel: LogLevel = .info, sink: any LogSink = StderrLogSink()) {
        self.minimumLevel = minimumLevel
        self.sink = sink
    }

    /// A logger that drops everything (for commands whose stderr must stay quiet).
    static var silent: Logger { Logger(minimumLevel: .error, sink: NullLogSink()) }

    func log(_ level: LogLevel, _ event: String, _ fields: KeyValuePairs<String, String> = [:]) {
        guard level >= minimumLevel else { return }
        var line = Logger.timestamp() + " level=\(level) event=\(event)"
        for (k, v) in fields { line += " \(k)=" + Logger.quote(v) }
        sink.write(line)
    }

    func debug(_ event: String, _ fields: KeyValuePairs<String, String> = [:]) { log(.debug, event, fields) }
    func info(_ event: String, _ fields: KeyValuePairs<String, String> = [:]) { log(.info, event, fields) }
    func warning(_ event: String, _ fields: KeyValuePairs<String, String> = [:]) { log(.warning, event, fields) }
    func error(_ event: String, _ fields: KeyValuePairs<String, String> = [:]) { log(.error, event, fields) }

    /// Quotes a value when it has spaces, quotes or control characters, so a line stays one line.
    static func quote(_ v: String) -> String {
        let needs = v.isEmpty || v.unicodeScalars.contains { $0 == " " || $0 == "\"" || $0 == "=" || $0.value < 0x20 }
        guard needs else { return v }
        var out = "\""
        for s in v.unicodeScalars {
            switch s {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if s.value < 0x20 { out += String(format: "\\u%04x", s.value) } else { out.unicodeScalars.append(s) }
            }
        }
        return out + "\""
    }

    static func timestamp() -> String {
        var tv = timeval()
        gettimeofday(&tv, nil)
        var t = time_t(tv.tv_sec)
        var tmv = tm()
        gmtime_r(&t, &tmv)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tmv.tm_year + 1900, tmv.tm_mon + 1, tmv.tm_mday,
                      tmv.tm_hour, tmv.tm_min, tmv.tm_sec, Int(tv.tv_usec / 1000))
    }
}

/// Discards every line.
struct NullLogSink: LogSink {
    func write(_ line: String) {}
}
