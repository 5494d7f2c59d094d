import Foundation
import Knowledge

/// Finds route ids in questions: `115路`, `115路公交`, `K258路`, `一一五路` (already digits after
/// normalising), a homophone typo `115陆` (any character read "lu"), `route 115`, `bus 115`,
/// `115 bus`, `k258`. `17号线` is a metro line, never a route; a bare number counts only when it
/// is a known route id and nothing after it makes it a quantity.
enum RouteSpotter {
    /// Characters after a number that make it a quantity, not a route id.
    static let quantityFollowers: Set<Unicode.Scalar> = Set("元块号年月日个项家名人次件条届期%.米天分秒点时岁位辆台张份倍万亿千班趟层楼级度等批轮季场篇".unicodeScalars)

    static func routes(inChinese q: [Unicode.Scalar], known: Set<String>) -> [RouteMention] {
        var out: [RouteMention] = []
        var i = 0
        while i < q.count {
            guard ScalarClass.isASCIIAlnum(q[i]), i == 0 || !ScalarClass.isASCIIAlnum(q[i - 1]) else { i += 1; continue }
            var j = i
            while j < q.count, ScalarClass.isASCIILetter(q[j]), j - i < 2 { j += 1 }
            let digitsStart = j
            while j < q.count, ScalarClass.isDigit(q[j]) { j += 1 }
            guard j > digitsStart, j - digitsStart <= 4, j == q.count || !ScalarClass.isASCIIAlnum(q[j]) else {
                while j < q.count, ScalarClass.isASCIIAlnum(q[j]) { j += 1 }
                i = j
                continue
            }
            let id = String(scalars: q[i..<j]).uppercased()
            let next: Unicode.Scalar? = j < q.count ? q[j] : nil
            let afterNext: Unicode.Scalar? = j + 1 < q.count ? q[j + 1] : nil
            var via: String?
            if next == "路" || (next == "号" && afterNext != "线" && (afterNext == "公" || afterNext == "车")) {
                via = "exact"
            } else if next == "公", afterNext == "交" {
                via = "exact"
            } else if let n = next, ScalarClass.isHan(n), ScriptTables.pinyin(n) == "lu", afterNext != "线" {
                via = "homophone"
            } else if known.contains(id) || (digitsStart > i && j - digitsStart >= 2),
                      next.map({ !quantityFollowers.contains($0) }) ?? true, !(next == "号" && afterNext == "线") {
                // A known id, or one with a letter (`K353`): no quantity is written so.
                via = "exact"
            }
            if let via, !(next == "号" && afterNext == "线") {
                // The mention covers the marker too (`115路`, `115陆`), so it counts as explained.
                let end = next.map { ScalarClass.isHan($0) } ?? false ? j + 1 : j
                out.append(RouteMention(id: id, range: i..<end, known: known.contains(id), via: via))
            }
            i = j
        }
        return out
    }

    /// Route ids among English words: a number next to `route`/`bus`/`line`/`no`, or a known id.
    static func routes(inEnglish words: [String], known: Set<String>, gloss: [Unicode.Scalar]) -> [RouteMention] {
        let markers: Set<String> = ["route", "bus", "line", "no", "number", "buses", "routes"]
        var out: [RouteMention] = []
        for (i, w) in words.enumerated() where w.unicodeScalars.contains(where: { ScalarClass.isDigit($0) }) {
            let scalars = Array(w.unicodeScalars)
            let letters = scalars.prefix(while: { ScalarClass.isASCIILetter($0) }).count
            guard letters <= 2, scalars.count - letters >= 1, scalars.count - letters <= 4,
                  scalars[letters...].allSatisfy({ ScalarClass.isDigit($0) }) else { continue }
            let id = w.uppercased()
            let nearMarker = (i > 0 && markers.contains(words[i - 1])) || (i + 1 < words.count && markers.contains(words[i + 1]))
            guard nearMarker || known.contains(id) || letters > 0 else { continue }
            out.append(RouteMention(id: id, range: 0..<0, known: known.contains(id), via: "exact"))
        }
        return out
    }
}
