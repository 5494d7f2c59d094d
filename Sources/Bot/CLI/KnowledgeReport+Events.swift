import Foundation
import Knowledge

/// Report rendering of events and contests, as indented text lines and as JSON (each value with
/// the sentence it came from; see `KnowledgeReport+Services.swift` for the shape).
extension KnowledgeReport {
    /// Text lines for one event (indented to sit under its article).
    func eventLines(_ e: Event) -> [String] {
        var out = ["    event \(e.name.value)" + (e.aliases.isEmpty ? "" : " (also \(e.aliases.joined(separator: ", ")))")]
        if let v = e.venue { out.append("      venue: \(v.value)") }
        if let t = e.theme { out.append("      theme: \(t.value)") }
        for (label, list) in [("organisers", e.organisers), ("undertakers", e.undertakers), ("co-organisers", e.coOrganisers)] where !list.isEmpty {
            out.append("      \(label): " + list.map(\.value).joined(separator: ", "))
        }
        for d in e.dates { out.append("      \(d.value.kind.rawValue): \(d.value.date) (\(d.value.label))") }
        if !e.groups.isEmpty { out.append("      groups: " + e.groups.map(\.value).joined(separator: ", ")) }
        for p in e.prizes { out.append("      prize: " + prizeSummary(p.value)) }
        if !e.eligibility.isEmpty { out.append("      who may enter: " + e.eligibility.map(\.value).joined(separator: "; ")) }
        for b in e.benefits { out.append("      benefit: \(b.value)") }
        return out
    }

    /// JSON object for one event.
    func eventJSON(_ e: Event) -> JSONValue {
        let strings: ([Sourced<String>]) -> JSONValue = { list in .array(list.map { self.withSource($0) { .string($0) } }) }
        return .object([
            ("article", reportArticleRef(e.article)),
            ("name", withSource(e.name) { .string($0) }),
            ("aliases", .array(e.aliases.map { .string($0) })),
            ("organisers", strings(e.organisers)),
            ("undertakers", strings(e.undertakers)),
            ("coOrganisers", strings(e.coOrganisers)),
            ("venue", withSource(e.venue) { .string($0) }),
            ("theme", withSource(e.theme) { .string($0) }),
            ("dates", .array(e.dates.map { withSource($0) { d in
                .object([("kind", .string(d.kind.rawValue)), ("date", .string(d.date.description)), ("english", .string(d.date.english)),
                         ("approximate", .bool(d.date.approximate)), ("label", .string(d.label))])
            } })),
            ("groups", strings(e.groups)),
            ("prizes", .array(e.prizes.map { withSource($0) { p in
                .object([("group", p.group.map { .string($0) } ?? .null), ("rank", .string(p.rank)),
                         ("amount", p.amount.map(reportAmount) ?? .null), ("count", p.count.map { .int($0) } ?? .null),
                         ("winner", p.winner.map { .string($0) } ?? .null)])
            } })),
            ("eligibility", strings(e.eligibility)),
            ("benefits", strings(e.benefits)),
        ])
    }

    /// `创业组 最高奖金 40000元`, `一等奖 ×1`, `一等奖 won by 郭梦娜`.
    func prizeSummary(_ p: Prize) -> String {
        var parts = [p.group, p.rank].compactMap { $0 }
        if let a = p.amount { parts.append(a.text) }
        if let c = p.count { parts.append("×\(c)") }
        if let w = p.winner { parts.append("won by \(w)") }
        return parts.joined(separator: " ")
    }
}
