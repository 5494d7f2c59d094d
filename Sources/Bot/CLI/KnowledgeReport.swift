import Foundation
import Knowledge

/// Renders the knowledge base for operators: per article its headline and its facts (with the
/// sentence each came from), plus totals and pages that could not be read.
struct KnowledgeReport {
    let kb: KnowledgeBase
    let buildMilliseconds: Double

    typealias ArticleFacts = (routes: [TransitRoute], contacts: [Contact], forecasts: [WeatherForecast],
                              services: [PublicService], events: [Event], figures: [Figure])

    /// Facts grouped by article, per kind, in one pass over each fact list (a filter per article
    /// was quadratic on a thousand pages).
    private func factsByArticle() -> [ArticleFacts] {
        var out = [ArticleFacts](repeating: ([], [], [], [], [], []), count: kb.articles.count)
        for r in kb.facts.routes where out.indices.contains(r.article) { out[r.article].routes.append(r) }
        for c in kb.facts.contacts where out.indices.contains(c.article) { out[c.article].contacts.append(c) }
        for w in kb.facts.forecasts where out.indices.contains(w.article) { out[w.article].forecasts.append(w) }
        for s in kb.facts.services where out.indices.contains(s.article) { out[s.article].services.append(s) }
        for e in kb.facts.events where out.indices.contains(e.article) { out[e.article].events.append(e) }
        for g in kb.facts.figures where out.indices.contains(g.article) { out[g.article].figures.append(g) }
        return out
    }

    func text(showArticles: Bool) -> String {
        var out: [String] = []
        let grouped = factsByArticle()
        for (i, a) in kb.articles.enumerated() {
            out.append("[\(a.id)] \(a.kind.rawValue): \(a.title)")
            if let c = a.column { out.append("    column: \(c)") }
            if let b = a.byline { out.append("    byline: \(b)") }
            if let d = a.metadata.date { out.append("    date: \(d)") }
            if !a.captions.isEmpty { out.append("    captions: \(a.captions.joined(separator: " | "))") }
            out.append("    \(a.paragraphs.count) paragraphs, \(a.sentenceIDs.count) sentences")
            if showArticles {
                for p in a.paragraphs { out.append("      ¶ " + p) }
            }
            let f = grouped[i]
            for r in f.routes { out += routeLines(r) }
            for c in f.contacts { out += contactLines(c) }
            for s in f.services { out += serviceLines(s) }
            for e in f.events { out += eventLines(e) }
            for w in f.forecasts { out += forecastLines(w) }
            for g in f.figures { out += figureLines(g) }
        }
        for p in kb.problems { out.append("skipped \(p.file): \(p.reason)") }
        out.append("")
        out.append(totalsLine())
        return out.joined(separator: "\n")
    }

    func totalsLine() -> String {
        let f = kb.facts
        return "totals: \(kb.pageCount) pages, \(kb.articles.count) articles, \(kb.sentences.count) sentences; facts: "
            + "\(f.routes.count) routes, \(f.contacts.count) contacts, \(f.services.count) services, \(f.events.count) events, "
            + "\(f.forecasts.count) forecasts, \(f.figures.count) figures; \(kb.entities.entities.count) entity names; "
            + "built in \(String(format: "%.1f", buildMilliseconds)) ms"
    }

    func json() -> String {
        var articles: [JSONValue] = []
        let grouped = factsByArticle()
        for (i, a) in kb.articles.enumerated() {
            let f = grouped[i]
            var members: [(String, JSONValue)] = [
                ("id", .string(a.id.description)), ("file", .string(a.id.file)), ("kind", .string(a.kind.rawValue)),
                ("headline", .string(a.headline)), ("title", .string(a.title)),
            ]
            if let k = a.kicker { members.append(("kicker", .string(k))) }
            if let s = a.subtitle { members.append(("subtitle", .string(s))) }
            if let c = a.column { members.append(("column", .string(c))) }
            if let b = a.byline { members.append(("byline", .string(b))) }
            members.append(("edition", a.metadata.edition.map(JSONValue.string) ?? .null))
            members.append(("date", a.metadata.date.map(JSONValue.string) ?? .null))
            members.append(("paragraphs", .int(a.paragraphs.count)))
            members.append(("sentences", .int(a.sentenceIDs.count)))
            if a.isDocument {
                // The document's tree: each line with its section path, and its items with their values.
                if let p = a.publisher { members.append(("publisher", .string(p))) }
                members.append(("lines", .array(a.paragraphs.enumerated().map { p, text in
                    .object([("path", .array(a.sectionPath(p).map(JSONValue.string))), ("text", .string(text))])
                })))
                let items = kb.items.filter { $0.article == i }
                members.append(("items", .array(items.map { item in
                    .object([("name", .string(item.name)), ("path", .array(item.parents.map(JSONValue.string))),
                             ("fields", .object(item.fields.map { ($0.key.isEmpty ? "text" : $0.key, JSONValue.string($0.value)) }))])
                })))
            }
            var factMembers: [(String, JSONValue)] = []
            if !f.routes.isEmpty { factMembers.append(("routes", .array(f.routes.map(routeJSON)))) }
            if !f.contacts.isEmpty { factMembers.append(("contacts", .array(f.contacts.map(contactJSON)))) }
            if !f.services.isEmpty { factMembers.append(("services", .array(f.services.map(serviceJSON)))) }
            if !f.events.isEmpty { factMembers.append(("events", .array(f.events.map(eventJSON)))) }
            if !f.forecasts.isEmpty { factMembers.append(("forecasts", .array(f.forecasts.map(forecastJSON)))) }
            if !f.figures.isEmpty { factMembers.append(("figures", .array(f.figures.map(figureJSON)))) }
            members.append(("facts", .object(factMembers)))
            articles.append(.object(members))
        }
        let f = kb.facts
        let root: JSONValue = .object([
            ("articles", .array(articles)),
            ("skipped", .array(kb.problems.map { .object([("file", .string($0.file)), ("reason", .string($0.reason))]) })),
            ("totals", .object([
                ("pages", .int(kb.pageCount)), ("articles", .int(kb.articles.count)), ("sentences", .int(kb.sentences.count)),
                ("routes", .int(f.routes.count)), ("contacts", .int(f.contacts.count)), ("services", .int(f.services.count)),
                ("events", .int(f.events.count)), ("forecasts", .int(f.forecasts.count)), ("figures", .int(f.figures.count)),
                ("entities", .int(kb.entities.entities.count)), ("buildMilliseconds", .double(buildMilliseconds)),
            ])),
        ])
        return JSONLine.encode(root)
    }
}
