import Foundation

/// Reads reported figures — subject, measure, value — from clauses that end in an amount.
///
/// | clause (normalised)                       | subject             | measure        | value     | qualifier |
/// |-------------------------------------------|---------------------|----------------|-----------|-----------|
/// | `专业化物业服务覆盖率达到90.18%`          | `专业化物业服务`     | `覆盖率`       | `90.18%`  | `达到`    |
/// | `全行“惠农e贷”余额近15亿元`                | `全行“惠农e贷”`      | `余额`         | `15亿元`  | `近`      |
/// | `全县实施专业物业管理住宅小区总计294个`     | `全县实施…住宅小区`  | `数量`         | `294个`   | `总计`    |
/// | `企服中心共处理问题诉求1045件`              | `企服中心`           | `处理问题诉求` | `1045件`  | `共`      |
/// | `办理企业商务类出境证件638人次`             | –                    | `办理企业…证件` | `638人次` | –         |
/// | `1306项跨省事项“一窗通办”`                  | `跨省事项`           | `一窗通办`     | `1306项`  | –         |
///
/// Only amounts that end their clause count (`400万元的研发资金` is not a figure), never dates,
/// times or phone numbers (their units are not in `units`). A clause with no subject of its own
/// right after a figure clause takes that figure's subject (`…1045件,办结率达99.3%`); a bare
/// growth clause (`同比增长14.3%`) takes its measure too.
enum FigureExtractor {
    /// Units a figure may end in (after any `万`/`亿`), longest first at match time.
    static let units = ["个百分点", "%", "元", "美元", "欧元", "平方公里", "平方米", "公里", "千米", "米", "公顷", "亩", "吨",
                        "千瓦时", "千瓦", "个", "项", "家次", "家", "件", "人次", "人", "户", "份", "所", "条", "辆", "套",
                        "台", "座", "名", "位", "批", "场", "倍"]
    /// Units that count things: an implicit measure after a count verb is `数量`.
    static let countUnits: Set<String> = ["个", "项", "家次", "家", "件", "人次", "人", "户", "份", "所", "条", "辆", "套",
                                          "台", "座", "名", "位", "批", "场"]
    /// Currency units: an implicit measure after a count verb is `总额`.
    static let currencyUnits: Set<String> = ["元", "美元", "欧元"]

    /// Measure terms, matched at the end of the words before the verb, longest first.
    static let measureTerms = [
        "人均可支配收入", "可支配收入", "总建筑面积", "建筑面积", "占地面积", "用地面积", "面积", "建筑高度", "总高度",
        "高度", "总长度", "长度", "宽度", "深度", "总容量", "容量", "年产值", "总产值", "产值", "增加值", "年销售额",
        "销售额", "营业额", "交易额", "成交额", "进出口总额", "进出口额", "出口额", "进口额", "贸易额", "总额", "金额",
        "贷款余额", "存款余额", "余额", "融资额", "投资额", "总投资", "营业收入", "营收", "总收入", "财政收入", "收入",
        "利润", "利税", "税收", "研发费用", "研发投入", "成本", "总量", "产量", "销量", "客流量", "人流量", "人数",
        "总人数", "户数", "总数", "增速", "增幅", "占比", "比重", "回访满意率", "群众满意率", "综合满意率", "按时办结率",
    ]
    /// Heads that make a measure of the two characters before them (`覆盖率`, `办结率`, `业务量`, `交易额`).
    static let measureHeads: Set<Unicode.Scalar> = ["率", "额", "量"]

    /// Words between the measure and the amount. Approximations win as the printed qualifier.
    static let approximations = ["超过", "超出", "超", "逾", "将近", "接近", "近", "约为", "约", "突破", "高达"]
    /// Verbs that state a level or a total.
    static let levelVerbs = ["达到了", "达到", "达", "为", "是", "仅", "总计", "共计", "合计", "累计", "共有", "共"]
    /// Count verbs: with no measure word, the figure is a count (`总计294个`).
    static let countVerbs: Set<String> = ["总计", "共计", "合计", "累计", "共有", "共"]
    /// Growth verbs: the measure becomes `<measure><verb>` (`产值增长`).
    static let growthVerbs = ["增长", "下降", "提高", "提升", "增加", "减少", "降低"]
    /// Modal words around the verb; the first three mark a target.
    /// Words a verb run before a figure is made of (`预计将达到`).
    static let runWords = approximations + levelVerbs + growthVerbs + modalWords
    static let measureTermsLongestFirst = longestFirst(measureTerms)
    static let modalWords = ["将", "有望", "预计", "已经", "已", "可", "均", "分别", "同比", "了", "也", "还"]
    /// Words that make a figure a plan or forecast rather than a result.
    static let targetWords: Set<String> = ["将", "有望", "预计", "计划", "力争", "争取", "目标"]

    /// Cues before a verb phrase that totals something (`共处理问题诉求1045件`).
    static let totalCues = ["已累计", "累计", "共计", "总计", "合计", "共"]
    /// Characters after `共` that make it part of a word (`共同`, `共享`), not "in total".
    static let gongWordFollowers: Set<Unicode.Scalar> = Set("同享建治富识赢谋商用性管".unicodeScalars)
    /// Verbs that open a clause whose object is counted (`办理…638人次`, `新增意向订单超…`).
    static let actionVerbs = ["办理", "签发", "受理", "处理", "服务", "接待", "发放", "投放", "新增", "引进", "培训", "帮助",
                              "解决", "办结", "惠及", "带动", "吸纳", "联办", "调解", "救助", "走访"]

    /// Words dropped from the start of a subject.
    static let subjectLeads = ["截至目前", "可实现", "实现", "完成", "取得", "其中", "同时", "此外", "另外", "而且", "而", "并", "且", "其", "还", "也", "均", "此次",
                               "本次", "涉及", "包括", "目前", "当前", "已经", "已", "数据显示"]
    /// Time words at the start of a subject that belong to the period (`去年`, `全年`).
    static let leadingTimeWords = ["今年以来", "近年来", "今年", "去年", "明年", "全年", "上半年", "下半年", "当年", "年内"]
    /// Words dropped from the end of a subject (`公司实现产值…` → `公司`).
    static let subjectTails = ["的", "可实现", "实现", "完成", "达成", "拥有", "可", "共", "累计", "已", "将"]

    /// Adds every figure of the article to the store.
    static func extract(from context: ArticleContext, into store: inout FactStore) {
        for scanner in context.scanners {
            store.figures.append(contentsOf: figures(in: scanner, article: context.index).map(\.value))
        }
    }

    /// The figures of one sentence, each with the range of its clause.
    static func figures(in scanner: SentenceScanner, article: Int) -> [Found<Figure>] {
        var out: [Found<Figure>] = []
        var previous: (figure: Figure, clauseEnd: Int)?
        for clause in scanner.clauses() {
            var left = clause.lowerBound
            for amount in scanner.looseAmounts(units: units, in: clause) {
                guard isStandalone(amount.range, clause: clause, in: scanner) else {
                    if amount.range.lowerBound == clause.lowerBound, countUnits.contains(amount.value.unit),
                       let figure = leadingCount(amount, clause: clause, in: scanner, article: article) {
                        out.append(Found(range: clause, value: figure))
                    }
                    continue
                }
                let inherited = previous.flatMap { p -> Figure? in
                    left == clause.lowerBound && joins(p.clauseEnd, clause.lowerBound, in: scanner) ? p.figure : nil
                }
                if var figure = reading(amount, from: left, clause: clause, in: scanner, article: article, previous: inherited) {
                    if figure.period == nil { figure.period = period(before: clause.lowerBound, in: scanner) }
                    if !figure.isTarget { figure.isTarget = targetClause(before: clause.lowerBound, in: scanner) }
                    if !out.contains(where: { $0.value.measure == figure.measure && $0.value.value == figure.value }) {
                        out.append(Found(range: clause, value: figure))
                    }
                    previous = (figure, clause.upperBound)
                } else {
                    previous = nil
                }
                left = min(amount.range.upperBound + 1, clause.upperBound)
            }
            if scanner.looseAmounts(units: units, in: clause).isEmpty { previous = nil }
        }
        return out
    }

    /// An amount that ends its clause (or list item) and is not an ordinal or an identifier.
    private static func isStandalone(_ r: Range<Int>, clause: Range<Int>, in sc: SentenceScanner) -> Bool {
        let s = sc.s
        if r.lowerBound > 0 {
            let p = s[r.lowerBound - 1]
            if p == "第" || p == "#" || p == "-" || p == "." || ScalarClass.isASCIILetter(p) { return false }
        }
        var k = r.upperBound
        for tail in ["左右", "以上", "大关", "多"] where sc.matches(tail, at: k) { k += tail.scalarCount; break }
        return k >= clause.upperBound || s[k] == "、" || s[k] == "\u{201D}" || s[k] == ")"
    }

    /// Whether the clause starting at `start` follows the one ending at `end` after a comma.
    private static func joins(_ end: Int, _ start: Int, in sc: SentenceScanner) -> Bool {
        end < sc.count && sc.s[end] == "," && start == end + 1
    }

    /// Reads the figure whose amount is `amount`, looking left as far as `left`.
    private static func reading(_ amount: Found<Amount>, from left: Int, clause: Range<Int>, in sc: SentenceScanner,
                                article: Int, previous: Figure?) -> Figure? {
        let (runStart, run) = verbRun(before: amount.range.lowerBound, from: left, in: sc)
        // the growth verb goes into the measure (`产值增长`), so it is no qualifier
        let qualifier = run.first(where: { approximations.contains($0) }) ?? run.last(where: { levelVerbs.contains($0) })
            ?? (sc.isApproximate(amount.range) ? "余" : nil)
        let growth = run.first(where: { growthVerbs.contains($0) })
        let opening = sc.stripWords(clause, leading: ["\u{201C}"], trailing: [])
        var target = run.contains { targetWords.contains($0) } || FigureExtractor.targetOpeners.contains { sc.matches($0, at: opening.lowerBound) }
        func make(_ subject: Range<Int>?, _ measure: String) -> Figure {
            var subjectText = ""
            var period: String?
            if let subject {
                let parts = subjectParts(subject, in: sc)
                subjectText = parts.subject
                period = parts.period
                target = target || parts.target
            }
            if subjectText.isEmpty, let previous {
                subjectText = previous.subject
                period = period ?? previous.period
                target = target || previous.isTarget
            }
            return Figure(article: article, sentence: sc.sentenceID, subject: subjectText, measure: measure,
                          value: amount.value, qualifier: qualifier, period: period, isTarget: target)
        }
        // A: <subject><measure><verbs><amount>
        if let m = measureTerm(endingAt: runStart, from: left, in: sc) {
            return make(left..<m.lowerBound, sc.original(m) + (growth ?? ""))
        }
        // growth with no measure of its own continues the previous figure
        if let growth, sc.stripWords(left..<runStart, leading: ["同比"], trailing: []).isEmpty {
            guard let previous else { return nil }
            var f = make(nil, previous.measure.hasSuffix(growth) ? previous.measure : previous.measure + growth)
            f.subject = previous.subject
            f.isTarget = f.isTarget || previous.isTarget
            return f
        }
        // B/C: <subject><total cue><verb phrase>?<verbs><amount>
        if let cue = totalCue(in: left..<runStart, in: sc) {
            let phrase = sc.stripWords(cue.upperBound..<runStart, leading: ["已"], trailing: [])
            if phrase.isEmpty {
                guard run.contains(where: { countVerbs.contains($0) }) || countVerbs.contains(sc.text(cue)) else { return nil }
                let implicit = countUnits.contains(amount.value.unit) ? "数量" : currencyUnits.contains(amount.value.unit) ? "总额" : nil
                return implicit.map { make(left..<cue.lowerBound, $0) }
            }
            guard isVerbPhrase(phrase, in: sc) else { return nil }
            var f = make(left..<cue.lowerBound, sc.original(phrase))
            f.qualifier = f.qualifier ?? sc.original(cue)
            return f
        }
        if run.contains(where: { countVerbs.contains($0) }), countUnits.contains(amount.value.unit), runStart > left {
            return make(left..<runStart, "数量")
        }
        // C': <action verb><object><verbs><amount> at the start of the clause
        let object = sc.stripWords(left..<runStart, leading: ["已经", "已", "并", "还", "同时", "其中"], trailing: [])
        if actionVerbs.contains(where: { sc.matches($0, at: object.lowerBound) }), isVerbPhrase(object, in: sc) {
            return make(nil, sc.original(object))
        }
        return nil
    }

    /// The verbs, qualifiers and modal words right before `end`, read right to left.
    private static func verbRun(before end: Int, from left: Int, in sc: SentenceScanner) -> (Int, [String]) {
        var k = end
        var run: [String] = []
        while run.count < 5, let w = sc.longestWord(runWords, endingAt: k, from: left) {
            k -= w.scalarCount
            run.insert(w, at: 0)
        }
        return (k, run)
    }

    /// The measure term ending at `end` (lexicon first, then two characters and a head).
    private static func measureTerm(endingAt end: Int, from left: Int, in sc: SentenceScanner) -> Range<Int>? {
        for term in measureTermsLongestFirst {
            let n = term.scalarCount
            guard end - n >= left, sc.matches(term, at: end - n) else { continue }
            // 全年产值: the 年 belongs to the time word before it, not to 年产值
            if term.hasPrefix("年"), end - n - 1 >= left, leadingTimeWords.contains(sc.text((end - n - 1)..<(end - n + 1))) { continue }
            return (end - n)..<end
        }
        if end - 3 >= left, measureHeads.contains(sc.s[end - 1]), ScalarClass.isHan(sc.s[end - 2]), ScalarClass.isHan(sc.s[end - 3]) {
            return (end - 3)..<end
        }
        return nil
    }

    /// The last total cue in `range` that starts a verb phrase (not `共` of `共同`).
    private static func totalCue(in range: Range<Int>, in sc: SentenceScanner) -> Range<Int>? {
        var best: Range<Int>?
        for cue in totalCues {
            for i in sc.occurrences(of: cue, in: range) {
                let end = i + cue.scalarCount
                if cue == "共", end < sc.count, gongWordFollowers.contains(sc.s[end]) { continue }
                if best == nil || i > best!.lowerBound || (i == best!.lowerBound && end > best!.upperBound) { best = i..<end }
            }
        }
        return best
    }

    /// A short verb–object phrase: letters, Han characters and quotes, no digits.
    private static func isVerbPhrase(_ r: Range<Int>, in sc: SentenceScanner) -> Bool {
        (2...16).contains(r.count) && r.allSatisfy { ScalarClass.isHan(sc.s[$0]) || ScalarClass.isASCIILetter(sc.s[$0]) || "“”()".unicodeScalars.contains(sc.s[$0]) }
    }

    /// `1306项跨省事项“一窗通办”`: the noun is the subject, the quoted predicate the measure.
    private static func leadingCount(_ amount: Found<Amount>, clause: Range<Int>, in sc: SentenceScanner, article: Int) -> Figure? {
        guard let open = sc.occurrences(of: "\u{201C}", in: amount.range.upperBound..<clause.upperBound).first,
              let quote = sc.quotation(openingAt: open), quote.upperBound == clause.upperBound else { return nil }
        let noun = amount.range.upperBound..<open
        guard (2...8).contains(noun.count), noun.allSatisfy({ ScalarClass.isHan(sc.s[$0]) }) else { return nil }
        return Figure(article: article, sentence: sc.sentenceID, subject: sc.original(noun),
                      measure: sc.original((quote.lowerBound + 1)..<(quote.upperBound - 1)), value: amount.value)
    }
}
