import Foundation

/// First position in `h[range]` where `n` starts: a first-element scan, then compare.
@inlinable func firstMatch<T: Equatable>(_ h: UnsafeBufferPointer<T>, _ n: UnsafeBufferPointer<T>, in range: Range<Int>) -> Int? {
    let nc = n.count
    guard nc > 0 else { return range.lowerBound }
    guard range.count >= nc else { return nil }
    let first = n[0]
    var i = range.lowerBound
    while i <= range.upperBound - nc {
        if h[i] == first {
            var k = 1
            while k < nc && h[i + k] == n[k] { k += 1 }
            if k == nc { return i }
        }
        i += 1
    }
    return nil
}

/// Byte search without Foundation.
@usableFromInline func byteSearch(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>) -> Bool {
    guard n.count > 0 else { return true }
    guard h.count >= n.count, let hb = h.baseAddress, let nb = n.baseAddress else { return false }
    // The C library's vectorised byte scan for the first byte, then a compare: the answer of
    // `firstMatch`, found faster.
    let first = Int32(nb.pointee)
    let last = h.count - n.count   // the last start that fits
    var i = 0
    while i <= last {
        guard let hit = memchr(hb + i, first, last - i + 1) else { return false }
        let at = hb.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        if memcmp(hb + at, nb, n.count) == 0 { return true }
        i = at + 1
    }
    return false
}

/// Where `needle` first occurs in `haystack[range]` (whole scalars, exact), or nil.
public func firstIndex(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], within range: Range<Int>? = nil) -> Int? {
    let r = (range ?? 0..<haystack.count).clamped(to: 0..<haystack.count)
    return haystack.withUnsafeBufferPointer { h in needle.withUnsafeBufferPointer { n in firstMatch(h, n, in: r) } }
}

extension StringProtocol {
    /// Byte-wise (UTF-8) substring test. Far cheaper than Foundation's locale-aware `contains`,
    /// and exact, which is what matching normalised text wants.
    @inlinable public func includes(_ needle: String) -> Bool {
        var n = needle
        return n.withUTF8 { nb -> Bool in
            if let r = self.utf8.withContiguousStorageIfAvailable({ hb in byteSearch(hb, nb) }) { return r }
            return Array(self.utf8).withUnsafeBufferPointer { byteSearch($0, nb) }
        }
    }

    /// `scalarCount <= limit`, reading at most `limit + 1` scalars.
    @inlinable public func hasAtMostScalars(_ limit: Int) -> Bool {
        var n = 0
        for _ in unicodeScalars {
            n += 1
            if n > limit { return false }
        }
        return true
    }

    /// Number of Unicode scalars (cheap; `count` walks grapheme clusters).
    /// Read off the UTF-8 bytes (one scalar per byte that is no continuation byte), several
    /// times cheaper than `unicodeScalars.count`'s index walk.
    @inlinable public var scalarCount: Int {
        if let n = utf8.withContiguousStorageIfAvailable({ bytes -> Int in
            var n = 0
            for b in bytes where b & 0xC0 != 0x80 { n += 1 }
            return n
        }) { return n }
        return unicodeScalars.count
    }

    /// The text without leading/trailing white space (incl. the ideographic space U+3000 and a
    /// BOM), scalar-based and much cheaper than Foundation's `trimmingCharacters(in:)`.
    @inlinable public var trimmed: String { trimmed(of: whiteSpaceScalars) }

    /// The text without leading/trailing scalars from `set`.
    @inlinable public func trimmed(of set: Set<Unicode.Scalar>) -> String {
        let s = unicodeScalars
        guard let first = s.firstIndex(where: { !set.contains($0) }) else { return "" }
        let last = s.lastIndex(where: { !set.contains($0) })!
        return String(scalars: s[first...last])
    }
}

extension String {
    /// `contains(_:)` as Foundation answers it (a search for canonically equivalent text), by a
    /// byte search when both texts are made only of scalars for which the two searches agree:
    /// ones without a canonical decomposition that combine with nothing and stand as their own
    /// characters (ASCII but CR, CJK ideographs and punctuation, full-width forms). Other text
    /// still goes to Foundation, whose search costs ~100× the byte one.
    public func containsText(_ needle: String) -> Bool {
        if !needle.isEmpty, String.isPlain(self), String.isPlain(needle) { return includes(needle) }
        return contains(needle)
    }

    /// `hasPrefix(_:)`, compared by bytes when both texts are plain (`isPlain`: there each
    /// scalar is a character equal only to itself).
    public func hasTextPrefix(_ prefix: String) -> Bool {
        if String.isPlain(self), String.isPlain(prefix) { return utf8.starts(with: prefix.utf8) }
        return hasPrefix(prefix)
    }

    /// `hasSuffix(_:)`, compared by bytes when both texts are plain.
    public func hasTextSuffix(_ suffix: String) -> Bool {
        if String.isPlain(self), String.isPlain(suffix) {
            let a = utf8.count, b = suffix.utf8.count
            return a >= b && utf8.dropFirst(a - b).elementsEqual(suffix.utf8)
        }
        return hasSuffix(suffix)
    }

    @usableFromInline static func isPlain(_ text: String) -> Bool {
        for c in text.unicodeScalars {
            let v = c.value
            switch v {
            case 0x09, 0x0A, 0x20...0x7E, 0x3000...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF,
                 0xFF01...0xFF5E, 0x2010...0x2027, 0x2030...0x205E: continue
            default: return false
            }
        }
        return true
    }
}

/// White space trimmed by `trimmed`.
public let whiteSpaceScalars: Set<Unicode.Scalar> = [" ", "\t", "\n", "\r", "\u{3000}", "\u{FEFF}", "\u{A0}", "\u{0B}", "\u{0C}"]

extension String {
    /// A string from Unicode scalars, encoded straight to UTF-8 (several times cheaper than
    /// appending them to a `String.UnicodeScalarView`, which the index build does thousands of
    /// times).
    @inlinable public init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
        // Arrays and their slices (nearly every caller): sized exactly and encoded in place.
        if let s = scalars.withContiguousStorageIfAvailable({ String.encoding($0) }) {
            self = s
            return
        }
        // A slice of a string's scalars: its UTF-8 bytes are copied as they are.
        if let view = scalars as? Substring.UnicodeScalarView {
            self = String(Substring(view))
            return
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 3)
        for s in scalars { UTF8.encode(s) { bytes.append($0) } }
        self = String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    /// The UTF-8 string of `scalars`: its length counted first, then written into the string's
    /// own storage (no byte array in between).
    @usableFromInline static func encoding(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> String {
        var n = 0
        for c in scalars {
            let v = c.value
            n += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
        }
        if n == 0 { return "" }
        return String(unsafeUninitializedCapacity: n) { out in
            var i = 0
            for c in scalars {
                let v = c.value
                if v < 0x80 {
                    out[i] = UInt8(v); i += 1
                } else if v < 0x800 {
                    out[i] = UInt8(0xC0 | v >> 6); out[i + 1] = UInt8(0x80 | v & 0x3F); i += 2
                } else if v < 0x10000 {
                    out[i] = UInt8(0xE0 | v >> 12); out[i + 1] = UInt8(0x80 | v >> 6 & 0x3F); out[i + 2] = UInt8(0x80 | v & 0x3F); i += 3
                } else {
                    out[i] = UInt8(0xF0 | v >> 18); out[i + 1] = UInt8(0x80 | v >> 12 & 0x3F)
                    out[i + 2] = UInt8(0x80 | v >> 6 & 0x3F); out[i + 3] = UInt8(0x80 | v & 0x3F); i += 4
                }
            }
            return i
        }
    }
}

/// `words` longest first (by Unicode scalars), equal lengths in their given order. Each length
/// is counted once, not in every comparison.
public func longestFirst(_ words: [String]) -> [String] {
    words.map { ($0, $0.scalarCount) }.sorted { $0.1 > $1.1 }.map(\.0)
}
