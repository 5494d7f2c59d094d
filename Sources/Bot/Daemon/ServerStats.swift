import Foundation

/// The daemon's counters, reported by `{"cmd":"stats"}`.
///
/// Shared by every connection queue, the answer queue and the reload queue, so every field is
/// guarded by `lock` (counter updates are a few instructions; a lock is cheaper than hopping to a
/// serial queue for each).
///
/// Reported object (`stats` member of the reply):
/// `uptime_seconds`; `connections` {`current`, `total`, `rejected`, `accept_errors`};
/// `queries` {`total`, `answered`, `declined`, `errors`, `by_intent`}; `answer_ms` {`p50`, `p99`,
/// `samples`} over the last 4096 answers; `disconnections` {`line_too_long`, `idle`,
/// `line_deadline`, `output_cap`}; `reloads` {`ok`, `failed`, `last_result`, `last_error`};
/// `data` {`pages`, `articles`, `facts`, `intents`, `skipped_pages`}.
final class ServerStats: ReplyObserver, @unchecked Sendable {
    /// The disconnection kinds, in report order (see `ConnectionRefusal.statsKey`).
    static let disconnectionKinds = ["line_too_long", "idle", "line_deadline", "output_cap"]
    /// How many recent answer times the percentiles are computed over.
    static let sampleCapacity = 4096
    /// Per-intent key for replies without an intent.
    static let noIntent = "(none)"

    private let lock = NSLock()
    private let startedAt = DispatchTime.now().uptimeNanoseconds
    private var connectionsCurrent = 0
    private var connectionsTotal = 0
    private var rejected = 0
    private var acceptErrors = 0
    private var queries = 0
    private var answered = 0
    private var declined = 0
    private var lineErrors = 0
    private var byIntent: [String: Int] = [:]
    private var samples: [Double] = []
    private var nextSample = 0
    private var disconnections: [String: Int] = [:]
    private var reloadsOK = 0
    private var reloadsFailed = 0
    private var lastReloadResult: String?
    private var lastReloadError: String?

    private func update(_ body: () -> Void) {
        lock.lock()
        body()
        lock.unlock()
    }

    /// A client connected and was kept.
    func connectionOpened() { update { connectionsCurrent += 1; connectionsTotal += 1 } }
    /// A kept client's connection closed.
    func connectionClosed() { update { connectionsCurrent -= 1 } }
    /// A client was refused at accept (max clients).
    func connectionRejected() { update { rejected += 1 } }
    /// `accept()` failed for lack of descriptors or memory.
    func acceptFailed() { update { acceptErrors += 1 } }
    /// A limit closed a connection; `kind` is a `disconnectionKinds` entry.
    func disconnected(kind: String) { update { disconnections[kind, default: 0] += 1 } }

    /// Records a reload outcome (`error` nil on success).
    func reloadFinished(error: String?) {
        update {
            if let error { reloadsFailed += 1; lastReloadResult = "failed"; lastReloadError = error } else { reloadsOK += 1; lastReloadResult = "ok" }
        }
    }

    /// Counts a query, its outcome and intent, and its answer time.
    func didAnswer(_ request: Request, reply: Reply, seconds: Double) {
        update {
            queries += 1
            if reply.fallback { declined += 1 } else { answered += 1 }
            byIntent[reply.intent ?? ServerStats.noIntent, default: 0] += 1
            if samples.count < ServerStats.sampleCapacity { samples.append(seconds) } else { samples[nextSample] = seconds }
            nextSample = (nextSample + 1) % ServerStats.sampleCapacity
        }
    }

    /// Counts a line that got an error reply.
    func didRefuse(_ error: LineError) { update { lineErrors += 1 } }

    /// The nearest-rank percentile `p` (0…1) of `sorted`, or 0 when empty.
    static func percentile(_ p: Double, of sorted: [Double]) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    /// The report, with `data` describing what is being served now.
    func snapshot(data: DataSummary) -> JSONValue {
        lock.lock()
        let sorted = samples.sorted()
        let uptime = Double(DispatchTime.now().uptimeNanoseconds - startedAt) / 1e9
        let report: JSONValue = .object([
            ("uptime_seconds", .double(uptime)),
            ("connections", .object([("current", .int(connectionsCurrent)), ("total", .int(connectionsTotal)),
                                     ("rejected", .int(rejected)), ("accept_errors", .int(acceptErrors))])),
            ("queries", .object([("total", .int(queries)), ("answered", .int(answered)), ("declined", .int(declined)),
                                 ("errors", .int(lineErrors)),
                                 ("by_intent", .object(byIntent.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) }))])),
            ("answer_ms", .object([("p50", .double(ServerStats.percentile(0.5, of: sorted) * 1000)),
                                   ("p99", .double(ServerStats.percentile(0.99, of: sorted) * 1000)),
                                   ("samples", .int(sorted.count))])),
            ("disconnections", .object(ServerStats.disconnectionKinds.map { ($0, .int(disconnections[$0, default: 0])) })),
            ("reloads", .object([("ok", .int(reloadsOK)), ("failed", .int(reloadsFailed)),
                                 ("last_result", lastReloadResult.map(JSONValue.string) ?? .null),
                                 ("last_error", lastReloadError.map(JSONValue.string) ?? .null)])),
            ("data", ServerStats.json(data)),
        ])
        lock.unlock()
        return report
    }

    /// A data summary as JSON (also used in reload replies).
    static func json(_ data: DataSummary) -> JSONValue {
        .object([("pages", .int(data.pages)), ("articles", .int(data.articles)), ("facts", .int(data.facts)),
                 ("intents", .int(data.intents)), ("skipped_pages", .array(data.skippedPages.map(JSONValue.string)))])
    }
}
