import Testing
@testable import Bot

@Suite struct ProtocolCodecTests {
    let codec = ProtocolCodec(maxLineBytes: 4096)

    private func decode(_ text: String) -> DecodedLine { codec.decode(Array(text.utf8)) }
    private func code(_ line: DecodedLine) -> String? {
        if case .invalid(let e, _, _) = line { return e.code }
        return nil
    }

    @Test(arguments: [
        ("115路末班车几点？", "115路末班车几点？"),
        ("  When does bus 115 leave?\r", "When does bus 115 leave?"),
        ("\u{FEFF}有BOM的问题", "有BOM的问题"),
        ("tabs\tinside", "tabs\tinside"),
        ("　全角空格　", "全角空格"),
    ])
    func plainLinesAreQuestions(_ line: String, _ text: String) {
        #expect(decode(line) == .question(Request(id: nil, text: text, session: nil, explain: false, format: .plain)))
    }

    @Test func jsonRequestKeepsIdSessionAndExplain() {
        let line = #"{"id": 12345678901234567890, "text": "嘉善在哪", "session": "s1", "explain": true, "extra": [1]}"#
        #expect(decode(line) == .question(Request(id: .number("12345678901234567890"), text: "嘉善在哪", session: "s1",
                                                   explain: true, format: .json)))
    }

    @Test func controlCommands() {
        #expect(decode(#"{"cmd":"stats"}"#) == .control(.stats, id: nil))
        #expect(decode(#"{"id":"r","cmd":"reload"}"#) == .control(.reload, id: .string("r")))
        #expect(code(decode(#"{"id":1,"cmd":"shutdown"}"#)) == "unknown_command")
    }

    /// Every line that is not a request: the error code, and whether the id is echoed.
    @Test(arguments: [
        ("", "empty", false),
        ("   \t ", "empty", false),
        ("\r", "empty", false),
        ("GET / HTTP/1.0", "http", false),
        ("POST /ask HTTP/1.1", "http", false),
        ("{\"text\": }", "invalid_json", false),
        ("{not json", "invalid_json", false),
        (String(repeating: "[", count: 4000), "invalid_json", false),
        ("[1,2]", "bad_request", false),
        ("{\"id\": 3}", "bad_request", true),
        ("{\"id\": 3, \"text\": 42}", "bad_request", true),
        ("{\"id\": 3, \"text\": \"  \"}", "empty", true),
        ("{\"id\": 3, \"text\": \"x\", \"session\": 5}", "bad_request", true),
        ("{\"id\": 3, \"text\": \"x\", \"explain\": \"yes\"}", "bad_request", true),
        ("{\"id\": 3, \"cmd\": 1}", "bad_request", true),
        ("bell\u{07}char", "binary", false),
        ("c1\u{85}control", "binary", false),
    ])
    func refusals(_ line: String, _ expectedCode: String, _ echoesID: Bool) {
        let decoded = decode(line)
        #expect(code(decoded) == expectedCode)
        if case .invalid(_, let id, _) = decoded { #expect((id != nil) == echoesID) }
    }

    @Test(arguments: [[0xFF, 0xFE], [0xC3], [0xED, 0xA0, 0x80], [0x00, 0x01, 0x02, 0x80, 0x81], [0xE4, 0xB8]] as [[UInt8]])
    func junkBytesAreInvalidUTF8(_ bytes: [UInt8]) {
        #expect(code(codec.decode(bytes)) == "invalid_utf8")
    }

    @Test func tenThousandBracketsAreMalformedJSON() {
        let roomy = ProtocolCodec(maxLineBytes: 20_000)
        guard case .invalid(.invalidJSON(let e), nil, .json) = roomy.decode(Array(repeating: UInt8(ascii: "["), count: 10_000)) else {
            Issue.record("expected invalid_json")
            return
        }
        #expect(e.reason == .tooDeep(limit: 32))
    }

    @Test func oversizeLineIsRefusedByTheCodecToo() {
        let small = ProtocolCodec(maxLineBytes: 64)
        #expect(small.decode(Array(repeating: UInt8(ascii: "a"), count: 65)) == .invalid(.tooLong(limit: 64), id: nil, format: .json))
    }

    @Test func jsonReplyHasFieldsInOrderAndDebugOnlyWhenPresent() {
        var reply = Reply(id: .number("7"), answer: "首班车7:30", intent: "bus_time", confidence: 0.8512, fallback: false,
                          sources: [SourceCitation(article: "公交调整", file: "003.txt", sentence: "首班车7:30。")],
                          suggestions: ["末班车几点？"], session: "s", lang: "zh")
        let line = String(decoding: codec.encode(reply, format: .json), as: UTF8.self)
        #expect(line == #"{"id":7,"answer":"首班车7:30","intent":"bus_time","confidence":0.851,"fallback":false,"sources":[{"article":"公交调整","file":"003.txt","sentence":"首班车7:30。"}],"suggestions":["末班车几点？"],"session":"s","lang":"zh"}"# + "\n")
        reply.debug = .object([("why", .string("test"))])
        reply.id = nil
        let withDebug = String(decoding: codec.encode(reply, format: .json), as: UTF8.self)
        #expect(withDebug.hasPrefix(#"{"id":null,"#))
        #expect(withDebug.hasSuffix(#","lang":"zh","debug":{"why":"test"}}"# + "\n"))
    }

    @Test(arguments: [
        ("one\ntwo\r\nthree\rfour", "zh", "one two three four"),
        ("答案", "zh", "答案 [来源: 标题 · a.txt]"),
        ("answer", "en", "answer [source: 标题 · a.txt]"),
    ])
    func plainReplyIsOneLine(_ answer: String, _ lang: String, _ expected: String) {
        let sources = answer == "one\ntwo\r\nthree\rfour" ? [] : [
            SourceCitation(article: "标题", file: "a.txt", sentence: "s1"),
            SourceCitation(article: "标题", file: "a.txt", sentence: "s2"),
        ]
        let reply = Reply(answer: answer, sources: sources, lang: lang)
        let bytes = codec.encode(reply, format: .plain)
        #expect(bytes.filter { $0 == 0x0A }.count == 1)
        #expect(String(decoding: bytes, as: UTF8.self) == expected + "\n")
    }

    @Test func errorRepliesInBothFormats() {
        let json = String(decoding: codec.encode(.empty, id: .string("q1"), format: .json), as: UTF8.self)
        #expect(json == #"{"id":"q1","error":{"code":"empty","message":"empty line: send one question per line"},"fallback":true}"# + "\n")
        let noID = String(decoding: codec.encode(.invalidUTF8, id: nil, format: .json), as: UTF8.self)
        #expect(noID == #"{"error":{"code":"invalid_utf8","message":"line is not valid UTF-8"},"fallback":true}"# + "\n")
        let plain = String(decoding: codec.encode(.http, id: nil, format: .plain), as: UTF8.self)
        #expect(plain == "ERR http: not an HTTP server: send one question per line\n")
    }

    @Test(arguments: [
        (ConnectionRefusal.maxClients, #"{"error":{"code":"max_clients","message":"max number of clients reached"}}"#),
        (.lineTooLong(limit: 4096), #"{"error":{"code":"line_too_long","message":"line longer than 4096 bytes"}}"#),
        (.idleTimeout(seconds: 300), #"{"error":{"code":"idle_timeout","message":"no complete line for 300 seconds"}}"#),
        (.lineDeadline(seconds: 0.5), #"{"error":{"code":"line_deadline","message":"line not finished within 0.5 seconds"}}"#),
        (.outputCap(limit: 1_048_576), #"{"error":{"code":"output_cap","message":"more than 1048576 bytes of replies not read"}}"#),
    ])
    func refusalLinesAreExact(_ refusal: ConnectionRefusal, _ expected: String) {
        #expect(String(decoding: refusal.line, as: UTF8.self) == expected + "\n")
    }

    @Test func repliesDecodeBack() throws {
        let reply = Reply(id: .array([.number("1")]), answer: "a\nb", intent: "x", confidence: 0.5, fallback: true,
                          sources: [SourceCitation(article: "t", file: "f", sentence: "s")], suggestions: ["q"],
                          session: "s", lang: "en")
        let line = String(decoding: codec.encode(reply, format: .json), as: UTF8.self)
        #expect(try ReplyDecoder.decode(line) == .reply(reply))
        #expect(try ReplyDecoder.decode(String(decoding: ConnectionRefusal.maxClients.line, as: UTF8.self))
                == .error(code: "max_clients", message: "max number of clients reached", id: nil))
        #expect(throws: ReplyDecodingError.self) { try ReplyDecoder.decode("stub: plain") }
    }
}
