import Foundation
import Knowledge

/// Tries to answer one intent candidate from structured facts.
struct IntentAttempt {
    enum Outcome {
        case answered(Answer)
        case clarify(Answer)
        /// The intent is clearly what was asked, and the paper does not have it: say so
        /// (a forecast for a day or place the page does not print).
        case declined(Answer)
        case notApplicable
    }

    let answerer: Answerer
    let understanding: Understanding
    let candidate: IntentCandidate
    /// Entities to answer about: named in the question, or (when `fromContext`) from the dialogue.
    let focuses: [Focus]
    let fromContext: Bool

    var kb: KnowledgeBase { answerer.kb }
    var intent: IntentDefinition { answerer.catalog.intents[candidate.intent] }
    var u: Understanding { understanding }

    var ctx: RenderContext {
        RenderContext(kb: kb, language: u.language, understanding: u, phrasebook: answerer.catalog.lexicon.phrasebook,
                      names: answerer.names)
    }

    func run() -> Outcome {
        var clarify: Answer?
        for source in intent.answers {
            switch attempt(source) {
            case .answered(let a): return .answered(a)
            case .clarify(let a): if clarify == nil { clarify = a }
            case .declined(let a): return .declined(a)
            case .notApplicable: continue
            }
        }
        return clarify.map { .clarify($0) } ?? .notApplicable
    }

    private func attempt(_ source: AnswerSource) -> Outcome {
        switch source.kind {
        case .weather: return weather(source)
        case .route: return source.field == "serves" ? routeServing(source) : route(source)
        case .contact: return entityFact(source, indices: { answerer.resolver.contacts(for: $0) }, all: kb.facts.contacts.count,
                                         article: { kb.facts.contacts[$0].article }, name: { kb.facts.contacts[$0].name.value },
                                         render: { ContactAnswers(contact: kb.facts.contacts[$0], ctx: ctx).render(source.field) })
        case .service:
            if source.field == "handles" { return serviceHandling(source) }
            let q = answerer.catalog.lexicon.scopeQualifiers
            return entityFact(source, indices: { answerer.resolver.services(for: $0) }, all: kb.facts.services.count,
                              article: { kb.facts.services[$0].article }, name: { kb.facts.services[$0].name.value },
                              render: { ServiceAnswers(service: kb.facts.services[$0], ctx: ctx, qualifiers: q).render(source.field) })
        case .event: return entityFact(source, indices: { answerer.resolver.events(for: $0) }, all: kb.facts.events.count,
                                       article: { kb.facts.events[$0].article }, name: { kb.facts.events[$0].aliases.first ?? kb.facts.events[$0].name.value },
                                       render: { EventAnswers(event: kb.facts.events[$0], ctx: ctx).render(source.field) })
        case .figure: return figure(source)
        case .term: return termDefinition(source)
        case .smalltalk: return .notApplicable
        }
    }

    // MARK: - Kinds

    private func weather(_ source: AnswerSource) -> Outcome {
        let picked = ForecastPicker.pick(kb, day: u.day ?? .today, places: u.places, pagePlaces: answerer.pagePlaces)
        if case .ambiguous(let places) = picked {
            return .clarify(clarification(places, question: u.language == .en ? "The paper prints forecasts for several places — which one: "
                                                                                : "报上有几个地方的天气预报，您问的是："))
        }
        guard case .forecast(let forecast) = picked, forecast.days.contains(where: { $0.day == (u.day ?? .today) }) else {
            // Weather is asked, but not for a day or place the paper printed.
            let day = u.day ?? .today
            let what = u.language == .en ? "the \(u.places.first.map { $0 + " " } ?? "")forecast for \(day.rawValue)"
                : (u.places.first ?? "") + ([.today: "今天", .tonight: "今晚", .tomorrow: "明天", .dayAfterTomorrow: "后天"][day] ?? "") + "的天气预报"
            return .declined(answerer.decline(what, u, intent: intent.name))
        }
        guard let value = WeatherAnswers(forecast: forecast, ctx: ctx).render(source.field) else { return .notApplicable }
        let note = PageDates.forecastNote(for: forecast.article, in: ctx)
        return answered(fact(source, entity: "", value: value, pageNote: note, focus: nil, articles: [forecast.article]))
    }

    private func route(_ source: AnswerSource) -> Outcome {
        guard let focus = focuses.first(where: { if case .route = $0 { return true }; return false }) ?? focuses.first else {
            return intent.requiredSlots.contains(.route) ? clarifyRoute() : .notApplicable
        }
        var indices = answerer.resolver.routes(for: focus)
        // A quoted term or a passing mention (`“动态”公交`) leads only to a route it names (its
        // name, kind or a terminus prints it), not to any route its page happens to describe.
        if case .entity(let e) = focus, [.term, .mention].contains(kb.entities.entities[e].kind) {
            let names = kb.entities.entities[e].names
            indices = indices.filter { i in
                let r = kb.facts.routes[i]
                let identity = [r.name?.value, r.kind?.value].compactMap { $0 } + r.termini.map(\.value)
                return identity.contains { v in names.contains { v.contains($0) } }
            }
        }
        guard !indices.isEmpty else { return .notApplicable }
        // The same route may appear on several pages: use the fullest description that has the field.
        let routes = kb.facts.routes
        let ranked = indices.map { (index: $0, score: RouteCompleteness.score(routes[$0])) }.sorted { $0.score > $1.score }
        for (i, _) in ranked {
            let r = routes[i]
            if let value = RouteAnswers(route: r, ctx: ctx).render(source.field) {
                let name = u.language == .en ? r.routeID : r.routeID + "路"
                return answered(fact(source, entity: name, value: value, pageNote: "", focus: .route(r.routeID), articles: [r.article]))
            }
        }
        return .notApplicable
    }

    /// "Which bus goes to X": routes whose stops, termini, landmarks or walking notes name X.
    private func routeServing(_ source: AnswerSource) -> Outcome {
        var answers: [(TransitRoute, FieldValue)] = []
        for r in kb.facts.routes {
            if let v = RouteAnswers(route: r, ctx: ctx).render("serves"), !answers.contains(where: { $0.0.routeID == r.routeID }) { answers.append((r, v)) }
        }
        guard let first = answers.first else { return .notApplicable }
        let names = answers.map { u.language == .en ? $0.0.routeID : $0.0.routeID + "路" }
        let value = FieldValue(text: answers.map(\.1.text).joined(separator: u.language == .en ? "; " : "；"),
                               sentences: answers.flatMap(\.1.sentences))
        return answered(fact(source, entity: names.joined(separator: u.language == .en ? " or " : "或"), value: value, pageNote: "",
                             focus: answers.count == 1 ? .route(first.0.routeID) : nil, articles: answers.map(\.0.article)))
    }

    /// Which service point handles a topic: the service named in, or just before, the sentence
    /// that best covers the topic.
    private func serviceHandling(_ source: AnswerSource) -> Outcome {
        // The sentence about the topic (the place comes from the service, not from it).
        guard let hit = answerer.retrieval.answer(u, wantedTypes: []) else { return .notApplicable }
        let s = kb.sentences[hit.sentence]
        let article = kb.articles[s.article]
        guard let pos = article.sentenceIDs.firstIndex(of: hit.sentence) else { return .notApplicable }
        let services = kb.facts.services.indices.filter { kb.facts.services[$0].article == s.article }
        guard !services.isEmpty else { return .notApplicable }
        // Walk back from the matching sentence to the nearest one naming a service.
        for k in stride(from: pos, through: 0, by: -1) {
            let text = kb.sentences[article.sentenceIDs[k]].normalized
            let named = services.filter { i in ServiceNames.names(of: kb.facts.services[i]).contains { text.includes($0) } }
            if let i = named.max(by: { ServiceNames.lastOffset(of: kb.facts.services[$0], in: text) < ServiceNames.lastOffset(of: kb.facts.services[$1], in: text) }) {
                let svc = kb.facts.services[i]
                let q = answerer.catalog.lexicon.scopeQualifiers
                let value = ServiceAnswers(service: svc, ctx: ctx, qualifiers: q).render("location")
                    ?? FieldValue(text: hit.text, sentences: [hit.sentence])
                let v = FieldValue(text: value.text, sentences: [hit.sentence] + value.sentences)
                return answered(fact(source, entity: ctx.name(svc.name.value), value: v, pageNote: "", focus: entityFocus(kind: .service, fact: i),
                                     articles: [svc.article]))
            }
        }
        return .notApplicable
    }

    private func figure(_ source: AnswerSource) -> Outcome {
        let q = u.normalizedText
        let focusArticles = Set(focuses.flatMap { answerer.resolver.articles(for: $0) })
        var best: (Figure, Double)?
        for group in answerer.figuresByMeasure where q.includes(group.measure) {
            for f in group.figures.map({ kb.facts.figures[$0] }) {
                if !focusArticles.isEmpty && !focusArticles.contains(f.article) { continue }
                let coverage = answerer.retrieval.sentenceCoverage(u, sentence: f.sentence)
                if coverage >= RetrievalAnswerer.minimumCoverage, best == nil || coverage > best!.1 { best = (f, coverage) }
            }
        }
        guard let (f, _) = best else { return .notApplicable }
        let text = f.subject + f.measure + (f.qualifier ?? "") + f.value.text
        return answered(fact(source, entity: "", value: FieldValue(text: text, sentences: [f.sentence]), pageNote: "", focus: nil, articles: [f.article]))
    }

    private func termDefinition(_ source: AnswerSource) -> Outcome {
        guard let focus = focuses.first else { return .notApplicable }
        let articles = answerer.resolver.articles(for: focus)
        guard let r = answerer.retrieval.answer(u, focusArticles: articles, wantedTypes: [.definition]) else { return .notApplicable }
        var a = answerer.retrieved(r, u, focus: focus)
        a.intent = intent.name
        return .answered(a)
    }

    // MARK: - Entity facts

    /// Facts of one kind for the focus; without a focus, the facts whose article covers the
    /// question (so "一般类的企业诉求几个工作日办结" finds the one service that says so).
    private func entityFact(_ source: AnswerSource, indices: (Focus) -> [Int], all: Int, article: (Int) -> Int,
                            name: (Int) -> String, render: (Int) -> FieldValue?) -> Outcome {
        var chosen: [Int] = []
        var usedFocus: Focus?
        for f in focuses {
            let found = indices(f)
            if !found.isEmpty { chosen = found; usedFocus = f; break }
        }
        if chosen.isEmpty {
            guard focuses.isEmpty || fromContext else { return .notApplicable }
            // A question naming nothing but what it asks (`地址呢`, `what about the address?`),
            // with no subject from the dialogue, is about no entity in particular: not the one
            // entity that happens to print an address.
            guard fromContext || answerer.retrieval.hasUnexplainedContent(u) else { return .notApplicable }
            // The article test first (a few set lookups, once per article); rendering costs more.
            var covered: [Int: Bool] = [:]
            let coverage = answerer.retrieval.articleCoverage(u)
            func articleCovers(_ a: Int) -> Bool {
                if let c = covered[a] { return c }
                let c = coverage(a) >= RetrievalAnswerer.minimumCoverage
                covered[a] = c
                return c
            }
            chosen = (0..<all).filter { articleCovers(article($0)) && render($0) != nil }
        }
        var renderable = chosen.compactMap { i in render(i).map { (i, $0) } }
        if usedFocus == nil {
            // An entity the question does not name: only a fact whose own sentence the scorer
            // would answer from (not one that merely shares the article's words).
            renderable = renderable.filter { answerer.retrieval.accepts(u, sentences: $0.1.sentences) }
        }
        guard !renderable.isEmpty else { return .notApplicable }
        if renderable.count > 1 {
            // Prefer the one whose name the question carries; else ask.
            let q = u.normalizedText
            let named = renderable.filter { q.includes(answerer.names.normalized(name($0.0))) }
            if named.count == 1 { return answered(source, named[0], name: name, focus: usedFocus, article: article) }
            let names = Array(Set(renderable.map { name($0.0) })).sorted()
            if names.count == 1 { return answered(source, renderable[0], name: name, focus: usedFocus, article: article) }
            return .clarify(clarification(names))
        }
        return answered(source, renderable[0], name: name, focus: usedFocus ?? entityFocus(kind: source.kind, fact: renderable[0].0), article: article)
    }

    private func answered(_ source: AnswerSource, _ item: (Int, FieldValue), name: (Int) -> String, focus: Focus?, article: (Int) -> Int) -> Outcome {
        answered(fact(source, entity: ctx.name(name(item.0)), value: item.1, pageNote: "", focus: focus, articles: [article(item.0)]))
    }

    private func answered(_ a: Answer?) -> Outcome { a.map { .answered($0) } ?? .notApplicable }

    private func entityFocus(kind: AnswerKind, fact: Int) -> Focus? {
        let ek: EntityKind
        switch kind {
        case .contact: ek = .contact
        case .service: ek = .service
        case .event: ek = .event
        default: return nil
        }
        return kb.entities.entities.first { $0.kind == ek && $0.fact == fact }.map { .entity($0.id) }
    }

    // MARK: - Building answers

    /// The answer through the intent's template — or nil when the question asks about more than
    /// the fact's article says (the coverage gate, see `RetrievalAnswerer.factCoverage`).
    private func fact(_ source: AnswerSource, entity: String, value: FieldValue, pageNote: String, focus: Focus?, articles: [Int]) -> Answer? {
        let covered = answerer.retrieval.factCoverage(u, articles: articles + value.sentences.map { kb.sentences[$0].article })
        // English questions reach the corpus through a word-by-word gloss, so they are held to a
        // lower bar (unknown English words still count in full).
        let threshold = u.language == .en ? RetrievalAnswerer.englishFactCoverageThreshold : RetrievalAnswerer.factCoverageThreshold
        if RetrievalAnswerer.trace { FileHandle.standardError.write(Data("fact \(intent.name) \(source.key) coverage=\(covered)\n".utf8)) }
        guard covered >= threshold else { return nil }
        let template = intent.template(for: source).text(for: u.language)
        let text = TemplateText.fill(template, ["entity": entity, "value": value.text, "page_note": pageNote])
        let confidence = max(0.55, candidate.confidence) * (fromContext ? 0.9 : 1)
        var a = Answer(text: text, outcome: .fact, intent: intent.name, confidence: confidence, language: u.language,
                       sentences: value.sentences)
        if let focus = focus ?? (fromContext ? nil : focuses.first) { answerer.remember(focus, in: &a) }
        else if fromContext, let f = focuses.first { answerer.remember(f, in: &a) }
        return a
    }

    /// Which route? — listing only the routes that print what is asked (the lines with a fare
    /// for a fare question), and only when there is a real choice: one such route is the answer.
    private func clarifyRoute() -> Outcome {
        let fields = intent.answers.filter { $0.kind == .route }.map(\.field)
        let having = kb.facts.routes.filter { r in fields.contains { RouteAnswers(route: r, ctx: ctx).render($0) != nil } }
        let ids = Array(Set(having.map(\.routeID))).sorted()
        if ids.count == 1, let r = having.first, !answerer.retrieval.hasUnexplainedContent(u), !Answerer.looksLikeFollowUp(u),
           candidate.intent == u.intents.first?.intent {
            // One route prints it and the question says nothing else (`公交车怎么付钱`): no choice
            // to ask about; the answer names the route. (`九水巴士票价多少` is not about it, nor is
            // `全程票价呢`, which leans on a subject the dialogue does not have, nor a question whose
            // main intent found nothing: `老年卡换乘有没有优惠` is not asking 115路's transfer.)
            for source in intent.answers where source.kind == .route {
                // Concessions for someone they do not name (`老年卡换乘有没有优惠` and only
                // `考生凭准考证免费乘坐` printed) are no answer.
                if source.field == "concessions", RouteAnswers(route: r, ctx: ctx).askedConcessions().isEmpty { continue }
                if let value = RouteAnswers(route: r, ctx: ctx).render(source.field) {
                    let name = u.language == .en ? r.routeID : r.routeID + "路"
                    return answered(fact(source, entity: name, value: value, pageNote: "", focus: .route(r.routeID), articles: [r.article]))
                }
            }
        }
        guard ids.count > 1 else { return .notApplicable }
        return .clarify(clarification(ids.map { u.language == .en ? "route \($0)" : "\($0)路" },
                                      question: u.language == .en ? "Which bus route do you mean? I know: " : "请问您问的是哪一路公交？我了解的线路有："))
    }

    private func clarification(_ names: [String], question: String? = nil) -> Answer {
        let q = question ?? (u.language == .en ? "Which one do you mean: " : "请问您指的是哪一个：")
        let text = q + names.joined(separator: u.language == .en ? ", " : "、") + (u.language == .en ? "?" : "？")
        var a = Answer(text: text, outcome: .clarify, intent: intent.name, confidence: candidate.confidence * 0.5, language: u.language)
        a.suggestions = names.prefix(3).map { n in u.language == .en ? "\(n) — \(u.text)" : "\(n)\(u.text)" }
        return a
    }
}

/// How complete a route description is (more fields → preferred when a route appears twice).
enum RouteCompleteness {
    static func score(_ r: TransitRoute) -> Int {
        var s = r.termini.count + r.schedules.count * 2 + r.payment.count + r.transfers.count
        if r.startFare != nil || r.flatFare != nil { s += 1 }
        if r.tripsPerDay != nil || r.tripsBothWays != nil { s += 1 }
        if r.headway != nil { s += 1 }
        return s
    }
}

/// Picks the printed forecast to answer from: for the place the question names (a page's
/// place), else the only one, else the newest dated page; several undated places → ask.
enum ForecastPicker {
    enum Pick {
        case forecast(WeatherForecast)
        case ambiguous([String])
        case none
    }

    static func pick(_ kb: KnowledgeBase, day: DayForecast.Day, places: [String], pagePlaces: [String: String]) -> Pick {
        var pool = kb.facts.forecasts.filter { f in f.days.contains { $0.day == day } }
        if pool.isEmpty { pool = kb.facts.forecasts }
        func place(_ f: WeatherForecast) -> String? { pagePlaces[kb.articles[f.article].id.file] }
        if !places.isEmpty {
            pool = pool.filter { f in place(f).map(places.contains) ?? false }
            if pool.isEmpty { return .none }
        }
        // Forecasts for several places and none named: ask which (the newest page may well be
        // another county's).
        let distinct = Set(pool.compactMap(place))
        if places.isEmpty && distinct.count > 1 { return .ambiguous(distinct.sorted()) }
        guard let best = pool.max(by: { a, b in
            (kb.articles[a.article].metadata.date ?? "", a.article) < (kb.articles[b.article].metadata.date ?? "", b.article)
        }) else { return .none }
        return .forecast(best)
    }
}

/// The place each page is about: its edition label (`海宁版`) when it names one of the area's
/// places, else the place its articles mention most.
enum PagePlaces {
    static func compute(_ kb: KnowledgeBase, places: [String]) -> [String: String] {
        guard !places.isEmpty else { return [:] }
        // The city (`嘉兴`, listed first) is every page's place; a county named on the page wins.
        let city = places.first
        var counts: [String: [String: Int]] = [:]
        let normalizer = Normalizer()
        var editions: [String: String] = [:]
        for a in kb.articles {
            let file = a.id.file
            if let e = a.metadata.edition, let p = places.first(where: { e.includes($0) }) { editions[file] = p }
            for sid in a.sentenceIDs {
                let text = kb.sentences[sid].normalized
                for p in places where text.includes(p) { counts[file, default: [:]][p, default: 0] += 1 }
            }
            // A notice's publisher (`海盐县经济和信息化局`) says whose page it is, once per page.
            if a.id.ordinal == 1, let publisher = a.publisher.map(normalizer.normalize) {
                for p in places where publisher.includes(p) { counts[file, default: [:]][p, default: 0] += 1 }
            }
        }
        var out: [String: String] = [:]
        for (file, c) in counts {
            let counties = c.filter { $0.key != city }
            out[file] = (counties.isEmpty ? c : counties).max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        }
        for (file, p) in editions { out[file] = p }
        return out
    }
}

/// The normalised names a service goes by, for spotting it in a sentence.
enum ServiceNames {
    static func names(of s: PublicService) -> [String] {
        let n = Normalizer()
        return ([s.name.value] + s.aliases + NameFinder.shortForms(of: s.name.value)).map { n.normalize($0) }.filter { $0.unicodeScalars.count >= 3 }
    }

    static func lastOffset(of s: PublicService, in text: String) -> Int {
        let t = Array(text.unicodeScalars)
        return names(of: s).compactMap { name -> Int? in
            let w = Array(name.unicodeScalars)
            guard w.count <= t.count else { return nil }
            return stride(from: t.count - w.count, through: 0, by: -1).first { Array(t[$0..<($0 + w.count)]) == w }
        }.max() ?? -1
    }
}
