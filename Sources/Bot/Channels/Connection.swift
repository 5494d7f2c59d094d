import Foundation

/// One client of the Unix socket: reads request lines, answers them on the shared concurrent
/// answer queue, writes replies back in request order, and enforces `ConnectionLimits`.
///
/// Every mutable field below is touched only on `queue` (this connection's serial queue): source
/// handlers and the timer are scheduled there, and answers hop back there. So a stuck client
/// stalls only its own queue, never another client's replies.
///
/// Descriptor hygiene: one read source and (created the first time a send would block) one write
/// source on the fd, each created once; the fd is closed only after the last of them has been
/// cancelled, in its cancel handler. Handlers drain to EAGAIN and reschedule themselves when they
/// stop early: libdispatch's epoll backend does not reliably fire again for what is left (an EOF
/// that arrived with the last bytes was seen to be lost).
final class Connection: @unchecked Sendable {
    private enum State { case open, draining, closing, closed }

    /// Connection number (also names the default session, `session`).
    let id: Int
    /// The dialogue session of requests that name none: `conn-<id>`.
    let session: String
    private let fd: Int32
    private let peer: Peer
    private let limits: ConnectionLimits
    private let responder: LineResponder
    private let answerQueue: DispatchQueue
    private let stats: ServerStats
    private let logger: Logger
    private let onClosed: @Sendable (Connection) -> Void
    private let queue: DispatchQueue
    private let timer: DispatchSourceTimer

    private var state = State.open
    private var framer: LineFramer
    private var output = OutputBuffer()
    private var replies = ReplySequencer()
    private var deadlines: ConnectionDeadlines
    private var readSource: DispatchSourceRead?
    private var readSuspended = false
    private var writeSource: DispatchSourceWrite?
    private var writeSuspended = false
    private var sourcesToCancel = 0
    private var timerDeadline: UInt64?
    private var inFlight = 0
    private var inputEnded = false
    private var pumpScheduled = false

    /// Wraps an accepted, non-blocking socket; nothing happens until `start()`.
    init(fd: Int32, id: Int, peer: Peer, limits: ConnectionLimits, responder: LineResponder, answerQueue: DispatchQueue,
         stats: ServerStats, logger: Logger, onClosed: @escaping @Sendable (Connection) -> Void) {
        self.fd = fd
        self.id = id
        self.session = "conn-\(id)"
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
        self.deadlines = ConnectionDeadlines(limits: limits, now: Connection.now())
    }

    private static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

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
            pump()
        }
    }

    // MARK: input

    /// Reads until the socket would block, at most `readBudget` bytes and never past the input
    /// bound; stopping early reschedules (see the type's comment).
    private func readable() {
        guard state == .open, !inputEnded, !readSuspended else { return }
        var budget = limits.readBudget
        var stoppedEarly = false
        reading: while true {
            let room = min(limits.readChunk, limits.maxBufferedInput - framer.bufferedBytes, budget)
            guard room > 0 else { stoppedEarly = true; break }
            let result: IOResult = withUnsafeTemporaryAllocation(byteCount: room, alignment: 1) { buf in
                let r = SocketIO.read(fd, into: buf)
                if case .bytes(let n) = r { framer.append(UnsafeRawBufferPointer(rebasing: buf[0..<n])) }
                return r
            }
            switch result {
            case .bytes(let n): budget -= n
            case .wouldBlock: break reading
            case .endOfFile: inputEnded = true; break reading
            case .failed(let code): return abort(code)
            }
        }
        pump()
        if stoppedEarly { scheduleRead() }
    }

    /// Comes back to `readable()` after other work on this queue had its turn.
    private func scheduleRead() {
        queue.async { [self] in readable() }
    }

    /// Starts answering complete lines, up to the in-flight and per-wake-up bounds. The lines found
    /// in one go are answered as `AnswerBatch`es (one answer-queue hop and one reply hop each).
    private func pump() {
        pumpScheduled = false
        var started = 0
        var batch: [(sequence: Int, line: [UInt8])] = []
        while state == .open || state == .draining, inFlight < limits.maxInFlight {
            if started == limits.linesPerWakeup {
                // Bounded work per wake-up: yield the thread, continue in a fresh block.
                pumpScheduled = true
                queue.async { [self] in pump() }
                break
            }
            guard let event = framer.nextLine() ?? (inputEnded && state == .open ? framer.finish() : nil) else { break }
            started += 1
            switch event {
            case .line(let bytes):
                deadlines.lineReceived(at: Connection.now())
                inFlight += 1
                batch.append((replies.issue(), bytes))
            case .tooLong:
                startAnswers(batch)
                batch = []
                refuse(.lineTooLong(limit: limits.maxLineBytes))
            }
        }
        startAnswers(batch)
        updateReadInterest()
        closeIfFinished()
    }

    /// Answers `lines` (already counted in `inFlight`) on the answer queue.
    private func startAnswers(_ lines: [(sequence: Int, line: [UInt8])]) {
        guard !lines.isEmpty else { return }
        let responder = self.responder, peer = self.peer, session = self.session
        for batch in AnswerBatch.split(lines) {
            answerQueue.async { [self] in
                let replies = batch.answer(with: responder, peer: peer, defaultSession: session) { sequence, reply in
                    self.queue.async { self.answered([(sequence, reply)]) }
                }
                if !replies.isEmpty { queue.async { self.answered(replies) } }
            }
        }
    }

    /// Replies are back: queue them in request order, send what can go (one `send` for the lot).
    private func answered(_ batch: [(sequence: Int, reply: [UInt8])]) {
        inFlight -= batch.count
        guard state != .closed else { return }
        for (sequence, reply) in batch {
            for ready in replies.complete(sequence, reply) { output.append(ready) }
        }
        flush()
        guard state != .closed else { return }
        if output.pending > limits.outputCap { return overflow() }
        pump()
    }

    /// Reading is wanted only while the client keeps up with its replies and unanswered input is
    /// bounded; otherwise the socket buffer fills and the client's own sends block (backpressure).
    private func updateReadInterest() {
        guard let source = readSource, state != .closed else { return }
        let wanted = state == .open && !inputEnded && output.pending < limits.outputHighWater
            && framer.bufferedBytes < limits.maxBufferedInput
        if wanted && readSuspended {
            source.resume()
            readSuspended = false
            scheduleRead()  // bytes may be waiting already; do not count on a fresh event
        } else if !wanted && !readSuspended {
            source.suspend()
            readSuspended = true
        }
        let waiting = framer.hasPartialLine && !readSuspended && state == .open
        if deadlines.partialLine(waiting: waiting, at: Connection.now()) { armTimer() }
    }

    // MARK: output

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
        deadlines.closing(at: Connection.now())
        for ready in replies.complete(replies.issue(), refusal.line) { output.append(ready) }
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
            if let refusal = deadlines.expired(at: now) { refuse(refusal) }
        case .closing, .draining:
            if deadlines.closeOverdue(at: now) { close() }
        case .closed:
            return
        }
        timerDeadline = nil  // the one-shot timer has fired: always schedule it again
        armTimer()
    }

    /// Schedules the timer at the nearest deadline.
    private func armTimer() {
        guard state != .closed else { return }
        let next = deadlines.nextCheck(open: state == .open)
        guard next != timerDeadline else { return }
        timerDeadline = next
        if let next {
            timer.schedule(deadline: DispatchTime(uptimeNanoseconds: next), leeway: .milliseconds(20))
        } else {
            timer.schedule(deadline: .distantFuture, leeway: .seconds(1))
        }
    }

    private func closeIfFinished() {
        let idle = inFlight == 0 && !pumpScheduled && output.pending == 0 && replies.isDrained
        switch state {
        case .open: if inputEnded && idle && framer.bufferedBytes == 0 { close() }
        case .draining: if idle { close() }
        case .closing: if replies.isDrained && output.pending == 0 { close() }
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
        onClosed(self)
    }
}
