import Foundation

/// The bot on a larger corpus: for one size, `CorpusGenerator` writes the pages to a temp dir, then
/// 1. a daemon serves them: exec → `ready` (includes its knowledge-base build), then its RSS after
///    answering the generated questions over the socket, and its peak RSS (VmHWM: the build's);
/// 2. in-process: the knowledge-base build time (`BotService` load), answer time on the bundled
///    question mix (comparable with the bundled corpus's) and on the generated questions, and the
///    accuracy on those: an answer is right when it is not a decline and contains the expected text.
///
/// The daemon is stopped before the in-process build, so the two never share the cores.
struct ScaleBench {
    /// One size's figures.
    struct Result: Sendable {
        var pages: Int
        var questions: Int
        var correct: Int
        /// Up to five wrong answers: question, expected, answer.
        var misses: [(question: String, expected: String, answer: String)]
        var buildSeconds: Double
        var daemonReadySeconds: Double
        /// The daemon's RSS after answering the generated questions (serving, after its build).
        var residentBytes: Int
        /// Its VmHWM then: the highest RSS since exec, i.e. during the knowledge-base build.
        var peakBytes: Int
        /// The bundled question mix against this corpus.
        var mixLatency: LatencyStats
        /// Each generated question once.
        var generatedLatency: LatencyStats
        /// Cores other processes kept busy during the in-process part.
        var backgroundCores: Double?

        var accuracy: Double { questions > 0 ? Double(correct) / Double(questions) : 0 }
    }

    let generator: CorpusGenerator
    let executable: String
    let intentsDirectory: String
    /// The bundled question mix.
    let mix: [String]
    /// Rounds over the mix.
    let iterations: Int
    /// When set, the pages are written to `<this>/<size>/` and kept.
    var keepPagesIn: String? = nil

    func run(pages: Int) throws(BenchError) -> Result {
        let directory = try BenchDirectory(prefix: "enquiry-bench-scale")
        let corpusDirectory = keepPagesIn.map { "\($0)/\(pages)" } ?? directory.path + "/corpus"
        let corpus = generator.generate(pageCount: pages)
        try generator.write(corpus, to: corpusDirectory)
        let questions = corpus.questions.map(\.text)

        // 1. The daemon's start-up and memory on this corpus.
        let daemon = try DaemonProcess.start(executable: executable,
                                             arguments: ["--socket", directory.path + "/s.sock", "--corpus", corpusDirectory,
                                                         "--intents", intentsDirectory, "--log-level", "warning"],
                                             readyTimeout: 600)
        let afterReady = daemon.usage  // fallback only: after the run is what is reported
        let asked = questions.isEmpty ? mix : questions
        _ = SocketBench(socketPath: daemon.socketPath, questions: asked)
            .run(.init(clients: 2, requestsPerClient: max(1, (asked.count + 1) / 2), window: 4, timeout: 120))
        let afterLoad = daemon.usage
        daemon.stop()

        // 2. In-process build, answer time and accuracy.
        let load = BackgroundLoad()
        let t0 = DispatchTime.now().uptimeNanoseconds
        let service: BotService
        do {
            service = try BotService(corpusDirectory: corpusDirectory, intentsDirectory: intentsDirectory,
                                     logger: Logger(minimumLevel: .error))
        } catch {
            throw .dataLoad(String(describing: error))
        }
        let build = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        let mixRun = InProcessBench(service: service, questions: mix).run(iterations: iterations, allCores: false)
        var samples: [UInt64] = []
        var correct = 0
        var misses: [(String, String, String)] = []
        for (k, q) in corpus.questions.enumerated() {
            let t = DispatchTime.now().uptimeNanoseconds
            let reply = service.answer(Request(id: nil, text: q.text, session: nil), defaultSession: "scale-\(k)")
            samples.append(DispatchTime.now().uptimeNanoseconds - t)
            if !reply.fallback && reply.answer.contains(q.expected) {
                correct += 1
            } else if misses.count < 5 {
                misses.append((q.text, q.expected, reply.answer))
            }
        }
        return Result(pages: pages, questions: corpus.questions.count, correct: correct, misses: misses,
                      buildSeconds: build, daemonReadySeconds: daemon.startupSeconds,
                      residentBytes: afterLoad?.residentBytes ?? afterReady?.residentBytes ?? 0,
                      peakBytes: afterLoad?.peakBytes ?? afterReady?.peakBytes ?? 0,
                      mixLatency: mixRun.latency, generatedLatency: LatencyStats(samples), backgroundCores: load.otherCores())
    }
}
