import Foundation
import Testing

/// The protocol as clients see it, against the real binary.
@Suite struct ProtocolOverSocketTests {
    @Test func thirtyTwoConcurrentClientsPipelineAndGetEveryReplyInOrder() throws {
        try withDaemon { daemon in
            let clients = 32, perClient = 100
            let failures = NSLock()
            nonisolated(unsafe) var problems: [String] = []
            DispatchQueue.concurrentPerform(iterations: clients) { c in
                do {
                    let client = try daemon.connect()
                    var burst = ""
                    for i in 0..<perClient { burst += #"{"id":"c\#(c)-\#(i)","text":"第\#(i)个问题 from \#(c)"}"# + "\n" }
                    try client.send(burst)
                    let replies = try client.readLines(perClient)
                    let ids = replies.map { json($0)?["id"] as? String ?? "?" }
                    if ids != (0..<perClient).map({ "c\(c)-\($0)" }) {
                        failures.withLock { problems.append("client \(c): \(ids.prefix(5))… (\(ids.count))") }
                    }
                    if let session = json(replies.first)?["session"] as? String, !session.hasPrefix("conn-") {
                        failures.withLock { problems.append("client \(c): session \(session)") }
                    }
                } catch {
                    failures.withLock { problems.append("client \(c): \(error)") }
                }
            }
            #expect(problems.isEmpty, "\(problems)")
            let stats = try daemon.stats()
            #expect(value(stats, "queries", "total") as? Int == clients * perClient)
        }
    }

    @Test func aHundredThousandPipelinedRequestsComeBackInOrder() throws {
        try withDaemon { daemon in
            let client = try daemon.connect()
            let count = 100_000
            // Requests without "text" are refused with their id echoed: the framing, ordering and
            // backpressure path at full speed, without the cost of answering 100,000 questions.
            var burst: [UInt8] = []
            for i in 0..<count { burst += Array(#"{"id":\#(i)}"#.utf8) + [0x0A] }
            let payload = burst
            let sender = Thread { try? client.send(bytes: payload) }
            sender.start()
            var received = 0
            while received < count, let line = try client.readLine() {
                guard line.hasPrefix(#"{"id":\#(received),"error""#) else {
                    Issue.record("reply \(received) out of order: \(line)")
                    break
                }
                received += 1
            }
            #expect(received == count)
        }
    }

    @Test func repliesFollowTheDocumentedShapes() throws {
        try withDaemon { daemon in
            let client = try daemon.connect()
            let reply = try client.ask(#"{"id":12345678901234567890,"text":"嘉善 ok","session":"mine"}"#) ?? ""
            #expect(reply.hasPrefix(#"{"id":12345678901234567890,"answer":"#))
            let fields = ["\"answer\"", "\"intent\"", "\"confidence\"", "\"fallback\"", "\"sources\"", "\"suggestions\"", "\"session\"", "\"lang\""]
            let positions = fields.compactMap { reply.range(of: $0)?.lowerBound }
            #expect(positions.count == fields.count && positions == positions.sorted(), "field order: \(reply)")
            #expect(json(reply)?["session"] as? String == "mine")
            // A plain line gets exactly one plain line back.
            let plain = try client.ask("公交几点") ?? ""
            #expect(!plain.hasPrefix("{") && !plain.isEmpty)
        }
    }

    @Test func junkGetsOneErrorPerLineAndTheConnectionStaysUsable() throws {
        try withDaemon(["--max-line-bytes", "20000"]) { daemon in
            let client = try daemon.connect()
            var generator = SystemRandomNumberGenerator()
            var lines: [[UInt8]] = [[0xFF, 0xFE], Array(String(repeating: "[", count: 10_000).utf8), [0x00, 0x01, 0x02], []]
            for _ in 0..<40 {
                let length = Int.random(in: 0...512, using: &generator)
                lines.append((0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }.filter { $0 != 0x0A })
            }
            try client.send(bytes: lines.flatMap { $0 + [0x0A] })
            let replies = try client.readLines(lines.count)
            #expect(replies.count == lines.count)
            for (reply, line) in zip(replies.prefix(4), lines.prefix(4)) {
                #expect(errorCode(reply) != nil, "no error for \(line.prefix(8)): \(reply)")
            }
            #expect(errorCode(replies[0]) == "invalid_utf8")
            #expect(errorCode(replies[1]) == "invalid_json")
            #expect(errorCode(replies[3]) == "empty")
            let after = json(try client.ask(#"{"id":"after","text":"still there?"}"#))
            #expect(after?["id"] as? String == "after")
        }
    }

    @Test func httpRequestGetsAnErrorNotAHang() throws {
        try withDaemon { daemon in
            let client = try daemon.connect()
            try client.send("GET / HTTP/1.0\r\nHost: x\r\n\r\n")
            let replies = try client.readLines(3)
            #expect(replies.first == "ERR http: not an HTTP server: send one question per line")
            #expect(errorCode(replies.last) == "empty")
            #expect(json(try client.ask(#"{"id":1,"text":"q"}"#))?["id"] as? Int == 1)
        }
    }

    @Test func invalidJSONThenAGoodQueryOnTheSameConnection() throws {
        try withDaemon { daemon in
            let client = try daemon.connect()
            let bad = try client.ask(#"{"id": 1, "text": "unterminated}"#)
            #expect(errorCode(bad) == "invalid_json")
            #expect(json(bad)?["fallback"] as? Bool == true)
            let good = json(try client.ask(#"{"id": 2, "text": "ok"}"#))
            #expect(good?["id"] as? Int == 2)
            #expect(good?["answer"] is String)
        }
    }

    @Test func stdinChannelAnswersAndItsEndDoesNotStopTheSocket() throws {
        try withDaemon(["--stdin"]) { daemon in
            daemon.writeStdin(#"{"id":"s1","text":"来自stdin"}"# + "\nplain stdin\n")
            #expect(daemon.waitForStdout(lines: 3))
            let out = daemon.stdout
            #expect(out[0].hasPrefix("ready socket="))
            #expect(json(out[1])?["id"] as? String == "s1")
            #expect(json(out[1])?["session"] as? String == "stdin")
            #expect(!out[2].hasPrefix("{"))
            // stdin is the owner: control commands work there.
            daemon.writeStdin(#"{"id":"st","cmd":"stats"}"# + "\n")
            #expect(daemon.waitForStdout(lines: 4))
            #expect(json(daemon.stdout[3])?["stats"] != nil)
            daemon.closeStdin()
            #expect(daemon.waitForLog("event=stdin_closed"))
            let reply = try daemon.ask(#"{"id":9,"text":"socket still up"}"#)
            #expect(json(reply)?["id"] as? Int == 9)
        }
    }

    @Test func halfCloseGetsAllRepliesThenEOF() throws {
        try withDaemon { daemon in
            let client = try daemon.connect()
            try client.send("one\ntwo\nthree without newline")
            client.finishSending()
            #expect(try client.readUntilClosed().count == 3)
        }
    }
}
