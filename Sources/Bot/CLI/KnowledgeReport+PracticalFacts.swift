import Foundation
import Knowledge

/// Report rendering of the practical facts — bus routes, contacts and weather forecasts — as
/// indented text lines and as JSON. Every JSON value carries the sentence it came from
/// (`{"value": …, "sentence": id, "text": "…"}`); times are `HH:MM`.
extension KnowledgeReport {
    // MARK: - Routes

    /// Text lines for one route (indented to sit under its article).
    func routeLines(_ r: TransitRoute) -> [String] {
        var out = ["    route \(r.routeID)" + (r.name.map { " (\($0.value))" } ?? "") + (r.kind.map { " · \($0.value)" } ?? "")]
        if !r.termini.isEmpty { out.append("      termini: " + r.termini.map(\.value).joined(separator: " — ")) }
        if !r.stops.isEmpty { out.append("      stops: " + r.stops.map(\.value).joined(separator: ", ")) }
        let fares = [r.startFare.map { "start \($0.value)" }, r.fullFare.map { "full \($0.value)" }, r.flatFare.map { "flat \($0.value)" }]
            .compactMap { $0 }
        if !fares.isEmpty { out.append("      fares: " + fares.joined(separator: " · ")) }
        if !r.payment.isEmpty { out.append("      payment: " + r.payment.map(\.value).joined(separator: ", ")) }
        for c in r.concessions { out.append("      concession: \(c.value)") }
        for s in r.schedules {
            let from = r.terminus(of: s).map { "\($0.value) (\(s.terminus))" } ?? (s.terminus.isEmpty ? "(end not stated)" : s.terminus)
            out.append("      from \(from): first \(s.first.map { $0.value.description } ?? "?"), last \(s.last.map { $0.value.description } ?? "?")")
        }
        let runs = [r.tripsPerDay.map { "trips/day \($0.value)" }, r.tripsBothWays.map { "both ways \($0.value)" }, r.headway.map { "headway \($0.value)" }].compactMap { $0 }
        if !runs.isEmpty { out.append("      " + runs.joined(separator: " · ")) }
        if !r.transfers.isEmpty { out.append("      transfers: " + r.transfers.map(\.value).joined(separator: ", ")) }
        for w in r.walking { out.append("      walking: \(w.value)") }
        if let o = r.opened { out.append("      opened: \(o.value)") }
        return out
    }

    /// JSON object for one route.
    func routeJSON(_ r: TransitRoute) -> JSONValue {
        .object([
            ("article", articleJSON(r.article)),
            ("route", .string(r.routeID)),
            ("name", sourced(r.name) { .string($0) }),
            ("kind", sourced(r.kind) { .string($0) }),
            ("termini", .array(r.termini.map { sourced($0) { .string($0) } })),
            ("stops", .array(r.stops.map { sourced($0) { .string($0) } })),
            ("startFare", sourced(r.startFare, amountJSON)),
            ("fullFare", sourced(r.fullFare, amountJSON)),
            ("flatFare", sourced(r.flatFare, amountJSON)),
            ("payment", .array(r.payment.map { sourced($0) { .string($0) } })),
            ("concessions", .array(r.concessions.map { sourced($0) { .string($0) } })),
            ("schedules", .array(r.schedules.map { s in
                .object([
                    ("terminus", r.terminus(of: s).map { .string($0.value) } ?? .null),
                    ("printedAs", .string(s.terminus)),
                    ("first", sourced(s.first) { .string($0.description) }),
                    ("last", sourced(s.last) { .string($0.description) }),
                ])
            })),
            ("tripsPerDay", sourced(r.tripsPerDay) { .int($0) }),
            ("tripsBothWays", sourced(r.tripsBothWays) { .int($0) }),
            ("headwayMinutes", sourced(r.headway) { .object([("min", .int($0.min)), ("max", .int($0.max))]) }),
            ("transfers", .array(r.transfers.map { sourced($0) { .string($0) } })),
            ("walking", .array(r.walking.map { sourced($0) { .string($0) } })),
            ("opened", sourced(r.opened) { .string($0) }),
        ])
    }

    // MARK: - Contacts

    /// Text lines for one contact.
    func contactLines(_ c: Contact) -> [String] {
        var out = ["    contact \(c.name.value)" + (c.aliases.isEmpty ? "" : " (also \(c.aliases.joined(separator: ", ")))")]
        if let a = c.address { out.append("      address: \(a.value)") }
        for p in c.phones {
            let label = p.value.label.map { " (\($0))" } ?? ""
            let heading = p.value.heading.flatMap { $0 == p.value.label ? nil : " under \($0)" } ?? ""
            out.append("      phone: \(p.value.number)\(label)\(heading)")
        }
        for h in c.hours { out.append("      hours: \(h.value)") }
        for s in c.serves { out.append("      serves: \(s.value)") }
        return out
    }

    /// JSON object for one contact.
    func contactJSON(_ c: Contact) -> JSONValue {
        .object([
            ("article", articleJSON(c.article)),
            ("name", sourced(c.name) { .string($0) }),
            ("aliases", .array(c.aliases.map { .string($0) })),
            ("address", sourced(c.address) { .string($0) }),
            ("phones", .array(c.phones.map { sourced($0) { p in
                .object([("number", .string(p.number)), ("label", p.label.map { .string($0) } ?? .null),
                         ("heading", p.heading.map { .string($0) } ?? .null)])
            } })),
            ("hours", .array(c.hours.map { sourced($0) { .string($0) } })),
            ("serves", .array(c.serves.map { sourced($0) { .string($0) } })),
        ])
    }

    // MARK: - Weather

    /// Text lines for one forecast, a line per day.
    func forecastLines(_ f: WeatherForecast) -> [String] {
        var out = ["    forecast"]
        for d in f.days {
            let parts = [d.conditions.map { $0.value }, d.high.map { "high \($0.value)" }, d.low.map { "low \($0.value)" },
                         d.wind.map { "wind \($0.value)" }].compactMap { $0 }
            out.append("      \(d.day.rawValue): " + parts.joined(separator: " · "))
        }
        return out
    }

    /// JSON object for one forecast.
    func forecastJSON(_ f: WeatherForecast) -> JSONValue {
        .object([
            ("article", articleJSON(f.article)),
            ("days", .array(f.days.map { d in
                .object([
                    ("day", .string(d.day.rawValue)),
                    ("conditions", sourced(d.conditions) { .string($0) }),
                    ("high", sourced(d.high, temperatureJSON)),
                    ("low", sourced(d.low, temperatureJSON)),
                    ("wind", sourced(d.wind) { .string($0) }),
                ])
            })),
        ])
    }

    // MARK: - Helpers

    /// `{"value": …, "sentence": id, "text": "<the sentence as printed>"}`, or null.
    private func sourced<T>(_ s: Sourced<T>?, _ value: (T) -> JSONValue) -> JSONValue {
        guard let s else { return .null }
        let text = kb.sentences.indices.contains(s.sentence) ? JSONValue.string(kb.sentences[s.sentence].text) : .null
        return .object([("value", value(s.value)), ("sentence", .int(s.sentence)), ("text", text)])
    }

    /// The article's stable id (`file#ordinal`).
    private func articleJSON(_ index: Int) -> JSONValue {
        kb.articles.indices.contains(index) ? .string(kb.articles[index].id.description) : .null
    }

    private func amountJSON(_ a: Amount) -> JSONValue {
        let v = a.absoluteValue
        let number: JSONValue = v == v.rounded() && abs(v) < 1e15 ? .int(Int(v)) : .double(v)
        return .object([("text", .string(a.text)), ("value", number), ("unit", .string(a.unit))])
    }

    private func temperatureJSON(_ t: TemperatureRange) -> JSONValue {
        .object([("min", .int(t.min)), ("max", .int(t.max)), ("text", .string(t.description))])
    }
}
