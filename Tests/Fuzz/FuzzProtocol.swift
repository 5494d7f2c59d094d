// libFuzzer entry point for the line framer, the JSON reader/writer and the protocol codec.
// Built outside SwiftPM by run.sh (swiftc -sanitize=fuzzer,address); not part of `swift test`.

/// One fuzz input: framed into lines, each decoded; the whole input decoded as one line; and any
/// JSON that parses must survive an encode → parse round trip unchanged.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProtocol(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let codec = ProtocolCodec(maxLineBytes: 4096)
    var framer = LineFramer(maxLineBytes: 512)
    framer.append(bytes)
    while let event = framer.nextLine() ?? framer.finish() {
        if case .line(let line) = event {
            let decoded = codec.decode(line)
            if case .question(let request) = decoded {
                let reply = Reply(id: request.id, answer: request.text, session: request.session)
                for format in [WireFormat.json, .plain] {
                    let out = codec.encode(reply, format: format)
                    precondition(out.last == 0x0A && out.dropLast().allSatisfy { $0 != 0x0A }, "reply is not one line")
                }
            }
        }
    }
    _ = codec.decode(bytes)
    if let value = try? JSONLine.parse(bytes, limits: JSONLimits(maxBytes: 1 << 16, maxDepth: 32)) {
        let encoded = JSONLine.encode(value)
        precondition(!encoded.contains("\n"), "encoded JSON spans lines")
        precondition((try? JSONLine.parse(Array(encoded.utf8), limits: JSONLimits(maxBytes: 1 << 20, maxDepth: 32))) == value,
                     "round trip changed the value")
    }
    return 0
}
