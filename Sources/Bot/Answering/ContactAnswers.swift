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
        case "phone": return phones()
        case "hours":
            guard !contact.hours.isEmpty else { return nil }
            return FieldValue(text: ctx.clauses(contact.hours.map(\.value)), sentences: contact.hours.map(\.sentence))
        case "describe": return describe()
        default: return nil
        }
    }

    /// Phones whose label the question mentions (`驾校`, `driving school`), else all of them.
    private func phones() -> FieldValue? {
        guard !contact.phones.isEmpty else { return nil }
        let q = ctx.understanding.normalizedText
        let asked = contact.phones.filter { p in
            guard let label = p.value.label, !label.isEmpty else { return false }
            return q.includes(ctx.norm(label))
        }
        let chosen = asked.isEmpty ? contact.phones : asked
        let items = chosen.map { p -> String in
            guard let label = p.value.label, !label.isEmpty else { return p.value.number }
            return ctx.isEnglish ? "\(p.value.number) (\(ctx.word(label)))" : "\(p.value.number)（\(label)）"
        }
        return FieldValue(text: ctx.list(items), sentences: chosen.map(\.sentence))
    }

    private func describe() -> FieldValue? {
        var parts: [String] = []
        var sentences: [Int] = []
        if let a = render("address") { parts.append((ctx.isEnglish ? "address " : "地址") + a.text); sentences += a.sentences }
        if let p = phones() { parts.append((ctx.isEnglish ? "phone " : "电话") + p.text); sentences += p.sentences }
        guard !parts.isEmpty else { return nil }
        return FieldValue(text: ctx.clauses(parts), sentences: sentences)
    }
}
