import Foundation

/// Dispatches `enquiry-bot <command> …` to the subcommand and maps errors to exit statuses:
/// 0 success/answered, 1 declined (ask), 2 usage or runtime error.
enum CommandRouter {
    static let usage = """
    usage: enquiry-bot <command> [options]

    commands:
      kb [--corpus DIR] [--json]                 show what the knowledge base holds
      ask "QUESTION" [--json] [--explain] [--corpus DIR] [--intents DIR] [--socket PATH]
                                                 answer one question (exit 0 answered, 1 declined, 2 error)
      chat [--json] [--corpus DIR] [--intents DIR]
                                                 chat on stdin (one reply per line when not a terminal)
      eval FILE.jsonl [--show-fails] [--corpus DIR] [--intents DIR]
                                                 score a question file
      fit-data SETS.txt [--corpus DIR] [--intents DIR]
                                                 the answer scorer's training features (scripts/fit-scorer.py)
      serve [options]                            run the daemon (see `enquiry-bot serve --help`)
      unanswered [FILE]                          most frequent declined questions
      bench [options]                            benchmarks (see `enquiry-bot bench --help`)
    """

    static func run(_ args: [String]) -> Int32 {
        guard let command = args.first else {
            FileHandle.standardError.write(Data((usage + "\n").utf8))
            return 2
        }
        let rest = Array(args.dropFirst())
        if command == "--help" || command == "-h" || command == "help" {
            print(usage)
            return 0
        }
        guard let handler = commands[command] else {
            FileHandle.standardError.write(Data("enquiry-bot: unknown command '\(command)'\n\(usage)\n".utf8))
            return 2
        }
        // `bench` and `serve` print their own option lists; the others are one line each above.
        if (rest.contains("--help") || rest.contains("-h")) && command != "bench" && command != "serve" {
            print(usage)
            return 0
        }
        do {
            return try handler(rest)
        } catch let error as UsageError {
            FileHandle.standardError.write(Data("enquiry-bot \(command): \(error.message)\n".utf8))
            return 2
        } catch {
            FileHandle.standardError.write(Data("enquiry-bot \(command): \(error)\n".utf8))
            return 2
        }
    }

    /// Subcommand table; each entry parses its own arguments and returns the exit status.
    static let commands: [String: @Sendable ([String]) throws -> Int32] = [
        "help": { _ in print(usage); return 0 },
        "kb": KBCommand.run,
        "ask": AskCommand.run,
        "chat": ChatCommand.run,
        "eval": EvalCommand.run,
        "fit-data": FitDataCommand.run,
        "bench": BenchCommand.run,
        "serve": ServeCommand.run,
        "unanswered": UnansweredCommand.run,
    ]
}
