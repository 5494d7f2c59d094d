import Foundation
import Testing
@testable import Knowledge

@Suite struct ScriptTablesTests {

    // MARK: - Traditional → Simplified

    @Test(arguments: [
        ("臺灣", "台湾"),
        ("發車", "发车"),
        ("幾點", "几点"),
        ("嘉興", "嘉兴"),
        ("陸家嘴", "陆家嘴"),
        ("台湾", "台湾"),  // simplified text unchanged
        ("嘉兴南站发车时间", "嘉兴南站发车时间"),
        ("Line 5, 10:30 AM", "Line 5, 10:30 AM"),  // ASCII unchanged
        ("", ""),
        ("幾點發車?", "几点发车?"),  // mixed
    ])
    func simplifiedText(input: String, expected: String) {
        #expect(ScriptTables.simplified(input).unicodeScalars.elementsEqual(expected.unicodeScalars))
    }

    @Test func simplifiedScalar() {
        #expect(ScriptTables.simplified(Unicode.Scalar("臺")) == Unicode.Scalar("台"))
        #expect(ScriptTables.simplified(Unicode.Scalar("興")) == Unicode.Scalar("兴"))
        #expect(ScriptTables.simplified(Unicode.Scalar("台")) == Unicode.Scalar("台"))
        #expect(ScriptTables.simplified(Unicode.Scalar("A")) == Unicode.Scalar("A"))
        #expect(ScriptTables.simplified(Unicode.Scalar("é")) == Unicode.Scalar("é"))
        #expect(ScriptTables.simplified(Unicode.Scalar(0x20000)!) == Unicode.Scalar(0x20000)!)
    }

    // MARK: - Pinyin

    @Test(arguments: [
        ("青浦", "qingpu"),
        ("嘉善", "jiashan"),
        ("陆", "lu"),
        ("路", "lu"),
        ("绿", "lu"),  // ü folds to u
        ("陸", "lu"),  // traditional forms have readings too
        ("平湖", "pinghu"),
        ("田园五镇", "tianyuanwuzhen"),
        ("115陆", "115lu"),
        ("115路", "115lu"),
        ("G60 高速", "g60gaosu"),
        ("１１５路", "115lu"),  // full-width digits
        ("嘉兴, 平湖!", "jiaxingpinghu"),
        ("二〇二四", "erlingersi"),
        ("", ""),
    ])
    func pinyinKey(input: String, expected: String) {
        #expect(ScriptTables.pinyinKey(of: input) == expected)
        #expect(ScriptTables.pinyinSyllables(of: input).joined() == expected)
    }

    @Test(arguments: [
        ("青浦", ["qing", "pu"]),
        ("嘉善", ["jia", "shan"]),
        ("田园五镇", ["tian", "yuan", "wu", "zhen"]),
        ("115陆", ["115", "lu"]),
        ("G60高速", ["g60", "gao", "su"]),
        ("嘉善, Line 2!", ["jia", "shan", "line", "2"]),
        ("臺灣", ["tai", "wan"]),
        ("— ，。", []),
    ])
    func pinyinSyllables(input: String, expected: [String]) {
        #expect(ScriptTables.pinyinSyllables(of: input) == expected)
    }

    @Test func pinyinScalar() {
        #expect(ScriptTables.pinyin(Unicode.Scalar("嘉")) == "jia")
        #expect(ScriptTables.pinyin(Unicode.Scalar("陆")) == "lu")
        #expect(ScriptTables.pinyin(Unicode.Scalar("A")) == nil)
        #expect(ScriptTables.pinyin(Unicode.Scalar("，")) == nil)
        #expect(ScriptTables.pinyin(Unicode.Scalar("あ")) == nil)
    }

    // MARK: - Consistency with ICU (catches a stale or broken generated file)

    /// ~2,000 scalars spread evenly over the covered ranges, plus every
    /// traditional scalar listed in the generated pair table.
    static func sampleScalars() -> [Unicode.Scalar] {
        var all: [Unicode.Scalar] = []
        for range in ScriptTables.coveredRanges {
            for v in range { all.append(Unicode.Scalar(v)!) }
        }
        let step = max(1, all.count / 2_000)
        return stride(from: 0, to: all.count, by: step).map { all[$0] }
    }

    @Test func tableShape() {
        #expect(ScriptTables.layoutCount == 28_096)
        #expect(ScriptTables.simplifiedMap.count == ScriptTables.layoutCount)
        #expect(ScriptTables.pinyinSyllableNumbers.count == ScriptTables.layoutCount)
        #expect(ScriptTables.pinyinSyllableTable.first == "")
        #expect(ScriptTables.pinyinSyllableTable.count > 300)
        #expect(ScriptTables.traditionalSimplifiedPairCount > 2_000)
        // Every layout offset round-trips.
        var offset = 0
        for range in ScriptTables.coveredRanges {
            for v in range {
                #expect(ScriptTables.layoutOffset(v) == offset)
                offset += 1
            }
        }
        #expect(ScriptTables.layoutOffset(0x33FF) == nil)
        #expect(ScriptTables.layoutOffset(0x4DC0) == nil)
        #expect(ScriptTables.layoutOffset(0xA000) == nil)
        #expect(ScriptTables.layoutOffset(0xFB00) == nil)
    }

    @Test func simplifiedMatchesICU() {
        let transform = StringTransform("Traditional-Simplified")
        var traditional: [Unicode.Scalar] = []
        var pairs = ScriptTables.traditionalSimplifiedPairs.unicodeScalars.makeIterator()
        while let t = pairs.next(), pairs.next() != nil { traditional.append(t) }
        var mismatches: [String] = []
        for s in Self.sampleScalars() + traditional {
            let icu = String(Character(s)).applyingTransform(transform, reverse: false)
                .map { Array($0.unicodeScalars) } ?? [s]
            let expected = icu.count == 1 ? icu[0] : s
            let actual = ScriptTables.simplified(s)
            if actual != expected {
                mismatches.append("U+\(String(s.value, radix: 16, uppercase: true)) \(s): table \(actual), ICU \(String(String.UnicodeScalarView(icu)))")
            }
        }
        #expect(mismatches.isEmpty, "Traditional-Simplified table disagrees with ICU (regenerate with scripts/generate-text-tables.swift): \(mismatches.prefix(20))")
    }

    @Test func pinyinMatchesICU() {
        let transform = StringTransform("Han-Latin; Latin-ASCII")
        var mismatches: [String] = []
        for s in Self.sampleScalars() {
            let icu = String(Character(s)).applyingTransform(transform, reverse: false)?
                .trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            let expected: String? =
                !icu.isEmpty && icu.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }) ? icu : nil
            let actual = ScriptTables.pinyin(s)
            if actual != expected {
                mismatches.append("U+\(String(s.value, radix: 16, uppercase: true)) \(s): table \(actual ?? "nil"), ICU \(icu)")
            }
        }
        #expect(mismatches.isEmpty, "Pinyin table disagrees with ICU (regenerate with scripts/generate-text-tables.swift): \(mismatches.prefix(20))")
    }

    @Test func concurrentFirstUse() async {
        // The lazy tables are `static let`s; hammer them from many tasks.
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    ScriptTables.simplified("嘉興") == "嘉兴" && ScriptTables.pinyinKey(of: "青浦") == "qingpu"
                }
            }
            for await ok in group { #expect(ok) }
        }
    }

    @Test(arguments: [("幾點發車", true), ("嘉興", true), ("几点发车", false), ("When is the first bus?", false), ("", false)])
    func hasTraditional(_ text: String, _ expected: Bool) {
        #expect(ScriptTables.hasTraditional(text) == expected, "\(text)")
    }
}
