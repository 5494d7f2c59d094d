import Foundation

/// Drives a daemon over its Unix socket: `clients` connections, each on its own thread (a serial
/// Dispatch queue, so a thread of its own) with a blocking socket, sends `requestsPerClient`
/// JSON requests pipelined `window` deep — it never has more than `window` requests without a
/// reply, and tops the window up with one `send` after each `read`.
///
/// A request's round trip runs from the `send` that carried it to the `read` that completed its
/// reply line. An error is any reply that is not an answer to the request it should follow (an
/// error reply, an id out of order) and every request left without a reply (connect failure,
/// closed connection, timeout). Throughput counts good replies over the wall time from the moment
/// every client was connected to the last reply.
struct SocketBench {
    /// How hard to drive the daemon.
    struct Settings: Sendable {
        var clients = 16
        var requestsPerClient = 2000
        var window = 4
        /// Seconds a client waits for a reply before counting the rest as errors.
        var timeout = 30.0
    }

    /// What the clients measured.
    struct Result: Sendable {
        var settings: Settings
        /// Good replies.
        var replies: Int
        var errors: Int
        /// The first error, for the report.
        var firstError: String?
        var seconds: Double
        var roundTrip: LatencyStats
        /// CPU the benchmark process used meanwhile (its clients compete with the daemon for cores).
        var clientCPUSeconds: Double

        var answersPerSecond: Double { seconds > 0 ? Double(replies) / seconds : 0 }
    }

    let socketPath: String
    let questions: [String]

    /// Runs the clients and waits for all of them.
    func run(_ settings: Settings) -> Result {
        precondition(!questions.isEmpty && settings.clients > 0 && settings.window > 0)
        let encoded = questions.map { q -> [UInt8] in
            var out: [UInt8] = []
            JSONLine.encodeString(q, into: &out)
            return out
        }
        let clients = (0..<settings.clients).map { c in
            PipelinedClient(requests: settings.requestsPerClient, offset: c * 7, questions: encoded)
        }
        let connected = DispatchGroup(), finished = DispatchGroup()
        let go = DispatchSemaphore(value: 0)
        for (c, client) in clients.enumerated() {
            connected.enter()
            finished.enter()
            DispatchQueue(label: "enquiry-bot.bench.client.\(c)").async { [socketPath] in
                let fd = client.connect(socketPath, timeout: settings.timeout)
                connected.leave()
                go.wait()
                client.run(fd, window: settings.window)
                finished.leave()
            }
        }
        connected.wait()
        let cpu0 = ProcessUsage.ownCPUSeconds()
        let t0 = DispatchTime.now().uptimeNanoseconds
        for _ in clients { go.signal() }
        finished.wait()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        let cpu = ProcessUsage.ownCPUSeconds() - cpu0
        var samples: [UInt64] = []
        samples.reserveCapacity(settings.clients * settings.requestsPerClient)
        for client in clients { samples.append(contentsOf: client.samples) }
        return Result(settings: settings, replies: clients.reduce(0) { $0 + $1.good }, errors: clients.reduce(0) { $0 + $1.errors },
                      firstError: clients.lazy.compactMap(\.firstError).first, seconds: seconds,
                      roundTrip: LatencyStats(samples), clientCPUSeconds: cpu)
    }
}

/// One connection's run. Touched only by its own queue until `finished` is waited for.
private final class PipelinedClient: @unchecked Sendable {
    /// Every request line back to back (`{"id":N,"text":…}\n`), and where each starts.
    private let bytes: [UInt8]
    private let starts: [Int]
    private var sentAt: [UInt64]
    private(set) var samples: [UInt64] = []
    private(set) var good = 0
    private(set) var errors = 0
    private(set) var firstError: String?

    init(requests: Int, offset: Int, questions: [[UInt8]]) {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        for n in 0..<requests {
            starts.append(bytes.count)
            bytes.append(contentsOf: "{\"id\":\(n),\"text\":".utf8)
            bytes.append(contentsOf: questions[(n + offset) % questions.count])
            bytes.append(contentsOf: "}\n".utf8)
        }
        starts.append(bytes.count)
        self.bytes = bytes
        self.starts = starts
        sentAt = Array(repeating: 0, count: requests)
        samples.reserveCapacity(requests)
    }

    private var total: Int { starts.count - 1 }

    /// A connected blocking socket, or -1 (every request then counts as an error).
    func connect(_ path: String, timeout: Double) -> Int32 {
        do {
            return try SocketClient.connect(to: path, timeout: timeout)
        } catch {
            fail(total, error.description)
            return -1
        }
    }

    func run(_ fd: Int32, window: Int) {
        guard fd >= 0 else { return }
        defer { close(fd) }
        var sent = 0, received = 0
        var buffer = [UInt8](repeating: 0, count: 256 << 10)
        var filled = 0
        while received < total {
            let target = min(total, received + window)
            if target > sent {
                guard send(fd, from: sent, to: target) else { return fail(total - received, "send: \(SocketIO.describe(errno))") }
                sent = target
            }
            if filled == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
            let result = buffer.withUnsafeMutableBytes { SocketIO.read(fd, into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...])) }
            let now = DispatchTime.now().uptimeNanoseconds
            switch result {
            case .bytes(let n): filled += n
            case .endOfFile: return fail(total - received, "connection closed after \(received) replies")
            case .wouldBlock: return fail(total - received, "no reply within the timeout after \(received) replies")
            case .failed(let code): return fail(total - received, "read: \(SocketIO.describe(code))")
            }
            buffer.withUnsafeMutableBytes { raw in
                let base = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
                var lineStart = 0
                while received < total, let hit = memchr(base + lineStart, 0x0A, filled - lineStart) {
                    let newline = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    check(UnsafeBufferPointer(start: base + lineStart, count: newline - lineStart), id: received)
                    samples.append(now - sentAt[received])
                    received += 1
                    lineStart = newline + 1
                }
                if lineStart > 0 {
                    memmove(base, base + lineStart, filled - lineStart)
                    filled -= lineStart
                }
            }
        }
    }

    /// Sends requests `first..<end` with one `send` (more if the kernel takes part of it).
    private func send(_ fd: Int32, from first: Int, to end: Int) -> Bool {
        let now = DispatchTime.now().uptimeNanoseconds
        for n in first..<end { sentAt[n] = now }
        var offset = starts[first]
        while offset < starts[end] {
            let result = bytes.withUnsafeBytes { SocketIO.send(fd, UnsafeRawBufferPointer(rebasing: $0[offset..<starts[end]])) }
            guard case .bytes(let n) = result else { return false }
            offset += n
        }
        return true
    }

    private static let head = Array("{\"id\":".utf8)
    private static let tail = Array(",\"answer\":".utf8)

    /// A good reply starts `{"id":N,"answer":` (the codec writes `id` then `answer` first).
    /// Checked without allocating: the clients share the cores with the daemon.
    private func check(_ line: UnsafeBufferPointer<UInt8>, id: Int) {
        var i = PipelinedClient.head.count
        var value = 0, digits = 0
        if line.starts(with: PipelinedClient.head) {
            while i < line.count, line[i] >= 0x30, line[i] <= 0x39, digits < 18 {
                value = value * 10 + Int(line[i] - 0x30)
                digits += 1
                i += 1
            }
        }
        if digits > 0, value == id, line[i...].starts(with: PipelinedClient.tail) {
            good += 1
        } else {
            fail(1, "reply \(id): " + String(decoding: line.prefix(160), as: UTF8.self))
        }
    }

    private func fail(_ count: Int, _ why: String) {
        errors += count
        if firstError == nil { firstError = why }
    }
}
