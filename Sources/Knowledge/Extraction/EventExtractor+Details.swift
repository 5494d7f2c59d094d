import Foundation

/// Venue, theme, organisers, who may enter and what entrants get.
///
/// | sentence (normalised)                                       | reads                                     |
/// |-------------------------------------------------------------|-------------------------------------------|
/// | `…大赛启动仪式在广陈镇举行`                                  | venue `广陈镇`                             |
/// | `本次大赛以“学习20大奋进新征程”为主题,由A、B联合主办,C承办`   | theme, organisers A B, undertaker C        |
/// | `参赛选手主要面向农业主体、科研人员…等各类…创新创业者`        | eligibility `农业主体` `科研人员` …        |
/// | `参赛项目在2年内落户平湖的还能享受…政策`                      | benefit (the whole clause, as printed)     |
extension EventExtractor {
    /// Verbs after `在X` that make X the venue.
    static let venueVerbs = ["拉开帷幕", "落下帷幕", "闭幕", "举行", "举办", "开幕", "开赛", "启动", "召开", "落幕", "进行", "开展", "揭幕"]
    /// Adverbs between a venue and its verb (`在东湖隆重举行`).
    static let venueAdverbs = ["隆重", "正式", "顺利", "成功", "圆满"]
    /// Venues that only point at the page's own place; the headline may name it (`在我县举行` → `在嘉善举行`).
    static let deicticPlaces: Set<String> = ["我县", "我市", "我区", "我镇", "本县", "本市", "本区", "本镇", "当地"]
    /// Organiser verbs and roles, longest first. `举办`/`牵头` count only after `由`.
    static let organiserVerbs: [(String, OrganiserRole, Bool)] = [("联合主办", .organiser, false), ("共同主办", .organiser, false),
                                                                 ("联合举办", .organiser, true), ("主办", .organiser, false),
                                                                 ("承办", .undertaker, false), ("协办", .coOrganiser, false),
                                                                 ("举办", .organiser, true), ("牵头", .organiser, true)]
    /// Endings of organisation names.
    static let organisationEndings = ["局", "办", "办公室", "室", "委", "会", "处", "中心", "公司", "政府", "街道", "部", "院", "校", "集团", "银行", "团",
                                      "所", "站", "馆", "社", "台", "镇", "市", "县", "区", "联", "协", "联盟", "协会", "平台", "基地"]
    /// Cues that introduce who may enter, with the entrants after them.
    static let entrantLeads = ["参赛对象为", "报名对象为", "参赛对象是", "参赛范围为", "参赛者须为", "参赛选手须为", "面向"]
    /// Cues after which entrants end (`凡…均可报名`, `…就能参加…`).
    static let entrantTails = ["均可报名", "均可参加", "均可参赛", "都可以报名", "都可报名", "皆可报名", "就能参加", "就可参加", "即可参加",
                               "可以参加", "可报名参加", "踊跃报名", "报名参加", "也可报名", "也可参赛", "也可参加", "也能报名", "均可申报",
                               "均可参与"]
    /// Words that must be in the sentence for `面向…` to name entrants.
    static let entrantContext = ["参赛", "选手", "报名", "对象", "大赛", "比赛", "赛事", "征集"]
    /// Cues of what entrants get besides prizes.
    static let benefitCues = ["还能享受", "还可享受", "可享受", "能享受", "将享受", "享受", "给予", "可获得", "将获得", "优先推荐"]
    /// Discourse words dropped from the start of a benefit.
    static let benefitLeads = ["除此之外", "此外", "比如", "例如", "同时", "另外", "其中"]

    /// `在X举行|举办…`; a deictic `我县` is replaced by the headline's venue when it names one.
    static func venues(in sc: SentenceScanner, title: SentenceScanner) -> [Found<String>] {
        var out: [Found<String>] = []
        for f in venueSpans(in: sc) {
            var value = sc.original(f)
            if deicticPlaces.contains(sc.text(f)), let t = venueSpans(in: title).first(where: { !deicticPlaces.contains(title.text($0)) }) {
                value = title.original(t)
            }
            out.append(Found(range: f, value: value))
        }
        return out
    }

    private static func venueSpans(in sc: SentenceScanner) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for z in sc.occurrences(of: "在") {
            let clause = sc.clause(around: z)
            guard let v = venueVerbs.compactMap({ sc.occurrences(of: $0, in: (z + 1)..<min(clause.upperBound, z + 20)).first }).min() else { continue }
            let r = sc.stripWords((z + 1)..<v, leading: [], trailing: venueAdverbs)
            if (2...14).contains(r.count), r.allSatisfy({ ScalarClass.isWordScalar(sc.s[$0]) || "()·#".unicodeScalars.contains(sc.s[$0]) }) {
                out.append(r)
            }
        }
        return out
    }

    /// `以“X”为主题`, `主题为“X”`: X as printed.
    static func themes(in sc: SentenceScanner) -> [Found<String>] {
        var out: [Found<String>] = []
        for i in sc.occurrences(of: "为主题") where i > 0 {
            if let q = sc.quotation(closingAt: i - 1, maxLength: 40), q.lowerBound > 0, sc.s[q.lowerBound - 1] == "以" {
                out.append(Found(range: q, value: sc.original((q.lowerBound + 1)..<(q.upperBound - 1))))
            }
        }
        for i in sc.occurrences(of: "主题为") {
            if let q = sc.quotation(openingAt: i + 3, maxLength: 40) { out.append(Found(range: q, value: sc.original((q.lowerBound + 1)..<(q.upperBound - 1)))) }
        }
        return out
    }

    /// `由A、B联合主办`, `C承办`, `主办单位为D`: one entry per organisation.
    static func organisers(in sc: SentenceScanner) -> [Found<(name: String, role: OrganiserRole)>] {
        var out: [Found<(name: String, role: OrganiserRole)>] = []
        var used = Set<Int>()
        for clause in sc.clauses() {
            for (verb, role, needsYou) in organiserVerbs {
                for v in sc.occurrences(of: verb, in: clause) where !used.contains(v + verb.scalarCount) {
                    let you = sc.occurrences(of: "由", in: clause.lowerBound..<v).last
                    if needsYou && you == nil { continue }
                    var list = ((you.map { $0 + 1 }) ?? clause.lowerBound)..<v
                    if sc.matches("单位为", at: v + verb.scalarCount) || sc.matches("方为", at: v + verb.scalarCount) {
                        list = (sc.find("为", from: v)! + 1)..<clause.upperBound
                    }
                    let items = organisationItems(in: list, sc: sc)
                    guard !items.isEmpty else { continue }
                    used.insert(v + verb.scalarCount)
                    out.append(contentsOf: items.map { Found(range: $0, value: (sc.original($0), role)) })
                }
            }
        }
        return out
    }

    /// The organisations listed in `range`; empty unless every item ends like an organisation.
    private static func organisationItems(in range: Range<Int>, sc: SentenceScanner) -> [Range<Int>] {
        func isOrganisation(_ r: Range<Int>) -> Bool {
            let t = sc.text(r)
            return (3...24).contains(r.count) && organisationEndings.contains { t.hasSuffix($0) }
                && r.allSatisfy { ScalarClass.isWordScalar(sc.s[$0]) || "()·".unicodeScalars.contains(sc.s[$0]) }
        }
        let items = sc.enumerationItems(in: sc.stripWords(range, leading: ["并", "还", "将"], trailing: ["联合", "共同"]),
                                        splitLastAt: { isOrganisation($0) && isOrganisation($1) })
        return items.allSatisfy(isOrganisation) ? items : []
    }

    /// Who may enter: the entrants after `面向`/`参赛对象为`, or before `均可报名`/`就能参加`.
    static func eligibility(in sc: SentenceScanner) -> [Found<String>] {
        var out: [Found<String>] = []
        for lead in entrantLeads {
            for i in sc.occurrences(of: lead) {
                if lead == "面向", !entrantContext.contains(where: { sc.contains($0) }) { continue }
                let r = sc.stripWords((i + lead.scalarCount)..<sc.clause(around: i).upperBound, leading: [], trailing: [])
                let items = entrantItems(sc.enumerationItems(in: r), in: sc)
                out.append(contentsOf: items.filter { (2...40).contains($0.count) }.map { Found(range: $0, value: sc.original($0)) })
            }
        }
        for tail in entrantTails {
            for i in sc.occurrences(of: tail) where !out.contains(where: { sc.clause(around: i).contains($0.range.lowerBound) }) {
                let clause = sc.clause(around: i)
                let fan = sc.occurrences(of: "凡", in: clause.lowerBound..<i).first
                let r = sc.stripWords(((fan.map { $0 + 1 }) ?? clause.lowerBound)..<i, leading: ["\u{201C}", "欢迎"], trailing: ["的", "均", "都"])
                if (2...40).contains(r.count) { out.append(Found(range: r, value: sc.original(r))) }
            }
        }
        return out + ageLimits(in: sc, besides: out)
    }

    /// What entrants get besides prizes: each benefit clause with the conditions printed before it.
    static func benefits(in sc: SentenceScanner) -> [Found<String>] {
        var out: [Found<String>] = []
        var start = 0
        var cues: [(Int, String)] = []
        for c in benefitCues { for i in sc.occurrences(of: c) where !cues.contains(where: { abs($0.0 - i) < 3 }) { cues.append((i, c)) } }
        for (i, _) in cues.sorted(by: { $0.0 < $1.0 }) {
            let clause = sc.clause(around: i)
            // a prize clause (`一等奖可获得奖金…`) is no benefit; `获奖项目还可享受…` is
            guard clause.upperBound > start, sc.occurrences(of: "奖金", in: clause).isEmpty, sc.occurrences(of: "等奖", in: clause).isEmpty else { continue }
            var r = max(start, 0)..<clause.upperBound
            var previous = -1
            while previous != r.lowerBound {
                previous = r.lowerBound
                r = sc.stripWords(r, leading: benefitLeads + [","], trailing: [])
            }
            if r.count >= 4 { out.append(Found(range: r, value: sc.original(r))) }
            start = clause.upperBound + 1
        }
        return out
    }
}

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
                let after = k + w.scalarCount
                let bounded = ageBounds.contains { sc.matches($0, at: after) }
                    || ageLeads.contains { l in d >= l.scalarCount && sc.matches(l, at: d - l.scalarCount) }
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
