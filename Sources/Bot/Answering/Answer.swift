import Foundation
import Knowledge

/// A finished answer, before it is framed as a `Reply`.
struct Answer: Sendable {
    enum Outcome: String, Sendable {
        /// A structured fact answered through its template.
        case fact
        /// Sentences retrieved from the index.
        case retrieval
        /// Greeting, thanks, help…
        case smallTalk
        /// A question back that names the choices.
        case clarify
        /// Nothing found; the text says what.
        case decline
    }

    var text: String
    var outcome: Outcome
    var intent: String?
    var confidence: Double
    var language: Language
    /// Sentence ids cited, in order.
    var sentences: [Int] = []
    var suggestions: [String] = []
    /// What the dialogue should remember.
    var entity: DialogueState.EntityRef?
    var routeID: String?
    /// The kind of value this fact gives, for a follow-up that names only a new subject.
    var askedType: AnswerType?
    /// Reasons, for `--explain` (name → value): worked out only when an explanation is asked
    /// for (the scorer's per-feature contributions are not free).
    var debug: @Sendable () -> [(String, JSONValue)] = { [] }

    var fallback: Bool { outcome == .decline }
}

/// A rendered field value with the sentences it came from.
struct FieldValue: Sendable {
    var text: String
    var sentences: [Int]
}

/// Everything a renderer needs to word a value: language and the question's slots.
struct RenderContext {
    let kb: KnowledgeBase
    let language: Language
    let understanding: Understanding
    let phrasebook: [String: String]
    /// Fact strings normalised once per engine (see `NormalizedNames`).
    let names: NormalizedNames

    var isEnglish: Bool { language == .en }

    /// `text` normalised (from the engine's table when it is a fact string).
    func norm(_ text: String) -> String { names.normalized(text) }

    /// A Chinese value in the answer's language: kept as is for Chinese; for English, the
    /// phrasebook's translation (whole value or `、`-separated parts), else the Chinese as printed.
    func word(_ zh: String) -> String {
        guard isEnglish else { return zh }
        if let en = phrasebook[zh] { return en }
        let parts = zh.split(whereSeparator: { "、,，和或".contains($0) }).map(String.init)
        if parts.count > 1, parts.allSatisfy({ phrasebook[$0] != nil }) {
            return parts.map { phrasebook[$0]! }.joined(separator: ", ")
        }
        return zh
    }

    /// A name for English text: the Chinese name with its pinyin (`青浦 (Qingpu)`).
    func name(_ zh: String) -> String {
        guard isEnglish else { return zh }
        let syllables = ScriptTables.pinyinSyllables(of: zh)
        guard !syllables.isEmpty, zh.unicodeScalars.contains(where: ScalarClass.isHan) else { return zh }
        let joined = syllables.joined(separator: " ")
        return zh + " (" + joined.prefix(1).uppercased() + joined.dropFirst() + ")"
    }

    /// Joins list items: `、` in Chinese, `, ` in English.
    func list(_ items: [String]) -> String { items.joined(separator: isEnglish ? ", " : "、") }

    /// Joins clauses: `；` in Chinese, `; ` in English.
    func clauses(_ items: [String]) -> String { items.joined(separator: isEnglish ? "; " : "；") }
}

/// Every string the renderers compare with a question (termini, stops, labels, groups, ranks,
/// measures, names), normalised once when the engine is built, so answering never runs the
/// normaliser on fact strings.
struct NormalizedNames: Sendable {
    private let table: [String: String]

    init(_ kb: KnowledgeBase) {
        let n = Normalizer()
        var strings: [String] = []
        for r in kb.facts.routes { strings += (r.termini + r.stops + r.walking + r.transfers).map(\.value) + r.schedules.map(\.terminus) }
        for c in kb.facts.contacts { strings += c.phones.compactMap(\.value.label) + [c.name.value] }
        for s in kb.facts.services { strings += [s.name.value] + s.aliases + s.results.map(\.value.measure) }
        for e in kb.facts.events { strings += [e.name.value] + e.aliases + e.groups.map(\.value) + e.prizes.flatMap { [$0.value.rank] + ($0.value.group.map { [$0] } ?? []) } }
        for f in kb.facts.figures { strings.append(f.measure) }
        var table: [String: String] = [:]
        for s in strings where table[s] == nil { table[s] = n.normalize(s) }
        self.table = table
    }

    func normalized(_ text: String) -> String { table[text] ?? Normalizer().normalize(text) }
}
