import Foundation
import Testing
@testable import Bot

@Suite struct SystemdTests {
    /// A datagram socket bound at `path`, standing in for systemd's notify socket.
    private func notifySocket(_ path: String) -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var (addr, len) = SocketIO.address(path: path)!
        _ = SocketIO.withSockaddr(&addr) { bind(fd, $0, len) }
        var tv = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    private func receive(_ fd: Int32) -> String? {
        var buf = [UInt8](repeating: 0, count: 512)
        let n = buf.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        return n > 0 ? String(decoding: buf[0..<n], as: UTF8.self) : nil
    }

    @Test func notifierSendsStatesToAPathSocket() {
        let dir = TemporaryDirectory()
        let fd = notifySocket(dir.file("notify"))
        defer { close(fd) }
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": dir.file("notify")], logger: .silent)
        #expect(notifier.isEnabled)
        notifier.ready()
        notifier.reloading()
        notifier.stopping()
        #expect(receive(fd) == "READY=1")
        let reloading = receive(fd) ?? ""
        #expect(reloading.hasPrefix("RELOADING=1\nMONOTONIC_USEC="))
        let usec = UInt64(reloading.split(separator: "=").last ?? "") ?? 0
        #expect(usec > 0 && usec <= SystemdNotifier.monotonicMicroseconds())
        #expect(receive(fd) == "STOPPING=1")
    }

    @Test func notifierReachesAbstractSockets() {
        let name = "enquiry-bot-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(fd) }
        var (addr, len) = SocketIO.address(rawPath: [0] + Array(name.utf8))!
        #expect(SocketIO.withSockaddr(&addr) { bind(fd, $0, len) } == 0)
        var tv = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        SystemdNotifier(environment: ["NOTIFY_SOCKET": "@" + name], logger: .silent).ready()
        #expect(receive(fd) == "READY=1")
    }

    @Test func notifierIsOffWithoutOrWithABadVariable() {
        #expect(!SystemdNotifier(environment: [:], logger: .silent).isEnabled)
        #expect(!SystemdNotifier(environment: ["NOTIFY_SOCKET": "relative"], logger: .silent).isEnabled)
    }

    @Test func socketActivationNeedsOurPidAndAtLeastOneFd() throws {
        let me = getpid()
        #expect(try SocketActivation.passedDescriptors(environment: [:], pid: me) == nil)
        #expect(try SocketActivation.passedDescriptors(environment: ["LISTEN_PID": "\(me + 1)", "LISTEN_FDS": "1"], pid: me) == nil)
        #expect(try SocketActivation.passedDescriptors(environment: ["LISTEN_PID": "\(me)", "LISTEN_FDS": "0"], pid: me) == nil)
        #expect(try SocketActivation.passedDescriptors(environment: ["LISTEN_PID": "\(me)", "LISTEN_FDS": "2"], pid: me) == [3, 4])
        #expect(throws: ServeError.self) {
            try SocketActivation.passedDescriptors(environment: ["LISTEN_PID": "\(me)", "LISTEN_FDS": "x"], pid: me)
        }
    }

    @Test func adoptingANonListeningDescriptorFails() {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        #expect(throws: ServeError.self) { try ListeningSocket.adopt(fd: fd) }
    }
}
