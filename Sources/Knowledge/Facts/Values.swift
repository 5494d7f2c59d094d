import Foundation

/// A value together with the sentence it was read from (index into `KnowledgeBase.sentences`).
public struct Sourced<Value: Sendable>: Sendable {
    public var value: Value
    public var sentence: Int

    public init(_ value: Value, sentence: Int) {
        self.value = value
        self.sentence = sentence
    }
}

extension Sourced: Equatable where Value: Equatable {}
extension Sourced: Hashable where Value: Hashable {}

/// A time of day, printed `HH:MM`.
public struct ClockTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var hour: Int
    public var minute: Int

    public init(hour: Int, minute: Int) {
        self.hour = hour
        self.minute = minute
    }

    /// Parses `7:30` / `14:05` (the normaliser's form).
    public init?(_ text: String) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0..<60).contains(m) else { return nil }
        self.init(hour: h, minute: m)
    }

    public var description: String {
        // `07:05` — by hand: `String(format:)` costs microseconds, and every departure answer prints times.
        func two(_ n: Int) -> String { n < 10 && n >= 0 ? "0" + String(n) : String(n) }
        return two(hour) + ":" + two(minute)
    }
    public var minutesSinceMidnight: Int { hour * 60 + minute }

    public static func < (a: ClockTime, b: ClockTime) -> Bool { a.minutesSinceMidnight < b.minutesSinceMidnight }
}

/// An amount as printed (`6元`, `40000元`, `400万元`, `2.37亿美元`) with its numeric value in the unit.
public struct Amount: Sendable, Hashable, CustomStringConvertible {
    /// Numeric value in `unit` (`400` for `400万元`, with `multiplier` 10,000).
    public var value: Double
    /// Multiplier word folded into the value when comparing: 1, 10_000 (万), 100_000_000 (亿).
    public var multiplier: Double
    /// Unit after any multiplier: `元`, `美元`, `%`, `项`, `米`…
    public var unit: String
    /// The text as printed, e.g. `400万元`.
    public var text: String

    public init(value: Double, multiplier: Double = 1, unit: String, text: String) {
        self.value = value
        self.multiplier = multiplier
        self.unit = unit
        self.text = text
    }

    public var description: String { text }
    /// Value in base units (`400万元` → 4,000,000).
    public var absoluteValue: Double { value * multiplier }
}

/// A calendar date as printed in an article: month and day, optionally the year; `approximate`
/// for `左右`, `part` for `底`/`初`/`中旬`…; `relative` for printed words like `今年`, `明年`.
public struct PrintedDate: Sendable, Hashable, CustomStringConvertible {
    public var year: Int?
    /// Printed relative year word (`今年`, `明年`, `去年`), kept because it depends on the page's date.
    public var relativeYear: String?
    public var month: Int?
    public var day: Int?
    /// `底`, `初`, `中旬`, `上旬`, `下旬`, `末`.
    public var part: String?
    public var approximate: Bool

    public init(year: Int? = nil, relativeYear: String? = nil, month: Int? = nil, day: Int? = nil,
                part: String? = nil, approximate: Bool = false) {
        self.year = year
        self.relativeYear = relativeYear
        self.month = month
        self.day = day
        self.part = part
        self.approximate = approximate
    }

    /// Chinese form: `2024年8月15日`, `8月31日左右`, `2024年底`.
    public var description: String {
        var s = ""
        if let year { s += "\(year)年" } else if let relativeYear { s += relativeYear }
        if let month { s += "\(month)月" }
        if let day { s += "\(day)日" }
        if let part { s += part }
        if approximate { s += "左右" }
        return s
    }

    /// English form: `15 August`, `around 31 August`, `end of 2024`.
    public var english: String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        var core = ""
        if let month, (1...12).contains(month) {
            core = day.map { "\($0) \(months[month - 1])" } ?? months[month - 1]
        }
        if let year { core += core.isEmpty ? "\(year)" : " \(year)" }
        if let part {
            switch part {
            case "底", "末": core = "end of " + core
            case "初": core = "early " + core
            case "中旬": core = "mid-" + core
            case "上旬": core = "early " + core
            case "下旬": core = "late " + core
            default: break
            }
        }
        if approximate { core = "around " + core }
        return core
    }
}

/// A length of time: `30分钟`, `3个工作日`, `2小时`.
public struct Duration: Sendable, Hashable, CustomStringConvertible {
    public enum Unit: String, Sendable, Hashable {
        case minute, hour, day, workingDay, week, month, year
    }

    public var value: Double
    public var unit: Unit
    /// As printed, e.g. `3个工作日`.
    public var text: String

    public init(value: Double, unit: Unit, text: String) {
        self.value = value
        self.unit = unit
        self.text = text
    }

    public var description: String { text }

    /// English: `30 minutes`, `3 working days`.
    public var english: String {
        let n = value == value.rounded() ? String(Int(value)) : String(value)
        let plural = value == 1 ? "" : "s"
        switch unit {
        case .minute: return "\(n) minute\(plural)"
        case .hour: return "\(n) hour\(plural)"
        case .day: return "\(n) day\(plural)"
        case .workingDay: return "\(n) working day\(plural)"
        case .week: return "\(n) week\(plural)"
        case .month: return "\(n) month\(plural)"
        case .year: return "\(n) year\(plural)"
        }
    }
}
