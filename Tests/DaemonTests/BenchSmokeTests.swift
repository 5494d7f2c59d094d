import Foundation
import Testing

/// `enquiry-bot bench --smoke` as CI runs it: every section with tiny counts, against the real
/// binary (which starts its own daemons). Checks the exit status, that each section printed, and
/// that the socket run had no errors; never a timing.
@Suite struct BenchSmokeTests {
    @Test func smokeRunsEverySection() throws {
        let workspace = try DaemonWorkspace()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Project.binary)
        process.arguments = ["bench", "--smoke", "--corpus", workspace.corpus, "--intents", workspace.intents]
        var environment = ProcessInfo.processInfo.environment
        for key in ["NOTIFY_SOCKET", "LISTEN_PID", "LISTEN_FDS", "ENQUIRY_BOT_UNANSWERED_LOG"] { environment.removeValue(forKey: key) }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes to the end before waiting, so neither can fill and stall the bench.
        let errors = Locked(Data())
        let errReader = Thread { errors.withLock { $0 = err.fileHandleForReading.readDataToEndOfFile() } }
        errReader.start()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errReader.isFinished { usleep(10_000) }
        let stderr = String(decoding: errors.current, as: UTF8.self)

        #expect(process.terminationStatus == 0, "stderr: \(stderr)")
        let table = String(decoding: output, as: UTF8.self)
        for heading in ["in-process ·", "socket ·", "start-up ·", "scale ·", "targets (reported, not asserted)"] {
            #expect(table.contains("\n" + heading), "missing \(heading) in:\n\(table)")
        }
        #expect(table.contains("smoke counts"))
        #expect(table.contains("(40 replies in"), "2 clients × 20 requests all answered")
        #expect(table.contains("\n  errors         0\n"), "socket errors must be 0")
        let scaleRow = table.split(separator: "\n").first { $0.hasPrefix("  10 ") }
        #expect(scaleRow?.contains("/") == true, "the 10-page row reports its accuracy")
        #expect(stderr.contains("bench: in-process") && stderr.contains("bench: scale: 10 pages"))
    }
}

/// A value shared between threads, guarded by a lock.
private final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<R>(_ body: (inout Value) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }

    var current: Value { withLock { $0 } }
}
