import Foundation
import Testing

/// Socket activation and sd_notify, as systemd would drive them.
@Suite struct SystemdIntegrationTests {
    @Test func socketActivationUsesTheInheritedSocketAndNeverUnlinksIt() throws {
        guard let activate = Project.tool("systemd-socket-activate") else { return }
        let workspace = try DaemonWorkspace()
        let path = workspace.path + "/activated.sock"
        let daemon = try RunningDaemon(workspace: workspace, arguments: [], wrapper: [activate, "-l", path], defaultSocket: false)
        defer { daemon.stop() }
        // Like a socket unit, systemd-socket-activate starts the service on the first connection:
        // that client waits in the listen backlog and is answered once the daemon is up.
        #expect(daemon.waitForLog("Listening on \(path)"))
        let first = try TestClient(path: path)
        try first.send(#"{"id":"sa","text":"activated?"}"# + "\n")
        try daemon.waitUntilReady()
        #expect(daemon.socketPath == path)
        #expect(json(try first.readLine())?["id"] as? String == "sa")
        #expect(daemon.waitForLog("activated=true"))
        #expect(daemon.stop() == 0)
        #expect(FileManager.default.fileExists(atPath: path), "a socket systemd passed in must not be unlinked")
    }

    @Test func notifiesReadyReloadingAndStopping() throws {
        let workspace = try DaemonWorkspace()
        let notifyPath = workspace.path + "/notify"
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &addr.sun_path) { $0.copyBytes(from: Array(notifyPath.utf8) + [0]) }
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        var tv = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        func receive() -> String {
            var buf = [UInt8](repeating: 0, count: 512)
            let n = buf.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            return n > 0 ? String(decoding: buf[0..<n], as: UTF8.self) : "<nothing>"
        }

        let daemon = try RunningDaemon(workspace: workspace, arguments: [], environment: ["NOTIFY_SOCKET": notifyPath])
        defer { daemon.stop() }
        try daemon.waitUntilReady()
        #expect(receive() == "READY=1")
        daemon.signal(SIGHUP)
        let reloading = receive()
        #expect(reloading.hasPrefix("RELOADING=1\nMONOTONIC_USEC="))
        #expect(UInt64(reloading.split(separator: "=").last ?? "") != nil)
        #expect(receive() == "READY=1")
        daemon.signal(SIGTERM)
        #expect(receive() == "STOPPING=1")
        #expect(daemon.waitForExit(timeout: 5) == 0)
    }
}
