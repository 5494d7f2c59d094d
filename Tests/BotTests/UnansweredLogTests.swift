import Foundation
import Testing
@testable import Bot

@Suite struct UnansweredLogTests {
    private func entry(_ text: String, normalized: String? = nil, nearest: [NearestCandidate] = [], time: String = "2026-01-01T00:00:00.000Z") -> UnansweredEntry {
        UnansweredEntry(time: time, text: text, normalized: normalized ?? text, nearest: nearest)
    }

    private func lines(_ path: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func writesDeclinedQuestionsOnlyAsWholeJSONLines() throws {
        let dir = TemporaryDirectory()
        let log = try UnansweredLog(path: dir.file("u.jsonl"), logger: .silent)
        let answering = EchoAnswering()
        for text in ["answered", "wifi?decline", "停车?decline"] {
            let request = Request(id: nil, text: text, session: nil)
            log.didAnswer(request, reply: answering.answer(request, defaultSession: "s"), seconds: 0)
        }
        log.flush()
        let written = lines(dir.file("u.jsonl"))
        #expect(written.count == 2)
        let first = try JSONLine.parse(Array(written[0].utf8))
        #expect(first["text"] == .string("wifi?decline"))
        #expect(first["normalized"] == .string("wifi?decline"))
        #expect(first["nearest"] == .array([.object([("article", .string("A")), ("file", .string("a.txt")), ("score", .number("0.500"))])]))
        #expect(UnansweredEntry(json: try JSONLine.parse(Array(written[1].utf8)))?.text == "停车?decline")
    }

    @Test func rotatesAtTheCapKeepingOneGeneration() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("u.jsonl")
        let log = try UnansweredLog(path: path, capBytes: 4096, logger: .silent)
        for i in 0..<200 { log.record(entry("question number \(i) " + String(repeating: "x", count: 40))) }
        log.flush()
        let live = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
        let rotated = try FileManager.default.attributesOfItem(atPath: path + ".1")[.size] as! Int
        #expect(live <= 4096)
        #expect(rotated <= 4096)
        #expect(!FileManager.default.fileExists(atPath: path + ".2"))
        // Every line in both files is whole, and the newest entry is in the live file.
        for line in lines(path + ".1") + lines(path) { #expect(UnansweredEntry(json: try JSONLine.parse(Array(line.utf8))) != nil) }
        #expect(lines(path).last?.contains("question number 199 ") == true)
    }

    @Test func appendsToAnExistingFileAndCountsItsSize() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("u.jsonl")
        #expect(FileManager.default.createFile(atPath: path, contents: Data(repeating: UInt8(ascii: "\n"), count: 4000)))
        let log = try UnansweredLog(path: path, capBytes: 4096, logger: .silent)
        log.record(entry(String(repeating: "y", count: 200)))
        log.flush()
        #expect(FileManager.default.fileExists(atPath: path + ".1"))
        #expect(lines(path).count == 1)
    }

    @Test func reportGroupsByNormalisedTextMostFrequentFirst() {
        let a = NearestCandidate(article: "公交调整", file: "003.txt", score: 0.4)
        let b = NearestCandidate(article: "天气", file: "001.txt", score: 0.3)
        let entries = [
            entry("wifi密码?", normalized: "wifi密码", nearest: [b]),
            entry("末班车几点？", normalized: "末班车几点", nearest: [a, b], time: "2026-01-01T00:00:01.000Z"),
            entry("末班车几点", normalized: "末班车几点", nearest: [a]),
            entry("末班车几点？", normalized: "末班车几点", nearest: []),
        ]
        let report = UnansweredReport(entries: entries)
        #expect(report.groups.map(\.normalized) == ["末班车几点", "wifi密码"])
        #expect(report.groups[0].count == 3)
        #expect(report.groups[0].examples == ["末班车几点？", "末班车几点"])
        #expect(report.groups[0].closest.map(\.file) == ["003.txt", "001.txt"])
        #expect(abs(report.groups[0].closest[0].score - 0.8) < 1e-9)
        #expect(report.groups[0].lastSeen == "2026-01-01T00:00:01.000Z")
        let text = report.render(top: 1)
        #expect(text.hasPrefix("4 declined question(s), 2 distinct\n"))
        #expect(text.contains("    3  末班车几点\n"))
        #expect(text.contains("closest: 公交调整 (003.txt, 0.80); 天气 (001.txt, 0.30)"))
        #expect(!text.contains("wifi"))
    }

    @Test func reportReadsRotatedAndLiveFilesAndSkipsTornLines() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("u.jsonl")
        func json(_ e: UnansweredEntry) -> String { JSONLine.encode(e.json) }
        try (json(entry("old")) + "\n" + #"{"text": "torn"#).write(toFile: path + ".1", atomically: true, encoding: .utf8)
        try (json(entry("new")) + "\n" + json(entry("old")) + "\n\n").write(toFile: path, atomically: true, encoding: .utf8)
        let report = try UnansweredReport.load(path: path)
        #expect(report.entries == 3)
        #expect(report.skippedLines == 1)
        #expect(report.groups.map(\.normalized) == ["old", "new"])
        #expect(throws: UsageError.self) { try UnansweredReport.load(path: dir.file("missing")) }
    }
}
