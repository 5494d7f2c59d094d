import Foundation

/// Who runs a service point, where it is, when it was set up, how many services and windows it
/// has and which departments take part.
///
/// | sentence (normalised)                                   | reads                          |
/// |---------------------------------------------------------|--------------------------------|
/// | `今年9月,由县商务局牵头,…在县政务服务中心设立…中心`        | host `县商务局`, location `县政务服务中心`, set up `今年9月` |
/// | `中心位于海宁市海昌路88号,设有40个窗口,可办理300余项事项`  | location, windows `40个窗口`, count `300余项事项` |
/// | `为企业提供商务、外贸、外事等涉外部门23项涉外服务`         | departments `商务` `外贸` `外事`, count `23项涉外服务` |
extension PublicServiceExtractor {
    /// Endings of department and organisation names that can host a service point.
    static let departmentSuffixes = ["局", "委员会", "委", "办公室", "办", "厅", "政府", "部门", "管委会", "办事处", "集团", "公司",
                                     "银行", "协会", "商会", "街道"]
    /// Verbs after `由X` that make X the host (`由县商务局牵头`).
    static let hostVerbs = ["负责运营", "建设运营", "牵头", "主办", "设立", "建设", "运营", "负责", "打造", "组建", "开设"]
    /// Verbs after `在X` that make X the location (`在姚庄镇成立…`).
    static let siteVerbs = ["投入使用", "设立", "成立", "开设", "建成", "建设", "设置", "启用", "揭牌", "挂牌", "打造", "新建", "开通"]
    /// Words before a location that runs to the end of the clause (`位于海宁市海昌路88号`).
    static let addressLeads = ["位于", "坐落于", "设在", "地址为", "地址是", "落户"]
    /// Verbs that set a service point up; the date before them is when.
    static let establishmentVerbs = ["投入使用", "正式运行", "正式开放", "对外运行", "投入运行", "正式运营", "对外开放", "开门迎客", "设立", "成立",
                                     "启用", "揭牌", "挂牌", "建成", "开通", "投用", "开业", "落成"]
    /// Printed day words that can stand for when something was set up.
    static let relativeDays = ["昨天", "昨日", "今天", "今日", "日前", "近日", "前天", "上周", "本周", "上月", "本月"]
    /// Nouns after a count that make it the number of services (`23项涉外服务`, `300余项事项`).
    static let countedServiceNouns = ["服务", "事项", "业务"]
    /// Cue words that open a list of departments (`联动建设、自规…等多个部门`).
    static let departmentCues = ["联合", "联动", "会同", "整合", "协调", "集成", "汇聚", "涉及", "提供", "包括", "集中", "由", "组织"]
    /// Endings of a place or address (`姚庄镇`, `县政务服务中心`, `海昌路88号`).
    static let placeEndings = ["市", "县", "区", "镇", "乡", "村", "街道", "社区", "中心", "大厅", "大楼", "广场", "园", "路", "街", "号",
                               "楼", "层", "室", "馆", "站", "院", "厅", "处", "所", "内", "旁", "一楼", "综合体"]
    /// Items of a department list that name no department (`各涉外部门`, `相关部门`).
    static let genericDepartmentLeads = ["各", "相关", "有关", "多个", "其他", "其它", "若干"]

    /// Hosts: `由X牵头|主办|设立…` and `X牵头|设立…` at the start of a clause, X a department.
    static func hosts(in sc: SentenceScanner) -> [Found<String>] {
        var out: [Found<String>] = []
        for clause in sc.clauses() {
            for verb in hostVerbs {
                for v in sc.occurrences(of: verb, in: clause) where !sc.matches("人", at: v + verb.scalarCount) {
                    let start = sc.occurrences(of: "由", in: clause.lowerBound..<v).last.map { $0 + 1 } ?? clause.lowerBound
                    let r = sc.stripWords(start..<v, leading: relativeDays, trailing: ["联合", "共同", "统一", "负责"])
                    guard (2...16).contains(r.count), isDepartment(r, in: sc), !out.contains(where: { $0.range == r }) else { continue }
                    out.append(Found(range: r, value: sc.original(r)))
                }
            }
        }
        return out
    }

    /// Whether `r` is a department name (no list, no digits, a department ending).
    static func isDepartment(_ r: Range<Int>, in sc: SentenceScanner) -> Bool {
        let text = sc.text(r)
        return departmentSuffixes.contains { text.hasSuffix($0) } && !["、", "与", "和", "及"].contains { text.contains($0) }
            && sc.numbers(in: r).isEmpty
            && r.allSatisfy { ScalarClass.isWordScalar(sc.s[$0]) || "()".unicodeScalars.contains(sc.s[$0]) }
    }

    /// Locations: `在X设立|成立…`, `位于X`, `设在X`, `地址为X`.
    static func locations(in sc: SentenceScanner) -> [Found<String>] {
        var out: [Found<String>] = []
        for clause in sc.clauses() {
            for z in sc.occurrences(of: "在", in: clause) {
                guard let v = siteVerbs.compactMap({ sc.occurrences(of: $0, in: (z + 1)..<clause.upperBound).first }).min() else { continue }
                let r = sc.stripWords((z + 1)..<v, leading: [], trailing: [])
                if (2...16).contains(r.count), isPlace(r, in: sc) { out.append(Found(range: r, value: sc.original(r))) }
            }
            for lead in addressLeads {
                for i in sc.occurrences(of: lead, in: clause) {
                    let start = i + lead.scalarCount
                    let end = sc.occurrences(of: "的", in: start..<clause.upperBound).first ?? clause.upperBound
                    let r = sc.stripWords(start..<end, leading: [], trailing: [])
                    if (2...24).contains(r.count), isPlace(r, in: sc) { out.append(Found(range: r, value: sc.original(r))) }
                }
            }
        }
        return out
    }

    /// Whether `r` reads as a place: word characters (and `#-·()`) ending in a place word.
    static func isPlace(_ r: Range<Int>, in sc: SentenceScanner) -> Bool {
        let text = sc.text(sc.splitTrailingParenthetical(r).body)   // `振东路399号(邻里中心一楼)`
        return r.allSatisfy { ScalarClass.isWordScalar(sc.s[$0]) || "#-·()".unicodeScalars.contains(sc.s[$0]) }
            && placeEndings.contains { text.hasSuffix($0) }
    }

    /// When a mentioned service was set up: the date or day word nearest before its setting-up verb.
    static func establishment(in sc: SentenceScanner, mentions: [ServiceMention]) -> [Found<(draft: Int, when: String)>] {
        var out: [Found<(draft: Int, when: String)>] = []
        let dates = sc.dates().filter { d in !["至今", "以来", "前", "底前"].contains { sc.matches($0, at: d.range.upperBound) } }
        let days = relativeDays.flatMap { w in sc.occurrences(of: w).map { $0..<($0 + w.scalarCount) } }
        for verb in establishmentVerbs {
            for v in sc.occurrences(of: verb) {
                let clause = sc.clause(around: v)
                let after = mentions.first { $0.range.lowerBound > v && $0.range.lowerBound - v <= 16 && clause.contains($0.range.lowerBound) }
                let before = mentions.last { $0.range.upperBound <= v && clause.contains($0.range.lowerBound) }
                guard let m = after ?? before, !out.contains(where: { $0.value.draft == m.draft }) else { continue }
                let when = (dates.map(\.range) + days).filter { $0.upperBound <= v }.max { $0.lowerBound < $1.lowerBound }
                guard let when, !sc.text(when.upperBound..<v).contains("。") else { continue }
                out.append(Found(range: when, value: (m.draft, sc.original(when))))
            }
        }
        return out
    }

    /// `23项涉外服务`, `可办理300余项事项`: the count with its noun.
    static func serviceCounts(in sc: SentenceScanner) -> [Found<Amount>] {
        countedNouns(in: sc, units: ["项", "个", "类", "件"], nouns: countedServiceNouns)
    }

    /// `设有40个窗口`, `共设综合受理窗口56个`: the number of windows, when the clause says the place has them.
    static func windowCounts(in sc: SentenceScanner) -> [Found<Amount>] {
        let after = countedNouns(in: sc, units: ["个"], nouns: ["窗口"])
        let before = sc.looseAmounts(units: ["个"]).filter { sc.text(max(0, $0.range.lowerBound - 2)..<$0.range.lowerBound) == "窗口" }
        return (after + before).filter { f in
            ["设有", "设置", "开设", "共有", "共设", "拥有", "设"].contains { !sc.occurrences(of: $0, in: sc.clause(around: f.range.lowerBound)).isEmpty }
        }
    }

    /// Amounts followed by a short noun ending in one of `nouns`; `text` runs to the end of the noun.
    static func countedNouns(in sc: SentenceScanner, units: [String], nouns: [String]) -> [Found<Amount>] {
        sc.looseAmounts(units: units).compactMap { a in
            var k = a.range.upperBound
            while k < sc.count, ScalarClass.isHan(sc.s[k]), k - a.range.upperBound < 8 { k += 1 }
            let noun = sc.text(a.range.upperBound..<k)
            guard let n = nouns.first(where: { noun.hasSuffix($0) || noun.hasPrefix($0) }) else { return nil }
            let end = noun.hasSuffix(n) ? k : a.range.upperBound + n.scalarCount
            var amount = a.value
            amount.text = sc.original(a.range.lowerBound..<end)
            return Found(range: a.range.lowerBound..<end, value: amount)
        }
    }

    /// Departments listed before `等…部门` (`联动建设、自规、生态环境、应急等多个部门`).
    static func departments(in sc: SentenceScanner) -> [Found<String>] {
        var out: [Found<String>] = []
        for p in sc.occurrences(of: "部门") {
            let clause = sc.clause(around: p)
            guard let deng = sc.occurrences(of: "等", in: max(clause.lowerBound, p - 8)..<p).last else { continue }
            let cue = departmentCues.compactMap { c in sc.occurrences(of: c, in: clause.lowerBound..<deng).last.map { $0 + c.scalarCount } }.max()
            let items = sc.enumerationItems(in: sc.stripWords((cue ?? clause.lowerBound)..<(deng + 1), leading: ["了"], trailing: []))
            let named = items.filter { r in
                (1...10).contains(r.count) && r.allSatisfy { ScalarClass.isHan(sc.s[$0]) }
                    && !genericDepartmentLeads.contains { sc.matches($0, at: r.lowerBound) }
            }
            guard named.count >= 2 else { continue }
            out.append(contentsOf: named.map { Found(range: $0, value: sc.original($0)) })
        }
        return out
    }
}

/// Opening hours and phone numbers of a service point.
///
/// | phrase (normalised)                                        | reads                                        |
/// |------------------------------------------------------------|----------------------------------------------|
/// | `工作日8:30—17:30` / `周六9:00—12:00对外办公`               | hours, each phrase as printed                |
/// | `中心工作日开放时间为上午8:30至12:00、下午13:30至17:30`      | `工作日开放时间为上午8:30至12:00、…` (no subject) |
/// | `每周一闭馆` / `节假日不休息` / `24小时开放`                 | hours (a closing day or round the clock)     |
/// | `咨询电话:0573-88256123` / `拨打12345政务服务热线`          | phones with their heading or hotline name    |
/// | `海盐县退役军人服务中心:0573-86129680`                      | the phone of the service the line names      |
extension PublicServiceExtractor {
    /// Labels of opening hours (`开放时间为…`).
    static let hoursLabels = ContactExtractor.hoursLabels + ["办事时间", "窗口时间"]
    /// Day words that open a stretch of opening hours (`工作日`, `每周六`).
    static let dayWords: [String] = ["法定节假日", "节假日", "工作日", "双休日", "周末", "每天", "每日", "全天", "全年", "平时", "夏季", "冬季"]
        + ["每周", "周", "星期", "每星期"].flatMap { p in ["一", "二", "三", "四", "五", "六", "日", "天", "末"].map { p + $0 } }
    /// Words that make a day phrase without times part of the hours (`每周一闭馆`).
    static let closedWords = ["闭馆", "休馆", "休息", "不办公", "不对外办公", "暂停服务", "照常办公", "正常办公", "无休", "不打烊"]
    /// Words after `24小时` that make it opening hours, not a facility (`24小时开放`, not `24小时自助服务区`).
    static let roundTheClock = ["开放", "营业", "不打烊", "服务", "在线", "受理"]

    /// Opening hours: phrases with a day word or an hours label and clock times, a day word and a
    /// closing word, or `24小时开放`; printed from the first day word or label to the phrase end.
    static func hours(in sc: SentenceScanner) -> [Found<String>] {
        var out: [Found<String>] = []
        for p in sc.phrases() {
            let cue = sc.firstWord(of: dayWords + hoursLabels, in: p)
            let times = sc.clockTimes(in: p)
            let allDay = sc.occurrences(of: "24小时", in: p).first { k in roundTheClock.contains { sc.matches($0, at: k + 4) } }
            var start: Int?
            if let cue, !times.isEmpty, cue.offset < times[0].range.lowerBound || hoursLabels.contains(cue.word) {
                start = cue.offset
            } else if let cue, dayWords.contains(cue.word), sc.firstWord(of: closedWords, in: p) != nil {
                start = cue.offset
            } else if let allDay {
                start = cue.map { min($0.offset, allDay) } ?? allDay
            }
            guard let start else { continue }
            let r = sc.trimmed(start..<p.upperBound, trailing: ["。"])
            if r.count >= 4 { out.append(Found(range: r, value: sc.original(r))) }
        }
        return out
    }

    /// Phone numbers after a phone cue in their phrase (`咨询电话:…`, `拨打…热线`), labelled as
    /// printed; a hotline named by its number (`12345政务服务热线`) keeps that name as its label.
    static func phones(in sc: SentenceScanner) -> [Found<PhoneNumber>] {
        var out: [Found<PhoneNumber>] = []
        for p in sc.phoneNumbers() {
            if let (_, label, _) = ContactExtractor.hotline(sc, after: p) {
                out.append(Found(range: p.range, value: PhoneNumber(number: p.value, label: label)))
                continue
            }
            let segment = sc.phraseStart(before: p.range.lowerBound)..<p.range.lowerBound
            let cue = ContactExtractor.lastWord(of: ContactExtractor.phoneCues, in: segment, sc)
            // `海盐县退役军人服务中心:0573-86129680`: a line labelled with its owner's name.
            let labelled = p.range.lowerBound > 0 && sc.s[p.range.lowerBound - 1] == ":" && sc.firstWord(of: ["传真"], in: segment) == nil
            guard cue != nil || labelled else { continue }
            let heading = cue.flatMap { $0.word.hasSuffix("电话") || $0.word.hasSuffix("热线") ? $0.word : nil }
            let phrase = p.range.lowerBound..<sc.phrase(from: p.range.lowerBound).upperBound
            if let phone = ContactExtractor.phones(sc, in: phrase, heading: heading).first {
                out.append(Found(range: p.range, value: phone))
            }
        }
        return out
    }
}
