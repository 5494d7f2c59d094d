import Foundation

/// Limits one connection enforces (derived from `ServeConfiguration.connectionLimits`).
struct ConnectionLimits: Sendable, Equatable {
    /// Longest request line, in bytes without the newline (`--max-line-bytes`).
    var maxLineBytes = 4096
    /// Seconds without a complete line before the client is dropped (`--idle-timeout`).
    var idleTimeout = 300.0
    /// Seconds to finish a line once its first byte arrived (`--line-deadline`).
    var lineDeadline = 10.0
    /// Unsent reply bytes above which we stop reading the client's input.
    var outputHighWater = 256 << 10
    /// Unsent reply bytes above which the client is dropped (`--output-cap`).
    var outputCap = 1 << 20
    /// Lines being answered at once per connection: beyond it, input waits (backpressure).
    var maxInFlight = 32
    /// Lines started per wake-up, so one busy client cannot hog its queue's thread.
    var linesPerWakeup = 64
    /// Bytes per read call.
    var readChunk = 16 << 10
    /// Bytes read per wake-up at most (then the connection yields its queue).
    var readBudget = 64 << 10
    /// Input bytes buffered but not yet answered, above which we stop reading.
    var maxBufferedInput = 64 << 10
    /// Seconds a closing connection gets to take its last line before it is cut.
    var closeGrace = 2.0
}
