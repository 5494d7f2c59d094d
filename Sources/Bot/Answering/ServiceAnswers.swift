import Foundation
import Knowledge

/// Words the answers about a public service point: location, host, number of services, time
/// commitments (filtered by the qualifier the question uses), when set up, result figures.
struct ServiceAnswers {
    let service: PublicService
    let ctx: RenderContext
    /// Qualifier words that tell commitments apart (`简单`, `一般`, `复杂`), from the lexicon.
    let qualifiers: [String]

    func render(_ field: String) -> FieldValue? {
        switch field {
        case "location", "handles":
            guard let l = service.location else { return nil }
            return FieldValue(text: ctx.name(l.value), sentences: [l.sentence])
        case "host":
            guard let h = service.host else { return nil }
            return FieldValue(text: ctx.name(h.value), sentences: [h.sentence])
        case "count":
            // Windows when the question asks about windows (`几个窗口`), else services.
            if ctx.understanding.normalizedText.includes("窗口") || ctx.understanding.englishWords.contains("windows"),
               let w = service.windowCount {
                return FieldValue(text: ctx.isEnglish ? "\(w.value.text) windows" : "设\(w.value.text)窗口", sentences: [w.sentence])
            }
            guard let c = service.serviceCount else { return nil }
            let text = ctx.isEnglish ? "\(c.value.text) services" : "提供\(c.value.text)服务"
            return FieldValue(text: text, sentences: [c.sentence])
        case "offers": return offers()
        case "phones": return ContactAnswers.phones(service.phones, ctx: ctx)
        case "hours": return ContactAnswers.hours(service.hours, ctx: ctx)
        case "commitments": return commitments()
        case "established":
            guard let e = service.established else { return nil }
            return FieldValue(text: ctx.word(e.value) + PageDates.note(for: service.article, in: ctx), sentences: [e.sentence])
        case "results": return results()
        case "describe": return describe()
        default: return nil
        }
    }

    /// What it offers, as printed (`延时服务`), with what each window it hosts offers
    /// (`外籍人士服务专窗：英语、韩语咨询`) — only the windows when the question asks about a
    /// window; else how many services.
    private func offers() -> FieldValue? {
        let own = service.services
        let names = Set([ctx.norm(service.name.value)] + service.aliases.map(ctx.norm))
        let windows = ctx.kb.facts.services.filter { w in
            w.article == service.article && !w.services.isEmpty && w.location.map { names.contains(ctx.norm($0.value)) } == true
        }
        let q = ctx.understanding.normalizedText
        let asksWindow = q.includes("窗")
        var items: [String] = []
        var sentences: [Int] = []
        if !(asksWindow && !windows.isEmpty) {
            items += own.map { ctx.word($0.value) }
            sentences += own.map(\.sentence)
        }
        for w in windows {
            items.append(ctx.name(w.name.value) + (ctx.isEnglish ? ": " : "：") + ctx.list(w.services.map { ctx.word($0.value) }))
            sentences += w.services.map(\.sentence)
        }
        guard !items.isEmpty else { return render("count") }
        return FieldValue(text: ctx.clauses(items), sentences: orderedUnique(sentences))
    }

    private func commitments() -> FieldValue? {
        guard !service.commitments.isEmpty else { return nil }
        let q = ctx.understanding.normalizedText
        let asked = qualifiers.filter { q.includes($0) }
        var chosen = service.commitments
        if !asked.isEmpty {
            let filtered = chosen.filter { c in asked.contains { (c.value.scope ?? "").includes($0) } }
            if !filtered.isEmpty { chosen = filtered }
        }
        let items = chosen.map { c -> String in
            let v = c.value
            if ctx.isEnglish {
                return (v.scope.map { "\($0): " } ?? "") + "\(ctx.word(v.action)) within \(v.limit.english)"
            }
            return (v.scope ?? "") + v.limit.text + "内" + v.action
        }
        return FieldValue(text: ctx.clauses(items), sentences: chosen.map(\.sentence))
    }

    /// Result figures whose measure the question names (`办结率`), else all.
    private func results() -> FieldValue? {
        guard !service.results.isEmpty else { return nil }
        let q = ctx.understanding.normalizedText
        let asked = service.results.filter { r in !r.value.measure.isEmpty && q.includes(ctx.norm(r.value.measure)) }
        let chosen = asked.isEmpty ? service.results : asked
        let items = chosen.map { r in r.value.measure + (r.value.qualifier ?? "") + r.value.value.text }
        return FieldValue(text: ctx.clauses(items), sentences: chosen.map(\.sentence))
    }

    private func describe() -> FieldValue? {
        var parts: [String] = []
        var sentences: [Int] = []
        if let h = service.host { parts.append(ctx.isEnglish ? "set up by \(ctx.name(h.value))" : "由\(h.value)牵头"); sentences.append(h.sentence) }
        if let l = service.location { parts.append(ctx.isEnglish ? "at \(ctx.name(l.value))" : "设在\(l.value)"); sentences.append(l.sentence) }
        if let c = render("count") { parts.append(c.text); sentences += c.sentences }
        if parts.isEmpty, let c = commitments() { parts.append(c.text); sentences += c.sentences }
        if !service.aliases.isEmpty && parts.isEmpty {
            parts.append(ctx.list(service.aliases.prefix(2).map { "“\($0)”" }))
            sentences.append(service.name.sentence)
        }
        guard !parts.isEmpty else { return nil }
        return FieldValue(text: parts.joined(separator: ctx.isEnglish ? ", " : "，"), sentences: sentences)
    }

}
