import Foundation

/// Lines of one connection answered together in one block on the answer queue, so a pipelining
/// client costs one hop to the answer queue, one hop back and one `send` per batch rather than per
/// line. Thread wake-ups and syscalls were about 30 % of the daemon's CPU with 16 pipelining
/// clients on 2 cores; batching cut its CPU per request by about a fifth (`enquiry-bot bench`).
///
/// Questions complete while `answer(with:)` runs and are handed back together; a control command
/// that completes later (a reload) is handed back on its own, through `late`.
struct AnswerBatch: Sendable {
    /// Lines per block at most: a longer batch is split, so one client's burst still uses every core.
    static let maxLines = 8

    /// Sequence numbers (from the connection's `ReplySequencer`) and request lines.
    var lines: [(sequence: Int, line: [UInt8])]

    /// Splits `lines` into batches of at most `maxLines`.
    static func split(_ lines: [(sequence: Int, line: [UInt8])]) -> [AnswerBatch] {
        stride(from: 0, to: lines.count, by: maxLines).map { AnswerBatch(lines: Array(lines[$0..<min($0 + maxLines, lines.count)])) }
    }

    /// Answers every line on the calling thread; returns the replies that completed meanwhile, in
    /// line order. `late` gets each reply that completes afterwards, on whatever thread that is.
    func answer(with responder: LineResponder, peer: Peer, defaultSession: String,
                late: @escaping @Sendable (Int, [UInt8]) -> Void) -> [(sequence: Int, reply: [UInt8])] {
        let collector = Collector()
        for (sequence, line) in lines {
            responder.respond(to: line, from: peer, defaultSession: defaultSession) { reply in
                if !collector.add(sequence, reply) { late(sequence, reply) }
            }
        }
        return collector.seal()
    }

    /// Replies that completed before `seal()`. Locked because a control command may complete on
    /// another thread at any time; uncontended for questions.
    private final class Collector: @unchecked Sendable {
        private let lock = NSLock()
        private var replies: [(sequence: Int, reply: [UInt8])] = []
        private var sealed = false

        func add(_ sequence: Int, _ reply: [UInt8]) -> Bool {
            lock.lock()
            defer { lock.unlock() }
            guard !sealed else { return false }
            replies.append((sequence, reply))
            return true
        }

        func seal() -> [(sequence: Int, reply: [UInt8])] {
            lock.lock()
            defer { lock.unlock() }
            sealed = true
            return replies
        }
    }
}
