import Foundation

/// `enquiry-bot serve`: arguments → `ServeConfiguration` (validated once) → `Daemon.run()`.
/// Exit status: 0 after SIGTERM/SIGINT, 1 when start-up fails (logged), 2 for usage errors.
enum ServeCommand {
    /// `enquiry-bot serve --help`.
    static let usage = """
    usage: enquiry-bot serve [options]

    Answers questions on a Unix socket, one request line → one reply line (see README, "Protocol").
    Prints `ready socket=PATH` on stdout once it answers; logs go to stderr.

    options (default in brackets):
      --socket PATH            socket path [$XDG_RUNTIME_DIR/enquiry-bot.sock, else
                               /tmp/enquiry-bot-$UID/enquiry-bot.sock]; ignored under systemd
                               socket activation (LISTEN_FDS)
      --corpus DIR             article pages [bundled corpus]
      --intents DIR            intent files [bundled intents]
      --stdin                  also answer on stdin/stdout (end of stdin does not stop the daemon)
      --max-clients N          connections at once; the next gets max_clients and is closed [256]
      --max-line-bytes N       longest request line; longer: line_too_long and close [4096]
      --idle-timeout S         seconds without a complete line before idle_timeout [300]
      --line-deadline S        seconds to finish a started line before line_deadline [10]
      --output-cap BYTES       unread reply bytes before output_cap and close [1048576];
                               input is not read while a quarter of it is pending
      --socket-mode MODE       octal permissions of the socket file, never o+w [0660]
      --unanswered-log FILE    append declined questions to FILE [$ENQUIRY_BOT_UNANSWERED_LOG, else off]
      --unanswered-log-cap N   rotate FILE to FILE.1 beyond N bytes [1048576]
      --log-level LEVEL        debug, info, warning or error [info]
      --shutdown-timeout S     seconds to finish in-flight replies after SIGTERM [3]

    signals: TERM/INT stop (exit 0), HUP reloads the data (a failed reload keeps the old data).
    owner-only requests: {"cmd":"stats"}, {"cmd":"reload"}.
    """

    /// Runs the subcommand (the `commands` table entry).
    static func run(_ args: [String]) throws -> Int32 {
        if args.contains("--help") || args.contains("-h") {
            print(usage)
            return 0
        }
        let environment = ProcessInfo.processInfo.environment
        let configuration = try configuration(from: args, environment: environment)
        let logger = Logger(minimumLevel: configuration.logLevel)
        return Daemon(configuration: configuration, logger: logger, environment: environment).run()
    }

    /// Parses and validates the options; problems are `UsageError`s naming the option.
    static func configuration(from args: [String], environment: [String: String]) throws -> ServeConfiguration {
        var scanner = ArgumentScanner(args)
        let wide = Int.min...Int.max
        let anyNumber = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
        let socket = try scanner.option("--socket")
        var mode: mode_t = 0o660
        if let text = try scanner.option("--socket-mode") {
            guard let parsed = ServeConfiguration.parseMode(text) else {
                throw UsageError(message: "--socket-mode must be an octal mode such as 0660, not '\(text)'")
            }
            mode = parsed
        }
        var level = LogLevel.info
        if let text = try scanner.option("--log-level") {
            guard let parsed = LogLevel(name: text) else {
                throw UsageError(message: "--log-level must be debug, info, warning or error, not '\(text)'")
            }
            level = parsed
        }
        let defaultLog = environment["ENQUIRY_BOT_UNANSWERED_LOG"].flatMap { $0.isEmpty ? nil : $0 }
        let configuration = ServeConfiguration(
            socketPath: socket ?? ServeConfiguration.defaultSocketPath(environment: environment, uid: getuid()),
            corpusDirectory: DataLocations.corpus(explicit: try scanner.option("--corpus")),
            intentsDirectory: DataLocations.intents(explicit: try scanner.option("--intents")),
            stdin: scanner.flag("--stdin"),
            maxClients: try scanner.intOption("--max-clients", in: wide) ?? 256,
            maxLineBytes: try scanner.intOption("--max-line-bytes", in: wide) ?? 4096,
            idleTimeout: try scanner.doubleOption("--idle-timeout", in: anyNumber) ?? 300,
            lineDeadline: try scanner.doubleOption("--line-deadline", in: anyNumber) ?? 10,
            outputCap: try scanner.intOption("--output-cap", in: wide) ?? (1 << 20),
            socketMode: mode,
            unansweredLog: try scanner.option("--unanswered-log") ?? defaultLog,
            unansweredLogCap: try scanner.intOption("--unanswered-log-cap", in: wide) ?? UnansweredLog.defaultCapBytes,
            logLevel: level,
            shutdownTimeout: try scanner.doubleOption("--shutdown-timeout", in: anyNumber) ?? 3)
        _ = try scanner.positionals().first.map { throw UsageError(message: "unexpected argument '\($0)'") }
        try scanner.finish()
        do {
            try configuration.validate()
        } catch {
            throw UsageError(message: error.description)
        }
        return configuration
    }
}
