import Foundation

/// Percentiles of a set of durations (nanoseconds), nearest rank.
struct LatencyStats: Sendable {
    let sorted: [UInt64]

    init(_ samples: [UInt64]) {
        sorted = samples.sorted()
    }

    var count: Int { sorted.count }

    /// The `p`-th percentile in microseconds (nearest rank); 0 when empty.
    func percentile(_ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let k = max(1, Int((p / 100 * Double(sorted.count)).rounded(.up)))
        return Double(sorted[min(k, sorted.count) - 1]) / 1000
    }

    var mean: Double {
        guard !sorted.isEmpty else { return 0 }
        return Double(sorted.reduce(0, +)) / Double(sorted.count) / 1000
    }
}
