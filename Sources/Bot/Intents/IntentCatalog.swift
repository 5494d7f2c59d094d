import Foundation
import Knowledge

/// All intents and the shared lexicon, loaded from a directory of JSON files and validated:
/// unknown slots, answer fields or placeholders, missing templates, duplicate intent names and a
/// keyword claimed by two intents are errors naming file, intent and field.
struct IntentCatalog: Sendable {
    /// The main lexicon file inside the intents directory. Further vocabulary files named
    /// `lexicon-*.json` (e.g. `lexicon-glossary.json`) are merged into it.
    static let lexiconFile = "lexicon.json"

    /// True for the lexicon and its extension files.
    static func isLexiconFile(_ name: String) -> Bool { name == lexiconFile || (name.hasPrefix("lexicon-") && name.hasSuffix(".json")) }

    var intents: [IntentDefinition]
    var lexicon: Lexicon
    /// The fitted answer scorer (`scorer.json`); required to serve (`BotEngine.load`).
    var scorer: AnswerScorer? = nil
    /// Near-synonyms generated from CC-CEDICT (`synonyms-*.tsv`); empty when there is no such file.
    var synonyms: Synonyms = .empty

    func intent(named name: String) -> IntentDefinition? { intents.first { $0.name == name } }

    /// Loads `*.json` from `directory` (the lexicon plus one file per domain).
    static func load(directory: String, normalizer: Normalizer) throws -> IntentCatalog {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory) else {
            throw IntentCatalogError(file: directory, intent: nil, field: nil, message: "cannot read intents directory")
        }
        var intents: [IntentDefinition] = []
        var lexicon: Lexicon?
        var extensions: [Lexicon] = []
        var scorer: AnswerScorer?
        var synonyms = Synonyms.empty
        for name in names.sorted() where Synonyms.isSynonymFile(name) {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = fm.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw IntentCatalogError(file: name, intent: nil, field: nil, message: "cannot be read as UTF-8")
            }
            synonyms = synonyms.merged(with: try Synonyms.parse(text, file: name))
        }
        for name in names.sorted() where name.hasSuffix(".json") {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = fm.contents(atPath: path) else {
                throw IntentCatalogError(file: name, intent: nil, field: nil, message: "cannot be read")
            }
            let root: Any
            do {
                root = try JSONSerialization.jsonObject(with: data)
            } catch {
                throw IntentCatalogError(file: name, intent: nil, field: nil, message: "invalid JSON: \((error as NSError).localizedDescription)")
            }
            guard let object = root as? [String: Any] else {
                throw IntentCatalogError(file: name, intent: nil, field: nil, message: "top level must be an object")
            }
            if name == AnswerScorer.file {
                scorer = try AnswerScorer.parse(object, file: name)
            } else if name == lexiconFile {
                lexicon = try LexiconLoader.parse(object, file: name, normalizer: normalizer)
            } else if isLexiconFile(name) {
                extensions.append(try LexiconLoader.parse(object, file: name, normalizer: normalizer, isExtension: true))
            } else {
                intents += try IntentFileParser(file: name, normalizer: normalizer).parse(object)
            }
        }
        guard var lexicon else {
            throw IntentCatalogError(file: lexiconFile, intent: nil, field: nil, message: "missing from \(directory)")
        }
        for e in extensions { lexicon.merge(e) }
        if intents.isEmpty {
            throw IntentCatalogError(file: directory, intent: nil, field: nil, message: "no intents defined")
        }
        try validateUnique(intents)
        return IntentCatalog(intents: intents, lexicon: lexicon, scorer: scorer, synonyms: synonyms)
    }

    /// Duplicate names, and a keyword (per language) claimed by two intents.
    static func validateUnique(_ intents: [IntentDefinition]) throws {
        var names: [String: String] = [:]
        var owners: [String: String] = [:]
        for intent in intents {
            if let other = names[intent.name] {
                throw IntentCatalogError(file: intent.file, intent: intent.name, field: "name",
                                         message: "duplicate intent name (also in \(other))")
            }
            names[intent.name] = intent.file
            for (language, words) in intent.keywords {
                for w in words {
                    let key = language.rawValue + ":" + w
                    if let owner = owners[key], owner != intent.name {
                        throw IntentCatalogError(file: intent.file, intent: intent.name, field: "keywords.\(language.rawValue)",
                                                 message: "keyword '\(w)' is already claimed by intent '\(owner)'")
                    }
                    owners[key] = intent.name
                }
            }
        }
    }
}

/// Parses and checks one domain file.
struct IntentFileParser {
    let file: String
    let normalizer: Normalizer

    func parse(_ root: [String: Any]) throws -> [IntentDefinition] {
        guard let domain = root["domain"] as? String, !domain.isEmpty else { throw error(nil, "domain", "must be a non-empty string") }
        guard let list = root["intents"] as? [[String: Any]], !list.isEmpty else { throw error(nil, "intents", "must be a non-empty array of objects") }
        return try list.enumerated().map { try parseIntent($1, index: $0, domain: domain) }
    }

    private func parseIntent(_ o: [String: Any], index: Int, domain: String) throws -> IntentDefinition {
        guard let name = o["name"] as? String, !name.isEmpty else { throw error("#\(index + 1)", "name", "must be a non-empty string") }
        let known: Set<String> = ["name", "description", "examples", "keywords", "slots", "answers", "templates", "followUps",
                                  "answerTypes", "priority"]
        for key in o.keys where !known.contains(key) { throw error(name, key, "unknown field") }
        guard let description = o["description"] as? String, !description.isEmpty else { throw error(name, "description", "must be a non-empty string") }
        let examples = try languageLists(o["examples"], intent: name, field: "examples", required: true, normalize: false)
        let keywords = try languageLists(o["keywords"], intent: name, field: "keywords", required: true, normalize: true)
        if keywords.values.allSatisfy(\.isEmpty) { throw error(name, "keywords", "needs at least one keyword") }
        let followUps = try languageLists(o["followUps"] ?? [String: Any](), intent: name, field: "followUps", required: false, normalize: false)

        guard let slotList = o["slots"] as? [[String: Any]] else { throw error(name, "slots", "must be an array of objects") }
        var slots: [SlotName] = []
        var required = Set<SlotName>()
        for (i, s) in slotList.enumerated() {
            guard let sn = s["name"] as? String, let slot = SlotName(rawValue: sn) else {
                throw error(name, "slots[\(i)].name", "unknown slot; known: \(SlotName.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if let r = s["required"], !(r is Bool) { throw error(name, "slots[\(i)].required", "must be true or false") }
            slots.append(slot)
            if (s["required"] as? Bool) == true { required.insert(slot) }
        }

        guard let answerList = o["answers"] as? [[String: Any]], !answerList.isEmpty else { throw error(name, "answers", "must be a non-empty array") }
        var answers: [AnswerSource] = []
        for (i, a) in answerList.enumerated() {
            guard let k = a["kind"] as? String, let kind = AnswerKind(rawValue: k) else {
                throw error(name, "answers[\(i)].kind", "unknown kind; known: \(AnswerKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let field = a["field"] as? String, AnswerSource.knownFields[kind]?.contains(field) == true else {
                throw error(name, "answers[\(i)].field", "unknown field for \(kind.rawValue); known: \((AnswerSource.knownFields[kind] ?? []).sorted().joined(separator: ", "))")
            }
            answers.append(AnswerSource(kind: kind, field: field))
        }

        guard let templateObject = o["templates"] as? [String: Any] else { throw error(name, "templates", "must be an object") }
        var templates: [String: Template] = [:]
        for (key, value) in templateObject {
            guard let t = value as? [String: Any], let zh = t["zh"] as? String, let en = t["en"] as? String, !zh.isEmpty, !en.isEmpty else {
                throw error(name, "templates.\(key)", "needs non-empty \"zh\" and \"en\" strings")
            }
            for text in [zh, en] {
                for p in placeholders(in: text) where !Template.placeholders.contains(p) {
                    throw error(name, "templates.\(key)", "unknown placeholder {\(p)}")
                }
            }
            templates[key] = Template(zh: zh, en: en)
        }
        for a in answers where templates[a.key] == nil {
            throw error(name, "templates", "missing template for answer \(a.key)")
        }
        for key in templates.keys where !answers.contains(where: { $0.key == key }) {
            throw error(name, "templates.\(key)", "template for an answer the intent does not declare")
        }
        var answerTypes: [AnswerType] = []
        if let list = o["answerTypes"] {
            guard let names = list as? [String] else { throw error(name, "answerTypes", "must be an array of answer type names") }
            for (i, t) in names.enumerated() {
                guard let type = AnswerType(rawValue: t) else {
                    throw error(name, "answerTypes[\(i)]", "unknown answer type '\(t)'; known: \(AnswerType.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                answerTypes.append(type)
            }
        }
        var priority = 1.0
        if let p = o["priority"] {
            guard let v = p as? Double, v > 0, v <= 1 else { throw error(name, "priority", "must be a number in (0, 1]") }
            priority = v
        }
        return IntentDefinition(name: name, domain: domain, description: description, examples: examples, keywords: keywords,
                                slots: slots, requiredSlots: required, answers: answers, templates: templates,
                                followUps: followUps, answerTypes: answerTypes, priority: priority, file: file)
    }

    private func languageLists(_ value: Any?, intent: String, field: String, required: Bool, normalize: Bool) throws -> [Language: [String]] {
        guard let o = value as? [String: Any] else {
            if !required && value == nil { return [:] }
            throw error(intent, field, "must be an object with \"zh\" and \"en\" arrays")
        }
        var out: [Language: [String]] = [:]
        for (key, v) in o {
            guard let language = Language(rawValue: key) else { throw error(intent, "\(field).\(key)", "unknown language (use zh or en)") }
            guard let list = v as? [String] else { throw error(intent, "\(field).\(key)", "must be an array of strings") }
            if list.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) { throw error(intent, "\(field).\(key)", "contains an empty string") }
            out[language] = normalize ? list.map { language == .zh ? normalizer.normalize($0) : $0.lowercased() } : list
        }
        if required && (out[.zh] == nil || out[.en] == nil) { throw error(intent, field, "needs both \"zh\" and \"en\"") }
        return out
    }

    private func placeholders(in text: String) -> [String] {
        var out: [String] = []
        var current: String?
        for c in text {
            if c == "{" { current = "" } else if c == "}" { if let p = current { out.append(p) }; current = nil } else if current != nil { current!.append(c) }
        }
        return out
    }

    private func error(_ intent: String?, _ field: String, _ message: String) -> IntentCatalogError {
        IntentCatalogError(file: file, intent: intent, field: field, message: message)
    }
}
