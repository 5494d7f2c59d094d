import Foundation

/// First and last departures, trips per day and headway of a route.
///
/// | phrase (normalised)                          | reads                                   |
/// |----------------------------------------------|-----------------------------------------|
/// | `a首末班时间为7:30、14:30` (also `首末末班`)   | from `a`: first 7:30, last 14:30        |
/// | `首班车6:00,末班车18:30`                      | from an unstated end: 6:00, 18:30       |
/// | `a首班6:30、末班17:00`                        | from `a`: 6:30, 17:00                   |
/// | `a发车时间为6:30—17:30`                       | from `a`: 6:30, 17:30                   |
/// | `首班车6:00从a发车,末班车18:30`               | from `a`: 6:00, 18:30                   |
/// | `a—b方向首班6:00` / `b方向首班6:50`           | from `a` / from `b`                     |
/// | `每天8个班次` `日均发车12班` `单程8趟`         | 8, 12, 8 trips a day                    |
/// | `间隔110~190分钟` `每20分钟1班`               | headway 110–190, 20 minutes             |
extension TransitRouteExtractor {
    /// Cues for the first departure only, and for the last only.
    static let firstDepartureCues = ["首班车", "头班车", "首发车", "首班"]
    static let lastDepartureCues = ["末班车", "收班车", "末班", "收班"]
    /// Cues followed by a `first—last` span of times.
    static let serviceSpanCues = ["发车时间", "发班时间", "运营时间", "运营时段", "服务时间"]
    /// Separators inside a `first—last` span.
    static let timeSpanSeparators = ["——", "—", "-", "~", "至", "到"]
    /// Words trimmed around a timetable's terminus label (`从嘉兴南站方向首班` → `嘉兴南站`).
    static let labelLeading = ["其中", "另外", "并且", "而", "且", "从", "由", "在", "、", "和"]
    static let labelTrailing = ["方向", "始发", "发出", "发车", "出发", "的"]
    /// Labels that name no terminus (`线路首班车`, `工作日首班车`).
    /// Verbs after `从a` that make `a` where a departure leaves from (`6:00从a发车`).
    static let departFromVerbs = ["发车", "出发", "始发", "发出", "开出", "首发"]
    /// Separators in a label naming a direction by both ends (`a—b方向`): the first end is where it leaves.
    static let directionSeparators = ["开往", "发往", "——", "—", "→", "-", "至", "到"]
    static let genericLabels = ["线路", "该线路", "本线路", "公交", "车辆", "每天", "每日", "平时", "平日", "工作日", "节假日", "周末",
                                "双休日", "冬季", "夏季", "全程", "时间"]

    /// Words that make a count of runs a daily count (`每天8个班次`).
    static let dailyCues = ["每天", "每日", "日均", "全天", "单程", "一天"]
    /// Units of a count of runs, longest first.
    /// Words that make a daily count one over both directions.
    static let bothWaysCues = ["双向", "合计", "共计", "总计", "一共", "往返", "来回"]
    static let tripUnits = ["个趟次", "个班次", "趟次", "班次", "个班", "班", "趟"]
    /// Words after `每N分钟` that make it a headway (`每20分钟1班`).
    static let headwayTails = ["发车1次", "发1班", "发1趟", "1班", "1趟", "1次"]

    private enum Cue { case both, first, last, span }

    /// Schedules, trips per day and headway printed in the sentence.
    static func readTimetable(_ sc: SentenceScanner, into route: inout TransitRoute) {
        var lastLabel = ""
        for segment in sc.phrases() {
            var cues: [(Range<Int>, Cue)] = []
            for i in sc.occurrences(of: "首", in: segment) { if let r = bothCue(sc, at: i) { cues.append((r, .both)) } }
            func free(_ r: Range<Int>) -> Bool { !cues.contains { $0.0.overlaps(r) } }
            for (words, kind) in [(firstDepartureCues, Cue.first), (lastDepartureCues, .last), (serviceSpanCues, .span)] {
                for w in longestFirst(words) {
                    for i in sc.occurrences(of: w, in: segment) where free(i..<(i + w.scalarCount)) {
                        // `首班车发车时间为6:00`: the span cue only restates the first/last cue before it.
                        if kind == .span, cues.contains(where: { $0.0.upperBound == i }) { continue }
                        cues.append((i..<(i + w.scalarCount), kind))
                    }
                }
            }
            cues.sort { $0.0.lowerBound < $1.0.lowerBound }
            var labelStart = segment.lowerBound
            for (n, (cue, kind)) in cues.enumerated() {
                let windowEnd = n + 1 < cues.count ? cues[n + 1].0.lowerBound : segment.upperBound
                let times = sc.clockTimes(in: cue.upperBound..<windowEnd)
                var label = terminusLabel(sc, labelStart..<cue.lowerBound, inherited: lastLabel)
                if let origin = departurePoint(sc, in: cue.upperBound..<windowEnd) { label = origin }
                labelStart = times.last?.range.upperBound ?? cue.upperBound
                var first: Found<ClockTime>?
                var last: Found<ClockTime>?
                switch kind {
                case .both: if times.count >= 2 { first = times[0]; last = times[1] }
                case .first: first = times.first
                case .last: last = times.first
                case .span:
                    if times.count >= 2, let sep = sc.trimmed(times[0].range.upperBound..<times[1].range.lowerBound).nilIfEmpty,
                       timeSpanSeparators.contains(sc.text(sep)) { first = times[0]; last = times[1] }
                }
                guard first != nil || last != nil else { continue }
                lastLabel = label
                route.addSchedule(label: label, first: first.map { Sourced($0.value, sentence: sc.sentenceID) },
                                  last: last.map { Sourced($0.value, sentence: sc.sentenceID) })
            }
            if let trips = tripsPerDay(sc, in: segment) {
                // `双向合计18班` counts both directions; `双向各发8班` each one.
                let total = sc.firstWord(of: bothWaysCues, in: segment) != nil && sc.firstWord(of: ["各"], in: segment) == nil
                if total, route.tripsBothWays == nil { route.tripsBothWays = Sourced(trips, sentence: sc.sentenceID) }
                if !total, route.tripsPerDay == nil { route.tripsPerDay = Sourced(trips, sentence: sc.sentenceID) }
            }
            if route.headway == nil, let h = headway(sc, in: segment) { route.headway = Sourced(h, sentence: sc.sentenceID) }
        }
    }

    /// `6:00从a发车`, `于6:00由a始发`: the place after `从`/`由`/`自` and before a departure verb.
    private static func departurePoint(_ sc: SentenceScanner, in window: Range<Int>) -> String? {
        for v in departFromVerbs {
            for k in sc.occurrences(of: v, in: window) {
                guard let from = (window.lowerBound..<k).last(where: { "从由自".unicodeScalars.contains(sc.s[$0]) }) else { continue }
                let r = sc.trimmed((from + 1)..<k)
                if (2...16).contains(r.count), sc.isNameLike(r), sc.clockTimes(in: r).isEmpty,
                   !r.contains(where: { ScalarClass.isDigit(sc.s[$0]) }) { return sc.original(r) }
            }
        }
        return nil
    }

    /// `首末班`, `首、末班`, `首末班车` and the misprint `首末末班` at `i`.
    private static func bothCue(_ sc: SentenceScanner, at i: Int) -> Range<Int>? {
        var j = i + 1
        var sawLast = false
        while j < sc.count, sc.s[j] == "末" || sc.s[j] == "、", j - i < 5 { sawLast = sawLast || sc.s[j] == "末"; j += 1 }
        guard sawLast, j < sc.count, sc.s[j] == "班" else { return nil }
        return i..<(sc.matches("车", at: j + 1) ? j + 2 : j + 1)
    }

    /// The terminus a timetable cue is printed after, as printed; `inherited` when nothing
    /// precedes the cue, empty when what precedes names no terminus.
    private static func terminusLabel(_ sc: SentenceScanner, _ range: Range<Int>, inherited: String) -> String {
        var r = sc.trimmed(range, leading: labelLeading, trailing: labelTrailing)
        if r.isEmpty { return inherited }
        // `a—b方向首班…`: the direction from a to b leaves from a
        if let sep = sc.firstWord(of: directionSeparators, in: r), sep.offset > r.lowerBound {
            r = sc.trimmed(r.lowerBound..<sep.offset, leading: labelLeading, trailing: labelTrailing)
        }
        guard r.count <= 12, sc.isNameLike(r), !genericLabels.contains(sc.text(r)), sc.routeTokens(in: r).isEmpty,
              !timeWords.contains(where: { sc.matches($0, at: r.lowerBound) }),
              !r.contains(where: { ScalarClass.isDigit(sc.s[$0]) }) else { return "" }
        return sc.original(r)
    }

    /// `每天8个班次`, `日均发车12班`, `单程8趟`: a count of runs in a phrase with a daily cue.
    static func tripsPerDay(_ sc: SentenceScanner, in segment: Range<Int>) -> Int? {
        guard sc.firstWord(of: dailyCues, in: segment) != nil, sc.firstWord(of: ["分钟", "小时", "间隔"], in: segment) == nil else { return nil }
        for n in sc.numbers(in: segment) where n.value >= 1 && n.value <= 500 && n.value == n.value.rounded() {
            if tripUnits.contains(where: { sc.matches($0, at: n.range.upperBound) }) { return Int(n.value) }
        }
        return nil
    }

    /// `间隔110~190分钟`, `发车间隔约30分钟`, `每20分钟1班`, `每隔1小时发车1次`.
    static func headway(_ sc: SentenceScanner, in segment: Range<Int>) -> MinuteRange? {
        for c in sc.occurrences(of: "间隔", in: segment) {
            let r = sc.trimmed((c + 2)..<segment.upperBound, leading: ["时间", "为", "约", "大约", "平均", "在", "是", ":"])
            if let (m, _) = sc.minuteRange(at: r.lowerBound) { return m }
        }
        for c in sc.occurrences(of: "每", in: segment) {
            let k = sc.matches("隔", at: c + 1) ? c + 2 : c + 1
            if let (m, e) = sc.minuteRange(at: k), headwayTails.contains(where: { sc.matches($0, at: e) }) { return m }
        }
        return nil
    }
}

fileprivate extension Range where Bound == Int {
    /// Nil for an empty range.
    var nilIfEmpty: Range<Int>? { isEmpty ? nil : self }
}

extension TransitRoute {
    /// Adds a first/last departure to the schedule for `label`, creating it when new.
    mutating func addSchedule(label: String, first: Sourced<ClockTime>?, last: Sourced<ClockTime>?) {
        if let i = schedules.firstIndex(where: { $0.terminus == label && ($0.first == nil || first == nil) && ($0.last == nil || last == nil) }) {
            if schedules[i].first == nil { schedules[i].first = first }
            if schedules[i].last == nil { schedules[i].last = last }
        } else {
            schedules.append(TerminusSchedule(terminus: label, first: first, last: last))
        }
    }
}
