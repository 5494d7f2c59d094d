import Foundation

/// A printed weather forecast. Day words are relative to the page's date, not to today.
public struct WeatherForecast: Sendable {
    public var article: Int
    public var days: [DayForecast] = []

    public init(article: Int) {
        self.article = article
    }
}

/// One day of a forecast as printed.
public struct DayForecast: Sendable {
    public enum Day: String, Sendable, Hashable, CaseIterable {
        case today, tonight, tomorrow, dayAfterTomorrow
    }

    public var day: Day
    /// Sky and precipitation as printed (`多云,午后部分地区阴有阵雨或雷雨`).
    public var conditions: Sourced<String>?
    /// Highest temperature, °C (`35℃到36℃` → 35…36).
    public var high: Sourced<TemperatureRange>?
    /// Lowest temperature, °C.
    public var low: Sourced<TemperatureRange>?
    /// Wind as printed (`偏南风3到4级`).
    public var wind: Sourced<String>?

    public init(day: Day) {
        self.day = day
    }
}

/// A temperature or a range of them, in °C.
public struct TemperatureRange: Sendable, Hashable, CustomStringConvertible {
    public var min: Int
    public var max: Int

    public init(min: Int, max: Int) {
        self.min = min
        self.max = max
    }

    public var description: String { min == max ? "\(min)℃" : "\(min)℃到\(max)℃" }
}
