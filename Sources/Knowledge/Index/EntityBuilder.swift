import Foundation

/// Collects entities and their names while the dictionary is built (merging duplicates).
struct EntityBuilder {
    let normalizer: Normalizer
    var entities: [Entity] = []
    private var byName: [String: Int] = [:]
    /// Every name of an entity with facts (route, contact, service, event): a mention by one of
    /// these names adds nothing but ambiguity. Asked for each mention, so a set.
    private var factNames = Set<String>()
    /// Each entity's names and articles as sets, for merging without scanning lists.
    private var nameSets: [Set<String>] = []
    private var articleSets: [Set<Int>] = []

    /// Suffixes of organisation and place names worth recognising in questions.
    static let mentionSuffixes = ["小区", "社区", "村", "街道", "公司", "银行", "学校", "医院", "中心", "服务站", "平台",
                                  "合作社", "产业园", "科创园", "集团", "工坊", "驿站", "广场", "大楼", "学堂", "基地"]
    static let mentionSuffixesLongestFirst = longestFirst(mentionSuffixes)

    init(normalizer: Normalizer) {
        self.normalizer = normalizer
    }

    /// Adds an entity, or merges its names into an existing one of the same kind and name.
    mutating func add(_ kind: EntityKind, name: String, names: [String], articles: [Int], fact: Int?) {
        add(kind, name: name, normalized: normalizedNames(names), articles: articles, fact: fact)
    }

    /// Names as the dictionary keeps them: quotes stripped, normalised, two scalars or more, once each.
    func normalizedNames(_ names: [String]) -> [String] {
        orderedUnique(names.map { normalizer.normalize(stripQuotes($0)) }.filter { $0.scalarCount >= 2 })
    }

    /// `add` with the names already normalised (`normalizedNames`).
    mutating func add(_ kind: EntityKind, name: String, normalized: [String], articles: [Int], fact: Int?) {
        guard let main = normalized.first else { return }
        let key = kind.rawValue + "|" + main
        let hasFacts = kind != .term && kind != .mention
        if let existing = byName[key] {
            for n in normalized where nameSets[existing].insert(n).inserted {
                entities[existing].names.append(n)
                if hasFacts { factNames.insert(n) }
            }
            for a in articles where articleSets[existing].insert(a).inserted { entities[existing].articles.append(a) }
            return
        }
        let pinyin = orderedUnique([name].map { ScriptTables.pinyinKey(of: stripQuotes($0)) } + normalized.prefix(3).map { ScriptTables.pinyinKey(of: $0) })
        let e = Entity(id: entities.count, kind: kind, name: stripQuotes(name), names: longestFirst(normalized),
                       articles: articles, fact: fact, pinyin: pinyin)
        byName[key] = e.id
        entities.append(e)
        nameSets.append(Set(e.names))
        articleSets.append(Set(e.articles))
        if hasFacts { factNames.formUnion(e.names) }
    }

    /// Quoted terms (`“暖心坊”`) and named organisations/places become entities of their articles.
    mutating func addQuotedTermsAndMentions(articles: [Article], sentences: [Sentence]) {
        // Articles are scanned on all cores (the names with facts are all known by now), then
        // the names are added in article order.
        let factNames = self.factNames
        let scanner = self
        let found = parallelMap(articles.count) { ai -> [(kind: EntityKind, name: String, normalized: [String])] in
            let article = articles[ai]
            var out: [(kind: EntityKind, name: String, normalized: [String])] = []
            var scanners = article.sentenceIDs.map { SentenceScanner(sentence: sentences[$0], normalizer: scanner.normalizer) }
            let title = [article.kicker, article.headline, article.subtitle].compactMap { $0 }.joined(separator: " ")
            scanners.append(SentenceScanner(tracked: scanner.normalizer.normalizeTracked(title), sentenceID: -1))
            for sc in scanners {
                for q in sc.quotedTerms() where (2...12).contains(q.range.count) && scanner.isNameLike(q.value) {
                    out.append((.term, sc.original(q.range), scanner.normalizedNames([q.value])))
                }
                for m in NameFinder.names(in: sc, suffixes: EntityBuilder.mentionSuffixesLongestFirst, maxLength: 14)
                    where (4...14).contains(m.range.count) && !factNames.contains(scanner.normalizer.normalize(scanner.stripQuotes(m.value))) {
                    out.append((.mention, m.value, scanner.normalizedNames([m.value] + NameFinder.shortForms(of: m.value))))
                }
            }
            return out
        }
        for (ai, list) in found.enumerated() {
            for c in list { add(c.kind, name: c.name, normalized: c.normalized, articles: [ai], fact: nil) }
        }
    }

    /// A quoted phrase that names something (not a quoted sentence or slogan with punctuation).
    func isNameLike(_ s: String) -> Bool {
        !s.unicodeScalars.contains { ",。!?;:、 ".unicodeScalars.contains($0) }
    }

    func stripQuotes(_ s: String) -> String {
        String(scalars: s.unicodeScalars.filter { $0 != "\u{201C}" && $0 != "\u{201D}" })
    }

    private func orderedUnique(_ a: [String]) -> [String] {
        var seen = Set<String>()
        return a.filter { seen.insert($0).inserted }
    }
}
