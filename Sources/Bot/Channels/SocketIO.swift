import CSystemShims
import Foundation

/// The outcome of one read or write system call, with EINTR already retried.
enum IOResult: Equatable {
    /// This many bytes moved (> 0).
    case bytes(Int)
    /// Non-blocking descriptor not ready (EAGAIN/EWOULDBLOCK): wait for the next event.
    case wouldBlock
    /// Orderly end of input (read returned 0).
    case endOfFile
    /// Any other failure (ECONNRESET, EPIPE, …).
    case failed(Int32)
}

/// The system calls the channels use, in the shape they need: EINTR retried, EAGAIN reported,
/// SIGPIPE suppressed on sockets (`MSG_NOSIGNAL`), never `FileHandle` (it traps on I/O errors).
enum SocketIO {
    /// Longest `sun_path` we accept, in bytes: 108 minus the terminating NUL.
    static let maxSocketPathBytes = MemoryLayout.size(ofValue: sockaddr_un().sun_path) - 1

    /// One `read(2)` into `buffer`.
    static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) -> IOResult {
        while true {
            let n = Foundation.read(fd, buffer.baseAddress, buffer.count)
            if n > 0 { return .bytes(n) }
            if n == 0 { return .endOfFile }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            case let e: return .failed(e)
            }
        }
    }

    /// One `send(2)` with `MSG_NOSIGNAL`, so a vanished peer is EPIPE rather than a signal.
    static func send(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> IOResult {
        while true {
            let n = Foundation.send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
            if n >= 0 { return .bytes(n) }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            case let e: return .failed(e)
            }
        }
    }

    /// Writes all of `bytes` to a blocking descriptor (stdout, a pipe), retrying partial writes.
    /// Returns false when the descriptor fails (e.g. EPIPE: the reader went away).
    @discardableResult
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buf in
            var offset = 0
            while offset < buf.count {
                let n = Foundation.write(fd, buf.baseAddress! + offset, buf.count - offset)
                if n > 0 { offset += n; continue }
                if n < 0 && errno == EINTR { continue }
                if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                    var p = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&p, 1, 1000)
                    continue
                }
                return false
            }
            return true
        }
    }

    /// Sets `O_NONBLOCK` and `FD_CLOEXEC` (for descriptors we did not create with those flags).
    static func makeNonBlocking(_ fd: Int32) {
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK) }
        let fdFlags = fcntl(fd, F_GETFD)
        if fdFlags >= 0 { _ = fcntl(fd, F_SETFD, fdFlags | FD_CLOEXEC) }
    }

    /// The peer's uid from `SO_PEERCRED` (fixed at connect time), or nil if unavailable.
    static func peerUID(_ fd: Int32) -> uid_t? {
        var uid: uid_t = 0
        return enquiry_peer_uid(fd, &uid) == 0 ? uid : nil
    }

    /// `sockaddr_un` for a filesystem path, or nil when the path does not fit `sun_path`.
    static func address(path: String) -> (sockaddr_un, socklen_t)? {
        let bytes = Array(path.utf8)
        guard !bytes.isEmpty, bytes.count <= maxSocketPathBytes, !bytes.contains(0) else { return nil }
        return address(rawPath: bytes + [0])
    }

    /// `sockaddr_un` whose `sun_path` holds exactly `raw` (a NUL-terminated path, or an abstract
    /// name starting with NUL); the length covers exactly those bytes.
    static func address(rawPath raw: [UInt8]) -> (sockaddr_un, socklen_t)? {
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: addr.sun_path)
        guard raw.count <= capacity else { return nil }
        withUnsafeMutableBytes(of: &addr.sun_path) { dst in
            dst.copyBytes(from: raw)
        }
        let length = MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path)! + raw.count
        return (addr, socklen_t(length))
    }

    /// Calls `body` with `addr` as the generic `sockaddr` pointer the socket calls take.
    static func withSockaddr<R>(_ addr: inout sockaddr_un, _ body: (UnsafePointer<sockaddr>) -> R) -> R {
        withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1, body) }
    }

    /// The filesystem path a bound Unix socket listens on (`getsockname`), or nil (abstract/unnamed).
    static func boundPath(_ fd: Int32) -> String? {
        var addr = sockaddr_un()
        var len = socklen_t(MemoryLayout<sockaddr_un>.size)
        let rc = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        guard rc == 0, addr.sun_family == sa_family_t(AF_UNIX) else { return nil }
        let pathBytes = withUnsafeBytes(of: &addr.sun_path) { Array($0) }
        guard let first = pathBytes.first, first != 0 else { return nil }
        let end = pathBytes.firstIndex(of: 0) ?? pathBytes.count
        return String(decoding: pathBytes[..<end], as: UTF8.self)
    }

    /// `strerror` as a String.
    static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }
}
