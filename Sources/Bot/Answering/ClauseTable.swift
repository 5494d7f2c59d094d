import Foundation
import Knowledge

/// What each clause of a candidate sentence holds, computed once so that every window (one to
/// three consecutive clauses) is scored by OR-ing bit masks instead of rescanning text: which of
/// the question's units it prints, which kinds of value it holds, and how many of its Han
/// characters are new (not in the question).
struct ClauseTable {
    struct Window {
        var range: Range<Int>
        var units: UInt64
        /// Units printed only as a near-synonym.
        var synonymUnits: UInt64
        var types: AnswerTypeSet
        var han: Int
        var new: Int
    }

    let units: [RetrievalAnswerer.Unit]
    let clauses: [Window]
    /// Units that are the topic (the named entity or in the headline), and the rest (what is
    /// asked about the topic).
    let topicMask: UInt64
    let predicateMask: UInt64
    let topicTotal: Double
    let predicateTotal: Double
    /// Full weight of the predicate units (lone characters not halved): how much of the question
    /// is asked beyond its topic.
    let predicateWeightTotal: Double
    /// Consecutive clause index pairs (first, last) within the window length limit.
    let windows: [(Int, Int)]

    /// `establishedBefore`: indices of units the article printed just before this sentence. Such a
    /// unit that this sentence does not repeat (a company named in the previous sentence) is part
    /// of the topic the story has established, not something the clause must repeat.
    init(sentence: Sentence, units: [RetrievalAnswerer.Unit], types: [AnswerType], context: AnswerTypeDetector.Context,
         title: [Unicode.Scalar], establishedBefore: Set<Int>, answerer: RetrievalAnswerer) {
        self.units = units
        let s = sentence.scalars
        var clauseInfo: [Window] = []
        let ranges = sentence.clauses.isEmpty ? [0..<s.count] : sentence.clauses.map(\.range)
        for r in ranges {
            var mask: UInt64 = 0, synonymMask: UInt64 = 0
            for (i, unit) in units.enumerated() {
                if answerer.contains(s, r, unit.scalars) { mask |= 1 << UInt64(i) }
                else if answerer.matchesOnlyByAlternative(s, r, unit) { mask |= 1 << UInt64(i); synonymMask |= 1 << UInt64(i) }
            }
            var found = AnswerTypeSet()
            for t in types where AnswerTypeDetector.contains(t, in: s, range: r, context: context) { found.insert(t) }
            for unit in units { if let cue = unit.cue, !found.contains(cue), AnswerTypeDetector.contains(cue, in: s, range: r, context: context) { found.insert(cue) } }
            var han = 0, new = 0
            for i in r where ScalarClass.isHan(s[i]) { han += 1; if !context.question.contains(s[i]) { new += 1 } }
            clauseInfo.append(Window(range: r, units: mask, synonymUnits: synonymMask, types: found, han: han, new: new))
        }
        clauses = clauseInfo
        var topic: UInt64 = 0, predicate: UInt64 = 0
        var topicTotal = 0.0, predicateTotal = 0.0, predicateFull = 0.0
        for (i, unit) in units.enumerated() {
            let inSentence = clauseInfo.contains { $0.units & (1 << UInt64(i)) != 0 }
            if unit.inEntity || answerer.matches(title, 0..<title.count, unit) || (establishedBefore.contains(i) && !inSentence) {
                topic |= 1 << UInt64(i); topicTotal += unit.weight
            } else {
                predicate |= 1 << UInt64(i); predicateTotal += unit.weight * (unit.scalars.count == 1 ? 0.5 : 1)
                predicateFull += unit.weight
            }
        }
        topicMask = topic
        predicateMask = predicate
        self.topicTotal = topicTotal
        self.predicateTotal = predicateTotal
        predicateWeightTotal = predicateFull
        var pairs: [(Int, Int)] = []
        for a in clauseInfo.indices {
            for b in a..<min(clauseInfo.count, a + 3) {
                if b > a && clauseInfo[b].range.upperBound - clauseInfo[a].range.lowerBound > RetrievalAnswerer.maxWindow { break }
                pairs.append((a, b))
            }
        }
        windows = pairs
    }

    /// Clauses `a…b` as one window.
    func combine(_ a: Int, _ b: Int) -> Window {
        var w = clauses[a]
        if b > a {
            var direct = w.units & ~w.synonymUnits
            for k in (a + 1)...b { direct |= clauses[k].units & ~clauses[k].synonymUnits }
            for k in (a + 1)...b {
                w.units |= clauses[k].units
                w.synonymUnits |= clauses[k].synonymUnits
                w.types.formUnion(clauses[k].types)
                w.han += clauses[k].han
                w.new += clauses[k].new
            }
            w.range = clauses[a].range.lowerBound..<clauses[b].range.upperBound
            w.synonymUnits &= ~direct
        }
        return w
    }

    /// Weight of the units in `mask`, plus cue units whose kind of value is present.
    func weight(_ mask: UInt64, cueTypes: AnswerTypeSet) -> Double {
        var total = 0.0
        for (i, unit) in units.enumerated() {
            let bit: UInt64 = 1 << UInt64(i)
            if mask & bit != 0 || (topicMask & bit != 0 && unit.cue.map(cueTypes.contains) == true) { total += unit.weight }
        }
        return total
    }

    /// Like `weight` over the predicate units, with lone characters counted half.
    func predicateWeight(_ mask: UInt64, cueTypes: AnswerTypeSet) -> Double {
        var total = 0.0
        for (i, unit) in units.enumerated() {
            let bit: UInt64 = 1 << UInt64(i)
            guard predicateMask & bit != 0 else { continue }
            if mask & bit != 0 || unit.cue.map(cueTypes.contains) == true {
                total += unit.weight * (unit.scalars.count == 1 ? 0.5 : 1)
            }
        }
        return total
    }
}
