import Foundation

/// `enquiry-bot bench`: arguments → `BenchConfiguration` (validated once) → `BenchRunner` → a
/// table or `--json` on stdout; progress on stderr. Exit status 0 when the benchmarks ran (slow
/// is not a failure), 1 when something was wrong (socket errors, a daemon that did not exit 0),
/// 2 for usage errors or when a benchmark could not run.
enum BenchCommand {
    /// `enquiry-bot bench --help`.
    static let usage = """
    usage: enquiry-bot bench [sections] [options]

    sections (none named: --in-process --socket-bench --startup):
      --in-process             answer the questions N times in this process: p50/p90/p99 µs,
                               answers/s on one thread and on every core
      --socket-bench           start a daemon (or use --socket PATH), K connections each
                               pipelining M requests: answers/s, p50/p99 round trip, errors,
                               the daemon's peak RSS
      --startup                exec → `ready` of a daemon on the corpus, median of R runs
      --scale SIZES            generated corpora of SIZES pages (e.g. 100,1000; at most \(CorpusGenerator.maxPages)):
                               build time, RSS, answer time, accuracy on generated questions
      --all                    every section; --scale defaults to 100,1000

    options (default in brackets):
      --questions FILE         question lines or JSON lines with "q"/"text" [every intent's
                               examples, filled from the knowledge base]
      --iterations N           rounds over the questions in-process [200]
      --clients K              socket connections [16]
      --requests M             requests per connection [2000]
      --window W               requests in flight per connection, 1…1000 [4]
      --repeats R              start-up runs [5]
      --socket PATH            drive this running daemon instead of starting one
      --keep-pages DIR         write the generated pages to DIR/<size>/ and keep them
                               (e.g. to profile `enquiry-bot kb --corpus DIR/1000`)
      --corpus DIR, --intents DIR   data [bundled]
      --smoke                  tiny counts for CI (2 rounds, 2×20 requests, 1 start, 10 pages)
      --json                   one JSON object instead of the table
    """

    static func run(_ args: [String]) throws -> Int32 {
        if args.contains("--help") || args.contains("-h") {
            print(usage)
            return 0
        }
        let configuration = try configuration(from: args)
        let report = try BenchRunner(configuration: configuration, progress: { line in
            FileHandle.standardError.write(Data(("bench: " + line + "\n").utf8))
        }).run()
        print(configuration.json ? JSONLine.encode(report.json()) : report.table())
        return report.hasFailures ? 1 : 0
    }

    /// Parses and validates the options; problems are `UsageError`s naming the option.
    static func configuration(from args: [String]) throws -> BenchConfiguration {
        var scanner = ArgumentScanner(args)
        let all = scanner.flag("--all")
        var inProcess = scanner.flag("--in-process")
        var socket = scanner.flag("--socket-bench")
        var startup = scanner.flag("--startup")
        let sizes = try scanner.option("--scale").map(BenchConfiguration.parseSizes)
        let smoke = scanner.flag("--smoke")
        var c = BenchConfiguration(corpusDirectory: DataLocations.corpus(explicit: try scanner.option("--corpus")),
                                   intentsDirectory: DataLocations.intents(explicit: try scanner.option("--intents")),
                                   executable: BenchConfiguration.currentExecutable())
        if smoke { c.applySmokeCounts() }
        let named = inProcess || socket || startup || sizes != nil
        if all || !named {
            inProcess = true
            socket = true
            startup = true
        }
        c.inProcess = inProcess
        c.socket = socket
        c.startup = startup
        c.scaleSizes = sizes ?? (smoke && (all || !named) ? c.scaleSizes : all ? BenchConfiguration.allScaleSizes : [])
        c.json = scanner.flag("--json")
        c.questionsFile = try scanner.option("--questions")
        c.socketPath = try scanner.option("--socket")
        c.pagesDirectory = try scanner.option("--keep-pages")
        typealias R = BenchConfiguration.Ranges
        c.iterations = try scanner.intOption("--iterations", in: R.iterations) ?? c.iterations
        c.clients = try scanner.intOption("--clients", in: R.clients) ?? c.clients
        c.requestsPerClient = try scanner.intOption("--requests", in: R.requests) ?? c.requestsPerClient
        c.window = try scanner.intOption("--window", in: R.window) ?? c.window
        c.startupRepeats = try scanner.intOption("--repeats", in: R.repeats) ?? c.startupRepeats
        _ = try scanner.positionals().first.map { throw UsageError(message: "unexpected argument '\($0)'") }
        try scanner.finish()
        try c.validate()
        return c
    }
}
