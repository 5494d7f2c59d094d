import CSystemShims
import Foundation

/// Accepts clients on a `ListeningSocket` and runs one `Connection` per client.
///
/// The table of connections, the listener source and the accept state are touched only on
/// `queue` (one serial queue); connections report their end by hopping onto it.
///
/// Limits at accept:
/// - More than `maxClients` connections: the extra client gets the `max_clients` line
///   (`{"error":{"code":"max_clients","message":"max number of clients reached"}}`), is closed and
///   counted as `rejected`.
/// - At most `acceptBatch` accepts per wake-up (Redis does 10 per cycle) so a connection flood
///   cannot starve the rest of the queue.
/// - accept() failing for lack of descriptors or memory (EMFILE, ENFILE, ENOBUFS, ENOMEM): the
///   listener is suspended and retried after `acceptRetryDelay`, so the CPU does not spin on a
///   listener that stays readable (memcached does the same).
final class UnixSocketServer: @unchecked Sendable {
    /// Tunables of the accept loop.
    struct Settings: Sendable {
        /// Connections served at once (`--max-clients`).
        var maxClients = 256
        /// Accepts per wake-up.
        var acceptBatch = 16
        /// Seconds the listener rests after accept() ran out of descriptors.
        var acceptRetryDelay = 0.25
    }

    private let listener: ListeningSocket
    private let settings: Settings
    private let limits: ConnectionLimits
    private let responder: LineResponder
    private let stats: ServerStats
    private let logger: Logger
    private let sessionEnded: @Sendable (String) -> Void
    private let answerQueue = DispatchQueue(label: "enquiry-bot.answer", qos: .userInitiated, attributes: .concurrent)
    private let queue = DispatchQueue(label: "enquiry-bot.server")

    private var source: DispatchSourceRead?
    private var sourceSuspended = false
    private var acceptPaused = false
    private var retryScheduled = false
    /// True from an accept() failure until the next success (logs once per episode, not per retry).
    private var acceptFailing = false
    private var stopping = false
    private var connections: [Int: Connection] = [:]
    private var nextID = 1
    private var drained: (@Sendable () -> Void)?

    /// `sessionEnded` is told the default session of each connection that closes (its dialogue
    /// state can go; sessions a client named itself are left to expire).
    init(listener: ListeningSocket, settings: Settings, limits: ConnectionLimits, responder: LineResponder,
         stats: ServerStats, logger: Logger, sessionEnded: @escaping @Sendable (String) -> Void = { _ in }) {
        self.sessionEnded = sessionEnded
        self.listener = listener
        self.settings = settings
        self.limits = limits
        self.responder = responder
        self.stats = stats
        self.logger = logger
    }

    /// Starts accepting; returns once the listener is being watched.
    func start() {
        UnixSocketServer.primeDispatchTimers()
        queue.sync {
            let source = DispatchSource.makeReadSource(fileDescriptor: listener.fd, queue: queue)
            source.setEventHandler { [self] in acceptBatch() }
            let fd = listener.fd
            source.setCancelHandler { Foundation.close(fd) }
            self.source = source
            source.activate()
        }
    }

    /// Stops accepting (the listener is closed), lets every connection answer what it has read,
    /// and calls `completion` once all connections are closed.
    func stop(completion: @escaping @Sendable () -> Void) {
        queue.async { [self] in
            stopping = true
            if let source {
                source.cancel()
                if sourceSuspended { source.resume(); sourceSuspended = false }
            }
            for connection in connections.values { connection.beginDrain() }
            if connections.isEmpty { completion() } else { drained = completion }
        }
    }

    /// libdispatch creates its timer descriptor (a timerfd) lazily, when a timer is first armed;
    /// a timer already due when the manager thread sees it fires without one. Were the descriptor
    /// first needed after accept() had used up every descriptor, no timer would fire again — not
    /// the EMFILE retry, not the idle timeouts. So arm timers now, while descriptors are
    /// plentiful, until one is known to exist (`/proc/self/fd`; elsewhere one attempt is all).
    /// Returns at once when one exists already: the daemon primes them while it loads its data
    /// (the first attempt alone waits 20 ms, a tenth of the start-up budget).
    static func primeDispatchTimers() {
        if hasTimerDescriptor() == true { return }
        for milliseconds in [20, 100, 400] {
            let fired = DispatchSemaphore(value: 0)
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(milliseconds)) { fired.signal() }
            fired.wait()
            if hasTimerDescriptor() != false { return }
        }
    }

    /// Whether libdispatch's timerfd is open; nil where `/proc/self/fd` cannot be read.
    private static func hasTimerDescriptor() -> Bool? {
        guard let fds = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return nil }
        return fds.contains {
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + $0)) == "anon_inode:[timerfd]"
        }
    }

    /// Connections open now.
    var connectionCount: Int { queue.sync { connections.count } }

    /// Accepts until accept() would block, at most `acceptBatch` per turn; a full batch
    /// reschedules itself (as with connections, we do not count on the source firing again).
    private func acceptBatch() {
        for _ in 0..<settings.acceptBatch {
            guard !stopping, !acceptPaused else { return }
            let fd = enquiry_accept_nonblocking(listener.fd)
            if fd >= 0 {
                if acceptFailing {
                    acceptFailing = false
                    logger.info("accept_resumed")
                }
                admit(fd)
                continue
            }
            switch errno {
            case EINTR, ECONNABORTED: continue
            case EAGAIN, EWOULDBLOCK: return
            case EMFILE, ENFILE, ENOBUFS, ENOMEM: return pauseAccepting(errno)
            case let code:
                logger.warning("accept_failed", ["reason": SocketIO.describe(code)])
                return
            }
        }
        queue.async { [self] in acceptBatch() }
    }

    private func admit(_ fd: Int32) {
        guard connections.count < settings.maxClients else {
            refuse(fd)
            return
        }
        let id = nextID
        nextID += 1
        let peer = Peer.process(uid: SocketIO.peerUID(fd))
        let connection = Connection(fd: fd, id: id, peer: peer, limits: limits, responder: responder,
                                    answerQueue: answerQueue, stats: stats, logger: logger) { [self] closed in
            sessionEnded(closed.session)
            queue.async { self.connectionClosed(closed.id) }
        }
        connections[id] = connection
        stats.connectionOpened()
        logger.debug("connection_opened", ["conn": String(id)])
        connection.start()
    }

    /// The max-clients refusal: one line, best effort (the socket is new, so its buffer has room).
    private func refuse(_ fd: Int32) {
        stats.connectionRejected()
        logger.debug("connection_rejected", ["reason": ConnectionRefusal.maxClients.code])
        let line = ConnectionRefusal.maxClients.line
        _ = line.withUnsafeBytes { SocketIO.send(fd, $0) }
        // Unread input would turn the peer's read of our line into ECONNRESET; drop a little.
        withUnsafeTemporaryAllocation(byteCount: 4096, alignment: 1) { _ = SocketIO.read(fd, into: $0) }
        Foundation.close(fd)
    }

    private func connectionClosed(_ id: Int) {
        guard connections.removeValue(forKey: id) != nil else { return }
        stats.connectionClosed()
        logger.debug("connection_closed", ["conn": String(id)])
        if stopping && connections.isEmpty, let drained {
            self.drained = nil
            drained()
        }
    }

    private func pauseAccepting(_ code: Int32) {
        stats.acceptFailed()
        if !acceptFailing {
            acceptFailing = true
            logger.warning("accept_paused", ["reason": SocketIO.describe(code), "retry_seconds": String(settings.acceptRetryDelay)])
        }
        acceptPaused = true
        if let source, !sourceSuspended {
            source.suspend()
            sourceSuspended = true
        }
        guard !retryScheduled else { return }
        retryScheduled = true
        queue.asyncAfter(deadline: .now() + settings.acceptRetryDelay) { [self] in
            retryScheduled = false
            guard !stopping, let source else { return }
            acceptPaused = false
            if sourceSuspended {
                source.resume()
                sourceSuspended = false
            }
            acceptBatch()
        }
    }
}
