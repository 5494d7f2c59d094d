import Foundation

/// Dated milestones of an event, each with its kind and the cue as printed.
///
/// | clause (normalised)                                  | milestones                                       |
/// |------------------------------------------------------|--------------------------------------------------|
/// | `大赛自7月2日启动`                                    | launch 7月2日 (`启动`)                            |
/// | `8月15日截止报名`                                     | registrationDeadline 8月15日 (`截止报名`)          |
/// | `报名截止时间为9月20日`                               | registrationDeadline 9月20日 (`报名截止时间`)      |
/// | `报名时间为7月1日至8月15日`                           | registrationOpen 7月1日, registrationDeadline 8月15日 |
/// | `分为初赛(8月31日左右举办)和总决赛(9月30日左右举办)`    | preliminary ~8月31日, final ~9月30日               |
/// | `决赛将于10月中旬举行`                                | final 10月中旬 (`决赛`)                            |
/// | `报名时间:6月1日—7月15日` / `作品征集时间为…至…`        | registrationOpen, registrationDeadline            |
/// | `请于6月30日17:00前登录平台报名`                      | registrationDeadline 6月30日 (`报名`)              |
extension EventExtractor {
    /// Stage words, longest first, with their kind.
    static let stages: [(String, EventDate.Kind)] = [("总决赛", .final), ("半决赛", .semifinal), ("决赛", .final), ("复赛", .semifinal),
                                                     ("初赛", .preliminary), ("预赛", .preliminary), ("海选", .preliminary)]
    /// Words between a stage and its date (`决赛将于10月中旬举行`).
    static let dateFillers = ["时间暂定为", "时间定于", "暂定于", "暂定为", "计划于", "预计于", "预计在", "拟定于", "将于", "定于", "拟于", "将在",
                              "定在", "安排在", "时间为", "于", "在", "将", "为", "("]
    /// Words of signing up: registration, submissions, applications.
    static let registrationWords = ["报名", "征集", "申报"]
    /// Cues after a date that make it the registration deadline.
    static let deadlineAfter = ["截止报名", "报名截止", "前完成报名", "前报名", "截止"]
    /// Cues before a date that make it the registration deadline.
    static let deadlineBefore = ["报名截止时间为", "报名截止日期为", "报名截止时间是", "截止时间为", "截止日期为", "报名截至", "报名截止", "即日起至", "截至", "至"]
    /// Cues after a date that make it the opening of registration.
    static let registrationOpenAfter = ["起开始报名", "开始接受报名", "开始报名", "起报名", "起接受报名", "开放报名", "启动报名", "起开始征集",
                                        "开始征集", "起征集", "起接受申报", "开始申报"]
    /// Cues after a date that make it the launch.
    static let launchAfter = ["正式启动", "启动", "开幕", "开赛", "拉开帷幕", "开始"]
    /// Verbs after a date that make it the day the event was held.
    static let heldAfter = ["举行", "举办", "召开"]
    /// Connectors of a date range (`7月1日至8月15日`).
    static let rangeConnectors = ["——", "—", "–", "至", "到", "-", "~"]

    /// Every milestone in the sentence.
    static func milestones(in sc: SentenceScanner) -> [Found<EventDate>] {
        var out: [Found<EventDate>] = []
        let dates = sc.dates()
        var consumed = Set<Int>()
        for (n, d) in dates.enumerated() where !consumed.contains(n) {
            let clause = sc.clause(around: d.range.lowerBound)
            // the phrase keeps `报名时间:` and a `—` range together
            let phrase = sc.phraseStart(before: d.range.lowerBound)..<sc.phrase(from: d.range.lowerBound).upperBound
            let clauseText = sc.text(phrase)
            let signUp = registrationWords.first { clauseText.containsText($0) }
            func add(_ kind: EventDate.Kind, _ label: String) {
                out.append(Found(range: d.range, value: EventDate(kind: kind, date: d.value, label: label)))
            }
            if let stage = stage(before: d.range.lowerBound, in: clause, sc: sc) ?? stage(after: d.range.upperBound, in: clause, sc: sc) {
                add(stage.kind, stage.label)
                continue
            }
            let after = d.range.upperBound
            if let signUp, n + 1 < dates.count, let c = rangeConnectors.first(where: { sc.matches($0, at: after) }),
               dates[n + 1].range.lowerBound == after + c.scalarCount {
                add(.registrationOpen, signUp)
                consumed.insert(n + 1)
                out.append(Found(range: dates[n + 1].range, value: EventDate(kind: .registrationDeadline, date: dates[n + 1].value, label: signUp)))
                continue
            }
            // `6月20日截止`: the sentence says what closes (`5月10日起接受报名,6月20日截止`)
            let sentenceSignUp = signUp ?? registrationWords.first { sc.contains($0) }
            if let cue = deadlineAfter.first(where: { sc.matches($0, at: after) }),
               cue.contains("报名") || signUp != nil || (cue == "截止" && sentenceSignUp != nil) {
                add(.registrationDeadline, sc.original(after..<(after + cue.scalarCount)))
                continue
            }
            if let word = signUp, let k = closing(after, in: phrase, sc: sc), sc.occurrences(of: word, in: k..<phrase.upperBound).first != nil {
                add(.registrationDeadline, word)   // `请于6月30日17:00前登录平台报名`
                continue
            }
            if let cue = deadlineBefore.first(where: { w in d.range.lowerBound >= w.scalarCount && sc.matches(w, at: d.range.lowerBound - w.scalarCount) }),
               cue.contains("报名") || signUp != nil || (cue == "即日起至" && sentenceSignUp != nil) {
                add(.registrationDeadline, cue.hasSuffix("为") || cue.hasSuffix("是") ? String(cue.dropLast()) : cue)
                continue
            }
            if let cue = registrationOpenAfter.first(where: { sc.matches($0, at: after) }) {
                add(.registrationOpen, cue)
                continue
            }
            if let cue = launchAfter.first(where: { sc.matches($0, at: after) }), !sc.matches(cue + "报名", at: after) {
                add(.launch, cue)
                continue
            }
            if let cue = heldAfter.first(where: { w in sc.occurrences(of: w, in: after..<min(clause.upperBound, after + 12)).first != nil }) {
                add(.held, cue)
            } else if sc.trimmedSpaces(0..<d.range.lowerBound).isEmpty, sc.matches(",", at: after), after + 1 < sc.count {
                // `5月18日,第2届…大赛正式启动`: a date opening the sentence is when its next clause happens
                let next = sc.clause(around: after + 1)
                if let v = sc.firstWord(of: launchAfter.filter { $0 != "开始" }, in: next), !sc.matches(v.word + "报名", at: v.offset) {
                    add(.launch, v.word)
                } else if let v = sc.firstWord(of: heldAfter, in: next) {
                    add(.held, v.word)
                }
            }
        }
        return out
    }

    /// The offset after `前`/`之前` following a date (over a clock time: `6月30日17:00前`), if one follows.
    private static func closing(_ after: Int, in phrase: Range<Int>, sc: SentenceScanner) -> Int? {
        var k = after
        if let t = sc.clockTimes(in: k..<phrase.upperBound).first, t.range.lowerBound == k { k = t.range.upperBound }
        for w in ["之前", "以前", "前"] where sc.matches(w, at: k) { return k + w.scalarCount }
        return nil
    }

    /// A stage word that ends, with only fillers between, right before `start`.
    private static func stage(before start: Int, in clause: Range<Int>, sc: SentenceScanner) -> (kind: EventDate.Kind, label: String)? {
        var k = start
        var moved = true
        while moved {
            moved = false
            for w in dateFillers where k - w.scalarCount >= clause.lowerBound && sc.matches(w, at: k - w.scalarCount) {
                k -= w.scalarCount
                moved = true
                break
            }
        }
        for (word, kind) in stages where k - word.scalarCount >= clause.lowerBound && sc.matches(word, at: k - word.scalarCount) {
            return (kind, word)
        }
        return nil
    }

    /// A stage held on the date: `10月中旬举行决赛`.
    private static func stage(after end: Int, in clause: Range<Int>, sc: SentenceScanner) -> (kind: EventDate.Kind, label: String)? {
        var start = end
        for w in ["将", "正式"] where sc.matches(w, at: start) { start += w.scalarCount }
        guard let verb = (heldAfter + ["进行", "开展", "开始"]).first(where: { sc.matches($0, at: start) }) else { return nil }
        let k = start + verb.scalarCount
        for (word, kind) in stages where sc.matches(word, at: k) && k + word.scalarCount <= clause.upperBound { return (kind, word) }
        return nil
    }
}
