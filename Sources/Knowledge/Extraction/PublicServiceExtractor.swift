import Foundation

/// Reads public service points — service centres, halls, windows, platforms, stations — with
/// who runs them, where they are, when they were set up, what they offer, how fast they promise
/// to handle things and what they have achieved.
///
/// Reading an article takes three passes:
/// 1. names ending in a `serviceSuffixes` entry create services; mentions of one entity are
///    grouped (`县企业涉外服务中心` = `企业涉外服务中心`, `A——B` apposition), mentions after a count
///    (`8个镇街道企业综合服务中心`) or after `在` (`在县政务服务中心设立…`) create none;
/// 2. abbreviations printed in the article are found (`企服中心` for `平湖市企业综合服务中心`) and
///    quoted headline terms tied to a programme word become programmes of the main service;
/// 3. each sentence's attributes go to the service mentioned nearest to them, or — for
///    commitments, departments, offers and counts — to the service the article is talking about.
///
/// A service is kept only if at least one attribute was found: a name alone is not a fact.
enum PublicServiceExtractor {
    /// Endings of service-point names.
    static let serviceSuffixes = ["服务中心", "服务站", "服务综合体", "服务平台", "办事大厅", "服务大厅", "便民服务点", "服务点",
                                  "服务窗口", "窗口", "专窗", "驿站", "市民中心", "政务中心"]
    static let serviceSuffixesLongestFirst = longestFirst(serviceSuffixes)
    /// The head word a suffix is referred back to by (`中心会在30分钟内…`) and abbreviated with (`企服中心`).
    static let suffixHeads: [String: String] = ["服务中心": "中心", "服务站": "站", "服务综合体": "综合体", "服务平台": "平台",
                                                "办事大厅": "大厅", "服务大厅": "大厅", "便民服务点": "服务点", "服务点": "服务点",
                                                "服务窗口": "窗口", "窗口": "窗口", "专窗": "专窗", "驿站": "驿站", "市民中心": "中心",
                                                "政务中心": "中心"]
    /// Suffixes naming a part of another service point (`企服中心窗口` is a window of `企服中心`).
    static let partSuffixes = ["服务窗口", "窗口", "专窗"]
    /// Characters that cannot start the words before the suffix (`一窗口`, `各服务站`).
    static let quantifierStarts: Set<Unicode.Scalar> = Set("一二两三几多各每该此这那其首某0123456789".unicodeScalars)
    /// Words right before a name that make it a place where something else happens, not an entity.
    static let locativeLeads = ["在", "于", "位于", "设在", "来到", "走进", "前往", "入驻", "落户"]
    /// Words before a name that make it one of several (`8个…`, `各…`, `若干…`).
    static let pluralLeads = ["多个", "若干", "各个", "各", "每个", "这些", "一批"]
    /// Determiners of a back-reference (`该中心`, `中心会…`).
    static let backReferenceLeads = ["该", "本", "这个", "此"]

    /// Words after a quoted headline term that make it a programme or brand (`“30分钟我来办”处置模式`).
    static let programmeWords = ["平台", "模式", "品牌", "理念", "机制", "体系", "网络", "工程", "行动", "专窗", "应用", "服务"]

    /// Adds the article's service points to the store.
    static func extract(from context: ArticleContext, into store: inout FactStore) {
        let scanners = context.scanners
        let title = titleScanner(context)
        let titleTerms = Set(title.quotedTerms().map(\.value))
        var registry = ServiceRegistry(article: context.index)
        for sc in scanners { registry.register(candidates(in: sc), in: sc, titleTerms: titleTerms) }
        guard !registry.drafts.isEmpty else { return }
        registry.findAbbreviations(in: scanners)
        var current: Int?
        for sc in scanners {
            let mentions = registry.mentions(in: sc, current: current)
            readAttributes(of: sc, mentions: mentions, current: current, into: &registry)
            if let last = mentions.last(where: { !$0.isBackReference }) ?? mentions.last { current = last.draft }
        }
        // headline programmes belong to the main service, when it is a service with facts of its own
        if let primary = registry.primary, registry.drafts[primary].hasAttributes {
            for p in programmes(titleTerms: titleTerms, in: scanners) {
                registry.addProgramme(p.name, alias: p.alias, sentence: p.sentence, to: primary)
            }
        }
        store.services.append(contentsOf: registry.drafts.filter(\.hasAttributes).map(\.fact))
    }

    /// Attributes of one sentence, each given to its owner.
    static func readAttributes(of sc: SentenceScanner, mentions: [ServiceMention], current: Int?, into registry: inout ServiceRegistry) {
        /// The service mentioned nearest `offset` (same clause first); `fallback` allows the current one.
        func owner(_ offset: Int, fallback: Bool) -> Int? {
            sc.nearest(mentions, to: offset) { $0.range.lowerBound }?.draft ?? (fallback ? current : nil)
        }
        /// The service that is the subject where `offset` is: named earlier in its clause, ending the
        /// clause right before (`开设了外籍人士服务专窗,提供…`), or opening a clause before it.
        func subject(_ offset: Int) -> Int? {
            let clause = sc.clause(around: offset)
            if let m = mentions.last(where: { clause.contains($0.range.lowerBound) && $0.range.lowerBound < offset }) { return m.draft }
            if clause.lowerBound >= 1, sc.s[clause.lowerBound - 1] == ",",
               let m = mentions.last(where: { !$0.isBackReference && $0.range.upperBound == clause.lowerBound - 1 }) { return m.draft }
            return mentions.last { m in
                m.range.upperBound <= clause.lowerBound
                    && sc.stripWords(sc.clause(around: m.range.lowerBound), leading: ["\u{201C}"] + backReferenceLeads, trailing: []).lowerBound == m.range.lowerBound
            }?.draft
        }
        let named = Set(mentions.map(\.draft))
        for f in hosts(in: sc) { if let o = owner(f.range.lowerBound, fallback: false) { registry.drafts[o].setHost(f.value, sc) } }
        for f in locations(in: sc) { if let o = owner(f.range.lowerBound, fallback: false) { registry.drafts[o].setLocation(f.value, sc) } }
        for f in establishment(in: sc, mentions: mentions) { registry.drafts[f.value.draft].setEstablished(f.value.when, sc) }
        for f in serviceCounts(in: sc) { if let o = owner(f.range.lowerBound, fallback: true) { registry.drafts[o].setCount(f.value, sc) } }
        for f in windowCounts(in: sc) { if let o = owner(f.range.lowerBound, fallback: true) { registry.drafts[o].setWindows(f.value, sc) } }
        for f in departments(in: sc) { if let o = owner(f.range.lowerBound, fallback: true) { registry.drafts[o].addDepartment(f.value, sc) } }
        for f in offersNamed(in: sc) { if let o = subject(f.range.lowerBound) { registry.drafts[o].addService(f.value, sc) } }
        for f in offersAnywhere(in: sc) { if let o = owner(f.range.lowerBound, fallback: true) { registry.drafts[o].addService(f.value, sc) } }
        for f in commitments(in: sc) { if let o = owner(f.range.lowerBound, fallback: true) { registry.drafts[o].addCommitment(f.value, sc) } }
        for f in hours(in: sc) { if let o = owner(f.range.lowerBound, fallback: true) { registry.drafts[o].addHours(f.value, sc) } }
        // A hotline (`市民服务热线:12345`) is a service's phone only where the sentence names the service.
        for f in phones(in: sc) {
            let hotline = [f.value.label, f.value.heading].contains { $0?.contains("热线") ?? false }
            if let o = owner(f.range.lowerBound, fallback: !hotline) { registry.drafts[o].addPhone(f.value, sc) }
        }
        // a window another service sets up (`中心还开设了外籍人士服务专窗`) is located in that service
        for m in mentions where !m.isBackReference && partSuffixes.contains(where: { registry.drafts[m.draft].fact.name.value.hasSuffix($0) }) {
            let clause = sc.clause(around: m.range.lowerBound)
            if let host = mentions.last(where: { $0.draft != m.draft && clause.contains($0.range.lowerBound) && $0.range.upperBound <= m.range.lowerBound }) {
                registry.drafts[m.draft].setLocation(registry.drafts[host.draft].fact.name.value, sc)
            }
        }
        for f in results(in: sc, registry: registry, named: named) {
            guard let o = owner(f.range.lowerBound, fallback: false) else { continue }
            registry.drafts[o].addResult(f.value, sc)
            if actionVerbs.contains(where: { f.value.measure.hasPrefix($0) }) { registry.drafts[o].addService(f.value.measure, sc) }
        }
    }

    /// Verbs that make a result figure's measure a service offered (`签发原产地证`).
    static let actionVerbs = ["签发", "办理", "受理", "出具", "代办", "联办", "审批", "发放", "服务指导"]

    /// The headline, kicker and subtitle as a scanner (sentence id `-1`: not a body sentence).
    static func titleScanner(_ context: ArticleContext) -> SentenceScanner {
        let a = context.article
        let text = [a.kicker, a.headline, a.subtitle].compactMap { $0 }.joined(separator: " ")
        return SentenceScanner(tracked: context.normalizer.normalizeTracked(text), sentenceID: -1)
    }
}
