import Foundation
import Testing

/// Each limit: the exact refusal line, the counter, and the daemon still serving others.
@Suite struct LimitTests {
    @Test func oversizeLineGetsOneErrorAndIsClosed() throws {
        try withDaemon(["--max-line-bytes", "256"]) { daemon in
            let client = try daemon.connect()
            try client.send(#"{"id":1,"text":"fine"}"# + "\n" + String(repeating: "x", count: 1000))
            let lines = try client.readUntilClosed()
            #expect(lines.count == 2)
            #expect(json(lines.first)?["id"] as? Int == 1)
            #expect(lines.last == #"{"error":{"code":"line_too_long","message":"line longer than 256 bytes"}}"#)
            let next = try daemon.ask("next client")
            #expect(next != nil && errorCode(next) == nil)
            #expect(value(try daemon.stats(), "disconnections", "line_too_long") as? Int == 1)
        }
    }

    @Test func clientsBeyondMaxClientsAreRefusedAndOthersKeepWorking() throws {
        try withDaemon(["--max-clients", "2"]) { daemon in
            let a = try daemon.connect(), b = try daemon.connect()
            #expect(try a.ask("a") != nil)
            #expect(try b.ask("b") != nil)
            let extra = try daemon.connect()
            #expect(try extra.readUntilClosed() == [#"{"error":{"code":"max_clients","message":"max number of clients reached"}}"#])
            #expect(json(try a.ask(#"{"id":"a2","text":"still"}"#))?["id"] as? String == "a2")
            #expect(json(try b.ask(#"{"cmd":"stats"}"#)).flatMap { value($0, "stats", "connections", "rejected") as? Int } == 1)
        }
    }

    @Test func idleClientsAreDropped() throws {
        try withDaemon(["--idle-timeout", "1"]) { daemon in
            let client = try daemon.connect()
            let started = Date()
            #expect(try client.readUntilClosed() == [#"{"error":{"code":"idle_timeout","message":"no complete line for 1 seconds"}}"#])
            #expect(Date().timeIntervalSince(started) >= 0.9)
            #expect(value(try daemon.stats(), "disconnections", "idle") as? Int == 1)
        }
    }

    @Test func aClientDrippingBytesHitsTheLineDeadline() throws {
        try withDaemon(["--idle-timeout", "60", "--line-deadline", "1"]) { daemon in
            let client = try daemon.connect()
            let stop = NSLock()
            nonisolated(unsafe) var done = false
            let fd = client.fd
            let dripper = Thread {
                // One byte every 100 ms, never a newline: idle never fires (60 s), the deadline does.
                while !stop.withLock({ done }) {
                    guard send(fd, "x", 1, Int32(MSG_NOSIGNAL)) == 1 else { return }
                    usleep(100_000)
                }
            }
            dripper.start()
            defer { stop.withLock { done = true } }
            #expect(try client.readUntilClosed() == [#"{"error":{"code":"line_deadline","message":"line not finished within 1 seconds"}}"#])
            #expect(value(try daemon.stats(), "disconnections", "line_deadline") as? Int == 1)
        }
    }

    @Test func aClientThatNeverReadsHitsTheOutputCap() throws {
        try withDaemon(["--output-cap", "65536"]) { daemon in
            let client = try daemon.connect()
            let request = Array((#"{"id":1,"text":"x"}"# + "\n").utf8)
            let burst = Array([[UInt8]](repeating: request, count: 2000).joined())
            // Send until the daemon gives up on us; never read.
            var sent = 0
            while sent < 50_000_000 {
                do { try client.send(bytes: burst) } catch { break }
                sent += burst.count
            }
            #expect(sent < 50_000_000, "the daemon never disconnected the client")
            #expect(value(try daemon.stats(), "disconnections", "output_cap") as? Int == 1)
            #expect(try daemon.ask("others are fine") != nil)
        }
    }

    @Test func acceptFailingWithEMFILEDoesNotSpinAndRecovers() throws {
        guard let prlimit = Project.tool("prlimit") else { return }
        try withDaemon(["--log-level", "debug"], wrapper: [prlimit, "--nofile=24:24", "--"]) { daemon in
            var clients: [TestClient] = []
            for _ in 0..<40 { clients.append(try daemon.connect()) }
            // Wait until the daemon has run out of descriptors, then measure its CPU use.
            #expect(daemon.waitForLog("event=accept_paused"))
            let before = daemon.cpuTicks()
            Thread.sleep(forTimeInterval: 1)   // a measurement window, not a readiness wait
            let used = daemon.cpuTicks() - before
            #expect(used < 30, "daemon used \(used) ticks in 1 s while out of descriptors")
            clients.removeAll()
            let client = try daemon.connect()
            #expect(json(try client.ask(#"{"id":"back","text":"recovered?"}"#))?["id"] as? String == "back")
            #expect((value(try daemon.stats(), "connections", "accept_errors") as? Int ?? 0) > 0)
        }
    }

    @Test func aThousandClientsThatSendAndCloseAtOnceDoNotKillIt() throws {
        try withDaemon(["--max-clients", "2000"]) { daemon in
            DispatchQueue.concurrentPerform(iterations: 1000) { i in
                guard let client = try? TestClient(path: daemon.socketPath) else { return }
                try? client.send(#"{"id":\#(i),"text":"and goodbye"}"# + "\n")
                client.close()
            }
            let reply = try daemon.ask(#"{"id":"alive","text":"still?"}"#)
            #expect(json(reply)?["id"] as? String == "alive")
            #expect(daemon.process.isRunning)
        }
    }

    @Test func descriptorCountReturnsToBaselineAfterClientsLeave() throws {
        try withDaemon { daemon in
            _ = try daemon.ask("warm up")
            try waitForNoConnections(daemon)
            let baseline = settledDescriptorCount(daemon)
            DispatchQueue.concurrentPerform(iterations: 50) { i in
                guard let client = try? daemon.connect() else { return }
                _ = try? client.ask(#"{"id":\#(i),"text":"q"}"#)
                if i % 2 == 0 { _ = try? client.send("half a line") }
            }
            try waitForNoConnections(daemon)
            #expect(settledDescriptorCount(daemon) == baseline)
        }
    }

    /// The descriptor count once it has stopped changing (the last stats connection closes
    /// asynchronously).
    private func settledDescriptorCount(_ daemon: RunningDaemon) -> Int {
        var last = daemon.openDescriptors()
        for _ in 0..<100 {
            Thread.sleep(forTimeInterval: 0.1)
            let now = daemon.openDescriptors()
            if now == last { return now }
            last = now
        }
        return last
    }

    /// Clients close asynchronously; ask stats until only the asking connection is left.
    private func waitForNoConnections(_ daemon: RunningDaemon) throws {
        let deadline = Date(timeIntervalSinceNow: 20)
        while Date() < deadline {
            if value(try daemon.stats(), "connections", "current") as? Int == 1 { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("connections did not close")
    }
}
