import Foundation

/// What went wrong talking to the daemon.
enum TestClientError: Error, CustomStringConvertible {
    case connect(String, Int32)
    case timedOut(String)
    case io(String, Int32)

    var description: String {
        switch self {
        case let .connect(path, code): return "connect(\(path)): \(String(cString: strerror(code)))"
        case let .timedOut(what): return "timed out \(what)"
        case let .io(call, code): return "\(call): \(String(cString: strerror(code)))"
        }
    }
}

/// A blocking Unix-socket client with timeouts, for driving the real daemon.
/// One thread may send while another reads: they share only the fd (the read buffer belongs to
/// the reader).
final class TestClient: @unchecked Sendable {
    let fd: Int32
    private var buffer: [UInt8] = []
    private var closed = false

    init(path: String, timeout: Double = 20) throws {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var tv = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &addr.sun_path) { $0.copyBytes(from: bytes + [0]) }
        let rc = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        if rc != 0 {
            let code = errno
            Glibc.close(fd)
            closed = true
            throw TestClientError.connect(path, code)
        }
    }

    deinit { close() }

    func close() {
        guard !closed else { return }
        closed = true
        Glibc.close(fd)
    }

    /// Sends `text` as is (add your own newlines).
    func send(_ text: String) throws { try send(bytes: Array(text.utf8)) }

    /// Sends raw bytes, all of them.
    func send(bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN { throw TestClientError.timedOut("sending") }
                throw TestClientError.io("send", errno)
            }
            offset += n
        }
    }

    /// Half-closes: the daemon sees end of input.
    func finishSending() { shutdown(fd, Int32(SHUT_WR)) }

    /// The next line without its newline; nil at end of stream (EOF or reset after the data).
    func readLine() throws -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeFirst(newline + 1)
                return line
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 { buffer.append(contentsOf: chunk[0..<n]); continue }
            if n == 0 { return nil }
            switch errno {
            case EINTR: continue
            case ECONNRESET: return nil
            case EAGAIN: throw TestClientError.timedOut("waiting for a reply line")
            case let code: throw TestClientError.io("read", code)
            }
        }
    }

    /// Exactly `count` lines (throws on timeout; fewer only if the stream ends).
    func readLines(_ count: Int) throws -> [String] {
        var lines: [String] = []
        while lines.count < count, let line = try readLine() { lines.append(line) }
        return lines
    }

    /// Every line until the daemon closes the connection.
    func readUntilClosed() throws -> [String] {
        var lines: [String] = []
        while let line = try readLine() { lines.append(line) }
        return lines
    }

    /// One request, one reply.
    func ask(_ line: String) throws -> String? {
        try send(line + "\n")
        return try readLine()
    }
}

/// Parses a JSON reply line into a dictionary (nil if it is not a JSON object).
func json(_ line: String?) -> [String: Any]? {
    guard let line, let data = line.data(using: .utf8) else { return nil }
    return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
}

/// `object["a"]["b"]…` for nested dictionaries.
func value(_ object: [String: Any]?, _ path: String...) -> Any? {
    var current: Any? = object
    for key in path { current = (current as? [String: Any])?[key] }
    return current
}

/// The error code of a reply or refusal line.
func errorCode(_ line: String?) -> String? { value(json(line), "error", "code") as? String }
