import Foundation

/// What an entity is.
public enum EntityKind: String, Sendable, Hashable, CaseIterable {
    /// A transit route (`115路`).
    case route
    /// An organisation or place with contact details (`嘉兴市交通学校`).
    case contact
    /// A public service point (`企业涉外服务中心`).
    case service
    /// An event or contest (`田园五镇农业农村创新创业大赛`).
    case event
    /// A quoted term from an article (`暖心坊`, `惠农e贷`, `平服365`).
    case term
    /// A named organisation or place mentioned in an article (`日月星辰小区`, `新街社区`).
    case mention
}

/// A named thing the bot can be asked about, with every name it goes by.
public struct Entity: Sendable {
    public var id: Int
    public var kind: EntityKind
    /// Display name as printed.
    public var name: String
    /// Normalised names it matches (the name, short forms, aliases), longest first.
    public var names: [String]
    /// Articles it appears in (its own article first).
    public var articles: [Int]
    /// Index into the fact store array of its kind (`routes`, `contacts`, `services`, `events`), if any.
    public var fact: Int?
    /// Toneless pinyin of the main names (`qingpu`), for English and homophone matching.
    public var pinyin: [String]
}

/// How a question mentioned an entity.
public enum EntityMatchKind: String, Sendable {
    /// One of its names occurs in the question.
    case exact
    /// The question holds a large part of a name (`涉外中心` for `企业涉外服务中心`).
    case partial
    /// Same pinyin as a name (a homophone typo, or an English transliteration).
    case pinyin
}

/// One entity found in a question.
public struct EntityMatch: Sendable {
    public var entity: Int
    public var name: String
    /// Range in the normalised question (scalar offsets); empty for pinyin matches of English words.
    public var range: Range<Int>
    public var kind: EntityMatchKind
    /// 0…1: how much of the name the question carries (1 for exact).
    public var coverage: Double

    public init(entity: Int, name: String, range: Range<Int>, kind: EntityMatchKind, coverage: Double) {
        self.entity = entity
        self.name = name
        self.range = range
        self.kind = kind
        self.coverage = coverage
    }
}

/// The names of routes, organisations, services, events and quoted terms, for matching questions
/// against. Built from the facts and articles; read-only afterwards.
public struct EntityDictionary: Sendable {
    public private(set) var entities: [Entity] = []
    /// One-scalar names by that scalar (flat name ids), for exact scanning.
    private var byFirst: [Unicode.Scalar: [Int32]] = [:]
    /// Names of two or more scalars by their first two (bigram key), longest first: a common
    /// first character (`嘉`) does not make every question scan hundreds of names.
    private var byFirstPair: [UInt64: [Int32]] = [:]
    /// Every name's scalars in one buffer (flat name id → `nameStart[g] ..< nameStart[g + 1]`).
    private var nameScalars: [Unicode.Scalar] = []
    private var nameStart: [Int32] = [0]
    /// Bigram key → (entity, name index) containing it, for partial matches.
    private var byBigram: [UInt64: [(Int, Int)]] = [:]
    private var nameBigramCounts: [[Int]] = []
    /// Flat name ids: entity `e`'s name `ni` is `nameBase[e] + ni`; `nameOwner` maps back.
    private var nameBase: [Int] = []
    private var nameOwner: [(Int, Int)] = []
    private var nameCount: Int { nameOwner.count }
    /// Pinyin key → entities, for homophones and English.
    private var byPinyin: [String: [Int]] = [:]
    /// First scalars of names (folded into 64 Ki bits), to skip most question characters cheaply.
    private var firstBits: [UInt64] = Array(repeating: 0, count: 1024)

    public init(facts: FactStore, articles: [Article], sentences: [Sentence], normalizer: Normalizer) {
        var builder = EntityBuilder(normalizer: normalizer)
        for (i, r) in facts.routes.enumerated() {
            builder.add(.route, name: r.routeID + "路", names: [r.routeID + "路"], articles: [r.article], fact: i)
        }
        for (i, c) in facts.contacts.enumerated() {
            builder.add(.contact, name: c.name.value, names: [c.name.value] + c.aliases + NameFinder.shortForms(of: c.name.value),
                        articles: [c.article], fact: i)
        }
        for (i, s) in facts.services.enumerated() {
            builder.add(.service, name: s.name.value, names: [s.name.value] + s.aliases + NameFinder.shortForms(of: s.name.value),
                        articles: [s.article], fact: i)
        }
        for (i, e) in facts.events.enumerated() {
            builder.add(.event, name: e.name.value, names: [e.name.value] + e.aliases + NameFinder.shortForms(of: e.name.value),
                        articles: [e.article], fact: i)
        }
        builder.addQuotedTermsAndMentions(articles: articles, sentences: sentences)
        entities = builder.entities
        index()
    }

    private mutating func index() {
        var keysForPinyin: [(Int, String)] = []
        nameBigramCounts = []
        for e in entities {
            nameBase.append(nameOwner.count)
            for ni in e.names.indices { nameOwner.append((e.id, ni)) }
            var counts: [Int] = []
            for (ni, name) in e.names.enumerated() {
                let s = Array(name.unicodeScalars)
                let g = Int32(nameOwner.count - e.names.count + ni)
                nameScalars += s
                nameStart.append(Int32(nameScalars.count))
                if let f = s.first {
                    if s.count >= 2 { byFirstPair[Term(bigram: s[0], s[1]).key, default: []].append(g) }
                    else { byFirst[f, default: []].append(g) }
                    let v = Int(f.value & 0xFFFF)
                    firstBits[v >> 6] |= 1 << UInt64(v & 63)
                }
                var n = 0
                var seen = Set<UInt64>()
                for k in 0..<max(0, s.count - 1) {
                    let key = Term(bigram: s[k], s[k + 1]).key
                    if seen.insert(key).inserted { byBigram[key, default: []].append((e.id, ni)); n += 1 }
                }
                counts.append(n)
            }
            nameBigramCounts.append(counts)
            for p in e.pinyin where p.count >= 4 { keysForPinyin.append((e.id, p)) }
        }
        for (id, key) in keysForPinyin where !(byPinyin[key]?.contains(id) ?? false) { byPinyin[key, default: []].append(id) }
        func length(_ g: Int32) -> Int32 { nameStart[Int(g) + 1] - nameStart[Int(g)] }
        for k in byFirstPair.keys { byFirstPair[k]!.sort { length($0) > length($1) } }
    }

    /// Entities of one kind.
    public func entities(of kind: EntityKind) -> [Entity] { entities.filter { $0.kind == kind } }

    /// Exact and partial matches in a normalised question, best first. Exact matches take their
    /// span; a shorter name inside a longer matched one is dropped.
    public func lookup(_ question: [Unicode.Scalar], minimumCoverage: Double = 0.6) -> [EntityMatch] {
        var exact: [EntityMatch] = []
        var i = 0
        while i < question.count {
            let v = Int(question[i].value & 0xFFFF)
            if firstBits[v >> 6] & (1 << UInt64(v & 63)) != 0 {
                if i + 1 < question.count, let candidates = byFirstPair[Term(bigram: question[i], question[i + 1]).key] {
                    for g in candidates {
                        let start = Int(nameStart[Int(g)]), length = Int(nameStart[Int(g) + 1]) - start
                        guard i + length <= question.count else { continue }
                        var k = 2
                        while k < length && question[i + k] == nameScalars[start + k] { k += 1 }
                        if k == length { exact.append(exactMatch(g, at: i)) }
                    }
                }
                for g in byFirst[question[i]] ?? [] { exact.append(exactMatch(g, at: i)) }
            }
            i += 1
        }
        // Keep the longest exact spans; drop names inside a longer match.
        exact.sort { ($0.range.count, -$0.range.lowerBound) > ($1.range.count, -$1.range.lowerBound) }
        var kept: [EntityMatch] = []
        for m in exact where !kept.contains(where: { $0.range.lowerBound <= m.range.lowerBound && m.range.upperBound <= $0.range.upperBound && $0.range != m.range }) {
            if !kept.contains(where: { $0.entity == m.entity }) { kept.append(m) }
        }
        // Partial: share of a name's bigrams found in the question. A bigram the question
        // repeats counts once (`学校…学校` is not two thirds of `交通学校`). Matches are collected
        // flat and sorted by name, so no per-query dictionaries are built.
        let exactSpans = kept.map(\.range)
        if question.count >= 2 {
            // Distinct question bigrams, each at its first position.
            var keys: [(key: UInt64, at: Int)] = []
            for k in 0..<(question.count - 1) {
                let key = Term(bigram: question[k], question[k + 1]).key
                if byBigram[key] != nil, !keys.contains(where: { $0.key == key }) { keys.append((key, k)) }
            }
            // One pass over the postings, counting per name (flat ids): no sort of the matches.
            var hits = [PartialHit](repeating: PartialHit(), count: nameCount)
            var touched: [Int32] = []
            for (key, at) in keys {
                for (e, ni) in byBigram[key]! {
                    let g = nameBase[e] + ni
                    if hits[g].distinct == 0 { touched.append(Int32(g)); hits[g].lo = Int32(at); hits[g].hi = Int32(at + 2) }
                    hits[g].distinct += 1
                    hits[g].lo = min(hits[g].lo, Int32(at)); hits[g].hi = max(hits[g].hi, Int32(at + 2))
                }
            }
            touched.sort()
            var best: [Int: EntityMatch] = [:]
            for g32 in touched {
                let g = Int(g32), hit = hits[g]
                let (e, ni) = nameOwner[g]
                guard hit.distinct >= 2, !kept.contains(where: { $0.entity == e }) else { continue }
                let total = nameBigramCounts[e][ni]
                guard total > 0 else { continue }
                let coverage = Double(min(Int(hit.distinct), total)) / Double(total)
                if coverage >= minimumCoverage, best[e].map({ coverage > $0.coverage }) ?? true {
                    best[e] = EntityMatch(entity: e, name: entities[e].names[ni], range: Int(hit.lo)..<Int(hit.hi),
                                          kind: .partial, coverage: coverage)
                }
            }
            // A partial match inside an exact one is a shorter name the longer match already covers.
            for m in best.values.sorted(by: { $0.entity < $1.entity })
                where !exactSpans.contains(where: { $0.lowerBound <= m.range.lowerBound && m.range.upperBound <= $0.upperBound }) {
                kept.append(m)
            }
        }
        return kept.sorted { ($0.coverage, $0.range.count) > ($1.coverage, $1.range.count) }
    }

    private func exactMatch(_ g: Int32, at i: Int) -> EntityMatch {
        let (e, ni) = nameOwner[Int(g)]
        let length = Int(nameStart[Int(g) + 1] - nameStart[Int(g)])
        return EntityMatch(entity: e, name: entities[e].names[ni], range: i..<(i + length), kind: .exact, coverage: 1)
    }

    /// Per-name tally of a partial lookup: distinct question bigrams found, and their span.
    private struct PartialHit {
        var distinct: Int32 = 0
        var lo: Int32 = 0
        var hi: Int32 = 0
    }

    /// Entities whose name has this toneless pinyin key (`qingpu`, `tianyuanwuzhen`).
    public func lookup(pinyinKey: String) -> [Int] { byPinyin[pinyinKey] ?? [] }

    /// All pinyin keys (for scanning English text for transliterated names).
    public var pinyinKeys: [String] { Array(byPinyin.keys) }
}
