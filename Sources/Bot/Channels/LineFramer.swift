import Foundation

/// Splits a byte stream into `\n`-terminated lines and enforces the line-length cap. Nothing else:
/// what a line means is `ProtocolCodec`'s business.
///
/// A line may hold at most `maxLineBytes` bytes, not counting its `\n`. A longer line produces one
/// `.tooLong` event as soon as the cap is passed (without waiting for its end); its remaining bytes
/// up to the next `\n` are discarded, so a channel that keeps going (stdin) resynchronises on the
/// next line. Memory is bounded by what the caller appends plus one partial line.
///
/// | input (appended)        | events                                   |
/// |-------------------------|------------------------------------------|
/// | `a\nb\n`                | `.line("a")`, `.line("b")`               |
/// | `a` then `b\n`          | `.line("ab")`                            |
/// | `\n`                    | `.line("")`                              |
/// | 5000 × `x` (cap 4096)   | `.tooLong`                               |
/// | `c` at end of input     | `finish()` → `.line("c")`                |
struct LineFramer {
    /// What `nextLine()` found.
    enum Event: Equatable {
        /// One complete line, without its `\n` (a trailing `\r` is kept: the codec drops it).
        case line([UInt8])
        /// A line passed the cap; reported once per over-long line.
        case tooLong
    }

    /// The cap, in bytes, on one line without its newline.
    let maxLineBytes: Int
    private var buffer: [UInt8] = []
    /// Start of the first unconsumed byte.
    private var start = 0
    /// Bytes in `start..<scanned` are known to hold no newline.
    private var scanned = 0
    /// True after `.tooLong` until the offending line's newline arrives.
    private var discarding = false

    /// A framer enforcing `maxLineBytes`.
    init(maxLineBytes: Int) {
        self.maxLineBytes = maxLineBytes
    }

    /// Bytes appended but not yet returned as lines.
    var bufferedBytes: Int { buffer.count - start }

    /// True when bytes of an unfinished line are waiting and no complete line is (the input
    /// deadline applies then: we are waiting for the client, not the other way round).
    var hasPartialLine: Bool { !discarding && scanned == buffer.count && buffer.count > start }

    /// Adds bytes read from the stream.
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compactIfWorthwhile()
        buffer.append(contentsOf: bytes)
    }

    /// Adds bytes read from the stream.
    mutating func append(_ bytes: some Sequence<UInt8>) {
        compactIfWorthwhile()
        buffer.append(contentsOf: bytes)
    }

    /// The next complete line or over-long event; `nil` when more input is needed.
    mutating func nextLine() -> Event? {
        while true {
            guard let newline = findNewline() else {
                scanned = buffer.count
                let pending = buffer.count - start
                if discarding {
                    start = buffer.count
                    scanned = start
                    return nil
                }
                if pending > maxLineBytes {
                    discarding = true
                    start = buffer.count
                    scanned = start
                    return .tooLong
                }
                return nil
            }
            let length = newline - start
            let lineStart = start
            start = newline + 1
            scanned = start
            if discarding {
                discarding = false
                continue
            }
            if length > maxLineBytes { return .tooLong }
            return .line(Array(buffer[lineStart..<newline]))
        }
    }

    /// At end of input: the unterminated last line, if any (an over-long tail was already reported).
    mutating func finish() -> Event? {
        if let event = nextLine() { return event }
        defer { start = buffer.count; scanned = start; discarding = false }
        guard !discarding, buffer.count > start else { return nil }
        return .line(Array(buffer[start...]))
    }

    private func findNewline() -> Int? {
        guard scanned < buffer.count else { return nil }
        let from = max(scanned, start)
        return buffer.withUnsafeBufferPointer { buf -> Int? in
            guard let base = buf.baseAddress,
                  let hit = memchr(base + from, 0x0A, buf.count - from) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Drops consumed bytes once they are at least half the buffer, so appends stay amortised O(1).
    private mutating func compactIfWorthwhile() {
        guard start > 0 else { return }
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 1 << 16)
        } else if start >= buffer.count / 2 {
            buffer.removeFirst(start)
        } else {
            return
        }
        scanned -= start
        start = 0
    }
}
