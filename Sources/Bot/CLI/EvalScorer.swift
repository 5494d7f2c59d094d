import Foundation

/// Scores answers exactly as `../shared/eval/score.py` does: both sides normalised (NFKC,
/// full-width → half-width, `：` → `:`, lowercase, whitespace and zero-width characters removed);
/// an in-scope answer passes when every expected group has an alternative inside it; an
/// out-of-scope question passes only as a decline (empty answer or `fallback`); lengths are
/// characters of the stripped answer over passing in-scope answers (median; p90 nearest rank).
enum EvalScorer {
    struct Failure {
        var question: EvalQuestion
        var answer: EvalAnswer?
        var why: String
    }

    struct Report {
        var inPass = 0, inFail = 0, oosPass = 0, oosFail = 0, unscored = 0, missing = 0
        /// Answers given (not declined) and, of those, the ones that fail: the wrong-answer rate.
        var given = 0, wrong = 0
        var wrongRate: Double { ratio(wrong, given) }
        var byCategory: [String: (pass: Int, total: Int)] = [:]
        var byLanguage: [String: (pass: Int, total: Int)] = [:]
        var lengths: [Int] = []
        var failures: [Failure] = []
        /// category → intent → count, over failing questions.
        var confusions: [String: [String: Int]] = [:]

        var accuracy: Double { ratio(inPass + oosPass, inPass + inFail + oosPass + oosFail) }
        var inScope: Double { ratio(inPass, inPass + inFail) }
        var outOfScope: Double { ratio(oosPass, oosPass + oosFail) }

        func render(showFails: Bool) -> String {
            var out: [String] = []
            out.append("            " + "  pass" + "  fail" + "  total" + "     acc")
            out.append(row("in-scope", inPass, inFail))
            out.append(row("oos", oosPass, oosFail))
            out.append(row("overall", inPass + oosPass, inFail + oosFail))
            for (title, table) in [("cat", byCategory), ("lang", byLanguage)] {
                out.append("")
                out.append("by \(title)".padding(toLength: 14, withPad: " ", startingAt: 0) + "  pass  total     acc")
                for key in table.keys.sorted() {
                    let (p, n) = table[key]!
                    out.append(key.padding(toLength: 14, withPad: " ", startingAt: 0) + String(format: "%6d%7d", p, n) + leftPad(fmt(ratio(p, n)), 8))
                }
            }
            out.append("")
            out.append("out-of-scope decline rate: \(fmt(outOfScope)) (\(oosPass) of \(oosPass + oosFail))")
            out.append("conciseness over \(lengths.count) passing in-scope answers: median \(fmtInt(median(lengths))) chars, p90 \(fmtInt(nearestRank(lengths, 90))) chars")
            if !confusions.isEmpty {
                out.append("")
                out.append("intents given to failing questions (category → intent × count):")
                for cat in confusions.keys.sorted() {
                    let items = confusions[cat]!.sorted { $0.value > $1.value }.map { "\($0.key) × \($0.value)" }
                    out.append("  \(cat) → " + items.joined(separator: ", "))
                }
            }
            if unscored > 0 { out.append("note: \(unscored) in-scope question(s) without 'expect' left unscored") }
            if missing > 0 { out.append("note: \(missing) question(s) had no answer (counted as fail)") }
            if showFails {
                out.append("")
                out.append("failures (\(failures.count)):")
                for f in failures {
                    out.append("- [\(f.question.id)] \(f.question.question)")
                    out.append("    expected: " + (f.question.outOfScope ? "DECLINE (out of scope)" : f.question.expect.map { "(" + $0.joined(separator: " | ") + ")" }.joined(separator: " AND ")))
                    let a = f.answer.map { $0.answer.isEmpty ? "(empty)" : String($0.answer.prefix(120)) } ?? "(missing)"
                    out.append("    answer\(f.answer?.fallback == true ? " [fallback]" : ""): \(a)")
                    out.append("    intent: \(f.answer?.intent ?? "-")  why: \(f.why)")
                }
            }
            out.append("")
            out.append("wrong answers: \(wrong) of \(given) given (\(fmt(wrongRate))); a decline is a miss, not a wrong answer")
            out.append("accuracy=\(fmt(accuracy)) inscope=\(fmt(inScope)) oos=\(fmt(outOfScope)) median_len=\(fmtInt(median(lengths))) wrong=\(fmt(wrongRate)) answered=\(given)")
            return out.joined(separator: "\n")
        }

        private func row(_ label: String, _ p: Int, _ f: Int) -> String {
            label.padding(toLength: 12, withPad: " ", startingAt: 0) + String(format: "%6d%6d%7d", p, f, p + f) + leftPad(fmt(ratio(p, p + f)), 8)
        }
    }

    static func score(questions: [EvalQuestion], answers: [EvalAnswer]) -> Report {
        var byID: [String: EvalAnswer] = [:]
        for a in answers { byID[a.id] = a }
        var r = Report()
        for q in questions {
            let a = byID[q.id]
            if a == nil { r.missing += 1 }
            let norm = normalise(a?.answer ?? "")
            let ok: Bool
            var why = ""
            if q.outOfScope {
                ok = a != nil && (norm.isEmpty || a!.fallback)
                if ok { r.oosPass += 1 } else { r.oosFail += 1; why = a == nil ? "missing answer" : "out of scope but answered" }
            } else {
                guard !q.expect.isEmpty else { r.unscored += 1; continue }
                let unmet = q.expect.filter { g in !g.contains { alt in let n = normalise(alt); return !n.isEmpty && norm.contains(n) } }
                ok = a != nil && unmet.isEmpty
                if ok {
                    r.inPass += 1
                    r.lengths.append(a!.answer.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars.count)
                } else {
                    r.inFail += 1
                    why = a == nil ? "missing answer" : ((norm.isEmpty || a!.fallback) && !unmet.isEmpty ? "declined"
                        : "missing " + unmet.map { $0.joined(separator: "|") }.joined(separator: " & "))
                }
            }
            let given = a != nil && !(norm.isEmpty || a!.fallback)
            if given { r.given += 1; if !ok { r.wrong += 1 } }
            r.byCategory[q.category, default: (0, 0)].pass += ok ? 1 : 0
            r.byCategory[q.category, default: (0, 0)].total += 1
            r.byLanguage[q.language, default: (0, 0)].pass += ok ? 1 : 0
            r.byLanguage[q.language, default: (0, 0)].total += 1
            if !ok {
                r.failures.append(Failure(question: q, answer: a, why: why))
                r.confusions[q.category, default: [:]][a?.intent ?? "(none)", default: 0] += 1
            }
        }
        return r
    }

    /// score.py's `normalise`.
    static func normalise(_ s: String) -> String {
        let nfkc = s.precomposedStringWithCompatibilityMapping
        var out = String.UnicodeScalarView()
        for sc in nfkc.unicodeScalars {
            var v = sc
            if (0xFF01...0xFF5E).contains(sc.value) { v = Unicode.Scalar(sc.value - 0xFEE0)! }
            else if sc.value == 0x3000 { v = " " }
            if v == "：" { v = ":" }
            if v.properties.isWhitespace || [0x200B, 0x200C, 0x200D, 0xFEFF].contains(v.value) { continue }
            out.append(v)
        }
        return String(out).lowercased()
    }
}

private func ratio(_ p: Int, _ n: Int) -> Double { n == 0 ? .nan : Double(p) / Double(n) }
/// `s` right-aligned in `width` columns (`%8@` ignores the width on Linux).
private func leftPad(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
private func fmt(_ x: Double) -> String { x.isNaN ? "nan" : String(format: "%.3f", x) }
private func fmtInt(_ x: Double) -> String { x.isNaN ? "nan" : String(Int(x.rounded(.toNearestOrEven))) }

private func median(_ v: [Int]) -> Double {
    guard !v.isEmpty else { return .nan }
    let s = v.sorted()
    let n = s.count
    return n % 2 == 1 ? Double(s[n / 2]) : Double(s[n / 2 - 1] + s[n / 2]) / 2
}

private func nearestRank(_ v: [Int], _ pct: Double) -> Double {
    guard !v.isEmpty else { return .nan }
    let s = v.sorted()
    let k = max(1, Int((pct / 100 * Double(s.count)).rounded(.up)))
    return Double(s[k - 1])
}
