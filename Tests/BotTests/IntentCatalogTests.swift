import Foundation
import Testing
@testable import Bot
import Knowledge

/// Loading `intents/`: the shipped files load; every kind of broken file is refused with an error
/// naming file, intent and field exactly; lexicon extension files merge into the lexicon.
@Suite struct IntentCatalogTests {
    typealias F = BotFixtures

    // MARK: - The shipped intents

    static let shipped: IntentCatalog = {
        do { return try IntentCatalog.load(directory: F.intentsDirectory, normalizer: Normalizer()) } catch {
            fatalError("shipped intents do not load: \(error)")
        }
    }()

    @Test func shippedIntentsLoad() throws {
        let catalog = Self.shipped
        let names = catalog.intents.map(\.name)
        #expect(Set(names).count == names.count)
        for expected in ["transit.first_departure", "transit.last_departure", "transit.fare", "transit.payment", "transit.termini",
                         "transit.trips", "transit.headway", "contact.phone", "place.where", "org.host", "service.commitment",
                         "event.deadline", "event.dates", "event.prize", "event.eligibility", "weather.conditions", "weather.wind",
                         "smalltalk.greeting"] {
            #expect(names.contains(expected), "missing \(expected)")
        }
        for intent in catalog.intents {
            #expect(!(intent.examples[.zh] ?? []).isEmpty && !(intent.examples[.en] ?? []).isEmpty, "\(intent.name) lacks examples")
            for source in intent.answers { #expect(intent.templates[source.key] != nil, "\(intent.name) lacks \(source.key)") }
            #expect(intent.priority > 0 && intent.priority <= 1)
            #expect(intent.file.hasSuffix(".json") && !IntentCatalog.isLexiconFile(intent.file))
        }
        let first = try #require(catalog.intent(named: "transit.first_departure"))
        #expect(first.domain == "transit")
        #expect(first.requiredSlots == [.route])
        #expect(first.answerTypes == [.time])
        #expect(first.keywords[.zh]?.contains("首班") == true)
    }

    @Test func shippedChineseKeywordsAreStoredNormalised() {
        let n = Normalizer()
        for intent in Self.shipped.intents {
            for k in intent.keywords[.zh] ?? [] { #expect(n.normalize(k) == k, "\(intent.name): \(k)") }
            for k in intent.keywords[.en] ?? [] { #expect(k == k.lowercased(), "\(intent.name): \(k)") }
        }
    }

    @Test func shippedGlossaryExtensionIsMerged() throws {
        // `museum` is only in lexicon-glossary.json; `bus` is in lexicon.json.
        let main = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: F.intentsDirectory + "/lexicon.json")))
        let mainGlossary = try #require((main as? [String: Any])?["glossary"] as? [String: Any])
        #expect(mainGlossary["museum"] == nil)
        #expect(Self.shipped.lexicon.glossary["museum"] == "博物馆")
        #expect(Self.shipped.lexicon.glossary["bus"] != nil)
    }

    // MARK: - A minimal valid directory, and broken variants of it

    /// File name → JSON object, or a `String` written as is.
    typealias Files = [String: Any]

    static func validFiles() -> Files {
        [
            "lexicon.json": [
                "description": "test lexicon",
                "questionWords": ["zh": ["几点", "是", "呢"], "en": ["what", "is", "the"]],
                "answerTypes": ["time": ["zh": ["几点"], "en": ["what time"]], "money": ["zh": ["多少钱"], "en": ["how much"]]],
                "days": ["today": ["zh": ["今天"], "en": ["today"]]],
                "milestones": ["final": ["zh": ["决赛"], "en": ["final"]]],
                "weatherFields": ["high": ["zh": ["最高"], "en": ["high"]]],
                "routeMarkers": ["zh": ["路"], "en": ["route"]],
                "glossary": ["bus": "公交", "first bus": "首班车"],
            ] as [String: Any],
            "bus.json": [
                "domain": "bus",
                "intents": [
                    [
                        "name": "bus.first",
                        "description": "First departure.",
                        "examples": ["zh": ["{route}首班车几点"], "en": ["When is the first {route} bus?"]],
                        "keywords": ["zh": ["首班"], "en": ["first"]],
                        "slots": [["name": "route", "required": true]],
                        "answers": [["kind": "route", "field": "firstDeparture"]],
                        "templates": ["route.firstDeparture": ["zh": "{entity}首班车：{value}。", "en": "First {entity}: {value}."]],
                        "answerTypes": ["time"],
                    ] as [String: Any],
                    [
                        "name": "bus.fare",
                        "description": "Fare.",
                        "examples": ["zh": ["{route}票价"], "en": ["Fare of {route}?"]],
                        "keywords": ["zh": ["票价"], "en": ["fare"]],
                        "slots": [["name": "route", "required": true]],
                        "answers": [["kind": "route", "field": "fare"]],
                        "templates": ["route.fare": ["zh": "{entity}票价：{value}。", "en": "{entity} fare: {value}."]],
                        "priority": 0.9,
                    ] as [String: Any],
                ],
            ] as [String: Any],
        ]
    }

    static func write(_ files: Files, to dir: String) throws {
        for (name, content) in files {
            let data: Data
            if let text = content as? String { data = Data(text.utf8) } else { data = try JSONSerialization.data(withJSONObject: content) }
            try data.write(to: URL(fileURLWithPath: dir + "/" + name))
        }
    }

    static func load(_ files: Files) throws -> (IntentCatalog, String, TemporaryDirectory) {
        let dir = TemporaryDirectory()
        try write(files, to: dir.path)
        return (try IntentCatalog.load(directory: dir.path, normalizer: Normalizer()), dir.path, dir)
    }

    // Editing helpers for the nested JSON.
    static func intent(_ files: inout Files, _ index: Int, _ edit: (inout [String: Any]) -> Void) {
        var file = files["bus.json"] as! [String: Any]
        var list = file["intents"] as! [[String: Any]]
        edit(&list[index])
        file["intents"] = list
        files["bus.json"] = file
    }

    static func lexicon(_ files: inout Files, _ edit: (inout [String: Any]) -> Void) {
        var lex = files["lexicon.json"] as! [String: Any]
        edit(&lex)
        files["lexicon.json"] = lex
    }

    static func anotherFile(name: String = "more.json", intent: String, zh: [String] = ["换乘"], en: [String] = ["transfer"]) -> [String: Any] {
        [
            "domain": "more",
            "intents": [[
                "name": intent, "description": "Another.",
                "examples": ["zh": ["换乘"], "en": ["transfer"]],
                "keywords": ["zh": zh, "en": en],
                "slots": [] as [Any],
                "answers": [["kind": "route", "field": "transfer"]],
                "templates": ["route.transfer": ["zh": "{value}", "en": "{value}"]],
            ] as [String: Any]],
        ]
    }

    @Test func theMinimalDirectoryIsValid() throws {
        let (catalog, _, _) = try Self.load(Self.validFiles())
        #expect(catalog.intents.map(\.name) == ["bus.first", "bus.fare"])
        #expect(catalog.intent(named: "bus.fare")?.priority == 0.9)
        #expect(catalog.intent(named: "bus.first")?.file == "bus.json")
        #expect(catalog.lexicon.glossary["first bus"] == "首班车")
        #expect(catalog.lexicon.longestGlossaryPhrase == 2)
    }

    /// One broken directory and the error it must produce.
    struct BrokenCase: Sendable, CustomTestStringConvertible {
        var name: String
        var edit: @Sendable (inout Files) -> Void
        var file: String
        var intent: String?
        var field: String?
        /// A fragment of the message.
        var message: String
        var testDescription: String { name }
    }

    static let brokenCases: [BrokenCase] = [
        BrokenCase(name: "invalid JSON", edit: { $0["bus.json"] = "{ \"domain\": \"bus\", " },
                   file: "bus.json", intent: nil, field: nil, message: "invalid JSON"),
        BrokenCase(name: "top level not an object", edit: { $0["bus.json"] = "[1, 2]" },
                   file: "bus.json", intent: nil, field: nil, message: "top level must be an object"),
        BrokenCase(name: "missing domain", edit: { f in var o = f["bus.json"] as! [String: Any]; o["domain"] = nil; f["bus.json"] = o },
                   file: "bus.json", intent: nil, field: "domain", message: "must be a non-empty string"),
        BrokenCase(name: "no intents", edit: { f in var o = f["bus.json"] as! [String: Any]; o["intents"] = [Any](); f["bus.json"] = o },
                   file: "bus.json", intent: nil, field: "intents", message: "non-empty array"),
        BrokenCase(name: "intent without a name", edit: { intent(&$0, 1) { $0["name"] = nil } },
                   file: "bus.json", intent: "#2", field: "name", message: "must be a non-empty string"),
        BrokenCase(name: "missing description", edit: { intent(&$0, 0) { $0["description"] = nil } },
                   file: "bus.json", intent: "bus.first", field: "description", message: "must be a non-empty string"),
        BrokenCase(name: "empty description", edit: { intent(&$0, 1) { $0["description"] = "" } },
                   file: "bus.json", intent: "bus.fare", field: "description", message: "must be a non-empty string"),
        BrokenCase(name: "unknown intent field", edit: { intent(&$0, 0) { $0["slot"] = [Any]() } },
                   file: "bus.json", intent: "bus.first", field: "slot", message: "unknown field"),
        BrokenCase(name: "keywords without English", edit: { intent(&$0, 0) { $0["keywords"] = ["zh": ["首班"]] } },
                   file: "bus.json", intent: "bus.first", field: "keywords", message: "needs both \"zh\" and \"en\""),
        BrokenCase(name: "no keyword at all", edit: { intent(&$0, 0) { $0["keywords"] = ["zh": [String](), "en": [String]()] } },
                   file: "bus.json", intent: "bus.first", field: "keywords", message: "at least one keyword"),
        BrokenCase(name: "keywords in an unknown language", edit: { intent(&$0, 0) { $0["keywords"] = ["zh": ["首班"], "en": ["first"], "fr": ["premier"]] } },
                   file: "bus.json", intent: "bus.first", field: "keywords.fr", message: "unknown language"),
        BrokenCase(name: "empty example", edit: { intent(&$0, 0) { $0["examples"] = ["zh": [" "], "en": ["x"]] } },
                   file: "bus.json", intent: "bus.first", field: "examples.zh", message: "empty string"),
        BrokenCase(name: "unknown slot", edit: { intent(&$0, 0) { $0["slots"] = [["name": "route"], ["name": "stop"]] } },
                   file: "bus.json", intent: "bus.first", field: "slots[1].name", message: "unknown slot"),
        BrokenCase(name: "slot required not a boolean", edit: { intent(&$0, 0) { $0["slots"] = [["name": "route", "required": "yes"]] } },
                   file: "bus.json", intent: "bus.first", field: "slots[0].required", message: "must be true or false"),
        BrokenCase(name: "unknown answer kind", edit: { intent(&$0, 0) { $0["answers"] = [["kind": "train", "field": "firstDeparture"]] } },
                   file: "bus.json", intent: "bus.first", field: "answers[0].kind", message: "unknown kind"),
        BrokenCase(name: "unknown answer field", edit: { intent(&$0, 1) { $0["answers"] = [["kind": "route", "field": "colour"]] } },
                   file: "bus.json", intent: "bus.fare", field: "answers[0].field", message: "unknown field for route"),
        BrokenCase(name: "a field of another kind", edit: { intent(&$0, 1) { $0["answers"] = [["kind": "contact", "field": "fare"]] } },
                   file: "bus.json", intent: "bus.fare", field: "answers[0].field", message: "unknown field for contact"),
        BrokenCase(name: "no answers", edit: { intent(&$0, 0) { $0["answers"] = [Any]() } },
                   file: "bus.json", intent: "bus.first", field: "answers", message: "non-empty array"),
        BrokenCase(name: "missing template for an answer",
                   edit: { intent(&$0, 1) { $0["answers"] = [["kind": "route", "field": "fare"], ["kind": "route", "field": "payment"]] } },
                   file: "bus.json", intent: "bus.fare", field: "templates", message: "missing template for answer route.payment"),
        BrokenCase(name: "template for an undeclared answer",
                   edit: { intent(&$0, 1) { $0["templates"] = ["route.fare": ["zh": "{value}", "en": "{value}"], "route.trips": ["zh": "{value}", "en": "{value}"]] } },
                   file: "bus.json", intent: "bus.fare", field: "templates.route.trips", message: "does not declare"),
        BrokenCase(name: "unknown placeholder",
                   edit: { intent(&$0, 0) { $0["templates"] = ["route.firstDeparture": ["zh": "{entity}首班车：{value}。", "en": "First bus at {stop}: {value}."]] } },
                   file: "bus.json", intent: "bus.first", field: "templates.route.firstDeparture", message: "unknown placeholder {stop}"),
        BrokenCase(name: "template without English",
                   edit: { intent(&$0, 0) { $0["templates"] = ["route.firstDeparture": ["zh": "{value}"]] } },
                   file: "bus.json", intent: "bus.first", field: "templates.route.firstDeparture", message: "needs non-empty"),
        BrokenCase(name: "unknown answer type", edit: { intent(&$0, 0) { $0["answerTypes"] = ["time", "colour"] } },
                   file: "bus.json", intent: "bus.first", field: "answerTypes[1]", message: "unknown answer type 'colour'"),
        BrokenCase(name: "answer types not a list", edit: { intent(&$0, 0) { $0["answerTypes"] = "time" } },
                   file: "bus.json", intent: "bus.first", field: "answerTypes", message: "must be an array"),
        BrokenCase(name: "priority zero", edit: { intent(&$0, 1) { $0["priority"] = 0 } },
                   file: "bus.json", intent: "bus.fare", field: "priority", message: "(0, 1]"),
        BrokenCase(name: "priority above one", edit: { intent(&$0, 1) { $0["priority"] = 1.5 } },
                   file: "bus.json", intent: "bus.fare", field: "priority", message: "(0, 1]"),
        BrokenCase(name: "priority not a number", edit: { intent(&$0, 1) { $0["priority"] = "high" } },
                   file: "bus.json", intent: "bus.fare", field: "priority", message: "(0, 1]"),
        BrokenCase(name: "duplicate intent name across files", edit: { $0["more.json"] = anotherFile(intent: "bus.first") },
                   file: "more.json", intent: "bus.first", field: "name", message: "duplicate intent name (also in bus.json)"),
        BrokenCase(name: "a keyword claimed by two intents", edit: { intent(&$0, 1) { $0["keywords"] = ["zh": ["票价", "首班"], "en": ["fare"]] } },
                   file: "bus.json", intent: "bus.fare", field: "keywords.zh", message: "keyword '首班' is already claimed by intent 'bus.first'"),
        BrokenCase(name: "a keyword claimed across files once normalised (票價 = 票价)",
                   edit: { $0["more.json"] = anotherFile(intent: "more.transfer", zh: ["换乘", "票價"]) },
                   file: "more.json", intent: "more.transfer", field: "keywords.zh", message: "keyword '票价' is already claimed by intent 'bus.fare'"),
        BrokenCase(name: "an English keyword claimed twice, any case",
                   edit: { $0["more.json"] = anotherFile(intent: "more.transfer", en: ["transfer", "Fare"]) },
                   file: "more.json", intent: "more.transfer", field: "keywords.en", message: "keyword 'fare' is already claimed by intent 'bus.fare'"),
        BrokenCase(name: "a file not named lexicon-* is a domain file", edit: { $0["extra-lexicon.json"] = ["glossary": ["tram": "有轨电车"]] },
                   file: "extra-lexicon.json", intent: nil, field: "domain", message: "must be a non-empty string"),
        // The lexicon
        BrokenCase(name: "missing lexicon.json", edit: { $0["lexicon.json"] = nil },
                   file: "lexicon.json", intent: nil, field: nil, message: "missing from"),
        BrokenCase(name: "lexicon: invalid JSON", edit: { $0["lexicon.json"] = "{\"glossary\": {" },
                   file: "lexicon.json", intent: nil, field: nil, message: "invalid JSON"),
        BrokenCase(name: "lexicon: unknown section", edit: { lexicon(&$0) { $0["stopWords"] = ["zh": ["的"]] } },
                   file: "lexicon.json", intent: nil, field: "stopWords", message: "unknown field"),
        BrokenCase(name: "lexicon: question words not an object", edit: { lexicon(&$0) { $0["questionWords"] = ["几点"] } },
                   file: "lexicon.json", intent: nil, field: "questionWords", message: "must be an object"),
        BrokenCase(name: "lexicon: question words in an unknown language", edit: { lexicon(&$0) { $0["questionWords"] = ["zh": ["几点"], "fr": ["quand"]] } },
                   file: "lexicon.json", intent: nil, field: "questionWords.fr", message: "unknown language"),
        BrokenCase(name: "lexicon: an empty question word", edit: { lexicon(&$0) { $0["questionWords"] = ["zh": ["几点", ""], "en": ["what"]] } },
                   file: "lexicon.json", intent: nil, field: "questionWords.zh", message: "non-empty strings"),
        BrokenCase(name: "lexicon: unknown answer type", edit: { lexicon(&$0) { $0["answerTypes"] = ["colour": ["zh": ["颜色"], "en": ["colour"]]] } },
                   file: "lexicon.json", intent: nil, field: "answerTypes.colour", message: "unknown answer type"),
        BrokenCase(name: "lexicon: unknown day", edit: { lexicon(&$0) { $0["days"] = ["yesterday": ["zh": ["昨天"], "en": ["yesterday"]]] } },
                   file: "lexicon.json", intent: nil, field: "days.yesterday", message: "unknown day"),
        BrokenCase(name: "lexicon: unknown milestone", edit: { lexicon(&$0) { $0["milestones"] = ["kickoff": ["zh": ["开球"], "en": ["kickoff"]]] } },
                   file: "lexicon.json", intent: nil, field: "milestones.kickoff", message: "unknown milestone"),
        BrokenCase(name: "lexicon: days not an object", edit: { lexicon(&$0) { $0["days"] = "today" } },
                   file: "lexicon.json", intent: nil, field: "days", message: "must be an object"),
        BrokenCase(name: "lexicon: missing glossary", edit: { lexicon(&$0) { $0["glossary"] = nil } },
                   file: "lexicon.json", intent: nil, field: "glossary", message: "must be an object"),
        BrokenCase(name: "lexicon: glossary entry not a string", edit: { lexicon(&$0) { $0["glossary"] = ["bus": 3] } },
                   file: "lexicon.json", intent: nil, field: "glossary.bus", message: "non-empty string"),
        BrokenCase(name: "lexicon: phrasebook entry empty", edit: { lexicon(&$0) { $0["phrasebook"] = ["扫码": ""] } },
                   file: "lexicon.json", intent: nil, field: "phrasebook.扫码", message: "non-empty string"),
        BrokenCase(name: "lexicon: domain words not lists", edit: { lexicon(&$0) { $0["domainWords"] = ["transit": "发车"] } },
                   file: "lexicon.json", intent: nil, field: "domainWords.transit", message: "array of non-empty strings"),
        BrokenCase(name: "lexicon: places with an empty name", edit: { lexicon(&$0) { $0["places"] = ["海盐", ""] } },
                   file: "lexicon.json", intent: nil, field: "places", message: "non-empty strings"),
        BrokenCase(name: "lexicon extension: unknown day",
                   edit: { $0["lexicon-extra.json"] = ["days": ["yesterday": ["zh": ["昨天"], "en": ["yesterday"]]]] },
                   file: "lexicon-extra.json", intent: nil, field: "days.yesterday", message: "unknown day"),
        BrokenCase(name: "lexicon extension: unknown section", edit: { $0["lexicon-extra.json"] = ["stopWords": ["的"]] },
                   file: "lexicon-extra.json", intent: nil, field: "stopWords", message: "unknown field"),
    ]

    @Test(arguments: brokenCases)
    func brokenDirectoriesAreRefusedNamingFileIntentAndField(_ c: BrokenCase) throws {
        var files = Self.validFiles()
        c.edit(&files)
        do {
            _ = try Self.load(files)
            Issue.record("loaded a broken directory (\(c.name))")
        } catch let e as IntentCatalogError {
            #expect(e.file == c.file)
            #expect(e.intent == c.intent)
            #expect(e.field == c.field)
            #expect(e.message.contains(c.message), "message: \(e.message)")
            #expect(e.description.hasPrefix(c.file))
        }
    }

    @Test func anEmptyDirectoryHasNoLexicon() throws {
        let dir = TemporaryDirectory()
        #expect(throws: IntentCatalogError(file: "lexicon.json", intent: nil, field: nil, message: "missing from \(dir.path)")) {
            try IntentCatalog.load(directory: dir.path, normalizer: Normalizer())
        }
    }

    @Test func aLexiconWithoutIntentsIsRefused() throws {
        var files = Self.validFiles()
        files["bus.json"] = nil
        let dir = TemporaryDirectory()
        try Self.write(files, to: dir.path)
        #expect(throws: IntentCatalogError(file: dir.path, intent: nil, field: nil, message: "no intents defined")) {
            try IntentCatalog.load(directory: dir.path, normalizer: Normalizer())
        }
    }

    @Test func aMissingDirectoryIsRefused() {
        let path = "/nonexistent/intents-\(UUID().uuidString)"
        #expect(throws: IntentCatalogError(file: path, intent: nil, field: nil, message: "cannot read intents directory")) {
            try IntentCatalog.load(directory: path, normalizer: Normalizer())
        }
    }

    @Test func errorDescriptionSaysFileIntentAndField() {
        let e = IntentCatalogError(file: "bus.json", intent: "bus.first", field: "description", message: "must be a non-empty string")
        #expect(e.description == "bus.json: intent 'bus.first', field 'description': must be a non-empty string")
        #expect(IntentCatalogError(file: "lexicon.json", intent: nil, field: "days.yesterday", message: "unknown day").description
                == "lexicon.json, field 'days.yesterday': unknown day")
        #expect(IntentCatalogError(file: "bus.json", intent: nil, field: nil, message: "invalid JSON").description == "bus.json: invalid JSON")
    }

    @Test func aBadIntentsDirectoryFailsStartUpNamingTheFile() throws {
        var files = Self.validFiles()
        Self.intent(&files, 0) { $0["answers"] = [["kind": "route", "field": "colour"]] }
        let dir = TemporaryDirectory()
        try Self.write(files, to: dir.path)
        do {
            _ = try BotService(corpusDirectory: F.corpusDirectory, intentsDirectory: dir.path, logger: .silent)
            Issue.record("started with a broken intent")
        } catch let e as DataLoadError {
            #expect(e.message.hasPrefix("intents: bus.json: intent 'bus.first', field 'answers[0].field'"), "\(e.message)")
        }
    }

    // MARK: - Lexicon extension files

    @Test func lexiconExtensionFilesMerge() throws {
        var files = Self.validFiles()
        files["lexicon-extra.json"] = [
            "description": "more vocabulary",
            "glossary": ["bus": "巴士", "tram": "有轨电车", "last bus of the day": "末班车"],
            "questionWords": ["zh": ["请问"]],
            "days": ["tomorrow": ["zh": ["明天"], "en": ["tomorrow"]], "today": ["zh": ["今儿"]]],
            "places": ["海盐"],
            "scopeQualifiers": ["复杂"],
            "phrasebook": ["扫码": "QR code"],
        ] as [String: Any]
        files["lexicon-more.json"] = ["places": ["海盐", "平湖"], "glossary": ["tram": "电车"]] as [String: Any]
        let (catalog, _, _) = try Self.load(files)
        let lex = catalog.lexicon
        #expect(lex.glossary["bus"] == "公交")              // the main file wins
        #expect(lex.glossary["tram"] == "有轨电车")          // the first extension (by name) wins over a later one
        #expect(lex.glossary["last bus of the day"] == "末班车")
        #expect(lex.longestGlossaryPhrase == 5)
        #expect(lex.questionWords[.zh]?.contains("请问") == true && lex.questionWords[.zh]?.contains("几点") == true)
        #expect(lex.questionWords[.en]?.contains("what") == true)
        #expect(lex.days["tomorrow"]?[.zh] == ["明天"])
        #expect(Set(lex.days["today"]?[.zh] ?? []) == ["今天", "今儿"])
        #expect(lex.days["today"]?[.en] == ["today"])
        #expect(lex.places == ["海盐", "平湖"])              // no duplicates
        #expect(lex.scopeQualifiers == ["复杂"])
        #expect(lex.phrasebook["扫码"] == "QR code")
        #expect(catalog.intents.count == 2)                // extensions hold no intents
    }

    @Test func mergedVocabularyReachesTheAnalyzer() throws {
        var files = Self.validFiles()
        files["lexicon-extra.json"] = ["days": ["tomorrow": ["zh": ["明儿个"], "en": ["tomorrow"]]]] as [String: Any]
        let (catalog, _, _) = try Self.load(files)
        let kb = KnowledgeBase.build(pages: [Page(file: "a.txt", text: F.haiyanPage)])
        let u = QueryAnalyzer(kb: kb, catalog: catalog, normalizer: Normalizer()).analyze("明儿个天气")
        #expect(u.day == .tomorrow)
    }
}
