import Foundation

/// `enquiry-bot chat [--json] [--corpus DIR] [--intents DIR]`: on a terminal, an interactive chat
/// (greeting, prompt, `:help`, `:quit`); otherwise exactly one reply line per input line and no
/// prompts (scripted FAQ lookups), in the line protocol.
enum ChatCommand {
    static func run(_ args: [String]) throws -> Int32 {
        var scanner = ArgumentScanner(args)
        let json = scanner.flag("--json")
        let corpus = DataLocations.corpus(explicit: try scanner.option("--corpus"))
        let intents = DataLocations.intents(explicit: try scanner.option("--intents"))
        _ = try scanner.positionals()
        try scanner.finish()
        let service = try BotService(corpusDirectory: corpus, intentsDirectory: intents, logger: Logger(minimumLevel: .warning))
        if isatty(0) == 0 {
            return LineLoop.run(input: 0, output: 1, answering: service, defaultSession: "chat", forceJSON: json)
        }
        return interactive(service, json: json)
    }

    private static func interactive(_ service: BotService, json: Bool) -> Int32 {
        let greeting = service.answer(Request(id: nil, text: "你好", session: nil, format: .plain), defaultSession: "chat-greeting")
        print(greeting.answer)
        print("（输入问题后回车；:help 查看示例，:quit 退出 / type :help for examples, :quit to leave）")
        while true {
            FileHandle.standardOutput.write(Data("> ".utf8))
            guard let line = readLine(strippingNewline: true) else { print(""); return 0 }
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            if text == ":quit" || text == ":q" || text == ":exit" { return 0 }
            let question = text == ":help" ? "你能做什么" : text
            let reply = service.answer(Request(id: nil, text: question, session: nil, format: .plain), defaultSession: "chat")
            print(json ? JSONLine.encode(ProtocolCodec.jsonObject(for: reply)) : HumanReply.render(reply))
        }
    }
}
