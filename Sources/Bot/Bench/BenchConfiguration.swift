import Foundation

/// Everything `enquiry-bot bench` runs with: built by `BenchCommand` from the options, checked
/// once by `validate()`, then passed down unchanged.
///
/// | key                 | option              | default                                   | `--smoke` |
/// |---------------------|---------------------|-------------------------------------------|-----------|
/// | `inProcess`         | `--in-process`      | on when no section is named               | on        |
/// | `socket`            | `--socket-bench`    | on when no section is named               | on        |
/// | `startup`           | `--startup`         | on when no section is named               | on        |
/// | `scaleSizes`        | `--scale 100,1000`  | none; `--all`: 100 and 1000 pages         | 10 pages  |
/// | `questionsFile`     | `--questions FILE`  | every intent's examples, filled from the knowledge base | |
/// | `iterations`        | `--iterations N`    | 200 rounds over the questions (in-process) | 2        |
/// | `clients`           | `--clients K`       | 16 connections                            | 2         |
/// | `requestsPerClient` | `--requests M`      | 2000 per connection                       | 20        |
/// | `window`            | `--window W`        | 4 requests in flight per connection (1…1000) | 2      |
/// | `startupRepeats`    | `--repeats R`       | 5 starts                                  | 1         |
/// | `scaleIterations`   | —                   | 20 rounds over the mix per scale size     | 1         |
/// | `socketPath`        | `--socket PATH`     | none: start a daemon                      |           |
/// | `pagesDirectory`    | `--keep-pages DIR`  | none: generated pages go to a temp dir and are removed | |
/// | `corpusDirectory`   | `--corpus DIR`      | the bundled corpus (`DataLocations`)      |           |
/// | `intentsDirectory`  | `--intents DIR`     | the bundled intents                       |           |
/// | `json`              | `--json`            | false: a table                            |           |
/// | `executable`        | —                   | `CommandLine.arguments[0]` resolved        |           |
///
/// `--all` turns every section on (and the scale sizes to 100 and 1000 unless `--scale` names
/// others). With `--socket PATH` the socket section drives that daemon and reports no memory.
struct BenchConfiguration: Sendable, Equatable {
    var inProcess = true
    var socket = true
    var startup = true
    var scaleSizes: [Int] = []
    var questionsFile: String?
    var iterations = 200
    var clients = 16
    var requestsPerClient = 2000
    var window = 4
    var startupRepeats = 5
    var scaleIterations = 20
    var socketPath: String?
    /// Where to write (and keep) the generated pages: `DIR/<size>/`.
    var pagesDirectory: String?
    var corpusDirectory: String
    var intentsDirectory: String
    var json = false
    var smoke = false
    var executable: String

    /// The accepted values of the numeric options.
    enum Ranges {
        static let iterations = 1...1_000_000
        static let clients = 1...1000
        static let requests = 1...10_000_000
        // Requests are small: a window of 1000 still fits the socket buffer, so a client blocked
        // in send() can never wait on a daemon that has stopped reading because it is not read.
        static let window = 1...1000
        static let repeats = 1...100
        static let scale = 1...CorpusGenerator.maxPages
    }

    /// Scale sizes `--all` runs.
    static let allScaleSizes = [100, 1000]

    /// The counts `--smoke` uses (a CI run of every section in seconds, even in a debug build).
    mutating func applySmokeCounts() {
        smoke = true
        iterations = 2
        clients = 2
        requestsPerClient = 20
        window = 2
        startupRepeats = 1
        scaleIterations = 1
        scaleSizes = [10]
    }

    /// Checks every value once; the first problem names its option.
    func validate() throws(UsageError) {
        try check("--iterations", iterations, in: Ranges.iterations)
        try check("--clients", clients, in: Ranges.clients)
        try check("--requests", requestsPerClient, in: Ranges.requests)
        try check("--window", window, in: Ranges.window)
        try check("--repeats", startupRepeats, in: Ranges.repeats)
        for size in scaleSizes { try check("--scale", size, in: Ranges.scale) }
        guard inProcess || socket || startup || !scaleSizes.isEmpty else { throw UsageError(message: "no benchmark selected") }
    }

    /// `100,1000` → [100, 1000].
    static func parseSizes(_ text: String) throws(UsageError) -> [Int] {
        var sizes: [Int] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let n = Int(part.trimmingCharacters(in: .whitespaces)) else {
                throw UsageError(message: "--scale must be page counts separated by commas (e.g. 100,1000), not '\(text)'")
            }
            sizes.append(n)
        }
        return sizes
    }

    /// The running binary: `CommandLine.arguments[0]` made absolute (a bare name is looked up on
    /// `PATH`) with symlinks resolved; `/proc/self/exe` when that is not an executable file.
    static func currentExecutable(arguments: [String] = CommandLine.arguments,
                                  environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let fm = FileManager.default
        let first = arguments.first ?? ""
        var candidates: [String] = []
        if first.contains("/") {
            candidates.append(URL(fileURLWithPath: first).standardizedFileURL.resolvingSymlinksInPath().path)
        } else if !first.isEmpty {
            for dir in (environment["PATH"] ?? "").split(separator: ":") {
                candidates.append(URL(fileURLWithPath: String(dir)).appendingPathComponent(first).resolvingSymlinksInPath().path)
            }
        }
        if let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") { candidates.append(exe) }
        return candidates.first { fm.isExecutableFile(atPath: $0) } ?? first
    }

    private func check(_ option: String, _ value: Int, in range: ClosedRange<Int>) throws(UsageError) {
        guard range.contains(value) else {
            throw UsageError(message: "\(option) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(value)")
        }
    }
}
