import Foundation

/// A bus (or other transit) route as described in an article.
public struct TransitRoute: Sendable {
    /// Index of the article in `KnowledgeBase.articles`.
    public var article: Int
    /// Canonical route id: digits with any letter prefix in upper case (`115`, `K258`).
    public var routeID: String
    /// The route number as first printed in the body (`115路`, `K258路`, `嘉善1路`), if it is.
    public var name: Sourced<String>?
    /// Kind of route as printed (`省际毗邻公交`, `城乡公交`), if stated.
    public var kind: Sourced<String>?
    /// The two termini as printed, in the order the article gives them.
    public var termini: [Sourced<String>] = []
    /// Stops and landmarks named along the route.
    public var stops: [Sourced<String>] = []
    /// Starting fare (`起步价2元`).
    public var startFare: Sourced<Amount>?
    /// Full-route fare (`全程6元`).
    public var fullFare: Sourced<Amount>?
    /// A single flat fare (`票价2元`, `一票制1元`), when the article gives only one.
    public var flatFare: Sourced<Amount>?
    /// Payment methods (`扫码`, `投币`, `刷卡`).
    public var payment: [Sourced<String>] = []
    /// Fare concessions as printed, who and what (`60周岁以上老年人凭市民卡免费乘坐`, `学生半价`).
    public var concessions: [Sourced<String>] = []
    /// First and last departure from each terminus.
    public var schedules: [TerminusSchedule] = []
    /// Trips per day (`每天8个班次`, `每个方向每天9班`, `双向各发8班`).
    public var tripsPerDay: Sourced<Int>?
    /// Trips per day counted over both directions (`双向合计每天18班`, `往返16趟`).
    public var tripsBothWays: Sourced<Int>?
    /// Headway in minutes (`间隔110~190分钟`).
    public var headway: Sourced<MinuteRange>?
    /// Transfers to metro/rail lines (`地铁17号线`).
    public var transfers: [Sourced<String>] = []
    /// Walking notes (`步行50米直达奥特莱斯广场`).
    public var walking: [Sourced<String>] = []
    /// When service began, as printed (`昨天`, `9月1日`).
    public var opened: Sourced<String>?

    public init(article: Int, routeID: String) {
        self.article = article
        self.routeID = routeID
    }
}

extension TransitRoute {
    /// Whether the article says anything about the route besides its number.
    public var describesService: Bool {
        kind != nil || !termini.isEmpty || !stops.isEmpty || startFare != nil || fullFare != nil || flatFare != nil
            || !schedules.isEmpty || tripsPerDay != nil || tripsBothWays != nil || headway != nil
    }

    /// The sentences the route's facts were read from.
    public var sourceSentences: Set<Int> {
        var out = Set<Int>()
        for s in [name.map(\.sentence), kind.map(\.sentence), startFare.map(\.sentence), fullFare.map(\.sentence), flatFare.map(\.sentence),
                  tripsPerDay.map(\.sentence), tripsBothWays.map(\.sentence), headway.map(\.sentence), opened.map(\.sentence)] {
            if let s { out.insert(s) }
        }
        for list in [termini, stops, payment, concessions, transfers, walking] { for v in list { out.insert(v.sentence) } }
        for s in schedules { for t in [s.first?.sentence, s.last?.sentence] { if let t { out.insert(t) } } }
        return out
    }

    /// The terminus a schedule departs from, if resolved.
    public func terminus(of schedule: TerminusSchedule) -> Sourced<String>? {
        schedule.terminusIndex.flatMap { termini.indices.contains($0) ? termini[$0] : nil }
    }

    /// Adds a stop unless it is already listed or is one of the termini.
    mutating func addStop(_ stop: Sourced<String>) {
        guard !stops.contains(where: { $0.value == stop.value }), !termini.contains(where: { $0.value == stop.value }) else { return }
        stops.append(stop)
    }

    /// Words for the first and the second terminus when a timetable names ends generically.
    static let startWords = ["起点站", "起点", "始发站", "首站", "去程"]
    static let endWords = ["终点站", "终点", "末站", "返程", "回程"]

    /// Points each schedule at the terminus its short form names (`嘉善` → `嘉善客运中心`):
    /// the one terminus containing it (or contained in it); unresolved when none or both match.
    mutating func resolveSchedules(normalizer: Normalizer) {
        stops.removeAll { stop in termini.contains { $0.value == stop.value } }
        for i in schedules.indices where schedules[i].terminusIndex == nil && !schedules[i].terminus.isEmpty {
            let label = normalizer.normalize(schedules[i].terminus)
            if TransitRoute.startWords.contains(label), !termini.isEmpty { schedules[i].terminusIndex = 0; continue }
            if TransitRoute.endWords.contains(label), termini.count == 2 { schedules[i].terminusIndex = 1; continue }
            let names = termini.map { normalizer.normalize($0.value) }
            let hits = names.indices.filter { names[$0].contains(label) || label.contains(names[$0]) }
            if hits.count == 1 { schedules[i].terminusIndex = hits[0] }
        }
    }
}

/// First and last departures from one terminus.
public struct TerminusSchedule: Sendable {
    /// The terminus as the timetable sentence names it (may be a short form: `嘉善`); empty when
    /// the sentence does not say which end (`首班车6:00,末班车18:30`).
    public var terminus: String
    /// Index into `TransitRoute.termini` of the terminus this short form refers to, if resolved.
    public var terminusIndex: Int?
    public var first: Sourced<ClockTime>?
    public var last: Sourced<ClockTime>?

    public init(terminus: String, terminusIndex: Int? = nil, first: Sourced<ClockTime>? = nil, last: Sourced<ClockTime>? = nil) {
        self.terminus = terminus
        self.terminusIndex = terminusIndex
        self.first = first
        self.last = last
    }
}

/// A range of minutes (`110~190分钟`); `min == max` for a single value.
public struct MinuteRange: Sendable, Hashable, CustomStringConvertible {
    public var min: Int
    public var max: Int

    public init(min: Int, max: Int) {
        self.min = min
        self.max = max
    }

    public var description: String { min == max ? "\(min)分钟" : "\(min)~\(max)分钟" }
}
