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
    /// Per normalised scalar, the index into `original` it came from (`origin(_:)`); empty when
    /// normalising mapped scalar to scalar (most sentences: width and script folding). When it
    /// changed nothing at all, `original` shares `scalars`' storage as well.
    private let originOffsets: [Int32]

    /// `origins[i]`: index into `original` where `scalars[i]` came from.
    public init(original: [Unicode.Scalar], scalars: [Unicode.Scalar], origins: [Int]) {
        // One normalised scalar per printed one (width and script folding: `，` → `,`): no offsets.
        let oneToOne = origins.count == scalars.count && original.count == scalars.count && origins.indices.allSatisfy { origins[$0] == $0 }
        let scalars = scalars.compacted()
        self.scalars = scalars
        self.original = oneToOne && original == scalars ? scalars : original.compacted()
        self.originOffsets = oneToOne ? [] : origins.map { Int32($0) }
    }

    /// Index into `original` of the scalar that produced `scalars[i]`.
    @inline(__always) public func origin(_ i: Int) -> Int { originOffsets.isEmpty ? i : Int(originOffsets[i]) }

    /// The normalised text as a string.
    public var normalized: String { String(scalars: scalars) }

    /// The printed text covering normalised range `range` (half-open, scalar offsets).
    public func original(_ range: Range<Int>) -> String {
        guard let r = originalBounds(range) else { return "" }
        return String(scalars: original[r])
    }

    /// Where in `original` the text `original(_:)` gives for `range` stands (nil: it is empty).
    public func originalBounds(_ range: Range<Int>) -> Range<Int>? {
        guard !range.isEmpty, range.lowerBound < scalars.count else { return nil }
        let start = origin(range.lowerBound)
        let lastOrigin = origin(min(range.upperBound, scalars.count) - 1)
        // Extend to just before the origin of the next normalised scalar (covers 1:n rewrites
        // such as 七点半 → 7:30, where several inputs map into one output run).
        var end = lastOrigin + 1
        if range.upperBound < scalars.count {
            end = max(end, origin(range.upperBound))
        } else {
            end = original.count
        }
        // Trim white space on the scalars, then encode once.
        var a = start, b = max(start, end)
        while a < b, whiteSpaceScalars.contains(original[a]) { a += 1 }
        while b > a, whiteSpaceScalars.contains(original[b - 1]) { b -= 1 }
        return a..<b
    }
}

extension Array {
    /// The elements in storage of their own size: a copy when the array has spare capacity
    /// (buffers reserved for the worst case, grown by doubling), itself otherwise. For arrays
    /// kept for the life of a knowledge base.
    func compacted() -> [Element] {
        guard capacity > count else { return self }
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            _ = buffer.initialize(from: self)
            initialized = count
        }
    }
}
