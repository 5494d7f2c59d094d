import Foundation

/// Puts replies back in request order when answers finish out of order (answers run on a
/// concurrent queue; a client must read its replies in the order it sent its lines).
///
/// | issued | completed (in this order) | released after each   |
/// |--------|---------------------------|-----------------------|
/// | 0 1 2  | 1, 0, 2                   | —, [0, 1], [2]        |
struct ReplySequencer {
    private var waiting: [Int: [UInt8]] = [:]
    private var issued = 0
    private var released = 0

    /// The sequence number for the next request line.
    mutating func issue() -> Int {
        defer { issued += 1 }
        return issued
    }

    /// Records the reply for `sequence`; returns every reply that can now go out, in order.
    mutating func complete(_ sequence: Int, _ reply: [UInt8]) -> [[UInt8]] {
        waiting[sequence] = reply
        var ready: [[UInt8]] = []
        while let next = waiting.removeValue(forKey: released) {
            ready.append(next)
            released += 1
        }
        return ready
    }

    /// True when every issued reply has been released.
    var isDrained: Bool { released == issued }
}
