import CSystemShims
import Foundation

/// `enquiry-bot serve`: loads the bot, listens on the Unix socket (and stdin with `--stdin`),
/// answers until SIGTERM/SIGINT, reloads on SIGHUP.
///
/// Start-up: signals first, then data, then the socket; only when clients can be answered does
/// it print `ready socket=PATH` on stdout and send `READY=1`. Shutdown: `STOPPING=1`, the socket
/// file goes, the listener closes, every connection answers what it has already read, then exit 0
/// — at the latest after `shutdownTimeout` seconds.
final class Daemon: @unchecked Sendable {
    private enum Phase { case starting, running, stopping }

    /// What to run with (already validated).
    let configuration: ServeConfiguration
    /// Where events go (stderr).
    let logger: Logger
    private let environment: [String: String]
    private let stats = ServerStats()
    private let notifier: SystemdNotifier
    private let exitSignal = DispatchSemaphore(value: 0)

    /// Serialises lifecycle events (signals, start, stop). Every var below is touched only on it.
    let controlQueue = DispatchQueue(label: "enquiry-bot.control")
    private var phase = Phase.starting
    private var stopRequested: String?
    private var finished = false
    /// The TERM/INT/HUP sources, kept alive for the daemon's lifetime.
    var signalSources: [DispatchSourceSignal] = []
    private var listener: ListeningSocket?
    private var server: UnixSocketServer?
    private var stdinChannel: StdinChannel?
    private var reloads: ReloadCoordinator?
    private var unansweredLog: UnansweredLog?

    /// `environment` is read for socket activation and `NOTIFY_SOCKET`.
    init(configuration: ServeConfiguration, logger: Logger, environment: [String: String]) {
        self.configuration = configuration
        self.logger = logger
        self.environment = environment
        self.notifier = SystemdNotifier(environment: environment, logger: logger)
    }

    /// Runs until stopped; returns the exit status (0 after a signal, 1 when start-up failed).
    func run() -> Int32 {
        installSignalHandlers()
        do {
            try start()
        } catch {
            logger.error("start_failed", ["reason": String(describing: error)])
            return 1
        }
        exitSignal.wait()
        return 0
    }

    private func start() throws(ServeError) {
        let started = DispatchTime.now().uptimeNanoseconds
        // Timer priming only waits on a timer: let it run while the data loads (server.start()
        // then finds the descriptor and returns at once).
        DispatchQueue.global().async { UnixSocketServer.primeDispatchTimers() }
        let service: BotService
        do {
            service = try BotService(corpusDirectory: configuration.corpusDirectory,
                                     intentsDirectory: configuration.intentsDirectory, logger: logger,
                                     collectsNearest: configuration.unansweredLog != nil)
        } catch {
            throw .dataLoad(String(describing: error))
        }
        // The build's temporaries are freed but glibc keeps their pages: give them back, or the
        // daemon's RSS stays at the build's peak (2× the live heap for large corpora).
        _ = enquiry_release_free_heap()
        let listener = try openListener()
        let log = try configuration.unansweredLog.map { (path) throws(ServeError) in
            try UnansweredLog(path: path, capBytes: configuration.unansweredLogCap, logger: logger)
        }
        let reloads = makeReloadCoordinator(service)
        let controls = DaemonControls(access: .currentProcess, stats: stats, service: service, reloads: reloads)
        let observer = ReplyObservers(observers: [stats] + (log.map { [$0] } ?? []))
        let responder = LineResponder(codec: ProtocolCodec(maxLineBytes: configuration.maxLineBytes), answering: service,
                                      controls: controls, observer: observer)
        let server = UnixSocketServer(listener: listener, settings: .init(maxClients: configuration.maxClients),
                                      limits: configuration.connectionLimits, responder: responder, stats: stats, logger: logger,
                                      sessionEnded: { service.sessions.remove($0) })
        server.start()

        controlQueue.sync {
            self.listener = listener
            self.server = server
            self.reloads = reloads
            self.unansweredLog = log
            if configuration.stdin { stdinChannel = StdinChannel(responder: responder, logger: logger) }
            if let signal = stopRequested {
                beginStop(reason: signal)
                return
            }
            phase = .running
            let summary = service.summary
            let ms = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
            logger.info("ready", ["socket": listener.path, "activated": String(listener.isInherited), "pages": String(summary.pages),
                                  "intents": String(summary.intents), "startup_ms": String(format: "%.1f", ms)])
            SocketIO.writeAll(1, Array("ready socket=\(listener.path)\n".utf8))
            notifier.ready()
            stdinChannel?.start()
        }
    }

    /// The socket systemd passed in, else a new one at the configured path.
    private func openListener() throws(ServeError) -> ListeningSocket {
        if let passed = try SocketActivation.passedDescriptors(environment: environment, pid: getpid()) {
            SocketActivation.consumeEnvironment()
            if passed.count > 1 { logger.warning("socket_activation_extra_fds", ["count": String(passed.count), "using": "3"]) }
            return try ListeningSocket.adopt(fd: passed[0])
        }
        try prepareDefaultDirectory()
        return try ListeningSocket.bind(path: configuration.socketPath, mode: configuration.socketMode)
    }

    /// The `/tmp/enquiry-bot-$UID` fallback directory: created 0700, and refused unless it is ours
    /// and closed to others (anyone can create names in /tmp).
    private func prepareDefaultDirectory() throws(ServeError) {
        let directory = (configuration.socketPath as NSString).deletingLastPathComponent
        guard directory == ServeConfiguration.fallbackSocketDirectory(uid: getuid()) else { return }
        if mkdir(directory, 0o700) != 0 && errno != EEXIST {
            throw .systemCall(call: "mkdir", path: directory, errno: errno)
        }
        var st = stat()
        guard lstat(directory, &st) == 0 else { throw .systemCall(call: "lstat", path: directory, errno: errno) }
        guard (st.st_mode & S_IFMT) == S_IFDIR else { throw .unsafeDirectory(path: directory, reason: "is not a directory") }
        guard st.st_uid == getuid() else { throw .unsafeDirectory(path: directory, reason: "belongs to uid \(st.st_uid)") }
        guard st.st_mode & 0o022 == 0 else { throw .unsafeDirectory(path: directory, reason: "is writable by others") }
    }

    private func makeReloadCoordinator(_ service: BotService) -> ReloadCoordinator {
        ReloadCoordinator(
            reload: { try service.reload() },
            willReload: { [notifier, logger] in
                logger.info("reload_started")
                notifier.reloading()
            },
            didReload: { [notifier, logger, stats] outcome in
                switch outcome {
                case .succeeded(let data):
                    _ = enquiry_release_free_heap()  // the old engine and the build's temporaries
                    stats.reloadFinished(error: nil)
                    logger.info("reload_finished", ["result": "ok", "pages": String(data.pages), "intents": String(data.intents)])
                case .failed(let why):
                    stats.reloadFinished(error: why)
                    logger.warning("reload_finished", ["result": "failed", "reason": why, "serving": "previous data"])
                }
                notifier.ready()
            })
    }

    /// SIGHUP: reload off the serving path (coalesced). Runs on `controlQueue`.
    func requestReload(reason: String) {
        guard phase == .running, let reloads else {
            logger.info("reload_ignored", ["reason": reason, "phase": phase == .starting ? "starting" : "stopping"])
            return
        }
        logger.debug("reload_requested", ["by": reason])
        reloads.request()
    }

    /// SIGTERM/SIGINT. Runs on `controlQueue`.
    func requestStop(reason: String) {
        switch phase {
        case .starting: stopRequested = reason
        case .running: beginStop(reason: reason)
        case .stopping: logger.info("stop_in_progress", ["signal": reason])
        }
    }

    private func beginStop(reason: String) {
        phase = .stopping
        logger.info("stopping", ["signal": reason, "drain_seconds": String(configuration.shutdownTimeout)])
        notifier.stopping()
        listener?.removeSocketFile()
        controlQueue.asyncAfter(deadline: .now() + configuration.shutdownTimeout) { [self] in
            finish(drained: false)
        }
        guard let server else { return finish(drained: true) }
        server.stop { [self] in controlQueue.async { self.finish(drained: true) } }
    }

    private func finish(drained: Bool) {
        guard !finished else { return }
        finished = true
        if !drained { logger.warning("drain_timeout", ["open_connections": String(server?.connectionCount ?? 0)]) }
        // Let a stdin reply being written finish; keep the lock so no further one starts.
        _ = stdinChannel?.lineLock.lock(before: Date(timeIntervalSinceNow: 0.5))
        unansweredLog?.flush()
        logger.info("stopped")
        exitSignal.signal()
    }
}
