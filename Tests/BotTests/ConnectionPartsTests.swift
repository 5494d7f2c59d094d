import Testing
@testable import Bot

@Suite struct ReplySequencerTests {
    @Test func releasesRepliesInRequestOrder() {
        var s = ReplySequencer()
        let a = s.issue(), b = s.issue(), c = s.issue()
        let afterB = s.complete(b, [2])
        #expect(afterB == [])
        #expect(!s.isDrained)
        let afterA = s.complete(a, [1])
        #expect(afterA == [[1], [2]])
        let afterC = s.complete(c, [3])
        #expect(afterC == [[3]])
        #expect(s.isDrained)
    }

    @Test func manyOutOfOrderCompletionsComeOutSorted() {
        var s = ReplySequencer()
        let numbers = (0..<500).map { _ in s.issue() }
        var out: [[UInt8]] = []
        for n in numbers.shuffled() { out += s.complete(n, [UInt8(n % 256)]) }
        #expect(out == numbers.map { [UInt8($0 % 256)] })
        #expect(s.isDrained)
    }
}

@Suite struct ConnectionDeadlinesTests {
    private let second: UInt64 = 1_000_000_000
    private var limits: ConnectionLimits {
        var l = ConnectionLimits()
        l.idleTimeout = 300
        l.lineDeadline = 10
        l.closeGrace = 2
        return l
    }

    @Test func idleIsMeasuredOnWholeLines() {
        var d = ConnectionDeadlines(limits: limits, now: 0)
        #expect(d.expired(at: 299 * second) == nil)
        #expect(d.expired(at: 300 * second) == .idleTimeout(seconds: 300))
        d.lineReceived(at: 200 * second)
        #expect(d.expired(at: 300 * second) == nil)
        #expect(d.nextCheck(open: true) == 500 * second)
    }

    @Test func aStartedLineMustFinishBeforeTheDeadline() {
        var d = ConnectionDeadlines(limits: limits, now: 0)
        let started = d.partialLine(waiting: true, at: 5 * second)       // clock starts
        let restarted = d.partialLine(waiting: true, at: 9 * second)     // a dripped byte does not restart it
        #expect(started && !restarted)
        #expect(d.nextCheck(open: true) == 15 * second)
        #expect(d.expired(at: 15 * second) == .lineDeadline(seconds: 10))
        _ = d.partialLine(waiting: false, at: 12 * second)               // line finished (or reading paused)
        #expect(d.expired(at: 15 * second) == nil)
    }

    @Test func closingGetsAGracePeriod() {
        var d = ConnectionDeadlines(limits: limits, now: 0)
        #expect(d.nextCheck(open: false) == nil)
        d.closing(at: 7 * second)
        #expect(d.nextCheck(open: false) == 9 * second)
        #expect(!d.closeOverdue(at: 8 * second))
        #expect(d.closeOverdue(at: 9 * second))
    }
}
