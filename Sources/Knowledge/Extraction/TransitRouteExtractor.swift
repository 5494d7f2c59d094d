import Foundation

/// Reads bus routes out of articles that describe one: id, kind, termini, stops, fares,
/// payment, timetable, trips, headway, transfers, walking notes and opening day.
///
/// An article is a route article only when a route number (`115路`, `K258路`) is printed in a
/// transit context (`公交`, `线路`, `班次`, `首末班`…), and a route becomes a fact only when the
/// article says something about it besides its number. Each sentence belongs to the route it
/// names, or to the one named last; a sentence naming two routes is left alone (ambiguous).
///
/// | sentence (normalised)                                  | fields                                    |
/// |--------------------------------------------------------|-------------------------------------------|
/// | `昨天,…省际毗邻公交115路正式开行。`                    | id `115`, kind, opened `昨天`             |
/// | `该线路起讫站点a——b(地铁17号线)。`                     | termini a, b; transfer `地铁17号线`       |
/// | `线路起步价2元,全程6元,可扫码、投币或者刷卡。`         | start/full fare, payment                  |
/// | `a首末班时间为7:30、14:30,…每天8个班次,间隔110~190分钟` | schedule from a, trips, headway           |
enum TransitRouteExtractor {
    /// Words that make an article (title or sentence) about public transport.
    static let transitCues = ["公交", "线路", "班次", "首末班", "首班", "末班", "班车", "巴士", "客运", "发车", "停靠", "专线", "站点"]

    /// Kinds of route as the paper names them; the longest printed one wins.
    static let kindWords = ["省际毗邻公交", "跨省毗邻公交", "毗邻公交", "跨省公交", "城乡公交", "城际公交", "定制公交", "城市公交",
                            "镇村公交", "村村通公交", "社区公交", "微公交", "夜班公交", "快速公交", "旅游公交", "接驳公交", "通勤公交",
                            "公交专线", "旅游专线", "城际班车", "定制班车", "通勤班车", "城乡班车", "跨省班车"]

    /// Verbs that say a route began service, and words for when.
    static let openingCues = ["正式开行", "正式开通", "开通运营", "开通运行", "投入运营", "正式运营", "开行", "开通", "通车", "首发"]
    static let relativeDays = ["前天", "昨天", "今天", "明天", "后天", "日前", "近日", "近期", "本周", "上周", "下周", "本月", "下月",
                               "月底", "今起", "明起", "即日起"] + weekdays
    /// Weekdays with or without a week word (`下周一`, `本周六`, `周五`).
    static let weekdays: [String] = ["下周", "本周", "这周", "周", "下星期", "星期"].flatMap { p in
        ["一", "二", "三", "四", "五", "六", "日", "天", "末"].map { p + $0 }
    }
    static let dayParts = ["上午", "下午", "早上", "中午", "晚上"]

    /// Words introducing a walk from a stop, and the verbs before its destination.
    static let walkingCue = "步行"
    static let arrivalVerbs = ["直达", "即可到达", "可到达", "到达", "可达", "即达", "抵达"]

    /// Extracts every route the article describes into `store.routes`.
    static func extract(from context: ArticleContext, into store: inout FactStore) {
        guard context.article.kind != .weather else { return }
        let scanners = context.scanners
        let titleScanner = SentenceScanner(tracked: context.normalizer.normalizeTracked(context.article.title), sentenceID: -1)
        let inTitle = transitCues.contains { context.normalizedTitle.containsText($0) }
        guard inTitle || scanners.contains(where: { sc in transitCues.contains { sc.contains($0) } }) else { return }

        var routes: [TransitRoute] = []
        func routeIndex(_ id: String) -> Int {
            if let i = routes.firstIndex(where: { $0.routeID == id }) { return i }
            routes.append(TransitRoute(article: context.index, routeID: id))
            return routes.count - 1
        }
        var current: Int?
        let titleIDs = Set(titleScanner.routeTokens().filter { !$0.value.isTransfer }.map(\.value.id))
        if titleIDs.count == 1, let id = titleIDs.first { current = routeIndex(id) }
        for sc in scanners {
            let all = sc.routeTokens()
            let tokens = all.filter { !$0.value.isTransfer }
            let ids = Set(tokens.map(\.value.id))
            // Several lines in one sentence (or one and a line it does not take for a route,
            // `68路（…）、示范区5路（…，票价12元）`): whose each value is, the sentence does not say.
            if ids.count > 1 || (ids.count == 1 && sc.routeMentionCount() > all.count) {
                for id in ids.sorted() { _ = routeIndex(id) }
                current = nil
                continue
            }
            if let id = ids.first { current = routeIndex(id) }
            guard let r = current else { continue }
            if routes[r].name == nil, let t = tokens.first { routes[r].name = Sourced(t.value.printed, sentence: sc.sentenceID) }
            read(sc, into: &routes[r])
        }
        // a headline lends to a route the body describes or names, never to one printed only there
        for i in routes.indices where (titleIDs == [routes[i].routeID] || (titleIDs.isEmpty && routes.count == 1))
            && (routes[i].name != nil || routes[i].describesService) {
            guard let cite = routes[i].name?.sentence ?? context.sentences.first?.id else { continue }
            readTitle(titleScanner, citing: cite, into: &routes[i])
        }
        for var route in routes where route.describesService {
            route.resolveSchedules(normalizer: context.normalizer)
            store.routes.append(route)
        }
    }

    /// Reads every field a sentence may carry into `route` (first value wins for single fields).
    static func read(_ sc: SentenceScanner, into route: inout TransitRoute) {
        let id = sc.sentenceID
        if route.kind == nil, let k = kind(in: sc) { route.kind = Sourced(k, sentence: id) }
        if route.termini.isEmpty, let (a, b) = termini(in: sc) {
            route.termini = [Sourced(sc.original(a), sentence: id), Sourced(sc.original(b), sentence: id)]
        }
        for stop in stops(in: sc) { route.addStop(Sourced(stop, sentence: id)) }
        readFares(sc, into: &route)
        readConcessions(sc, into: &route)
        readPayment(sc, into: &route)
        readTimetable(sc, into: &route)
        for line in transfers(in: sc) where !route.transfers.contains(where: { $0.value == line }) {
            route.transfers.append(Sourced(line, sentence: id))
        }
        readWalking(sc, into: &route)
        if route.opened == nil, let when = openingDay(in: sc) { route.opened = Sourced(when, sentence: id) }
    }

    /// The longest kind of route printed in the sentence (`城乡公交`), as printed.
    static func kind(in sc: SentenceScanner) -> String? {
        guard let k = longestFirst(kindWords).first(where: { sc.contains($0) }), let at = sc.find(k) else { return nil }
        return sc.original(at..<(at + k.scalarCount))
    }

    /// Name, kind, termini and opening day printed only in the headline (`K258路城乡公交下周一开通`),
    /// cited to the body sentence that first names the route.
    static func readTitle(_ title: SentenceScanner, citing cite: Int, into route: inout TransitRoute) {
        if route.name == nil, let t = title.routeTokens().first(where: { $0.value.id == route.routeID }) {
            route.name = Sourced(t.value.printed, sentence: cite)
        }
        if route.kind == nil, let k = kind(in: title) { route.kind = Sourced(k, sentence: cite) }
        if route.termini.isEmpty, let (a, b) = termini(in: title) {
            route.termini = [Sourced(title.original(a), sentence: cite), Sourced(title.original(b), sentence: cite)]
        }
        if route.opened == nil, let when = openingDay(in: title) { route.opened = Sourced(when, sentence: cite) }
    }

    /// Rail lines and bus routes the sentence offers as a change (`可换乘地铁17号线`,
    /// `(地铁17号线)` after a terminus, `换乘k258路`).
    static func transfers(in sc: SentenceScanner) -> [String] {
        var out: [String] = []
        for line in sc.railLines() {
            let clause = sc.clause(around: line.range.lowerBound)
            let inParens = line.range.lowerBound > 0 && sc.s[line.range.lowerBound - 1] == "("
            if inParens || sc.firstWord(of: SentenceScanner.transferWords, in: clause.lowerBound..<line.range.lowerBound) != nil {
                out.append(line.value)
            }
        }
        out += sc.routeTokens().filter(\.value.isTransfer).map(\.value.printed)
        return out
    }

    /// `…公交站步行50米直达奥特莱斯广场`: the note from `步行` on, and its destination as a stop.
    static func readWalking(_ sc: SentenceScanner, into route: inout TransitRoute) {
        for c in sc.occurrences(of: walkingCue) {
            let note = sc.phrase(from: c)
            guard note.count > walkingCue.count else { continue }
            let text = sc.original(note)
            if !route.walking.contains(where: { $0.value == text }) { route.walking.append(Sourced(text, sentence: sc.sentenceID)) }
            if let v = sc.firstWord(of: arrivalVerbs, in: note) {
                let dest = sc.trimmed((v.offset + v.word.scalarCount)..<note.upperBound, trailing: ["附近", "一带"])
                if (2...20).contains(dest.count), sc.isNameLike(dest) { route.addStop(Sourced(sc.original(dest), sentence: sc.sentenceID)) }
            }
        }
    }

    /// When the route began service, as printed: a date (`9月1日`) or a day word (`昨天`)
    /// before an opening verb in the same sentence.
    static func openingDay(in sc: SentenceScanner) -> String? {
        guard let cue = sc.findAny(openingCues) else { return nil }
        // the time word nearest the verb: `记者昨天获悉,k258路将于下周一开通` opens next Monday
        var spans = sc.dates(in: 0..<cue.offset).filter { $0.value.month != nil }.map(\.range)
        for w in relativeDays {
            for i in sc.occurrences(of: w, in: 0..<cue.offset) {
                var end = i + w.scalarCount
                if let part = dayParts.first(where: { sc.matches($0, at: end) }) { end += part.scalarCount }
                spans.append(i..<end)
            }
        }
        let best = spans.max { a, b in a.upperBound < b.upperBound || (a.upperBound == b.upperBound && a.count < b.count) }
        return best.map { sc.original($0) }
    }
}
