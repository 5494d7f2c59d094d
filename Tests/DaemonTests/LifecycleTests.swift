import Foundation
import Testing

/// Signals, reloads and the socket file.
@Suite struct LifecycleTests {
    @Test func termFinishesInFlightRepliesRemovesTheSocketAndExitsZero() throws {
        let workspace = try DaemonWorkspace()
        let daemon = try RunningDaemon(workspace: workspace, arguments: [])
        defer { daemon.stop() }
        try daemon.waitUntilReady()
        let client = try daemon.connect()
        var burst = ""
        for i in 0..<50 { burst += #"{"id":\#(i),"text":"q\#(i)"}"# + "\n" }
        try client.send(burst)
        #expect(try client.readLine() != nil)   // the daemon has read the burst
        daemon.signal(SIGTERM)
        let rest = try client.readUntilClosed()
        #expect(rest.count == 49)
        #expect(json(rest.last)?["id"] as? Int == 49)
        #expect(daemon.waitForExit(timeout: 5) == 0)
        #expect(!FileManager.default.fileExists(atPath: workspace.socket))
        #expect(daemon.waitForLog("event=stopped"))
    }

    @Test func sigintStopsToo() throws {
        let workspace = try DaemonWorkspace()
        let daemon = try RunningDaemon(workspace: workspace, arguments: [])
        defer { daemon.stop() }
        try daemon.waitUntilReady()
        daemon.signal(SIGINT)
        #expect(daemon.waitForExit(timeout: 5) == 0)
    }

    @Test func hupWithBrokenIntentsKeepsAnswering() throws {
        try withDaemon { daemon in
            let intents = daemon.workspace.intents
            // Works for the stub (unreadable dir) and the real engine (a file where JSON files were).
            try FileManager.default.removeItem(atPath: intents)
            try "not json {".write(toFile: intents, atomically: true, encoding: .utf8)
            daemon.signal(SIGHUP)
            #expect(daemon.waitForLog("event=reload_finished result=failed"))
            #expect(json(try daemon.ask(#"{"id":"after","text":"still answering?"}"#))?["id"] as? String == "after")
            let stats = try daemon.stats()
            #expect(value(stats, "reloads", "failed") as? Int == 1)
            #expect(value(stats, "reloads", "last_result") as? String == "failed")
            #expect(value(stats, "reloads", "last_error") is String)
        }
    }

    @Test func hupPicksUpANewPage() throws {
        try withDaemon { daemon in
            let before = value(try daemon.stats(), "data", "pages") as? Int ?? -1
            let page = try String(contentsOfFile: daemon.workspace.corpus + "/000_442c48c22c8f00a5.txt", encoding: .utf8)
            try page.write(toFile: daemon.workspace.corpus + "/900_new_page.txt", atomically: true, encoding: .utf8)
            daemon.signal(SIGHUP)
            #expect(daemon.waitForLog("event=reload_finished result=ok"))
            #expect(value(try daemon.stats(), "data", "pages") as? Int == before + 1)
        }
    }

    @Test func reloadCommandRepliesWhenDone() throws {
        try withDaemon { daemon in
            let reply = json(try daemon.ask(#"{"id":"r1","cmd":"reload"}"#))
            #expect(reply?["id"] as? String == "r1")
            #expect(value(reply, "reload", "result") as? String == "ok")
            #expect(value(reply, "reload", "data", "pages") is Int)
        }
    }

    @Test func aStormOfHUPsUnderLoadIsCoalesced() throws {
        try withDaemon { daemon in
            let client = try daemon.connect()
            for i in 0..<100 {
                daemon.signal(SIGHUP)
                if i % 10 == 0 { #expect(try client.ask("under load \(i)") != nil) }
            }
            #expect(daemon.waitForLog("event=reload_finished"))
            // Let the last pending reload finish, then count: far fewer than 100.
            let stats = try daemon.stats()
            let reloads = (value(stats, "reloads", "ok") as? Int ?? 0) + (value(stats, "reloads", "failed") as? Int ?? 0)
            #expect(reloads >= 1 && reloads < 100)
            #expect(daemon.process.isRunning)
        }
    }

    @Test func aSecondInstanceIsRefusedAndTheFirstKeepsAnswering() throws {
        try withDaemon { first in
            let second = try RunningDaemon(workspace: first.workspace, arguments: [])
            defer { second.stop() }
            #expect(second.waitForExit(timeout: 30) == 1)
            #expect(second.stderr.contains { $0.contains("another enquiry-bot is already answering on \(first.workspace.socket)") })
            #expect(second.stdout.isEmpty)
            #expect(FileManager.default.fileExists(atPath: first.workspace.socket))
            #expect(json(try first.ask(#"{"id":1,"text":"first still here"}"#))?["id"] as? Int == 1)
        }
    }

    @Test func aStaleSocketFileIsReplaced() throws {
        try withDaemon(prepare: { workspace in
            // A socket file nobody listens on: what a killed daemon leaves behind.
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            var addr = sockaddr_un()
            addr.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &addr.sun_path) { $0.copyBytes(from: Array(workspace.socket.utf8) + [0]) }
            _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
            close(fd)
        }) { daemon in
            let reply = try daemon.ask("hello")
            #expect(reply != nil)
        }
    }

    @Test func aRegularFileAtTheSocketPathIsLeftAlone() throws {
        let workspace = try DaemonWorkspace()
        try "precious".write(toFile: workspace.socket, atomically: true, encoding: .utf8)
        let daemon = try RunningDaemon(workspace: workspace, arguments: [])
        defer { daemon.stop() }
        #expect(daemon.waitForExit(timeout: 30) == 1)
        #expect(try String(contentsOfFile: workspace.socket, encoding: .utf8) == "precious")
    }

    @Test(arguments: [([String](), 0o660), (["--socket-mode", "0600"], 0o600)])
    func socketModeIsSetAtCreation(_ arguments: [String], _ mode: Int) throws {
        try withDaemon(arguments) { daemon in
            let attributes = try FileManager.default.attributesOfItem(atPath: daemon.socketPath)
            #expect((attributes[.posixPermissions] as? Int) == mode)
        }
    }

    @Test func overlongSocketPathsAndWorldWritableModesAreRefused() throws {
        let workspace = try DaemonWorkspace()
        let long = workspace.path + "/" + String(repeating: "s", count: 120) + ".sock"
        let tooLong = try RunningDaemon(workspace: workspace, arguments: ["--socket", long], defaultSocket: false)
        #expect(tooLong.waitForExit(timeout: 30) == 2)
        #expect(tooLong.stderr.joined().contains("the limit is 107"))
        let open = try RunningDaemon(workspace: workspace, arguments: ["--socket-mode", "0666"])
        #expect(open.waitForExit(timeout: 30) == 2)
        #expect(open.stderr.joined().contains("world-writable"))
    }
}
