import Foundation
#if canImport(_FoundationICU)
import _FoundationICU
#endif

/// Chinese (and Latin) words of a text from ICU's dictionary word break — the maintained
/// dictionary the Swift toolchain ships inside Foundation on Linux (`_FoundationICU`, ICU's
/// `cjdict`, Unicode licence): `小孩多高以下九水巴士免费` → 小孩|多|高|以下|九|水|巴士|免费.
///
/// One break iterator is opened once and reused under a lock (opening costs ~10 µs, a question's
/// break ~1.5 µs). Where the module is absent (another platform's toolchain) the fallback splits
/// Han runs into bigrams, which is what the index already matches on.
public final class WordSegmenter: @unchecked Sendable {
    public static let shared = WordSegmenter()

    /// Whether words come from ICU's dictionary (false: the bigram fallback).
    public let isDictionaryBased: Bool

    private let lock = NSLock()
    #if canImport(_FoundationICU)
    private let iterator: OpaquePointer?
    #endif

    private init() {
        #if canImport(_FoundationICU)
        var status = U_ZERO_ERROR
        let it = swift_ubrk_open(UBRK_WORD, "zh", nil, 0, &status)
        iterator = status.rawValue <= 0 ? it : nil
        isDictionaryBased = iterator != nil
        #else
        isDictionaryBased = false
        #endif
    }

    /// Scalar ranges of the words of `s` (runs of Han characters, letters or digits; punctuation
    /// and spaces are not words).
    public func words(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        guard !s.isEmpty else { return [] }
        #if canImport(_FoundationICU)
        if let iterator { return dictionaryWords(s, iterator) }
        #endif
        return bigramWords(s)
    }

    #if canImport(_FoundationICU)
    private func dictionaryWords(_ s: [Unicode.Scalar], _ iterator: OpaquePointer) -> [Range<Int>] {
        var utf16: [UInt16] = []
        var scalarAt: [Int] = []          // UTF-16 offset → scalar index
        utf16.reserveCapacity(s.count + 4)
        for (i, c) in s.enumerated() {
            if c.value > 0xFFFF {
                let v = c.value - 0x10000
                utf16.append(UInt16(0xD800 + (v >> 10))); utf16.append(UInt16(0xDC00 + (v & 0x3FF)))
                scalarAt.append(i); scalarAt.append(i)
            } else {
                utf16.append(UInt16(c.value)); scalarAt.append(i)
            }
        }
        scalarAt.append(s.count)
        var bounds: [Int] = []
        lock.lock()
        utf16.withUnsafeBufferPointer { p in
            var status = U_ZERO_ERROR
            swift_ubrk_setText(iterator, p.baseAddress, Int32(p.count), &status)
            guard status.rawValue <= 0 else { return }
            bounds.append(0)
            var end = swift_ubrk_next(iterator)
            while end != UBRK_DONE { bounds.append(Int(end)); end = swift_ubrk_next(iterator) }
        }
        lock.unlock()
        var out: [Range<Int>] = []
        for (a, b) in zip(bounds, bounds.dropFirst()) {
            let r = scalarAt[a]..<scalarAt[b]
            if !r.isEmpty, s[r].contains(where: ScalarClass.isWordScalar) { out.append(r) }
        }
        return out
    }
    #endif

    private func bigramWords(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        while i < s.count {
            if ScalarClass.isHan(s[i]) {
                var j = i
                while j < s.count, ScalarClass.isHan(s[j]) { j += 1 }
                var k = i
                while k < j { out.append(k..<min(k + 2, j)); k += 2 }
                i = j
            } else if ScalarClass.isASCIIAlnum(s[i]) {
                var j = i
                while j < s.count, ScalarClass.isASCIIAlnum(s[j]) { j += 1 }
                out.append(i..<j)
                i = j
            } else {
                i += 1
            }
        }
        return out
    }
}
