import Foundation

/// `enquiry-bot unanswered [FILE] [--top N] [--json]`: the most frequent declined questions in an
/// unanswered log (`FILE.1` and `FILE`), with the articles that came closest.
enum UnansweredCommand {
    /// `enquiry-bot unanswered --help`.
    static let usage = """
    usage: enquiry-bot unanswered [FILE] [--top N] [--json]

    FILE defaults to $ENQUIRY_BOT_UNANSWERED_LOG (what `serve --unanswered-log` writes).
    Groups declined questions by normalised text, most frequent first [--top 20].
    """

    /// Runs the subcommand (the `commands` table entry).
    static func run(_ args: [String]) throws -> Int32 {
        if args.contains("--help") || args.contains("-h") {
            print(usage)
            return 0
        }
        var scanner = ArgumentScanner(args)
        let json = scanner.flag("--json")
        let top = try scanner.intOption("--top", in: 1...100_000) ?? 20
        let files = try scanner.positionals()
        try scanner.finish()
        guard files.count <= 1 else { throw UsageError(message: "name one log file") }
        let environment = ProcessInfo.processInfo.environment
        guard let path = files.first ?? environment["ENQUIRY_BOT_UNANSWERED_LOG"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw UsageError(message: "name the log file (or set ENQUIRY_BOT_UNANSWERED_LOG)")
        }
        let report = try UnansweredReport.load(path: path)
        let text = json ? JSONLine.encode(report.json(top: top)) + "\n" : report.render(top: top)
        SocketIO.writeAll(1, Array(text.utf8))
        return 0
    }
}
