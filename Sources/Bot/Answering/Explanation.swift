import Foundation
import Knowledge

/// The `--explain` / `"debug"` view: candidate intents with scores and keywords, entities and
/// routes found, slots, answer types, content, and how the answer was chosen.
enum Explanation {
    static func json(_ u: Understanding, _ a: Answer, engine: BotEngine) -> JSONValue {
        let intents: [JSONValue] = u.intents.prefix(6).map { c in
            .object([("intent", .string(c.name)), ("score", .double(c.score)), ("confidence", .double(c.confidence)),
                     ("keywords", .array(c.keywords.map { .string($0) }))])
        }
        let entities: [JSONValue] = u.entities.prefix(8).map { m in
            let e = engine.kb.entities.entities[m.entity]
            return .object([("name", .string(e.name)), ("kind", .string(e.kind.rawValue)), ("matched", .string(m.name)),
                            ("match", .string(m.kind.rawValue)), ("coverage", .double(m.coverage))])
        }
        let routes: [JSONValue] = u.routes.map { r in
            .object([("id", .string(r.id)), ("known", .bool(r.known)), ("via", .string(r.via))])
        }
        var slots: [(String, JSONValue)] = []
        if let d = u.day { slots.append(("day", .string(d.rawValue))) }
        if let m = u.milestone { slots.append(("milestone", .string(m.rawValue))) }
        if let w = u.weatherField { slots.append(("weather_field", .string(w))) }
        var details = a.debug()
        if a.outcome == .decline && details.isEmpty { details = [("retrieval", engine.answerer.retrieval.explainDecline(u))] }
        return .object([
            ("language", .string(u.language.rawValue)),
            ("normalized", .string(u.normalizedText)),
            ("content", .string(u.contentText)),
            ("answer_types", .array(u.answerTypes.map { .string($0.rawValue) })),
            ("intents", .array(intents)),
            ("entities", .array(entities)),
            ("routes", .array(routes)),
            ("slots", .object(slots)),
            ("unknown_words", .array(u.unknownWords.map { .string($0) })),
            ("corrections", .array(u.corrections.map { .string($0.from + "→" + $0.to) })),
            ("outcome", .string(a.outcome.rawValue)),
            ("details", .object(details)),
        ])
    }
}
