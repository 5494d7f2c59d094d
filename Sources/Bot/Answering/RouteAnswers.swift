import Foundation
import Knowledge

/// Words the answers about one route: departures, fares, payment, termini, trips, headway,
/// transfers, what it serves. Each returns nil when the article does not give that field.
struct RouteAnswers {
    let route: TransitRoute
    let ctx: RenderContext

    func render(_ field: String) -> FieldValue? {
        switch field {
        case "firstDeparture": return departures(first: true)
        case "lastDeparture": return departures(first: false)
        case "schedule": return schedule()
        case "fare": return fare()
        case "payment": return payment()
        case "termini", "serves": return field == "termini" ? termini() : serves()
        case "trips": return trips()
        case "headway": return headway()
        case "transfer": return transfer()
        case "overview": return overview()
        case "stops":
            guard !route.stops.isEmpty else { return nil }
            return FieldValue(text: ctx.list(route.stops.map { ctx.name($0.value) }), sentences: orderedUnique(route.stops.map(\.sentence)))
        case "concessions":
            // Who rides free or cheaper, as printed (`60周岁以上老年人凭市民卡免费乘坐`).
            guard !route.concessions.isEmpty else { return nil }
            return FieldValue(text: ctx.clauses(route.concessions.map { ctx.word($0.value) }), sentences: orderedUnique(route.concessions.map(\.sentence)))
        case "opened":
            guard let o = route.opened else { return nil }
            return FieldValue(text: ctx.word(o.value) + PageDates.note(for: route.article, in: ctx), sentences: [o.sentence])
        default: return nil
        }
    }

    /// Schedules for the terminus the question names (`青浦`, `Qingpu`), else all of them. When
    /// it names both ends, the one after `从`/`from` is where the bus leaves from (`从青浦回嘉善`).
    private func askedSchedules() -> [TerminusSchedule] {
        let all = route.schedules
        let q = ctx.understanding
        var matched: [(TerminusSchedule, Int)] = []
        for s in all {
            var names = [s.terminus].filter { !$0.isEmpty }
            if let t = route.terminus(of: s) { names.append(t.value) }
            var earliest: Int?
            for name in names {
                if let p = position(of: name, in: q) { earliest = min(earliest ?? p, p) }
            }
            if let earliest { matched.append((s, earliest)) }
        }
        guard !matched.isEmpty else { return all }
        guard matched.count > 1 else { return [matched[0].0] }
        if let origin = matched.first(where: { isPreceded($0.1, by: RouteAnswers.fromWords, in: q) }) { return [origin.0] }
        let notDestination = matched.filter { !isPreceded($0.1, by: RouteAnswers.toWords, in: q) }
        return notDestination.isEmpty ? matched.map(\.0) : notDestination.map(\.0)
    }

    static let fromWords = ["从", "由", "自", "在", "from"]
    static let toWords = ["到", "回", "往", "去", "至", "开往", "to"]

    /// Where a terminus name occurs in the question: in the normalised text, or (English) as a
    /// word whose pinyin is the name's (Qingpu → 青浦); an offset, or a word index for English.
    private func position(of name: String, in q: Understanding) -> Int? {
        let n = Array(ctx.norm(name).unicodeScalars)
        if !n.isEmpty, let r = find(n, in: q.normalized) { return r }
        if q.language == .en {
            let key = ScriptTables.pinyinKey(of: name)
            return q.englishWords.firstIndex { $0.count >= 3 && (key == $0 || key.hasPrefix($0)) }
        }
        return nil
    }

    private func isPreceded(_ position: Int, by words: [String], in q: Understanding) -> Bool {
        if q.language == .en {
            return position > 0 && words.contains(q.englishWords[position - 1])
        }
        return words.contains { w in
            let ws = Array(w.unicodeScalars)
            return position >= ws.count && Array(q.normalized[(position - ws.count)..<position]) == ws
        }
    }

    private func find(_ w: [Unicode.Scalar], in s: [Unicode.Scalar]) -> Int? {
        guard w.count <= s.count else { return nil }
        for i in 0...(s.count - w.count) where Array(s[i..<(i + w.count)]) == w { return i }
        return nil
    }

    /// How a schedule's end is named: as the timetable prints it, else the full terminus, else
    /// nothing (a timetable that does not say which end).
    private func printedEnd(_ s: TerminusSchedule) -> String {
        if !s.terminus.isEmpty { return s.terminus }
        return route.terminus(of: s)?.value ?? ""
    }

    private func terminusLabel(_ s: TerminusSchedule) -> String { ctx.name(printedEnd(s)) }

    private func departures(first: Bool) -> FieldValue? {
        var parts: [String] = []
        var sentences: [Int] = []
        for s in askedSchedules() {
            guard let t = first ? s.first : s.last else { continue }
            let end = printedEnd(s)
            if ctx.isEnglish {
                parts.append(end.isEmpty ? "\(t.value)" : "from \(terminusLabel(s)) at \(t.value)")
            } else {
                parts.append(end + t.value.description)
            }
            sentences.append(t.sentence)
        }
        guard !parts.isEmpty else { return nil }
        return FieldValue(text: ctx.clauses(parts), sentences: sentences)
    }

    private func schedule() -> FieldValue? {
        var parts: [String] = []
        var sentences: [Int] = []
        for s in askedSchedules() {
            var p: [String] = []
            if let f = s.first { p.append(ctx.isEnglish ? "first \(f.value)" : "首班\(f.value)"); sentences.append(f.sentence) }
            if let l = s.last { p.append(ctx.isEnglish ? "last \(l.value)" : "末班\(l.value)"); sentences.append(l.sentence) }
            guard !p.isEmpty else { continue }
            let end = printedEnd(s)
            parts.append(ctx.isEnglish ? (end.isEmpty ? "" : "from \(terminusLabel(s)): ") + p.joined(separator: ", ") : end + p.joined(separator: "、"))
        }
        guard !parts.isEmpty else { return nil }
        return FieldValue(text: ctx.clauses(parts), sentences: sentences)
    }

    private func yuan(_ a: Amount) -> String { ctx.isEnglish ? "\(format(a.value)) yuan (\(a.text))" : a.text }

    private func format(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }

    private func fare() -> FieldValue? {
        var parts: [String] = []
        var sentences: [Int] = []
        if let s = route.startFare { parts.append(ctx.isEnglish ? "\(yuan(s.value)) to start" : "起步价\(s.value.text)"); sentences.append(s.sentence) }
        if let f = route.fullFare { parts.append(ctx.isEnglish ? "\(yuan(f.value)) for the full route" : "全程\(f.value.text)"); sentences.append(f.sentence) }
        if parts.isEmpty, let flat = route.flatFare { parts.append(ctx.isEnglish ? "\(yuan(flat.value)) flat fare" : "票价\(flat.value.text)"); sentences.append(flat.sentence) }
        guard !parts.isEmpty else { return nil }
        // A fare asked for someone a concession names (`学生票多少钱`): that concession too.
        for c in askedConcessions() { parts.append(ctx.word(c.value)); sentences.append(c.sentence) }
        return FieldValue(text: parts.joined(separator: ctx.isEnglish ? ", " : "，"), sentences: sentences)
    }

    /// Concessions sharing a word (a Han bigram) with the question's content.
    func askedConcessions() -> [Sourced<String>] {
        guard !route.concessions.isEmpty else { return [] }
        var bigrams = Set<String>()
        for seg in ctx.understanding.contentSegments {
            let sc = seg.scalars
            for i in sc.indices.dropLast() where ScalarClass.isHan(sc[i]) && ScalarClass.isHan(sc[i + 1]) {
                bigrams.insert(String(scalars: [sc[i], sc[i + 1]]))
            }
        }
        return route.concessions.filter { c in
            let n = ctx.norm(c.value)
            return bigrams.contains { n.includes($0) }
        }
    }

    private func payment() -> FieldValue? {
        guard !route.payment.isEmpty else { return nil }
        let items = route.payment.map { ctx.word($0.value) }
        return FieldValue(text: ctx.list(items), sentences: route.payment.map(\.sentence))
    }

    private func termini() -> FieldValue? {
        guard route.termini.count >= 2 else { return nil }
        let names = route.termini.map { ctx.name($0.value) }
        return FieldValue(text: names.joined(separator: ctx.isEnglish ? " and " : "—"), sentences: route.termini.map(\.sentence))
    }

    /// For "which route goes to X": the stop, landmark, walking note or terminus naming the place.
    private func serves() -> FieldValue? {
        let place = ctx.understanding.contentSegments.map(\.text)
        let candidates = route.walking + route.stops + route.termini + route.transfers
        for c in candidates {
            let n = ctx.norm(c.value)
            if place.contains(where: { $0.unicodeScalars.count >= 2 && n.contains($0) }) {
                return FieldValue(text: ctx.word(c.value), sentences: [c.sentence])
            }
        }
        return nil
    }

    /// Runs a day as printed: each way, both ways, or both figures.
    private func trips() -> FieldValue? {
        let each = route.tripsPerDay, both = route.tripsBothWays
        let text: String
        switch (each, both) {
        case let (e?, b?): text = ctx.isEnglish ? "\(e.value) trips a day each way, \(b.value) both ways" : "每个方向每天\(e.value)班，双向合计每天\(b.value)班"
        case let (e?, nil): text = ctx.isEnglish ? "\(e.value) trips a day" : "每天\(e.value)班"
        case let (nil, b?): text = ctx.isEnglish ? "\(b.value) trips a day in both directions" : "双向合计每天\(b.value)班"
        case (nil, nil): return nil
        }
        let sentences = [each?.sentence, both?.sentence].compactMap { $0 }
        return FieldValue(text: text, sentences: sentences.count == 2 && sentences[0] == sentences[1] ? [sentences[0]] : sentences)
    }

    private func headway() -> FieldValue? {
        guard let h = route.headway else { return nil }
        let text: String
        if ctx.isEnglish {
            text = h.value.min == h.value.max ? "\(h.value.min) minutes" : "\(h.value.min)–\(h.value.max) minutes"
        } else {
            text = h.value.description
        }
        return FieldValue(text: text, sentences: [h.sentence])
    }

    private func transfer() -> FieldValue? {
        guard !route.transfers.isEmpty else { return nil }
        let lines = route.transfers.map { ctx.word($0.value) }
        let text = ctx.isEnglish ? "you can transfer to " + ctx.list(lines) : "可换乘" + ctx.list(lines)
        return FieldValue(text: text, sentences: route.transfers.map(\.sentence))
    }


    private func overview() -> FieldValue? {
        var parts: [String] = []
        var sentences: [Int] = []
        if let k = route.kind { parts.append(ctx.word(k.value)); sentences.append(k.sentence) }
        if let t = termini() { parts.append(t.text); sentences += t.sentences }
        if let f = fare() { parts.append(f.text); sentences += f.sentences }
        if let s = schedule() { parts.append(s.text); sentences += s.sentences }
        guard !parts.isEmpty else { return nil }
        return FieldValue(text: parts.joined(separator: ctx.isEnglish ? "; " : "；"), sentences: sentences)
    }
}
