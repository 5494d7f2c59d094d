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
    /// The text as printed (the string that was normalised: a sentence's `text` shares its
    /// storage, so the printed form is kept once, in UTF-8, not again as scalars).
    public let printedText: String
    /// Number of scalars of `printedText`.
    let originalCount: Int
    /// The normalised text, as scalars.
    public let scalars: [Unicode.Scalar]
    /// Per normalised scalar, the index into `original` it came from (`origin(_:)`); empty when
    /// normalising mapped scalar to scalar (most sentences: width and script folding).
    private let originOffsets: [Int32]

    /// The text as printed, as scalars (made when asked for).
    public var original: [Unicode.Scalar] { Array(printedText.unicodeScalars) }

    /// `origins[i]`: index into `original` where `scalars[i]` came from.
    public init(original: [Unicode.Scalar], scalars: [Unicode.Scalar], origins: [Int]) {
        self.init(printed: String(scalars: original), count: original.count, scalars: scalars, origins: origins)
    }

    /// The same from the printed string itself (`count`: its number of scalars).
    init(printed: String, count: Int, scalars: [Unicode.Scalar], origins: [Int]) {
        // One normalised scalar per printed one (width and script folding: `，` → `,`): no offsets.
        let oneToOne = origins.count == scalars.count && count == scalars.count && origins.indices.allSatisfy { origins[$0] == $0 }
        self.printedText = printed
        self.originalCount = count
        self.scalars = scalars.compacted()
        self.originOffsets = oneToOne ? [] : origins.map { Int32($0) }
    }

    /// Index into `original` of the scalar that produced `scalars[i]`.
    @inline(__always) public func origin(_ i: Int) -> Int { originOffsets.isEmpty ? i : Int(originOffsets[i]) }

    /// The normalised text as a string.
    public var normalized: String { String(scalars: scalars) }

    /// The printed text covering normalised range `range` (half-open, scalar offsets).
    public func original(_ range: Range<Int>) -> String {
        guard let r = printedIndices(range) else { return "" }
        return String(printedText.unicodeScalars[r])
    }

    /// Whether the printed scalars at offsets `range` hold one outside `set`.
    func printed(_ range: Range<Int>, holdsOneOutside set: Set<Unicode.Scalar>) -> Bool {
        guard !range.isEmpty else { return false }
        let v = printedText.unicodeScalars
        var i = v.index(v.startIndex, offsetBy: range.lowerBound)
        for _ in range {
            if !set.contains(v[i]) { return true }
            v.formIndex(after: &i)
        }
        return false
    }

    /// Where in `original` the text `original(_:)` gives for `range` stands (nil: it is empty).
    public func originalBounds(_ range: Range<Int>) -> Range<Int>? {
        bounds(range).map { $0.offsets }
    }

    private func printedIndices(_ range: Range<Int>) -> Range<String.UnicodeScalarView.Index>? {
        bounds(range).map { $0.indices }
    }

    /// `originalBounds` as scalar offsets and as indices into `printedText.unicodeScalars`.
    private func bounds(_ range: Range<Int>) -> (offsets: Range<Int>, indices: Range<String.UnicodeScalarView.Index>)? {
        guard !range.isEmpty, range.lowerBound < scalars.count else { return nil }
        let start = origin(range.lowerBound)
        let lastOrigin = origin(min(range.upperBound, scalars.count) - 1)
        // Extend to just before the origin of the next normalised scalar (covers 1:n rewrites
        // such as 七点半 → 7:30, where several inputs map into one output run).
        var end = lastOrigin + 1
        if range.upperBound < scalars.count {
            end = max(end, origin(range.upperBound))
        } else {
            end = originalCount
        }
        // Trim white space on the scalars, then encode once.
        var a = start, b = max(start, end)
        let v = printedText.unicodeScalars
        guard a < originalCount else { return (a..<b, v.endIndex..<v.endIndex) }
        var ia = v.index(v.startIndex, offsetBy: a)
        var ib = v.index(ia, offsetBy: b - a)
        while a < b, whiteSpaceScalars.contains(v[ia]) { a += 1; v.formIndex(after: &ia) }
        while b > a {
            let before = v.index(before: ib)
            guard whiteSpaceScalars.contains(v[before]) else { break }
            b -= 1
            ib = before
        }
        return (a..<b, ia..<ib)
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
