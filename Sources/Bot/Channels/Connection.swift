import Foundation

/// Limits one connection enforces (derived from `ServeConfiguration`).
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

/// One client of the Unix socket: reads request lines, answers them on the shared concurrent
/// answer queue, writes replies back in request order, and enforces `ConnectionLimits`.
///
/// Every mutable field below is touched only on `queue` (this connection's serial queue): source
/// handlers and timers are scheduled there, and answers hop back there. So a stuck client stalls
/// only its own queue, never another client's replies.
///
/// Descriptor hygiene: one read source and (created the first time a send would block) one write
/// source on the fd, each created once; the fd is closed only after the last of them has been
/// cancelled, in its cancel handler.
final class Connection: @unchecked Sendable {
    private enum State { case open, draining, closing, closed }

    /// Connection number (also names the default session `conn-<id>`).
    let id: Int
    private let fd: Int32
    private let peer: Peer
    private let limits: ConnectionLimits
    private let responder: LineResponder
    private let answerQueue: DispatchQueue
    private let stats: ServerStats
    private let logger: Logger
    private let onClosed: @Sendable (Int) -> Void
    private let queue: DispatchQueue

    private var state = State.open
    private var framer: LineFramer
    private var output = OutputBuffer()
    private var readSource: DispatchSourceRead?
    private var readSuspended = false
    private var writeSource: DispatchSourceWrite?
    private var writeSuspended = false
    private var sourcesToCancel = 0
    private let timer: DispatchSourceTimer
    private var timerDeadline: UInt64 = 0
    /// Replies finished out of order, by request sequence number, until their turn comes.
    private var finished: [Int: [UInt8]] = [:]
    private var nextSequence = 0
    private var nextToWrite = 0
    private var inFlight = 0
    private var inputEnded = false
    private var pumpScheduled = false
    private var lastLineAt: UInt64
    private var partialSince: UInt64?
    private var closeBy: UInt64 = .max

    init(fd: Int32, id: Int, peer: Peer, limits: ConnectionLimits, responder: LineResponder, answerQueue: DispatchQueue,
         stats: ServerStats, logger: Logger, onClosed: @escaping @Sendable (Int) -> Void) {
        self.fd = fd
        self.id = id
        self.peer = peer
        self.limits = limits
        self.responder = responder
        self.answerQueue = answerQueue
        self.stats = stats
        self.logger = logger
        self.onClosed = onClosed
        self.queue = DispatchQueue(label: "enquiry-bot.connection.\(id)")
        self.framer = LineFramer(maxLineBytes: limits.maxLineBytes)
        self.timer = DispatchSource.makeTimerSource(queue: queue)
        self.lastLineAt = Connection.now()
    }

    private static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
    private static func nanos(_ seconds: Double) -> UInt64 { UInt64(max(0, seconds) * 1e9) }

    /// Starts reading and the timeout clock.
    func start() {
        queue.async { [self] in
            let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
            source.setEventHandler { [self] in readable() }
            source.setCancelHandler { [self] in sourceCancelled() }
            readSource = source
            sourcesToCancel += 1
            source.activate()
            timer.setEventHandler { [self] in checkTimeouts() }
            armTimer()
            timer.activate()
        }
    }

    /// Shutdown: stop reading, answer the lines already received, flush, close.
    func beginDrain() {
        queue.async { [self] in
            guard state == .open else { return }
            state = .draining
            updateReadInterest()
            pump()
        }
    }

    // MARK: input

    /// Reads until the socket would block, at most `readBudget` bytes and never past the input
    /// bound. Draining matters: libdispatch's epoll backend does not reliably fire again for what
    /// is left (an EOF that arrived with the last bytes was seen to be lost), so a handler that
    /// stops early reschedules itself instead of waiting for another event.
    private func readable() {
        guard state == .open, !inputEnded, !readSuspended else { return }
        var budget = limits.readBudget
        var stoppedEarly = false
        while true {
            let room = min(limits.readChunk, limits.maxBufferedInput - framer.bufferedBytes, budget)
            guard room > 0 else { stoppedEarly = true; break }
            let result: IOResult = withUnsafeTemporaryAllocation(byteCount: room, alignment: 1) { buf in
                let r = SocketIO.read(fd, into: buf)
                if case .bytes(let n) = r { framer.append(UnsafeRawBufferPointer(rebasing: buf[0..<n])) }
                return r
            }
            switch result {
            case .bytes(let n):
                budget -= n
                continue
            case .wouldBlock: break
            case .endOfFile: inputEnded = true
            case .failed(let code): return abort(code)
            }
            break
        }
        pump()
        if stoppedEarly { scheduleRead() }
    }

    /// Comes back to `readable()` after other work on this queue had its turn.
    private func scheduleRead() {
        queue.async { [self] in readable() }
    }

    /// Starts answering complete lines, up to the in-flight and per-wake-up bounds.
    private func pump() {
        pumpScheduled = false
        var started = 0
        while state == .open || state == .draining, inFlight < limits.maxInFlight {
            if started == limits.linesPerWakeup {
                // Bounded work per wake-up: yield the thread, continue in a fresh block.
                pumpScheduled = true
                queue.async { [self] in pump() }
                break
            }
            let event = framer.nextLine() ?? (inputEnded && state == .open ? framer.finish() : nil)
            guard let event else { break }
            started += 1
            switch event {
            case .line(let bytes):
                lastLineAt = Connection.now()
                startAnswer(bytes)
            case .tooLong:
                refuse(.lineTooLong(limit: limits.maxLineBytes))
            }
        }
        updateReadInterest()
        closeIfFinished()
    }

    private func startAnswer(_ line: [UInt8]) {
        let sequence = nextSequence
        nextSequence += 1
        inFlight += 1
        let responder = self.responder, peer = self.peer, session = "conn-\(id)"
        answerQueue.async { [self] in
            responder.respond(to: line, from: peer, defaultSession: session) { reply in
                self.queue.async { self.answered(sequence, reply) }
            }
        }
    }

    private func answered(_ sequence: Int, _ reply: [UInt8]) {
        inFlight -= 1
        guard state != .closed else { return }
        finished[sequence] = reply
        queueFinishedReplies()
        flush()
        guard state != .closed else { return }
        if output.pending > limits.outputCap { return overflow() }
        pump()
    }

    /// Reading is wanted only while the client keeps up with its replies and unanswered input is
    /// bounded; otherwise the socket buffer fills and the client's own sends block (backpressure).
    private func updateReadInterest() {
        guard let source = readSource else { return }
        let wanted = state == .open && !inputEnded && output.pending < limits.outputHighWater
            && framer.bufferedBytes < limits.maxBufferedInput
        if wanted && readSuspended {
            source.resume()
            readSuspended = false
            scheduleRead()  // bytes may be waiting already; do not count on a fresh event
        } else if !wanted && !readSuspended && state != .closed {
            source.suspend()
            readSuspended = true
        }
        // The line deadline runs only while we are reading: a client we stopped reading from
        // cannot finish its line.
        if framer.hasPartialLine && !readSuspended && state == .open {
            if partialSince == nil {
                partialSince = Connection.now()
                armTimer()
            }
        } else {
            partialSince = nil
        }
    }

    // MARK: output

    private func queueFinishedReplies() {
        while let reply = finished.removeValue(forKey: nextToWrite) {
            output.append(reply)
            nextToWrite += 1
        }
    }

    private func flush() {
        while output.pending > 0 {
            switch output.withPending({ SocketIO.send(fd, $0) }) {
            case .bytes(let n): output.consume(n)
            case .wouldBlock: return waitForWritable()
            case .failed(let code): return abort(code)
            case .endOfFile: return
            }
        }
        if let source = writeSource, !writeSuspended {
            source.suspend()
            writeSuspended = true
        }
    }

    private func waitForWritable() {
        if let source = writeSource {
            if writeSuspended {
                source.resume()
                writeSuspended = false
                // Room may have appeared already; try again rather than count on a fresh event.
                queue.async { [self] in writable() }
            }
            return
        }
        let source = DispatchSource.makeWriteSource(fileDescriptor: fd, queue: queue)
        source.setEventHandler { [self] in writable() }
        source.setCancelHandler { [self] in sourceCancelled() }
        writeSource = source
        sourcesToCancel += 1
        source.activate()
    }

    private func writable() {
        guard state != .closed else { return }
        flush()
        guard state != .closed else { return }
        updateReadInterest()
        closeIfFinished()
    }

    // MARK: limits and closing

    /// A limit was hit: queue the refusal after the replies already owed, then close.
    private func refuse(_ refusal: ConnectionRefusal) {
        guard state == .open || state == .draining else { return }
        if let kind = refusal.statsKey { stats.disconnected(kind: kind) }
        logger.info("connection_limit", ["conn": String(id), "limit": refusal.code])
        state = .closing
        closeBy = Connection.now() + Connection.nanos(limits.closeGrace)
        finished[nextSequence] = refusal.line
        nextSequence += 1
        queueFinishedReplies()
        flush()
        guard state != .closed else { return }
        updateReadInterest()
        armTimer()
        closeIfFinished()
    }

    /// The client does not read: drop what it has not taken, try once to tell it, close.
    private func overflow() {
        let refusal = ConnectionRefusal.outputCap(limit: limits.outputCap)
        stats.disconnected(kind: refusal.statsKey!)
        logger.info("connection_limit", ["conn": String(id), "limit": refusal.code])
        output.discardQueuedLines()
        output.append(refusal.line)
        state = .closing
        flush()
        close()
    }

    private func checkTimeouts() {
        let now = Connection.now()
        switch state {
        case .open:
            if let since = partialSince, now >= since + Connection.nanos(limits.lineDeadline) {
                refuse(.lineDeadline(seconds: limits.lineDeadline))
            } else if now >= lastLineAt + Connection.nanos(limits.idleTimeout) {
                refuse(.idleTimeout(seconds: limits.idleTimeout))
            }
        case .closing, .draining:
            if now >= closeBy { close() }
        case .closed:
            return
        }
        timerDeadline = 0  // the one-shot timer has fired: always schedule it again
        armTimer()
    }

    /// Schedules the timer at the nearest deadline (idle, partial line or close grace).
    private func armTimer() {
        guard state != .closed else { return }
        var deadline: UInt64
        switch state {
        case .open:
            deadline = lastLineAt + Connection.nanos(limits.idleTimeout)
            if let since = partialSince { deadline = min(deadline, since + Connection.nanos(limits.lineDeadline)) }
        default:
            deadline = closeBy
        }
        guard deadline != timerDeadline else { return }
        timerDeadline = deadline
        if deadline == .max {
            timer.schedule(deadline: .distantFuture, leeway: .seconds(1))
        } else {
            timer.schedule(deadline: DispatchTime(uptimeNanoseconds: deadline), leeway: .milliseconds(20))
        }
    }

    private func closeIfFinished() {
        let idle = inFlight == 0 && !pumpScheduled && output.pending == 0 && finished.isEmpty
        switch state {
        case .open: if inputEnded && idle && framer.bufferedBytes == 0 { close() }
        case .draining: if idle { close() }
        case .closing: if nextToWrite == nextSequence && output.pending == 0 { close() }
        case .closed: break
        }
    }

    private func abort(_ code: Int32) {
        logger.debug("connection_error", ["conn": String(id), "reason": SocketIO.describe(code)])
        inputEnded = true
        close()
    }

    /// Cancels the sources; the last cancel handler closes the fd.
    private func close() {
        guard state != .closed else { return }
        state = .closed
        timer.cancel()
        if !inputEnded { discardUnreadInput() }
        if let source = writeSource {
            source.cancel()
            if writeSuspended { source.resume(); writeSuspended = false }
        }
        if let source = readSource {
            source.cancel()
            if readSuspended { source.resume(); readSuspended = false }
        }
    }

    /// Closing a Unix socket with unread input makes the peer's next read fail with ECONNRESET
    /// instead of returning our last line and EOF; read (a bounded amount) of it away first.
    private func discardUnreadInput() {
        withUnsafeTemporaryAllocation(byteCount: 16 << 10, alignment: 1) { buf in
            for _ in 0..<4 {
                guard case .bytes = SocketIO.read(fd, into: buf) else { return }
            }
        }
    }

    private func sourceCancelled() {
        sourcesToCancel -= 1
        guard sourcesToCancel == 0 else { return }
        Foundation.close(fd)
        onClosed(id)
    }
}
