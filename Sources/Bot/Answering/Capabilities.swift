import Foundation
import Knowledge

/// What the bot can answer, generated from what the knowledge base holds (routes, services,
/// events, contacts, forecasts) — for help, greetings and decline suggestions.
struct Capabilities {
    let kb: KnowledgeBase
    let catalog: IntentCatalog

    /// A short list for `{capabilities}`: `115路公交、企业涉外服务中心、…、天气预报`.
    func summary(_ language: Language, limit: Int = 5) -> String {
        var items: [String] = []
        for id in orderedUnique(kb.facts.routes.map(\.routeID)) { items.append(language == .en ? "bus route \(id)" : "\(id)路公交") }
        for s in kb.facts.services { items.append(s.name.value) }
        for e in kb.facts.events { items.append(e.aliases.first ?? e.name.value) }
        for c in kb.facts.contacts { items.append(c.name.value) }
        items = orderedUnique(items)
        var shown = Array(items.prefix(limit))
        if !kb.facts.forecasts.isEmpty { shown.append(language == .en ? "the printed weather forecast" : "天气预报") }
        if shown.isEmpty { return language == .en ? "the articles in the paper" : "报上文章" }
        return shown.joined(separator: language == .en ? ", " : "、")
    }

    /// Two or three example questions the knowledge base can answer, filled from intents' examples.
    func suggestions(_ language: Language, count: Int = 3, avoiding: String? = nil) -> [String] {
        var out: [String] = []
        let fills = fillers(language)
        for intent in catalog.intents where !intent.isSmallTalk {
            guard let example = intent.examples[language]?.first else { continue }
            guard let filled = fill(example, fills) else { continue }
            if filled != avoiding && !out.contains(filled) { out.append(filled) }
        }
        // Spread over domains: take every k-th so suggestions are varied.
        guard out.count > count else { return out }
        let step = max(1, out.count / count)
        return (0..<count).map { out[min(out.count - 1, $0 * step)] }
    }

    /// Every example question of every intent filled from the knowledge base (for benchmarks).
    func allExamples() -> [String] {
        var out: [String] = []
        for language in [Language.zh, .en] {
            let fills = fillers(language)
            for intent in catalog.intents {
                for e in intent.examples[language] ?? [] { if let f = fill(e, fills) { out.append(f) } }
            }
        }
        return out
    }

    private func fillers(_ language: Language) -> [String: String] {
        var f: [String: String] = [:]
        if let r = kb.facts.routes.first {
            f["route"] = language == .en ? r.routeID : r.routeID + "路"
            if let t = r.schedules.first?.terminus { f["terminus"] = t }
            if let place = (r.walking + r.stops).first.map({ shortPlace($0.value) }) { f["place"] = place }
        }
        if let s = kb.facts.services.first { f["service"] = s.name.value; f["topic"] = s.services.first?.value ?? s.name.value }
        if let c = kb.facts.contacts.first { f["contact"] = c.name.value }
        if let e = kb.facts.events.first { f["event"] = e.aliases.first ?? e.name.value }
        if let t = kb.entities.entities(of: .term).first { f["term"] = t.name }
        return f
    }

    private func shortPlace(_ s: String) -> String {
        // The landmark after 直达/到达 in a walking note, else the note itself.
        for marker in ["直达", "到达", "抵达"] { if let r = s.range(of: marker) { return String(s[r.upperBound...]) } }
        return s
    }

    private func fill(_ template: String, _ f: [String: String]) -> String? {
        var out = template
        while let open = out.firstIndex(of: "{"), let close = out[open...].firstIndex(of: "}") {
            let key = String(out[out.index(after: open)..<close])
            guard let v = f[key] else { return nil }
            out.replaceSubrange(open...close, with: v)
        }
        return out
    }

}
