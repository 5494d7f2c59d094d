import Foundation
import Testing
@testable import Knowledge

/// Words from ICU's dictionary break (the toolchain's `_FoundationICU`), and the bigram fallback.
@Suite struct WordSegmenterTests {
    static func words(_ s: String) -> [String] {
        let scalars = Array(s.unicodeScalars)
        return WordSegmenter.shared.words(scalars).map { String(String.UnicodeScalarView(scalars[$0])) }
    }

    @Test func theDictionaryIsAvailableOnThisToolchain() {
        #if os(Linux)
        #expect(WordSegmenter.shared.isDictionaryBased)
        #endif
    }

    @Test(arguments: [
        ("小孩多高以下九水巴士免费", ["以下", "巴士", "免费"]),
        ("水上巴士要多少钱", ["水上", "巴士"]),
        ("学生卡丢了怎么补办", ["学生", "卡", "丢"]),
        ("微电子产业平台聚集了多少家企业", ["微电子", "产业", "平台", "企业"]),
    ])
    func questionsSplitIntoDictionaryWords(_ q: String, _ expected: [String]) throws {
        try #require(WordSegmenter.shared.isDictionaryBased)
        let w = Self.words(q)
        for e in expected { #expect(w.contains(e), "\(q) → \(w)") }
        // Words tile the text: nothing is lost between them.
        #expect(w.joined() == q)
    }

    @Test func punctuationAndSpacesAreNotWords() {
        let w = Self.words("想学车，交通学校 电话？ K258路")
        #expect(!w.contains { $0.contains("，") || $0.contains("？") || $0.contains(" ") })
        #expect(w.contains("K258"))
    }

    @Test func offsetsAreScalarIndicesEvenPastTheBasicPlane() {
        // 𠀋 is outside the BMP (two UTF-16 units): the ranges must still index scalars.
        let s = Array("𠀋学校电话".unicodeScalars)
        let ranges = WordSegmenter.shared.words(s)
        #expect(ranges.last?.upperBound == s.count)
        #expect(ranges.allSatisfy { $0.lowerBound >= 0 && $0.upperBound <= s.count })
    }

    @Test func emptyTextHasNoWords() {
        #expect(WordSegmenter.shared.words([]).isEmpty)
    }
}
