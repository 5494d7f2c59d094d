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
            // Where a round is held (`决赛在哪里`) is not where the event was launched: the
            // venue answers only when its sentence is about that round.
            if let m = ctx.understanding.milestone, let words = EventAnswers.roundWords[m],
               !words.contains(where: { ctx.kb.sentences[v.sentence].normalized.includes($0) }) {
                return nil
            }
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

    /// Words naming a contest round in a sentence (language, not facts).
    static let roundWords: [EventMilestone: [String]] = [
        .preliminary: ["初赛", "预赛", "海选"], .semifinal: ["复赛", "半决赛"], .final: ["决赛", "总决赛", "终评"],
    ]

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
        // The rank without its group (`专业组一等奖` → `一等奖`) is what a question names.
        func bareRank(_ p: Prize) -> String {
            guard let g = p.group, p.rank.hasPrefix(g), p.rank.count > g.count else { return p.rank }
            return String(p.rank.dropFirst(g.count))
        }
        let byRank = chosen.filter { q.includes(ctx.norm(bareRank($0.value))) }
        if !byRank.isEmpty { chosen = byRank }
        let types = ctx.understanding.answerTypes
        if types.contains(.person) {
            let winners = chosen.filter { $0.value.winner != nil }
            if !winners.isEmpty { chosen = winners }
        } else if types.contains(.money) || types.contains(.number) || q.includes("奖金") || q.includes("最高") {
            // How much: the prizes that print an amount (`一等奖` alone says nothing of it).
            let paid = chosen.filter { $0.value.amount != nil }
            if !paid.isEmpty { chosen = paid }
        }
        if q.includes("最高"), byRank.isEmpty, chosen.count > 1 {
            // The top prize: one printed as such, else the largest amount.
            let top = chosen.filter { $0.value.rank.includes("最高") }
            if !top.isEmpty { chosen = top }
            else if let m = chosen.compactMap({ $0.value.amount.map { $0.value * $0.multiplier } }).max() {
                chosen = chosen.filter { p in p.value.amount.map { $0.value * $0.multiplier == m } ?? false }
            }
        }
        let items = chosen.map { p -> String in
            let v = p.value
            // The group, unless the rank already starts with it (`专业组一等奖`).
            let group = v.group.flatMap { g in v.rank.hasPrefix(g) ? nil : g }
            var s = (group.map { ctx.word($0) + (ctx.isEnglish ? " " : "") } ?? "") + ctx.word(v.rank)
            if let w = v.winner { s += ctx.isEnglish ? ": \(ctx.name(w))" : "：\(w)" }
            if ctx.isEnglish {
                if let a = v.amount { s += ": \(a.text)" }
                if let c = v.count, v.winner == nil { s += c == 1 ? " (one prize)" : " (\(c) prizes)" }
            } else {
                if let c = v.count, v.winner == nil { s += "\(c)名" }
                if let a = v.amount { s += (v.count != nil && v.winner == nil ? "，奖金" : "") + a.text }
            }
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

}
