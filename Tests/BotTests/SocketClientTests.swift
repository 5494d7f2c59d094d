import Foundation
import Testing
@testable import Bot

/// `SocketClient` against an in-process `UnixSocketServer` (no binary needed).
@Suite struct SocketClientTests {
    private func withServer(_ body: (String) throws -> Void) throws {
        let dir = TemporaryDirectory()
        let path = dir.file("s.sock")
        let listener = try ListeningSocket.bind(path: path, mode: 0o600)
        let stats = ServerStats()
        let responder = LineResponder(codec: ProtocolCodec(), answering: EchoAnswering(), controls: nil, observer: stats)
        let server = UnixSocketServer(listener: listener, settings: .init(), limits: ConnectionLimits(), responder: responder,
                                      stats: stats, logger: .silent)
        server.start()
        defer {
            let stopped = DispatchSemaphore(value: 0)
            server.stop { stopped.signal() }
            _ = stopped.wait(timeout: .now() + 10)
            listener.removeSocketFile()
        }
        try body(path)
    }

    @Test func asksInJSONAndPlainText() throws {
        try withServer { path in
            let line = try SocketClient.ask(socketPath: path, requestLine: SocketClient.requestLine(text: "末班车？", id: .int(7), session: "s"))
            guard case .reply(let reply) = try ReplyDecoder.decode(line) else {
                Issue.record("not a reply: \(line)")
                return
            }
            #expect(reply.id == .number("7"))
            #expect(reply.answer == "echo: 末班车？")
            #expect(reply.session == "s")
            #expect(try SocketClient.ask(socketPath: path, requestLine: "plain question") == "echo: plain question")
        }
    }

    @Test func requestLinesAreOneLineOfJSON() throws {
        let line = SocketClient.requestLine(text: "a\nb", id: .string("q"), explain: true)
        #expect(line == #"{"id":"q","text":"a\nb","explain":true}"#)
        #expect(throws: SocketClientError.multiLineRequest) { try SocketClient.ask(socketPath: "/nonexistent", requestLine: "a\nb") }
    }

    @Test func failuresSayWhatIsWrong() throws {
        let dir = TemporaryDirectory()
        #expect(throws: SocketClientError.cannotConnect(path: dir.file("missing.sock"), errno: ENOENT)) {
            try SocketClient.ask(socketPath: dir.file("missing.sock"), requestLine: "q")
        }
        let long = dir.file(String(repeating: "x", count: 120))
        #expect(throws: SocketClientError.pathTooLong(path: long, bytes: long.utf8.count)) {
            try SocketClient.ask(socketPath: long, requestLine: "q")
        }
        // A listener that never answers: the client gives up after its timeout.
        let silent = try ListeningSocket.bind(path: dir.file("silent.sock"), mode: 0o600)
        defer { close(silent.fd); silent.removeSocketFile() }
        #expect(throws: SocketClientError.timedOut(path: dir.file("silent.sock"), seconds: 0.3)) {
            try SocketClient.ask(socketPath: dir.file("silent.sock"), requestLine: "q", timeout: 0.3)
        }
        #expect(SocketClientError.cannotConnect(path: "/x", errno: ECONNREFUSED).description.contains("is `enquiry-bot serve` running?"))
    }
}
