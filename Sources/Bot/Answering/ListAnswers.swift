import Foundation
import Knowledge

/// List questions (`有哪些办理网点`, `需要哪些材料`, `包括哪几类`) answered from the structure of
/// notices and guides: the section whose heading the question names, with every member it
/// lists, the count first. A heading is named when each of its content words (ICU's dictionary
/// break, general words such as `办理`/`相关` aside) occurs in the question, or a cue word asks
/// for it (`要带什么` → a `材料` section). Two pages' sections fitting equally well are no answer
/// here (retrieval or a decline decides).
struct ListAnswerer: Sendable {
    let kb: KnowledgeBase
    /// Per list, the heading's content words.
    let headingWords: [[String]]
    /// Per list, whether its members are leaves (not lists themselves).
    let usable: [Bool]
    /// Normalised page titles of the articles holding lists.
    let normalizedTitles: [Int: String]
    /// Normalised title and sentences of the articles holding lists.
    let articleTexts: PageTexts
    /// The first list under each printed heading, by article (`"3|四、征集方向（四个模块）"`).
    let listByHeading: [String: Int]

    init(kb: KnowledgeBase) {
        self.kb = kb
        var titles: [Int: String] = [:]
        let normalizer = Normalizer()
        for list in kb.lists where titles[list.article] == nil {
            let a = kb.articles[list.article]
            titles[list.article] = normalizer.normalize(a.documentTitle ?? a.title)
        }
        normalizedTitles = titles
        articleTexts = PageTexts(kb: kb, articles: kb.lists.map(\.article))
        var byHeading: [String: Int] = [:]
        for (i, list) in kb.lists.enumerated() where byHeading["\(list.article)|" + list.heading] == nil {
            byHeading["\(list.article)|" + list.heading] = i
        }
        listByHeading = byHeading
        // A section whose members are sections with lists of their own (`所需材料` > `未满16周岁的`
        // > …) is not one list: it is left to retrieval.
        let parents = Set(kb.lists.map { "\($0.article)|" + PageItem.headingName($0.heading) })
        usable = kb.lists.map { list in !list.members.contains { parents.contains("\(list.article)|" + $0.name) } }
        headingWords = kb.lists.map { list in
            let s = Array(list.normalizedName.unicodeScalars)
            return WordSegmenter.shared.words(s).map { String(String.UnicodeScalarView(s[$0])) }
                .filter { w in !ListAnswerer.generalWords.contains(w) && !(w.unicodeScalars.count == 1 && ListAnswerer.functionWords.contains(w)) }
        }
    }

    /// Words that ask for the members of a list.
    static let listCues = memberCues + ["有几", "几类", "几种"]
    /// Of those, the words that ask for the members themselves, not only how many.
    static let memberCues = ["哪些", "哪几", "有什么", "包括", "包含", "分别", "都有"]
    /// Where can it be done — asked of a section listing places.
    static let placeCues: [(cues: [String], heading: [String])] = [
        (["哪些地方", "哪几个地方", "哪些网点", "哪些窗口", "哪些地点"], ["网点", "地点", "窗口", "场所", "站点"]),
    ]
    /// Heading words too general to tie a question to a section.
    static let generalWords: Set<String> = ["办理", "事项", "相关", "其他", "有关", "说明", "内容", "情况", "要求", "具体", "主要", "以下"]
    static let functionWords: Set<String> = ["的", "和", "及", "与", "等"]

    /// `pagePlaces`: the place each page is about (file → `海宁`); a question naming another
    /// place gets no list from that page.
    func answer(_ u: Understanding, pagePlaces: [String: String] = [:]) -> Answer? {
        guard u.language == .zh, !kb.lists.isEmpty else { return nil }
        let q = u.normalizedText
        guard ListAnswerer.listCues.contains(where: { q.contains($0) }) else { return nil }
        // What is to be enumerated (`网点` in `网点有哪几个`, `材料` in `要带哪些材料`) must be what
        // the heading lists.
        guard let target = ListAnswerer.target(of: q) else { return nil }
        let targetHeadings = ListAnswerer.targetHeadings[target] ?? [target]
        var best: [(list: Int, words: Int)] = []
        for (i, words) in headingWords.enumerated() where usable[i] {
            guard targetHeadings.contains(where: { kb.lists[i].normalizedName.contains($0) }) else { continue }
            let named = !words.isEmpty && words.allSatisfy { q.contains($0) }
            let cued = (ItemAnswerer.sectionCues + ListAnswerer.placeCues).contains { cues, headings in
                cues.contains { q.contains($0) } && headings.contains { kb.lists[i].normalizedName.contains($0) }
            }
            guard named || cued else { continue }
            let n = named ? words.reduce(0) { $0 + $1.unicodeScalars.count } : 0
            if best.isEmpty || n > best[0].words { best = [(i, n)] } else if n == best[0].words { best.append((i, n)) }
        }
        // The question must also name the page (a word of its title: `社保卡`, `幼儿园`): a
        // `材料` section of another guide is no answer. Two such pages are no answer either.
        best = best.filter { b in
            let article = kb.articles[kb.lists[b.list].article]
            let title = normalizedTitles[kb.lists[b.list].article] ?? ""
            return ListAnswerer.sharedBigrams(q, title) >= 1 && article.isDocument
        }
        // Nothing else the question says may be missing from the page (`嘉善` asked of Haining's
        // list, `自助补卡机` of the offices' list).
        best = best.filter { b in
            articleTexts.printsEverything(u, in: kb.lists[b.list].article, besides: [target], pagePlaces: pagePlaces)
        }
        guard best.count == 1 else { return nil }
        return render(kb.lists[best[0].list], u)
    }

    /// A retrieved heading line of a section that lists members (`四、征集方向（四个模块）`) only
    /// names the list: asked a list question, the members are the answer.
    func answer(headedBy sentence: Int, _ u: Understanding) -> Answer? {
        guard u.language == .zh, ListAnswerer.listCues.contains(where: { u.normalizedText.contains($0) }) else { return nil }
        let s = kb.sentences[sentence]
        let paragraph = kb.articles[s.article].paragraphs[s.paragraph].trimmingCharacters(in: .whitespaces)
        guard let i = listByHeading["\(s.article)|" + paragraph], usable[i] else { return nil }
        return render(kb.lists[i], u)
    }

    /// Every member of the list, the count first, cited from the page.
    private func render(_ list: PageList, _ u: Understanding) -> Answer {
        let a = kb.articles[list.article]
        let title = a.documentTitle ?? a.title
        let members = list.members.map { $0.text.isEmpty ? $0.name : $0.name + "：" + $0.text.trimmingCharacters(in: CharacterSet(charactersIn: "。；;")) }
        let joiner = list.members.contains { !$0.text.isEmpty } ? "；" : "、"
        let text = "《\(title)》“\(PageItem.headingName(list.heading))”共列出\(list.members.count)项：" + members.joined(separator: joiner) + "。"
        return Answer(text: text, outcome: .fact, intent: "page.list", confidence: 0.85, language: u.language,
                      sentences: list.members.map(\.sentence))
    }

    /// Words naming what a list holds, and the heading words that list it (domain vocabulary).
    static let targetHeadings: [String: [String]] = [
        "地方": ["网点", "地点", "窗口", "场所", "站点", "地址"], "东西": ["材料", "证件", "资料"],
        "证件": ["材料", "证件", "资料"], "资料": ["材料", "资料"], "材料": ["材料"],
    ]
    /// Counters between a list cue and its noun (`哪几个网点`).
    static let counters: Set<String> = ["个", "家", "条", "种", "类", "项", "位", "所", "样", "些"]

    /// The word a list question asks to enumerate: the first content word after its cue
    /// (`哪些|办理|网点` → `网点`), else the word before `有`/`是`/`包括` ahead of the cue
    /// (`网点|有|哪几|个` → `网点`); nil when the question has no list cue.
    static func target(of q: String) -> String? {
        let s = Array(q.unicodeScalars)
        let words = WordSegmenter.shared.words(s).map { String(String.UnicodeScalarView(s[$0])) }
        guard let cue = words.firstIndex(where: { $0.hasPrefix("哪") || $0 == "什么" }) else { return nil }
        for w in words[(cue + 1)...] where !counters.contains(w) && !w.hasPrefix("几") && !generalWords.contains(w) {
            if w.unicodeScalars.count >= 2 || targetHeadings[w] != nil { return w }
            break
        }
        var j = cue - 1
        while j >= 0, ["有", "是", "包括", "都", "都有", "分别", "要", "需要", "准备", "带"].contains(words[j]) { j -= 1 }
        return j >= 0 && words[j].unicodeScalars.count >= 2 ? words[j] : nil
    }

    /// Words of two or more characters that say what the question is about (not how it asks).
    static func contentWords(_ q: String) -> [String] {
        let s = Array(q.unicodeScalars)
        return WordSegmenter.shared.words(s).map { String(String.UnicodeScalarView(s[$0])) }.filter { w in
            w.unicodeScalars.count >= 2 && !w.hasPrefix("哪") && !w.hasPrefix("几") && !askingWords.contains(w)
                && !generalWords.contains(w) && !listCues.contains(w) && !w.unicodeScalars.allSatisfy { !ScalarClass.isHan($0) }
        }
    }

    /// How a list question asks, not what about.
    static let askingWords: Set<String> = Set(ItemAnswerer.pointingWords).union([
        "可以", "需要", "准备", "什么", "请问", "现在", "目前", "一下", "我们", "我想",
        "想问", "知道", "告诉", "都有", "都是", "分别", "包括", "包含", "一共", "总共", "有没有",
        "多少", "几点", "哪里", "哪儿", "时候", "什么时候", "怎么", "如何", "是否", "能否",
        "电话", "号码", "地址", "地点", "位置", "时间", "上班", "下班", "开门", "关门",
        "费用", "多少钱", "具体", "联系", "联系方式", "咨询", "地方", "东西", "要带", "携带", "带上", "要交", "提交", "需要带", "得带"])

    /// Title words every notice has (`关于…的通知`): they name no page.
    static let titleNoise: Set<String> = ["关于", "通知", "公告", "通告", "指南", "办事", "嘉兴", "市民"]

    static func sharedBigrams(_ a: String, _ b: String) -> Int {
        ItemAnswerer.hanBigrams(a).filter { b.contains($0) && !generalWords.contains($0) && !titleNoise.contains($0) }.count
    }
}

/// The normalised title and sentences of some articles, to ask whether a page prints everything
/// a question says: the evidence an answer from a page's structure (an item, a list) needs
/// beyond the name it matched (`235路延伸以后全程票价多少` is not about another page's `票价`).
struct PageTexts: Sendable {
    let texts: [Int: String]
    let kb: KnowledgeBase

    init(kb: KnowledgeBase, articles: [Int]) {
        self.kb = kb
        let normalizer = Normalizer()
        var texts: [Int: String] = [:]
        for a in articles where texts[a] == nil {
            let article = kb.articles[a]
            texts[a] = normalizer.normalize(article.documentTitle ?? article.title) + "\n"
                + article.sentenceIDs.map { String(String.UnicodeScalarView(kb.sentences[$0].scalars)) }.joined(separator: "\n")
        }
        self.texts = texts
    }

    /// Whether every content word of the question (but `besides`, which the match explains) is
    /// printed in the article, and a place the question names is the page's place.
    func printsEverything(_ u: Understanding, in article: Int, besides: [String], pagePlaces: [String: String]) -> Bool {
        let text = texts[article] ?? ""
        // A place the question names is the page's, or one the page prints (a city's guide lists
        // its districts' clinics: `秀洲区高照街道接种点` is on a page mostly about 南湖区 ones).
        if !u.places.isEmpty, let place = pagePlaces[kb.articles[article].id.file],
           !u.places.contains(where: { $0.contains(place) || place.contains($0) || text.contains($0) }) { return false }
        // The names are taken out before the words are found: `服务站在哪里` is no word `站在`.
        var rest = u.normalizedText
        for b in besides where !b.isEmpty && rest.contains(b) { rest = rest.replacingOccurrences(of: b, with: " ") }
        return ListAnswerer.contentWords(rest).allSatisfy { w in
            text.contains(w) || besides.contains { $0.contains(w) }
        }
    }
}

/// List questions answered by a sentence that counts and names its members
/// (`共有4条：T7路（…）、338路（…）、339路（…）、示范区3路（…）`): the count printed is the number of
/// members after the colon, which is the evidence that the sentence is that list. Found at build
/// time from the figures; a question must name the figure's subject and nothing its page lacks.
struct CountedListAnswerer: Sendable {
    let kb: KnowledgeBase
    /// Figures whose sentence lists as many members as it counts, with the normalised subject
    /// and how many of its bigrams a question may share.
    let lists: [(figure: Int, subject: String, bigrams: Int)]
    let pageTexts: PageTexts

    init(kb: KnowledgeBase) {
        self.kb = kb
        let normalizer = Normalizer()
        var found: [(Int, String, Int)] = []
        for (i, f) in kb.facts.figures.enumerated() where f.value.value >= 2 && f.value.value <= 30 && !f.subject.isEmpty {
            let s = kb.sentences[f.sentence].scalars
            let amount = Array(normalizer.normalize(f.value.text).unicodeScalars)
            guard let at = firstIndex(of: amount, in: s), at + amount.count < s.count, s[at + amount.count] == ":" else { continue }
            var members = 1, depth = 0, any = false
            for c in s[(at + amount.count + 1)...] {
                if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) }
                else if c == "。" || c == ";" { break }
                else if c == "、" && depth == 0 { members += 1 }
                else { any = true }
            }
            if any, Double(members) == f.value.value {
                let subject = normalizer.normalize(f.subject)
                found.append((i, subject, ListAnswerer.sharedBigrams(subject, subject)))
            }
        }
        lists = found
        pageTexts = PageTexts(kb: kb, articles: found.map { kb.facts.figures[$0.0].article })
    }

    func answer(_ u: Understanding, pagePlaces: [String: String]) -> Answer? {
        guard u.language == .zh, !lists.isEmpty else { return nil }
        let q = u.normalizedText
        guard ListAnswerer.memberCues.contains(where: { q.includes($0) }) else { return nil }
        let named = lists.filter { l in
            let shared = ListAnswerer.sharedBigrams(l.subject, q)
            return shared >= 2 && 3 * shared >= l.bigrams
                && pageTexts.printsEverything(u, in: kb.facts.figures[l.figure].article, besides: [], pagePlaces: pagePlaces)
        }
        guard named.count == 1, let f = named.first.map({ kb.facts.figures[$0.figure] }) else { return nil }
        return Answer(text: kb.sentences[f.sentence].text, outcome: .fact, intent: "page.list", confidence: 0.8,
                      language: u.language, sentences: [f.sentence])
    }
}
