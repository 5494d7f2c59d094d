import Foundation

/// Where the package lives (for the bundled corpus) and the built binary.
enum Project {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// `enquiry-bot` next to the test bundle (`.build/<config>/`), which `swift test` builds.
    static let binary: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let besideTests = URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("enquiry-bot").path
        if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
        return root + "/.build/debug/enquiry-bot"
    }()

    /// Full path of a helper tool, or nil when it is not installed (tests then skip).
    static func tool(_ name: String) -> String? {
        ["/usr/bin/", "/bin/", "/usr/local/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// A fresh temp dir with its own corpus (the bundled pages) and intents (the bundled files, if any).
final class DaemonWorkspace {
    let path: String
    var corpus: String { path + "/corpus" }
    var intents: String { path + "/intents" }
    var socket: String { path + "/s.sock" }

    init() throws {
        var template = Array("/tmp/ebd-XXXXXX".utf8CString)
        path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        try fm.createDirectory(atPath: intents, withIntermediateDirectories: true)
        for (from, to, ext) in [(Project.root + "/corpus", corpus, ".txt"), (Project.root + "/intents", intents, ".json")] {
            for name in (try? fm.contentsOfDirectory(atPath: from)) ?? [] where name.hasSuffix(ext) {
                try fm.copyItem(atPath: from + "/" + name, toPath: to + "/" + name)
            }
        }
    }

    deinit {
        chmod(intents, 0o755)
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// The real `enquiry-bot serve`, started in a workspace; ready once its `ready` line is read.
/// Always stop it (`withDaemon` does, whatever the test does); `deinit` kills a forgotten one.
final class RunningDaemon: @unchecked Sendable {
    let workspace: DaemonWorkspace
    let process = Process()
    /// The socket path announced on the `ready` line.
    private(set) var socketPath = ""
    private let stdinPipe = Pipe()
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var stdoutLines: [String] = []
    private var stderrLines: [String] = []
    private var stdoutClosed = false
    private var stderrClosed = false
    private var exited = false

    var pid: Int32 { process.processIdentifier }

    /// Launches `[wrapper…] enquiry-bot serve --socket … --corpus … --intents … arguments…`.
    init(workspace: DaemonWorkspace, arguments: [String], environment: [String: String] = [:], wrapper: [String] = [],
         defaultSocket: Bool = true) throws {
        self.workspace = workspace
        var args = ["serve", "--corpus", workspace.corpus, "--intents", workspace.intents]
        if defaultSocket { args += ["--socket", workspace.socket] }
        args += arguments
        if let tool = wrapper.first {
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = Array(wrapper.dropFirst()) + [Project.binary] + args
        } else {
            process.executableURL = URL(fileURLWithPath: Project.binary)
            process.arguments = args
        }
        var env = ProcessInfo.processInfo.environment
        for key in ["NOTIFY_SOCKET", "LISTEN_PID", "LISTEN_FDS", "ENQUIRY_BOT_UNANSWERED_LOG"] { env.removeValue(forKey: key) }
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdinPipe
        process.terminationHandler = { [weak self] _ in
            guard let self else { return }
            condition.lock()
            exited = true
            condition.broadcast()
            condition.unlock()
        }
        try process.run()
        collect(out.fileHandleForReading.fileDescriptor, isStdout: true)
        collect(err.fileHandleForReading.fileDescriptor, isStdout: false)
    }

    deinit {
        if process.isRunning { kill(pid, SIGKILL) }
    }

    private func collect(_ fd: Int32, isStdout: Bool) {
        Thread { [self] in
            var pending: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                pending.append(contentsOf: chunk[0..<n])
                while let newline = pending.firstIndex(of: 0x0A) {
                    let line = String(decoding: pending[..<newline], as: UTF8.self)
                    pending.removeFirst(newline + 1)
                    condition.lock()
                    if isStdout { stdoutLines.append(line) } else { stderrLines.append(line) }
                    condition.broadcast()
                    condition.unlock()
                }
            }
            condition.lock()
            if isStdout { stdoutClosed = true } else { stderrClosed = true }
            condition.broadcast()
            condition.unlock()
        }.start()
    }

    /// Waits until `predicate` holds over the collected output, or `timeout` passes.
    private func wait(timeout: Double, _ predicate: () -> Bool) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while !predicate() {
            if !condition.wait(until: deadline) { return predicate() }
        }
        return true
    }

    /// Waits for `ready socket=PATH` on stdout. Throws with stderr when the daemon dies first.
    func waitUntilReady(timeout: Double = 60) throws {
        var line: String?
        let ok = wait(timeout: timeout) {
            line = stdoutLines.first { $0.hasPrefix("ready socket=") }
            return line != nil || stdoutClosed || exited
        }
        guard ok, let line else {
            throw HarnessError.notReady(stderr: stderr.joined(separator: "\n"))
        }
        socketPath = String(line.dropFirst("ready socket=".count))
    }

    /// Lines the daemon wrote to stdout (the `ready` line, `--stdin` replies).
    var stdout: [String] { condition.lock(); defer { condition.unlock() }; return stdoutLines }
    /// Log lines so far.
    var stderr: [String] { condition.lock(); defer { condition.unlock() }; return stderrLines }

    /// Waits until `count` log lines contain `text`.
    @discardableResult
    func waitForLog(_ text: String, count: Int = 1, timeout: Double = 20) -> Bool {
        wait(timeout: timeout) { stderrLines.filter { $0.contains(text) }.count >= count }
    }

    /// Waits until stdout has `count` lines.
    @discardableResult
    func waitForStdout(lines count: Int, timeout: Double = 20) -> Bool {
        wait(timeout: timeout) { stdoutLines.count >= count }
    }

    /// Writes to the daemon's stdin (`--stdin`).
    func writeStdin(_ text: String) { stdinPipe.fileHandleForWriting.write(Data(text.utf8)) }
    /// Closes the daemon's stdin.
    func closeStdin() { try? stdinPipe.fileHandleForWriting.close() }

    /// Sends `signal` (e.g. SIGHUP).
    func signal(_ signal: Int32) { kill(pid, signal) }

    /// Waits for the process to end and its output to be collected; its exit status, or nil on
    /// timeout.
    func waitForExit(timeout: Double = 10) -> Int32? {
        guard wait(timeout: timeout, { exited }) else { return nil }
        _ = wait(timeout: 5) { stdoutClosed && stderrClosed }
        return process.terminationStatus
    }

    /// SIGTERM and wait (SIGKILL after `timeout`); the exit status, nil if it had to be killed.
    @discardableResult
    func stop(timeout: Double = 10) -> Int32? {
        guard process.isRunning else { return waitForExit(timeout: 1) }
        kill(pid, SIGTERM)
        if let status = waitForExit(timeout: timeout) { return status }
        kill(pid, SIGKILL)
        _ = waitForExit(timeout: 5)
        return nil
    }

    /// A new connection to the daemon.
    func connect() throws -> TestClient { try TestClient(path: socketPath) }

    /// One request on a fresh connection; its reply line.
    func ask(_ line: String) throws -> String? {
        let client = try connect()
        return try client.ask(line)
    }

    /// `{"cmd":"stats"}` on a fresh connection.
    func stats() throws -> [String: Any] {
        let client = try connect()
        guard let reply = json(try client.ask(#"{"cmd":"stats"}"#)), let stats = reply["stats"] as? [String: Any] else {
            throw HarnessError.badReply("stats")
        }
        return stats
    }

    /// Number of open descriptors (`/proc/PID/fd`).
    func openDescriptors() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count) ?? -1
    }

    /// User + system CPU time so far, in clock ticks (`/proc/PID/stat`).
    func cpuTicks() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return -1 }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // After the command: state is field 3; utime and stime are fields 14 and 15.
        return (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)
    }
}

enum HarnessError: Error, CustomStringConvertible {
    case notReady(stderr: String)
    case badReply(String)
    case failed(Error, stderr: [String])

    var description: String {
        switch self {
        case .notReady(let stderr): return "daemon did not print its ready line; stderr:\n\(stderr)"
        case .badReply(let what): return "unexpected reply to \(what)"
        case let .failed(error, stderr): return "\(error)\ndaemon log (last lines):\n" + stderr.suffix(30).joined(separator: "\n")
        }
    }
}

/// Starts a daemon in a fresh workspace, waits for `ready`, runs `body`, and always stops it.
func withDaemon<T>(_ arguments: [String] = [], environment: [String: String] = [:], wrapper: [String] = [],
                   defaultSocket: Bool = true, prepare: (DaemonWorkspace) throws -> Void = { _ in },
                   _ body: (RunningDaemon) throws -> T) throws -> T {
    let workspace = try DaemonWorkspace()
    try prepare(workspace)
    let daemon = try RunningDaemon(workspace: workspace, arguments: arguments, environment: environment, wrapper: wrapper,
                                   defaultSocket: defaultSocket)
    defer { daemon.stop() }
    try daemon.waitUntilReady()
    do {
        return try body(daemon)
    } catch {
        throw HarnessError.failed(error, stderr: daemon.stderr)
    }
}
