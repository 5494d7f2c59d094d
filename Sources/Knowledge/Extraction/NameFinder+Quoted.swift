import Foundation

/// Name spans that contain quoted parts, and abbreviations of names.
///
/// | sentence (normalised)                                   | suffix | name                                   |
/// |---------------------------------------------------------|--------|----------------------------------------|
/// | `…活动暨“农商银行杯”第6届“田园五镇”农业农村创新创业大赛启动` | `大赛` | `“农商银行杯”第6届“田园五镇”农业农村创新创业大赛` |
/// | `在全省率先打造“平服365”企业综合服务平台`                  | `服务平台` | `“平服365”企业综合服务平台`          |
///
/// | abbreviation | name                      | why                                        |
/// |--------------|---------------------------|--------------------------------------------|
/// | `企服中心`    | `平湖市企业综合服务中心`    | 企…服 in order in the core `企业综合服务` |
/// | `市民中心`    | `海宁市市民服务中心`        | starts after the place prefix `海宁市`     |
/// | `服务中心`    | `企业综合服务中心`          | not one: a plain tail of the name          |
extension NameFinder {
    /// Characters after which a new word of a name starts (place and department prefixes).
    static let prefixEnders: Set<Unicode.Scalar> = Set("市县区镇乡村道省局委办".unicodeScalars)

    /// Like `nameSpan`, but a `”` right before the name part is jumped over to its `“` and the
    /// walk goes on, so quoted parts stay inside the name. `extraBoundaries` end the name too
    /// (`暨` between two joined events).
    public static func quotedNameSpan(in s: [Unicode.Scalar], endingAt end: Int, suffixLength: Int, maxLength: Int = 30,
                                      extraBoundaries: Set<Unicode.Scalar> = []) -> Range<Int>? {
        var start = end - suffixLength
        guard start >= 0 else { return nil }
        while start > 0 && end - start < maxLength {
            let c = s[start - 1]
            if c == "\u{201D}" {
                // jump over a short quotation that holds no punctuation
                var j = start - 2
                while j >= 0, start - j <= 16, s[j] != "\u{201C}", !boundaryInsideQuote(s[j]) { j -= 1 }
                guard j >= 0, s[j] == "\u{201C}", end - j <= maxLength, start - 1 - j > 1 else { break }
                start = j
                continue
            }
            if boundaryScalars.contains(c) || extraBoundaries.contains(c) { break }
            if c == "个" || c == "家" || c == "项", start >= 2, ScalarClass.isDigit(s[start - 2]) { break }
            if endsWithBoundaryWord(s, before: start) { break }
            start -= 1
        }
        guard end - start > suffixLength else { return nil }
        return start..<end
    }

    private static func boundaryInsideQuote(_ c: Unicode.Scalar) -> Bool {
        c == "\u{201D}" || c == "," || c == "。" || c == ";" || c == "!" || c == "?"
    }

    /// Whether one of `boundaryWords` ends right before `start`.
    static func endsWithBoundaryWord(_ s: [Unicode.Scalar], before start: Int) -> Bool {
        for w in boundaryWords where start >= w.count {
            var ok = true
            for k in 0..<w.count where s[start - w.count + k] != w[k] { ok = false; break }
            if ok { return true }
        }
        return false
    }

    /// Whether `short` reads as an abbreviation of `name`: both end in `head` (`中心`), `short`
    /// is shorter and has at least two characters before the head, those characters occur in
    /// order in `name` starting at a word start (the beginning or after a place or department
    /// prefix), and `short` is not a plain tail of `name`.
    public static func isAbbreviation(_ short: String, of name: String, head: String) -> Bool {
        guard short.hasSuffix(head), name.hasSuffix(head), short.count < name.count, !name.hasSuffix(short) else { return false }
        let p = Array(short.unicodeScalars.dropLast(head.scalarCount))
        let core = Array(name.unicodeScalars.dropLast(head.scalarCount))
        guard p.count >= 2, p.allSatisfy(ScalarClass.isHan) else { return false }
        for i in core.indices where core[i] == p[0] && (i == 0 || prefixEnders.contains(core[i - 1])) {
            var k = 1
            var j = i + 1
            while k < p.count && j < core.count {
                if core[j] == p[k] { k += 1 }
                j += 1
            }
            if k == p.count { return true }
        }
        return false
    }
}
