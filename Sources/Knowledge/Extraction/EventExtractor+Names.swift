import Foundation

/// An event name found in a sentence.
struct EventCandidate {
    /// The name without any sponsor quotation before it.
    var range: Range<Int>
    /// The name as printed.
    var printed: String
    /// The ending it was found by (`大赛`).
    var suffix: String
    /// Grouping key: normalised name without quotes, ordinal, year or place prefix.
    var core: String
    /// Content of the first quotation inside the name (`田园五镇`), normalised.
    var quoted: String?
    /// Content of a sponsor quotation before the name (`农商银行杯`), as printed.
    var sponsor: String?
    /// Alternative forms derived from the name (without ordinal, quotes, place), normalised.
    var variants: [String]
}

/// Event names and their grouping keys.
///
/// | sentence (normalised)                                           | name                                   | core                   |
/// |-----------------------------------------------------------------|----------------------------------------|------------------------|
/// | `…暨“农商银行杯”第6届“田园五镇”农业农村创新创业大赛启动仪式…`     | `第六届“田园五镇”农业农村创新创业大赛` | `田园五镇农业农村创新创业大赛` |
/// | `嘉兴市第4届红色故事讲解员大赛在我县举行`                        | `嘉兴市第四届红色故事讲解员大赛`        | `红色故事讲解员大赛`   |
/// | `参加各届大赛`, `本次大赛`, `第十三届大赛`                       | – (a back-reference at most)            |                        |
extension EventExtractor {
    /// Event names ending in `suffixes` (longest first, `longestFirst`), longest names only
    /// (`平湖市第15届运动会成人部赛艇项目比赛`).
    static func candidates(in sc: SentenceScanner, suffixes: [String]) -> [EventCandidate] {
        var out: [EventCandidate] = []
        var takenEnds = Set<Int>()
        for suffix in suffixes {
            let n = suffix.scalarCount
            for i in sc.occurrences(of: suffix) where !takenEnds.contains(i + n) {
                let end = i + n
                if suffix == "节", end < sc.count, ScalarClass.isHan(sc.s[end]), !"在于将举开启期现上暨的正已还为由以和".unicodeScalars.contains(sc.s[end]) { continue }
                guard var span = NameFinder.quotedNameSpan(in: sc.s, endingAt: end, suffixLength: n, maxLength: 32, extraBoundaries: ["暨"]) else { continue }
                if span.lowerBound > 0, boundaryWordStarts.contains(sc.text((span.lowerBound - 1)..<(span.lowerBound + 1))) {
                    span = (span.lowerBound - 1)..<span.upperBound
                }
                var r = sc.stripWords(span, leading: nameLeads, trailing: [])
                var sponsor: String?
                if let q = sc.quotation(openingAt: r.lowerBound), sc.s[q.upperBound - 2] == "杯", q.upperBound < r.upperBound - n {
                    sponsor = sc.original((q.lowerBound + 1)..<(q.upperBound - 1))
                    r = q.upperBound..<r.upperBound
                }
                let text = sc.text(r)
                guard r.count - n >= 2, !startsWithQuantifier(r, in: sc), !PublicServiceExtractor.isCounted(r.lowerBound, in: sc),
                      !notFestivals.contains(where: { text.hasSuffix($0) }) else { continue }
                let keys = coreForms(of: r, in: sc)
                // `第十三届大赛` refers back to an event named elsewhere: nothing but its ordinal
                // before the kind word, it names none.
                guard keys.core.scalarCount - n >= 2 else { continue }
                takenEnds.insert(end)
                let quoted = sc.quotedTerms(in: r).first?.value
                out.append(EventCandidate(range: r, printed: sc.original(r), suffix: suffix, core: keys.core, quoted: quoted,
                                          sponsor: sponsor, variants: keys.variants))
            }
        }
        // keep the longest of nested names
        let kept = out.filter { c in !out.contains { o in o.range != c.range && o.range.lowerBound <= c.range.lowerBound && o.range.upperBound >= c.range.upperBound } }
        return kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Words that begin with a character `NameFinder` treats as a boundary (`共` of `共同富裕`).
    static let boundaryWordStarts: Set<String> = ["共同", "共享", "共富", "和谐", "和美", "对口", "为民", "经济", "等级"]

    /// Characters that cannot start an event name (`各届大赛`, `多个活动`).
    static let quantifierStarts: Set<Unicode.Scalar> = Set("一二两三几多各每该此这那其某".unicodeScalars)

    /// Whether the name opens with a quantifier or a number that is not a year (`2023年…` may open a name).
    static func startsWithQuantifier(_ r: Range<Int>, in sc: SentenceScanner) -> Bool {
        let c = sc.s[r.lowerBound]
        if quantifierStarts.contains(c) { return true }
        guard ScalarClass.isDigit(c) else { return false }
        guard let (_, e) = sc.integer(at: r.lowerBound), e - r.lowerBound == 4, e < sc.count, sc.s[e] == "年" else { return true }
        return false
    }

    /// The core of a name (quotes, `第N届`, a leading year and place dropped) and the forms on the way.
    static func coreForms(of r: Range<Int>, in sc: SentenceScanner) -> (core: String, variants: [String]) {
        var plain: [Unicode.Scalar] = []
        var bare: [Unicode.Scalar] = []
        var i = r.lowerBound
        while i < r.upperBound {
            let c = sc.s[i]
            // 第6届 / 第134期 and a leading year 2023年
            if c == "第", let (_, e) = sc.integer(at: i + 1), e < r.upperBound, "届期次".unicodeScalars.contains(sc.s[e]) { i = e + 1; continue }
            if i == r.lowerBound, let (_, e) = sc.integer(at: i), e - i == 4, e < r.upperBound, sc.s[e] == "年" { i = e + 1; continue }
            if c != "\u{201C}" && c != "\u{201D}" { bare.append(c) }
            plain.append(c)
            i += 1
        }
        let stripped = String(scalars: bare)
        var variants = [String(scalars: plain), stripped]
        // short forms drop a place prefix, never a quoted term that merely ends like one (`田园五镇`)
        let quoted = sc.quotedTerms(in: r).map(\.value)
        variants.append(contentsOf: NameFinder.shortForms(of: stripped).filter { f in
            f.count >= 4 && !quoted.contains { q in q.contains(String(stripped.dropLast(f.count))) }
        })
        // `中国·姚庄桃花节`: drop what precedes a middle dot too
        if let dot = stripped.lastIndex(of: "·") { variants.append(String(stripped[stripped.index(after: dot)...])) }
        let core = variants.dropFirst().min { $0.count < $1.count } ?? stripped
        return (core, Array(NSOrderedSet(array: variants).compactMap { $0 as? String }))
    }
}
