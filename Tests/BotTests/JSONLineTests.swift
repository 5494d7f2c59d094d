import Testing
@testable import Bot

@Suite struct JSONLineTests {
    private func parse(_ text: String, limits: JSONLimits = JSONLimits()) throws(JSONParseError) -> JSONValue {
        try JSONLine.parse(Array(text.utf8), limits: limits)
    }

    @Test(arguments: [
        ("null", JSONValue.null),
        ("true", .bool(true)),
        (" false ", .bool(false)),
        ("0", .number("0")),
        ("-12.50e+3", .number("-12.50e+3")),
        ("12345678901234567890123", .number("12345678901234567890123")),
        (#""a\"b\\c\/d\n\t""#, .string("a\"b\\c/d\n\t")),
        (#""\u00e9\u4e2d""#, .string("é中")),
        (#""\ud83d\ude00""#, .string("😀")),
        (#""问答 ok""#, .string("问答 ok")),
        (#"[1,[2,[]],{}]"#, .array([.number("1"), .array([.number("2"), .array([])]), .object([])])),
        (#"{"b":1,"a":2}"#, .object([("b", .number("1")), ("a", .number("2"))])),
    ])
    func parsesValid(_ text: String, _ expected: JSONValue) throws {
        #expect(try parse(text) == expected)
    }

    @Test(arguments: [
        "", "[", "{", "{\"a\"}", "{\"a\":}", "[1,]", "{\"a\":1,}", "01", "1.", "-", "1e", "+1", ".5",
        "tru", "nul", "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\uZZZZ\"", "\"\\ud800\"", "\"\\udc00\"",
        "\"\\ud800\\u0041\"", "\"a\u{01}b\"", "[1] 2", "{'a':1}", "NaN", "Infinity",
    ])
    func rejectsInvalid(_ text: String) {
        #expect(throws: JSONParseError.self) { try parse(text) }
    }

    @Test func tenThousandBracketsAreAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 10_000)
        #expect(throws: JSONParseError(offset: 32, reason: .tooDeep(limit: 32))) { try parse(deep) }
        let deepObjects = String(repeating: "{\"a\":", count: 10_000)
        #expect(throws: JSONParseError.self) { try parse(deepObjects) }
    }

    @Test func depthLimitCountsOnlyRealNesting() throws {
        let exactly = String(repeating: "[", count: 4) + String(repeating: "]", count: 4)
        #expect(throws: Never.self) { try parse(exactly, limits: JSONLimits(maxBytes: 100, maxDepth: 4)) }
        #expect(throws: JSONParseError.self) { try parse("[" + exactly + "]", limits: JSONLimits(maxBytes: 100, maxDepth: 4)) }
        // Brackets inside strings do not count.
        #expect(try parse(#"["[[[[[[[[[[[[[["]"#, limits: JSONLimits(maxBytes: 100, maxDepth: 2)) == .array([.string("[[[[[[[[[[[[[[")]))
    }

    @Test func sizeIsCappedBeforeParsing() {
        let big = "\"" + String(repeating: "a", count: 200) + "\""
        #expect(throws: JSONParseError(offset: 0, reason: .tooLarge(limit: 100))) {
            try parse(big, limits: JSONLimits(maxBytes: 100, maxDepth: 4))
        }
    }

    @Test func invalidUTF8InsideStringsIsRejected() {
        #expect(throws: JSONParseError.self) { try JSONLine.parse([0x22, 0xFF, 0xFE, 0x22]) }
    }

    @Test(arguments: [
        (JSONValue.string("a\"b\\c"), #""a\"b\\c""#),
        (.string("line\nbreak\r\ttab\u{01}"), #""line\nbreak\r\ttab\u0001""#),
        (.string("中文 😀 é"), "\"中文 😀 é\""),
        (.string("sep\u{2028}x\u{2029}"), #""sep\u2028x\u2029""#),
        (.object([("id", .number("1.50")), ("x", .null), ("y", .array([.bool(true)]))]), #"{"id":1.50,"x":null,"y":[true]}"#),
    ])
    func encodes(_ value: JSONValue, _ expected: String) {
        #expect(JSONLine.encode(value) == expected)
    }

    @Test(arguments: ["", "plain", "\u{0}\u{1f}\u{7f}", "\\\"/", "𝄞 surrogate pair", "混合 mixed 文本\n"])
    func roundTrips(_ text: String) throws {
        let value = JSONValue.object([("t", .string(text)), ("n", .number("-0.0e-5"))])
        #expect(try parse(JSONLine.encode(value)) == value)
    }

    @Test func parseErrorsSayWhere() {
        do {
            _ = try parse(#"{"a": x}"#)
            Issue.record("expected an error")
        } catch {
            #expect(error.offset == 6)
            #expect(error.description == "unexpected 'x' at byte 6")
        }
    }
}
