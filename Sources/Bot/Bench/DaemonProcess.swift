import Foundation

/// The real `enquiry-bot serve`, started by a benchmark: spawned with `posix_spawn` (stdin
/// `/dev/null`, stdout and stderr on pipes), ready once its `ready socket=PATH` line arrives, and
/// stopped with SIGTERM (SIGKILL if it has not exited within the grace). Callers must `stop()` it;
/// `deinit` kills one that was forgotten.
///
/// The `ready` line is timed on the thread that reads it, the moment `read` returns, so
/// `startupSeconds` is exec → ready as a client would see it.
final class DaemonProcess: @unchecked Sendable {
    /// How a stop went.
    struct Exit: Sendable {
        /// The exit status, or nil when it had to be killed or ended by a signal.
        var status: Int32?
        /// SIGTERM → exit.
        var seconds: Double
    }

    /// Child process id.
    let pid: pid_t
    /// The socket the `ready` line announced.
    private(set) var socketPath = ""
    /// posix_spawn → `ready` line, seconds.
    private(set) var startupSeconds = 0.0

    private let spawnedAt: UInt64
    // Guarded by `condition`: what the reader threads saw.
    private let condition = NSCondition()
    private var readyLine: String?
    private var readyAt: UInt64 = 0
    private var stdoutClosed = false
    private var stderrTail: [String] = []
    private var stopped = false

    /// Variables a benchmark daemon must not inherit: systemd hand-over and the unanswered log.
    static let scrubbedEnvironment: Set<String> = ["NOTIFY_SOCKET", "LISTEN_PID", "LISTEN_FDS", "LISTEN_FDNAMES",
                                                    "ENQUIRY_BOT_UNANSWERED_LOG"]

    /// Starts `executable serve arguments…` and waits up to `readyTimeout` seconds for `ready`.
    static func start(executable: String, arguments: [String], readyTimeout: Double) throws(BenchError) -> DaemonProcess {
        let daemon = try DaemonProcess(executable: executable, arguments: ["serve"] + arguments)
        try daemon.waitUntilReady(timeout: readyTimeout)
        return daemon
    }

    private init(executable: String, arguments: [String]) throws(BenchError) {
        var out: [Int32] = [-1, -1], err: [Int32] = [-1, -1]
        guard pipe(&out) == 0 else { throw .spawn(executable: executable, errno: errno) }
        guard pipe(&err) == 0 else {
            let code = errno
            close(out[0]); close(out[1])
            throw .spawn(executable: executable, errno: code)
        }
        // Close-on-exec, so only the dup2 copies reach the child (pipe2 is not imported).
        for fd in out + err { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        // dup2 onto 1 and 2 clears close-on-exec there; the originals close at exec.
        posix_spawn_file_actions_adddup2(&actions, out[1], 1)
        posix_spawn_file_actions_adddup2(&actions, err[1], 2)

        let environment = ProcessInfo.processInfo.environment
            .filter { !DaemonProcess.scrubbedEnvironment.contains($0.key) }
            .map { "\($0.key)=\($0.value)" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { for p in argv + envp { free(p) } }
        // A clean signal state: nothing blocked, and the signals the daemon handles at default.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), defaults = sigset_t()
        sigemptyset(&none)
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGTERM, SIGINT, SIGHUP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var child: pid_t = 0
        let started = DispatchTime.now().uptimeNanoseconds
        let rc = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        close(out[1])
        close(err[1])
        guard rc == 0 else {
            close(out[0]); close(err[0])
            throw .spawn(executable: executable, errno: rc)
        }
        pid = child
        spawnedAt = started
        readLines(out[0], isStdout: true)
        readLines(err[0], isStdout: false)
    }

    deinit {
        if !stopped { kill(pid, SIGKILL); var status: Int32 = 0; _ = waitpid(pid, &status, 0) }
    }

    /// The last lines the daemon logged (for error messages).
    var recentStderr: [String] {
        condition.lock(); defer { condition.unlock() }
        return stderrTail
    }

    /// Memory and CPU now.
    var usage: ProcessUsage? { ProcessUsage.read(pid: pid) }

    /// `startup_ms` from the daemon's own `ready` log line (data load, listener), when it logs at
    /// info level. The line is written just before `ready`, but on another pipe: wait a little.
    func loggedStartupMilliseconds(wait: Double = 0.5) -> Double? {
        let deadline = Date(timeIntervalSinceNow: wait)
        condition.lock()
        defer { condition.unlock() }
        while true {
            for line in stderrTail.reversed() where line.contains("event=ready") {
                guard let field = line.split(separator: " ").first(where: { $0.hasPrefix("startup_ms=") }) else { continue }
                return Double(field.dropFirst("startup_ms=".count))
            }
            if !condition.wait(until: deadline) { return nil }
        }
    }

    private func waitUntilReady(timeout: Double) throws(BenchError) {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        while readyLine == nil && !stdoutClosed {
            if !condition.wait(until: deadline) { break }
        }
        let line = readyLine, at = readyAt
        condition.unlock()
        guard let line else {
            let reason = stdoutClosed ? "it exited" : "no ready line within \(timeout) s"
            let tail = recentStderr
            _ = stop(grace: 1)
            throw .daemonNotReady(reason: reason, stderr: tail)
        }
        socketPath = String(line.dropFirst("ready socket=".count))
        startupSeconds = Double(at - spawnedAt) / 1e9
    }

    /// SIGTERM, then SIGKILL after `grace` seconds; reaps the child.
    @discardableResult
    func stop(grace: Double = 5) -> Exit {
        guard !stopped else { return Exit(status: nil, seconds: 0) }
        stopped = true
        let t0 = DispatchTime.now().uptimeNanoseconds
        kill(pid, SIGTERM)
        var status: Int32 = 0
        let deadline = t0 + UInt64(grace * 1e9)
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid || (r < 0 && errno != EINTR) { break }
            if DispatchTime.now().uptimeNanoseconds > deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                return Exit(status: nil, seconds: grace)
            }
            usleep(2000)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        // WIFEXITED / WEXITSTATUS by hand (macros are not imported).
        let exited = status & 0x7F == 0
        return Exit(status: exited ? (status >> 8) & 0xFF : nil, seconds: seconds)
    }

    /// One thread per pipe, reading lines until EOF: stdout for `ready`, stderr's tail for errors.
    private func readLines(_ fd: Int32, isStdout: Bool) {
        let thread = Thread { [self] in
            var pending: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 16 << 10)
            while true {
                let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                let now = DispatchTime.now().uptimeNanoseconds
                pending.append(contentsOf: chunk[0..<n])
                while let newline = pending.firstIndex(of: 0x0A) {
                    let line = String(decoding: pending[..<newline], as: UTF8.self)
                    pending.removeSubrange(...newline)
                    lineArrived(line, isStdout: isStdout, at: now)
                }
            }
            close(fd)
            condition.lock()
            if isStdout { stdoutClosed = true }
            condition.broadcast()
            condition.unlock()
        }
        thread.start()
    }

    private func lineArrived(_ line: String, isStdout: Bool, at time: UInt64) {
        condition.lock()
        defer { condition.unlock() }
        if isStdout {
            if readyLine == nil && line.hasPrefix("ready socket=") {
                readyLine = line
                readyAt = time
                condition.broadcast()
            }
        } else {
            stderrTail.append(line)
            if stderrTail.count > 40 { stderrTail.removeFirst(stderrTail.count - 40) }
            condition.broadcast()
        }
    }
}
