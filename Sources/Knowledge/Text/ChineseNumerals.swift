import Foundation

/// Chinese numerals → ASCII digits where they are quantities or identifiers.
///
/// | input          | output      | why                                      |
/// |----------------|-------------|------------------------------------------|
/// | `一一五路`      | `115路`     | digit-by-digit identifier                |
/// | `十九连冠`      | `19连冠`    | positional number before a measure word  |
/// | `八个班次`      | `8个班次`   | single digit before a measure word       |
/// | `三到四级`      | `3到4级`    | range: both ends converted               |
/// | `四万元`        | `4万元`     | 万/亿 kept as written units, as the paper prints them |
/// | `第六`          | `第6`       | ordinal                                  |
/// | `百分之五十`    | `50%`       | percentage                               |
/// | `一体化` `统一` `万事通` `百姓` `一路向前` | unchanged | not quantities |
/// | `十分重要`      | unchanged   | 十分 "very" (but `十分钟` → `10分钟`)     |
/// | `长三角`        | unchanged   | a place name, not 3 jiao                 |
/// | `七八个` `三四天` | unchanged | an estimate ("seven or eight"), not 78   |
enum ChineseNumerals {
    /// Value of a digit character, or nil.
    @inline(__always) static func digitValue(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "零", "〇": return 0
        case "一": return 1
        case "二", "两": return 2
        case "三": return 3
        case "四": return 4
        case "五": return 5
        case "六": return 6
        case "七": return 7
        case "八": return 8
        case "九": return 9
        default: return nil
        }
    }

    @inline(__always) static func positionValue(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "十": return 10
        case "百": return 100
        case "千": return 1000
        default: return nil
        }
    }

    @inline(__always) static func isNumeral(_ s: Unicode.Scalar) -> Bool {
        digitValue(s) != nil || positionValue(s) != nil
    }

    /// Characters that, right after a number, make it a quantity (measure words and units).
    static let measureWords: Set<Unicode.Scalar> = Set("路号点时分秒个月日天周年岁元块角名位人项家条次届期层楼米级度班趟倍成折户所座辆台张份件批组类等线亿万连句篇场轮款间栋幢站克斤吨亩里余多大小车辆套门节集页章部股口头只根".unicodeScalars)

    /// Connectors of a range (`三到四级`, `3至5天`).
    static let rangeConnectors: Set<Unicode.Scalar> = Set("到至~-、或".unicodeScalars)

    /// Numeral + measure pairs that are words, not quantities, and would otherwise look like an
    /// identifier: `一路` ("all the way", "one line of pipe") must never become route `1路`;
    /// `三角` is the delta of `长三角` or a triangle (`三角形`), almost never 3 jiao.
    static let idioms: Set<String> = ["一路", "三角"]

    /// Converts in place.
    static func convert(_ buffer: inout ScalarBuffer) {
        let a = buffer.scalars
        guard a.contains(where: { isNumeral($0) }) else { return }
        var out = ScalarBuffer(track: buffer.track, capacity: a.count)
        var i = 0
        let n = a.count
        while i < n {
            let s = a[i]
            // 百分之五十 → 50%
            if s == "百", i + 3 < n, a[i + 1] == "分", a[i + 2] == "之", isNumeral(a[i + 3]) {
                var j = i + 3
                while j < n, isNumeral(a[j]) { j += 1 }
                if let v = parse(Array(a[(i + 3)..<j])) {
                    for d in String(v).unicodeScalars { out.append(d, from: buffer.origin(i)) }
                    out.append("%", from: buffer.origin(i))
                    i = j
                    continue
                }
            }
            guard isNumeral(s) else { out.append(s, from: buffer.origin(i)); i += 1; continue }
            var j = i
            while j < n, isNumeral(a[j]) { j += 1 }
            let run = Array(a[i..<j])
            if let converted = conversion(of: run, before: i > 0 ? a[i - 1] : nil, in: a, after: j) {
                for d in converted { out.append(d, from: buffer.origin(i)) }
            } else {
                for k in i..<j { out.append(a[k], from: buffer.origin(k)) }
            }
            i = j
        }
        buffer = out
    }

    /// The digits for `run` (which ends just before index `after` of `a`), or nil to leave it.
    private static func conversion(of run: [Unicode.Scalar], before prev: Unicode.Scalar?,
                                   in a: [Unicode.Scalar], after j: Int) -> [Unicode.Scalar]? {
        let next: Unicode.Scalar? = j < a.count ? a[j] : nil
        let afterNext: Unicode.Scalar? = j + 1 < a.count ? a[j + 1] : nil
        let ordinal = prev == "第"
        let measured = next.map { measureWords.contains($0) } ?? false
        let rangeStart = next.map { rangeConnectors.contains($0) } ?? false
            && (afterNext.map { isNumeral($0) || ScalarClass.isDigit($0) } ?? false)
        let rangeEnd = prev.map { rangeConnectors.contains($0) } ?? false && measured
        // Never start with 百/千 (百姓, 千方百计) and leave lone 零/〇.
        if positionValue(run[0]) != nil && run[0] != "十" { return nil }
        if run.count == 1 {
            let c = run[0]
            if c == "零" || c == "〇" { return nil }
            if c == "十" {
                guard measured || ordinal else { return nil }
                // 十分 is the adverb "very" (十分重要) unless it is a clock minute (八点十分) or a
                // duration (十分钟).
                if !ordinal, next == "分", afterNext != "钟", prev != "点", prev != "时" { return nil }
                return Array("10".unicodeScalars)
            }
            if c == "两" && !measured { return nil }
            guard measured || ordinal || rangeStart || rangeEnd else { return nil }
            if measured, !ordinal, let next {
                var word = String(c)
                word.unicodeScalars.append(next)
                if idioms.contains(word) { return nil }
                // 一点/一时 only as clock times (一点半, 一点钟).
                if word == "一点" || word == "一时" {
                    guard let an = afterNext, an == "半" || an == "钟" || an == "整" || ScalarClass.isDigit(an) || digitValue(an) != nil else { return nil }
                }
            }
            return Array(String(digitValue(c)!).unicodeScalars)
        }
        let positional = run.contains { positionValue($0) != nil }
        if !positional {
            // Digit-by-digit identifier (一一五, 二〇二三); 两 never appears in those.
            if run.contains("两") { return nil }
            // Two neighbouring digits are an estimate, not a number: 七八个 is "seven or eight",
            // 三四天 "three or four days", 一二年级 "grades one and two" — never 78, 34, 12.
            if run.count == 2, let a = digitValue(run[0]), let b = digitValue(run[1]), a > 0, b == a + 1 { return nil }
            guard measured || ordinal || run.count >= 3 || rangeStart || rangeEnd else { return nil }
            return run.map { Unicode.Scalar(UInt32(0x30 + digitValue($0)!))! }
        }
        guard let v = parse(run) else { return nil }
        guard measured || ordinal || rangeStart || rangeEnd || run.contains("十") else { return nil }
        return Array(String(v).unicodeScalars)
    }

    /// Positional value of a numeral run (十九 → 19, 三十 → 30, 一百二十 → 120, 两千零五 → 2005).
    static func parse(_ run: [Unicode.Scalar]) -> Int? {
        if !run.contains(where: { positionValue($0) != nil }) {
            var v = 0
            for c in run { guard let d = digitValue(c) else { return nil }; v = v * 10 + d }
            return v
        }
        var total = 0
        var pending: Int? = nil
        var lastUnit = Int.max
        for c in run {
            if let d = digitValue(c) {
                if pending != nil && d != 0 { return nil }   // 二三十: not a number we parse
                pending = d == 0 ? nil : d
            } else if let u = positionValue(c) {
                guard u < lastUnit else { return nil }
                total += (pending ?? 1) * u
                pending = nil
                lastUnit = u
            }
        }
        total += pending ?? 0
        return total
    }
}
