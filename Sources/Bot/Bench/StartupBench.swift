import Foundation

/// Start-up time: starts `serve` on a fresh socket `repeats` times and times exec → `ready` line;
/// each run is stopped with SIGTERM before the next starts.
struct StartupBench {
    /// Medians over the runs.
    struct Result: Sendable {
        var runs: Int
        /// exec → `ready`, seconds, one per run.
        var readySeconds: [Double]
        /// The daemon's own `startup_ms` (data load to listening), one per run that logged it.
        var loggedMilliseconds: [Double]
        /// RSS right after `ready`, bytes (median).
        var residentBytes: Int
        /// SIGTERM → exit, seconds, one per run.
        var stopSeconds: [Double]
        /// Runs that did not exit 0 after SIGTERM.
        var badExits: Int

        var median: Double { StartupBench.median(readySeconds) }
    }

    let executable: String
    /// `--corpus`, `--intents` and other `serve` options.
    let serveArguments: [String]

    func run(repeats: Int) throws(BenchError) -> Result {
        var ready: [Double] = [], logged: [Double] = [], stops: [Double] = [], rss: [Double] = []
        var badExits = 0
        for _ in 0..<repeats {
            let directory = try BenchDirectory(prefix: "enquiry-bench")
            let daemon = try DaemonProcess.start(executable: executable,
                                                 arguments: ["--socket", directory.path + "/s.sock", "--log-level", "info"] + serveArguments,
                                                 readyTimeout: 120)
            ready.append(daemon.startupSeconds)
            if let usage = daemon.usage { rss.append(Double(usage.residentBytes)) }
            if let ms = daemon.loggedStartupMilliseconds() { logged.append(ms) }
            let exit = daemon.stop()
            stops.append(exit.seconds)
            if exit.status != 0 { badExits += 1 }
        }
        return Result(runs: repeats, readySeconds: ready, loggedMilliseconds: logged,
                      residentBytes: Int(StartupBench.median(rss)), stopSeconds: stops, badExits: badExits)
    }

    /// The middle value (mean of the two middle ones for an even count); 0 when empty.
    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let s = values.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}
