import Foundation

/// A service-point name found in a sentence, before grouping.
struct ServiceCandidate {
    /// How the sentence uses the name: the service itself, one of several, a place, or a part.
    enum Role { case entity, counted, locative, part }

    /// Where it is in the normalised sentence.
    var range: Range<Int>
    /// Normalised name.
    var name: String
    /// The name as printed.
    var printed: String
    /// The ending it was found by (`服务中心`).
    var suffix: String
    /// How the sentence uses it.
    var role: Role
    /// Normalised text of a quotation printed right before the name (`“平服365”企业综合服务平台`).
    var quoteBefore: String?
    /// Index of the candidate this one is set in apposition to (`涉外服务综合体——移民服务站`).
    var apposedTo: Int?
}

/// A mention of a known service in a sentence.
struct ServiceMention {
    /// Where it is in the normalised sentence.
    var range: Range<Int>
    /// Index of the service it refers to.
    var draft: Int
    /// A bare head word (`中心会…`) standing for the service being talked about.
    var isBackReference = false
}

extension PublicServiceExtractor {
    /// Prepositions that `NameFinder` may leave at the start of a name (`以县企业涉外服务中心为依托`).
    static let leadingPrepositions = ["以", "经", "按", "凭", "同", "跟", "随", "替", "像", "如", "即", "就", "找"]
    /// Characters after a back-reference head that show it is the subject (`中心会…`, not `中心城区`).
    static let backReferenceFollowers: Set<Unicode.Scalar> = Set("会将已还在于为是共现可对通过由自也则承实提开设推建聚负整集的把与和并目每位工".unicodeScalars)

    /// Service-point names in a sentence, with their roles.
    static func candidates(in sc: SentenceScanner) -> [ServiceCandidate] {
        var out: [ServiceCandidate] = []
        for found in NameFinder.names(in: sc, suffixes: serviceSuffixesLongestFirst) {
            guard let suffix = serviceSuffixesLongestFirst.first(where: { sc.text(found.range).hasSuffix($0) }) else { continue }
            let n = suffix.scalarCount
            var r = sc.stripWords(found.range, leading: leadingPrepositions, trailing: [])
            r = extendedOverDepartment(r, in: sc)
            guard r.count >= n + 2, !quantifierStarts.contains(sc.s[r.lowerBound]) else { continue }
            if partSuffixes.contains(suffix) { r = sc.stripWords(r, leading: ["共设", "设有", "开设", "设置", "设"], trailing: []) }
            guard r.count >= n + 2 else { continue }
            var role = ServiceCandidate.Role.entity
            // `8个镇街道…中心`, and `综合受理窗口56个` where the count follows the noun
            if isCounted(r.lowerBound, in: sc) || sc.integer(at: r.upperBound).map({ sc.matches("个", at: $0.1) }) == true {
                role = .counted
            } else if locativeLeads.contains(where: { w in r.lowerBound >= w.scalarCount && sc.matches(w, at: r.lowerBound - w.scalarCount) }) {
                role = .locative
            } else if partSuffixes.contains(suffix), Set(suffixHeads.values).contains(where: { sc.text(r.lowerBound..<(r.upperBound - n)).hasSuffix($0) }) {
                role = .part
            }
            var quote: String?
            if r.lowerBound > 0, let q = sc.quotation(closingAt: r.lowerBound - 1) {
                quote = sc.text((q.lowerBound + 1)..<(q.upperBound - 1))
            }
            out.append(ServiceCandidate(range: r, name: sc.text(r), printed: sc.original(r), suffix: suffix, role: role, quoteBefore: quote))
        }
        // a name inside a longer one (`县行政服务中心` in `县行政服务中心新办事大厅`) is part of it
        out = out.filter { c in !out.contains { o in o.range != c.range && o.range.lowerBound <= c.range.lowerBound && o.range.upperBound >= c.range.upperBound } }
        out.sort { $0.range.lowerBound < $1.range.lowerBound }
        for i in out.indices.dropLast() where out[i].range.upperBound <= out[i + 1].range.lowerBound {
            let gap = sc.text(out[i].range.upperBound..<out[i + 1].range.lowerBound)
            if gap == "——" || gap == "—" || gap == "-" { out[i].apposedTo = i + 1 }
        }
        return out
    }

    /// A name cut inside a department word by a boundary word (`建设` of `县建设局物业管理服务中心`)
    /// starts again at the department's start.
    static func extendedOverDepartment(_ r: Range<Int>, in sc: SentenceScanner) -> Range<Int> {
        guard !r.isEmpty, "局委办厅处".unicodeScalars.contains(sc.s[r.lowerBound]) else { return r }
        var a = r.lowerBound
        while a > 0, r.lowerBound - a < 6, ScalarClass.isHan(sc.s[a - 1]), !NameFinder.boundaryScalars.contains(sc.s[a - 1]) { a -= 1 }
        return a..<r.upperBound
    }

    /// Whether the name starting at `start` follows a count (`8个`, `多个`, `各`).
    static func isCounted(_ start: Int, in sc: SentenceScanner) -> Bool {
        let s = sc.s
        if start >= 2, "个家所座".unicodeScalars.contains(s[start - 1]), ScalarClass.isDigit(s[start - 2]) { return true }
        return pluralLeads.contains { w in start >= w.scalarCount && sc.matches(w, at: start - w.scalarCount) }
    }

    /// Quoted headline terms that the body ties to a programme word, as printed:
    /// (`“30分钟我来办”处置模式`, `30分钟我来办`).
    static func programmes(titleTerms: Set<String>, in scanners: [SentenceScanner]) -> [(name: String, alias: String, sentence: Int)] {
        var out: [(name: String, alias: String, sentence: Int)] = []
        for sc in scanners {
            for q in sc.quotedTerms() where titleTerms.contains(q.value) && !out.contains(where: { $0.alias == sc.original(q.range) }) {
                let after = q.range.upperBound + 1
                var end: Int?
                var k = after
                while k < min(sc.count, after + 10), ScalarClass.isWordScalar(sc.s[k]) {
                    for w in programmeWords where sc.matches(w, at: k) { end = k + w.scalarCount }
                    k += 1
                }
                guard let end else { continue }
                out.append((sc.original((q.range.lowerBound - 1)..<end), sc.original(q.range), sc.sentenceID))
            }
        }
        return out
    }
}

/// The services of one article while it is read: drafts and the names that refer to them.
struct ServiceRegistry {
    /// Index of the article being read.
    let article: Int
    /// The services found so far, in order of first mention.
    var drafts: [ServiceDraft] = []

    /// An empty registry for one article.
    init(article: Int) { self.article = article }

    /// The draft a normalised name refers to: a known name, or one is the other's short form.
    func resolve(_ name: String) -> Int? {
        if let i = drafts.firstIndex(where: { $0.keys.contains(name) }) { return i }
        let shorts = NameFinder.shortForms(of: name)
        return drafts.firstIndex { shorts.contains($0.base) || NameFinder.shortForms(of: $0.base).contains(name) }
    }

    /// Creates or extends drafts from a sentence's candidates (entity mentions only).
    mutating func register(_ candidates: [ServiceCandidate], in sc: SentenceScanner, titleTerms: Set<String>) {
        var pendingAliases: [String: [ServiceCandidate]] = [:]
        for c in candidates where c.role == .entity {
            if let q = c.quoteBefore, titleTerms.contains(q) { continue }   // a programme, read later
            if let j = c.apposedTo, candidates[j].role == .entity {
                pendingAliases[candidates[j].name, default: []].append(c)
                continue
            }
            let d: Int
            if let existing = resolve(c.name) {
                d = existing
                drafts[d].addName(c.name, printed: c.printed)
            } else {
                d = drafts.count
                drafts.append(ServiceDraft(article: article, candidate: c, sentence: sc.sentenceID))
            }
            for alias in pendingAliases[c.name] ?? [] { drafts[d].addName(alias.name, printed: alias.printed) }
        }
    }

    /// Adds abbreviations printed anywhere in the article (`企服中心`) to the drafts they abbreviate.
    mutating func findAbbreviations(in scanners: [SentenceScanner]) {
        for d in drafts.indices {
            for sc in scanners {
                for f in NameFinder.names(in: sc, suffixes: [drafts[d].head]) {
                    let r = sc.stripWords(f.range, leading: PublicServiceExtractor.leadingPrepositions, trailing: [])
                    let text = sc.text(r)
                    guard resolve(text) == nil, NameFinder.isAbbreviation(text, of: drafts[d].base, head: drafts[d].head) else { continue }
                    drafts[d].addName(text, printed: sc.original(r))
                }
            }
        }
    }

    /// Mentions of known services in a sentence: names, abbreviations, parts and back-references.
    mutating func mentions(in sc: SentenceScanner, current: Int?) -> [ServiceMention] {
        let candidates = PublicServiceExtractor.candidates(in: sc)
        var out: [ServiceMention] = []
        for d in drafts.indices {
            for key in drafts[d].keys {
                for i in sc.occurrences(of: key) {
                    let r = i..<(i + key.scalarCount)
                    // inside a longer name of something else (`镇街道企业综合服务中心`)
                    if let c = candidates.first(where: { $0.range.upperBound == r.upperBound && $0.range.lowerBound < r.lowerBound }),
                       c.role == .counted || resolve(c.name) != d { continue }
                    if let k = out.firstIndex(where: { $0.range.overlaps(r) }) {
                        if out[k].range.count < r.count { out[k] = ServiceMention(range: r, draft: d) }
                        continue
                    }
                    out.append(ServiceMention(range: r, draft: d))
                }
            }
        }
        if let current, out.isEmpty || !out.contains(where: { $0.draft == current }) {
            for clause in sc.clauses() {
                let r = sc.stripWords(clause, leading: ["\u{201C}"] + PublicServiceExtractor.backReferenceLeads, trailing: [])
                // `中心…` refers to the current service, or — after a window was named — to the
                // most mentioned service with that head
                guard let d = ([current] + drafts.indices.sorted { drafts[$0].mentionCount > drafts[$1].mentionCount })
                        .first(where: { sc.matches(drafts[$0].head, at: r.lowerBound) }) else { continue }
                let end = r.lowerBound + drafts[d].head.scalarCount
                guard end < sc.count, PublicServiceExtractor.backReferenceFollowers.contains(sc.s[end]),
                      !out.contains(where: { $0.range.contains(r.lowerBound) }) else { continue }
                out.append(ServiceMention(range: r.lowerBound..<end, draft: d, isBackReference: true))
            }
        }
        for m in out { drafts[m.draft].mentionCount += 1 }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The service the article is mainly about: most mentions, earliest on ties.
    var primary: Int? {
        drafts.indices.max { a, b in drafts[a].mentionCount < drafts[b].mentionCount || (drafts[a].mentionCount == drafts[b].mentionCount && a > b) }
    }

    /// Ties a programme (`“平服365”企业综合服务平台`) to a draft, with its quoted name as an alias.
    mutating func addProgramme(_ name: String, alias: String, sentence: Int, to d: Int) {
        guard !drafts[d].fact.programmes.contains(where: { $0.value == name }) else { return }
        drafts[d].fact.programmes.append(Sourced(name, sentence: sentence))
        let bare = alias.trimmingCharacters(in: CharacterSet(charactersIn: "\u{201C}\u{201D}\""))
        for a in [bare, name] where !drafts[d].fact.aliases.contains(a) { drafts[d].fact.aliases.append(a) }
    }
}
