import Foundation
import Knowledge

/// Turns a question into an `Understanding`: language, normalised text (or an English gloss),
/// routes, entities, day/milestone words, answer types, content segments and scored intents.
/// Immutable after construction; safe to use from many threads.
final class QueryAnalyzer: Sendable {
    let kb: KnowledgeBase
    let catalog: IntentCatalog
    let normalizer: Normalizer
    let matcher: IntentMatcher
    private let questionWords: PhraseIndex<Bool>
    private let enQuestionWords: Set<String>
    private let zhAnswerTypes: PhraseIndex<AnswerType>
    private let enAnswerTypes: EnglishPhraseIndex<AnswerType>
    private let zhDays: PhraseIndex<String>
    private let enDays: EnglishPhraseIndex<String>
    private let zhMilestones: PhraseIndex<EventMilestone>
    private let enMilestones: EnglishPhraseIndex<EventMilestone>
    private let zhWeatherFields: PhraseIndex<String>
    private let enWeatherFields: EnglishPhraseIndex<String>
    private let glossary: EnglishPhraseIndex<String>
    private let placeNames: PhraseIndex<Bool>
    private let domainWords: PhraseIndex<Bool>
    let routeIDs: Set<String>
    private let typos: TypoCorrector
    private let pinyin: PinyinResolver
    /// Every name of the entity dictionary, normalised (to accept a pinyin reading as a name).
    private let entityNames: Set<String>
    /// One-character question words and particles: never rewritten by the typo corrector.
    private let protectedScalars: Set<Unicode.Scalar>

    init(kb: KnowledgeBase, catalog: IntentCatalog, normalizer: Normalizer) {
        self.kb = kb
        self.catalog = catalog
        self.normalizer = normalizer
        self.matcher = IntentMatcher(catalog: catalog)
        let lex = catalog.lexicon
        questionWords = PhraseIndex((lex.questionWords[.zh] ?? []).map { ($0, true) })
        enQuestionWords = Set(lex.questionWords[.en] ?? [])
        func zhGroups<T>(_ g: [T: [Language: [String]]]) -> [(String, T)] { g.flatMap { k, v in (v[.zh] ?? []).map { ($0, k) } } }
        func enGroups<T>(_ g: [T: [Language: [String]]]) -> [(String, T)] { g.flatMap { k, v in (v[.en] ?? []).map { ($0, k) } } }
        zhAnswerTypes = PhraseIndex(zhGroups(lex.answerTypes))
        enAnswerTypes = EnglishPhraseIndex(enGroups(lex.answerTypes))
        zhDays = PhraseIndex(zhGroups(lex.days))
        enDays = EnglishPhraseIndex(enGroups(lex.days))
        var ms: [EventMilestone: [Language: [String]]] = [:]
        for (k, v) in lex.milestones { if let m = EventMilestone(rawValue: k) { ms[m] = v } }
        zhMilestones = PhraseIndex(zhGroups(ms))
        enMilestones = EnglishPhraseIndex(enGroups(ms))
        zhWeatherFields = PhraseIndex(zhGroups(lex.weatherFields))
        enWeatherFields = EnglishPhraseIndex(enGroups(lex.weatherFields))
        glossary = EnglishPhraseIndex(lex.glossary.map { ($0.key, $0.value) })
        placeNames = PhraseIndex(lex.places.map { ($0, true) })
        domainWords = PhraseIndex(lex.domainWords.map { ($0, true) })
        routeIDs = Set(kb.facts.routes.map(\.routeID))
        var names = kb.entities.entities.flatMap(\.names) + lex.places
        for r in kb.facts.routes { names += (r.termini + r.stops + r.walking).map { normalizer.normalize($0.value) } }
        typos = TypoCorrector(index: kb.index, names: names)
        pinyin = PinyinResolver(index: kb.index)
        entityNames = Set(kb.entities.entities.flatMap(\.names))
        protectedScalars = Set((lex.questionWords[.zh] ?? []).filter { $0.unicodeScalars.count == 1 }.flatMap(\.unicodeScalars))
            .union(QueryAnalyzer.alwaysDropped)
    }

    func analyze(_ text: String) -> Understanding {
        let language = LanguageDetector.detect(text)
        var u = Understanding(text: text, language: language, normalized: [], normalizedText: "", englishWords: [], unknownWords: [],
                              routes: [], entities: [], day: nil, milestone: nil, weatherField: nil, answerTypes: [],
                              contentSegments: [], intents: [])
        if language == .en {
            analyzeEnglish(text, into: &u)
        } else {
            let raw = Array(normalizer.normalize(text).unicodeScalars)
            var recognised = Set<Int>()
            for r in questionWords.hits(in: raw).map(\.range) + domainWords.hits(in: raw).map(\.range)
                + matcher.keywordRanges(chinese: raw) { recognised.formUnion(r) }
            // A word of two or more characters in ICU's dictionary (`逛逛`, `通行证`, `方案`) is a
            // word, not a typo, though a name nearby sounds like part of it (`广`, `政`, `例`).
            for r in WordSegmenter.shared.words(raw) where r.count >= 2 && raw[r].allSatisfy(ScalarClass.isHan) {
                recognised.formUnion(r)
            }
            let (corrected, corrections) = typos.correct(raw, protected: protectedScalars, protectedPositions: recognised) { a, b in
                kb.index.sentenceFrequency(Term(bigram: a, b)) > 0
            }
            u.normalized = corrected
            u.corrections = corrections
            u.routes = RouteSpotter.routes(inChinese: u.normalized, known: routeIDs)
            let days = zhDays.longestHits(in: u.normalized)
            let milestones = zhMilestones.longestHits(in: u.normalized)
            let fields = zhWeatherFields.longestHits(in: u.normalized)
            u.day = days.first.flatMap { DayForecast.Day(rawValue: $0.payload) }
            u.milestone = milestones.first?.payload
            u.weatherField = fields.first?.payload
            u.slotRanges = days.map(\.range) + milestones.map(\.range) + fields.map(\.range)
            let cues = zhAnswerTypes.longestHits(in: u.normalized)
            u.answerTypes = orderedUnique(cues.map(\.payload))
            u.typeCues = cues.map { (type: $0.payload, range: $0.range) }
            // `几篇`, `多少张`: a count, whatever the measure word.
            if let count = AnswerTypeDetector.countQuestion(u.normalized),
               u.answerTypes.allSatisfy({ $0 == .number }), !u.typeCues.contains(where: { $0.range.overlaps(count.range) && $0.type != .number }) {
                if u.answerTypes.isEmpty { u.answerTypes = [.number] }
                u.typeCues.append((type: .number, range: count.range))
            }
            u.intents = matcher.score(chinese: u.normalized)
        }
        u.normalizedText = String(scalars: u.normalized)
        u.keywordRanges = matcher.keywordRanges(chinese: u.normalized) + u.englishKeywordRanges
        u.fillerRanges = domainWords.longestHits(in: u.normalized).map(\.range) + questionWords.hits(in: u.normalized).map(\.range)
            + QueryAnalyzer.aNotA(u.normalized)
        u.slotRanges += u.fillerRanges
        let placeHits = placeNames.longestHits(in: u.normalized)
        u.places = placeHits.map(\.phrase)
        u.slotRanges += placeHits.map(\.range) + u.typeCues.map(\.range)
        u.contentSegments = contentSegments(u.normalized, routes: u.routes)
        var entities = kb.entities.lookup(u.normalized)
        if language == .en { entities += pinyinEntities(u.englishWords, existing: entities) }
        u.entities = entities
        return u
    }

    /// English: glossary phrases → Chinese, digits kept, names by pinyin; the rest recorded as unknown.
    private func analyzeEnglish(_ text: String, into u: inout Understanding) {
        let words = EnglishWords.split(text)
        u.englishWords = words
        var gloss: [Unicode.Scalar] = []
        var unknown: [String] = []
        let hits = glossary.longestHits(in: words)
        var hitAt: [Int: (Range<Int>, String)] = [:]
        for h in hits { hitAt[h.range.lowerBound] = (h.range, h.payload) }
        var pending: [String] = []          // consecutive unknown words: maybe a pinyin name
        // Where each English word's Chinese landed in the gloss, so English keyword, cue and slot
        // hits mark the right stretch of the gloss as explained.
        var spans: [(words: Range<Int>, gloss: Range<Int>)] = []
        func emit(_ zh: String, words range: Range<Int>, spaced: Bool) {
            if spaced { gloss.append(" ") }
            let start = gloss.count
            gloss.append(contentsOf: zh.unicodeScalars)
            spans.append((range, start..<gloss.count))
            if spaced { gloss.append(" ") }
        }
        func flushPending() {
            defer { pending = [] }
            guard !pending.isEmpty else { return }
            // Longest run first: `gaotie xincheng` as one name, else word by word.
            if let zh = pinyin.resolve(pending.joined()) {
                gloss.append(" "); gloss.append(contentsOf: zh.unicodeScalars); gloss.append(" ")
                return
            }
            for w in pending {
                if let zh = pinyin.resolve(w) { gloss.append(" "); gloss.append(contentsOf: zh.unicodeScalars); gloss.append(" ") }
                else { unknown.append(w) }
            }
        }
        var i = 0
        while i < words.count {
            // A name in pinyin over several words (`tianyuan wuzhen` → 田园五镇) wins over
            // glossing its words one by one, when it reads as a known name.
            if let (len, zh) = pinyinName(words, at: i) {
                flushPending()
                emit(zh, words: i..<(i + len), spaced: true)
                i += len
                continue
            }
            if let (range, zh) = hitAt[i] {
                flushPending()
                emit(zh, words: range, spaced: false)
                i = range.upperBound
                continue
            }
            let w = words[i]
            if let ordinal = EnglishWords.ordinal(w) {
                flushPending()
                emit("第" + ordinal, words: i..<(i + 1), spaced: true)
            } else if w.unicodeScalars.contains(where: { ScalarClass.isDigit($0) }) {
                flushPending()
                gloss.append(" "); gloss.append(contentsOf: w.unicodeScalars); gloss.append(" ")
            } else if !enQuestionWords.contains(w) {
                pending.append(w)
            } else {
                flushPending()
            }
            i += 1
        }
        flushPending()
        // Chinese characters written inside an English question are kept as they are.
        let han = normalizer.normalize(text).unicodeScalars.filter { ScalarClass.isHan($0) || $0 == " " }
        if han.contains(where: { ScalarClass.isHan($0) }) { gloss.append(" "); gloss.append(contentsOf: han) }
        u.normalized = gloss
        u.routes = RouteSpotter.routes(inEnglish: words, known: routeIDs, gloss: gloss)
        let dayHits = enDays.longestHits(in: words)
        let milestoneHits = enMilestones.longestHits(in: words)
        let fieldHits = enWeatherFields.longestHits(in: words)
        let cueHits = enAnswerTypes.longestHits(in: words)
        u.day = dayHits.first.flatMap { DayForecast.Day(rawValue: $0.payload) }
        u.milestone = milestoneHits.first?.payload
        u.weatherField = fieldHits.first?.payload
        u.answerTypes = orderedUnique(cueHits.map(\.payload))
        u.intents = matcher.score(english: words)
        func glossRanges(_ r: Range<Int>) -> [Range<Int>] { spans.filter { $0.words.overlaps(r) }.map(\.gloss) }
        let keywordHits = matcher.englishKeywordHits(words)
        u.englishKeywordRanges = keywordHits.flatMap(glossRanges)
        let slotHits = dayHits.map(\.range) + milestoneHits.map(\.range) + fieldHits.map(\.range)
        u.slotRanges += slotHits.flatMap(glossRanges)
        u.typeCues = cueHits.flatMap { h in glossRanges(h.range).map { (type: h.payload, range: $0) } }
        // A word the glossary lacks is still understood when it is an intent keyword, a cue or a
        // slot word (`termini`): it says what is asked, not what about.
        var understood = Set<String>()
        for r in keywordHits + slotHits + cueHits.map(\.range) { for i in r { understood.insert(words[i]) } }
        u.unknownWords = unknown.filter { !isRouteWord($0) && !understood.contains($0) }
        let written = EnglishWords.split(text, preservingCase: true)
        let asWritten = written.count == words.count ? written : words
        var subject = words.indices.filter { !enQuestionWords.contains(words[$0]) }
            .map { isRouteWord(words[$0]) ? words[$0].uppercased() : asWritten[$0] }
        if han.contains(where: { ScalarClass.isHan($0) }) { subject.append(String(scalars: han).trimmingCharacters(in: .whitespaces)) }
        u.englishSubject = subject.joined(separator: " ")
    }

    /// Two to four words at `i` whose joined pinyin reads as a name of the entity dictionary.
    private func pinyinName(_ words: [String], at i: Int) -> (Int, String)? {
        for len in stride(from: min(4, words.count - i), through: 2, by: -1) {
            let run = words[i..<(i + len)]
            guard run.allSatisfy({ w in w.unicodeScalars.allSatisfy { ScalarClass.isASCIILetter($0) } && !enQuestionWords.contains(w) }) else { continue }
            if let zh = pinyin.resolve(run.joined()), entityNames.contains(zh) { return (len, zh) }
        }
        return nil
    }

    private func isRouteWord(_ w: String) -> Bool { routeIDs.contains(w.uppercased()) }

    /// Entities whose pinyin equals a run of English words (`tianyuan wuzhen` → 田园五镇).
    private func pinyinEntities(_ words: [String], existing: [EntityMatch]) -> [EntityMatch] {
        var out: [EntityMatch] = []
        guard !words.isEmpty else { return out }
        for i in words.indices {
            var key = ""
            for j in i..<min(words.count, i + 5) {
                key += words[j]
                guard key.count >= 4 else { continue }
                for id in kb.entities.lookup(pinyinKey: key) where !existing.contains(where: { $0.entity == id }) && !out.contains(where: { $0.entity == id }) {
                    out.append(EntityMatch(entity: id, name: kb.entities.entities[id].name, range: 0..<0, kind: .pinyin, coverage: 1))
                }
            }
        }
        return out
    }

    /// The question with question words removed, as runs of content. A one-character question
    /// word is kept when it forms a word the corpus knows with a neighbour (`有` in `有限公司`).
    func contentSegments(_ q: [Unicode.Scalar], routes: [RouteMention]) -> [ContentSegment] {
        var drop = [Bool](repeating: false, count: q.count)
        for h in questionWords.longestHits(in: q) {
            if h.range.count == 1 && !QueryAnalyzer.alwaysDropped.contains(q[h.range.lowerBound]) {
                let i = h.range.lowerBound
                let leftWord = i > 0 && !drop[i - 1] && ScalarClass.isHan(q[i - 1]) && kb.index.sentenceFrequency(Term(bigram: q[i - 1], q[i])) > 0
                let rightWord = i + 1 < q.count && ScalarClass.isHan(q[i + 1]) && kb.index.sentenceFrequency(Term(bigram: q[i], q[i + 1])) > 0
                if leftWord || rightWord { continue }
            }
            for i in h.range { drop[i] = true }
        }
        for r in QueryAnalyzer.aNotA(q) { for i in r { drop[i] = true } }
        var segments: [ContentSegment] = []
        var current: [Unicode.Scalar] = []
        var start = 0
        for (i, s) in q.enumerated() {
            if drop[i] || !(ScalarClass.isWordScalar(s)) {
                if !current.isEmpty { segments.append(ContentSegment(start: start, scalars: current)); current = [] }
            } else {
                if current.isEmpty { start = i }
                current.append(s)
            }
        }
        if !current.isEmpty { segments.append(ContentSegment(start: start, scalars: current)) }
        return segments
    }

    /// The `不X` of an A-not-A question (`会不会`, `要不要`, `收不收费`, `需不需要`): a yes/no
    /// question's form, not its content.
    static func aNotA(_ q: [Unicode.Scalar]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 1
        while i + 1 < q.count {
            if q[i] == "不" || q[i] == "没", q[i - 1] == q[i + 1], ScalarClass.isHan(q[i - 1]) { out.append(i..<(i + 2)); i += 2 } else { i += 1 }
        }
        return out
    }

    /// Particles never part of content, even where they touch a known word (`的物`, `司是`).
    static let alwaysDropped: Set<Unicode.Scalar> = Set("的是了吗呢吧啊呀么和与及".unicodeScalars)

}
