import Foundation

/// Everything one `enquiry-bot bench` run measured, section by section (a section not run is nil
/// or empty), and the targets it is compared with. Rendered as a table (`BenchReport+Table`) or
/// JSON (`BenchReport+JSON`); nothing here asserts a timing.
struct BenchReport: Sendable {
    /// The daemon of the socket section as `/proc` saw it at the end of the run.
    struct DaemonFigures: Sendable {
        var pid: pid_t
        /// VmHWM: highest RSS since the daemon started (covers its data load too).
        var peakBytes: Int
        var residentBytes: Int
        /// CPU it used during the measured run.
        var cpuSeconds: Double
    }

    /// The socket section: what the clients saw, and the daemon when we started it.
    struct SocketSection: Sendable {
        var result: SocketBench.Result
        /// nil with `--socket PATH` (someone else's daemon).
        var daemon: DaemonFigures?
        var stats: DaemonStats?
        /// Cores other processes kept busy meanwhile (`BackgroundLoad`).
        var backgroundCores: Double?
    }

    /// "release" or "debug": debug figures are not comparable with the targets.
    static var buildKind: String {
        #if DEBUG
        return "debug"
        #else
        return "release"
        #endif
    }

    var configuration: BenchConfiguration
    var build = BenchReport.buildKind
    var cores = ProcessInfo.processInfo.activeProcessorCount
    /// Pages and questions of the in-process and socket sections.
    var pages: Int
    var questions: Int
    var inProcess: InProcessBench.Result?
    /// Cores other processes kept busy during the in-process run.
    var inProcessBackgroundCores: Double?
    var socket: SocketSection?
    var startup: StartupBench.Result?
    /// The bundled mix's answer time on the bundled corpus, measured like each scale size's.
    var scaleBaseline: LatencyStats?
    var scaleBaselineBackgroundCores: Double?
    var scale: [ScaleBench.Result] = []

    /// True when something was wrong, not merely slow: socket errors, or a daemon that did not
    /// exit 0 on SIGTERM. (Accuracy and timings are reported, never judged here.)
    var hasFailures: Bool {
        (socket?.result.errors ?? 0) > 0 || (startup?.badExits ?? 0) > 0
    }

    init(configuration: BenchConfiguration, pages: Int, questions: Int) {
        self.configuration = configuration
        self.pages = pages
        self.questions = questions
    }
}

/// One target of the issue next to what was measured.
struct BenchTarget: Sendable {
    enum Bound: Sendable { case atMost, atLeast }

    var name: String
    var measured: Double
    var bound: Bound
    var limit: Double
    /// How to print both numbers (`µs`, `ms`, `MB`, `s`, `/s`, `×`, ``).
    var unit: String

    var met: Bool { bound == .atMost ? measured <= limit : measured >= limit }
}

extension BenchReport {
    /// The speed issue's targets for the sections that ran (release build, 2 cores). The p50 bar
    /// is 5× the Python BM25 peer's (about 65 µs here); `../shared/peers/ratio.sh` measures the
    /// ratio itself, side by side.
    var targets: [BenchTarget] {
        var t: [BenchTarget] = []
        if let r = inProcess {
            t.append(BenchTarget(name: "in-process p50", measured: r.latency.percentile(50), bound: .atMost, limit: 13, unit: "µs"))
            t.append(BenchTarget(name: "in-process p99", measured: r.latency.percentile(99), bound: .atMost, limit: 40, unit: "µs"))
        }
        if let s = socket {
            let label = "socket, \(s.result.settings.clients) clients"
            t.append(BenchTarget(name: label + ", answers/s", measured: s.result.answersPerSecond, bound: .atLeast, limit: 80_000, unit: "/s"))
            t.append(BenchTarget(name: label + ", p99 round trip", measured: s.result.roundTrip.percentile(99) / 1000,
                                 bound: .atMost, limit: 5, unit: "ms"))
            t.append(BenchTarget(name: label + ", errors", measured: Double(s.result.errors), bound: .atMost, limit: 0, unit: ""))
            if let d = s.daemon {
                t.append(BenchTarget(name: "daemon peak RSS", measured: Double(d.peakBytes) / 1e6, bound: .atMost, limit: 40, unit: "MB"))
            }
        }
        if let s = startup {
            t.append(BenchTarget(name: "exec → ready (median)", measured: s.median * 1000, bound: .atMost, limit: 50, unit: "ms"))
        }
        let base = scaleBaseline?.percentile(50) ?? 0
        for r in scale {
            let label = "\(r.pages) pages"
            t.append(BenchTarget(name: label + ", build", measured: r.buildSeconds, bound: .atMost, limit: 1.5, unit: "s"))
            t.append(BenchTarget(name: label + ", daemon RSS serving", measured: Double(r.residentBytes) / 1e6, bound: .atMost, limit: 120, unit: "MB"))
            t.append(BenchTarget(name: label + ", daemon peak RSS", measured: Double(r.peakBytes) / 1e6, bound: .atMost, limit: 400, unit: "MB"))
            if base > 0 {
                t.append(BenchTarget(name: label + ", p50 vs bundled", measured: r.mixLatency.percentile(50) / base,
                                     bound: .atMost, limit: 1.5, unit: "×"))
            }
            t.append(BenchTarget(name: label + ", p99", measured: r.mixLatency.percentile(99), bound: .atMost, limit: 100, unit: "µs"))
        }
        return t
    }
}
