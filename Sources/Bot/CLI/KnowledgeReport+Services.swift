import Foundation
import Knowledge

/// Report rendering of public service points and reported figures, as indented text lines and
/// as JSON. Every JSON value carries the sentence it came from
/// (`{"value": …, "sentence": id, "text": "…"}`), and each fact its article id (`file#ordinal`).
extension KnowledgeReport {
    // MARK: - Services

    /// Text lines for one service point (indented to sit under its article).
    func serviceLines(_ s: PublicService) -> [String] {
        var out = ["    service \(s.name.value)" + (s.aliases.isEmpty ? "" : " (also \(s.aliases.joined(separator: ", ")))")]
        for p in s.programmes { out.append("      programme: \(p.value)") }
        if let h = s.host { out.append("      host: \(h.value)") }
        if let l = s.location { out.append("      location: \(l.value)") }
        if let e = s.established { out.append("      established: \(e.value)") }
        let counts = [s.serviceCount.map { "services \($0.value.text)" }, s.windowCount.map { "windows \($0.value.text)" }].compactMap { $0 }
        if !counts.isEmpty { out.append("      " + counts.joined(separator: " · ")) }
        if !s.departments.isEmpty { out.append("      departments: " + s.departments.map(\.value).joined(separator: ", ")) }
        if !s.services.isEmpty { out.append("      offers: " + s.services.map(\.value).joined(separator: ", ")) }
        for c in s.commitments {
            out.append("      commitment: \(c.value.scope ?? "(any)") → \(c.value.action) within \(c.value.limit.text)")
        }
        for h in s.hours { out.append("      hours: \(h.value)") }
        for p in s.phones {
            let label = p.value.label.map { " (\($0))" } ?? ""
            let heading = p.value.heading.flatMap { $0 == p.value.label ? nil : " under \($0)" } ?? ""
            out.append("      phone: \(p.value.number)\(label)\(heading)")
        }
        for r in s.results { out.append("      result: " + figureSummary(r.value)) }
        return out
    }

    /// JSON object for one service point.
    func serviceJSON(_ s: PublicService) -> JSONValue {
        .object([
            ("article", reportArticleRef(s.article)),
            ("name", withSource(s.name) { .string($0) }),
            ("aliases", .array(s.aliases.map { .string($0) })),
            ("programmes", .array(s.programmes.map { withSource($0) { .string($0) } })),
            ("host", withSource(s.host) { .string($0) }),
            ("location", withSource(s.location) { .string($0) }),
            ("established", withSource(s.established) { .string($0) }),
            ("serviceCount", withSource(s.serviceCount, reportAmount)),
            ("windowCount", withSource(s.windowCount, reportAmount)),
            ("departments", .array(s.departments.map { withSource($0) { .string($0) } })),
            ("offers", .array(s.services.map { withSource($0) { .string($0) } })),
            ("commitments", .array(s.commitments.map { withSource($0) { c in
                .object([("scope", c.scope.map { .string($0) } ?? .null), ("action", .string(c.action)),
                         ("limit", .string(c.limit.text)), ("limitEnglish", .string(c.limit.english)),
                         ("unit", .string(c.limit.unit.rawValue)), ("amount", reportNumber(c.limit.value))])
            } })),
            ("results", .array(s.results.map { withSource($0, figureValueJSON) })),
            ("hours", .array(s.hours.map { withSource($0) { .string($0) } })),
            ("phones", .array(s.phones.map { withSource($0) { p in
                .object([("number", .string(p.number)), ("label", p.label.map { .string($0) } ?? .null),
                         ("heading", p.heading.map { .string($0) } ?? .null)])
            } })),
        ])
    }

    // MARK: - Figures

    /// Text lines for one figure.
    func figureLines(_ f: Figure) -> [String] {
        ["    figure " + figureSummary(f)]
    }

    /// JSON object for one figure, with the sentence it was read from.
    func figureJSON(_ f: Figure) -> JSONValue {
        withSource(Sourced(f, sentence: f.sentence), figureValueJSON)
    }

    /// `专业化物业服务 · 覆盖率 达到 90.18% (截至目前)`; `target` marks plans and forecasts.
    func figureSummary(_ f: Figure) -> String {
        let subject = f.subject.isEmpty ? "(implicit)" : f.subject
        var line = "\(subject) · \(f.measure) \(f.qualifier.map { $0 + " " } ?? "")\(f.value.text)"
        if let p = f.period { line += " (\(p))" }
        if f.isTarget { line += " [target]" }
        return line
    }

    private func figureValueJSON(_ f: Figure) -> JSONValue {
        .object([
            ("article", reportArticleRef(f.article)),
            ("subject", .string(f.subject)), ("measure", .string(f.measure)), ("amount", reportAmount(f.value)),
            ("qualifier", f.qualifier.map { .string($0) } ?? .null), ("period", f.period.map { .string($0) } ?? .null),
            ("target", .bool(f.isTarget)),
        ])
    }

    // MARK: - Helpers (shared with the event rendering)

    /// `{"value": …, "sentence": id, "text": "<the sentence as printed>"}`, or null.
    func withSource<T>(_ s: Sourced<T>?, _ value: (T) -> JSONValue) -> JSONValue {
        guard let s else { return .null }
        let text = kb.sentences.indices.contains(s.sentence) ? JSONValue.string(kb.sentences[s.sentence].text) : .null
        return .object([("value", value(s.value)), ("sentence", .int(s.sentence)), ("text", text)])
    }

    /// The article's stable id (`file#ordinal`).
    func reportArticleRef(_ index: Int) -> JSONValue {
        kb.articles.indices.contains(index) ? .string(kb.articles[index].id.description) : .null
    }

    /// An amount as printed, with its value in base units and its unit.
    func reportAmount(_ a: Amount) -> JSONValue {
        .object([("text", .string(a.text)), ("value", reportNumber(a.absoluteValue)), ("unit", .string(a.unit))])
    }

    /// An integer when whole, else a decimal.
    func reportNumber(_ v: Double) -> JSONValue {
        v == v.rounded() && abs(v) < 1e15 ? .int(Int(v)) : .double(v)
    }
}
