import Foundation

/// Time commitments of a service point: a limit with `内`, a cap (`不超过5个工作日`) or a limit
/// followed straight by its action (`2个工作日办结`), with the scope printed before it.
///
/// | clause (normalised)                                      | commitment (scope, action, limit)        |
/// |----------------------------------------------------------|------------------------------------------|
/// | `对简单的涉企问题,30分钟内直接办结`                       | `简单的涉企问题`, `直接办结`, 30分钟      |
/// | `确保在3个工作日内完成一般类问题的办理`                   | `一般类问题`, `完成办理`, 3个工作日       |
/// | `需现场踏勘的复杂事项5个工作日内办结`                     | `需现场踏勘的复杂事项`, `办结`, 5个工作日 |
/// | `承诺一般事项2个工作日内办结,…复杂事项不超过5个工作日`     | the second: `复杂事项`, `办结`, 5个工作日 |
/// | `办结时限压缩至3个工作日`                                 | –, `办结`, 3个工作日                      |
extension PublicServiceExtractor {
    /// Words before a limit that cap it (`不超过5个工作日`); the action then comes from the clause or the promise before.
    static let limitCaps = ["最长不超过", "最多不超过", "原则上不超过", "不超过", "不超", "最长", "最多", "压缩至", "压缩到", "缩短至", "缩短到",
                            "控制在"]
    /// Actions that may follow a limit without `内` (`2个工作日办结`).
    static let directActions = ["办结", "办好", "办完", "完成", "答复", "回复", "反馈", "响应", "出证", "到场"]
    /// Units a limit without `内` may have: service times, not project schedules (`3个月完成建设`).
    static let serviceUnits: Set<Duration.Unit> = [.minute, .hour, .workingDay, .day]

    /// Time commitments: the limit, the action after it (or, for a cap, the one before it or of
    /// the promise before in the sentence), and the scope before the limit, inside `完成X的办理`,
    /// or in a preceding `对…`/`针对…` clause.
    static func commitments(in sc: SentenceScanner) -> [Found<Commitment>] {
        var out: [Found<Commitment>] = []
        let durations = sc.durations()
        var previous: (clause: Range<Int>, actionEnd: Int, scope: String?)?
        for d in durations {
            let within = ["以内", "内"].first { sc.matches($0, at: d.range.upperBound) }
            let cap = limitCaps.first { w in d.range.lowerBound >= w.scalarCount && sc.matches(w, at: d.range.lowerBound - w.scalarCount) }
            guard within != nil || serviceUnits.contains(d.value.unit) else { continue }
            let clause = sc.clause(around: d.range.lowerBound)
            let actionStart = d.range.upperBound + (within?.scalarCount ?? 0)
            // `1小时内响应、24小时内反馈`: an action ends at `、` or at the next limit
            let actionEnd = ([clause.upperBound] + sc.occurrences(of: "、", in: actionStart..<clause.upperBound)
                + durations.map(\.range.lowerBound).filter { $0 > actionStart && $0 < clause.upperBound }).min()!
            let action = sc.stripWords(actionStart..<actionEnd,
                                       leading: ["即可", "就", "便", "均", "都", "必须", "予以", "要"], trailing: ["\u{201D}"])
            let actionText = sc.text(action)
            var hasAction = !action.isEmpty && action.count <= 20 && commitmentActions.contains { actionText.containsText($0) }
            if within == nil && cap == nil {
                // `2个工作日办结`, never a quoted memory (`“今天不到10分钟就办好了”`)
                hasAction = hasAction && action.lowerBound == actionStart && directActions.contains { sc.matches($0, at: action.lowerBound) }
                    && !TransitRouteExtractor.isQuoted(d.range.lowerBound, in: sc)
            }
            var limitStart = d.range.lowerBound - (cap?.scalarCount ?? 0)
            var scope: String?
            var printedAction: String
            if hasAction {
                printedAction = sc.original(action)
                if let de = sc.occurrences(of: "的", in: action).last, commitmentActions.contains(sc.text((de + 1)..<action.upperBound)),
                   let v = completionVerbs.first(where: { sc.matches($0, at: action.lowerBound) }) {
                    let inner = (action.lowerBound + v.scalarCount)..<de
                    if !inner.isEmpty { scope = sc.original(inner) }
                    printedAction = v + sc.original((de + 1)..<action.upperBound)
                }
            } else if cap != nil, let before = actionBefore(limitStart, in: clause, sc: sc) {
                printedAction = before.word   // `办结时限压缩至3个工作日`: the action is printed before the cap
                limitStart = before.offset
            } else if cap != nil, let last = out.last {
                printedAction = last.value.action   // `…2个工作日内办结,复杂事项不超过5个工作日`
            } else if cap != nil, let before = actionBefore(limitStart, in: 0..<clause.lowerBound, sc: sc) {
                printedAction = before.word         // `一般事项当场办结,复杂事项不超过3个工作日`
            } else {
                continue
            }
            if scope == nil, let p = previous, p.clause == clause,
               sc.stripWords(p.actionEnd..<limitStart, leading: ["、", "和", "及"], trailing: []).isEmpty {
                scope = p.scope   // a second limit in a list shares the first one's scope
            } else if scope == nil {
                scope = scopeBefore(limitStart, clause: clause, in: sc)
            }
            previous = (clause, hasAction ? action.upperBound : d.range.upperBound, scope)
            out.append(Found(range: d.range, value: Commitment(scope: scope, action: printedAction, limit: d.value)))
        }
        return out
    }

    /// The action word printed in the clause before a cap (`办结时限压缩至…` → `办结`), if any.
    private static func actionBefore(_ limit: Int, in clause: Range<Int>, sc: SentenceScanner) -> (offset: Int, word: String)? {
        let words = directActions + ["办理"]
        var best: (offset: Int, word: String)?
        for w in words {
            if let i = sc.occurrences(of: w, in: clause.lowerBound..<limit).last, best == nil || i > best!.offset { best = (i, w) }
        }
        return best
    }

    /// The scope printed before a time limit in its clause, or in an `对…` clause right before it.
    static func scopeBefore(_ limit: Int, clause: Range<Int>, in sc: SentenceScanner) -> String? {
        var prefix = clause.lowerBound..<limit
        if let p = promiseWords.compactMap({ w in sc.occurrences(of: w, in: prefix).last.map { ($0, $0 + w.scalarCount) } }).max(by: { $0.1 < $1.1 }) {
            // `承诺一般事项2个工作日内办结`: the scope follows the promise; `群众反映的问题做到1小时内…`: it precedes it
            let after = sc.stripWords(p.1..<limit, leading: [], trailing: limitLeads)
            prefix = after.isEmpty ? clause.lowerBound..<p.0 : p.1..<limit
        }
        prefix = sc.stripWords(prefix, leading: ["\u{201C}", "并", "可"], trailing: limitLeads)
        let text = sc.text(prefix)
        // `中心会在30分钟内…`: what precedes the limit is the service itself, not a scope
        if !prefix.isEmpty && !Set(suffixHeads.values).contains(where: { text.hasSuffix($0) }) { return sc.original(prefix) }
        guard clause.lowerBound >= 2, sc.s[clause.lowerBound - 1] == "," else { return nil }
        let previous = sc.stripWords(sc.clause(around: clause.lowerBound - 2), leading: ["\u{201C}"], trailing: [])
        guard let lead = ["对于", "针对", "对"].first(where: { sc.matches($0, at: previous.lowerBound) }) else { return nil }
        let r = sc.stripWords((previous.lowerBound + lead.scalarCount)..<previous.upperBound, leading: [], trailing: [])
        return r.isEmpty ? nil : sc.original(r)
    }
}
