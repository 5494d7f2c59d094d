import Foundation

/// What a service point offers, how fast it promises to act and what it has achieved.
///
/// | sentence (normalised)                                          | reads                                         |
/// |----------------------------------------------------------------|-----------------------------------------------|
/// | `将移民服务、外国人才服务延伸至涉外企业“家门口”`                   | offers `移民服务` `外国人才服务`               |
/// | `对简单的涉企问题,30分钟内直接办结`                              | (`简单的涉企问题`, `直接办结`, 30分钟)          |
/// | `确保在3个工作日内完成一般类问题的办理`                          | (`一般类问题`, `完成办理`, 3个工作日)            |
/// | `承诺一般事项2个工作日内办结`                                    | (`一般事项`, `办结`, 2个工作日)                  |
/// | `企服中心共处理问题诉求1045件,办结率达99.3%`                      | results `处理问题诉求 1045件`, `办结率 99.3%`   |
extension PublicServiceExtractor {
    /// Verbs that carry what is offered to the place it reaches (`将A、B延伸至…`).
    static let reachVerbs = ["延伸至", "延伸到", "拓展至", "下沉至", "覆盖至", "送到", "送至"]
    /// Words naming sections of a service point (`项目服务、政策服务等8大服务板块`).
    static let sectionWords = ["板块", "专区", "功能区"]
    /// Verbs that set sections up (`设置`, `开设`).
    static let sectionCues = ["设置", "设有", "开设", "设立", "整合", "包括", "涵盖"]
    /// Verbs of a service done for someone, counted at the end of the clause (`为…联办57人`).
    static let casework = ["联办", "代办", "帮办", "办理", "受理"]
    /// Words that make a timed clause a commitment (`30分钟内直接办结`).
    static let commitmentActions = ["办结", "办理", "办好", "完成", "回复", "答复", "回响", "响应", "反馈", "处理", "解决", "到场",
                                    "到达", "受理", "审批", "出证", "回应", "联系", "上门"]
    /// Verbs that open `完成X的办理`: the X is the scope, the verbs the action.
    static let completionVerbs = ["完成", "做好", "实现", "做出", "作出", "给予"]
    /// Promise words; what follows them up to the time limit is the scope (`承诺一般事项…`).
    static let promiseWords = ["承诺", "确保", "保证", "做到", "力争", "要求"]
    /// Words between a scope and the time limit.
    static let limitLeads = ["会在", "将在", "须在", "要在", "能在", "可在", "均在", "需在", "一律", "均", "在", "于"]

    /// Offers named in a sentence about the service: `提供A、B等服务`, `提供…23项涉外服务`, `可办理A、B等业务`.
    static func offersNamed(in sc: SentenceScanner) -> [Found<String>] {
        var out: [Found<String>] = []
        for (cue, allowCount) in [("提供", true), ("可办理", false), ("能办理", false)] {
            for i in sc.occurrences(of: cue) {
                let object = sc.stripWords((i + cue.scalarCount)..<sc.clause(around: i).upperBound, leading: ["更多", "更加"], trailing: [])
                guard !object.isEmpty else { continue }
                if let a = sc.looseAmounts(units: ["项", "个", "类"], in: object).first {
                    let noun = a.range.upperBound..<object.upperBound
                    if allowCount, (2...10).contains(noun.count), noun.allSatisfy({ ScalarClass.isHan(sc.s[$0]) }) {
                        out.append(Found(range: noun, value: sc.original(noun)))
                    }
                    continue
                }
                // `提供英语、韩语咨询和签证材料预审服务`: split at 和, and `英语` shares the head `咨询`
                let split = sc.enumerationItems(in: object, splitLastAt: { $0.count >= 2 && $1.count >= 4 })
                out.append(contentsOf: items(sharingHeads(split, in: sc), in: sc))
            }
        }
        return out
    }

    /// Short items that share the next item's head (`英语`、`韩语咨询`) joined to it as printed
    /// (`英语、韩语咨询`); items of equal weight (`社保`、`医保`) stay apart.
    static func sharingHeads(_ items: [Range<Int>], in sc: SentenceScanner) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var pending: Range<Int>?
        for (i, item) in items.enumerated() {
            let r = pending.map { $0.lowerBound..<item.upperBound } ?? item
            let next = i + 1 < items.count ? items[i + 1] : nil
            if let next, item.count <= 3, next.count - item.count >= 2, next.count - item.count <= 4,
               item.allSatisfy({ ScalarClass.isHan(sc.s[$0]) }) {
                pending = r
            } else {
                out.append(r)
                pending = nil
            }
        }
        return out
    }

    /// Offers the article gives without naming the service again: reach, sections, casework.
    static func offersAnywhere(in sc: SentenceScanner) -> [Found<String>] {
        var out: [Found<String>] = []
        for verb in reachVerbs {
            for v in sc.occurrences(of: verb) {
                let clause = sc.clause(around: v)
                guard let jiang = (sc.occurrences(of: "将", in: clause.lowerBound..<v) + sc.occurrences(of: "把", in: clause.lowerBound..<v)).max() else { continue }
                out.append(contentsOf: items(sc.enumerationItems(in: (jiang + 1)..<v), in: sc))
            }
        }
        for word in sectionWords {
            for w in sc.occurrences(of: word) {
                let clause = sc.clause(around: w)
                guard let deng = sc.occurrences(of: "等", in: max(clause.lowerBound, w - 8)..<w).last,
                      let cue = sectionCues.compactMap({ c in sc.occurrences(of: c, in: clause.lowerBound..<deng).last.map { $0 + c.scalarCount } }).max()
                else { continue }
                out.append(contentsOf: items(sc.enumerationItems(in: cue..<(deng + 1)), in: sc))
            }
        }
        for clause in sc.clauses() {
            guard let a = sc.looseAmounts(units: ["人次", "人", "件", "次", "家", "户"], in: clause).last, a.range.upperBound == clause.upperBound,
                  let verb = casework.first(where: { a.range.lowerBound >= $0.scalarCount && sc.matches($0, at: a.range.lowerBound - $0.scalarCount) }),
                  let wei = sc.occurrences(of: "为", in: clause.lowerBound..<a.range.lowerBound).first else { continue }
            let r = (wei + 1)..<a.range.lowerBound
            if (verb.count + 2...24).contains(r.count) { out.append(Found(range: r, value: sc.original(r))) }
        }
        return out
    }

    /// Offer items: the part after any `的`, 2–16 word characters or quotes (a `、` inside for shared heads).
    private static func items(_ ranges: [Range<Int>], in sc: SentenceScanner) -> [Found<String>] {
        ranges.compactMap { r0 in
            var r = r0
            if let de = sc.occurrences(of: "的", in: r).last { r = (de + 1)..<r.upperBound }
            guard (2...16).contains(r.count), r.allSatisfy({ ScalarClass.isWordScalar(sc.s[$0]) || "“”、".unicodeScalars.contains(sc.s[$0]) }),
                  !sc.matches("、", at: r.lowerBound), !sc.matches("、", at: r.upperBound - 1) else { return nil }
            return Found(range: r, value: sc.original(r))
        }
    }

    /// Figures of a sentence that names a service, about it: no subject of their own, or its name.
    static func results(in sc: SentenceScanner, registry: ServiceRegistry, named: Set<Int>) -> [Found<Figure>] {
        guard !named.isEmpty else { return [] }
        return FigureExtractor.figures(in: sc, article: registry.article).filter { f in
            let subject = f.value.subject.lowercased()
            return subject.isEmpty || named.contains { d in
                registry.drafts[d].keys.contains(subject) || registry.drafts[d].fact.allNames.contains(f.value.subject)
                    || subject == registry.drafts[d].head
            }
        }
    }
}
