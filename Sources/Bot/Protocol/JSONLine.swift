import Foundation

/// Caps checked before a line is parsed, so hostile input costs at most one linear scan.
struct JSONLimits: Sendable, Equatable {
    /// Largest document accepted, in bytes.
    var maxBytes: Int = 65_536
    /// Deepest nesting of arrays and objects accepted (`[[1]]` is depth 2).
    var maxDepth: Int = 32
}

/// Why a JSON document was rejected, and where (byte offset into the line).
struct JSONParseError: Error, Equatable, CustomStringConvertible {
    /// What was wrong.
    enum Reason: Equatable {
        case tooLarge(limit: Int)
        case tooDeep(limit: Int)
        case unexpectedEnd
        case unexpectedByte(UInt8)
        case invalidEscape
        case unpairedSurrogate
        case controlCharacterInString
        case invalidNumber
        case invalidUTF8
        case trailingData
    }

    /// Byte offset into the line.
    var offset: Int
    /// What was wrong there.
    var reason: Reason

    /// One phrase per reason; `ProtocolCodec` puts it into the `invalid_json` error message.
    var description: String {
        switch reason {
        case .tooLarge(let limit): return "document larger than \(limit) bytes"
        case .tooDeep(let limit): return "nesting deeper than \(limit) levels at byte \(offset)"
        case .unexpectedEnd: return "unexpected end of input at byte \(offset)"
        case .unexpectedByte(let b):
            let shown = (0x20..<0x7f).contains(b) ? "'\(Character(UnicodeScalar(b)))'" : String(format: "0x%02x", b)
            return "unexpected \(shown) at byte \(offset)"
        case .invalidEscape: return "invalid escape sequence at byte \(offset)"
        case .unpairedSurrogate: return "unpaired UTF-16 surrogate in \\u escape at byte \(offset)"
        case .controlCharacterInString: return "unescaped control character in string at byte \(offset)"
        case .invalidNumber: return "invalid number at byte \(offset)"
        case .invalidUTF8: return "invalid UTF-8 in string at byte \(offset)"
        case .trailingData: return "unexpected data after the JSON value at byte \(offset)"
        }
    }
}

/// The protocol's own JSON reader (this file) and writer (`JSONLine+Encoding.swift`).
///
/// Strict RFC 8259 on one line: numbers keep their literal text (`JSONValue.number`), strings
/// decode `\uXXXX` including surrogate pairs, object members keep their order. Size and nesting
/// are checked by a linear pre-scan before the recursive parse, so 10,000 `[` is an error, not a
/// stack overflow.
enum JSONLine {
    /// Parses one JSON document from `bytes`.
    static func parse(_ bytes: some Collection<UInt8>, limits: JSONLimits = JSONLimits()) throws(JSONParseError) -> JSONValue {
        let array = Array(bytes)
        guard array.count <= limits.maxBytes else { throw JSONParseError(offset: 0, reason: .tooLarge(limit: limits.maxBytes)) }
        return try array.withUnsafeBufferPointer { (buf) throws(JSONParseError) -> JSONValue in
            try checkNesting(buf, maxDepth: limits.maxDepth)
            var parser = Parser(bytes: buf, maxDepth: limits.maxDepth)
            parser.skipWhitespace()
            let value = try parser.parseValue(depth: 0)
            parser.skipWhitespace()
            guard parser.index == buf.count else { throw JSONParseError(offset: parser.index, reason: .trailingData) }
            return value
        }
    }

    /// The pre-scan: nesting depth outside strings, without building anything.
    static func checkNesting(_ buf: UnsafeBufferPointer<UInt8>, maxDepth: Int) throws(JSONParseError) {
        var depth = 0
        var inString = false
        var escaped = false
        for i in 0..<buf.count {
            let b = buf[i]
            if inString {
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch b {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maxDepth { throw JSONParseError(offset: i, reason: .tooDeep(limit: maxDepth)) }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
    }
}

/// Recursive-descent reader over a byte buffer. Depth is also guarded here, as a second line of
/// defence should the pre-scan and the parser ever disagree about string boundaries.
private struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    func fail(_ reason: JSONParseError.Reason, at offset: Int? = nil) -> JSONParseError {
        JSONParseError(offset: offset ?? index, reason: reason)
    }

    func peek() throws(JSONParseError) -> UInt8 {
        guard index < bytes.count else { throw fail(.unexpectedEnd) }
        return bytes[index]
    }

    mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
        switch try peek() {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case let b: throw fail(.unexpectedByte(b))
        }
    }

    mutating func expectLiteral(_ word: StaticString) throws(JSONParseError) {
        for expected in UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount) {
            guard index < bytes.count else { throw fail(.unexpectedEnd) }
            guard bytes[index] == expected else { throw fail(.unexpectedByte(bytes[index])) }
            index += 1
        }
    }

    mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= maxDepth else { throw fail(.tooDeep(limit: maxDepth)) }
        index += 1
        var members: [(String, JSONValue)] = []
        skipWhitespace()
        if try peek() == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard try peek() == UInt8(ascii: "\"") else { throw fail(.unexpectedByte(bytes[index])) }
            let key = try parseString()
            skipWhitespace()
            guard try peek() == UInt8(ascii: ":") else { throw fail(.unexpectedByte(bytes[index])) }
            index += 1
            skipWhitespace()
            members.append((key, try parseValue(depth: depth)))
            skipWhitespace()
            switch try peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return .object(members)
            case let b: throw fail(.unexpectedByte(b))
            }
        }
    }

    mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= maxDepth else { throw fail(.tooDeep(limit: maxDepth)) }
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if try peek() == UInt8(ascii: "]") { index += 1; return .array(elements) }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            switch try peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return .array(elements)
            case let b: throw fail(.unexpectedByte(b))
            }
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, returned as its literal text.
    mutating func parseNumber() throws(JSONParseError) -> String {
        let start = index
        func digit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        func at(_ i: Int) -> UInt8? { i < bytes.count ? bytes[i] : nil }
        if at(index) == UInt8(ascii: "-") { index += 1 }
        guard let first = at(index), digit(first) else { throw fail(.invalidNumber, at: start) }
        index += 1
        if first != UInt8(ascii: "0") { while let b = at(index), digit(b) { index += 1 } }
        if at(index) == UInt8(ascii: ".") {
            index += 1
            guard let b = at(index), digit(b) else { throw fail(.invalidNumber, at: start) }
            while let b = at(index), digit(b) { index += 1 }
        }
        if let e = at(index), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            index += 1
            if let s = at(index), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { index += 1 }
            guard let b = at(index), digit(b) else { throw fail(.invalidNumber, at: start) }
            while let b = at(index), digit(b) { index += 1 }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    /// Fast path copies runs without escapes straight from the buffer; escapes go through `scratch`.
    mutating func parseString() throws(JSONParseError) -> String {
        index += 1
        let start = index
        var scratch: [UInt8]? = nil
        var runStart = index
        while true {
            guard index < bytes.count else { throw fail(.unexpectedEnd) }
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                let run = UnsafeBufferPointer(rebasing: bytes[runStart..<index])
                index += 1
                if var collected = scratch {
                    collected.append(contentsOf: run)
                    return try validated(collected, at: start)
                }
                return try validated(run, at: start)
            }
            if b < 0x20 { throw fail(.controlCharacterInString) }
            if b != UInt8(ascii: "\\") { index += 1; continue }
            if scratch == nil { scratch = [] }
            scratch!.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            try parseEscape(into: &scratch!)
            runStart = index
        }
    }

    func validated(_ utf8: some Collection<UInt8>, at offset: Int) throws(JSONParseError) -> String {
        guard let s = String(validating: utf8, as: UTF8.self) else { throw fail(.invalidUTF8, at: offset) }
        return s
    }

    mutating func parseEscape(into out: inout [UInt8]) throws(JSONParseError) {
        let escapeStart = index
        index += 1
        guard index < bytes.count else { throw fail(.unexpectedEnd) }
        let e = bytes[index]
        index += 1
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if (0xDC00...0xDFFF).contains(scalar) { throw fail(.unpairedSurrogate, at: escapeStart) }
            if (0xD800...0xDBFF).contains(scalar) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw fail(.unpairedSurrogate, at: escapeStart)
                }
                index += 2
                let low = try parseHex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw fail(.unpairedSurrogate, at: escapeStart) }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            // Cannot fail: surrogates were handled above and the value is below 0x110000.
            out.append(contentsOf: String(Character(UnicodeScalar(scalar)!)).utf8)
        default:
            throw fail(.invalidEscape, at: escapeStart)
        }
    }

    mutating func parseHex4() throws(JSONParseError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail(.unexpectedEnd, at: bytes.count) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[index]
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default: throw fail(.invalidEscape)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }
}
