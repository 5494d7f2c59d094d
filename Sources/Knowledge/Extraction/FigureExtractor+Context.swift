import Foundation

/// What surrounds a figure: the subject's own words, the period it covers and whether it is a
/// target rather than a result.
///
/// | clauses before the figure          | subject words               | subject           | period       | target |
/// |------------------------------------|-----------------------------|-------------------|--------------|--------|
/// | `截至目前,`                          | `全县…住宅小区`              | as printed        | `截至目前`   | no     |
/// | –                                  | `去年平湖市规模以上工业`      | `平湖市规模以上工业` | `去年`     | no     |
/// | `“计划到2024年,`                     | `全县住宅小区物业`            | as printed        | `计划到2024年` | yes  |
/// | –                                  | `预计完成规上工业`            | `规上工业`        | –            | yes    |
extension FigureExtractor {
    /// Clause openings that make the clause a time phrase (`截至5月底`, `前5个月`).
    static let periodOpeners = ["截至", "截止", "计划到", "力争到", "至", "到", "自", "从", "前"]
    /// Clause endings that make the clause a time phrase (`4月以来`, `9月至今`).
    static let periodEnders = ["以来", "至今", "期间", "以前", "季度", "末", "底"]
    /// Whole clauses that are time phrases.
    static let periodWords: Set<String> = ["目前", "当前", "今年", "去年", "全年", "近年来", "今年以来", "截至目前"]
    /// Clause openings that make what follows a plan or forecast.
    static let targetOpeners = ["计划", "力争", "预计", "争取", "目标", "有望"]
    /// How many clauses back a period or a target opener is looked for.
    static let contextReach = 3

    /// The subject as printed, with leading time words moved to the period and target words noted.
    static func subjectParts(_ range: Range<Int>, in sc: SentenceScanner) -> (subject: String, period: String?, target: Bool) {
        var r = sc.stripWords(range, leading: subjectLeads, trailing: [])
        var period: String?
        var target = false
        var changed = true
        func opens(_ w: String) -> Bool { r.lowerBound + w.scalarCount <= r.upperBound && sc.matches(w, at: r.lowerBound) }
        while changed && !r.isEmpty {
            changed = false
            if let w = longestFirst(targetWords.sorted()).first(where: opens) {
                target = true
                r = (r.lowerBound + w.scalarCount)..<r.upperBound
                changed = true
            }
            if let w = leadingTimeWords.first(where: opens) {
                let n = w.scalarCount
                period = [period, sc.original(r.lowerBound..<(r.lowerBound + n))].compactMap { $0 }.joined()
                r = (r.lowerBound + n)..<r.upperBound
                changed = true
            }
            // 到“十四五”末 / 到2025年: a leading time phrase up to 末/底/年
            if ["到", "至"].contains(where: opens),
               let end = (r.lowerBound..<min(r.upperBound, r.lowerBound + 12)).first(where: { "末底年".unicodeScalars.contains(sc.s[$0]) }) {
                period = sc.original(r.lowerBound..<(end + 1))
                r = (end + 1)..<r.upperBound
                changed = true
            }
            let stripped = sc.stripWords(r, leading: subjectLeads + ["可"], trailing: subjectTails)
            if stripped != r { r = stripped; changed = true }
        }
        if r.count > 24 {
            if let de = sc.occurrences(of: "的", in: r).last, r.upperBound - de - 1 >= 2 { r = (de + 1)..<r.upperBound } else { r = r.lowerBound..<r.lowerBound }
        }
        return (r.isEmpty ? "" : sc.original(r), period, target)
    }

    /// The clauses before `start` in the same stretch of the sentence (not past `;`), nearest first.
    static func clausesBefore(_ start: Int, in sc: SentenceScanner) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for c in sc.clauses().reversed() where c.upperBound <= start {
            guard c.upperBound < sc.count, sc.s[c.upperBound] != ";", sc.s[c.upperBound] != "。" else { break }
            out.append(c)
            if out.count == contextReach { break }
        }
        return out
    }

    /// The nearest time phrase among the clauses before `start`, as printed.
    static func period(before start: Int, in sc: SentenceScanner) -> String? {
        for c in clausesBefore(start, in: sc) {
            let r = sc.stripWords(c, leading: ["\u{201C}", "数据显示", "但", "而", "并", "且"], trailing: [])
            if isTimePhrase(r, in: sc) { return sc.original(r) }
        }
        return nil
    }

    /// Whether a time phrase before `start` opens with a plan or forecast word (`计划到2024年`).
    static func targetClause(before start: Int, in sc: SentenceScanner) -> Bool {
        clausesBefore(start, in: sc).contains { c in
            let r = sc.stripWords(c, leading: ["\u{201C}"], trailing: [])
            guard let w = targetOpeners.first(where: { sc.matches($0, at: r.lowerBound) }) else { return false }
            return isTimePhrase((r.lowerBound + w.scalarCount)..<r.upperBound, in: sc)
        }
    }

    /// `4月以来`, `截至5月底`, `前5个月`, `2022年`, `1月-6月`, `目前`.
    static func isTimePhrase(_ r: Range<Int>, in sc: SentenceScanner) -> Bool {
        guard !r.isEmpty else { return false }
        let text = sc.text(r)
        if periodWords.contains(text) { return true }
        if r.count <= 40, periodEnders.contains(where: { text.hasSuffix($0) }) { return true }
        if r.count <= 14, periodOpeners.contains(where: { text.hasPrefix($0) }), sc.numbers(in: r).count + sc.dates(in: r).count > 0 || text.contains("目前") {
            return true
        }
        // a bare year or a run of dates
        let covered = sc.dates(in: r).reduce(0) { $0 + $1.range.count }
        if covered > 0, r.count - covered <= 1 { return true }
        if r.count == 5, text.hasSuffix("年"), sc.numbers(in: r).first?.range.count == 4 { return true }
        return false
    }
}
