import Foundation
import Knowledge

/// Decides how to answer an understood question: small talk; a decline for a route the paper
/// never mentions; a structured fact through the intent's template (for the entity the question
/// names, or the one the dialogue is about); a clarifying question when several fit; otherwise
/// the best clause from the index; otherwise a decline with suggestions.
final class Answerer: Sendable {
    let kb: KnowledgeBase
    let catalog: IntentCatalog
    let resolver: FactResolver
    let retrieval: RetrievalAnswerer
    let items: ItemAnswerer
    let lists: ListAnswerer
    let countedLists: CountedListAnswerer
    let capabilities: Capabilities
    /// The place each page is about (page file → `平湖`…), for place-specific answers such as forecasts.
    let pagePlaces: [String: String]
    /// The places some page is about (the counties the corpus covers).
    let pagePlaceNames: Set<String>
    let normalizer = Normalizer()
    /// Suggestions and the capability summary per language, made once from the knowledge base.
    let suggestionsByLanguage: [Language: [String]]
    let summaryByLanguage: [Language: String]
    /// Fact strings normalised once.
    let names: NormalizedNames
    /// Figures grouped by their normalised measure (`出口额` → figures), so a question is matched
    /// against each distinct measure once, not against every figure of the corpus.
    let figuresByMeasure: [(measure: String, figures: [Int])]
    /// What a dialogue state can refer to: route ids the paper prints, and each entity by kind
    /// and display name (the first entity with that name, as a scan would find).
    let routeIDs: Set<String>
    /// Articles that print a route's facts.
    let routeArticles: Set<Int>
    /// Sentences some route's facts were read from.
    let routeSentences: Set<Int>
    /// Each route's two termini, normalised (a question naming both names the route).
    let terminusPairs: [(route: String, a: String, b: String)]
    let entityByName: [EntityKind: [String: Int]]

    init(kb: KnowledgeBase, catalog: IntentCatalog) {
        self.kb = kb
        self.catalog = catalog
        resolver = FactResolver(kb: kb)
        retrieval = RetrievalAnswerer(kb: kb, scorer: catalog.scorer ?? .neverAnswers, synonyms: catalog.synonyms)
        lists = ListAnswerer(kb: kb)
        capabilities = Capabilities(kb: kb, catalog: catalog)
        pagePlaces = PagePlaces.compute(kb, places: catalog.lexicon.places)
        countedLists = CountedListAnswerer(kb: kb)
        items = ItemAnswerer(kb: kb, pagePlaces: pagePlaces, places: catalog.lexicon.places)
        pagePlaceNames = Set(pagePlaces.values)
        names = NormalizedNames(kb)
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (i, f) in kb.facts.figures.enumerated() where !f.measure.isEmpty {
            let m = names.normalized(f.measure)
            if groups[m] == nil { order.append(m) }
            groups[m, default: []].append(i)
        }
        figuresByMeasure = order.map { ($0, groups[$0]!) }
        routeIDs = Set(kb.facts.routes.map(\.routeID))
        routeArticles = Set(kb.facts.routes.map(\.article))
        routeSentences = kb.facts.routes.reduce(into: Set<Int>()) { $0.formUnion($1.sourceSentences) }
        let norm = Normalizer()
        terminusPairs = kb.facts.routes.compactMap { r in
            guard r.termini.count == 2 else { return nil }
            return (r.routeID, norm.normalize(r.termini[0].value), norm.normalize(r.termini[1].value))
        }
        var byName: [EntityKind: [String: Int]] = [:]
        for e in kb.entities.entities where byName[e.kind]?[e.name] == nil { byName[e.kind, default: [:]][e.name] = e.id }
        entityByName = byName
        let caps = capabilities
        suggestionsByLanguage = [.zh: caps.suggestions(.zh), .en: caps.suggestions(.en)]
        summaryByLanguage = [.zh: caps.summary(.zh), .en: caps.summary(.en)]
    }

    /// Intents tried per question (best scores first).
    static let maxIntentsTried = 4

    /// The answer. The fitted scorer chooses among retrieved clauses (and declines below its
    /// threshold); typed facts, page items and lists are answered as the rules below find them.
    ///
    /// One evidence rule applies to every answer from the pages: a question naming a county
    /// (`嘉善…押金多少`) is not answered from a page about another county that never names it.
    func answer(_ u: Understanding, state: DialogueState?) -> Answer {
        var a = propose(u, state: state)
        guard a.outcome == .fact || a.outcome == .retrieval else { return a }
        if contradictsPlace(u, a) || contradictsYear(u, a) || lacksAskedValue(u, a) { return decline(subject(u), u, intent: a.intent) }
        // What kind of value was given, for a follow-up naming only a new subject; a follow-up
        // asking nothing of its own keeps the kind it was answered with.
        a.askedType = AnswerType.primary(of: u.answerTypes) ?? (Answerer.looksLikeFollowUp(u) ? state?.askedType : nil)
        return a
    }

    /// Whether the question asks about a year (`2023年…是多少`) and every sentence the answer
    /// cites is dated to another one (`2024年，街道楼宇税收达到…`): the value is not the one asked.
    func contradictsYear(_ u: Understanding, _ a: Answer) -> Bool {
        let asked = Answerer.years(in: u.normalized)
        guard !asked.isEmpty, !a.sentences.isEmpty else { return false }
        return a.sentences.allSatisfy { sid in
            let printed = Answerer.years(in: kb.sentences[sid].scalars)
            return !printed.isEmpty && printed.isDisjoint(with: asked)
        }
    }

    static let overviewSource = AnswerSource(kind: .route, field: "overview")

    /// The years a text names (`2024年`).
    static func years(in s: [Unicode.Scalar]) -> Set<Int> {
        var out = Set<Int>()
        var i = 0
        while i + 4 < s.count {
            if (i == 0 || !ScalarClass.isDigit(s[i - 1])), s[i + 4] == "年", (i..<(i + 4)).allSatisfy({ ScalarClass.isDigit(s[$0]) }) {
                let y = (i..<(i + 4)).reduce(0) { $0 * 10 + Int(s[$1].value - 48) }
                if (1900...2100).contains(y) { out.insert(y) }
                i += 5
                continue
            }
            i += 1
        }
        return out
    }

    /// Whether a question that asks a kind of value (a phone, a fare, a time, a count) got an
    /// answer that prints none: `3. 海宁市马桥幼儿园` names where the answer would be, it is not
    /// the address.
    func lacksAskedValue(_ u: Understanding, _ a: Answer) -> Bool {
        guard u.language == .zh, let asked = AnswerType.primary(of: u.answerTypes), RetrievalAnswerer.strongTypes.contains(asked),
              asked != .place else { return false }     // a place is named as often as it is addressed
        // An item's line labelled with the kind asked says what the page gives for it, value or
        // not (`电话：暂未开通，请向所在社区咨询`).
        if a.intent == "page.item", let sid = a.sentences.first, let words = ItemAnswerer.labelWords[asked],
           let kv = PageStructure.keyValue(kb.sentences[sid].scalars), words.contains(where: { kv.key.contains($0) }) { return false }
        var text = Array(normalizer.normalize(a.text).unicodeScalars)
        if let n = PageStructure.numbering(text) { text.removeFirst(n.length) }   // `3.` numbers an item, it is no value
        var context = AnswerTypeDetector.Context.none     // any place or name suffix, not only the question's
        context.question = ScalarSet(u.normalized)
        return !asked.acceptable.contains { AnswerTypeDetector.contains($0, in: text, range: 0..<text.count, context: context) }
    }

    /// Whether every article the answer cites is about another county than the one(s) the
    /// question names, and prints none of them.
    func contradictsPlace(_ u: Understanding, _ a: Answer) -> Bool {
        let city = catalog.lexicon.places.first
        let asked = u.places.filter { $0 != city && pagePlaceNames.contains($0) }
        guard !asked.isEmpty, !a.sentences.isEmpty else { return false }
        let articles = Set(a.sentences.map { kb.sentences[$0].article })
        return articles.allSatisfy { art in
            guard let place = pagePlaces[kb.articles[art].id.file], !asked.contains(place) else { return false }
            let title = String(String.UnicodeScalarView(kb.index.normalizedTitle(of: art)))
            return !asked.contains { p in title.contains(p) || kb.articles[art].sentenceIDs.contains { kb.sentences[$0].normalized.includes(p) } }
        }
    }

    /// The rules' proposal (see `answer`).
    func propose(_ u: Understanding, state: DialogueState?) -> Answer {
        let lang = u.language
        let focuses = explicitFocuses(u)
        // The dialogue's subject carries over to a follow-up (`票价呢`, `那电话呢`), not to a
        // question with a subject of its own that only the index knows (`百川路施工影响几条线`).
        var contextFocus = focuses.isEmpty && isFollowUp(u) ? state.flatMap(resolve) : nil
        if let f = contextFocus, !leansOn(f, u) { contextFocus = nil }

        // Small talk, unless the question is really about something (`借书功能还能用吗` holds
        // the help keyword 功能 and words of its own).
        if let top = u.topIntent, catalog.intents[top.intent].isSmallTalk, u.routes.isEmpty,
           !focuses.contains(where: { isStrong($0, in: u) }), u.intents.dropFirst().first.map({ $0.score < top.score }) ?? true,
           !retrieval.hasUnexplainedContent(u) {
            return smallTalk(catalog.intents[top.intent], candidate: top, u)
        }
        // A route the paper never mentions: say so, never another route's facts.
        if !u.routes.isEmpty, !u.routes.contains(where: \.known) {
            let id = u.routes[0].id
            // One the typed facts do not hold may still be printed (`9路停运`, `示范区3路（…）`):
            // answered only by a clause that names it (in `338路（…）、3路（…，票价10元）` the fare
            // is the 3路's).
            let naming = sentences(namingRoute: id)
            if !naming.isEmpty,
               let r = retrieval.answer(u, focusArticles: Array(Set(naming.map { kb.sentences[$0].article })), boostArticles: []),
               answerNames(route: printedName(route: id), r) {
                return retrieved(r, u, focus: nil)
            }
            return decline(lang == .en ? "route \(id)" : "\(id)路", u, intent: u.topIntent?.name)
        }

        // An item of a notice or guide, named with what is asked of it: its own value, or a
        // decline when it prints none (never a neighbour's value or the page's hotline).
        // The dialogue's item is the subject only of a question asking nothing else (`那电话呢`,
        // not `电话挂失能管几天`).
        if let a = items.answer(u, state: focuses.isEmpty && isFollowUp(u) && retrieval.asksOnly(u, asking: ListAnswerer.askingWords) ? state : nil,
                                previousAsked: Answerer.looksLikeFollowUp(u) ? state?.askedType : nil) { return a }
        // A list question naming a section of a notice: every member it lists.
        if let a = lists.answer(u, pagePlaces: pagePlaces) { return a }
        // A list question answered by a sentence that counts and names the members.
        if let a = countedLists.answer(u, pagePlaces: pagePlaces) { return a }

        // Intents that answer with the kind of value asked for (a "where" never gets a date).
        let asked = AnswerType.primary(of: u.answerTypes)
        var candidates = u.intents.filter { c in
            let intent = catalog.intents[c.intent]
            guard !intent.isSmallTalk else { return false }
            // The overview of a route the question numbers answers a question asking nothing else
            // (`介绍一下5路`); one with words of its own (`封路期间5路还停公交西站吗`, where 公交 is
            // part of a stop's name) goes to the index. (A route found by its termini, named by
            // nothing else, is what `从A到B坐几路` asks: its overview answers.)
            if intent.answers.allSatisfy({ $0 == Answerer.overviewSource }), !u.routes.isEmpty, retrieval.hasUnexplainedContent(u) { return false }
            // `what is …` is asked of any kind of value (`What is the top prize`): no filter.
            guard let asked, asked != .definition, !intent.answerTypes.isEmpty else { return true }
            return intent.answerTypes.contains { asked.acceptable.contains($0) }
        }
        if candidates.isEmpty, let last = state?.intent, let i = catalog.intents.firstIndex(where: { $0.name == last }),
           contextFocus != nil || !focuses.isEmpty, u.contentSegments.reduce(0, { $0 + $1.scalars.count }) <= 8,
           Answerer.looksLikeFollowUp(u) {
            // A follow-up with no keyword of its own (`那青浦呢`): the previous intent, new slots.
            candidates = [IntentCandidate(intent: i, name: last, score: 1, keywords: [], confidence: 0.5)]
        }
        // A route named with nothing else asked (`27路呢`, `介绍一下27路`): its overview. Asked
        // something the overview does not hold (`27路改线从哪天起`), the index answers.
        if candidates.isEmpty, let f = focuses.first, case .route = f, !retrieval.hasUnexplainedContent(u),
           let i = catalog.intents.firstIndex(where: { $0.answers.contains(Answerer.overviewSource) }) {
            candidates = [IntentCandidate(intent: i, name: catalog.intents[i].name, score: 1, keywords: [], confidence: 0.5)]
        }
        let best = candidates.first?.score ?? 0
        var clarification: Answer?
        for candidate in candidates.prefix(Answerer.maxIntentsTried) where candidate.score >= 0.5 * best {
            let attempt = IntentAttempt(answerer: self, understanding: u, candidate: candidate,
                                        focuses: focuses.isEmpty ? contextFocus.map { [$0] } ?? [] : focuses,
                                        fromContext: focuses.isEmpty && contextFocus != nil)
            switch attempt.run() {
            case .answered(let a): return a
            case .clarify(let a):
                // A route question naming no route: ask which, rather than let retrieval pick one.
                // Asked back when the question is nothing but the route intent's words (`首班车几点`),
                // or when what the index finds for it is one route's facts (picking that route
                // would be a guess): a line a route's facts come from, or one naming a route, not
                // any line of a page that has a route (`海盐大道一共投资了多少钱`). A question with words of its own answered elsewhere (a card, a
                // water-bus line, a street) goes to the index; one answered nowhere is declined.
                if candidate.intent == candidates.first?.intent, clarification == nil {
                    if !retrieval.hasUnexplainedContent(u) {
                        clarification = a
                    } else if let r = retrieval.answer(u, focusArticles: nil, boostArticles: []),
                              routeSentences.contains(r.sentence) || (routeArticles.contains(kb.sentences[r.sentence].article)
                                && !RetrievalAnswerer.routeIDs(in: kb.sentences[r.sentence].scalars).isEmpty) {
                        return a
                    }
                }
            case .declined(let a): return a
            case .notApplicable: continue
            }
        }

        // A question made only of an intent's keywords and slots (`今天下午会不会下雨`) has
        // nothing left for retrieval to match but those words: any clause found would be about
        // something else. Ask back or decline instead.
        if u.topIntent != nil, focuses.isEmpty, contextFocus == nil, !retrieval.hasUnexplainedContent(u) {
            if let clarification { return clarification }
            return decline(subject(u), u, intent: u.topIntent?.name)
        }
        // Retrieval: restricted to the articles of an entity the question names; an entity from
        // the dialogue only favours its articles.
        let focusArticles: [Int]? = focuses.first.map { resolver.articles(for: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        let boost = contextFocus.map { resolver.articles(for: $0) } ?? []
        let route: String? = [focuses.first, contextFocus].lazy.compactMap { f -> String? in
            if case .route(let id)? = f { return id } else { return nil }
        }.first
        if let r = retrieval.answer(u, focusArticles: focusArticles, boostArticles: boost, route: route) {
            return retrieved(r, u, focus: focuses.first)
        }
        // A passing mention (`物业公司`) may not be what the answer is about: search everywhere,
        // favouring its articles. A named route, service, event, contact or quoted term is.
        if let f = focuses.first, !isStrong(f, in: u), let r = retrieval.answer(u, focusArticles: nil, boostArticles: focusArticles ?? []) {
            return retrieved(r, u, focus: nil)
        }
        if let clarification { return clarification }
        return decline(subject(u), u, intent: u.topIntent?.name)
    }

    /// A question that may lean on the dialogue's subject: it reads like a follow-up, or leaves
    /// at most a word unexplained once its keywords, slots and cues are accounted for
    /// (`电话是多少`, `周六开门吗`).
    func isFollowUp(_ u: Understanding) -> Bool {
        if Answerer.looksLikeFollowUp(u) { return true }
        if u.language == .zh, Answerer.referringWords.contains(where: { u.normalizedText.contains($0) }) { return true }
        let rest = retrieval.units(of: u).filter { !$0.explained && !$0.filler }
        return rest.reduce(0) { $0 + $1.scalars.count } + u.unknownWords.count <= 4
    }

    /// Whether a question read as a follow-up is about the dialogue's subject: it reads like one
    /// or points back, or the words it leaves unexplained are printed in the subject's articles
    /// (`书画比赛一等奖奖金多少` after a design contest names a contest of its own).
    func leansOn(_ focus: Focus, _ u: Understanding) -> Bool {
        if Answerer.looksLikeFollowUp(u) { return true }
        if u.language == .zh, Answerer.referringWords.contains(where: { u.normalizedText.contains($0) }) { return true }
        let rest = retrieval.units(of: u).filter { !$0.explained && !$0.filler && $0.scalars.count >= 2 }
        guard !rest.isEmpty else { return true }
        let articles = resolver.articles(for: focus)
        guard retrieval.located(rest).present(in: articles).count == rest.count else { return false }
        // Printed in passing there (`金庸书画院`) but the title of another page (`…书画比赛的通知`).
        let own = Set(articles)
        let words = rest.map { String(scalars: $0.scalars) }
        func titled(_ a: Int) -> Bool {
            let title = String(String.UnicodeScalarView(kb.index.normalizedTitle(of: a)))
            return words.allSatisfy { title.contains($0) }
        }
        if own.contains(where: titled) { return true }
        let hits = kb.index.search(words.flatMap { SentenceIndex.weightedTerms($0) }, limit: 20)
        return !hits.contains { $0.titleScore > 0 && !own.contains(kb.sentences[$0.sentence].article) && titled(kb.sentences[$0.sentence].article) }
    }

    /// Words that point back at the dialogue's subject (`在那补办`, `它几点下班`).
    static let referringWords: [String] = ["它", "那里", "那儿", "在那", "这里", "这个", "该"]

    /// Words that mark a question as a follow-up to the previous one (`那青浦呢`, `what about…`).
    static let followUpMarkers: [String] = ["那", "呢", "还有", "那么", "另外"]
    static let englishFollowUpMarkers: [String] = ["and", "what about", "how about", "also"]

    /// A follow-up: opens or ends like one, or names only a slot (a day, a place, a milestone).
    static func looksLikeFollowUp(_ u: Understanding) -> Bool {
        if u.language == .en {
            let text = " " + u.englishWords.joined(separator: " ") + " "
            return englishFollowUpMarkers.contains { text.hasPrefix(" " + $0 + " ") }
        }
        let q = u.normalizedText
        return followUpMarkers.contains { q.hasPrefix($0) || q.hasSuffix($0) } || u.day != nil || u.milestone != nil || !u.places.isEmpty
    }

    // MARK: - Focus

    /// Routes and entities the question itself names, strongest first.
    func explicitFocuses(_ u: Understanding) -> [Focus] {
        var out: [Focus] = []
        for r in u.routes where r.known && !out.contains(where: { if case .route(r.id) = $0 { return true }; return false }) {
            out.append(.route(r.id))
        }
        // No number, but both ends of one route (`西塘往黎里方向多久一班` for T7路 西塘—黎里).
        if u.routes.isEmpty {
            let q = u.normalizedText
            let ids = Set(terminusPairs.filter { q.contains($0.a) && q.contains($0.b) }.map(\.route))
            if ids.count == 1, let id = ids.first { out.append(.route(id)) }
        }
        // Rank: how well the name was matched, what kind of thing it is (one with facts beats a
        // quoted term, which beats a passing mention) and how long the match is.
        func rank(_ m: EntityMatch) -> Double {
            let quality = m.kind == .exact ? 1.0 : (m.kind == .pinyin ? 0.9 : m.coverage)
            let kindBonus: Double
            switch kb.entities.entities[m.entity].kind {
            case .route, .contact, .service, .event: kindBonus = 0.3
            case .term: kindBonus = 0.1
            case .mention: kindBonus = 0
            }
            return quality + kindBonus + 0.02 * Double(m.range.count)
        }
        let matches = u.entities.filter { $0.kind != .partial || $0.coverage >= 0.75 || !u.entities.contains(where: { $0.kind == .exact }) }
            .filter { !namesAnotherPrinted($0, u) }
        let sorted = matches.map { (match: $0, rank: rank($0)) }.sorted { $0.rank > $1.rank }
        out += sorted.map { .entity($0.match.entity) }
        return out
    }

    /// Whether a name matched in part is the tail of another name the pages print: the Han
    /// characters just before the match, with it, are printed, and the name does not hold
    /// them (`公交服务热线` asked, `12345市民服务热线` matched by `服务热线`, and a page prints
    /// `公交服务热线0573-…`: that is the line asked about).
    func namesAnotherPrinted(_ m: EntityMatch, _ u: Understanding) -> Bool {
        guard m.kind == .partial, u.language == .zh else { return false }
        // Up to two Han characters right before the match: the word that qualifies it.
        let q = u.normalized
        var start = m.range.lowerBound
        while start > 0, m.range.lowerBound - start < 2, ScalarClass.isHan(q[start - 1]) { start -= 1 }
        guard start < m.range.lowerBound else { return false }
        let near = String(String.UnicodeScalarView(q[start..<m.range.lowerBound]))
        guard !kb.entities.entities[m.entity].names.contains(where: { $0.contains(near) }) else { return false }
        let phrase = String(String.UnicodeScalarView(q[start..<m.range.upperBound]))
        let hits = kb.index.search(SentenceIndex.weightedTerms(phrase), limit: 20)
        return hits.contains { kb.sentences[$0.sentence].normalized.includes(phrase) }
    }

    /// A named route, service, event, contact or quoted term matched in full; a name matched
    /// only in part (`嘉兴文艺` in `嘉兴市民间文艺家协会`) may be another name's pieces.
    private func isStrong(_ f: Focus, in u: Understanding) -> Bool {
        switch f {
        case .route: return true
        case .entity(let e):
            return kb.entities.entities[e].kind != .mention && u.entities.contains { $0.entity == e && $0.kind != .partial }
        }
    }

    /// The dialogue's remembered entity, looked up again by kind and name.
    func resolve(_ state: DialogueState) -> Focus? {
        if let id = state.routeID, routeIDs.contains(id) { return .route(id) }
        guard let ref = state.entity, let kind = EntityKind(rawValue: ref.kind) else { return nil }
        return entityByName[kind]?[ref.name].map { .entity($0) }
    }

    // MARK: - Replies

    private func smallTalk(_ intent: IntentDefinition, candidate: IntentCandidate, _ u: Understanding) -> Answer {
        let source = intent.answers[0]
        let text = TemplateText.fill(intent.template(for: source).text(for: u.language),
                                     ["capabilities": summaryByLanguage[u.language] ?? ""])
        var a = Answer(text: text, outcome: .smallTalk, intent: intent.name, confidence: candidate.confidence, language: u.language)
        if source.field == "help" || source.field == "greeting" { a.suggestions = suggestionsByLanguage[u.language] ?? [] }
        return a
    }

    /// Sentences printing route `id` as a route (`9路`, `示范区9路`; not `19路` or `K9路`).
    func sentences(namingRoute id: String) -> [Int] {
        let scalars = printedName(route: id)
        return kb.index.search(SentenceIndex.weightedTerms(String(scalars: scalars)), limit: 200).map(\.sentence).filter {
            Answerer.prints(route: scalars, in: kb.sentences[$0].scalars)
        }
    }

    /// How a page names a route, normalised: `115路`; an id with a letter is printed bare too
    /// (`K353`, `k353` once normalised).
    func printedName(route id: String) -> [Unicode.Scalar] {
        id.unicodeScalars.contains(where: ScalarClass.isASCIILetter) ? Array(normalizer.normalize(id).unicodeScalars) : Array((id + "路").unicodeScalars)
    }

    /// Whether a retrieved clause is about the route: it names it, or it is the value of a line
    /// labelled with it (`1. 172路（嘉兴—海盐）：调整前10元，调整后12元`).
    func answerNames(route name: [Unicode.Scalar], _ r: RetrievalAnswerer.Result) -> Bool {
        if Answerer.prints(route: name, in: Array(normalizer.normalize(r.text).unicodeScalars)) { return true }
        // A line under the route's own heading (`1. K353（…）` > `首末班（调整后）：…`).
        let sentence = kb.sentences[r.sentence]
        if let last = retrieval.headingNames[sentence.article]?[sentence.paragraph].last, Answerer.prints(route: name, in: last) { return true }
        let line = sentence.scalars
        guard let colon = line.prefix(24).firstIndex(where: { $0 == "：" || $0 == ":" }),
              let at = Knowledge.firstIndex(of: name, in: line, within: 0..<colon), r.window.lowerBound >= at + name.count else { return false }
        return Answerer.prints(route: name, in: Array(line[..<colon]))
    }

    /// Whether normalised `text` prints the route name `name` (`9路`) not as the tail of another
    /// (`19路`, `K9路`).
    static func prints(route name: [Unicode.Scalar], in text: [Unicode.Scalar]) -> Bool {
        var from = 0
        while let at = firstIndex(of: name, in: text, within: from..<text.count) {
            let prev = at > 0 ? text[at - 1] : " ", next = at + name.count < text.count ? text[at + name.count] : " "
            // A bare id (`k353`) is not the head of a longer one (`k3531`); `9路` ends in 路.
            let longer = name.last.map(ScalarClass.isDigit) == true && ScalarClass.isDigit(next)
            if !(prev.isASCII && (ScalarClass.isDigit(prev) || prev.properties.isAlphabetic)) && !longer { return true }
            from = at + 1
        }
        return false
    }

    func retrieved(_ r: RetrievalAnswerer.Result, _ u: Understanding, focus: Focus?) -> Answer {
        // A notice's heading line (`1. 嘉兴市公安局出入境管理局`) names an item: what is asked of it
        // is in the item's own lines, or the item does not say.
        if let a = items.answer(headedBy: r.sentence, u) { return a }
        // A section's heading line names its list: a list question gets the members.
        if let a = lists.answer(headedBy: r.sentence, u) { return a }
        let isDocument = kb.articles[kb.sentences[r.sentence].article].isDocument
        let lead = u.language == .en ? (isDocument ? "The notice says: " : "The paper reports: ") : ""
        var a = Answer(text: lead + r.text, outcome: .retrieval, intent: u.topIntent?.name ?? "retrieval",
                       confidence: min(0.95, 0.35 + 0.6 * r.coverage), language: u.language, sentences: [r.sentence])
        a.debug = r.debug
        if let focus { remember(focus, in: &a) }
        // A line of a notice's item (`（二）清明2号线：A—B`): the item is what a follow-up asks about.
        else if let i = items.itemOfSentence[r.sentence] {
            a.entity = DialogueState.EntityRef(kind: ItemAnswerer.entityKind, name: kb.items[i].name)
        }
        return a
    }

    func remember(_ focus: Focus, in a: inout Answer) {
        switch focus {
        case .route(let id): a.routeID = id
        case .entity(let e):
            let ent = kb.entities.entities[e]
            a.entity = DialogueState.EntityRef(kind: ent.kind.rawValue, name: ent.name)
        }
    }

    /// What a question asked about, in its own language: the English content words, or the
    /// Chinese content with Latin letters as route numbers are written (`K258路`).
    func subject(_ u: Understanding) -> String {
        if u.language == .en { return u.englishSubject.isEmpty ? u.text : u.englishSubject }
        return u.contentText.isEmpty ? u.text : u.contentText.uppercased()
    }

    /// A plain decline naming what was not found, with suggestions of what can be asked.
    func decline(_ what: String, _ u: Understanding, intent: String?) -> Answer {
        let subject = what.unicodeScalars.count > 40 ? String(scalars: what.unicodeScalars.prefix(40)) + "…" : what
        let text = u.language == .en
            ? "Sorry, I have no information about \(subject) in \(kb.isNewspaperOnly ? "the paper" : "the pages I have")."
            : "抱歉，\(kb.isNewspaperOnly ? "报上" : "现有资料中")没有找到关于“\(subject)”的信息。"
        var a = Answer(text: text, outcome: .decline, intent: intent, confidence: 0, language: u.language)
        a.suggestions = suggestionsByLanguage[u.language] ?? []
        return a
    }

    /// Articles that came closest to a question (for the unanswered log).
    func nearestArticles(_ u: Understanding) -> [NearestCandidate] {
        var terms: [(term: Term, weight: Double)] = []
        for seg in u.contentSegments { terms += SentenceIndex.weightedTerms(seg.text) }
        var seen = Set<Int>()
        var out: [NearestCandidate] = []
        for hit in kb.index.search(terms, limit: 10) {
            let art = kb.sentences[hit.sentence].article
            guard seen.insert(art).inserted else { continue }
            out.append(NearestCandidate(article: kb.articles[art].title, file: kb.articles[art].id.file, score: hit.score))
            if out.count == 3 { break }
        }
        return out
    }
}
