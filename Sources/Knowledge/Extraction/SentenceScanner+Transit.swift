import Foundation

/// A bus route number as printed in a sentence (`115路`, `K258路`, `嘉善1路`).
public struct RouteToken: Sendable, Hashable {
    /// Canonical id: letter prefix in upper case, then digits (`K258`).
    public var id: String
    /// As printed, with a place prefix when the paper writes one (`嘉善1路`).
    public var printed: String
    /// Printed after `换乘`/`接驳`: a route passengers change to, not the one described.
    public var isTransfer: Bool
}

/// Route numbers, rail lines and minute ranges, shared by transit-aware extractors.
///
/// | sentence (normalised)               | `routeTokens()`                 | `railLines()`   |
/// |-------------------------------------|---------------------------------|-----------------|
/// | `省际毗邻公交115路正式开行`          | `115`                           |                 |
/// | `城乡公交k258路`                     | `K258` (printed `K258路`)       |                 |
/// | `增加一路泵送管道` / `紫6路宽5米`     | (none: idiom, road name)        |                 |
/// | `可换乘地铁17号线到达上海市区`        | (none)                          | `地铁17号线`    |
extension SentenceScanner {
    /// Words after which a number + `路` is a bus route (`公交115路`, `开通k258路`, `乘坐3路`).
    public static let routeLeadWords = ["公交", "公交车", "乘坐", "搭乘", "坐", "乘", "开通", "新开", "新增", "开行", "的", "了",
                                        "条", "和", "与", "及", "或", "是", "为", "即", "该", "将", "由", "原", "换乘", "接驳",
                                        "号", "线", "专线", "到", "至", "等"]
    /// Transit words that, before a place prefix, make `嘉善1路` a route without a noun after it.
    public static let routeIntroWords = ["公交", "公交车", "乘坐", "搭乘", "开通", "新开", "新增", "开行", "换乘", "接驳"]
    /// Nouns after `N路` that make it a bus route even after a place prefix (`嘉善1路公交`).
    public static let routeNouns = ["公交", "线路", "班车", "巴士", "专线", "车", "站"]
    /// Characters after `路` that make `N路` a road or a way, not a route (`3路口`, `2路段`).
    public static let roadFollowers: Set<Unicode.Scalar> = Set("口段边面灯况基网桥径".unicodeScalars)
    /// Words before a route or line that make it a transfer target.
    public static let transferWords = ["换乘", "接驳", "转乘"]
    /// Kinds of route printed between a transfer word and the route number (`换乘旅游专线y1路`), longest first.
    static let transferKindWords: [String] = (TransitRouteExtractor.kindWords + ["公交车", "公交", "专线", "巴士", "线路"])
        .sorted { $0.scalarCount > $1.scalarCount }
    /// Prefixes of rail lines (`地铁17号线`, `轨道交通1号线`).
    public static let railPrefixes = ["轨道交通", "城际铁路", "市域铁路", "有轨电车", "地铁", "轻轨"]

    /// Bus route numbers in the sentence, left to right. A place prefix is kept in `printed`
    /// only when a route noun follows (`嘉善1路公交`); other Han prefixes (`紫6路` a road,
    /// `兵分3路`) and single Chinese numerals (`三路`) are not routes.
    public func routeTokens(in range: Range<Int>? = nil) -> [Found<RouteToken>] {
        let r = range ?? 0..<s.count
        var out: [Found<RouteToken>] = []
        for p in occurrences(of: "路", in: r) where p > 0 && ScalarClass.isDigit(s[p - 1]) {
            var d = p
            while d > 0, ScalarClass.isDigit(s[d - 1]) { d -= 1 }
            var start = d
            while start > 0, ScalarClass.isASCIILetter(s[start - 1]), d - start < 2 { start -= 1 }
            // `6:18路过` is a clock time; `共有3条:18路` lists a route after a colon.
            let clock = start >= 2 && s[start - 1] == ":" && ScalarClass.isDigit(s[start - 2])
            guard p - d <= 4, !clock, start == 0 || !(ScalarClass.isASCIILetter(s[start - 1]) || s[start - 1] == ".") else { continue }
            if p + 1 < s.count, SentenceScanner.roadFollowers.contains(s[p + 1]) { continue }
            let digitsPrinted = original(d..<p)
            // 三路 / 两路 as printed: a way or a group (兵分三路), not a route number.
            if p - d == 1, !digitsPrinted.unicodeScalars.contains(where: ScalarClass.isDigit) { continue }
            let nounFollows = SentenceScanner.routeNouns.contains { matches($0, at: p + 1) }
            var printedStart = start
            if start > 0, ScalarClass.isHan(s[start - 1]) {
                if s[start - 1] == "第" { continue }
                let led = SentenceScanner.routeLeadWords.contains { w in
                    let n = w.scalarCount
                    return start >= n && matches(w, at: start - n)
                }
                if !led {
                    // a place prefix (2–3 Han characters after a boundary) with a route noun after
                    // it or a transit word before it: 嘉善1路公交, 开通嘉善1路
                    guard let a = placePrefixStart(before: start) else { continue }
                    let transitBefore = SentenceScanner.routeIntroWords.contains { w in
                        a >= w.scalarCount && matches(w, at: a - w.scalarCount)
                    }
                    guard nounFollows || transitBefore else { continue }
                    printedStart = a
                }
            }
            let letters = text(start..<d).uppercased()
            let digits = String(text(d..<p).drop { $0 == "0" })
            guard !digits.isEmpty else { continue }
            // `换乘k201路`, and `换乘旅游专线y1路` with a kind of route between
            var lead = printedStart
            if let kind = SentenceScanner.transferKindWords.first(where: { w in lead >= w.scalarCount && matches(w, at: lead - w.scalarCount) }) {
                lead -= kind.scalarCount
            }
            let transfer = SentenceScanner.transferWords.contains { w in
                let n = w.scalarCount
                return (lead >= n && matches(w, at: lead - n))
                    || (lead >= n + 1 && s[lead - 1] == "可" && matches(w, at: lead - n - 1))
            }
            var printed = original(printedStart..<(p + 1))
            if !letters.isEmpty { printed = original(printedStart..<start) + letters + original(d..<(p + 1)) }
            out.append(Found(range: printedStart..<(p + 1), value: RouteToken(id: letters + digits, printed: printed, isTransfer: transfer)))
        }
        return out
    }

    /// How many times a number printed in digits is followed by 路 as a line's name is (not
    /// `3路口`, `第3路`): more than `routeTokens()` finds means the sentence also names a line
    /// the reader does not take for a route (`示范区5路`).
    public func routeMentionCount() -> Int {
        occurrences(of: "路").filter { p in
            p > 0 && ScalarClass.isDigit(s[p - 1]) && original((p - 1)..<p).unicodeScalars.contains(where: ScalarClass.isDigit)
                && !(p + 1 < s.count && SentenceScanner.roadFollowers.contains(s[p + 1]))
                && !(p >= 2 && s[p - 2] == "第")
        }.count
    }

    /// Start of a 2–3 character Han place prefix ending at `end`, bounded on the left by
    /// punctuation, a function character or a route lead word; nil when there is none.
    private func placePrefixStart(before end: Int) -> Int? {
        func boundary(_ a: Int) -> Bool {
            a == 0 || !ScalarClass.isHan(s[a - 1]) || NameFinder.boundaryScalars.contains(s[a - 1])
                || SentenceScanner.routeLeadWords.contains { w in a >= w.scalarCount && matches(w, at: a - w.scalarCount) }
        }
        var a = end
        while end - a < 3, !boundary(a) { a -= 1 }
        return end - a >= 2 && boundary(a) ? a : nil
    }

    /// Rail lines `N号线` with any rail prefix (`地铁17号线`), as printed.
    public func railLines(in range: Range<Int>? = nil) -> [Found<String>] {
        let r = range ?? 0..<s.count
        var out: [Found<String>] = []
        for k in occurrences(of: "号线", in: r) where k > 0 && ScalarClass.isDigit(s[k - 1]) {
            var d = k
            while d > r.lowerBound, ScalarClass.isDigit(s[d - 1]) { d -= 1 }
            var start = d
            for p in SentenceScanner.railPrefixes {
                let n = p.scalarCount
                if d - n >= r.lowerBound, matches(p, at: d - n) { start = d - n; break }
            }
            out.append(Found(range: start..<(k + 2), value: original(start..<(k + 2))))
        }
        return out
    }

    /// A number or range of minutes at `k` (`30分钟`, `110~190分钟`, `1小时`, `15至20分钟`): the
    /// range and the end offset. Hours are converted to minutes.
    public func minuteRange(at k: Int) -> (MinuteRange, Int)? {
        guard let (a, e1) = integer(at: k) else { return nil }
        var hi = a
        var e = e1
        for sep in ["~", "-", "—", "至", "到"] where matches(sep, at: e) {
            if let (b, e2) = integer(at: e + sep.scalarCount), b >= a { hi = b; e = e2 }
            break
        }
        for (unit, factor) in [("分钟", 1), ("个小时", 60), ("小时", 60)] where matches(unit, at: e) {
            return (MinuteRange(min: a * factor, max: hi * factor), e + unit.scalarCount)
        }
        return nil
    }
}
