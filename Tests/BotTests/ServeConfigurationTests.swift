import Foundation
import Testing
@testable import Bot

@Suite struct ServeConfigurationTests {
    private func parse(_ args: [String], environment: [String: String] = [:]) throws -> ServeConfiguration {
        try ServeCommand.configuration(from: args + ["--corpus", "/c", "--intents", "/i"], environment: environment)
    }

    @Test func defaults() throws {
        let c = try parse([], environment: ["XDG_RUNTIME_DIR": "/run/user/1000"])
        #expect(c.socketPath == "/run/user/1000/enquiry-bot.sock")
        #expect(c.maxClients == 256 && c.maxLineBytes == 4096 && c.idleTimeout == 300 && c.lineDeadline == 10)
        #expect(c.outputCap == 1 << 20 && c.socketMode == 0o660 && c.unansweredLog == nil && !c.stdin)
        #expect(c.connectionLimits.outputHighWater == 256 << 10)
    }

    @Test func defaultSocketPathWithoutRuntimeDirectory() {
        #expect(ServeConfiguration.defaultSocketPath(environment: [:], uid: 1234) == "/tmp/enquiry-bot-1234/enquiry-bot.sock")
        #expect(ServeConfiguration.defaultSocketPath(environment: ["XDG_RUNTIME_DIR": "relative"], uid: 7) == "/tmp/enquiry-bot-7/enquiry-bot.sock")
    }

    @Test func everyOptionIsRead() throws {
        let c = try parse(["--socket", "/tmp/x.sock", "--stdin", "--max-clients", "3", "--max-line-bytes=100", "--idle-timeout", "1.5",
                           "--line-deadline", "0.5", "--output-cap", "65536", "--socket-mode", "0600", "--unanswered-log", "/tmp/u",
                           "--unanswered-log-cap", "8192", "--log-level", "debug", "--shutdown-timeout", "1"])
        #expect(c == ServeConfiguration(socketPath: "/tmp/x.sock", corpusDirectory: "/c", intentsDirectory: "/i", stdin: true,
                                        maxClients: 3, maxLineBytes: 100, idleTimeout: 1.5, lineDeadline: 0.5, outputCap: 65536,
                                        socketMode: 0o600, unansweredLog: "/tmp/u", unansweredLogCap: 8192, logLevel: .debug,
                                        shutdownTimeout: 1))
    }

    @Test func unansweredLogDefaultsToTheEnvironment() throws {
        #expect(try parse([], environment: ["ENQUIRY_BOT_UNANSWERED_LOG": "/var/lib/x/u.jsonl"]).unansweredLog == "/var/lib/x/u.jsonl")
    }

    /// Each bad value and the words its message must contain.
    @Test(arguments: [
        (["--max-clients", "0"], "--max-clients '0'"),
        (["--max-clients", "many"], "--max-clients must be a whole number"),
        (["--max-line-bytes", "10"], "--max-line-bytes '10'"),
        (["--idle-timeout", "0"], "--idle-timeout '0.0'"),
        (["--output-cap", "100"], "--output-cap '100'"),
        (["--socket-mode", "0666"], "world-writable sockets are refused"),
        (["--socket-mode", "0777"], "world-writable"),
        (["--socket-mode", "0440"], "the owner needs read and write"),
        (["--socket-mode", "rw"], "--socket-mode must be an octal mode"),
        (["--socket-mode", "4660"], "only permission bits"),
        (["--socket", "/tmp/" + String(repeating: "s", count: 103)], "socket path is 108 bytes, the limit is 107"),
        (["--log-level", "loud"], "--log-level must be"),
        (["--bogus"], "unknown option --bogus"),
        (["extra"], "unexpected argument 'extra'"),
    ])
    func rejects(_ args: [String], _ message: String) {
        #expect {
            try parse(args)
        } throws: { error in
            String(describing: error).contains(message)
        }
    }

    @Test func modeParsing() {
        #expect(ServeConfiguration.parseMode("0660") == 0o660)
        #expect(ServeConfiguration.parseMode("660") == 0o660)
        #expect(ServeConfiguration.parseMode("0o600") == 0o600)
        #expect(ServeConfiguration.parseMode("0689") == nil)
        #expect(ServeConfiguration.parseMode("") == nil)
    }

    @Test func socketPathOf107BytesIsAccepted() throws {
        let path = "/tmp/" + String(repeating: "s", count: 102)
        #expect(path.utf8.count == 107)
        #expect(try parse(["--socket", path]).socketPath == path)
    }
}
