import Foundation
import Knowledge

/// Answers from the items of notices and guides (`PageItem`): a question that names an item and
/// asks for its phone, address, hours or fee gets the value printed inside that item — or, when
/// the item prints none, a decline that says so, never a neighbour's value or the page's
/// hotline. A question naming a labelled entry (`老年卡`) and its section (`办理材料`, asked as
/// `要带什么`) gets that entry's text.
struct ItemAnswerer: Sendable {
    let kb: KnowledgeBase
    /// Item indices, longest name first.
    let byLength: [Int]

    let pageTexts: PageTexts
    let pagePlaces: [String: String]

    /// Each item's name without the city or county that leads it (`海宁市马桥幼儿园` is asked as
    /// `马桥幼儿园`), or nil.
    let shortNames: [String?]
    /// Items by the first two scalars of their name and of their short name, so a question
    /// looks up only the items whose name could begin at one of its characters.
    let byHead: [UInt64: [Int]]
    /// The item each of its lines' sentences belongs to (the first item, when several print it).
    let itemOfSentence: [Int: Int]
    /// Items by normalised name.
    let itemsByName: [String: [Int]]
    /// Field keys and values are normalised only when an item lacks a labelled field of the kind asked.
    let normalizer = Normalizer()
    /// Items by the routes their name or section heading numbers (`四、57路（夜）（…）` > `（一）运营时间：…`).
    let itemsOfRoute: [String: [Int]]
    /// Per item of a route, each field's label as Han bigrams (normalised once, here).
    let routeLabelBigrams: [Int: [Set<String>]]

    init(kb: KnowledgeBase, pagePlaces: [String: String] = [:], places: [String] = []) {
        self.kb = kb
        var ofRoute: [String: [Int]] = [:]
        let norm = Normalizer()
        for (i, item) in kb.items.enumerated() {
            let ids = [item.name, item.parents.last ?? ""].reduce(into: Set<String>()) {
                $0.formUnion(RetrievalAnswerer.routeIDs(in: Array(norm.normalize($1).unicodeScalars)))
            }
            for id in ids { ofRoute[id, default: []].append(i) }
        }
        itemsOfRoute = ofRoute
        var labelBigrams: [Int: [Set<String>]] = [:]
        for i in Set(ofRoute.values.joined()) {
            let item = kb.items[i]
            labelBigrams[i] = item.fields.map { ItemAnswerer.hanBigrams(norm.normalize($0.key.isEmpty ? item.name : $0.key)) }
        }
        routeLabelBigrams = labelBigrams
        self.pagePlaces = pagePlaces
        pageTexts = PageTexts(kb: kb, articles: kb.items.map(\.article))
        byLength = kb.items.indices.filter { kb.items[$0].normalizedName.unicodeScalars.count >= 2 }
            .sorted { kb.items[$0].normalizedName.unicodeScalars.count > kb.items[$1].normalizedName.unicodeScalars.count }
        let prefixes = places.flatMap { p in ["市", "县", "区"].map { p + $0 } }
        shortNames = kb.items.map { item in
            guard let p = prefixes.first(where: { item.normalizedName.hasPrefix($0) }) else { return nil }
            let rest = String(item.normalizedName.unicodeScalars.dropFirst(p.unicodeScalars.count))
            return rest.unicodeScalars.count >= 4 ? rest : nil
        }
        var heads: [UInt64: [Int]] = [:]
        for i in byLength {
            for name in [kb.items[i].normalizedName, shortNames[i]].compactMap({ $0 }) {
                let n = Array(name.unicodeScalars)
                guard n.count >= 2 else { continue }
                let key = ItemAnswerer.pair(n[0], n[1])
                if heads[key]?.last != i { heads[key, default: []].append(i) }
            }
        }
        byHead = heads
        var of: [Int: Int] = [:]
        for (i, item) in kb.items.enumerated() { for f in item.fields where of[f.sentence] == nil { of[f.sentence] = i } }
        itemOfSentence = of
        var byName: [String: [Int]] = [:]
        for (i, item) in kb.items.enumerated() { byName[item.normalizedName, default: []].append(i) }
        itemsByName = byName
    }

    static func pair(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 { UInt64(a.value) << 32 | UInt64(b.value) }

    /// Items (longest name first) whose name or short name begins at some character of `q`.
    func candidates(_ q: [Unicode.Scalar]) -> [Int] {
        guard q.count >= 2 else { return [] }
        var out = Set<Int>()
        for k in 0..<(q.count - 1) { if let items = byHead[ItemAnswerer.pair(q[k], q[k + 1])] { out.formUnion(items) } }
        return byLength.filter(out.contains)
    }

    /// Which printed labels give a value of each asked kind.
    static let labelWords: [AnswerType: [String]] = [
        .phone: ["电话", "热线", "手机", "联系方式", "咨询"],
        .place: ["地址", "地点", "位置", "网点", "办公地点", "场所"],
        .time: ["时间", "营业", "办公", "开放", "服务时段"],
        .money: ["费", "价", "押金", "收费"],
    ]

    /// Question words that ask for what a section of this name lists: domain vocabulary the
    /// dictionaries lack (what `要带什么` asks is the `材料` section).
    static let sectionCues: [(cues: [String], heading: [String])] = [
        (["带什么", "带哪些", "准备什么", "准备哪些", "需要什么", "要什么", "什么材料", "哪些材料", "什么证件"], ["材料", "证件", "资料"]),
        (["多少钱", "收费", "费用", "几块", "多少元"], ["收费", "费用", "票价", "价格", "标准"]),
        (["多久", "几天", "多长时间", "时限"], ["时限", "期限", "时间"]),
    ]

    /// Heading bigrams too general to tie a question to a section.
    static let genericBigrams: Set<String> = ["办理", "事项", "相关", "其他", "有关", "说明", "内容", "情况", "要求"]

    enum Outcome {
        case answered(PageItem, PageItem.Field)
        /// A line labelled with the kind asked in the section of the route asked (`57路` > `运营时间：…`).
        case ofRoute(String, PageItem, PageItem.Field)
        /// The item is named but prints no value of the asked kind.
        case missing(PageItem, AnswerType)
    }

    /// The span of `q` that prints `name` with up to `leftOut` of its characters left out
    /// (3 by default; a span of at least 4 when more), beginning and ending as the name does
    /// (its first and last two), or nil.
    static func abbreviation(of name: String, in q: [Unicode.Scalar], leftOut: Int = 3) -> String? {
        let n = Array(name.unicodeScalars)
        guard n.count >= 6, q.count >= max(4, n.count - leftOut) else { return nil }
        let head = Array(n[..<2]), tail = Array(n[(n.count - 2)...])
        var from = 0
        while let i = firstIndex(of: head, in: q, within: from..<q.count) {
            from = i + 1
            guard let j = firstIndex(of: tail, in: q, within: (i + 2)..<min(q.count, i + n.count)) else { continue }
            let w = q[i..<(j + 2)]
            guard w.count >= max(4, n.count - leftOut), w.count < n.count else { continue }
            // Every character of the span, in order, in the name.
            var k = 0
            for c in w { while k < n.count && n[k] != c { k += 1 }; k += 1 }
            if k <= n.count { return String(String.UnicodeScalarView(w)) }
        }
        return nil
    }

    /// The longest beginning of `name` that `q` prints, when it is at least 5 characters and half
    /// the name (`大桥镇卫生院` for `大桥镇卫生院预防接种门诊`), or nil.
    static func leadingPart(of name: String, in q: [Unicode.Scalar]) -> String? {
        let n = Array(name.unicodeScalars)
        var k = n.count - 1
        while k >= max(5, (n.count + 1) / 2) {
            if firstIndex(of: Array(n[..<k]), in: q, within: 0..<q.count) != nil { return String(String.UnicodeScalarView(n[..<k])) }
            k -= 1
        }
        return nil
    }

    /// Words a question may put inside an item's name (`乍浦那个服务点`).
    static let pointingWords = ["那个", "这个", "那家", "这家"]

    func find(_ u: Understanding, state: DialogueState?, previousAsked: AnswerType? = nil) -> Outcome? {
        guard u.language == .zh, !byLength.isEmpty else { return nil }
        let q = u.normalizedText
        var plain = q     // the question without pointing words, worked out only when it has one
        for w in ItemAnswerer.pointingWords where plain.includes(w) { plain = plain.replacingOccurrences(of: w, with: "") }
        var named: [Int] = []
        for i in byLength {
            let n = kb.items[i].normalizedName
            if let first = named.first, kb.items[first].normalizedName.unicodeScalars.count > n.unicodeScalars.count { break }
            if q.contains(n) ? !isNotNamed(n, u) : plain != q && plain.contains(n) { named.append(i) }
        }
        let near = named.isEmpty ? candidates(u.normalized) : []
        if named.isEmpty {
            named = near.filter { i in shortNames[i].map { q.contains($0) && !isNotNamed($0, u) } ?? false }
        }
        // Asked with a word of the name left out (`南湖区市民卡分中心` for `…市民卡服务分中心`).
        var abbreviated: [Int: String] = [:]
        if named.isEmpty {
            for i in near {
                if let w = ItemAnswerer.abbreviation(of: kb.items[i].normalizedName, in: u.normalized)
                    ?? shortNames[i].flatMap({ ItemAnswerer.abbreviation(of: $0, in: u.normalized) }) { abbreviated[i] = w }
            }
            named = near.filter { abbreviated[$0] != nil }
        }
        // Asked by the words that tell it from its siblings (`建设街道接种门诊` for
        // `南湖区建设街道社区卫生服务中心预防接种门诊`, `大桥镇卫生院` for `…大桥镇卫生院预防接种门诊`): a
        // shorter span in the same order or the name's first half, taken only when it fits one
        // item's name (`接种门诊` alone fits every clinic and names none).
        if named.isEmpty {
            var loose: [Int: String] = [:]
            for i in near {
                let names = [kb.items[i].normalizedName] + (shortNames[i].map { [$0] } ?? [])
                if let w = names.lazy.compactMap({ ItemAnswerer.abbreviation(of: $0, in: u.normalized, leftOut: .max) }).first
                    ?? names.lazy.compactMap({ ItemAnswerer.leadingPart(of: $0, in: u.normalized) }).first { loose[i] = w }
            }
            if Set(loose.keys.map { kb.items[$0].normalizedName }).count == 1 {
                named = near.filter { loose[$0] != nil }
                abbreviated = loose
            }
        }
        if named.isEmpty, let ref = state?.entity, ref.kind == ItemAnswerer.entityKind, q.unicodeScalars.count <= 12 {
            named = byLength.filter { kb.items[$0].name == ref.name }
        } else {
            // Named: the rest of the question must be on the item's page too.
            named = named.filter { pageTexts.printsEverything(u, in: kb.items[$0].article, besides: [kb.items[$0].normalizedName] + (shortNames[$0].map { [$0] } ?? []) + (abbreviated[$0].map { [$0] } ?? []),
                                                               pagePlaces: pagePlaces) }
        }
        if named.isEmpty, let entry = routeEntry(u) { return entry }
        guard !named.isEmpty else { return nil }
        // `那许村服务点呢` asks of a new item what the last answer gave; a question with words of
        // its own (`南站那个服务点能补办学生卡吗`) does not.
        var asked = AnswerType.primary(of: u.answerTypes)
        if asked == nil, let previousAsked, let first = named.first {
            var rest = plain
            for n in [kb.items[first].normalizedName, shortNames[first], abbreviated[first]].compactMap({ $0 }) where rest.contains(n) {
                rest = rest.replacingOccurrences(of: n, with: " ")
            }
            if ListAnswerer.contentWords(rest).isEmpty { asked = previousAsked }
        }
        // A place, office or window asked for its phone, address, hours or fee.
        if let asked, ItemAnswerer.labelWords[asked] != nil {
            let places = named.filter { !kb.items[$0].fields.contains { $0.key.isEmpty } }
            for i in places {
                if let f = ItemAnswerer.labelledField(of: kb.items[i], asked) { return .answered(kb.items[i], f) }
            }
            // Fields labelled by a change (`调整前：2元`, `调整后：3元`): the one of the time asked
            // that holds the kind of value asked.
            let before = RetrievalAnswerer.asksBefore(u.normalized)
            for i in places {
                if let f = kb.items[i].fields.first(where: { f in
                    let key = Array(normalizer.normalize(f.key).unicodeScalars), value = Array(normalizer.normalize(f.value).unicodeScalars)
                    guard let tense = RetrievalAnswerer.tense(key, 0..<key.count), tense == before else { return false }
                    return asked.acceptable.contains { AnswerTypeDetector.contains($0, in: value, range: 0..<value.count) }
                }) {
                    return .answered(kb.items[i], f)
                }
            }
            // A name that is also a labelled entry (`（二）清明2号线：A—B` with its numbered lines) is
            // described by the entry's text: not missing, left to the entry or to retrieval.
            if let i = places.first, !named.contains(where: { kb.items[$0].fields.contains { $0.key.isEmpty } }) {
                return .missing(kb.items[i], asked)
            }
        }
        // A labelled entry in the section the question asks about.
        for i in named {
            let item = kb.items[i]
            guard let f = item.fields.first(where: { $0.key.isEmpty }) else { continue }
            if item.parents.contains(where: { matchesSection($0, question: q) }) { return .answered(item, f) }
        }
        return nil
    }

    /// The route asked (one, known) and a line of the route's section or item that answers:
    /// - asked a kind items label, the one line of that kind (`57路夜班车几点开始几点结束` →
    ///   `四、57路（夜）` > `（一）运营时间：每天19:30—23:00`); two such lines (two notices, two labels of
    ///   the kind) are left to the route's facts;
    /// - with no line of that kind, or asking no such kind, the line whose label shares most words
    ///   (Han bigrams, at least two) with the question, when no other line shares as many
    ///   (`281路临时取消了哪些站` → `临时取消停靠站点：…`, not `临时新增停靠站点：…`).
    private func routeEntry(_ u: Understanding) -> Outcome? {
        let ids = Set(u.routes.filter(\.known).map(\.id))
        guard ids.count == 1, let id = ids.first else { return nil }
        let lines = (itemsOfRoute[id] ?? []).flatMap { i in
            kb.items[i].fields.enumerated().map { n, f in
                (item: kb.items[i], field: f, label: f.key.isEmpty ? kb.items[i].name : f.key, bigrams: routeLabelBigrams[i]?[n] ?? [])
            }
        }
        if let asked = AnswerType.primary(of: u.answerTypes), let words = ItemAnswerer.labelWords[asked] {
            let ofKind = lines.filter { l in words.contains { l.label.contains($0) } }
            if ofKind.count > 1 { return nil }
            if let l = ofKind.first { return .ofRoute(id, l.item, l.field) }
        }
        let asked = ItemAnswerer.hanBigrams(u.normalizedText)
        var best: (shared: Int, item: PageItem, field: PageItem.Field)?
        var tie = false
        for l in lines {
            let shared = l.bigrams.intersection(asked).count
            guard shared >= 2 else { continue }
            if shared > (best?.shared ?? 0) { best = (shared, l.item, l.field); tie = false } else if shared == best?.shared { tie = true }
        }
        guard let best, !tie else { return nil }
        return .ofRoute(id, best.item, best.field)
    }

    /// The pairs of adjacent Han characters of `s`.
    static func hanBigrams(_ s: String) -> Set<String> {
        let sc = Array(s.unicodeScalars)
        var out = Set<String>()
        for i in sc.indices.dropLast() where ScalarClass.isHan(sc[i]) && ScalarClass.isHan(sc[i + 1]) {
            out.insert(String(String.UnicodeScalarView([sc[i], sc[i + 1]])))
        }
        return out
    }

    /// Whether no place the question prints the name names the item: each is a word saying what
    /// kind of value it asks (`票价呢` names no item called 票价: it asks a fare) or part of a
    /// longer id (`5路` inside `85路`).
    private func isNotNamed(_ name: String, _ u: Understanding) -> Bool {
        let n = Array(name.unicodeScalars), q = u.normalized
        var from = 0
        while let i = firstIndex(of: n, in: q, within: from..<q.count) {
            let r = i..<(i + n.count)
            from = i + 1
            let glued = (i > 0 && ScalarClass.isASCIIAlnum(n[0]) && ScalarClass.isASCIIAlnum(q[i - 1]))
                || (r.upperBound < q.count && ScalarClass.isASCIIAlnum(n[n.count - 1]) && ScalarClass.isASCIIAlnum(q[r.upperBound]))
            if glued { continue }
            if !u.typeCues.contains(where: { $0.range.lowerBound <= r.lowerBound && r.upperBound <= $0.range.upperBound }) { return false }
        }
        return true
    }

    private func matchesSection(_ heading: String, question q: String) -> Bool {
        let h = Array(PageItem.headingName(heading).unicodeScalars)
        for (cues, headings) in ItemAnswerer.sectionCues where cues.contains(where: { q.contains($0) }) {
            if headings.contains(where: { String(String.UnicodeScalarView(h)).contains($0) }) { return true }
        }
        // Every content word of the heading (ICU words, general ones aside) is in the question:
        // `公交卡办理` is not named by `公交` and `普通卡`.
        let words = WordSegmenter.shared.words(h).map { String(String.UnicodeScalarView(h[$0])) }
            .filter { w in w.unicodeScalars.count >= 2 && !ListAnswerer.generalWords.contains(w) }
        return !words.isEmpty && words.allSatisfy { q.contains($0) }
    }

    /// The dialogue kind an item is remembered as.
    static let entityKind = "item"

    /// The item's first line whose label gives a value of the kind asked (`电话` for a phone).
    static func labelledField(of item: PageItem, _ asked: AnswerType) -> PageItem.Field? {
        guard let words = labelWords[asked] else { return nil }
        return item.fields.first { f in words.contains { f.key.contains($0) } }
    }

    static let askedWords: [AnswerType: String] = [.phone: "电话", .place: "地址", .time: "时间", .money: "费用"]
    static let askedEnglish: [AnswerType: String] = [.phone: "phone number", .place: "address", .time: "hours", .money: "fee"]

    /// When `sentence` is the heading line of an item (`2. 新塍镇文化分馆`) and the question asks a
    /// kind of value items label (phone, address, hours, fee): the item's field of that kind, or a
    /// decline saying the item prints none — except for a place, which the heading names.
    func answer(headedBy sentence: Int, _ u: Understanding) -> Answer? {
        guard let asked = AnswerType.primary(of: u.answerTypes), ItemAnswerer.labelWords[asked] != nil else { return nil }
        let s = kb.sentences[sentence]
        guard var line = PageStructure.withoutNumbering(s.scalars) else { return nil }
        while let l = line.last, "。；;".unicodeScalars.contains(l) { line = line.dropLast() }
        guard let item = itemsByName[String(String.UnicodeScalarView(line))]?.lazy.map({ kb.items[$0] })
            .first(where: { $0.article == s.article && !$0.fields.contains { $0.key.isEmpty } }) else { return nil }
        if let f = ItemAnswerer.labelledField(of: item, asked) { return answer(.answered(item, f), u) }
        return asked == .place ? nil : answer(.missing(item, asked), u)
    }

    func answer(_ u: Understanding, state: DialogueState?, previousAsked: AnswerType? = nil) -> Answer? {
        guard let outcome = find(u, state: state, previousAsked: previousAsked) else { return nil }
        return answer(outcome, u)
    }

    private func answer(_ outcome: Outcome, _ u: Understanding) -> Answer {
        switch outcome {
        case .answered(let item, let f):
            let text = (u.language == .en ? "The notice says: " : "") + item.name + f.key + "："
                + f.value.trimmingCharacters(in: CharacterSet(charactersIn: "。；;")) + "。"
            var a = Answer(text: text, outcome: .fact, intent: "page.item", confidence: 0.9, language: u.language,
                           sentences: [f.sentence])
            a.entity = DialogueState.EntityRef(kind: ItemAnswerer.entityKind, name: item.name)
            return a
        case .ofRoute(let id, let item, let f):
            let label = f.key.isEmpty ? item.name : f.key
            let text = (u.language == .en ? "The notice says: " : "") + id + "路" + label + "："
                + f.value.trimmingCharacters(in: CharacterSet(charactersIn: "。；;")) + "。"
            var a = Answer(text: text, outcome: .fact, intent: "page.item", confidence: 0.9, language: u.language,
                           sentences: [f.sentence])
            a.routeID = id
            return a
        case .missing(let item, let asked):
            let what = ItemAnswerer.askedWords[asked] ?? "这一项"
            let title = kb.articles[item.article].documentTitle ?? kb.articles[item.article].title
            let text = u.language == .en
                ? "Sorry, “\(title)” lists \(item.name) but does not give its \(ItemAnswerer.askedEnglish[asked] ?? "details")."
                : "抱歉，《\(title)》列出了“\(item.name)”，但没有写明它的\(what)。"
            var a = Answer(text: text, outcome: .decline,
                           intent: "page.item", confidence: 0, language: u.language)
            a.entity = DialogueState.EntityRef(kind: ItemAnswerer.entityKind, name: item.name)
            return a
        }
    }
}
