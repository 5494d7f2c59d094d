import Testing
@testable import Bot

@Suite struct ServerStatsTests {
    @Test(arguments: [(0.5, 50.0), (0.99, 99.0), (1.0, 100.0), (0.0, 1.0)])
    func nearestRankPercentiles(_ p: Double, _ expected: Double) {
        let sorted = (1...100).map(Double.init)
        #expect(ServerStats.percentile(p, of: sorted) == expected)
    }

    @Test func countsQueriesIntentsAndLimits() {
        let stats = ServerStats()
        let request = Request(id: nil, text: "q", session: nil)
        stats.didAnswer(request, reply: Reply(answer: "a", intent: "bus", fallback: false), seconds: 0.001)
        stats.didAnswer(request, reply: Reply(answer: "no", fallback: true), seconds: 0.003)
        stats.didRefuse(.empty)
        stats.connectionOpened()
        stats.connectionRejected()
        stats.disconnected(kind: "idle")
        stats.reloadFinished(error: "bad file")
        let report = stats.snapshot(data: DataSummary(pages: 5, articles: 9, facts: 1, intents: 2, skippedPages: []))
        #expect(report["queries"]?["answered"] == .int(1))
        #expect(report["queries"]?["declined"] == .int(1))
        #expect(report["queries"]?["errors"] == .int(1))
        #expect(report["queries"]?["by_intent"] == .object([("(none)", .int(1)), ("bus", .int(1))]))
        #expect(report["answer_ms"]?["p50"] == .number("1.000"))
        #expect(report["answer_ms"]?["p99"] == .number("3.000"))
        #expect(report["connections"]?["current"] == .int(1))
        #expect(report["connections"]?["rejected"] == .int(1))
        #expect(report["disconnections"]?["idle"] == .int(1))
        #expect(report["reloads"]?["last_error"] == .string("bad file"))
        #expect(report["data"]?["pages"] == .int(5))
    }
}

@Suite struct OutputBufferTests {
    @Test func tracksPartialWritesAndKeepsHalfSentLinesWhole() {
        var buffer = OutputBuffer()
        buffer.append(Array("first line\n".utf8))
        buffer.append(Array("second\n".utf8))
        buffer.consume(3)
        #expect(buffer.pending == 15)
        #expect(buffer.isMidLine)
        buffer.discardQueuedLines()
        #expect(buffer.withPending { String(decoding: $0, as: UTF8.self) } == "st line\n")
        buffer.consume(8)
        #expect(buffer.pending == 0 && !buffer.isMidLine)
        buffer.append(Array("x\n".utf8))
        buffer.discardQueuedLines()
        #expect(buffer.pending == 0)
    }
}
