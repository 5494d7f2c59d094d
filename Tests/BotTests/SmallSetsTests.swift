import Testing
@testable import Bot
import Knowledge

/// The allocation-free sets the retrieval loop uses must agree with `Set`.
@Suite struct SmallSetsTests {
    @Test func scalarSetAgreesWithSet() {
        let question = Array("嘉善115路首班车几点发车？".unicodeScalars)
        let set = ScalarSet(question)
        let reference = Set(question)
        for s in "嘉善青浦115路首末班车几点发到？ABC".unicodeScalars { #expect(set.contains(s) == reference.contains(s), "\(s)") }
        #expect(!ScalarSet().contains("a"))
    }

    @Test func answerTypeSetHoldsEachTypeApart() {
        var set = AnswerTypeSet()
        #expect(set.isEmpty)
        set.insert(.phone)
        set.insert(.date)
        for t in AnswerType.allCases { #expect(set.contains(t) == [.phone, .date].contains(t), "\(t)") }
        var other = AnswerTypeSet()
        other.insert(.definition)
        set.formUnion(other)
        #expect(set.contains(.definition) && set.contains(.phone))
        #expect(Set(AnswerType.allCases.map(\.bit)).count == AnswerType.allCases.count)
    }

    /// One pass per sentence (`SpanMatcher`) must say of every clause range what a substring
    /// search of that range says (`RetrievalAnswerer.contains`, quote marks stepped over).
    @Test func spanMatcherAgreesWithASearchOfEachRange() {
        let text = "“诚信制”物业由嘉善县公交公司运营,公交公交车站在“公交”路口;首班7:30发车,末班公交17:00。"
        let kb = KnowledgeBase.build(pages: [Page(file: "2025-01-01_嘉善.txt", text: "标题\n" + text + "\n")])
        let retrieval = RetrievalAnswerer(kb: kb, scorer: AnswerScorer(weights: [], bias: 0, threshold: 0.5, dataHash: ""))
        func unit(_ t: String, alternatives: [String] = []) -> RetrievalAnswerer.Unit {
            RetrievalAnswerer.Unit(scalars: Array(t.unicodeScalars), weight: 1, alternatives: alternatives.map { Array($0.unicodeScalars) })
        }
        let units = [unit("公交"), unit("诚信制物业"), unit("营运", alternatives: ["运营"]), unit("首班"), unit("交车站"), unit("路口"),
                     unit("末班", alternatives: ["末班公交"]), unit("地铁"), unit("。")]
        let words = [Array("公交".unicodeScalars), Array("诚信制".unicodeScalars), Array("17:00".unicodeScalars), Array("没有".unicodeScalars)]
        let s = Array(text.unicodeScalars)
        let printed = SpanMatcher(units: units, words: words).spans(in: s)
        var checked = 0
        for a in 0...s.count {
            for b in a...s.count {
                let r = a..<b
                var all: UInt64 = 0, synonym: UInt64 = 0
                for (i, u) in units.enumerated() {
                    if retrieval.contains(s, r, u.scalars) { all |= 1 << UInt64(i) }
                    else if u.alternatives.contains(where: { retrieval.contains(s, r, $0) }) { all |= 1 << UInt64(i); synonym |= 1 << UInt64(i) }
                }
                let got = printed.units(in: r)
                #expect(got.all == all && got.synonym == synonym, "\(r)")
                let length = words.filter { retrieval.contains(s, r, $0) }.reduce(0) { $0 + $1.count }
                #expect(printed.wordLength(in: r, words: words) == length, "\(r)")
                checked += 1
            }
        }
        #expect(checked > 1000)
        // More words than a mask holds: the same lengths.
        let many = words + (0..<70).map { [Unicode.Scalar(0x4E00 + $0)!] } + [Array("站".unicodeScalars)]
        let wide = SpanMatcher(units: units, words: many).spans(in: s)
        let flags = many.indices.map { $0 == 1 }
        for r in [0..<s.count, 0..<10, 20..<40] {
            let length = many.enumerated().filter { retrieval.contains(s, r, $0.1) || $0.0 == 1 }.reduce(0) { $0 + $1.1.count }
            #expect(wide.wordLength(in: r, words: many, also: flags) == length, "\(r)")
            let narrow = words.enumerated().filter { retrieval.contains(s, r, $0.1) || $0.0 == 1 }.reduce(0) { $0 + $1.1.count }
            #expect(printed.wordLength(in: r, words: words, also: words.indices.map { $0 == 1 }) == narrow, "\(r)")
        }
        #expect(printed.anywhere == (1 << UInt64(units.count - 2)) - 1 | (1 << UInt64(units.count - 1)))
    }
}
