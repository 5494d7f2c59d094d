import Foundation

/// Clock times and dates to one form, after numerals have become digits.
///
/// | input              | output          |
/// |--------------------|-----------------|
/// | `7点半`            | `7:30`          |
/// | `7点30分` `7点30`  | `7:30`          |
/// | `7时30分`          | `7:30`          |
/// | `早上7点` `7点钟`  | `早上7:00` `7:00` |
/// | `下午2点半`        | `下午14:30`     |
/// | `下午2:30`         | `下午14:30`     |
/// | `07:05`            | `7:05`          |
/// | `8月15号`          | `8月15日`       |
/// | `30分钟`, `7点建议` | unchanged      |
enum TimeExpressions {
    /// Words before a clock time that put it in the afternoon or evening.
    static let afternoonWords: [[Unicode.Scalar]] = ["下午", "晚上", "傍晚", "夜里", "夜间", "午后", "晚"].map { Array($0.unicodeScalars) }
    /// Words before a clock time that make a bare `N点` a time.
    static let dayPartWords: [[Unicode.Scalar]] = ["凌晨", "早上", "早晨", "上午", "中午", "清晨", "早", "下午", "晚上", "傍晚", "夜里", "夜间", "午后", "晚"].map { Array($0.unicodeScalars) }

    static func normalize(_ buffer: inout ScalarBuffer) {
        let a = buffer.scalars
        guard a.contains(where: { $0 == "点" || $0 == "时" || $0 == ":" || $0 == "号" }) else { return }
        var out = ScalarBuffer(track: buffer.track, capacity: a.count)
        func copy(_ r: Range<Int>) { for k in r { out.append(a[k], from: buffer.origin(k)) } }
        var i = 0
        let n = a.count
        while i < n {
            guard ScalarClass.isDigit(a[i]), i == 0 || !ScalarClass.isDigit(a[i - 1]) && a[i - 1] != "." && a[i - 1] != ":" else {
                copy(i..<(i + 1)); i += 1; continue
            }
            var j = i
            var hour = 0
            while j < n, ScalarClass.isDigit(a[j]), j - i < 3 { hour = hour * 10 + Int(a[j].value - 0x30); j += 1 }
            if j < n, ScalarClass.isDigit(a[j]) {            // long number: copy it whole
                while j < n, ScalarClass.isDigit(a[j]) { j += 1 }
                copy(i..<j); i = j; continue
            }
            if j < n, a[j] == ".", j + 1 < n, ScalarClass.isDigit(a[j + 1]) {   // decimal: not a time
                copy(i..<j); i = j; continue
            }
            if let (minute, end) = clockTail(a, from: j, hour: hour, prefix: out.scalars) {
                let h = adjustedHour(hour, prefix: out.scalars)
                let o = buffer.origin(i)
                for d in String(h).unicodeScalars { out.append(d, from: o) }
                out.append(":", from: o)
                for d in String(format: "%02d", minute).unicodeScalars { out.append(d, from: o) }
                i = end
                continue
            }
            // 8月15号 → 8月15日
            if j < n, a[j] == "号", hour >= 1, hour <= 31, i >= 2, a[i - 1] == "月", ScalarClass.isDigit(a[i - 2]) {
                copy(i..<j); out.append("日", from: buffer.origin(j)); i = j + 1; continue
            }
            copy(i..<j)
            i = j
        }
        buffer = out
    }

    /// If `a[j...]` continues a clock time after an hour, its minute and end index.
    private static func clockTail(_ a: [Unicode.Scalar], from j: Int, hour: Int, prefix: [Unicode.Scalar]) -> (Int, Int)? {
        let n = a.count
        guard j < n, hour <= 24 else { return nil }
        let marker = a[j]
        if marker == ":" {
            // h:mm
            guard j + 2 < n, ScalarClass.isDigit(a[j + 1]), ScalarClass.isDigit(a[j + 2]),
                  !(j + 3 < n && ScalarClass.isDigit(a[j + 3])) else { return nil }
            let m = Int(a[j + 1].value - 0x30) * 10 + Int(a[j + 2].value - 0x30)
            guard m < 60 else { return nil }
            return (m, j + 3)
        }
        guard marker == "点" || marker == "时" else { return nil }
        var k = j + 1
        if k < n, a[k] == "半" { return (30, k + 1) }
        if k < n, a[k] == "整" || a[k] == "钟" { return (0, k + 1) }
        if k < n, a[k] == "许" { return (0, k + 1) }
        if k < n, ScalarClass.isDigit(a[k]) {
            var m = 0
            var digits = 0
            while k < n, ScalarClass.isDigit(a[k]), digits < 3 { m = m * 10 + Int(a[k].value - 0x30); k += 1; digits += 1 }
            guard digits <= 2, m < 60 else { return nil }
            if k < n, a[k] == "分" {
                // 7点30分 → 7:30, but keep 分钟 as a duration word: 7点30分钟 is unusual; accept it.
                k += 1
                if k < n, a[k] == "钟" { return nil }
            }
            return (m, k)
        }
        // A bare N点/N时: a time only after a day-part word (早上7点) — otherwise 7点建议 stays.
        if marker == "时" {
            if k < n, a[k] == "间" || a[k] == "期" || a[k] == "代" || a[k] == "段" || a[k] == "候" { return nil }
        }
        if hasSuffix(prefix, dayPartWords) { return (0, k) }
        return nil
    }

    private static func adjustedHour(_ hour: Int, prefix: [Unicode.Scalar]) -> Int {
        if hour >= 1 && hour < 12 && hasSuffix(prefix, afternoonWords) { return hour + 12 }
        return hour
    }

    private static func hasSuffix(_ a: [Unicode.Scalar], _ words: [[Unicode.Scalar]]) -> Bool {
        for w in words where a.count >= w.count {
            if Array(a[(a.count - w.count)...]) == w { return true }
        }
        return false
    }
}
