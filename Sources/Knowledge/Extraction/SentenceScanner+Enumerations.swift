import Foundation

/// Span helpers for the service, event and figure extractors: printed enumerations, loose
/// amounts (`300余项`), and trimming of cue words at either end of a span.
///
/// | sentence (normalised)                              | call                       | result                                 |
/// |----------------------------------------------------|----------------------------|----------------------------------------|
/// | `商务、外贸、外事等涉外部门`                        | `enumerationItems(in:)`    | `商务` `外贸` `外事`                    |
/// | `可办理300余项事项`                                 | `looseAmounts(units: ["项"])` | `300余项` (300, unit `项`)          |
/// | `确保在3个工作日内`                                 | `stripWords(…, leading: ["确保", "在"])` | `3个工作日内`             |
extension SentenceScanner {
    /// Characters before `等` that make it part of a word (`高等`, `中等`, `平等`), not "and so on".
    static let wordInternalDeng: Set<Unicode.Scalar> = Set("高中初平对同相均优上下次".unicodeScalars)

    /// The items of a printed enumeration `a、b、c等…`: split at `、` outside parentheses; the last
    /// item is cut at `等` (the category that follows is dropped). With `splitLastAt`, the last
    /// item is also split at `和`/`及`/`与`/`以及` when `splitLastAt(left, right)` agrees, so
    /// `嘉兴市经济和信息化局` can stay whole while `创业组和创新组` splits.
    public func enumerationItems(in range: Range<Int>, splitLastAt: ((Range<Int>, Range<Int>) -> Bool)? = nil) -> [Range<Int>] {
        var items: [Range<Int>] = []
        var start = range.lowerBound
        var depth = 0
        for i in range {
            if s[i] == "(" { depth += 1 } else if s[i] == ")" { depth = max(0, depth - 1) }
            if depth == 0 && s[i] == "、" {
                items.append(start..<i)
                start = i + 1
            }
        }
        items.append(start..<range.upperBound)
        if var last = items.popLast() {
            if let cut = occurrences(of: "等", in: last).last(where: { $0 > last.lowerBound && !SentenceScanner.wordInternalDeng.contains(s[$0 - 1]) }) {
                last = last.lowerBound..<cut
            }
            if let agree = splitLastAt {
                for word in ["以及", "和", "及", "与"] {
                    guard let k = occurrences(of: word, in: last).first else { continue }
                    let left = last.lowerBound..<k
                    let right = (k + word.scalarCount)..<last.upperBound
                    if left.count >= 2, right.count >= 2, agree(left, right) {
                        items.append(left)
                        last = right
                        break
                    }
                }
            }
            items.append(last)
        }
        return items.map { stripWords($0, leading: [], trailing: []) }.filter { !$0.isEmpty }
    }

    /// `range` with any of `leading` words removed from its start and `trailing` words from its
    /// end, repeatedly, and with spaces trimmed.
    public func stripWords(_ range: Range<Int>, leading: [String], trailing: [String]) -> Range<Int> {
        var a = max(range.lowerBound, 0)
        var b = min(range.upperBound, s.count)
        var changed = true
        while changed && a < b {
            changed = false
            while a < b, s[a] == " " { a += 1; changed = true }
            while b > a, s[b - 1] == " " { b -= 1; changed = true }
            if let w = longestWord(leading, at: a, limit: b) {
                a += w.scalarCount
                changed = true
            }
            if let w = longestWord(trailing, endingAt: b, from: a) {
                b -= w.scalarCount
                changed = true
            }
        }
        return a..<max(a, b)
    }

    /// Amounts as `amounts(units:in:)` finds them, also with `余`/`多` around the multiplier
    /// (`300余项`, `1000余万元`, `40多个`). The approximation stays in `text`; `approximate(_:)` tells.
    public func looseAmounts(units: [String], in range: Range<Int>? = nil) -> [Found<Amount>] {
        let limit = range?.upperBound ?? s.count
        var out: [Found<Amount>] = []
        for n in numbers(in: range) {
            var k = n.range.upperBound
            var multiplier = 1.0
            if k < limit, s[k] == "余" || s[k] == "多" { k += 1 }
            if k < limit {
                switch s[k] {
                case "万": multiplier = 10_000; k += 1
                case "亿": multiplier = 100_000_000; k += 1
                case "千": if k + 1 < limit, s[k + 1] == "万" { multiplier = 10_000_000; k += 2 }
                default: break
                }
            }
            if k < limit, k > n.range.upperBound, s[k] == "余" || s[k] == "多", s[k - 1] != "余", s[k - 1] != "多" { k += 1 }
            guard let u = longestWord(units, at: k, limit: limit) else { continue }
            let end = k + u.scalarCount
            out.append(Found(range: n.range.lowerBound..<end,
                             value: Amount(value: n.value, multiplier: multiplier, unit: u, text: original(n.range.lowerBound..<end))))
        }
        return out
    }

    /// Whether the amount at `range` is printed as approximate (`300余项`, `40多个`).
    public func isApproximate(_ range: Range<Int>) -> Bool {
        range.contains { s[$0] == "余" || s[$0] == "多" }
    }

    /// The range of the quotation (with its `“` `”`) that closes at `close` (`s[close] == "”"`),
    /// when it opens within `maxLength` scalars and holds no sentence punctuation.
    public func quotation(closingAt close: Int, maxLength: Int = 16) -> Range<Int>? {
        guard close < s.count, s[close] == "\u{201D}" else { return nil }
        var j = close - 1
        while j >= 0, close - j <= maxLength {
            if s[j] == "\u{201C}" { return j..<(close + 1) }
            if s[j] == "\u{201D}" || s[j] == "。" || s[j] == "," || s[j] == ";" { return nil }
            j -= 1
        }
        return nil
    }

    /// The quotation (with its quotes) opening at `open` (`s[open] == "“"`), if it closes within `maxLength`.
    public func quotation(openingAt open: Int, maxLength: Int = 16) -> Range<Int>? {
        guard open < s.count, s[open] == "\u{201C}" else { return nil }
        var j = open + 1
        while j < s.count, j - open <= maxLength {
            if s[j] == "\u{201D}" { return open..<(j + 1) }
            if s[j] == "\u{201C}" || s[j] == "。" { return nil }
            j += 1
        }
        return nil
    }
}
