import Foundation

/// `enquiry-bot ask "QUESTION" [--json] [--explain] [--corpus DIR] [--intents DIR] [--socket PATH]`:
/// one answer. Exit status 0 answered, 1 declined, 2 error.
enum AskCommand {
    static func run(_ args: [String]) throws -> Int32 {
        var scanner = ArgumentScanner(args)
        let json = scanner.flag("--json")
        let explain = scanner.flag("--explain")
        let socket = try scanner.option("--socket")
        let corpusOption = try scanner.option("--corpus")
        let intentsOption = try scanner.option("--intents")
        let words = try scanner.positionals()
        try scanner.finish()
        guard !words.isEmpty else { throw UsageError(message: "ask needs a question, e.g. enquiry-bot ask \"115路首班车几点\"") }
        let question = words.joined(separator: " ")

        let reply: Reply
        if let socket {
            if corpusOption != nil || intentsOption != nil { throw UsageError(message: "--corpus/--intents do not apply with --socket (the daemon has its own)") }
            let line: String
            do {
                line = try SocketClient.ask(socketPath: socket, requestLine: SocketClient.requestLine(text: question, explain: explain))
            } catch {
                FileHandle.standardError.write(Data("enquiry-bot ask: \(error)\n".utf8))
                return 2
            }
            if json { print(line); return exitStatus(forLine: line) }
            switch try? ReplyDecoder.decode(line) {
            case .reply(let r)?: reply = r
            case .error(let code, let message, _)?:
                FileHandle.standardError.write(Data("enquiry-bot ask: daemon error \(code): \(message)\n".utf8))
                return 2
            default:
                FileHandle.standardError.write(Data("enquiry-bot ask: unexpected reply: \(line.prefix(200))\n".utf8))
                return 2
            }
        } else {
            let service = try BotService(corpusDirectory: DataLocations.corpus(explicit: corpusOption),
                                         intentsDirectory: DataLocations.intents(explicit: intentsOption), logger: Logger(minimumLevel: .warning))
            reply = service.answer(Request(id: nil, text: question, session: nil, explain: explain, format: .json), defaultSession: "ask")
            if json {
                print(JSONLine.encode(ProtocolCodec.jsonObject(for: reply)))
                return reply.fallback ? 1 : 0
            }
        }
        print(HumanReply.render(reply))
        if explain, let debug = reply.debug { print(JSONLine.encode(debug)) }
        return reply.fallback ? 1 : 0
    }

    private static func exitStatus(forLine line: String) -> Int32 {
        switch try? ReplyDecoder.decode(line) {
        case .reply(let r)?: return r.fallback ? 1 : 0
        default: return 2
        }
    }
}

/// How a reply is shown to a person on a terminal: the answer, its sources, suggestions.
enum HumanReply {
    static func render(_ reply: Reply) -> String {
        var lines = [reply.answer]
        let en = reply.lang == "en"
        for s in reply.sources {
            let by = s.publisher.map { en ? " (\($0))" : "（\($0)）" } ?? ""
            lines.append((en ? "  source: " : "  来源：") + "《\(s.article)》\(by) \(s.file)")
            if let section = s.section { lines.append("    § " + section) }
            lines.append("    “\(s.sentence)”")
        }
        if !reply.suggestions.isEmpty {
            lines.append(en ? "  You could ask:" : "  您可以问：")
            for s in reply.suggestions { lines.append("    · " + s) }
        }
        return lines.joined(separator: "\n")
    }
}
