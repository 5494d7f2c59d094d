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
    /// `printed`: where the sentence prints the units; `titleUnits`: the units the headline prints.
    init(sentence: Sentence, units: [RetrievalAnswerer.Unit], printed: PrintedSpans, types: [AnswerType],
         context: AnswerTypeDetector.Context, titleUnits: UInt64, establishedBefore: Set<Int>) {
        self.units = units
        let s = sentence.scalars
        var clauseInfo: [Window] = []
        let ranges = sentence.clauses.isEmpty ? [0..<s.count] : sentence.clauses.map(\.range)
        clauseInfo.reserveCapacity(ranges.count)
        for r in ranges {
            let (mask, synonymMask) = printed.units(in: r)
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
        let inSentence = clauseInfo.reduce(0 as UInt64) { $0 | $1.units }
        for (i, unit) in units.enumerated() {
            let bit: UInt64 = 1 << UInt64(i)
            if unit.inEntity || titleUnits & bit != 0 || (establishedBefore.contains(i) && inSentence & bit == 0) {
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

/// Where one sentence prints each of the question's units (itself or only a near-synonym) and
/// words, found in one pass over the sentence (`SpanMatcher`): a clause or window then asks only
/// whether a span lies inside it. A match steps over quote marks as `RetrievalAnswerer.contains`
/// does; its end is fixed by where it starts, so a span found in the whole sentence lies inside a
/// range exactly when a search of that range alone finds it.
struct PrintedSpans {
    struct Span {
        var item: Int32
        var lower: Int32
        var upper: Int32
        /// A question word's span (else a unit's).
        var word: Bool
        /// Found as one of the unit's near-synonyms, not as the unit itself.
        var alternative: Bool
    }

    fileprivate(set) var spans: [Span] = []
    /// Units printed anywhere in the sentence (as themselves or a near-synonym).
    fileprivate(set) var anywhere: UInt64 = 0

    @inline(__always) private static func inside(_ span: Span, _ r: Range<Int>) -> Bool {
        Int(span.lower) >= r.lowerBound && Int(span.upper) <= r.upperBound
    }

    /// Units printed inside `r`, and those of them printed there only as a near-synonym.
    func units(in r: Range<Int>) -> (all: UInt64, synonym: UInt64) {
        var direct: UInt64 = 0, alternative: UInt64 = 0
        for span in spans where !span.word && PrintedSpans.inside(span, r) {
            if span.alternative { alternative |= 1 << UInt64(span.item) } else { direct |= 1 << UInt64(span.item) }
        }
        return (direct | alternative, alternative & ~direct)
    }

    /// Total length of the distinct question words printed inside `r` or flagged in `also`
    /// (the headline's).
    func wordLength(in r: Range<Int>, words: [[Unicode.Scalar]], also: [Bool] = []) -> Int {
        // Up to 64 words (every question seen) in a bit mask: this runs for every window.
        if words.count <= 64 {
            var mask: UInt64 = 0
            for (i, flagged) in also.enumerated() where flagged { mask |= 1 << UInt64(i) }
            for span in spans where span.word && PrintedSpans.inside(span, r) { mask |= 1 << UInt64(span.item) }
            var total = 0
            while mask != 0 {
                total += words[mask.trailingZeroBitCount].count
                mask &= mask - 1
            }
            return total
        }
        var found = also.isEmpty ? [Bool](repeating: false, count: words.count) : also
        for span in spans where span.word && PrintedSpans.inside(span, r) { found[Int(span.item)] = true }
        var total = 0
        for (i, w) in words.enumerated() where found[i] { total += w.count }
        return total
    }
}

/// The question's units (with their near-synonyms) and words as patterns keyed by their first
/// scalar in a small open-addressed table, built once per question: a sentence is then walked
/// once, and only where a pattern can start is it tried.
struct SpanMatcher {
    private struct Pattern {
        var scalars: [Unicode.Scalar]
        var item: Int32
        var word: Bool
        var alternative: Bool
    }

    private var patterns: [Pattern] = []
    /// Per bucket: the first scalar (0 = empty) and the range of `order` holding its patterns.
    private var keys: [UInt32]
    private var starts: [Int32]
    private var ends: [Int32]
    private var order: [Int32] = []
    private let mask: Int

    init(units: [RetrievalAnswerer.Unit], words: [[Unicode.Scalar]]) {
        for (i, unit) in units.prefix(64).enumerated() {
            patterns.append(Pattern(scalars: unit.scalars, item: Int32(i), word: false, alternative: false))
            for a in unit.alternatives { patterns.append(Pattern(scalars: a, item: Int32(i), word: false, alternative: true)) }
        }
        for (i, w) in words.enumerated() { patterns.append(Pattern(scalars: w, item: Int32(i), word: true, alternative: false)) }
        patterns.removeAll { $0.scalars.isEmpty }
        var size = 16
        while size < patterns.count * 4 { size <<= 1 }
        mask = size - 1
        keys = [UInt32](repeating: 0, count: size)
        starts = [Int32](repeating: 0, count: size)
        ends = [Int32](repeating: 0, count: size)
        var byFirst: [UInt32: [Int32]] = [:]
        for (k, p) in patterns.enumerated() { byFirst[p.scalars[0].value, default: []].append(Int32(k)) }
        for (first, list) in byFirst.sorted(by: { $0.key < $1.key }) {
            var b = SpanMatcher.bucket(first, mask)
            while keys[b] != 0 { b = (b + 1) & mask }
            keys[b] = first
            starts[b] = Int32(order.count)
            order += list
            ends[b] = Int32(order.count)
        }
    }

    @inline(__always) private static func bucket(_ v: UInt32, _ mask: Int) -> Int { Int((v &* 2_654_435_761) >> 7) & mask }

    /// Every span of every pattern in `s`.
    func spans(in s: [Unicode.Scalar]) -> PrintedSpans {
        var out = PrintedSpans()
        s.withUnsafeBufferPointer { s in
            for i in s.indices {
                let v = s[i].value
                var b = SpanMatcher.bucket(v, mask)
                while keys[b] != 0 && keys[b] != v { b = (b + 1) & mask }
                guard keys[b] == v else { continue }
                for k in starts[b]..<ends[b] {
                    let p = patterns[Int(order[Int(k)])]
                    guard p.scalars.count <= s.count - i else { continue }
                    let end: Int? = p.scalars.withUnsafeBufferPointer { w in
                        var k = 1, j = i + 1
                        while k < w.count && j < s.count {
                            if s[j] == w[k] { k += 1; j += 1 } else if RetrievalAnswerer.isTransparent(s[j]) { j += 1 } else { break }
                        }
                        return k == w.count ? j : nil
                    }
                    guard let end else { continue }
                    out.spans.append(PrintedSpans.Span(item: p.item, lower: Int32(i), upper: Int32(end), word: p.word, alternative: p.alternative))
                    if !p.word { out.anywhere |= 1 << UInt64(p.item) }
                }
            }
        }
        return out
    }
}
