import Testing
@testable import Bot

@Suite struct LineFramerTests {
    private func lines(_ chunks: [String], max: Int = 8, finish: Bool = false) -> [String] {
        var framer = LineFramer(maxLineBytes: max)
        var out: [String] = []
        func drain(_ event: LineFramer.Event?) -> Bool {
            switch event {
            case .line(let b)?: out.append(String(decoding: b, as: UTF8.self)); return true
            case .tooLong?: out.append("<too long>"); return true
            case nil: return false
            }
        }
        for chunk in chunks {
            framer.append(Array(chunk.utf8))
            while drain(framer.nextLine()) {}
        }
        if finish { while drain(framer.finish()) {} }
        return out
    }

    @Test(arguments: [
        (["a\nb\n"], ["a", "b"]),
        (["a", "b\n"], ["ab"]),
        (["\n\n"], ["", ""]),
        (["ab\r\n"], ["ab\r"]),
        (["12345678\n"], ["12345678"]),
        (["123456789\nok\n"], ["<too long>", "ok"]),
        (["1234", "56789", "abc\nok\n"], ["<too long>", "ok"]),
        (["中文\n"], ["中文"]),
        (["x\n中"], ["x"]),
    ])
    func splits(_ chunks: [String], _ expected: [String]) {
        #expect(lines(chunks) == expected)
    }

    @Test func tooLongIsReportedOnceBeforeTheNewlineArrives() {
        var framer = LineFramer(maxLineBytes: 4)
        framer.append(Array("abcdef".utf8))
        #expect(framer.nextLine() == .tooLong)
        framer.append(Array("ghijkl".utf8))
        #expect(framer.nextLine() == nil)
        #expect(framer.bufferedBytes == 0)
        framer.append(Array("mn\nok\n".utf8))
        #expect(framer.nextLine() == .line(Array("ok".utf8)))
    }

    @Test func finishReturnsTheUnterminatedLastLine() {
        #expect(lines(["a\nlast"], finish: true) == ["a", "last"])
        #expect(lines(["a\n"], finish: true) == ["a"])
        #expect(lines(["123456789"], finish: true) == ["<too long>"])
    }

    @Test func partialLineTracking() {
        var framer = LineFramer(maxLineBytes: 100)
        framer.append(Array("a\nhal".utf8))
        #expect(framer.nextLine() == .line([UInt8(ascii: "a")]))
        #expect(framer.nextLine() == nil)
        #expect(framer.hasPartialLine)
        framer.append(Array("f\n".utf8))
        #expect(framer.nextLine() == .line(Array("half".utf8)))
        #expect(framer.nextLine() == nil)
        #expect(framer.bufferedBytes == 0)
        #expect(!framer.hasPartialLine)
    }

    @Test func manySmallLinesStayLinear() {
        var framer = LineFramer(maxLineBytes: 64)
        let chunk = Array(String(repeating: "q\n", count: 10_000).utf8)
        var count = 0
        for _ in 0..<10 {
            framer.append(chunk)
            while case .line? = framer.nextLine() { count += 1 }
        }
        #expect(count == 100_000)
    }
}
