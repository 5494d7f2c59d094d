import Foundation

/// One request line after decoding.
enum DecodedLine: Sendable, Equatable {
    /// A question to answer.
    case question(Request)
    /// `{"cmd":"stats"}` or `{"cmd":"reload"}`; the caller checks who may run it.
    case control(ControlCommand, id: JSONValue?)
    /// Not a request: reply with this error in `format`, keep the connection.
    case invalid(LineError, id: JSONValue?, format: WireFormat)
}

/// The line protocol, in one place for `chat`, `serve --stdin` and the socket.
///
/// Requests (one per line, at most `maxLineBytes` bytes without the newline; a trailing CR and a
/// leading UTF-8 BOM are dropped):
/// - JSON: a line whose first non-blank byte is `{` (or `[`, which is then refused):
///   `{"id": any, "text": "…", "session": "…", "explain": true}` — `id`, `session`, `explain`
///   optional, unknown members ignored; or `{"id": any, "cmd": "stats" | "reload"}`.
/// - Plain: any other line of text; blanks around it are trimmed.
///
/// Replies (exactly one line per request line, `\n`-terminated):
/// - JSON: `{"id","answer","intent","confidence","fallback","sources":[{"article","file","sentence"}],
///   "suggestions","session","lang"}` then `"debug"` only when present; `id` is echoed verbatim
///   (`null` when absent).
/// - Plain: the answer with every line break and control character replaced by a space, then one
///   ` [来源: ARTICLE · FILE]` per distinct source (` [source: …]` when `lang` is `en`).
/// - Errors: `{"id":…,"error":{"code":…,"message":…},"fallback":true}` (`id` only when known) for
///   JSON lines and lines whose kind is unknown (empty, invalid UTF-8, binary); `ERR <code>: <message>`
///   for plain lines (e.g. `GET / HTTP/1.0`).
struct ProtocolCodec: Sendable {
    /// Caps for JSON requests (size and nesting), checked before parsing.
    var jsonLimits: JSONLimits

    /// A codec accepting lines of up to `maxLineBytes` and JSON nested `maxDepth` deep.
    init(maxLineBytes: Int = 4096, maxDepth: Int = 32) {
        self.jsonLimits = JSONLimits(maxBytes: maxLineBytes, maxDepth: maxDepth)
    }

    // MARK: decoding

    /// Classifies one line (without its `\n`).
    func decode(_ raw: some Collection<UInt8>) -> DecodedLine {
        var bytes = Array(raw)
        if bytes.last == 0x0D { bytes.removeLast() }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.count > jsonLimits.maxBytes { return .invalid(.tooLong(limit: jsonLimits.maxBytes), id: nil, format: .json) }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .invalid(.invalidUTF8, id: nil, format: .json) }
        guard let first = bytes.firstIndex(where: { !ProtocolCodec.isBlank($0) }) else {
            return .invalid(.empty, id: nil, format: .json)
        }
        if bytes[first] == UInt8(ascii: "{") || bytes[first] == UInt8(ascii: "[") { return decodeJSON(bytes) }
        if bytes.contains(where: ProtocolCodec.isControl) || text.unicodeScalars.contains(where: { (0x80...0x9F).contains($0.value) }) {
            return .invalid(.binary, id: nil, format: .json)
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return .invalid(.empty, id: nil, format: .json) }
        if ProtocolCodec.looksLikeHTTP(trimmed) { return .invalid(.http, id: nil, format: .plain) }
        return .question(Request(id: nil, text: trimmed, session: nil, explain: false, format: .plain))
    }

    private func decodeJSON(_ bytes: [UInt8]) -> DecodedLine {
        let value: JSONValue
        do { value = try JSONLine.parse(bytes, limits: jsonLimits) } catch {
            return .invalid(.invalidJSON(error), id: nil, format: .json)
        }
        guard case .object = value else { return .invalid(.badRequest("request must be a JSON object"), id: nil, format: .json) }
        let id = value["id"]
        func bad(_ why: String) -> DecodedLine { .invalid(.badRequest(why), id: id, format: .json) }

        if let cmd = value["cmd"] {
            guard let name = cmd.stringValue else { return bad("\"cmd\" must be a string") }
            guard let command = ControlCommand(rawValue: name) else { return .invalid(.unknownCommand(name), id: id, format: .json) }
            return .control(command, id: id)
        }
        guard let textValue = value["text"] else { return bad("missing \"text\"") }
        guard let text = textValue.stringValue else { return bad("\"text\" must be a string") }
        // White_Space is the set `.whitespacesAndNewlines` names, without Foundation's bridging
        // (which was 2 % of the daemon's CPU under load).
        if text.unicodeScalars.allSatisfy(\.properties.isWhitespace) { return .invalid(.empty, id: id, format: .json) }
        var session: String?
        switch value["session"] {
        case nil, .null?: session = nil
        case .string(let s)?: session = s.isEmpty ? nil : s
        default: return bad("\"session\" must be a string")
        }
        var explain = false
        switch value["explain"] {
        case nil, .null?: explain = false
        case .bool(let b)?: explain = b
        default: return bad("\"explain\" must be true or false")
        }
        return .question(Request(id: id, text: text, session: session, explain: explain, format: .json))
    }

    private static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

    private static func isControl(_ b: UInt8) -> Bool { (b < 0x20 && b != 0x09) || b == 0x7F }

    private static let httpMethods: Set<Substring> = ["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "CONNECT", "TRACE"]

    /// `METHOD TARGET HTTP/x` — a cross-protocol request, not a question.
    static func looksLikeHTTP(_ line: String) -> Bool {
        let parts = line.split(separator: " ", omittingEmptySubsequences: true)
        return parts.count == 3 && httpMethods.contains(parts[0]) && parts[2].hasPrefix("HTTP/")
    }

    // MARK: encoding

    /// The reply line for `reply` (with its `\n`).
    func encode(_ reply: Reply, format: WireFormat) -> [UInt8] {
        var out: [UInt8] = []
        switch format {
        case .json: JSONLine.encode(ProtocolCodec.jsonObject(for: reply), into: &out)
        case .plain: out.append(contentsOf: ProtocolCodec.plainText(for: reply).utf8)
        }
        out.append(0x0A)
        return out
    }

    /// The error reply line for one request line (with its `\n`).
    func encode(_ error: LineError, id: JSONValue?, format: WireFormat) -> [UInt8] {
        var out: [UInt8] = []
        switch format {
        case .json:
            var members: [(String, JSONValue)] = []
            if let id { members.append(("id", id)) }
            members.append(("error", .object([("code", .string(error.code)), ("message", .string(error.message))])))
            members.append(("fallback", .bool(true)))
            JSONLine.encode(.object(members), into: &out)
        case .plain:
            out.append(contentsOf: "ERR \(error.code): \(ProtocolCodec.singleLine(error.message))".utf8)
        }
        out.append(0x0A)
        return out
    }

    /// The reply to a control command: `{"id":…, <members>}` (with its `\n`).
    func encodeControl(_ members: [(String, JSONValue)], id: JSONValue?) -> [UInt8] {
        var out: [UInt8] = []
        JSONLine.encode(.object([("id", id ?? .null)] + members), into: &out)
        out.append(0x0A)
        return out
    }

    /// The reply's members in wire order.
    static func jsonObject(for reply: Reply) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", reply.id ?? .null),
            ("answer", .string(reply.answer)),
            ("intent", reply.intent.map(JSONValue.string) ?? .null),
            ("confidence", .double(reply.confidence)),
            ("fallback", .bool(reply.fallback)),
            ("sources", .array(reply.sources.map {
                var fields: [(String, JSONValue)] = [("article", .string($0.article)), ("file", .string($0.file)), ("sentence", .string($0.sentence))]
                if let section = $0.section { fields.append(("section", .string(section))) }
                if let publisher = $0.publisher { fields.append(("publisher", .string(publisher))) }
                return .object(fields)
            })),
            ("suggestions", .array(reply.suggestions.map(JSONValue.string))),
            ("session", reply.session.map(JSONValue.string) ?? .null),
            ("lang", reply.lang.map(JSONValue.string) ?? .null),
        ]
        if let debug = reply.debug { members.append(("debug", debug)) }
        return .object(members)
    }

    /// The plain-text framing: one line, sources appended in brackets.
    static func plainText(for reply: Reply) -> String {
        var text = singleLine(reply.answer)
        let label = reply.lang == "en" ? "source" : "来源"
        var seen = Set<String>()
        for s in reply.sources where seen.insert(s.article + "\u{0}" + s.file).inserted {
            text += " [\(label): \(singleLine(s.article)) · \(singleLine(s.file))]"
        }
        return text
    }

    /// Replaces line breaks (`\r\n` counts once) and other control characters with a space.
    static func singleLine(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in s.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            if scalar == "\n" && previousCR { continue }
            let v = scalar.value
            if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || v == 0x2028 || v == 0x2029 {
                out.append(" ")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
