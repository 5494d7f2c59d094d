import Foundation
import Testing
@testable import Knowledge

/// The helpers the build and the search lean on for speed must give what the slow forms gave:
/// parallel results in index order, the best k in order with ties kept, the longest word
/// wherever it sits in a list, strings from scalars.
@Suite struct BuildHelpersTests {
    @Test func parallelMapKeepsIndexOrder() {
        let out = parallelMap(1000) { i in i * i }
        #expect(out == (0..<1000).map { $0 * $0 })
        #expect(parallelMap(0) { $0 }.isEmpty)
        #expect(parallelMap(1) { $0 + 7 } == [7])
    }

    @Test func concurrentlyReturnsBothResults() {
        let (a, b) = concurrently({ (1...100).reduce(0, +) }, { "右" + "边" })
        #expect(a == 5050)
        #expect(b == "右边")
    }

    @Test("top k equals a full stable sort cut to k", arguments: [0, 1, 3, 10, 50])
    func topK(limit: Int) {
        // Scores with many ties; the index is carried to check their order.
        let items = (0..<40).map { (i: $0, score: Double(($0 * 7) % 5)) }
        let expected = Array(items.enumerated().sorted { ($0.1.score, -$0.0) > ($1.1.score, -$1.0) }.map(\.1).prefix(limit))
        let got = SentenceIndex.top(items, limit: limit) { $0.score }
        #expect(got.map(\.i) == expected.map(\.i))
    }

    @Test func longestWordAtAndEndingAt() {
        let sc = SentenceScanner(tracked: Normalizer().normalizeTracked("预计将达到300余项"), sentenceID: 0)
        #expect(sc.longestWord(["预", "预计", "预计将"], at: 0, limit: sc.count) == "预计将")
        #expect(sc.longestWord(["预计将"], at: 0, limit: 2) == nil)            // would run past the limit
        #expect(sc.longestWord(["达", "达到", "将达到"], endingAt: 5, from: 0) == "将达到")
        #expect(sc.longestWord(["将达到"], endingAt: 5, from: 3) == nil)       // would start before `from`
        #expect(sc.stripWords(0..<sc.count, leading: ["预", "预计将", "达到"], trailing: ["项", "余项"]) == 5..<8)   // 预计将|达到 … 余项
    }

    @Test func longestFirstIsStable() {
        #expect(longestFirst(["村", "社区", "街", "小区", "服务中心"]) == ["服务中心", "社区", "小区", "村", "街"])
    }

    @Test("strings from scalars", arguments: ["", "嘉善", "K258路 6:15", "𠀋 emoji 🚌", "“诚信制”"])
    func stringFromScalars(_ s: String) {
        #expect(String(scalars: Array(s.unicodeScalars)) == s)
        #expect(String(scalars: s.unicodeScalars.dropFirst()) == String(String.UnicodeScalarView(s.unicodeScalars.dropFirst())))
    }

    @Test("term keys equal the terms' keys", arguments: ["115路首班车", "惠农e贷余额", "地铁17号线", "“诚信制”物业", "K258路 6:15 发车", "", "abc 12𠀋"])
    func termKeys(_ s: String) {
        let scalars = Array(s.unicodeScalars)
        #expect(Tokenizer.termKeys(scalars) == Tokenizer.terms(scalars).map(\.key))
    }

    @Test("byte-level text tests agree with the character ones",
          arguments: [("嘉善公交线路", "公交"), ("嘉善公交线路", "线路"), ("嘉善", "嘉善公交"), ("abc", ""), ("e\u{301}x", "e"), ("公交\u{FE0F}", "公交")])
    func plainTextTests(_ pair: (String, String)) {
        let (text, word) = pair
        #expect(text.containsText(word) == text.contains(word))
        #expect(text.hasTextPrefix(word) == text.hasPrefix(word))
        #expect(text.hasTextSuffix(word) == text.hasSuffix(word))
        #expect(text.scalarCount == text.unicodeScalars.count)
        #expect(text.hasAtMostScalars(3) == (text.unicodeScalars.count <= 3))
        if !word.isEmpty { #expect(text.includes(word) == (text.utf8.count >= word.utf8.count && Array(text.utf8).indices.contains { i in Array(text.utf8)[i...].starts(with: word.utf8) })) }
    }

    @Test func scannerFindsEveryOccurrence() {
        let sc = SentenceScanner(tracked: Normalizer().normalizeTracked("公交公交车到公交站"), sentenceID: 0)
        #expect(sc.occurrences(of: "公交") == [0, 2, 6])
        #expect(sc.occurrences(of: "公交", in: 1..<9) == [2, 6])
        #expect(sc.find("公交", from: 3) == 6)
        #expect(sc.occurrences(of: "公交车站").isEmpty)
        #expect(sc.matches("到公交", at: 5) && !sc.matches("到公交站台", at: 5))
    }
}
