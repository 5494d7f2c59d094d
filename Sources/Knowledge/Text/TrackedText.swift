import Foundation

/// Normalised scalars plus, optionally, where each came from in the input. The normaliser's
/// passes read and write this, so origins survive every rewrite (`七点半` → `7:30`).
struct ScalarBuffer {
    var scalars: [Unicode.Scalar] = []
    /// `origins[i]` = index in the original text of the scalar that produced `scalars[i]`;
    /// empty when not tracking.
    var origins: [Int] = []
    let track: Bool

    init(track: Bool, capacity: Int) {
        self.track = track
        scalars.reserveCapacity(capacity)
        if track { origins.reserveCapacity(capacity) }
    }

    @inline(__always) mutating func append(_ s: Unicode.Scalar, from origin: Int) {
        scalars.append(s)
        if track { origins.append(origin) }
    }

    @inline(__always) func origin(_ i: Int) -> Int { track ? origins[i] : 0 }

    var count: Int { scalars.count }
}

/// A normalised text that remembers the printed text it came from.
public struct TrackedText: Sendable, Hashable {
    /// The text as printed, as scalars.
    public let original: [Unicode.Scalar]
    /// The normalised text, as scalars.
    public let scalars: [Unicode.Scalar]
    /// `origins[i]`: index into `original` where `scalars[i]` came from.
    public let origins: [Int]

    /// The normalised text as a string.
    public var normalized: String { String(scalars: scalars) }

    /// The printed text covering normalised range `range` (half-open, scalar offsets).
    public func original(_ range: Range<Int>) -> String {
        guard !range.isEmpty, range.lowerBound < origins.count else { return "" }
        let start = origins[range.lowerBound]
        let lastOrigin = origins[min(range.upperBound, origins.count) - 1]
        // Extend to just before the origin of the next normalised scalar (covers 1:n rewrites
        // such as 七点半 → 7:30, where several inputs map into one output run).
        var end = lastOrigin + 1
        if range.upperBound < origins.count {
            end = max(end, origins[range.upperBound])
        } else {
            end = original.count
        }
        // Trim white space on the scalars, then encode once.
        var a = start, b = max(start, end)
        while a < b, whiteSpaceScalars.contains(original[a]) { a += 1 }
        while b > a, whiteSpaceScalars.contains(original[b - 1]) { b -= 1 }
        return String(scalars: original[a..<b])
    }
}
