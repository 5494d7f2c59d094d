import Foundation

/// `sd_notify` without libsystemd: one datagram to `$NOTIFY_SOCKET` per state change.
///
/// The address is a path (`/run/systemd/notify`) or an abstract name (`@name`, sent with a leading
/// NUL). Without `NOTIFY_SOCKET` every call does nothing, so the daemon calls it unconditionally.
///
/// | moment                          | message                                   |
/// |---------------------------------|-------------------------------------------|
/// | listening, data loaded          | `READY=1`                                 |
/// | reload starts                   | `RELOADING=1\nMONOTONIC_USEC=<µs>`        |
/// | reload ends (ok or failed)      | `READY=1`                                 |
/// | shutdown starts                 | `STOPPING=1`                              |
struct SystemdNotifier: Sendable {
    /// `sun_path` bytes of the notify socket (NUL-terminated path, or NUL + abstract name).
    private let rawAddress: [UInt8]?
    private let logger: Logger

    /// Reads `NOTIFY_SOCKET` from `environment`; an unusable value is logged and ignored.
    init(environment: [String: String], logger: Logger) {
        self.logger = logger
        guard let value = environment["NOTIFY_SOCKET"], !value.isEmpty else { rawAddress = nil; return }
        switch value.first {
        case "/": rawAddress = Array(value.utf8) + [0]
        case "@": rawAddress = [0] + Array(value.utf8.dropFirst())
        default:
            logger.warning("notify_socket_ignored", ["value": value, "reason": "not a path or @abstract name"])
            rawAddress = nil
        }
    }

    /// True when systemd (or a test) listens for notifications.
    var isEnabled: Bool { rawAddress != nil }

    /// Service is up: listening with data loaded (also ends a reload).
    func ready() { send("READY=1") }
    /// A reload starts now.
    func reloading() { send("RELOADING=1\nMONOTONIC_USEC=\(SystemdNotifier.monotonicMicroseconds())") }
    /// Shutdown has begun.
    func stopping() { send("STOPPING=1") }

    /// Sends one notification datagram; failures are logged, never fatal.
    func send(_ state: String) {
        guard let rawAddress else { return }
        guard case (var addr, let len)? = SocketIO.address(rawPath: rawAddress) else {
            logger.warning("notify_failed", ["reason": "NOTIFY_SOCKET too long"])
            return
        }
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { logger.warning("notify_failed", ["reason": SocketIO.describe(errno)]); return }
        defer { close(fd) }
        let payload = Array(state.utf8)
        var sent: Int
        repeat {
            sent = payload.withUnsafeBytes { bytes in
                SocketIO.withSockaddr(&addr) { sendto(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL), $0, len) }
            }
        } while sent < 0 && errno == EINTR
        if sent < 0 { logger.warning("notify_failed", ["state": state, "reason": SocketIO.describe(errno)]) }
    }

    /// CLOCK_MONOTONIC in microseconds, as systemd expects in `MONOTONIC_USEC`.
    static func monotonicMicroseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000 + UInt64(ts.tv_nsec) / 1000
    }
}
