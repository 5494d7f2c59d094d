import Foundation
import Knowledge

/// `enquiry-bot kb [--corpus DIR] [--json] [--articles]`: what the knowledge base holds.
enum KBCommand {
    static func run(_ args: [String]) throws -> Int32 {
        var scanner = ArgumentScanner(args)
        let json = scanner.flag("--json")
        let showArticles = scanner.flag("--articles")
        let corpus = DataLocations.corpus(explicit: try scanner.option("--corpus"))
        _ = try scanner.positionals()
        try scanner.finish()
        let started = DispatchTime.now()
        let kb = try KnowledgeBase.build(corpusDirectory: corpus)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
        for problem in kb.problems {
            FileHandle.standardError.write(Data("enquiry-bot kb: skipped \(problem.file): \(problem.reason)\n".utf8))
        }
        if json {
            print(KnowledgeReport(kb: kb, buildMilliseconds: elapsed).json())
        } else {
            print(KnowledgeReport(kb: kb, buildMilliseconds: elapsed).text(showArticles: showArticles))
        }
        return 0
    }
}
