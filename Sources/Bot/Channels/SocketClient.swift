import Foundation

/// Why asking a running daemon failed. `description` is the user-facing text.
enum SocketClientError: Error, Equatable, CustomStringConvertible {
    /// The request would be more than one line.
    case multiLineRequest
    /// The path does not fit `sun_path`.
    case pathTooLong(path: String, bytes: Int)
    /// Nobody is listening (no file, stale file, permission).
    case cannotConnect(path: String, errno: Int32)
    /// No complete reply within the time limit.
    case timedOut(path: String, seconds: Double)
    /// The daemon closed the connection before a whole reply line arrived.
    case closedWithoutReply(path: String)
    /// Another socket error.
    case io(call: String, errno: Int32)

    var description: String {
        switch self {
        case .multiLineRequest:
            return "a request must be a single line"
        case let .pathTooLong(path, bytes):
            return "socket path is \(bytes) bytes, the limit is \(SocketIO.maxSocketPathBytes): \(path)"
        case let .cannotConnect(path, code):
            return "cannot connect to \(path): \(SocketIO.describe(code)) (is `enquiry-bot serve` running?)"
        case let .timedOut(path, seconds):
            return "no reply from \(path) within \(seconds) s"
        case let .closedWithoutReply(path):
            return "\(path) closed the connection without a reply"
        case let .io(call, code):
            return "\(call) failed: \(SocketIO.describe(code))"
        }
    }
}

/// Asks a running `enquiry-bot serve` over its Unix socket (`ask --socket`).
enum SocketClient {
    /// Sends one request line (JSON or plain, no newline) and returns the reply line without its
    /// newline. Blocking; gives up after `timeout` seconds. The daemon's own errors and refusals
    /// (e.g. `max_clients`) come back as reply lines, not as thrown errors.
    static func ask(socketPath: String, requestLine: String, timeout: Double = 30) throws(SocketClientError) -> String {
        guard !requestLine.contains(where: { $0 == "\n" || $0 == "\r\n" }) else { throw .multiLineRequest }
        let fd = try connect(to: socketPath, timeout: timeout)
        defer { close(fd) }
        try sendAll(fd, Array((requestLine + "\n").utf8))
        // Half-close: the daemon answers, sees end of input and closes its side after the reply.
        shutdown(fd, Int32(SHUT_WR))
        return try readLine(fd, path: socketPath, timeout: timeout)
    }

    /// The JSON request line for a question (what `ask --socket` sends).
    static func requestLine(text: String, id: JSONValue? = nil, session: String? = nil, explain: Bool = false) -> String {
        var members: [(String, JSONValue)] = []
        if let id { members.append(("id", id)) }
        members.append(("text", .string(text)))
        if let session { members.append(("session", .string(session))) }
        if explain { members.append(("explain", .bool(true))) }
        return JSONLine.encode(.object(members))
    }

    /// A connected blocking socket with send/receive timeouts.
    static func connect(to path: String, timeout: Double) throws(SocketClientError) -> Int32 {
        guard case (var addr, let len)? = SocketIO.address(path: path) else {
            throw .pathTooLong(path: path, bytes: path.utf8.count)
        }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .io(call: "socket", errno: errno) }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var rc: Int32
        repeat { rc = SocketIO.withSockaddr(&addr) { Foundation.connect(fd, $0, len) } } while rc != 0 && errno == EINTR
        if rc != 0 && errno != EISCONN {
            let code = errno
            close(fd)
            if code == EAGAIN || code == EWOULDBLOCK { throw .timedOut(path: path, seconds: timeout) }
            throw .cannotConnect(path: path, errno: code)
        }
        return fd
    }

    private static func sendAll(_ fd: Int32, _ bytes: [UInt8]) throws(SocketClientError) {
        var offset = 0
        while offset < bytes.count {
            let result = bytes.withUnsafeBytes { SocketIO.send(fd, UnsafeRawBufferPointer(rebasing: $0[offset...])) }
            switch result {
            case .bytes(let n): offset += n
            case .wouldBlock: throw .io(call: "send", errno: ETIMEDOUT)
            case .failed(let code): throw .io(call: "send", errno: code)
            case .endOfFile: throw .io(call: "send", errno: EPIPE)
            }
        }
    }

    private static func readLine(_ fd: Int32, path: String, timeout: Double) throws(SocketClientError) -> String {
        var received: [UInt8] = []
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeout * 1e9)
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            if let newline = received.firstIndex(of: 0x0A) {
                return String(decoding: received[..<newline], as: UTF8.self)
            }
            let result = chunk.withUnsafeMutableBytes { SocketIO.read(fd, into: $0) }
            switch result {
            case .bytes(let n): received.append(contentsOf: chunk[0..<n])
            case .endOfFile, .failed(ECONNRESET): throw .closedWithoutReply(path: path)
            case .wouldBlock: throw .timedOut(path: path, seconds: timeout)
            case .failed(let code): throw .io(call: "read", errno: code)
            }
            if DispatchTime.now().uptimeNanoseconds > deadline { throw .timedOut(path: path, seconds: timeout) }
        }
    }
}
