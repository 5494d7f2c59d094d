import Foundation
import Knowledge

/// Parses and checks `intents/lexicon.json`.
enum LexiconLoader {
    /// Parses a lexicon file. An extension file (`lexicon-*.json`) may leave out any section.
    static func parse(_ o: [String: Any], file: String, normalizer: Normalizer, isExtension: Bool = false) throws -> Lexicon {
        func fail(_ field: String, _ message: String) -> IntentCatalogError {
            IntentCatalogError(file: file, intent: nil, field: field, message: message)
        }
        func lists(_ value: Any?, _ field: String) throws -> [Language: [String]] {
            if value == nil && isExtension { return [:] }
            guard let m = value as? [String: Any] else { throw fail(field, "must be an object with \"zh\" and \"en\" arrays") }
            var out: [Language: [String]] = [:]
            for (k, v) in m {
                guard let lang = Language(rawValue: k) else { throw fail("\(field).\(k)", "unknown language") }
                guard let arr = v as? [String], !arr.contains(where: \.isEmpty) else { throw fail("\(field).\(k)", "must be an array of non-empty strings") }
                out[lang] = arr.map { lang == .zh ? normalizer.normalize($0) : $0.lowercased() }
                    .sorted { $0.count > $1.count }     // longest first: matching takes the longest cue
            }
            return out
        }
        func strings(_ value: Any?, _ field: String) throws -> [String] {
            guard let value else { return [] }
            guard let arr = value as? [String], !arr.contains(where: \.isEmpty) else { throw fail(field, "must be an array of non-empty strings") }
            return arr.map { normalizer.normalize($0) }
        }
        func groups(_ value: Any?, _ field: String) throws -> [String: [Language: [String]]] {
            if value == nil && isExtension { return [:] }
            guard let m = value as? [String: Any] else { throw fail(field, "must be an object") }
            var out: [String: [Language: [String]]] = [:]
            for (k, v) in m { out[k] = try lists(v, "\(field).\(k)") }
            return out
        }
        let known: Set<String> = ["description", "questionWords", "answerTypes", "days", "milestones", "weatherFields", "routeMarkers", "scopeQualifiers", "places", "domainWords", "glossary", "phrasebook"]
        for key in o.keys where !known.contains(key) { throw fail(key, "unknown field") }

        var answerTypes: [AnswerType: [Language: [String]]] = [:]
        for (k, v) in try groups(o["answerTypes"], "answerTypes") {
            guard let t = AnswerType(rawValue: k) else {
                throw fail("answerTypes.\(k)", "unknown answer type; known: \(AnswerType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            answerTypes[t] = v
        }
        let days = try groups(o["days"], "days")
        let dayNames: Set<String> = ["today", "tonight", "tomorrow", "dayAfterTomorrow"]
        for k in days.keys where !dayNames.contains(k) { throw fail("days.\(k)", "unknown day; known: \(dayNames.sorted().joined(separator: ", "))") }
        let milestones = try groups(o["milestones"], "milestones")
        for k in milestones.keys where EventMilestone(rawValue: k) == nil {
            throw fail("milestones.\(k)", "unknown milestone; known: \(EventMilestone.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let weatherFields = try groups(o["weatherFields"], "weatherFields")
        let g: [String: Any]
        if o["glossary"] == nil && isExtension { g = [:] } else {
            guard let gl = o["glossary"] as? [String: Any] else { throw fail("glossary", "must be an object of English → Chinese strings") }
            g = gl
        }
        var glossary: [String: String] = [:]
        var longest = 1
        for (k, v) in g {
            guard let zh = v as? String, !zh.isEmpty else { throw fail("glossary.\(k)", "must map to a non-empty string") }
            let key = k.lowercased()
            glossary[key] = normalizer.normalize(zh)
            longest = max(longest, key.split(separator: " ").count)
        }
        var phrasebook: [String: String] = [:]
        if let pb = o["phrasebook"] {
            guard let m = pb as? [String: Any] else { throw fail("phrasebook", "must be an object of Chinese → English strings") }
            for (k, v) in m {
                guard let en = v as? String, !en.isEmpty else { throw fail("phrasebook.\(k)", "must map to a non-empty string") }
                phrasebook[k] = en
            }
        }
        var domainWords: [String] = []
        if let dw = o["domainWords"] {
            guard let m = dw as? [String: Any] else { throw fail("domainWords", "must be an object of domain → array of words") }
            for (k, v) in m {
                guard let arr = v as? [String], !arr.contains(where: \.isEmpty) else { throw fail("domainWords.\(k)", "must be an array of non-empty strings") }
                domainWords += arr.map { normalizer.normalize($0) }
            }
        }
        var lexicon = Lexicon(questionWords: try lists(o["questionWords"], "questionWords"), answerTypes: answerTypes, days: days,
                       milestones: milestones, weatherFields: weatherFields, routeMarkers: try lists(o["routeMarkers"], "routeMarkers"),
                       scopeQualifiers: try strings(o["scopeQualifiers"], "scopeQualifiers"),
                       places: try strings(o["places"], "places"),
                       glossary: glossary, phrasebook: phrasebook, longestGlossaryPhrase: longest)
        lexicon.domainWords = domainWords
        return lexicon
    }
}

/// Milestones of an event a question can ask about (mirrors `EventDate.Kind`).
enum EventMilestone: String, CaseIterable, Sendable {
    case launch, registrationDeadline, preliminary, semifinal, final
}
