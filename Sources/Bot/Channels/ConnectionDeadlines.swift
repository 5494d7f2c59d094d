import Foundation

/// The clocks a connection is judged by, as plain values (times are `DispatchTime` uptime
/// nanoseconds) so the rules can be tested without sockets or waiting.
///
/// - Idle: no complete line for `idleTimeout` — measured on whole lines, not bytes.
/// - Line deadline: a started line not finished within `lineDeadline`, so a client dripping a
///   byte a second is dropped long before it goes idle. The clock runs only while the daemon is
///   reading: a client we stopped reading (backpressure) cannot finish its line.
/// - Close grace: a closing connection that does not take its last line is cut.
struct ConnectionDeadlines {
    private let limits: ConnectionLimits
    private(set) var lastLineAt: UInt64
    private(set) var partialSince: UInt64?
    private(set) var closeBy: UInt64?

    /// Clocks for a connection accepted at `now`.
    init(limits: ConnectionLimits, now: UInt64) {
        self.limits = limits
        self.lastLineAt = now
    }

    /// Seconds as uptime nanoseconds.
    static func nanoseconds(_ seconds: Double) -> UInt64 { UInt64(max(0, seconds) * 1e9) }

    /// A complete line arrived.
    mutating func lineReceived(at now: UInt64) { lastLineAt = now }

    /// Whether an unfinished line is waiting while we read; true when its clock just started
    /// (the timer may then have to fire sooner than planned).
    mutating func partialLine(waiting: Bool, at now: UInt64) -> Bool {
        guard waiting else {
            partialSince = nil
            return false
        }
        guard partialSince == nil else { return false }
        partialSince = now
        return true
    }

    /// The connection is closing: it has `closeGrace` to take what it is owed.
    mutating func closing(at now: UInt64) { closeBy = now + ConnectionDeadlines.nanoseconds(limits.closeGrace) }

    /// The limit that has run out at `now` for an open connection (line deadline first).
    func expired(at now: UInt64) -> ConnectionRefusal? {
        if let since = partialSince, now >= since + ConnectionDeadlines.nanoseconds(limits.lineDeadline) {
            return .lineDeadline(seconds: limits.lineDeadline)
        }
        if now >= lastLineAt + ConnectionDeadlines.nanoseconds(limits.idleTimeout) {
            return .idleTimeout(seconds: limits.idleTimeout)
        }
        return nil
    }

    /// True when a closing connection has used up its grace.
    func closeOverdue(at now: UInt64) -> Bool { closeBy.map { now >= $0 } ?? false }

    /// When to look again: the nearest deadline for an open connection, the close grace for a
    /// closing one, nil when there is nothing to wait for (draining without a grace).
    func nextCheck(open: Bool) -> UInt64? {
        guard open else { return closeBy }
        var next = lastLineAt + ConnectionDeadlines.nanoseconds(limits.idleTimeout)
        if let since = partialSince { next = min(next, since + ConnectionDeadlines.nanoseconds(limits.lineDeadline)) }
        return next
    }
}
