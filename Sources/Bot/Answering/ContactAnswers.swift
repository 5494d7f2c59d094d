import Foundation
import Knowledge

/// Words the answers about an organisation or place: address, phones (all, or the one whose
/// label the question names), opening hours, a short description.
struct ContactAnswers {
    let contact: Contact
    let ctx: RenderContext

    func render(_ field: String) -> FieldValue? {
        switch field {
        case "address":
            guard let a = contact.address else { return nil }
            return FieldValue(text: a.value, sentences: [a.sentence])
        case "phone": return ContactAnswers.phones(contact.phones, ctx: ctx)
        case "hours": return ContactAnswers.hours(contact.hours, ctx: ctx)
        case "describe": return describe()
        default: return nil
        }
    }

    /// Phones whose label the question mentions (`驾校`, `driving school`), else all of them.
    static func phones(_ list: [Sourced<PhoneNumber>], ctx: RenderContext) -> FieldValue? {
        guard !list.isEmpty else { return nil }
        let q = ctx.understanding.normalizedText
        let asked = list.filter { p in
            guard let label = p.value.label, !label.isEmpty else { return false }
            return q.includes(ctx.norm(label))
        }
        let chosen = asked.isEmpty ? list : asked
        let items = chosen.map { p -> String in
            guard let label = p.value.label, !label.isEmpty else { return p.value.number }
            return ctx.isEnglish ? "\(p.value.number) (\(ctx.word(label)))" : "\(p.value.number)（\(label)）"
        }
        return FieldValue(text: ctx.list(items), sentences: orderedUnique(chosen.map(\.sentence)))
    }

    /// Day words that tell opening-hour entries apart; `周末` asks for either weekend day.
    static let dayWords: [String: [String]] = [
        "工作日": ["工作日", "周一至周五", "星期一至星期五"], "周一": ["周一"], "周二": ["周二"], "周三": ["周三"], "周四": ["周四"],
        "周五": ["周五"], "周六": ["周六", "星期六", "双休日", "周末"], "星期六": ["周六", "星期六", "双休日", "周末"],
        "周日": ["周日", "星期日", "星期天", "双休日", "周末"], "星期日": ["周日", "星期日", "星期天", "双休日", "周末"],
        "周末": ["周六", "周日", "星期六", "星期日", "双休日", "周末"], "节假日": ["节假日", "法定"],
    ]

    /// Opening hours: the entries for the days the question names (`周六`, `周末`), else all.
    static func hours(_ list: [Sourced<String>], ctx: RenderContext) -> FieldValue? {
        guard !list.isEmpty else { return nil }
        let q = ctx.understanding.normalizedText
        let wanted = dayWords.filter { q.includes($0.key) }.flatMap(\.value)
        let asked = wanted.isEmpty ? [] : list.filter { h in wanted.contains { ctx.norm(h.value).includes($0) } }
        let chosen = asked.isEmpty ? list : asked
        return FieldValue(text: ctx.clauses(chosen.map(\.value)), sentences: orderedUnique(chosen.map(\.sentence)))
    }


    private func describe() -> FieldValue? {
        var parts: [String] = []
        var sentences: [Int] = []
        if let a = render("address") { parts.append((ctx.isEnglish ? "address " : "地址") + a.text); sentences += a.sentences }
        if let p = ContactAnswers.phones(contact.phones, ctx: ctx) { parts.append((ctx.isEnglish ? "phone " : "电话") + p.text); sentences += p.sentences }
        guard !parts.isEmpty else { return nil }
        return FieldValue(text: ctx.clauses(parts), sentences: sentences)
    }
}
