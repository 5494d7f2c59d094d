import Foundation

/// A JSON reply line as a client reads it back (`ask --socket`, tests).
enum ReplyLine: Equatable, Sendable {
    /// An answer (or a decline: `fallback` is true).
    case reply(Reply)
    /// An error reply or a connection refusal (`id` is absent on refusals).
    case error(code: String, message: String, id: JSONValue?)
    /// The reply to `{"cmd": …}`: the whole object.
    case control(JSONValue)
}

/// A reply line that is not what the protocol promises.
struct ReplyDecodingError: Error, Equatable, CustomStringConvertible {
    /// The line as received.
    var line: String
    /// What was wrong with it.
    var reason: String
    var description: String { "unexpected reply (\(reason)): \(line.prefix(200))" }
}

/// Reads JSON reply lines back into `Reply` values: the inverse of `ProtocolCodec.encode`.
enum ReplyDecoder {
    /// Decodes one JSON reply line (without or with its `\n`).
    static func decode(_ line: String) throws(ReplyDecodingError) -> ReplyLine {
        let trimmed = line.hasSuffix("\n") ? String(line.dropLast()) : line
        let value: JSONValue
        do {
            value = try JSONLine.parse(Array(trimmed.utf8), limits: JSONLimits(maxBytes: 64 << 20, maxDepth: 64))
        } catch {
            throw ReplyDecodingError(line: trimmed, reason: error.description)
        }
        guard case .object = value else { throw ReplyDecodingError(line: trimmed, reason: "not a JSON object") }
        if let error = value["error"] {
            guard let code = error["code"]?.stringValue, let message = error["message"]?.stringValue else {
                throw ReplyDecodingError(line: trimmed, reason: "error without code and message")
            }
            return .error(code: code, message: message, id: value["id"])
        }
        guard let answer = value["answer"]?.stringValue else { return .control(value) }
        var reply = Reply(id: value["id"].flatMap { $0 == .null ? nil : $0 }, answer: answer)
        reply.intent = value["intent"]?.stringValue
        if case .number(let n)? = value["confidence"] { reply.confidence = Double(n) ?? 0 }
        if case .bool(let b)? = value["fallback"] { reply.fallback = b }
        if case .array(let sources)? = value["sources"] {
            reply.sources = sources.map {
                SourceCitation(article: $0["article"]?.stringValue ?? "", file: $0["file"]?.stringValue ?? "",
                               sentence: $0["sentence"]?.stringValue ?? "",
                               section: $0["section"]?.stringValue, publisher: $0["publisher"]?.stringValue)
            }
        }
        if case .array(let suggestions)? = value["suggestions"] { reply.suggestions = suggestions.compactMap(\.stringValue) }
        reply.session = value["session"]?.stringValue
        reply.lang = value["lang"]?.stringValue
        reply.debug = value["debug"]
        return .reply(reply)
    }
}
