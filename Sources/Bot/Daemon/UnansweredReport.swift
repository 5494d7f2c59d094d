import Foundation

/// The most frequent declined questions in an unanswered log — what to add to the knowledge base
/// next. Entries are grouped by normalised text; each group lists how it was asked and the
/// articles that came closest (scores summed over the group).
struct UnansweredReport: Equatable {
    /// One normalised question and everything recorded about it.
    struct Group: Equatable {
        var normalized: String
        var count: Int
        /// Distinct phrasings, most frequent first (at most `maxExamples`).
        var examples: [String]
        /// Time of the latest occurrence.
        var lastSeen: String
        /// Closest articles, best first (at most `maxArticles`).
        var closest: [NearestCandidate]
    }

    /// Groups, most frequent first (ties: most recent first, then by text).
    var groups: [Group]
    /// Entries read.
    var entries: Int
    /// Lines that were not entries (torn or foreign lines are skipped, not fatal).
    var skippedLines: Int

    /// Phrasings listed per group.
    static let maxExamples = 3
    /// Closest articles listed per group.
    static let maxArticles = 3

    /// Builds the report from log lines (the rotated `FILE.1` first, then `FILE`).
    init(lines: some Sequence<Substring>) {
        var entries: [UnansweredEntry] = []
        var skipped = 0
        for line in lines where !line.allSatisfy(\.isWhitespace) {
            if let value = try? JSONLine.parse(Array(line.utf8), limits: JSONLimits(maxBytes: 1 << 20, maxDepth: 8)),
               let entry = UnansweredEntry(json: value) {
                entries.append(entry)
            } else {
                skipped += 1
            }
        }
        self.init(entries: entries, skippedLines: skipped)
    }

    /// Builds the report from parsed entries.
    init(entries: [UnansweredEntry], skippedLines: Int = 0) {
        self.entries = entries.count
        self.skippedLines = skippedLines
        var byKey: [String: [UnansweredEntry]] = [:]
        for e in entries { byKey[e.normalized, default: []].append(e) }
        groups = byKey.map { key, members in
            var phrasing: [String: Int] = [:]
            for m in members { phrasing[m.text, default: 0] += 1 }
            let examples = phrasing.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(UnansweredReport.maxExamples).map(\.key)
            var articles: [String: NearestCandidate] = [:]
            for candidate in members.flatMap(\.nearest) {
                let k = candidate.file + "\u{0}" + candidate.article
                articles[k, default: NearestCandidate(article: candidate.article, file: candidate.file, score: 0)].score += candidate.score
            }
            let closest = articles.values.sorted { ($0.score, $1.file, $1.article) > ($1.score, $0.file, $0.article) }
            return Group(normalized: key, count: members.count, examples: examples,
                         lastSeen: members.map(\.time).max() ?? "", closest: Array(closest.prefix(UnansweredReport.maxArticles)))
        }
        groups.sort { a, b in
            if a.count != b.count { return a.count > b.count }
            if a.lastSeen != b.lastSeen { return a.lastSeen > b.lastSeen }
            return a.normalized < b.normalized
        }
    }

    /// Reads `path.1` (if present) and `path`; throws when neither exists.
    static func load(path: String) throws -> UnansweredReport {
        let fm = FileManager.default
        var text = ""
        var found = false
        for file in [path + ".1", path] where fm.fileExists(atPath: file) {
            guard let data = fm.contents(atPath: file) else { throw UsageError(message: "cannot read \(file)") }
            text += String(decoding: data, as: UTF8.self)
            if !text.hasSuffix("\n") { text += "\n" }
            found = true
        }
        guard found else { throw UsageError(message: "no unanswered log at \(path)") }
        return UnansweredReport(lines: text.split(separator: "\n", omittingEmptySubsequences: true))
    }

    /// The human-readable report: the `top` most frequent groups.
    func render(top: Int) -> String {
        var out = "\(entries) declined question(s), \(groups.count) distinct"
        if skippedLines > 0 { out += ", \(skippedLines) unreadable line(s) skipped" }
        out += "\n"
        for g in groups.prefix(top) {
            out += String(format: "%5d  ", g.count) + ProtocolCodec.singleLine(g.normalized) + "\n"
            out += "       asked as: " + g.examples.map { "\"\(ProtocolCodec.singleLine($0))\"" }.joined(separator: ", ") + "\n"
            if g.closest.isEmpty {
                out += "       closest: (no article came close)\n"
            } else {
                let list = g.closest.map { "\(ProtocolCodec.singleLine($0.article)) (\($0.file), \(String(format: "%.2f", $0.score)))" }
                out += "       closest: " + list.joined(separator: "; ") + "\n"
            }
        }
        return out
    }

    /// The report as one JSON document (`--json`).
    func json(top: Int) -> JSONValue {
        .object([
            ("entries", .int(entries)), ("skipped_lines", .int(skippedLines)),
            ("groups", .array(groups.prefix(top).map { g in
                .object([("normalized", .string(g.normalized)), ("count", .int(g.count)),
                         ("examples", .array(g.examples.map(JSONValue.string))), ("last_seen", .string(g.lastSeen)),
                         ("closest", .array(g.closest.map {
                             .object([("article", .string($0.article)), ("file", .string($0.file)), ("score", .double($0.score))])
                         }))])
            })),
        ])
    }
}
