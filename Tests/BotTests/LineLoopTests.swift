import Foundation
import Testing
@testable import Bot

@Suite struct LineLoopTests {
    /// Runs the loop over `input` through pipes; returns the exit status and the output lines.
    private func run(_ input: [UInt8], forceJSON: Bool, maxLineBytes: Int = 4096) -> (Int32, [String]) {
        var inPipe: [Int32] = [0, 0]
        var outPipe: [Int32] = [0, 0]
        pipe(&inPipe)
        pipe(&outPipe)
        let writer = Thread { [inPipe] in
            SocketIO.writeAll(inPipe[1], input)
            close(inPipe[1])
        }
        writer.start()
        let output = OutputCollector(fd: outPipe[0])
        let status = LineLoop.run(input: inPipe[0], output: outPipe[1], answering: EchoAnswering(), defaultSession: "chat",
                                  forceJSON: forceJSON, maxLineBytes: maxLineBytes)
        close(outPipe[1])
        close(inPipe[0])
        let text = output.wait()
        close(outPipe[0])
        return (status, text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init))
    }

    @Test func exactlyOneReplyPerLineInOrder() {
        let input = "你好\n{\"id\":\"a\",\"text\":\"json q\"}\n\n\u{FF}\n{bad\nlast line without newline"
        var bytes = Array(input.utf8)
        bytes[bytes.firstIndex(of: 0xC3)!] = 0xFF  // make the U+00FF line invalid UTF-8
        bytes.remove(at: bytes.firstIndex(of: 0xBF)!)
        let (status, lines) = run(bytes, forceJSON: false)
        #expect(status == 0)
        #expect(lines.count == 6)
        #expect(lines[0] == "echo: 你好")
        #expect(lines[1].hasPrefix(#"{"id":"a","answer":"echo: json q","intent":"echo""#))
        #expect(lines[1].contains(#""session":"chat""#))
        #expect(lines[2].contains(#""code":"empty""#))
        #expect(lines[3].contains(#""code":"invalid_utf8""#))
        #expect(lines[4].contains(#""code":"invalid_json""#))
        #expect(lines[5] == "echo: last line without newline")
    }

    @Test func jsonModeAnswersPlainLinesInJSON() {
        let (status, lines) = run(Array("plain question\nGET / HTTP/1.0\n".utf8), forceJSON: true)
        #expect(status == 0)
        #expect(lines[0].hasPrefix(#"{"id":null,"answer":"echo: plain question""#))
        #expect(lines[1] == #"{"error":{"code":"http","message":"not an HTTP server: send one question per line"},"fallback":true}"#)
    }

    @Test func overlongLinesGetAnErrorAndTheLoopContinues() {
        let input = String(repeating: "x", count: 300) + "\nnext\n"
        let (status, lines) = run(Array(input.utf8), forceJSON: false, maxLineBytes: 100)
        #expect(status == 0)
        #expect(lines == [#"{"error":{"code":"line_too_long","message":"line longer than 100 bytes"},"fallback":true}"#, "echo: next"])
    }

    @Test func emptyInputEndsCleanly() {
        let (status, lines) = run([], forceJSON: false)
        #expect(status == 0)
        #expect(lines.isEmpty)
    }
}

/// Reads a descriptor to its end on a background thread.
final class OutputCollector: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var collected: [UInt8] = []

    init(fd: Int32) {
        Thread { [self] in
            var buf = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n <= 0 { break }
                collected.append(contentsOf: buf[0..<n])
            }
            done.signal()
        }.start()
    }

    func wait() -> String {
        done.wait()
        return String(decoding: collected, as: UTF8.self)
    }
}
