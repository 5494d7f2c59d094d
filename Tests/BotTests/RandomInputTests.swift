import Testing
@testable import Bot

/// Random bytes through the framer and the codec: never a crash, always exactly one reply line.
@Suite struct RandomInputTests {
    @Test func everyRandomLineGetsExactlyOneReplyLine() {
        var rng = SystemRandomNumberGenerator()
        let codec = ProtocolCodec(maxLineBytes: 512)
        let responder = LineResponder(codec: codec, answering: EchoAnswering(), controls: nil, observer: nil)
        // Bytes that steer the generator towards JSON-ish and UTF-8-ish input as well as noise.
        let alphabet: [UInt8] = Array(#"{}[]":,\u0123456789abcdefnrtl-+.eE "#.utf8) + [0x00, 0x0D, 0xC3, 0xA9, 0xE4, 0xB8, 0xAD, 0xFF, 0xF0, 0x9F]
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...300, using: &rng)
            let line: [UInt8] = (0..<length).map { _ in
                Bool.random(using: &rng) ? alphabet.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
            }.filter { $0 != 0x0A }
            let reply = responder.respondAndWait(to: line, from: .owner, defaultSession: "fuzz")
            #expect(reply.last == 0x0A && reply.filter { $0 == 0x0A }.count == 1)
        }
    }

    @Test func randomChunkingDoesNotChangeTheLines() {
        var rng = SystemRandomNumberGenerator()
        let text = (0..<2000).map { i in i % 7 == 0 ? "" : String(repeating: "行", count: i % 50) }
        let stream = Array(text.joined(separator: "\n").utf8) + [0x0A]
        var framer = LineFramer(maxLineBytes: 4096)
        var lines: [String] = []
        var offset = 0
        while offset < stream.count {
            let n = min(Int.random(in: 1...700, using: &rng), stream.count - offset)
            framer.append(stream[offset..<offset + n])
            offset += n
            while case .line(let bytes)? = framer.nextLine() { lines.append(String(decoding: bytes, as: UTF8.self)) }
        }
        #expect(lines == text)
    }
}
