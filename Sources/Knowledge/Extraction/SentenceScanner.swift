import Foundation

/// A span of a normalised sentence with the value read from it.
public struct Found<Value> {
    /// Half-open range of scalar offsets in the normalised sentence.
    public var range: Range<Int>
    public var value: Value
}

/// Pattern primitives over one normalised sentence, shared by every extractor: words, numbers,
/// amounts, clock times, dates, durations, phone numbers, quoted terms and name spans. Works on
/// scalars (fast) and can show any span as printed (`original(_:)`).
///
/// The normaliser has already turned Chinese numerals into digits, times into `H:MM`, full-width
/// forms into ASCII and traditional characters into simplified, so patterns see one form.
public struct SentenceScanner {
    public let tracked: TrackedText
    public let s: [Unicode.Scalar]
    /// Index of the sentence in `KnowledgeBase.sentences` (for `Sourced`).
    public let sentenceID: Int
    /// Clause ranges in order (`clauses()`), found once: most extractors ask for them.
    private let clauseRanges: [Range<Int>]

    /// Which scalars the sentence holds, folded into 256 bits: most words an extractor looks
    /// for start with a character the sentence does not have, and are ruled out without a scan.
    private let present: (UInt64, UInt64, UInt64, UInt64)

    public init(tracked: TrackedText, sentenceID: Int) {
        self.tracked = tracked
        self.s = tracked.scalars
        self.sentenceID = sentenceID
        var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var clauses: [Range<Int>] = []
        var a = 0
        for (i, c) in tracked.scalars.enumerated() {
            SentenceScanner.mark(c, in: &bits)
            if SentenceScanner.isClauseBreak(c) {
                if i > a { clauses.append(a..<i) }
                a = i + 1
            }
        }
        if tracked.scalars.count > a { clauses.append(a..<tracked.scalars.count) }
        present = bits
        clauseRanges = clauses
    }

    @inline(__always) private static func mark(_ c: Unicode.Scalar, in bits: inout (UInt64, UInt64, UInt64, UInt64)) {
        let h = (c.value &* 2654435761) >> 24 & 255
        let bit: UInt64 = 1 << UInt64(h & 63)
        switch h >> 6 {
        case 0: bits.0 |= bit
        case 1: bits.1 |= bit
        case 2: bits.2 |= bit
        default: bits.3 |= bit
        }
    }

    /// False when the sentence certainly lacks `c` (true may be a false positive).
    @inline(__always) public func mayContain(_ c: Unicode.Scalar) -> Bool {
        let h = (c.value &* 2654435761) >> 24 & 255
        let bit: UInt64 = 1 << UInt64(h & 63)
        switch h >> 6 {
        case 0: return present.0 & bit != 0
        case 1: return present.1 & bit != 0
        case 2: return present.2 & bit != 0
        default: return present.3 & bit != 0
        }
    }

    /// Scans a sentence of the knowledge base (its stored normalisation; nothing is recomputed).
    public init(sentence: Sentence, normalizer: Normalizer) {
        self.init(tracked: sentence.tracked, sentenceID: sentence.id)
    }

    public var count: Int { s.count }

    /// The normalised text of `range`.
    public func text(_ range: Range<Int>) -> String {
        let r = range.clamped(to: 0..<s.count)
        return String(scalars: s[r])
    }

    /// The printed text of `range` (original characters, numerals as printed).
    public func original(_ range: Range<Int>) -> String { tracked.original(range.clamped(to: 0..<s.count)) }

    // MARK: - Words

    /// Offsets where `word` (already normalised) occurs, left to right.
    public func occurrences(of word: String, in range: Range<Int>? = nil) -> [Int] {
        scan(word, in: range ?? 0..<s.count, firstOnly: false)
    }

    /// First offset of `word`, or nil.
    public func find(_ word: String, from start: Int = 0) -> Int? {
        scan(word, in: min(start, s.count)..<s.count, firstOnly: true).first
    }

    public func contains(_ word: String) -> Bool { find(word) != nil }

    /// The non-overlapping occurrences of `word` in `r`, left to right (only the first when
    /// `firstOnly`). The word is read from its UTF-8 bytes: its first and last scalars are tested
    /// against the sentence's character filter before it is decoded, and the scan compares
    /// buffers (this runs a few hundred times per sentence, once per pattern word).
    private func scan(_ word: String, in r: Range<Int>, firstOnly: Bool) -> [Int] {
        var w = word
        return w.withUTF8 { u -> [Int] in
            guard !u.isEmpty else { return [] }
            var p = 0
            let first = Self.decodeScalar(u, &p)
            guard mayContain(first) else { return [] }
            var lastStart = u.count - 1
            while u[lastStart] & 0xC0 == 0x80 { lastStart -= 1 }
            var q = lastStart
            guard mayContain(Self.decodeScalar(u, &q)) else { return [] }
            var n = 0
            for b in u where b & 0xC0 != 0x80 { n += 1 }
            let upper = min(r.upperBound, s.count)
            guard r.lowerBound >= 0, upper - r.lowerBound >= n else { return [] }
            return withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: n) { ws -> [Int] in
                var k = 0
                p = 0
                while p < u.count { ws.initializeElement(at: k, to: Self.decodeScalar(u, &p)); k += 1 }
                // Every scalar of the word through the character filter before the scan.
                if n > 2 {
                    for m in 1..<(n - 1) where !mayContain(ws[m]) { return [] }
                }
                return s.withUnsafeBufferPointer { sb -> [Int] in
                    var out: [Int] = []
                    var i = r.lowerBound
                    while i + n <= upper {
                        if sb[i] == first {
                            var m = 1
                            while m < n && sb[i + m] == ws[m] { m += 1 }
                            if m == n {
                                out.append(i)
                                if firstOnly { return out }
                                i += n
                                continue
                            }
                        }
                        i += 1
                    }
                    return out
                }
            }
        }
    }

    /// The scalar whose UTF-8 encoding starts at `u[p]` (valid UTF-8: a `String`'s bytes); `p`
    /// moves past it.
    @inline(__always) static func decodeScalar(_ u: UnsafeBufferPointer<UInt8>, _ p: inout Int) -> Unicode.Scalar {
        let b0 = UInt32(u[p])
        let v: UInt32
        if b0 < 0x80 {
            v = b0; p += 1
        } else if b0 < 0xE0 {
            v = (b0 & 0x1F) << 6 | UInt32(u[p + 1] & 0x3F); p += 2
        } else if b0 < 0xF0 {
            v = (b0 & 0x0F) << 12 | UInt32(u[p + 1] & 0x3F) << 6 | UInt32(u[p + 2] & 0x3F); p += 3
        } else {
            v = (b0 & 0x07) << 18 | UInt32(u[p + 1] & 0x3F) << 12 | UInt32(u[p + 2] & 0x3F) << 6 | UInt32(u[p + 3] & 0x3F); p += 4
        }
        return Unicode.Scalar(v).unsafelyUnwrapped
    }

    /// First of `words` found (earliest offset), with the word.
    public func findAny(_ words: [String], from start: Int = 0) -> (offset: Int, word: String)? {
        var best: (Int, String)?
        for w in words {
            if let i = find(w, from: start), best == nil || i < best!.0 || (i == best!.0 && w.count > best!.1.count) { best = (i, w) }
        }
        return best
    }

    /// Does `word` occur exactly at `offset`?
    public func matches(_ word: String, at offset: Int) -> Bool {
        var w = word
        return w.withUTF8 { u in
            var i = offset
            var p = 0
            while p < u.count {
                let c = Self.decodeScalar(u, &p)
                guard i < s.count, s[i] == c else { return false }
                i += 1
            }
            return true
        }
    }

    /// The longest of `words` printed at `offset` and ending by `limit` (no sorting: one pass,
    /// scalar counts only — this runs for every clause of every sentence).
    @inline(__always)
    public func longestWord(_ words: [String], at offset: Int, limit: Int) -> String? {
        var best: String?
        var bestCount = 0
        for w in words {
            if let n = matchedLength(w, at: offset, limit: limit), n > bestCount { best = w; bestCount = n }
        }
        return best
    }

    /// `word`'s scalar count when it is printed at `offset` and ends by `limit`, else nil (one
    /// pass over the word's bytes: compared and counted at once).
    @inline(__always)
    func matchedLength(_ word: String, at offset: Int, limit: Int) -> Int? {
        var w = word
        return w.withUTF8 { u -> Int? in
            var i = offset
            var p = 0
            while p < u.count {
                let c = Self.decodeScalar(u, &p)
                guard i < limit, i < s.count, s[i] == c else { return nil }
                i += 1
            }
            return i - offset
        }
    }

    /// The longest of `words` printed so that it ends at `end` and starts at or after `start`.
    @inline(__always)
    public func longestWord(_ words: [String], endingAt end: Int, from start: Int) -> String? {
        var best: String?
        var bestCount = 0
        for w in words {
            let n = w.scalarCount
            if n > bestCount, end - n >= start, matches(w, at: end - n) { best = w; bestCount = n }
        }
        return best
    }

    // MARK: - Clauses

    /// Clause punctuation: a clause ends at `, ; 。 ! ? : … —` (and at the sentence's ends).
    @inline(__always) static func isClauseBreak(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case ",", ";", "。", "!", "?", ":", "…", "—": return true
        default: return false
        }
    }

    /// The clause (between clause punctuation) containing `offset`.
    public func clause(around offset: Int) -> Range<Int> {
        var a = min(max(offset, 0), s.count)
        var b = a
        while a > 0, !SentenceScanner.isClauseBreak(s[a - 1]) { a -= 1 }
        while b < s.count, !SentenceScanner.isClauseBreak(s[b]) { b += 1 }
        return a..<b
    }

    /// All clause ranges in order.
    public func clauses() -> [Range<Int>] { clauseRanges }

    // MARK: - Numbers

    /// Numbers written with digits (`199.75`, `2`, `6000`), not part of a longer word-number like `k258`.
    public func numbers(in range: Range<Int>? = nil) -> [Found<Double>] {
        let r = range ?? 0..<s.count
        var out: [Found<Double>] = []
        var i = r.lowerBound
        while i < r.upperBound {
            guard ScalarClass.isDigit(s[i]), i == 0 || !(ScalarClass.isDigit(s[i - 1]) || s[i - 1] == ".") else { i += 1; continue }
            var j = i
            while j < r.upperBound, ScalarClass.isDigit(s[j]) { j += 1 }
            if j + 1 < r.upperBound, s[j] == ".", ScalarClass.isDigit(s[j + 1]) {
                j += 1
                while j < r.upperBound, ScalarClass.isDigit(s[j]) { j += 1 }
            }
            if j < r.upperBound, s[j] == ":" , j + 1 < r.upperBound, ScalarClass.isDigit(s[j + 1]) {
                // a clock time, not a number
                j += 1
                while j < r.upperBound, ScalarClass.isDigit(s[j]) { j += 1 }
                i = j
                continue
            }
            if let v = Double(text(i..<j)) { out.append(Found(range: i..<j, value: v)) }
            i = j
        }
        return out
    }

    /// Amounts: a number, an optional multiplier (`万`, `亿`, `千`), then one of `units`
    /// (`元`, `美元`, `%`, `项`…). `units` are tried longest first.
    public func amounts(units: [String], in range: Range<Int>? = nil) -> [Found<Amount>] {
        var out: [Found<Amount>] = []
        for n in numbers(in: range) {
            var k = n.range.upperBound
            var multiplier = 1.0
            if k < s.count {
                switch s[k] {
                case "万": multiplier = 10_000; k += 1
                case "亿": multiplier = 100_000_000; k += 1
                case "千": if k + 1 < s.count, s[k + 1] == "万" { multiplier = 10_000_000; k += 2 }
                default: break
                }
            }
            if let u = longestWord(units, at: k, limit: s.count) {
                let end = k + u.scalarCount
                out.append(Found(range: n.range.lowerBound..<end,
                                 value: Amount(value: n.value, multiplier: multiplier, unit: u, text: original(n.range.lowerBound..<end))))
            }
        }
        return out
    }

    /// Verbs of a change a notice prints values before and after (`调整前：2元`, `改道后`).
    public static let changeVerbs = ["调整", "调价", "改道", "改线", "变更", "延伸", "优化", "调度", "改造", "搬迁", "合并"]
    /// Words after an old value that give the new one (`由2元调整为3元`).
    static let supersedingWords = ["调整为", "调整到", "调整至", "调为", "调至", "改为", "提高到", "提高至", "提高为", "上调为", "上调至",
                                   "上调到", "下调为", "下调至", "下调到", "降为", "降至", "降到", "涨到", "涨至", "涨为", "变为", "增加到",
                                   "增至", "减至", "减为"]

    /// Where a change's `前` or `后` marker (`调整前`, `改道后`) stands in `range` of `text`, with
    /// whether it is the "before" one, in order. One pass: each 前/后 is checked against the
    /// two-character verbs before it.
    public static func changeMarkers(in text: [Unicode.Scalar], _ range: Range<Int>) -> [(offset: Int, before: Bool)] {
        var out: [(offset: Int, before: Bool)] = []
        var k = range.lowerBound + 2
        while k < range.upperBound {
            let c = text[k]
            if c == "前" || c == "后", changeVerbKeys.contains(UInt64(text[k - 2].value) << 32 | UInt64(text[k - 1].value)) {
                out.append((k - 2, c == "前"))
            }
            k += 1
        }
        return out
    }

    /// `changeVerbs` (all two characters) as pairs of scalar values.
    static let changeVerbKeys: Set<UInt64> = Set(changeVerbs.map { v in
        let s = Array(v.unicodeScalars)
        return UInt64(s[0].value) << 32 | UInt64(s[1].value)
    })

    /// True when the value at `r` is what something was before a change the clause prints: it
    /// stands before `调整为…` (`由2元调整为3元`), or after `调整前` with no `调整后` in between.
    public func isSuperseded(_ r: Range<Int>) -> Bool {
        var k = r.upperBound
        if k < s.count, !ScalarClass.isHan(s[k]) || s[k] == "的" { k += 1 }
        if SentenceScanner.supersedingWords.contains(where: { matches($0, at: k) }) { return true }
        let clause = clause(around: r.lowerBound)
        return SentenceScanner.changeMarkers(in: s, clause.lowerBound..<r.lowerBound).last?.before ?? false
    }

    // MARK: - Times, dates, durations

    /// Clock times `H:MM` (the normaliser's form for 7点半, 7:30, 下午2点半…).
    public func clockTimes(in range: Range<Int>? = nil) -> [Found<ClockTime>] {
        let r = range ?? 0..<s.count
        var out: [Found<ClockTime>] = []
        var i = r.lowerBound
        while i < r.upperBound {
            guard ScalarClass.isDigit(s[i]), i == 0 || !ScalarClass.isDigit(s[i - 1]) else { i += 1; continue }
            var j = i
            while j < r.upperBound, ScalarClass.isDigit(s[j]) { j += 1 }
            if j - i <= 2, j + 2 < s.count, s[j] == ":", ScalarClass.isDigit(s[j + 1]), ScalarClass.isDigit(s[j + 2]),
               !(j + 3 < s.count && ScalarClass.isDigit(s[j + 3])), let t = ClockTime(text(i..<(j + 3))) {
                out.append(Found(range: i..<(j + 3), value: t))
                i = j + 3
                continue
            }
            i = j
        }
        return out
    }

    /// Dates: `2024年8月15日`, `8月15日`, `8月31日左右`, `9月`, `今年9月`, `2024年底`, `1月底`, `明年1月`.
    public func dates(in range: Range<Int>? = nil) -> [Found<PrintedDate>] {
        let r = range ?? 0..<s.count
        var out: [Found<PrintedDate>] = []
        var i = r.lowerBound
        let relativeYears = ["今年", "明年", "去年", "当年", "次年"]
        while i < r.upperBound {
            var start = i
            var date = PrintedDate()
            var k = i
            // (Every relative year is a character and 年: the list is tried only before a 年.)
            if i + 1 < s.count, s[i + 1] == "年", let rel = relativeYears.first(where: { matches($0, at: i) }) {
                date.relativeYear = rel
                k = i + 2
            } else if ScalarClass.isDigit(s[i]), i == 0 || !ScalarClass.isDigit(s[i - 1]) {
                // nothing: parsed below
            } else {
                i += 1
                continue
            }
            // year
            if date.relativeYear == nil, let (y, e) = integer(at: k), e - k == 4, e < s.count, s[e] == "年" {
                date.year = y
                k = e + 1
            }
            // month
            if let (m, e) = integer(at: k), (1...12).contains(m), e < s.count, s[e] == "月", e - k <= 2 {
                date.month = m
                k = e + 1
                if let (d, e2) = integer(at: k), (1...31).contains(d), e2 < s.count, s[e2] == "日" || s[e2] == "号", e2 - k <= 2 {
                    date.day = d
                    k = e2 + 1
                }
            }
            guard date.year != nil || date.month != nil else { i = max(i + 1, k); continue }
            for part in ["中旬", "上旬", "下旬", "底", "初", "末", "中"] where matches(part, at: k) {
                if part == "中" && date.day != nil { continue }
                date.part = part
                k += part.scalarCount
                break
            }
            if matches("左右", at: k) { date.approximate = true; k += 2 }
            if date.relativeYear != nil && date.month == nil && date.part == nil { i = k; continue }
            if date.year != nil && date.month == nil && date.part == nil {
                // a bare year (2024年) counts only as a date with a part (2024年底)
                i = k
                continue
            }
            if date.relativeYear != nil { start = i }
            out.append(Found(range: start..<k, value: date))
            i = k
        }
        return out
    }

    /// Durations: `30分钟`, `3个工作日`, `2小时`, `7天`, `3个月`, `两年` (already digits), with an optional `内`.
    public func durations(in range: Range<Int>? = nil) -> [Found<Duration>] {
        let units: [(String, Duration.Unit)] = [("个工作日", .workingDay), ("工作日", .workingDay), ("分钟", .minute),
                                                ("个小时", .hour), ("小时", .hour), ("个月", .month), ("天", .day),
                                                ("日", .day), ("周", .week), ("年", .year)]
        var out: [Found<Duration>] = []
        for n in numbers(in: range) {
            let k = n.range.upperBound
            for (word, unit) in units where matches(word, at: k) {
                // 8月15日 is a date, not 15 days; 2024年 is a year.
                if unit == .day && word == "日", n.range.lowerBound > 0, s[n.range.lowerBound - 1] == "月" { break }
                if unit == .year && n.value >= 1000 { break }
                let end = k + word.scalarCount
                out.append(Found(range: n.range.lowerBound..<end,
                                 value: Duration(value: n.value, unit: unit, text: original(n.range.lowerBound..<end))))
                break
            }
        }
        return out
    }

    // MARK: - Phones, quotes

    /// Phone numbers: landlines `85087171`, `0573-85087171`, mobiles `13912345678`, service
    /// numbers `12345`/`12315`/`96345` — digit runs not followed by a unit or date word.
    public func phoneNumbers(in range: Range<Int>? = nil) -> [Found<String>] {
        let r = range ?? 0..<s.count
        var out: [Found<String>] = []
        var i = r.lowerBound
        while i < r.upperBound {
            guard ScalarClass.isDigit(s[i]), i == 0 || !(ScalarClass.isDigit(s[i - 1]) || s[i - 1] == "." || ScalarClass.isASCIILetter(s[i - 1])) else { i += 1; continue }
            var j = i
            while j < r.upperBound, ScalarClass.isDigit(s[j]) || (s[j] == "-" && j + 1 < r.upperBound && ScalarClass.isDigit(s[j + 1]) && j > i) { j += 1 }
            let digits = s[i..<j].filter { ScalarClass.isDigit($0) }.count
            let next: Unicode.Scalar? = j < s.count ? s[j] : nil
            let unitFollows = next.map { "年月日号元万亿个项家名人次件条届期%.米天吨".unicodeScalars.contains($0) } ?? false
            let serviceNumber = digits == 5 && (s[i] == "1" || s[i] == "9")
            if !unitFollows && (digits >= 7 && digits <= 12 || serviceNumber) {
                out.append(Found(range: i..<j, value: text(i..<j)))
            }
            i = j
        }
        return out
    }

    /// Terms in double quotes `“…”` (and ASCII `"…"`), without the quotes.
    public func quotedTerms(in range: Range<Int>? = nil) -> [Found<String>] {
        let r = range ?? 0..<s.count
        var out: [Found<String>] = []
        var open: Int?
        for i in r {
            if s[i] == "\u{201C}" { open = i + 1 }
            else if s[i] == "\u{201D}", let o = open {
                if i > o { out.append(Found(range: o..<i, value: text(o..<i))) }
                open = nil
            }
        }
        return out
    }

    // MARK: - Helpers

    /// A run of digits at `k`: its value and end offset.
    public func integer(at k: Int) -> (Int, Int)? {
        guard k < s.count, ScalarClass.isDigit(s[k]) else { return nil }
        var v = 0
        var e = k
        while e < s.count, ScalarClass.isDigit(s[e]), e - k < 9 { v = v * 10 + Int(s[e].value - 0x30); e += 1 }
        return (v, e)
    }
}
