import Foundation
import Testing
@testable import Bot

@Suite struct LatencyStatsTests {
    /// Samples in ns, percentile p, nearest-rank value in µs.
    @Test(arguments: [
        ([1000, 2000, 3000, 4000], 50.0, 2.0),
        ([1000, 2000, 3000, 4000], 51.0, 3.0),
        ([1000, 2000, 3000, 4000], 99.0, 4.0),
        ([1000, 2000, 3000, 4000], 100.0, 4.0),
        ([1000, 2000, 3000, 4000], 0.0, 1.0),
        ([4000, 1000, 3000, 2000], 75.0, 3.0),
        ([7000], 50.0, 7.0),
        ([7000], 99.0, 7.0),
    ] as [([UInt64], Double, Double)])
    func nearestRank(samples: [UInt64], p: Double, expected: Double) {
        #expect(LatencyStats(samples).percentile(p) == expected)
    }

    @Test func hundredSamples() {
        let stats = LatencyStats((1...100).reversed().map { UInt64($0) * 1000 })
        #expect(stats.count == 100)
        #expect(stats.percentile(50) == 50 && stats.percentile(90) == 90 && stats.percentile(99) == 99)
        #expect(stats.mean == 50.5)
    }

    @Test func emptyIsZero() {
        let stats = LatencyStats([])
        #expect(stats.count == 0 && stats.percentile(50) == 0 && stats.mean == 0)
    }

    @Test func medianOfRuns() {
        #expect(StartupBench.median([]) == 0)
        #expect(StartupBench.median([3, 1, 2]) == 2)
        #expect(StartupBench.median([4, 1, 3, 2]) == 2.5)
    }
}
