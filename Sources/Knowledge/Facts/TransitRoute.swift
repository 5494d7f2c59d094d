import Foundation

/// A bus (or other transit) route as described in an article.
public struct TransitRoute: Sendable {
    /// Index of the article in `KnowledgeBase.articles`.
    public var article: Int
    /// Canonical route id: digits with any letter prefix in upper case (`115`, `K258`).
    public var routeID: String
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
    /// First and last departure from each terminus.
    public var schedules: [TerminusSchedule] = []
    /// Trips per day (`每天8个班次`).
    public var tripsPerDay: Sourced<Int>?
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

/// First and last departures from one terminus.
public struct TerminusSchedule: Sendable {
    /// The terminus as the timetable sentence names it (may be a short form: `嘉善`).
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
