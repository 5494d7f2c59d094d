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
            if let i = sc.occurrences(of: w, in: r).last, i + w.scalarCount < end - 1 { r = (i + w.scalarCount)..<end }
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

/// Reading prizes out of a sentence: ranks with counts and winners, money tied to its rank, and
/// the group a run of clauses is about.
///
/// | sentence (normalised)                                               | prizes                                  |
/// |---------------------------------------------------------------------|-----------------------------------------|
/// | `a组设1等奖1名、奖金5万元,2等奖2名、奖金各3万元;b组设1等奖1名、奖金3万元` | (a,1等奖,1,5万元) (a,2等奖,2,3万元) (b,1等奖,1,3万元) |
/// | `1等奖奖金5000元`                                                     | (1等奖, 5000元)                          |
/// | `设1等奖、2等奖、3等奖,奖金分别为5万元、3万元、1万元`                    | amounts zipped onto the ranks in order   |
/// | `设2等奖3名,各奖励2000元` / `金奖、银奖各1名`                            | each rank its money / count             |
extension EventExtractor {
    /// Words that may open a clause before its first rank (`另设优秀奖10名`).
    static let prizeClauseLeads = ["分别设置", "分别设", "另设", "还设", "增设", "其中", "另有", "设置", "设立", "设有", "设", "评出", "决出"]

    /// Prizes, counts and winners, with their group: named in the clause, shared by `分别`, or
    /// carried from a clause a group opens (`成长组设…,2等奖…`) until a `;`/`。` or a clause that
    /// does not go on about prizes.
    static func prizes(in sc: SentenceScanner, groups: [Found<String>]) -> [Found<Prize>] {
        var out: [Found<Prize>] = []
        var carried: String?
        var lastRanks: [(rank: Found<String>, groups: [String?])] = []
        for clause in sc.clauses() {
            if clause.lowerBound > 0, sc.s[clause.lowerBound - 1] == ";" || sc.s[clause.lowerBound - 1] == "。" { carried = nil }
            let clauseGroups = groups.filter { clause.contains($0.range.lowerBound) }
            let ranksHere = ranks(in: clause, sc: sc)
            let body = sc.stripWords(clause, leading: ["\u{201C}"] + prizeClauseLeads, trailing: [])
            let speaksOfPrizes = !sc.occurrences(of: "奖", in: clause).isEmpty
            if let g = clauseGroups.first, g.range.lowerBound == sc.stripWords(clause, leading: ["\u{201C}"], trailing: []).lowerBound,
               clauseGroups.count == 1, !ranksHere.isEmpty {
                carried = g.value
            } else if clauseGroups.isEmpty, !(ranksHere.first.map { $0.range.lowerBound == body.lowerBound } ?? false),
                      !moneyLeads.contains(where: { sc.matches($0, at: body.lowerBound) }) {
                carried = nil
            }
            let distributed = clauseGroups.count > 1 && sc.occurrences(of: "分别", in: clause).first != nil
            func groupsFor(_ offset: Int) -> [String?] {
                if distributed { return clauseGroups.map(\.value) }
                if let g = clauseGroups.last(where: { $0.range.upperBound <= offset }) { return [g.value] }
                return [carried]
            }
            let rankGroups = ranksHere.map { (rank: $0, groups: groupsFor($0.range.lowerBound)) }
            out += rankPrizes(rankGroups, in: clause, sc: sc)
            if speaksOfPrizes {
                out += moneyPrizes(in: clause, ranks: rankGroups, previous: lastRanks, body: body, groupsFor: groupsFor, sc: sc)
            }
            if !rankGroups.isEmpty { lastRanks = rankGroups }
        }
        return out
    }

    /// Ranks with their counts (`2等奖2名`, `金奖、银奖各1名`) and winners (`a获得1等奖`), when the
    /// clause counts, names a winner or announces them (`设`, `决出`).
    private static func rankPrizes(_ ranks: [(rank: Found<String>, groups: [String?])], in clause: Range<Int>, sc: SentenceScanner) -> [Found<Prize>] {
        var counts: [Int?] = ranks.map { r in
            var k = r.rank.range.upperBound
            if sc.matches("各", at: k) { k += 1 }
            guard let (n, e) = sc.integer(at: k), prizeCounters.contains(where: { sc.matches($0, at: e) }) else { return nil }
            return n
        }
        // `金奖、银奖各1名`: a shared count reaches back over the listed ranks
        for i in ranks.indices.reversed().dropFirst() where counts[i] == nil && counts[i + 1] != nil && sc.matches("各", at: ranks[i + 1].rank.range.upperBound) {
            let gap = sc.text(ranks[i].rank.range.upperBound..<ranks[i + 1].rank.range.lowerBound)
            if ["、", "和", "及", "与"].contains(gap) { counts[i] = counts[i + 1] }
        }
        var out: [Found<Prize>] = []
        for (i, r) in ranks.enumerated() {
            let verb = winVerbs.first { w in r.rank.range.lowerBound >= w.scalarCount && sc.matches(w, at: r.rank.range.lowerBound - w.scalarCount) }
            var winner: String?
            if let verb {
                let w = sc.stripWords(clause.lowerBound..<(r.rank.range.lowerBound - verb.scalarCount), leading: ["\u{201C}"], trailing: ["分别"])
                let who = sc.occurrences(of: "的", in: w).last.map { ($0 + 1)..<w.upperBound } ?? w
                if (2...24).contains(who.count), who.allSatisfy({ ScalarClass.isWordScalar(sc.s[$0]) || sc.s[$0] == "·" }) { winner = sc.original(who) }
            }
            let announced = ["设", "决出", "评出", "产生"].contains { sc.occurrences(of: $0, in: clause.lowerBound..<r.rank.range.lowerBound).first != nil }
            guard counts[i] != nil || winner != nil || announced else { continue }
            for g in r.groups {
                out.append(Found(range: r.rank.range, value: Prize(group: g, rank: r.rank.value, count: counts[i], winner: winner)))
            }
        }
        return out
    }

    /// Money in a clause about prizes, each amount given to its rank: printed right before it
    /// (`1等奖奖金5万元`), earlier in the clause (`1等奖1名、奖金5万元`), in the clause before when
    /// this one opens with money (`…2等奖3名,各奖励2000元`), or in order (`奖金分别为…`).
    private static func moneyPrizes(in clause: Range<Int>, ranks: [(rank: Found<String>, groups: [String?])],
                                    previous: [(rank: Found<String>, groups: [String?])], body: Range<Int>,
                                    groupsFor: (Int) -> [String?], sc: SentenceScanner) -> [Found<Prize>] {
        // `最高50万元的创业贷款` is no prize
        let amounts = sc.amounts(units: ["元", "美元"], in: clause).filter { !sc.matches("的", at: $0.range.upperBound) }
        guard !amounts.isEmpty else { return [] }
        var out: [Found<Prize>] = []
        if amounts.count >= 2, let fen = sc.occurrences(of: "分别", in: clause).first, fen < amounts[0].range.lowerBound {
            let before = ranks.filter { $0.rank.range.upperBound <= fen }
            let targets = before.isEmpty ? Array(previous.suffix(amounts.count)) : before
            if targets.count == amounts.count {
                for (t, a) in zip(targets, amounts) {
                    for g in t.groups { out.append(Found(range: a.range, value: Prize(group: g, rank: t.rank.value, amount: a.value))) }
                }
                return out
            }
        }
        for amount in amounts {
            let printedBefore = sc.text(clause.lowerBound..<amount.range.lowerBound)
            if let top = ["最高奖金", "最高奖励", "最高可获", "最高"].first(where: { printedBefore.hasSuffix($0) }) {
                let rank = top == "最高" || top == "最高可获" ? "最高奖金" : top
                for g in groupsFor(amount.range.lowerBound) { out.append(Found(range: amount.range, value: Prize(group: g, rank: rank, amount: amount.value))) }
                continue
            }
            let stripped = sc.stripWords(clause.lowerBound..<amount.range.lowerBound, leading: [], trailing: moneyLeads)
            var owner: (rank: String, groups: [String?])?
            if sc.text(stripped).hasSuffix("奖"), let r = rank(endingAt: stripped.upperBound, in: sc), sc.text(r) != "奖" {
                owner = (sc.original(r), groupsFor(r.lowerBound))
            } else if let r = ranks.last(where: { r in
                r.rank.range.upperBound <= amount.range.lowerBound
                    && !amounts.contains { $0.range.lowerBound >= r.rank.range.upperBound && $0.range.upperBound <= amount.range.lowerBound && $0.range != amount.range }
            }) {
                owner = (r.rank.value, r.groups)
            } else if ranks.isEmpty, let r = previous.last, moneyLeads.contains(where: { sc.matches($0, at: body.lowerBound) }) {
                owner = (r.rank.value, r.groups)
            }
            guard let owner, owner.rank != "奖" else { continue }
            for g in owner.groups { out.append(Found(range: amount.range, value: Prize(group: g, rank: owner.rank, amount: amount.value))) }
        }
        return out
    }
}
