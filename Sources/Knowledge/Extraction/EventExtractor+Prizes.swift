import Foundation

/// Groups, prizes and winners.
///
/// | clause (normalised)                               | reads                                              |
/// |---------------------------------------------------|----------------------------------------------------|
/// | `大赛分设创业组和创新组2个组别`                     | groups `创业组` `创新组`                             |
/// | `创业组最高奖金40000元`                             | (创业组, `最高奖金`, 40000元)                        |
/// | `1等奖奖金5万元`, `设1等奖1名`                       | (`一等奖`, 5万元), (`一等奖`, ×1)                    |
/// | `创业组和创新组分别设置1、2、3等奖`                  | `一等奖` `二等奖` `三等奖` for each group            |
/// | `来自我县的郭梦娜获得1等奖,另决出2等奖2名、3等奖5名` | (`一等奖`, winner `郭梦娜`), (`二等奖`, ×2), (`三等奖`, ×5) |
extension EventExtractor {
    /// Words in a sentence that announce its `…组` words as the event's groups.
    static let groupCues = ["组别", "分设", "分为", "分成", "设立", "设置", "设有", "分别设"]
    /// Characters after `组` that make it part of another word (`组织`, `组成`).
    static let notGroupFollowers: Set<Unicode.Scalar> = Set("织成合建团长员别件图委队".unicodeScalars)
    /// Characters before `组` that make a committee, not a contest group (`领导小组`, `评审组`).
    static let notGroupBefore: Set<Unicode.Scalar> = Set("小作家审导题".unicodeScalars)
    /// Words that may open the span before a group or a rank and are not part of it.
    static let groupLeads = ["分别设置", "分别设", "分设", "分为", "分成", "设置", "设立", "设有", "包括", "另设", "还设", "决出", "获得", "荣获",
                             "摘得", "夺得", "其中", "设", "获", "分"]
    /// Characters after `奖` that make it part of another word (`奖金`, `奖项`).
    static let notRankFollowers: Set<Unicode.Scalar> = Set("金项励牌品状杯池".unicodeScalars)
    /// Words between a rank and its money (`1等奖奖金5万元`, `最高可获得奖金…`).
    static let moneyLeads = ["可获得奖金", "可获奖金", "奖金分别为", "奖金各为", "奖金为", "奖金各", "奖金", "各奖励", "奖励各", "奖励",
                             "每名奖励", "每人奖励", "每项奖励", "每个奖励",
                             "可获得", "可获", "获得", "为", "的", "各"]
    /// Verbs before a rank that make what precedes them the winner.
    static let winVerbs = ["分别获得", "分获", "获得", "荣获", "摘得", "夺得", "获"]
    /// Counters after a rank (`2等奖2名`).
    static let prizeCounters = ["名", "个", "项", "组", "人", "队"]

    /// Whether the sentence presents groups (`分设…组别`).
    static func hasGroupCue(_ sc: SentenceScanner) -> Bool { groupCues.contains { sc.contains($0) } }

    /// `…组` words: 2–4 characters before `组`, after any cue word.
    static func groups(in sc: SentenceScanner) -> [Found<String>] {
        sc.occurrences(of: "组").compactMap { k in
            guard k >= 2, k + 1 >= sc.count || !notGroupFollowers.contains(sc.s[k + 1]), !notGroupBefore.contains(sc.s[k - 1]) else { return nil }
            let r = span(endingAt: k + 1, maxBefore: 4, in: sc)
            guard (3...5).contains(r.count) else { return nil }
            return Found(range: r, value: sc.original(r))
        }
    }

    /// The Han characters before `end` (at most `maxBefore` before the last one), without lead words.
    static func span(endingAt end: Int, maxBefore: Int, in sc: SentenceScanner) -> Range<Int> {
        var a = end - 1
        while a > 0, end - 1 - a < maxBefore, ScalarClass.isHan(sc.s[a - 1]) || ScalarClass.isDigit(sc.s[a - 1]),
              !NameFinder.boundaryScalars.contains(sc.s[a - 1]) || sc.s[a - 1] == "等" { a -= 1 }
        var r = a..<end
        // drop a lead word anywhere in the span (`大赛分设创业组` → `创业组`)
        for w in groupLeads {
            if let i = sc.occurrences(of: w, in: r).last, i + w.unicodeScalars.count < end - 1 { r = (i + w.unicodeScalars.count)..<end }
        }
        return r
    }

    /// The rank (`一等奖`, `最佳组织奖`) ending at `end`, printed.
    static func rank(endingAt end: Int, in sc: SentenceScanner) -> Range<Int>? {
        guard end > 0, end <= sc.count, sc.s[end - 1] == "奖", end >= sc.count || !notRankFollowers.contains(sc.s[end]) else { return nil }
        let r = span(endingAt: end, maxBefore: 6, in: sc)
        return r.count >= 2 ? r : nil
    }

    /// All ranks in a clause with their ranges (`1、2、3等奖` gives three).
    static func ranks(in clause: Range<Int>, sc: SentenceScanner) -> [Found<String>] {
        var out: [Found<String>] = []
        for k in sc.occurrences(of: "奖", in: clause) {
            guard let r = rank(endingAt: k + 1, in: sc) else { continue }
            // 1、2、3等奖: digits listed before 等奖
            if sc.matches("等奖", at: k - 1), r.count == 3, r.lowerBound >= 2, sc.s[r.lowerBound - 1] == "、" {
                var i = r.lowerBound - 2
                var listed: [Found<String>] = []
                while i >= clause.lowerBound, ScalarClass.isDigit(sc.s[i]) {
                    listed.insert(Found(range: i..<(i + 1), value: sc.original(i..<(i + 1)) + "等奖"), at: 0)
                    if i >= 2, sc.s[i - 1] == "、" { i -= 2 } else { break }
                }
                out.append(contentsOf: listed)
            }
            out.append(Found(range: r, value: sc.original(r)))
        }
        return out
    }
}
