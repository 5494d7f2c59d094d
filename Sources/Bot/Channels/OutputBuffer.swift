import Foundation

/// Reply bytes waiting for a slow socket, with partial-write tracking.
///
/// `send` may take fewer bytes than offered; `consume` advances past what it took, and the rest is
/// offered again when the socket is writable. Consumed bytes are dropped in bulk once they are at
/// least half the buffer, keeping appends and consumes amortised O(1).
struct OutputBuffer {
    private var bytes: [UInt8] = []
    private var head = 0
    /// True when the last byte handed to the socket was not a `\n` (a reply is half sent).
    private(set) var isMidLine = false

    /// Bytes not yet sent.
    var pending: Int { bytes.count - head }

    /// Queues a reply line.
    mutating func append(_ line: [UInt8]) {
        if head == bytes.count {
            bytes.removeAll(keepingCapacity: bytes.capacity <= 1 << 16)
            head = 0
        }
        bytes.append(contentsOf: line)
    }

    /// Calls `body` with the unsent bytes (for one `send`).
    func withPending<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[head...])) }
    }

    /// Marks `count` bytes as sent.
    mutating func consume(_ count: Int) {
        guard count > 0 else { return }
        head += count
        isMidLine = bytes[head - 1] != 0x0A
        if head == bytes.count {
            bytes.removeAll(keepingCapacity: bytes.capacity <= 1 << 16)
            head = 0
        } else if head >= bytes.count / 2 {
            bytes.removeFirst(head)
            head = 0
        }
    }

    /// Drops every queued reply except the rest of a half-sent one (so the peer still sees whole
    /// lines), making room for a final refusal line.
    mutating func discardQueuedLines() {
        guard pending > 0 else { return }
        if isMidLine, let newline = bytes[head...].firstIndex(of: 0x0A) {
            bytes.removeSubrange((newline + 1)...)
        } else {
            bytes.removeAll()
            head = 0
        }
    }
}
