import Foundation

/// The daemon's listening Unix socket: one we bound to a path, or one systemd passed in.
///
/// Binding follows git's unix-stream-server: refuse over-long paths; if a file is at the path,
/// connect to it first — someone answering means another daemon (refuse, leave it alone); a
/// refused connection means a stale file from a dead daemon (replace it); anything that is not
/// a socket is never touched. The mode is set at creation through `umask` around `bind()` (no
/// chmod window). At exit only the file we created is removed (same device and inode).
final class ListeningSocket: Sendable {
    /// The listening descriptor (non-blocking, close-on-exec). Closed by `UnixSocketServer`.
    let fd: Int32
    /// Path clients connect to (for the `ready` line and logs).
    let path: String
    /// True when systemd passed the socket in: we must never unlink it.
    let isInherited: Bool
    /// Device and inode of the file we created, to recognise it at exit.
    private let identity: (dev: UInt64, ino: UInt64)?

    private init(fd: Int32, path: String, isInherited: Bool, identity: (dev: UInt64, ino: UInt64)?) {
        self.fd = fd
        self.path = path
        self.isInherited = isInherited
        self.identity = identity
    }

    /// Creates, binds and listens on `path` with permissions `mode`.
    static func bind(path: String, mode: mode_t, backlog: Int32 = 128) throws(ServeError) -> ListeningSocket {
        let length = path.utf8.count
        guard length <= SocketIO.maxSocketPathBytes else { throw .socketPathTooLong(path: path, bytes: length) }
        guard case (var addr, let addrLen)? = SocketIO.address(path: path) else {
            throw .invalidOption(option: "--socket", value: path, reason: "not a usable socket path")
        }
        try removeStaleFile(at: path)

        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .systemCall(call: "socket", path: path, errno: errno) }
        // umask is process-wide: this runs during start-up, before any other thread creates files.
        let previous = umask(~mode & 0o777)
        let bound = SocketIO.withSockaddr(&addr) { Foundation.bind(fd, $0, addrLen) }
        let bindErrno = errno
        umask(previous)
        guard bound == 0 else {
            close(fd)
            if bindErrno == EADDRINUSE { throw .socketInUse(path: path) }
            throw .systemCall(call: "bind", path: path, errno: bindErrno)
        }
        var st = stat()
        let identity: (dev: UInt64, ino: UInt64)? = lstat(path, &st) == 0 ? (UInt64(st.st_dev), UInt64(st.st_ino)) : nil
        guard listen(fd, backlog) == 0 else {
            let e = errno
            close(fd)
            if identity != nil { unlink(path) }
            throw .systemCall(call: "listen", path: path, errno: e)
        }
        return ListeningSocket(fd: fd, path: path, isInherited: false, identity: identity)
    }

    /// Wraps a listening socket handed over by systemd (never unlinked by us).
    static func adopt(fd: Int32) throws(ServeError) -> ListeningSocket {
        var type: Int32 = 0
        var accepting: Int32 = 0
        var len = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) == 0 else {
            throw .socketActivation("fd \(fd) is not a socket (\(SocketIO.describe(errno)))")
        }
        len = socklen_t(MemoryLayout<Int32>.size)
        _ = getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &accepting, &len)
        guard type == Int32(SOCK_STREAM.rawValue), accepting == 1 else {
            throw .socketActivation("fd \(fd) is not a listening stream socket (use ListenStream= with Accept=no)")
        }
        guard let path = SocketIO.boundPath(fd) else {
            throw .socketActivation("fd \(fd) is not a Unix socket bound to a path")
        }
        SocketIO.makeNonBlocking(fd)
        return ListeningSocket(fd: fd, path: path, isInherited: true, identity: nil)
    }

    /// Removes the socket file if it is still the one we created; never an inherited one.
    func removeSocketFile() {
        guard !isInherited, let identity else { return }
        var st = stat()
        guard lstat(path, &st) == 0, UInt64(st.st_dev) == identity.dev, UInt64(st.st_ino) == identity.ino else { return }
        unlink(path)
    }

    /// Clears the way for `bind`: nothing there is fine, a dead socket is removed, a live one or a
    /// non-socket stops start-up.
    private static func removeStaleFile(at path: String) throws(ServeError) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        guard (st.st_mode & S_IFMT) == S_IFSOCK else { throw .notASocket(path: path) }
        if isAnswering(path: path) { throw .socketInUse(path: path) }
        guard unlink(path) == 0 || errno == ENOENT else { throw .systemCall(call: "unlink", path: path, errno: errno) }
    }

    /// True when a process accepts connections at `path` (a test connect, closed at once).
    static func isAnswering(path: String) -> Bool {
        guard case (var addr, let len)? = SocketIO.address(path: path) else { return false }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var rc: Int32
        repeat { rc = SocketIO.withSockaddr(&addr) { connect(fd, $0, len) } } while rc != 0 && errno == EINTR
        // EAGAIN: a listener whose backlog is full is still alive.
        return rc == 0 || errno == EAGAIN || errno == EINPROGRESS
    }
}
