import Foundation

/// Who may enter, beyond a list after `面向`: items that only qualify the next one, and age limits.
///
/// | sentence (normalised)                                         | eligibility (as printed)                      |
/// |---------------------------------------------------------------|-----------------------------------------------|
/// | `面向已在桐乡注册登记、成立不满3年的企业`                       | `已在桐乡注册登记、成立不满3年的企业` (one)     |
/// | `参赛项目负责人须为18至40周岁(…后出生)的青年`                   | the clause                                    |
/// | `选手年龄须在45周岁以下`, `年龄在18至35周岁之间`                 | the clause                                    |
extension EventExtractor {
    /// Words that open an item qualifying the next one (`已在…注册`, `尚未注册`), not an entrant of its own.
    static let qualifierStarts = ["尚未", "已在", "已经", "已", "未", "在本地", "具有", "具备", "持有", "拥有", "年满", "从事", "注册"]
    /// Words of an age limit after `N周岁`/`N岁`.
    static let ageBounds = ["以下", "以上", "之间", "以内", "及以下", "及以上", "至", "到", "-", "~", "—"]
    /// Words before an age that make it a limit (`不超过40周岁`, `年满18周岁`).
    static let ageLeads = ["不超过", "不满", "未满", "年满", "满", "超过"]
    /// Words in the phrase that make an age a condition of entry, not a report (`已有18至40周岁的青年300人报名`).
    static let conditionWords = ["须", "需", "应", "要求", "限", "年龄", "面向", "凡", "均可", "可报名", "条件", "为主"]

    /// Enumeration items with a qualifier joined to the item it qualifies (`已在桐乡注册登记` + `成立…的企业`).
    static func entrantItems(_ items: [Range<Int>], in sc: SentenceScanner) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var pending: Range<Int>?
        for (i, item) in items.enumerated() {
            let r = pending.map { $0.lowerBound..<item.upperBound } ?? item
            let qualifies = i + 1 < items.count && qualifierStarts.contains { sc.matches($0, at: item.lowerBound) }
                && !sc.matches("在校", at: item.lowerBound) && sc.occurrences(of: "的", in: item).isEmpty
                && !sc.occurrences(of: "的", in: items[i + 1]).isEmpty
            if qualifies { pending = r } else { out.append(r); pending = nil }
        }
        return out
    }

    /// Phrases that set an age limit for entrants (`须为18至40周岁的青年`, `年龄在45周岁以下`), as
    /// printed, unless an entrant already read lies in the same phrase.
    static func ageLimits(in sc: SentenceScanner, besides found: [Found<String>]) -> [Found<String>] {
        guard entrantContext.contains(where: { sc.contains($0) }) || sc.contains("负责人") || sc.contains("年龄") else { return [] }
        var out: [Found<String>] = []
        for w in ["周岁", "岁"] {
            for k in sc.occurrences(of: w) where k > 0 && ScalarClass.isDigit(sc.s[k - 1]) {
                if w == "岁", k > 0, sc.s[k - 1] == "周" { continue }
                var d = k
                while d > 0, ScalarClass.isDigit(sc.s[d - 1]) { d -= 1 }
                let after = k + w.unicodeScalars.count
                let bounded = ageBounds.contains { sc.matches($0, at: after) }
                    || ageLeads.contains { l in d >= l.unicodeScalars.count && sc.matches(l, at: d - l.unicodeScalars.count) }
                    || ["至", "到", "-", "~", "—"].contains { c in d >= 1 && sc.matches(c, at: d - 1) }
                guard bounded else { continue }
                let phrase = sc.phraseStart(before: d)..<sc.phrase(from: d).upperBound
                guard sc.firstWord(of: conditionWords, in: phrase) != nil,
                      !found.contains(where: { phrase.contains($0.range.lowerBound) }),
                      !out.contains(where: { $0.range == phrase }) else { continue }
                let r = sc.stripWords(phrase, leading: benefitLeads + ["并且", "并", "且"], trailing: ["。"])
                if (4...60).contains(r.count) { out.append(Found(range: r, value: sc.original(r))) }
            }
        }
        return out
    }
}
