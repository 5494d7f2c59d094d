import Foundation
import Knowledge

/// Answers from the index when no structured fact fits: finds the sentences that cover the
/// question's content, then the clause window (one to three clauses) that covers it best and
/// holds the kind of value asked for (a date for "when", a number for "how many"…).
///
/// Coverage before confidence: every content unit of the question (bigrams of its content
/// segments, single characters standing alone, ASCII words) is weighted by its idf, units the
/// corpus never contains weigh the most, and the chosen sentence together with its headline must
/// carry at least `minimumCoverage` of that weight. A question about something no article covers
/// is declined even when some words overlap.
struct RetrievalAnswerer {
    let kb: KnowledgeBase

    /// Share of the question's content weight the answer's sentence (+ headline) must carry.
    static let minimumCoverage = 0.55
    /// Share of the question's unexplained content a structured answer's article must carry.
    static let factCoverageThreshold = 0.6
    /// Longest clause window considered, in scalars (a single clause may be longer).
    static let maxWindow = 72
    /// Sentences examined.
    static let candidates = 12

    struct Unit {
        var scalars: [Unicode.Scalar]
        var weight: Double
        /// An answer-type cue (`电话`): satisfied by a value of that type as well as by the word.
        var cue: AnswerType?
        /// Part of a name the question matched (`日月星辰小区`): the sentence or article must carry
        /// it, but the clause chosen is picked by the other units (what is asked about the name).
        var inEntity: Bool = false
        /// The corpus contains it somewhere.
        var present: Bool = true
        /// Accounted for by an intent keyword or a slot/cue word (`首班`, `明天`, `电话`).
        var explained: Bool = false
    }

    struct Result {
        var sentence: Int
        var window: Range<Int>
        var text: String
        var coverage: Double
        var score: Double
        var debug: [(String, JSONValue)]
    }

    /// Content units of a question with their weights. A bigram the corpus never contains
    /// weighs the most (it is what the corpus lacks) — unless a neighbouring bigram is known, in
    /// which case it is a junction of two known words (`平湖|企服`) and weighs little. English
    /// words neither the glossary nor a name explains count as absent units.
    func units(of u: Understanding) -> [Unit] {
        let n = Double(max(kb.sentences.count, 1))
        let absentWeight = log(1 + n) + 1
        var out: [Unit] = []
        var seen = Set<[Unicode.Scalar]>()
        let entityRanges = u.entities.filter { $0.kind != .pinyin }.map(\.range)
        let keywordRanges = u.keywordRanges
        let explainedRanges = u.explainedRanges + u.routes.map(\.range)
        for seg in u.contentSegments {
            let s = seg.scalars.filter { !RetrievalAnswerer.transparent.contains($0) }
            var pieces: [(Range<Int>, [Unicode.Scalar])] = []
            var i = 0
            while i < s.count {
                if ScalarClass.isASCIIAlnum(s[i]) {
                    var j = i
                    while j < s.count, ScalarClass.isASCIIAlnum(s[j]) { j += 1 }
                    pieces.append((i..<j, Array(s[i..<j])))
                    i = j
                    continue
                }
                if i + 1 < s.count, ScalarClass.isHan(s[i + 1]) {
                    pieces.append((i..<(i + 2), [s[i], s[i + 1]]))
                } else if (i == 0 || !ScalarClass.isHan(s[i - 1])) {
                    pieces.append((i..<(i + 1), [s[i]]))    // a character standing alone
                }
                i += 1
            }
            let present = pieces.map { kb.index.sentenceFrequency(term(for: $0.1)) > 0 }
            for (k, (r, p)) in pieces.enumerated() where seen.insert(p).inserted {
                var w: Double
                if present[k] {
                    w = kb.index.idf(term(for: p))
                } else {
                    let left = k > 0 && present[k - 1] && pieces[k - 1].0.upperBound > r.lowerBound
                    let right = k + 1 < pieces.count && present[k + 1] && pieces[k + 1].0.lowerBound < r.upperBound
                    w = left && right ? 0 : (left || right ? 0.25 * absentWeight : absentWeight)
                }
                if p.count == 1 { w *= 0.5 }
                let absolute = (seg.start + r.lowerBound)..<(seg.start + r.upperBound)
                let cue = u.typeCues.first { $0.range.overlaps(absolute) }?.type
                // An intent keyword the corpus lacks (`找哪里`) says what is asked, not what about.
                if !present[k] && keywordRanges.contains(where: { $0.overlaps(absolute) }) { w = min(w, 0.5) }
                let inEntity = entityRanges.contains { $0.lowerBound <= absolute.lowerBound && absolute.upperBound <= $0.upperBound }
                let explained = absolute.allSatisfy { i in explainedRanges.contains { $0.contains(i) } }
                out.append(Unit(scalars: p, weight: w, cue: cue, inEntity: inEntity, present: present[k], explained: explained))
            }
        }
        for w in u.unknownWords where seen.insert(Array(w.unicodeScalars)).inserted {
            out.append(Unit(scalars: Array(w.unicodeScalars), weight: absentWeight, present: false))
        }
        return out
    }

    private func term(for p: [Unicode.Scalar]) -> Term {
        if p.count == 1 && ScalarClass.isHan(p[0]) { return Term(unigram: p[0]) }
        if p.count == 2 && p.allSatisfy(ScalarClass.isHan) { return Term(bigram: p[0], p[1]) }
        return Term(word: String(String.UnicodeScalarView(p)))
    }

    /// Quote marks are skipped when matching (`“诚信制”物业` matches `诚信制物业`).
    static let transparent: Set<Unicode.Scalar> = ["\u{201C}", "\u{201D}", "\"", "'", "《", "》"]

    /// The best clause window, or nil when nothing covers the question well enough.
    /// `focusArticles` restricts candidates (an entity the question names); `boostArticles`
    /// only favours them (an entity from the dialogue).
    func answer(_ u: Understanding, focusArticles: [Int]? = nil, boostArticles: [Int] = [], wantedTypes: [AnswerType]? = nil) -> Result? {
        let units = units(of: u)
        let total = units.reduce(0) { $0 + $1.weight }
        guard total > 0, units.contains(where: { $0.scalars.count >= 2 || !ScalarClass.isHan($0.scalars[0]) }) else { return nil }
        var terms: [(term: Term, weight: Double)] = []
        for seg in u.contentSegments { terms += SentenceIndex.weightedTerms(seg.text) }
        var hits = kb.index.search(terms, limit: RetrievalAnswerer.candidates * 3)
        if let focus = focusArticles {
            let set = Set(focus)
            hits = hits.filter { set.contains(kb.sentences[$0.sentence].article) }
            if hits.isEmpty {
                hits = focus.flatMap { kb.articles[$0].sentenceIDs }.map { SentenceHit(sentence: $0, score: 0, bodyScore: 0, titleScore: 0) }
            }
        }
        let topScore = hits.first?.score ?? 1
        let types = wantedTypes ?? u.answerTypes
        let strongTypes = types.filter { RetrievalAnswerer.strongTypes.contains($0) }
        let typeContext = AnswerTypeDetector.Context(question: u.normalized, terms: definitionTerms(u))
        var best: Result?
        var articleUnits: [Int: Set<Int>] = [:]
        for hit in hits.prefix(RetrievalAnswerer.candidates * (focusArticles == nil ? 1 : 3)) {
            let sentence = kb.sentences[hit.sentence]
            let article = kb.articles[sentence.article]
            let title = kb.index.normalizedTitle(of: sentence.article)
            // Coverage of the sentence plus headline, plus the names the rest of the article
            // establishes (a story names 日月星辰小区 once, then says 久旺物业 will manage it).
            let known = articleUnits[sentence.article] ?? presentUnits(units, article: sentence.article)
            articleUnits[sentence.article] = known
            let sentenceCoverage = coverage(units, total: total, in: sentence.scalars, 0..<sentence.scalars.count, title: title,
                                            types: types, context: typeContext, alsoPresent: known, contextWeight: 0.8)
            guard sentenceCoverage >= RetrievalAnswerer.minimumCoverage else { continue }
            // What is asked about the topic: units that are neither the named entity nor in the headline.
            let predicate = units.filter { !$0.inEntity && !contains(title, 0..<title.count, $0.scalars) }
            let topic = units.filter { $0.inEntity || contains(title, 0..<title.count, $0.scalars) }
            let predicateTotal = predicate.reduce(0) { $0 + $1.weight }
            let topicTotal = topic.reduce(0) { $0 + $1.weight }
            let boost = boostArticles.contains(sentence.article) ? 0.3 : 0
            for window in windows(sentence) {
                // A "when"/"how much"/"phone" question needs that kind of value in the answer.
                if !strongTypes.isEmpty && !strongTypes.contains(where: { AnswerTypeDetector.contains($0, in: sentence.scalars, range: window) }) { continue }
                let topicCoverage = topicTotal > 0
                    ? coverage(topic, total: topicTotal, in: sentence.scalars, window, title: nil, types: types, context: typeContext) : 0
                // With nothing asked beyond the topic (`平服365是什么`), the window must carry the topic.
                let predicateCoverage = predicateTotal > 0
                    ? coverage(predicate, total: predicateTotal, in: sentence.scalars, window, title: nil, types: types, context: typeContext)
                    : topicCoverage
                let hasType = types.contains { AnswerTypeDetector.contains($0, in: sentence.scalars, range: window, context: typeContext) }
                let typeMatch = types.isEmpty ? 0 : (hasType ? 0.7 : -0.9)
                let score = 2.0 * predicateCoverage + 0.5 * topicCoverage + 0.8 * sentenceCoverage + typeMatch
                    - 0.006 * Double(window.count) + 0.3 * hit.score / max(topScore, 1e-9) + boost
                let windowCoverage = predicateCoverage
                if best == nil || score > best!.score {
                    best = Result(sentence: hit.sentence, window: window, text: text(sentence, window), coverage: sentenceCoverage,
                                  score: score, debug: [("article", .string(article.title)),
                                                        ("sentence_coverage", .double(sentenceCoverage)),
                                                        ("window_coverage", .double(windowCoverage)),
                                                        ("type_match", .double(typeMatch)), ("bm25", .double(hit.score))])
                }
            }
        }
        return best
    }

    /// What a definition question asks about: the names it matched, else its content segments.
    func definitionTerms(_ u: Understanding) -> [[Unicode.Scalar]] {
        u.entities.filter { $0.kind != .pinyin }.map { Array(u.normalized[$0.range]) } + u.contentSegments.map(\.scalars)
    }

    /// Answer types that must appear in the clause chosen (a "when" needs a date).
    static let strongTypes: Set<AnswerType> = [.time, .date, .money, .number, .rank, .measure, .duration, .phone]

    /// Share of unit weight present in `s[range]` (or the headline); cue units also count when
    /// the range holds a value of their type; units in `alsoPresent` (indices) count at
    /// `contextWeight`.
    func coverage(_ units: [Unit], total: Double, in s: [Unicode.Scalar], _ range: Range<Int>, title: [Unicode.Scalar]?,
                  types: [AnswerType], context: AnswerTypeDetector.Context = .none, alsoPresent: Set<Int> = [], contextWeight: Double = 0) -> Double {
        var got = 0.0
        for (i, unit) in units.enumerated() {
            if contains(s, range, unit.scalars) || (title.map { contains($0, 0..<$0.count, unit.scalars) } ?? false) {
                got += unit.weight
            } else if let cue = unit.cue, AnswerTypeDetector.contains(cue, in: s, range: range, context: context) {
                got += unit.weight * 0.6      // the kind of value stands in for the cue word, a little weaker
            } else if alsoPresent.contains(i) {
                got += unit.weight * contextWeight
            }
        }
        return got / total
    }

    /// Indices of units found anywhere in an article (its sentences or headline).
    func presentUnits(_ units: [Unit], article: Int) -> Set<Int> {
        var out = Set<Int>()
        let title = kb.index.normalizedTitle(of: article)
        for (i, unit) in units.enumerated() {
            if contains(title, 0..<title.count, unit.scalars) { out.insert(i); continue }
            for sid in kb.articles[article].sentenceIDs {
                let sc = kb.sentences[sid].scalars
                if contains(sc, 0..<sc.count, unit.scalars) { out.insert(i); break }
            }
        }
        return out
    }

    /// Windows of one to three consecutive clauses (longer single clauses allowed).
    private func windows(_ sentence: Sentence) -> [Range<Int>] {
        let c = sentence.clauses
        var out: [Range<Int>] = []
        for a in c.indices {
            for b in a..<min(c.count, a + 3) {
                let r = c[a].range.lowerBound..<c[b].range.upperBound
                if b > a && r.count > RetrievalAnswerer.maxWindow { break }
                out.append(r)
            }
        }
        if out.isEmpty { out.append(0..<sentence.scalars.count) }
        return out
    }

    /// The printed text of a window, without leading connectives, ending with `。`.
    private func text(_ sentence: Sentence, _ window: Range<Int>) -> String {
        let clauses = sentence.clauses.filter { $0.range.lowerBound >= window.lowerBound && $0.range.upperBound <= window.upperBound }
        guard let first = clauses.first, let last = clauses.last else { return sentence.text }
        let original = Array(sentence.text.unicodeScalars)
        let lo = max(0, min(first.originalRange.lowerBound, original.count))
        let hi = max(lo, min(last.originalRange.upperBound, original.count))
        var t = String(String.UnicodeScalarView(original[lo..<hi])).trimmingCharacters(in: .whitespaces)
        for connective in RetrievalAnswerer.leadingConnectives where t.hasPrefix(connective) && t.count > connective.count + 4 {
            t = String(t.dropFirst(connective.count))
            break
        }
        t = t.trimmingCharacters(in: CharacterSet(charactersIn: ",，;；:： "))
        if let last = t.last, !"。！？!?”」".contains(last) { t += "。" }
        return t
    }

    /// Words that open a clause but add nothing to a quoted answer.
    static let leadingConnectives = ["同时,", "同时，", "此外,", "此外，", "其中,", "其中，", "另外,", "另外，", "并且", "并", "而且"]

    /// Substring test that steps over quote marks in `s` (see `transparent`).
    func contains(_ s: [Unicode.Scalar], _ r: Range<Int>, _ w: [Unicode.Scalar]) -> Bool {
        guard !w.isEmpty, w.count <= r.count else { return false }
        var i = r.lowerBound
        while i + w.count <= r.upperBound {
            if s[i] == w[0] {
                var k = 1
                var j = i + 1
                while k < w.count && j < r.upperBound {
                    if s[j] == w[k] { k += 1; j += 1 }
                    else if RetrievalAnswerer.transparent.contains(s[j]) { j += 1 }
                    else { break }
                }
                if k == w.count { return true }
            }
            i += 1
        }
        return false
    }
}

extension RetrievalAnswerer {
    /// Share of the question's unexplained content (not keywords, slots or cues) that the given
    /// articles carry — the coverage gate for structured answers: `115路周末加开班次吗` names
    /// 周末 and 加开, which the route's article never mentions, so its trip count is no answer.
    /// 1 when nothing is left to explain.
    func factCoverage(_ u: Understanding, articles: [Int]) -> Double {
        let all = units(of: u)
        let rest = all.filter { !$0.explained }
        let total = rest.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return 1 }
        var found = Set<Int>()
        for a in Set(articles) { found.formUnion(presentUnits(rest, article: a)) }
        // A bigram whose two characters each belong to an explained or found unit is only the
        // seam between two words (`发车|间隔` → `车间`), not something the article must print.
        var covered = Set<Unicode.Scalar>()
        for unit in all where unit.explained { covered.formUnion(unit.scalars) }
        for i in found { covered.formUnion(rest[i].scalars) }
        var got = 0.0
        for (i, unit) in rest.enumerated() {
            if found.contains(i) || (unit.scalars.count == 2 && unit.scalars.allSatisfy(covered.contains)) { got += unit.weight }
        }
        return got / total
    }

    /// Share of the question's content weight that occurs anywhere in the corpus.
    func corpusCoverage(_ u: Understanding) -> Double {
        let us = units(of: u)
        let total = us.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return 0 }
        return us.filter(\.present).reduce(0) { $0 + $1.weight } / total
    }

    /// Share of the question's content weight found in one sentence (with its headline).
    func sentenceCoverage(_ u: Understanding, sentence id: Int) -> Double {
        let us = units(of: u)
        let total = us.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return 0 }
        let s = kb.sentences[id]
        return coverage(us, total: total, in: s.scalars, 0..<s.scalars.count, title: kb.index.normalizedTitle(of: s.article), types: u.answerTypes)
    }

    /// Share of the question's content weight found anywhere in an article (sentences and headline).
    func articleCoverage(_ u: Understanding, article: Int) -> Double {
        let us = units(of: u)
        let total = us.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return 0 }
        let title = kb.index.normalizedTitle(of: article)
        var got = 0.0
        for unit in us {
            let found = kb.articles[article].sentenceIDs.contains { sid in
                let s = kb.sentences[sid].scalars
                return contains(s, 0..<s.count, unit.scalars)
            } || contains(title, 0..<title.count, unit.scalars)
            if found { got += unit.weight }
        }
        return got / total
    }
}
