import Foundation

// Parse arguments → configuration → run. Each subcommand lives in CLI/.
exit(CommandRouter.run(Array(CommandLine.arguments.dropFirst())))
