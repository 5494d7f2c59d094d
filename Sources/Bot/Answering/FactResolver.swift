import Foundation
import Knowledge

/// What a question is about: a route, or an entity of the dictionary.
enum Focus: Sendable {
    case route(String)
    case entity(Int)
}

/// Finds the facts of a kind that belong to a focus: the entity's own fact when it is of that
/// kind, else the facts of that kind in the entity's articles (a quoted programme name such as
/// `“平服365”` leads to the service its article describes).
struct FactResolver: Sendable {
    let kb: KnowledgeBase
    /// Articles of term and mention entities, found by a search the first time they are asked.
    private let articleCache = ArticleCache()

    /// Articles of each route: those of its facts and, for a notice split into parts at its
    /// headings, the notice's other parts (its `咨询电话` part prints the line's dispatch phone).
    private let routeArticles: [String: [Int]]

    init(kb: KnowledgeBase) {
        self.kb = kb
        var partsOfFile: [String: [Int]] = [:]
        for (i, a) in kb.articles.enumerated() where a.isDocument { partsOfFile[a.id.file, default: []].append(i) }
        var byRoute: [String: [Int]] = [:]
        for r in kb.facts.routes {
            let parts = kb.articles[r.article].isDocument ? partsOfFile[kb.articles[r.article].id.file] ?? [] : []
            for a in [r.article] + parts where !(byRoute[r.routeID]?.contains(a) ?? false) { byRoute[r.routeID, default: []].append(a) }
        }
        routeArticles = byRoute
    }

    func routes(for focus: Focus) -> [Int] {
        switch focus {
        case .route(let id): return kb.facts.routes.indices.filter { kb.facts.routes[$0].routeID == id }
        case .entity(let e): return factIndices(.route, entity: e) { kb.facts.routes[$0].article }
        }
    }

    func contacts(for focus: Focus) -> [Int] {
        guard case .entity(let e) = focus else { return [] }
        return factIndices(.contact, entity: e) { kb.facts.contacts[$0].article }
    }

    func services(for focus: Focus) -> [Int] {
        guard case .entity(let e) = focus else { return [] }
        return factIndices(.service, entity: e) { kb.facts.services[$0].article }
    }

    func events(for focus: Focus) -> [Int] {
        guard case .entity(let e) = focus else { return [] }
        return factIndices(.event, entity: e) { kb.facts.events[$0].article }
    }

    private func factIndices(_ kind: EntityKind, entity: Int, article: (Int) -> Int) -> [Int] {
        let ent = kb.entities.entities[entity]
        if ent.kind == kind, let f = ent.fact { return [f] }
        if ent.kind == .route || ent.kind == .contact || ent.kind == .service || ent.kind == .event {
            // An entity of another fact kind does not lead to this kind (a school is not a route).
            return []
        }
        let count: Int
        switch kind {
        case .route: count = kb.facts.routes.count
        case .contact: count = kb.facts.contacts.count
        case .service: count = kb.facts.services.count
        case .event: count = kb.facts.events.count
        default: return []
        }
        let articles = Set(ent.articles)
        return (0..<count).filter { articles.contains(article($0)) }
    }

    /// Articles of a focus (for restricting retrieval). A quoted term or a mention also covers
    /// every article that prints its name unquoted (`共同富裕` is quoted once, printed often).
    func articles(for focus: Focus) -> [Int] {
        switch focus {
        case .route(let id): return routeArticles[id] ?? []
        case .entity(let e):
            let ent = kb.entities.entities[e]
            guard ent.kind == .term || ent.kind == .mention, let name = ent.names.first else { return ent.articles }
            if let cached = articleCache.get(e) { return cached }
            var out = ent.articles
            let terms = SentenceIndex.weightedTerms(name).filter { !$0.term.isUnigram }
            for hit in kb.index.search(terms, limit: 200) where kb.sentences[hit.sentence].normalized.includes(name) {
                let a = kb.sentences[hit.sentence].article
                if !out.contains(a) { out.append(a) }
            }
            articleCache.set(e, out)
            return out
        }
    }

    /// Display name of a focus (`115路`, `嘉兴市交通学校`).
    func name(of focus: Focus, language: Language) -> String {
        switch focus {
        case .route(let id): return language == .en ? id : id + "路"
        case .entity(let e): return kb.entities.entities[e].name
        }
    }
}

/// Entity → articles, filled as questions ask (thread-safe; a lock held only to read or write).
final class ArticleCache: @unchecked Sendable {
    private let lock = NSLock()
    private var byEntity: [Int: [Int]] = [:]

    func get(_ entity: Int) -> [Int]? {
        lock.lock(); defer { lock.unlock() }
        return byEntity[entity]
    }

    func set(_ entity: Int, _ articles: [Int]) {
        lock.lock(); defer { lock.unlock() }
        byEntity[entity] = articles
    }
}
