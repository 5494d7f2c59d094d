import Foundation
import Knowledge

/// Answers from the index when no structured fact fits: finds the sentences that cover the
/// question's content, then every clause window (one to three clauses) that holds the kind of
/// value asked for (a date for "when", a number for "how many"…), and lets the fitted
/// `AnswerScorer` choose: the most probable window, if it reaches the scorer's threshold.
///
/// Every content unit of the question (bigrams of its content segments, single characters
/// standing alone, ASCII words) is weighted by its idf, units the corpus never contains weigh
/// the most; the coverage of those units (and of the question's dictionary words) in the
/// sentence, headline, section headings and window are the scorer's main features.
struct RetrievalAnswerer: Sendable {
    /// "Does this article say X" is answered from the index postings (`SentenceIndex.prints`).
    let kb: KnowledgeBase
    let scorer: AnswerScorer
    /// Per notice/guide article, per paragraph: its section headings, normalised and joined.
    let headings: [Int: [[Unicode.Scalar]]]
    /// Per notice/guide article, per paragraph: the names its headings give (`海宁市梅园幼儿园`
    /// of `1. 海宁市梅园幼儿园（分园）`), normalised: the entities the paragraph speaks of.
    let headingNames: [Int: [[[Unicode.Scalar]]]]
    /// Per article, the heading names that end as another heading's name does (`…幼儿园` twice):
    /// the page lists several entities of that kind.
    let siblingNames: [Int: Set<[Unicode.Scalar]>]
    /// Near-synonyms of two-character words (CC-CEDICT): a question's `营运` is found as the
    /// page's `运营`.
    let synonyms: Synonyms

    init(kb: KnowledgeBase, scorer: AnswerScorer, synonyms: Synonyms = .empty) {
        self.kb = kb
        self.scorer = scorer
        self.synonyms = synonyms
        let normalizer = Normalizer()
        var headings: [Int: [[Unicode.Scalar]]] = [:]
        var names: [Int: [[[Unicode.Scalar]]]] = [:]
        var nameOf: [String: [Unicode.Scalar]] = [:]
        for (i, a) in kb.articles.enumerated() where a.isDocument {
            headings[i] = a.sectionPaths.map { Array(normalizer.normalize($0.joined(separator: " ")).unicodeScalars) }
            names[i] = a.sectionPaths.map { path in
                path.map { h in
                    if let n = nameOf[h] { return n }
                    let n = Array(normalizer.normalize(String(scalars: RetrievalAnswerer.headingName(Array(h.unicodeScalars)))).unicodeScalars)
                    nameOf[h] = n
                    return n
                }
            }
        }
        self.headings = headings
        self.headingNames = names
        var siblings: [Int: Set<[Unicode.Scalar]>] = [:]
        for (a, paths) in names {
            var byTail: [[Unicode.Scalar]: Set<[Unicode.Scalar]>] = [:]
            for n in Set(paths.joined()) where n.count >= 4 { byTail[Array(n.suffix(2)), default: []].insert(n) }
            siblings[a] = Set(byTail.values.filter { $0.count >= 2 }.joined())
        }
        self.siblingNames = siblings
    }

    /// The term key of a unit (character, bigram or ASCII word).
    func key(_ unit: [Unicode.Scalar]) -> UInt64 {
        if unit.count == 1 && ScalarClass.isHan(unit[0]) { return Term(unigram: unit[0]).key }
        if unit.count == 2 && ScalarClass.isHan(unit[0]) && ScalarClass.isHan(unit[1]) { return Term(bigram: unit[0], unit[1]).key }
        return Term(word: String(scalars: unit)).key
    }

    /// Share of the question's content weight a sentence (+ headline) must carry to be a
    /// candidate at all: bounds the work; the fitted threshold decides what is answered.
    static let poolCoverage = 0.3
    /// Share of the question's content weight a structured fact's sentence must carry.
    static let minimumCoverage = 0.55
    /// Share of the question's unexplained content a structured answer's article must carry.
    static let factCoverageThreshold = 0.6
    /// The same for English questions (glossed word by word).
    static let englishFactCoverageThreshold = 0.4
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
        /// Wholly inside question words or domain words (`大概`, `taking`).
        var filler: Bool = false
        /// Near-synonyms the corpus prints (a two-character word's, from CC-CEDICT): a sentence
        /// printing one of them carries the unit (the scorer sees how much was matched so).
        var alternatives: [[Unicode.Scalar]] = []
    }

    struct Result {
        var sentence: Int
        var window: Range<Int>
        var text: String
        var coverage: Double
        var score: Double
        var debug: @Sendable () -> [(String, JSONValue)]
    }

    /// Content units of a question with their weights: the corpus's own words in it (bigrams it
    /// prints, weighted by idf), the characters no such bigram covers (by their own idf), and the
    /// words it never prints (bigrams with no known neighbour), which weigh the most — that is
    /// what the corpus lacks. An unknown bigram next to a known one is only the seam between two
    /// words (`平湖|企服` → `湖企`) and is not a unit; its other character is. English words
    /// neither the glossary nor a name explains count as unknown words.
    func units(of u: Understanding) -> [Unit] {
        if let cached = u.memo.units { return cached }
        let out = computeUnits(u)
        u.memo.units = out
        return out
    }

    private func computeUnits(_ u: Understanding) -> [Unit] {
        let n = Double(max(kb.sentences.count, 1))
        let absentWeight = log(1 + n) + 1
        var out: [Unit] = []
        var seen = Set<[Unicode.Scalar]>()
        let entityRanges = u.entities.filter { $0.kind != .pinyin }.map(\.range)
        let keywordRanges = u.keywordRanges
        let explainedRanges = u.explainedRanges + u.routes.map(\.range)

        func add(_ p: [Unicode.Scalar], at absolute: Range<Int>, weight: Double, present: Bool, alternatives: [[Unicode.Scalar]] = []) {
            guard seen.insert(p).inserted else { return }
            var w = weight
            let cue = u.typeCues.first { $0.range.overlaps(absolute) }?.type
            // An intent keyword the corpus lacks (`找哪里`) says what is asked, not what about.
            if !present && keywordRanges.contains(where: { $0.overlaps(absolute) }) { w = min(w, 0.5) }
            let inEntity = entityRanges.contains { $0.lowerBound <= absolute.lowerBound && absolute.upperBound <= $0.upperBound }
            let explained = absolute.allSatisfy { i in explainedRanges.contains { $0.contains(i) } }
            let filler = absolute.allSatisfy { i in u.fillerRanges.contains { $0.contains(i) } }
            out.append(Unit(scalars: p, weight: w, cue: cue, inEntity: inEntity, present: present, explained: explained, filler: filler,
                            alternatives: inEntity ? [] : alternatives))
        }

        for seg in u.contentSegments {
            // Positions in the normalised question of the segment's scalars (quote marks skipped).
            let positions = seg.scalars.indices.filter { !RetrievalAnswerer.isTransparent(seg.scalars[$0]) }
            let s = positions.map { seg.scalars[$0] }
            func absolute(_ r: Range<Int>) -> Range<Int> { (seg.start + positions[r.lowerBound])..<(seg.start + positions[r.upperBound - 1] + 1) }
            var i = 0
            var hanRun: [Int] = []
            func flushRun() {
                defer { hanRun = [] }
                guard !hanRun.isEmpty else { return }
                if hanRun.count == 1 {
                    let k = hanRun[0]
                    let t = Term(unigram: s[k])
                    let df = kb.index.sentenceFrequency(t)
                    add([s[k]], at: absolute(k..<(k + 1)), weight: df > 0 ? 0.5 * kb.index.idf(t) : absentWeight, present: df > 0)
                    return
                }
                var present: [Bool] = []
                var known: [Bool] = []      // present, or a keyword/slot word of the question
                var edge: [Bool] = []       // across the edge of a keyword, slot or name: no unit
                let dfs = hanRun.dropLast().map { kb.index.sentenceFrequency(Term(bigram: s[$0], s[$0 + 1])) }
                // A word's near-synonyms the corpus prints, and the idf of the rarest.
                let alternatives: [[[Unicode.Scalar]]] = hanRun.dropLast().map { k in
                    synonyms.of(s[k], s[k + 1]).filter { kb.index.sentenceFrequency(Term(bigram: $0[0], $0[1])) > 0 }
                }
                for (j, k) in hanRun.dropLast().enumerated() {
                    // A bigram printed only where two words happen to meet (`区新` in `小区新物业`):
                    // rare, beside a neighbour bigram that is far more common.
                    let neighbour = max(j > 0 ? dfs[j - 1] : 0, j + 1 < dfs.count ? dfs[j + 1] : 0)
                    let r = absolute(k..<(k + 2))
                    // Nor is a bigram across the edge of a keyword, slot or name (`今天|最热` → `天最`).
                    let straddles = (explainedRanges + entityRanges).contains { e in
                        e.contains(r.lowerBound) != e.contains(r.upperBound - 1)
                    }
                    let seam = dfs[j] > 0 && dfs[j] <= 3 && neighbour >= 5 * dfs[j]
                    let p = (dfs[j] > 0 && !seam || !alternatives[j].isEmpty) && !straddles
                    present.append(p)
                    edge.append(straddles)
                    known.append(p || r.allSatisfy { i in explainedRanges.contains { $0.contains(i) } })
                }
                var covered = Set<Int>()
                for (j, k) in hanRun.dropLast().enumerated() {
                    let pair = [s[k], s[k + 1]]
                    if edge[j] { continue }
                    if known[j] {
                        covered.insert(k); covered.insert(k + 1)
                        let w: Double
                        if !present[j] { w = 0.5 }
                        else if dfs[j] > 0 { w = kb.index.idf(Term(bigram: s[k], s[k + 1])) }
                        else { w = alternatives[j].map { kb.index.idf(Term(bigram: $0[0], $0[1])) }.max() ?? 0.5 }
                        add(pair, at: absolute(k..<(k + 2)), weight: w, present: present[j], alternatives: alternatives[j])
                    } else {
                        let left = j > 0 && known[j - 1]
                        let right = j + 1 < known.count && known[j + 1]
                        if !left && !right {
                            // A word the corpus never prints.
                            covered.insert(k); covered.insert(k + 1)
                            add(pair, at: absolute(k..<(k + 2)), weight: absentWeight, present: false)
                        }
                    }
                }
                for k in hanRun where !covered.contains(k) {
                    let t = Term(unigram: s[k])
                    let df = kb.index.sentenceFrequency(t)
                    add([s[k]], at: absolute(k..<(k + 1)), weight: df > 0 ? kb.index.idf(t) : absentWeight, present: df > 0)
                }
            }
            while i < s.count {
                if ScalarClass.isHan(s[i]) { hanRun.append(i); i += 1; continue }
                flushRun()
                if ScalarClass.isASCIIAlnum(s[i]) {
                    var j = i
                    while j < s.count, ScalarClass.isASCIIAlnum(s[j]) { j += 1 }
                    let word = Array(s[i..<j])
                    // Bare numbers in a question (`70岁`, `1天`) are quantities, not topics.
                    if !word.allSatisfy(ScalarClass.isDigit) {
                        let t = Term(word: String(scalars: word))
                        let df = kb.index.sentenceFrequency(t)
                        add(word, at: absolute(i..<j), weight: df > 0 ? kb.index.idf(t) : absentWeight, present: df > 0)
                    }
                    i = j
                    continue
                }
                i += 1
            }
            flushRun()
        }
        for w in u.unknownWords where seen.insert(Array(w.unicodeScalars)).inserted {
            out.append(Unit(scalars: Array(w.unicodeScalars), weight: absentWeight, present: false))
        }
        return out
    }

    private func term(for p: [Unicode.Scalar]) -> Term {
        if p.count == 1 && ScalarClass.isHan(p[0]) { return Term(unigram: p[0]) }
        if p.count == 2 && p.allSatisfy(ScalarClass.isHan) { return Term(bigram: p[0], p[1]) }
        return Term(word: String(scalars: p))
    }

    /// A clause window that could answer the question, with its features for the scorer.
    struct Candidate: Sendable {
        var sentence: Int
        var window: Range<Int>
        var features: [Double]
        var probability: Double
    }

    /// The best clause window by the fitted scorer, or nil when none reaches its threshold.
    /// `focusArticles` restricts candidates (an entity the question names); `boostArticles`
    /// only favours them (an entity from the dialogue).
    func answer(_ u: Understanding, focusArticles: [Int]? = nil, boostArticles: [Int] = [], wantedTypes: [AnswerType]? = nil,
                route: String? = nil) -> Result? {
        let all = candidates(u, focusArticles: focusArticles, boostArticles: boostArticles, wantedTypes: wantedTypes, route: route)
        var ranked = all.sorted { $0.probability > $1.probability }
        guard let b = ranked.first, b.probability >= scorer.threshold else {
            if RetrievalAnswerer.trace, let b = ranked.first {
                FileHandle.standardError.write(Data("declined: best p=\(b.probability) < \(scorer.threshold)\n".utf8))
            }
            return nil
        }
        ranked.removeFirst()
        let sentence = kb.sentences[b.sentence]
        let runnerUp = ranked.first(where: { $0.sentence != b.sentence || $0.window != b.window })
        let debug: @Sendable () -> [(String, JSONValue)] = { [self] in
            var d: [(String, JSONValue)] = [("article", .string(kb.articles[sentence.article].title)),
                                            ("threshold", .double(scorer.threshold)), ("chosen", explained(b))]
            if let runnerUp { d.append(("runner_up", explained(runnerUp))) }
            return d
        }
        return Result(sentence: b.sentence, window: b.window, text: text(sentence, b.window), coverage: b.features[0], score: b.probability,
                      debug: debug)
    }

    /// The question's words by ICU's dictionary break, inside its content and not question or
    /// domain filler words (`大概`), each once.
    func words(of u: Understanding) -> [[Unicode.Scalar]] {
        if let cached = u.memo.words { return cached }
        var out: [[Unicode.Scalar]] = []
        for seg in u.contentSegments {
            for r in WordSegmenter.shared.words(seg.scalars) {
                let absolute = (seg.start + r.lowerBound)..<(seg.start + r.upperBound)
                if absolute.allSatisfy({ i in u.fillerRanges.contains { $0.contains(i) } }) { continue }
                let w = Array(seg.scalars[r])
                if !out.contains(w) { out.append(w) }
            }
        }
        u.memo.words = out
        return out
    }

    /// A candidate for `--explain`: its text, probability and every feature's contribution.
    func explained(_ c: Candidate) -> JSONValue {
        .object([("text", .string(text(of: c))), ("probability", .double(c.probability)),
                 ("features", .object(scorer.explain(c.features).map { f in
                     (f.name, .object([("value", .double(f.value)), ("weight", .double(f.weight)), ("contribution", .double(f.contribution))]))
                 }))])
    }

    /// Why retrieval gave nothing: the threshold and the two best candidates (for a decline's
    /// `--explain`).
    func explainDecline(_ u: Understanding) -> JSONValue {
        let ranked = candidates(u).sorted { $0.probability > $1.probability }
        return .object([("threshold", .double(scorer.threshold)), ("candidates", .int(ranked.count)),
                        ("best", ranked.first.map(explained) ?? .null),
                        ("runner_up", ranked.dropFirst().first.map(explained) ?? .null)])
    }

    /// Every clause window of the top sentences that holds the kind of value asked for, with its
    /// features and the scorer's probability. Evidence rules, not scores, leave a window out: a
    /// "when"/"how much"/"phone" question needs that kind of value in it; a sentence must carry
    /// some of the question (`poolCoverage`, which only bounds the work — the fitted threshold
    /// decides).
    ///
    /// `onlySentences` scores those sentences instead of the search's hits (a typed fact's own
    /// sentences, `accepts`). A window holding only the label of a `key：value` line restates the
    /// question and is left out, unless `includingLabels` (the scorer's training rows keep it).
    func candidates(_ u: Understanding, focusArticles: [Int]? = nil, boostArticles: [Int] = [], wantedTypes: [AnswerType]? = nil,
                    onlySentences: [Int]? = nil, route: String? = nil, includingLabels: Bool = false) -> [Candidate] {
        // Question and domain words (`大概`, `趟`) are no content to look for.
        let units = units(of: u).filter { !$0.filler }
        let total = units.reduce(0) { $0 + $1.weight }
        if RetrievalAnswerer.trace {
            FileHandle.standardError.write(Data("units: \(units.map { String(scalars: $0.scalars) + "/" + String(format: "%.1f", $0.weight) + ($0.inEntity ? "N" : "") + ($0.present ? "" : "!") + ($0.cue.map { "<" + $0.rawValue + ">" } ?? "") })\n".utf8))
        }
        guard total > 0, units.contains(where: { $0.scalars.count >= 2 || !ScalarClass.isHan($0.scalars[0]) }) else { return [] }
        var hits = searchHits(u, units: units)
        if let focus = focusArticles {
            let set = Set(focus)
            hits = hits.filter { set.contains(kb.sentences[$0.sentence].article) }
            if hits.isEmpty {
                hits = focus.flatMap { kb.articles[$0].sentenceIDs }.map { SentenceHit(sentence: $0, score: 0, bodyScore: 0, titleScore: 0) }
            }
        }
        let topScore = hits.first?.score ?? 1
        let types = wantedTypes ?? u.answerTypes
        // The most specific kind asked decides what the clause must hold (`电话是多少` needs a phone
        // number, not just any number).
        let strongTypes = AnswerType.primary(of: types).map { p in
            RetrievalAnswerer.strongTypes.contains(p) ? Array(p.acceptable.intersection(RetrievalAnswerer.strongTypes)) : []
        } ?? []
        let typeContext = AnswerTypeDetector.Context(question: u.normalized, terms: definitionTerms(u))
        let unitList = Array(units.sorted { $0.weight > $1.weight }.prefix(64))    // masks are 64 bits wide
        let unitTotal = unitList.reduce(0) { $0 + $1.weight }
        let absentShare = unitList.filter { !$0.present }.reduce(0) { $0 + $1.weight } / unitTotal
        let questionWords = words(of: u)
        let wordTotal = Double(max(1, questionWords.reduce(0) { $0 + $1.count }))
        // Per article, what its headline prints: units (a mask) and question words.
        var titleUnits: [Int: UInt64] = [:]
        var titleWords: [Int: [Bool]] = [:]
        let matcher = SpanMatcher(units: unitList, words: questionWords)
        var out: [Candidate] = []
        let wantsBefore = RetrievalAnswerer.asksBefore(u.normalized) || u.englishWords.contains { RetrievalAnswerer.englishBefore.contains($0) }
        var articleUnits: [Int: Set<Int>] = [:]
        let locatedUnits = located(unitList)
        var pool = Array(hits.prefix(RetrievalAnswerer.candidates * (focusArticles == nil ? 1 : 3)))
        if let only = onlySentences {
            let scores = Dictionary(hits.map { ($0.sentence, $0) }, uniquingKeysWith: { a, _ in a })
            pool = Array(Set(only)).sorted().map { scores[$0] ?? SentenceHit(sentence: $0, score: 0, bodyScore: 0, titleScore: 0) }
        }
        // Units the article printed before a sentence (up to five sentences back): what the
        // story has already established when the sentence speaks of it. Each sentence's units
        // are found once (the hits of one article look back over the same sentences).
        var printedUnits: [Int: UInt64] = [:]
        func established(_ sentence: Sentence) -> Set<Int> {
            let ids = kb.articles[sentence.article].sentenceIDs
            guard let pos = ids.firstIndex(of: sentence.id), pos > 0 else { return [] }
            var mask: UInt64 = 0
            for sid in ids[max(0, pos - 5)..<pos] {
                if let m = printedUnits[sid] { mask |= m; continue }
                let m = wordUnitsPrinted(unitList, in: kb.sentences[sid].scalars)
                printedUnits[sid] = m
                mask |= m
            }
            return Set(unitList.indices.filter { mask & (1 << UInt64($0)) != 0 })
        }
        for hit in pool {
            let sentence = kb.sentences[hit.sentence]
            let title = kb.index.normalizedTitle(of: sentence.article)
            // Coverage of the sentence plus headline, plus the names the rest of the article
            // establishes (a story names 日月星辰小区 once, then says 久旺物业 will manage it).
            let known = articleUnits[sentence.article] ?? locatedUnits.present(in: sentence.article)
            articleUnits[sentence.article] = known
            let inTitle = titleUnits[sentence.article] ?? wordUnitsPrinted(unitList, in: title, words: false)
            titleUnits[sentence.article] = inTitle
            let printed = matcher.spans(in: sentence.scalars)
            let sentenceCoverage = coverage(unitList, total: unitTotal, printed: printed.anywhere | inTitle, in: sentence.scalars,
                                            types: types, context: typeContext, alsoPresent: known, contextWeight: 0.8)
            if RetrievalAnswerer.trace { FileHandle.standardError.write(Data("cand \(hit.sentence) cov=\(sentenceCoverage) \(sentence.text.prefix(40))\n".utf8)) }
            guard sentenceCoverage >= RetrievalAnswerer.poolCoverage else { continue }
            // The route asked about (or the dialogue's): a sentence about other lines only says nothing of it.
            if let route {
                let printed = RetrievalAnswerer.routeIDs(in: sentence.scalars)
                if !printed.isEmpty && !printed.contains(route) { continue }
                // Nor does a line under another route's section (`三、281路（…）` > `（三）临时新增停靠站点：…`).
                let sectionRoutes = RetrievalAnswerer.routeIDs(in: headings[sentence.article]?[sentence.paragraph] ?? [])
                if printed.isEmpty && !sectionRoutes.isEmpty && !sectionRoutes.contains(route) { continue }
            }
            if let names = headingNames[sentence.article]?[sentence.paragraph], let siblings = siblingNames[sentence.article], names.contains(where: {
                siblings.contains($0) && RetrievalAnswerer.namesAnotherEntity(u, heading: $0, context: title ?? [], headings[sentence.article]?[sentence.paragraph] ?? [])
            }) { continue }
            let heading = headings[sentence.article]?[sentence.paragraph] ?? []
            let headingCoverage = heading.isEmpty ? 0 : coverage(unitList, total: unitTotal, in: heading, 0..<heading.count, title: nil, types: [])
            let isDocument = kb.articles[sentence.article].isDocument
            let wordsInTitle = titleWords[sentence.article] ?? questionWords.map { contains(title, 0..<title.count, $0) }
            titleWords[sentence.article] = wordsInTitle
            let sentenceWords = Double(printed.wordLength(in: 0..<sentence.scalars.count, words: questionWords, also: wordsInTitle)) / wordTotal
            let table = ClauseTable(sentence: sentence, units: unitList, printed: printed, types: types, context: typeContext,
                                    titleUnits: inTitle, establishedBefore: established(sentence))
            // A section of values before a change (`（一）改道前`) answers only a question about before.
            let sectionTense = SentenceScanner.changeMarkers(in: heading, 0..<heading.count).last?.before
            if sectionTense == true && !wantsBefore { continue }
            let valueStart = isDocument && !includingLabels ? PageStructure.valueStart(of: sentence.scalars) : nil
            for (a, b) in table.windows {
                let w = table.combine(a, b)
                // The label of a `key：value` line alone (`（四）临时新增停靠站点`) restates the question.
                if let valueStart, w.range.upperBound <= valueStart { continue }
                // Nor a clause printing only the value before a change (`调整前10元`), or only the one after
                // when before is asked.
                if let tense = RetrievalAnswerer.tense(sentence.scalars, w.range), tense != wantsBefore { continue }
                // A "when"/"how much"/"phone" question needs that kind of value in the answer.
                if !strongTypes.isEmpty && !strongTypes.contains(where: { w.types.contains($0) }) { continue }
                let topicCoverage = table.topicTotal > 0 ? table.weight(w.units & table.topicMask, cueTypes: w.types) / table.topicTotal : 0
                // With nothing asked beyond the topic (`平服365是什么`), the window must carry the topic.
                let predicateCoverage = table.predicateTotal > 0
                    ? table.predicateWeight(w.units & table.predicateMask, cueTypes: w.types) / table.predicateTotal : topicCoverage
                let novelty = w.han == 0 ? 1 : Double(w.new) / Double(w.han)
                let typeFound = types.contains { w.types.contains($0) }
                let features: [Double] = [
                    sentenceCoverage, predicateCoverage, topicCoverage,
                    !types.isEmpty && typeFound ? 1 : 0, !types.isEmpty && !typeFound ? 1 : 0,
                    novelty, Double(w.range.count) / 100, hit.score / max(topScore, 1e-9),
                    boostArticles.contains(sentence.article) ? 1 : 0, absentShare, table.predicateWeightTotal / unitTotal,
                    headingCoverage, isDocument ? 1 : 0, u.language == .en ? 1 : 0, focusArticles == nil ? 0 : 1,
                    sentenceWords, Double(printed.wordLength(in: w.range, words: questionWords)) / wordTotal,
                    isDocument && isHeadingLine(sentence) ? 1 : 0,
                    table.weight(w.synonymUnits, cueTypes: AnswerTypeSet()) / unitTotal,
                ]
                let p = scorer.probability(features)
                if RetrievalAnswerer.trace { FileHandle.standardError.write(Data("  win \(w.range) pred=\(predicateCoverage) p=\(p)\n".utf8)) }
                out.append(Candidate(sentence: hit.sentence, window: w.range, features: features, probability: p))
            }
        }
        return out
    }

    /// The index's best sentences for the question's terms (its content segments' terms and
    /// its units' synonyms), searched once per question.
    private func searchHits(_ u: Understanding, units: [Unit]) -> [SentenceHit] {
        if let cached = u.memo.hits { return cached }
        var terms: [(term: Term, weight: Double)] = []
        for seg in u.contentSegments { terms += SentenceIndex.weightedTerms(seg.text) }
        for unit in units { for a in unit.alternatives { terms.append((Term(bigram: a[0], a[1]), 1)) } }
        let hits = kb.index.search(terms, limit: RetrievalAnswerer.candidates * 3)
        u.memo.hits = hits
        return hits
    }

    /// Whether the scorer would answer the question from one of these sentences: the evidence a
    /// typed fact about an entity the question does not name must have.
    func accepts(_ u: Understanding, sentences: [Int]) -> Bool {
        candidates(u, onlySentences: sentences).contains { $0.probability >= scorer.threshold }
    }

    /// Route ids a text prints (`85` of `调度室（85路）`, `K162`): letters and digits before 路.
    static func routeIDs(in s: [Unicode.Scalar]) -> Set<String> {
        var out = Set<String>()
        for i in s.indices where s[i] == "路" && i > 0 && ScalarClass.isASCIIAlnum(s[i - 1]) {
            var j = i
            while j > 0, ScalarClass.isASCIIAlnum(s[j - 1]) { j -= 1 }
            let id = String(scalars: s[j..<i]).uppercased()
            if id.unicodeScalars.contains(where: ScalarClass.isDigit) { out.insert(id) }
        }
        return out
    }

    /// Whether a question asks what something was before a change (`调整前`, `原来`, `以前`).
    static func asksBefore(_ q: [Unicode.Scalar]) -> Bool {
        if SentenceScanner.changeMarkers(in: q, 0..<q.count).contains(where: \.before) { return true }
        return beforeWords.contains { Knowledge.firstIndex(of: $0, in: q) != nil }
    }

    static let beforeWords: [[Unicode.Scalar]] = ["原来", "原先", "以前", "之前", "过去", "原票价", "原价"].map { Array($0.unicodeScalars) }

    static let englishBefore: Set<String> = ["old", "before", "previous", "previously", "former", "formerly", "originally", "used"]

    /// Whether a clause window prints values of before a change only (true) or after it only
    /// (false); nil when it prints both or no change marker.
    static func tense(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool? {
        let marks = SentenceScanner.changeMarkers(in: s, r)
        guard let first = marks.first else { return nil }
        return marks.allSatisfy { $0.before == first.before } ? first.before : nil
    }

    /// The name a heading gives: without its numbering, what follows a colon or opens a bracket.
    static func headingName(_ h: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar> {
        var line = PageStructure.withoutNumbering(h) ?? h[...]
        if let end = line.firstIndex(where: { "：:（(，,。".unicodeScalars.contains($0) }) { line = line[..<end] }
        return line
    }

    /// True when a question names another entity of the kind a heading names: the question
    /// carries the name's last two characters (`幼儿园` of `海宁市梅园幼儿园`), not as a word of what
    /// it asks (`电话` of `咨询电话`), with two or more characters just before them that neither the
    /// name nor the page's title and the paragraph's headings (`context`) have (`硖石幼儿园`). A value
    /// printed under that heading belongs to the heading's entity, not to the one asked about.
    /// Asked only of headings whose page lists several entities of the kind: a page with one
    /// 服务中心 is asked about it whatever the question calls it.
    static func namesAnotherEntity(_ u: Understanding, heading name: [Unicode.Scalar], context: [Unicode.Scalar]...) -> Bool {
        guard name.count >= 4, ScalarClass.isHan(name[name.count - 1]), ScalarClass.isHan(name[name.count - 2]) else { return false }
        let tail = Array(name.suffix(2))
        for seg in u.contentSegments {
            guard let p = Knowledge.firstIndex(of: tail, in: seg.scalars) else { continue }
            let at = (seg.start + p)..<(seg.start + p + 2)
            if u.explainedRanges.contains(where: { $0.overlaps(at) }) || u.typeCues.contains(where: { $0.range.overlaps(at) }) { continue }
            var foreign = 0, i = p - 1
            while i >= 0, i >= p - 4, ScalarClass.isHan(seg.scalars[i]) {
                let c = seg.scalars[i]
                if !name.contains(c) && !context.contains(where: { $0.contains(c) }) { foreign += 1 }
                i -= 1
            }
            if foreign >= 2 { return true }
        }
        return false
    }

    /// A numbered heading of a notice (`3. 许村服务点`): names a section, says nothing of it.
    func isHeadingLine(_ s: Sentence) -> Bool {
        guard let n = PageStructure.numbering(s.scalars) else { return false }
        return s.scalars.count - n.length <= 30 && PageStructure.valueStart(of: s.scalars) == nil
    }

    /// The printed text of a candidate's window.
    func text(of c: Candidate) -> String { text(kb.sentences[c.sentence], c.window) }

    /// What a definition question asks about: the names it matched, else its content segments.
    func definitionTerms(_ u: Understanding) -> [[Unicode.Scalar]] {
        u.entities.filter { $0.kind != .pinyin }.map { Array(u.normalized[$0.range]) } + u.contentSegments.map(\.scalars)
    }

    /// Answer types that must appear in the clause chosen (a "when" needs a date).
    static let trace = ProcessInfo.processInfo.environment["ENQUIRY_BOT_TRACE"] != nil

    static let strongTypes: Set<AnswerType> = [.time, .date, .money, .number, .rank, .measure, .duration, .phone, .place, .percent]

    /// Share of unit weight present in `s[range]` (or the headline); cue units also count when
    /// the range holds a value of their type; units in `alsoPresent` (indices) count at
    /// `contextWeight`.
    /// The same for a whole sentence whose printed units (with the headline's) are `printed`.
    func coverage(_ units: [Unit], total: Double, printed: UInt64, in s: [Unicode.Scalar], types: [AnswerType],
                  context: AnswerTypeDetector.Context, alsoPresent: Set<Int>, contextWeight: Double) -> Double {
        var got = 0.0
        for (i, unit) in units.enumerated() {
            if printed & (1 << UInt64(i)) != 0 {
                got += unit.weight
            } else if let cue = unit.cue, AnswerTypeDetector.contains(cue, in: s, range: 0..<s.count, context: context) {
                got += unit.weight
            } else if alsoPresent.contains(i) {
                got += unit.weight * contextWeight
            }
        }
        return got / total
    }

    func coverage(_ units: [Unit], total: Double, in s: [Unicode.Scalar], _ range: Range<Int>, title: [Unicode.Scalar]?,
                  types: [AnswerType], context: AnswerTypeDetector.Context = .none, alsoPresent: Set<Int> = [], contextWeight: Double = 0) -> Double {
        var got = 0.0
        for (i, unit) in units.enumerated() {
            if matches(s, range, unit) || (title.map { matches($0, 0..<$0.count, unit) } ?? false) {
                got += unit.weight
            } else if let cue = unit.cue, AnswerTypeDetector.contains(cue, in: s, range: range, context: context) {
                got += unit.weight            // the kind of value stands in for the cue word (`电话` → a number)
            } else if alsoPresent.contains(i) {
                got += unit.weight * contextWeight
            }
        }
        return got / total
    }

    /// Bits of the units (up to 64) that `s` prints; with `words`, words only: a lone character
    /// (`位`) printed nearby establishes nothing.
    func wordUnitsPrinted(_ units: [Unit], in s: [Unicode.Scalar], words: Bool = true) -> UInt64 {
        var mask: UInt64 = 0
        for (i, unit) in units.prefix(64).enumerated() where (!words || unit.scalars.count > 1) && matches(s, 0..<s.count, unit) {
            mask |= 1 << UInt64(i)
        }
        return mask
    }

    /// Units with their postings looked up once, to ask of many articles which units they print
    /// (sentences or headline).
    struct LocatedUnits {
        let index: SentenceIndex
        /// Per unit: its own term and its alternatives'.
        let locations: [[SentenceIndex.TermLocation]]

        /// Indices of the units printed in any of the articles; stops once every unit is found
        /// (an entity named in hundreds of articles).
        func present<C: Collection>(in articles: C) -> Set<Int> where C.Element == Int {
            var out = Set<Int>()
            for a in articles {
                for (i, ls) in locations.enumerated() where !out.contains(i) && ls.contains(where: { index.prints($0, article: a) }) { out.insert(i) }
                if out.count == locations.count { break }
            }
            return out
        }

        func present(in article: Int) -> Set<Int> { present(in: CollectionOfOne(article)) }

        /// Whether unit `i` is printed in the article.
        func prints(_ i: Int, in article: Int) -> Bool { locations[i].contains { index.prints($0, article: article) } }
    }

    func located(_ units: [Unit]) -> LocatedUnits {
        LocatedUnits(index: kb.index, locations: units.map { u in
            [kb.index.locate(termKey: key(u.scalars))] + u.alternatives.map { kb.index.locate(termKey: key($0)) }
        })
    }

    /// The printed text of a window, without leading connectives, ending with `。`.
    private func text(_ sentence: Sentence, _ window: Range<Int>) -> String {
        let clauses = sentence.clauses.filter { $0.range.lowerBound >= window.lowerBound && $0.range.upperBound <= window.upperBound }
        guard let first = clauses.first, let last = clauses.last else { return sentence.text }
        let original = sentence.tracked.original
        let lo = max(0, min(first.originalRange.lowerBound, original.count))
        let hi = max(lo, min(last.originalRange.upperBound, original.count))
        var t = Array(original[lo..<hi])
        for connective in RetrievalAnswerer.leadingConnectives {
            let c = Array(connective.unicodeScalars)
            if t.count > c.count + 4 && Array(t.prefix(c.count)) == c { t.removeFirst(c.count); break }
        }
        // A window that opens inside a label's bracket (`海盐）：调整前10元…`) starts after the label.
        if let close = t.prefix(12).firstIndex(where: { $0 == "）" || $0 == ")" }), !t[..<close].contains(where: { $0 == "（" || $0 == "(" }),
           close + 1 < t.count, t[close + 1] == "：" || t[close + 1] == ":" {
            t.removeFirst(close + 2)
        }
        let edge: Set<Unicode.Scalar> = [",", "，", ";", "；", ":", "：", " ", "\u{3000}"]
        while let f = t.first, edge.contains(f) { t.removeFirst() }
        while let l = t.last, edge.contains(l) { t.removeLast() }
        if let l = t.last, !"。！？!?”」".unicodeScalars.contains(l) { t.append("。") }
        return String(scalars: t)
    }

    /// Words that open a clause but add nothing to a quoted answer.
    static let leadingConnectives = ["同时,", "同时，", "此外,", "此外，", "其中,", "其中，", "另外,", "另外，", "并且", "并", "而且"]

    /// Whether `s[r]` prints the unit or one of its alternatives.
    func matches(_ s: [Unicode.Scalar], _ r: Range<Int>, _ unit: Unit) -> Bool {
        contains(s, r, unit.scalars) || unit.alternatives.contains { contains(s, r, $0) }
    }

    /// Whether `s[r]` prints the unit only as one of its alternatives.
    func matchesOnlyByAlternative(_ s: [Unicode.Scalar], _ r: Range<Int>, _ unit: Unit) -> Bool {
        !unit.alternatives.isEmpty && !contains(s, r, unit.scalars) && unit.alternatives.contains { contains(s, r, $0) }
    }

    /// Substring test that steps over quote marks in `s` (see `isTransparent`).
    func contains(_ s: [Unicode.Scalar], _ r: Range<Int>, _ w: [Unicode.Scalar]) -> Bool {
        guard !w.isEmpty, w.count <= r.count, r.upperBound <= s.count else { return false }
        return s.withUnsafeBufferPointer { s in
            w.withUnsafeBufferPointer { w in
                let first = w[0]
                var i = r.lowerBound
                let last = r.upperBound - w.count
                while i <= last {
                    if s[i] == first {
                        var k = 1
                        var j = i + 1
                        while k < w.count && j < r.upperBound {
                            if s[j] == w[k] { k += 1; j += 1 }
                            else if RetrievalAnswerer.isTransparent(s[j]) { j += 1 }
                            else { break }
                        }
                        if k == w.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// Quote marks are skipped when matching (`“诚信制”物业` matches `诚信制物业`).
    @inline(__always) static func isTransparent(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\u{201C}", "\u{201D}", "\"", "'", "《", "》": return true
        default: return false
        }
    }
}

extension RetrievalAnswerer {
    /// Share of the question's unexplained content (not keywords, slots or cues) that the given
    /// articles carry — the coverage gate for structured answers: `115路周末加开班次吗` names
    /// 周末 and 加开, which the route's article never mentions, so its trip count is no answer.
    /// 1 when nothing is left to explain.
    func factCoverage(_ u: Understanding, articles: [Int]) -> Double {
        let all = units(of: u)
        // A lone character left over (`开` of `开到哪个站`) is a verb or a particle of the asking,
        // not a subject the article must print.
        let rest = all.filter { !$0.explained && !($0.scalars.count == 1 && ScalarClass.isHan($0.scalars[0])) }
        let total = rest.reduce(0) { $0 + $1.weight }
        if RetrievalAnswerer.trace {
            FileHandle.standardError.write(Data("units: \(all.map { String(scalars: $0.scalars) + "/" + String(format: "%.1f", $0.weight) + ($0.explained ? "E" : "") + ($0.present ? "" : "!") })\n".utf8))
        }
        guard total > 0 else { return 1 }
        let distinctArticles = Array(Set(articles))
        let found = located(rest).present(in: distinctArticles)
        // A bigram whose two characters each belong to an explained or found unit is only the
        // seam between two words (`发车|间隔` → `车间`), not something the article must print.
        var covered = Set<Unicode.Scalar>()
        for unit in all where unit.explained { covered.formUnion(unit.scalars) }
        for i in found { covered.formUnion(rest[i].scalars) }
        // An unknown bigram made of characters the article prints (`1天发` for a route that runs
        // `每天` and `发车`) is a rewording, not new information: it counts most of its weight.
        func printed(_ c: Unicode.Scalar) -> Bool {
            let location = kb.index.locate(termKey: Term(unigram: c).key)
            return distinctArticles.contains { kb.index.prints(location, article: $0) }
        }
        var got = 0.0
        for (i, unit) in rest.enumerated() {
            if found.contains(i) || (unit.scalars.count == 2 && unit.scalars.allSatisfy(covered.contains)) {
                got += unit.weight
            } else if unit.scalars.count == 2,
                      unit.scalars.allSatisfy({ ScalarClass.isHan($0) && (covered.contains($0) || printed($0)) }) {
                got += 0.7 * unit.weight
            }
        }
        return got / total
    }

    /// Share of the question's content weight that occurs anywhere in the corpus.
    func corpusCoverage(_ u: Understanding) -> Double {
        let us = units(of: u).filter { !$0.filler }
        let total = us.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return 0 }
        return us.filter(\.present).reduce(0) { $0 + $1.weight } / total
    }

    /// Share of the weight of what the question's keywords and slots do not explain that occurs
    /// anywhere in the corpus (1 when everything is explained: `首班车几点`).
    func unexplainedCoverage(_ u: Understanding) -> Double {
        let us = units(of: u).filter { !$0.explained && !$0.filler }
        let total = us.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return 1 }
        return us.filter(\.present).reduce(0) { $0 + $1.weight } / total
    }

    /// Whether anything in the question is left once keywords, slots, cues and filler words
    /// are accounted for.
    func hasUnexplainedContent(_ u: Understanding) -> Bool {
        units(of: u).contains { !$0.explained && !$0.filler } || !u.unknownWords.isEmpty
    }

    /// Whether all the question's content not explained is part of `asking` words (`几点下班`,
    /// `要带什么`): it asks something of a subject it does not name.
    func asksOnly(_ u: Understanding, asking: Set<String>) -> Bool {
        u.unknownWords.isEmpty && units(of: u).allSatisfy { unit in
            unit.explained || unit.filler || asking.contains { $0.includes(String(String.UnicodeScalarView(unit.scalars))) }
        }
    }

    /// Share of the question's content weight found in one sentence (with its headline).
    func sentenceCoverage(_ u: Understanding, sentence id: Int) -> Double {
        let us = units(of: u)
        let total = us.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return 0 }
        let s = kb.sentences[id]
        return coverage(us, total: total, in: s.scalars, 0..<s.scalars.count, title: kb.index.normalizedTitle(of: s.article), types: u.answerTypes)
    }

    /// Share of the question's content weight found anywhere in an article (sentences and
    /// headline), as a function of the article: the units are located once (a question without
    /// a focus tests every fact's article).
    func articleCoverage(_ u: Understanding) -> (Int) -> Double {
        let us = units(of: u)
        let total = us.reduce(0) { $0 + $1.weight }
        let locatedUnits = located(us)
        return { article in
            guard total > 0 else { return 0 }
            var got = 0.0
            for i in us.indices where locatedUnits.prints(i, in: article) { got += us[i].weight }
            return got / total
        }
    }
}
