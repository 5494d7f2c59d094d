import Foundation
import Knowledge

/// Words the answers about an event or contest: venue, organisers, deadline, dates (the
/// milestone asked or all), prizes (the group or rank asked, winners for "who"), eligibility,
/// benefits, groups.
struct EventAnswers {
    let event: Event
    let ctx: RenderContext

    func render(_ field: String) -> FieldValue? {
        switch field {
        case "venue":
            guard let v = event.venue else { return nil }
            return FieldValue(text: ctx.name(v.value), sentences: [v.sentence])
        case "organisers":
            guard !event.organisers.isEmpty else { return nil }
            return FieldValue(text: ctx.clauses(event.organisers.map(\.value)), sentences: event.organisers.map(\.sentence))
        case "deadline":
            let d = event.dates.filter { $0.value.kind == .registrationDeadline }
            guard !d.isEmpty else { return nil }
            return FieldValue(text: ctx.clauses(d.map { date($0.value, label: ctx.isEnglish ? "registration closes" : "报名截止") }),
                              sentences: d.map(\.sentence))
        case "dates": return dates()
        case "prizes": return prizes()
        case "eligibility":
            guard !event.eligibility.isEmpty else { return nil }
            return FieldValue(text: ctx.list(event.eligibility.map(\.value)), sentences: orderedUnique(event.eligibility.map(\.sentence)))
        case "benefits":
            guard !event.benefits.isEmpty else { return nil }
            return FieldValue(text: ctx.clauses(event.benefits.map(\.value)), sentences: orderedUnique(event.benefits.map(\.sentence)))
        case "groups":
            guard !event.groups.isEmpty else { return nil }
            return FieldValue(text: ctx.list(event.groups.map { ctx.word($0.value) }), sentences: orderedUnique(event.groups.map(\.sentence)))
        case "describe": return describe()
        default: return nil
        }
    }

    private func date(_ d: EventDate, label: String) -> String {
        ctx.isEnglish ? "\(label): \(d.date.english)" : "\(label)\(d.date.description)"
    }

    private func label(_ d: EventDate) -> String {
        guard ctx.isEnglish else { return d.label }
        switch d.kind {
        case .launch: return "launch"
        case .registrationOpen: return "registration opens"
        case .registrationDeadline: return "registration closes"
        case .preliminary: return "preliminary round"
        case .semifinal: return "semi-final"
        case .final: return "final"
        case .held: return "held"
        case .other: return d.label
        }
    }

    /// The milestone the question names (`决赛`, `初赛`), else every dated milestone.
    private func dates() -> FieldValue? {
        guard !event.dates.isEmpty else { return nil }
        var chosen = event.dates
        if let m = ctx.understanding.milestone, let kind = EventDate.Kind(rawValue: m.rawValue) {
            let f = chosen.filter { $0.value.kind == kind }
            if !f.isEmpty { chosen = f }
        }
        let items = chosen.map { d -> String in
            ctx.isEnglish ? "\(label(d.value)): \(d.value.date.english)" : "\(d.value.label)\(d.value.date.description)"
        }
        return FieldValue(text: ctx.clauses(items), sentences: orderedUnique(chosen.map(\.sentence)))
    }

    /// Prizes for the group or rank the question names; winners when the question asks who.
    private func prizes() -> FieldValue? {
        guard !event.prizes.isEmpty else { return nil }
        let q = ctx.understanding.normalizedText
        var chosen = event.prizes
        let byGroup = chosen.filter { p in p.value.group.map { q.includes(ctx.norm($0)) } ?? false }
        if !byGroup.isEmpty { chosen = byGroup }
        let byRank = chosen.filter { q.includes(ctx.norm($0.value.rank)) }
        if !byRank.isEmpty { chosen = byRank }
        if ctx.understanding.answerTypes.contains(.person) {
            let winners = chosen.filter { $0.value.winner != nil }
            if !winners.isEmpty { chosen = winners }
        }
        let items = chosen.map { p -> String in
            let v = p.value
            var s = (v.group.map { ctx.word($0) + (ctx.isEnglish ? " " : "") } ?? "") + ctx.word(v.rank)
            if let w = v.winner { s += ctx.isEnglish ? ": \(ctx.name(w))" : "：\(w)" }
            if let a = v.amount { s += ctx.isEnglish ? " \(a.text)" : a.text }
            if let c = v.count, v.winner == nil { s += ctx.isEnglish ? " (\(c))" : "\(c)名" }
            return s
        }
        return FieldValue(text: ctx.clauses(items), sentences: orderedUnique(chosen.map(\.sentence)))
    }

    private func describe() -> FieldValue? {
        var parts: [String] = []
        var sentences: [Int] = []
        if let o = render("organisers") { parts.append(o.text); sentences += o.sentences }
        if let v = event.venue { parts.append(ctx.isEnglish ? "at \(ctx.name(v.value))" : "在\(v.value)"); sentences.append(v.sentence) }
        if let d = dates() { parts.append(d.text); sentences += d.sentences }
        guard !parts.isEmpty else { return nil }
        return FieldValue(text: ctx.clauses(parts), sentences: orderedUnique(sentences))
    }

    private func orderedUnique(_ a: [Int]) -> [Int] {
        var seen = Set<Int>()
        return a.filter { seen.insert($0).inserted }
    }
}
