import Testing
@testable import Bot

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
}
