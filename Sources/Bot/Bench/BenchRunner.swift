import Foundation

/// Runs the selected benchmarks in a fixed order — in-process, socket, start-up, scale — and
/// collects one `BenchReport`. Progress lines go to `progress` (stderr), never into the report.
struct BenchRunner {
    let configuration: BenchConfiguration
    let progress: @Sendable (String) -> Void

    func run() throws -> BenchReport {
        let c = configuration
        let service = try BotService(corpusDirectory: c.corpusDirectory, intentsDirectory: c.intentsDirectory,
                                     logger: Logger(minimumLevel: .warning))
        let questions = try c.questionsFile.map(BenchQuestions.load) ?? BenchQuestions.defaultMix(service)
        guard !questions.isEmpty else { throw UsageError(message: "no questions to run") }
        var report = BenchReport(configuration: c, pages: service.summary.pages, questions: questions.count)

        if c.inProcess {
            progress("in-process: \(questions.count) questions × \(c.iterations)")
            let load = BackgroundLoad()
            report.inProcess = InProcessBench(service: service, questions: questions).run(iterations: c.iterations)
            report.inProcessBackgroundCores = load.otherCores()
        }
        if c.socket {
            progress("socket: \(c.clients) clients × \(c.requestsPerClient) requests, \(c.window) in flight each")
            report.socket = try runSocket(questions)
        }
        if c.startup {
            progress("start-up: \(c.startupRepeats) runs")
            report.startup = try StartupBench(executable: c.executable, serveArguments: dataArguments).run(repeats: c.startupRepeats)
        }
        if !c.scaleSizes.isEmpty {
            // The mix's answer time on the bundled corpus, measured the same way as on each size.
            let mix = BenchQuestions.defaultMix(service)
            let load = BackgroundLoad()
            report.scaleBaseline = InProcessBench(service: service, questions: mix)
                .run(iterations: c.scaleIterations, allCores: false).latency
            report.scaleBaselineBackgroundCores = load.otherCores()
            let scale = ScaleBench(generator: try CorpusGenerator.reading(directory: c.corpusDirectory), executable: c.executable,
                                   intentsDirectory: c.intentsDirectory, mix: mix, iterations: c.scaleIterations,
                                   keepPagesIn: c.pagesDirectory)
            for size in c.scaleSizes {
                progress("scale: \(size) pages")
                report.scale.append(try scale.run(pages: size))
            }
        }
        return report
    }

    private var dataArguments: [String] {
        ["--corpus", configuration.corpusDirectory, "--intents", configuration.intentsDirectory]
    }

    /// The socket section against `--socket PATH`, or against a daemon of our own: warmed up with
    /// one pass over the questions, then measured; memory and CPU read from `/proc` at the end.
    private func runSocket(_ questions: [String]) throws -> BenchReport.SocketSection {
        let c = configuration
        let settings = SocketBench.Settings(clients: c.clients, requestsPerClient: c.requestsPerClient, window: c.window)
        if let path = c.socketPath {
            let result = SocketBench(socketPath: path, questions: questions).run(settings)
            // Someone else's daemon: its CPU counts as background here.
            return BenchReport.SocketSection(result: result, daemon: nil, stats: DaemonStats.fetch(socketPath: path))
        }
        let directory = try BenchDirectory(prefix: "enquiry-bench")
        let daemon = try DaemonProcess.start(executable: c.executable,
                                             arguments: ["--socket", directory.path + "/s.sock", "--log-level", "warning",
                                                         "--max-clients", String(max(256, c.clients + 4))] + dataArguments,
                                             readyTimeout: 120)
        defer { daemon.stop() }
        let bench = SocketBench(socketPath: daemon.socketPath, questions: questions)
        _ = bench.run(.init(clients: 1, requestsPerClient: questions.count, window: c.window))
        let before = daemon.usage
        let load = BackgroundLoad()
        let result = bench.run(settings)
        let after = daemon.usage
        let stats = DaemonStats.fetch(socketPath: daemon.socketPath)
        let figures = BenchReport.DaemonFigures(pid: daemon.pid, peakBytes: after?.peakBytes ?? 0, residentBytes: after?.residentBytes ?? 0,
                                                cpuSeconds: (after?.cpuSeconds ?? 0) - (before?.cpuSeconds ?? 0))
        return BenchReport.SocketSection(result: result, daemon: figures, stats: stats,
                                         backgroundCores: load.otherCores(daemonCPUSeconds: figures.cpuSeconds))
    }
}
