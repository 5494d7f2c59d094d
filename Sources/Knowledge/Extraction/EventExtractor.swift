import Foundation

/// Reads contests and events — names and short forms, organisers, venue, theme, dated
/// milestones, groups, prizes and winners, who may enter and what entrants get.
///
/// Names end in a suffix of `contestSuffixes` (always events) or `eventSuffixes` (events only
/// with something an enquirer can use: organisers, a theme, milestones, groups, prizes, who may
/// enter or benefits — so `第134期创新学堂主题学习活动举行` is no event). Names keep their quoted
/// parts and ordinal (`第六届“田园五镇”农业农村创新创业大赛`); a quoted `…杯` sponsor before the
/// ordinal becomes an alias. Mentions are grouped by their core (quotes, ordinal, year and place
/// dropped), so `“田园五镇”农业农村创新创业大赛` is the same event; `本次大赛`, `此次大赛` and a
/// clause-opening `大赛` refer back to the event being talked about. Headline short forms sharing
/// the event's quoted term (`“田园五镇”农创赛`) become aliases.
enum EventExtractor {
    /// Endings of contest names: a name with one of these is an event on its own.
    static let contestSuffixes = ["挑战赛", "选拔赛", "锦标赛", "邀请赛", "公开赛", "擂台赛", "大赛", "比赛", "竞赛", "联赛", "运动会",
                                  "马拉松", "评选", "展评", "评比"]
    /// Words inside a name that make it a contest whatever its ending (`…现场展评活动`).
    static let contestWords = ["大赛", "比赛", "竞赛", "评选", "展评", "评比", "擂台"]
    /// Endings of other event names: events only with enquiry-worthy details.
    static let eventSuffixes = ["文化节", "艺术节", "旅游节", "音乐节", "美食节", "购物节", "博览会", "交易会", "洽谈会", "展销会",
                                "推介会", "展览会", "展会", "嘉年华", "论坛", "峰会", "活动", "节"]
    /// Two-character words ending in `节` that are not festivals.
    static let notFestivals: Set<String> = ["环节", "季节", "礼节", "细节", "关节", "章节", "调节", "春节", "情节", "时节", "节节", "名节"]
    /// Extra endings for short forms in headlines only (`“田园五镇”农创赛`).
    static let headlineSuffixes = ["赛"]
    /// What a sentence's and a headline's event names end in, longest first.
    static let sentenceSuffixes = longestFirst(contestSuffixes + eventSuffixes)
    static let titleSuffixes = longestFirst(contestSuffixes + eventSuffixes + headlineSuffixes)
    /// Words before a name that are not part of it (`本次大赛`, `此次`).
    static let nameLeads = ["本次", "此次", "本届", "这次", "今年的", "今年", "该", "以", "经", "就"]
    /// Back-references to the event being talked about, anywhere in a sentence.
    static let backReferences = ["本次大赛", "此次大赛", "本届大赛", "该大赛", "本次比赛", "此次比赛", "本届比赛", "本次赛事",
                                 "此次赛事", "本次活动", "此次活动", "本届"]
    /// Back-references only when they open a clause (`大赛分设创业组…`).
    static let clauseBackReferences = ["大赛", "比赛", "赛事"]

    /// Adds the article's events to the store.
    static func extract(from context: ArticleContext, into store: inout FactStore) {
        let scanners = context.scanners
        var drafts: [EventDraft] = []
        for sc in scanners {
            for c in candidates(in: sc, suffixes: sentenceSuffixes) where !drafts.contains(where: { $0.isReferred(to: c) }) {
                drafts.append(EventDraft(article: context.index, candidate: c, sentence: sc.sentenceID))
            }
        }
        guard !drafts.isEmpty else { return }
        let title = PublicServiceExtractor.titleScanner(context)
        for c in candidates(in: title, suffixes: titleSuffixes) {
            if let d = drafts.firstIndex(where: { $0.core == c.core || ($0.quoted != nil && $0.quoted == c.quoted) }) {
                drafts[d].addAlias(c.printed)
                drafts[d].addAlias(c.printed.replacingOccurrences(of: "\u{201C}", with: "").replacingOccurrences(of: "\u{201D}", with: ""))
            }
        }
        var current: Int?
        for sc in scanners {
            let mentions = mentions(in: sc, drafts: drafts, current: current)
            readAttributes(of: sc, title: title, mentions: mentions, current: current, into: &drafts)
            if let last = mentions.last { current = last.draft }
        }
        store.events.append(contentsOf: drafts.filter(\.isEvent).map(\.fact))
    }

    /// Attributes of one sentence, each given to the event mentioned nearest (same clause first)
    /// or, for contest-specific cues, to the event being talked about.
    static func readAttributes(of sc: SentenceScanner, title: SentenceScanner, mentions: [EventMention], current: Int?,
                               into drafts: inout [EventDraft]) {
        func owner(_ offset: Int, fallback: Bool) -> Int? {
            sc.nearest(mentions, to: offset) { $0.range.lowerBound }?.draft ?? (fallback ? current : nil)
        }
        for f in venues(in: sc, title: title) { if let o = owner(f.range.lowerBound, fallback: false) { drafts[o].setVenue(f.value, sc) } }
        for f in themes(in: sc) { if let o = owner(f.range.lowerBound, fallback: true) { drafts[o].setTheme(f.value, sc) } }
        for f in organisers(in: sc) {
            guard let o = owner(f.range.lowerBound, fallback: true) else { continue }
            drafts[o].addOrganiser(f.value.name, role: f.value.role, sc)
        }
        for f in milestones(in: sc) {
            guard let o = owner(f.range.lowerBound, fallback: f.value.kind != .held) else { continue }
            if f.value.kind == .held && !mentions.contains(where: { $0.draft == o }) { continue }
            drafts[o].addDate(f.value, sc)
        }
        let groupsHere = groups(in: sc)
        if hasGroupCue(sc) {
            for g in groupsHere { if let o = owner(g.range.lowerBound, fallback: true) { drafts[o].addGroup(g.value, sc) } }
        }
        for f in prizes(in: sc, groups: groupsHere) { if let o = owner(f.range.lowerBound, fallback: true) { drafts[o].addPrize(f.value, sc) } }
        for f in eligibility(in: sc) { if let o = owner(f.range.lowerBound, fallback: true) { drafts[o].addEligibility(f.value, sc) } }
        for f in benefits(in: sc) { if let o = owner(f.range.lowerBound, fallback: true) { drafts[o].addBenefit(f.value, sc) } }
    }

    /// Mentions of known events in a sentence: names grouped by core, and back-references.
    static func mentions(in sc: SentenceScanner, drafts: [EventDraft], current: Int?) -> [EventMention] {
        var out: [EventMention] = []
        for c in candidates(in: sc, suffixes: sentenceSuffixes) {
            if let d = drafts.firstIndex(where: { $0.isReferred(to: c) }) { out.append(EventMention(range: c.range, draft: d)) }
        }
        if let current {
            for w in backReferences {
                for i in sc.occurrences(of: w) where !out.contains(where: { $0.range.contains(i) }) {
                    out.append(EventMention(range: i..<(i + w.scalarCount), draft: current))
                }
            }
            for clause in sc.clauses() {
                let r = sc.stripWords(clause, leading: ["\u{201C}", "需要注意的是"], trailing: [])
                if let w = clauseBackReferences.first(where: { sc.matches($0, at: r.lowerBound) }), !out.contains(where: { $0.range.contains(r.lowerBound) }) {
                    out.append(EventMention(range: r.lowerBound..<(r.lowerBound + w.scalarCount), draft: current))
                }
            }
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}

/// A mention of a known event in a sentence.
struct EventMention {
    /// Where the name or back-reference is in the normalised sentence.
    var range: Range<Int>
    /// Index of the event it refers to.
    var draft: Int
}
