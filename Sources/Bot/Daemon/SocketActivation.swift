import Foundation

/// systemd socket activation (`sd_listen_fds` without libsystemd).
///
/// When `LISTEN_PID` is our pid and `LISTEN_FDS` ≥ 1, systemd (or `systemd-socket-activate`)
/// passed listening sockets starting at fd 3; we use fd 3. The variables are removed from the
/// environment afterwards so nothing we might start inherits them. A socket passed in is never
/// unlinked by us (`ListeningSocket.isInherited`).
enum SocketActivation {
    /// First passed descriptor (`SD_LISTEN_FDS_START`).
    static let firstDescriptor: Int32 = 3

    /// The passed descriptors described by `environment` for process `pid`: nil when the variables
    /// are absent or meant for another process, else the descriptor numbers.
    static func passedDescriptors(environment: [String: String], pid: pid_t) throws(ServeError) -> [Int32]? {
        guard let pidText = environment["LISTEN_PID"], let fdsText = environment["LISTEN_FDS"] else { return nil }
        guard let listenPID = pid_t(pidText), listenPID == pid else { return nil }
        guard let count = Int32(fdsText), count >= 0 else {
            throw .socketActivation("LISTEN_FDS='\(fdsText)' is not a count")
        }
        guard count >= 1 else { return nil }
        return (0..<count).map { firstDescriptor + $0 }
    }

    /// Removes `LISTEN_PID`, `LISTEN_FDS` and `LISTEN_FDNAMES` from our environment.
    static func consumeEnvironment() {
        unsetenv("LISTEN_PID")
        unsetenv("LISTEN_FDS")
        unsetenv("LISTEN_FDNAMES")
    }
}
