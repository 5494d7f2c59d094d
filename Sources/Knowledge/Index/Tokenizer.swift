import Foundation

/// A search term: a Han unigram, a Han bigram, an ASCII word, or a number joined to the Han
/// character after it. Packed in 64 bits so terms never allocate.
public struct Term: Hashable, Sendable, CustomStringConvertible {
    public let key: UInt64
    /// Scalar length of the term text (for weighting and explanation).
    public let length: UInt8
    let text: String?

    static let unigramTag: UInt64 = 1 << 60
    static let bigramTag: UInt64 = 2 << 60

    public init(unigram a: Unicode.Scalar) {
        key = Term.unigramTag | UInt64(a.value)
        length = 1
        text = nil
    }

    public init(bigram a: Unicode.Scalar, _ b: Unicode.Scalar) {
        key = Term.bigramTag | (UInt64(a.value) << 21) | UInt64(b.value)
        length = 2
        text = nil
    }

    /// ASCII words and number+unit joins (`115`, `k258`, `115路`) keyed by a stable hash of their text.
    public init(word: String) {
        var h = Term.wordHashSeed
        for b in word.utf8 { h = Term.wordHash(h, b) }
        key = Term.wordKey(h)
        length = UInt8(min(word.scalarCount, 255))
        text = word
    }

    /// FNV-1a over a word's UTF-8 bytes, tagged: a word term's key.
    static let wordHashSeed: UInt64 = 0xcbf29ce484222325
    @inline(__always) static func wordHash(_ h: UInt64, _ byte: UInt8) -> UInt64 { (h ^ UInt64(byte)) &* 0x100000001b3 }
    @inline(__always) static func wordKey(_ h: UInt64) -> UInt64 { (3 << 60) | (h & ((1 << 60) - 1)) }

    public var isUnigram: Bool { key >> 60 == 1 }

    public static func == (a: Term, b: Term) -> Bool { a.key == b.key }
    public func hash(into h: inout Hasher) { h.combine(key) }

    public var description: String {
        if let text { return text }
        if key >> 60 == 1 { return String(Unicode.Scalar(UInt32(key & 0x1FFFFF))!) }
        let a = Unicode.Scalar(UInt32((key >> 21) & 0x1FFFFF))!
        let b = Unicode.Scalar(UInt32(key & 0x1FFFFF))!
        return String(a) + String(b)
    }
}

/// Turns normalised text into search terms: Han runs → unigrams + bigrams; ASCII letter/digit
/// runs → one word each (so `115` never matches `1150`); a digit run followed by a Han character
/// also yields the joined term (`115路`, `17号`) so identifiers with their measure word match
/// exactly. Punctuation and spaces separate runs.
///
/// | normalised input      | terms                                                        |
/// |-----------------------|--------------------------------------------------------------|
/// | `115路首班车`          | `115` `115路` `路` `首` `班` `车` `路首` `首班` `班车`        |
/// | `惠农e贷余额`          | `惠` `农` `惠农` `e` `贷` `余` `额` `贷余` `余额`             |
/// | `地铁17号线`           | `地` `铁` `地铁` `17` `17号` `号` `线` `号线`                 |
public enum Tokenizer {
    public static func terms(_ normalized: String) -> [Term] {
        terms(Array(normalized.unicodeScalars))
    }

    /// Quote marks are transparent: `“诚信制”物业` yields the bigram `制物` like `诚信制物业`.
    static let transparent: Set<Unicode.Scalar> = ["\u{201C}", "\u{201D}", "\"", "'", "《", "》"]

    /// `transparent.contains(c)`, without hashing (this runs on every scalar indexed).
    @inline(__always) static func isTransparent(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\u{201C}", "\u{201D}", "\"", "'", "《", "》": return true
        default: return false
        }
    }

    /// Walks the terms of `input` (quote marks dropped): `han(s, i)` for each Han scalar (its
    /// unigram, and its bigram when the next one is Han too), `word(s, range, joinsHan)` for each
    /// ASCII run (`joinsHan`: a number run followed by a Han scalar, which also makes `15路`).
    /// `terms` and `termKeys` are this one walk with two ways of making the term.
    @inline(__always) private static func walk(_ input: [Unicode.Scalar], han: ([Unicode.Scalar], Int) -> Void,
                                               word: ([Unicode.Scalar], Range<Int>, Bool) -> Void) {
        let s = input.contains(where: isTransparent) ? input.filter { !isTransparent($0) } : input
        var i = 0
        let n = s.count
        while i < n {
            let c = s[i]
            if ScalarClass.isHan(c) {
                han(s, i)
                i += 1
            } else if ScalarClass.isASCIIAlnum(c) {
                var j = i
                while j < n, ScalarClass.isASCIIAlnum(s[j]) { j += 1 }
                word(s, i..<j, j < n && ScalarClass.isHan(s[j]) && s[i..<j].allSatisfy(ScalarClass.isDigit))
                i = j
            } else {
                i += 1
            }
        }
    }

    /// `terms(input).map(\.key)`, without making the terms (a word's key is hashed straight
    /// from its scalars, which are ASCII: their UTF-8 bytes are their values). What the index
    /// build needs of every sentence.
    public static func termKeys(_ input: [Unicode.Scalar]) -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(input.count * 2)
        walk(input, han: { s, i in
            out.append(Term.unigramTag | UInt64(s[i].value))
            if i + 1 < s.count, ScalarClass.isHan(s[i + 1]) { out.append(Term.bigramTag | (UInt64(s[i].value) << 21) | UInt64(s[i + 1].value)) }
        }, word: { s, r, joinsHan in
            var h = Term.wordHashSeed
            for k in r { h = Term.wordHash(h, UInt8(s[k].value)) }
            out.append(Term.wordKey(h))
            if joinsHan {
                UTF8.encode(s[r.upperBound]) { h = Term.wordHash(h, $0) }
                out.append(Term.wordKey(h))
            }
        })
        return out
    }

    public static func terms(_ input: [Unicode.Scalar]) -> [Term] {
        var out: [Term] = []
        out.reserveCapacity(input.count * 2)
        walk(input, han: { s, i in
            out.append(Term(unigram: s[i]))
            if i + 1 < s.count, ScalarClass.isHan(s[i + 1]) { out.append(Term(bigram: s[i], s[i + 1])) }
        }, word: { s, r, joinsHan in
            let word = String(scalars: s[r])
            out.append(Term(word: word))
            if joinsHan {
                var joined = word
                joined.unicodeScalars.append(s[r.upperBound])
                out.append(Term(word: joined))
            }
        })
        return out
    }
}
