import Foundation

/// Reads an official notice or service guide — a title, header lines (`发布日期：…`,
/// `信息来源：…`), numbered sections (`一、` `（一）` `1.` `①` `(1)`), items that carry their own
/// `地址：… / 电话：… / 服务时间：…` lines — into one article whose paragraphs each know their
/// section path (`三、办理网点 > 1. 城南交通卡服务中心`).
///
/// Newspaper pages keep going through the layout parser: a page is read as a document only when
/// it prints header fields or at least two numbered section headings at the start of lines.
public enum PageStructure {
    /// Header labels a notice prints above its body, by what they give.
    static let dateLabels = ["发布日期", "发布时间", "日期", "时间", "发文日期", "印发日期", "更新时间", "更新日期"]
    static let publisherLabels = ["信息来源", "来源", "发布机构", "发布单位", "发文机关", "发文单位", "发布部门", "主办单位"]
    static let otherHeaderLabels = ["文号", "索引号", "浏览次数", "访问量", "字号", "作者", "编辑", "责任编辑", "点击数"]

    /// A numbered line's level: 1 `一、`, 2 `（一）`, 3 `1.`/`1、`, 4 `(1)`/`①`, 5 a bullet.
    /// A numbered line without its number and the spaces after it (`1. 海宁市紫微幼儿园` →
    /// `海宁市紫微幼儿园`); nil for a line without a number.
    public static func withoutNumbering(_ line: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar>? {
        guard let n = numbering(line) else { return nil }
        var rest = line[n.length...]
        while let f = rest.first, f == " " || f == "\u{3000}" { rest = rest.dropFirst() }
        return rest
    }

    public static func numbering(_ line: [Unicode.Scalar]) -> (level: Int, length: Int)? {
        guard let first = line.first else { return nil }
        func isHanNumeral(_ s: Unicode.Scalar) -> Bool { "一二三四五六七八九十".unicodeScalars.contains(s) }
        func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 || s.value >= 0xFF10 && s.value <= 0xFF19 }
        var i = 0
        if isHanNumeral(first) {
            while i < line.count, isHanNumeral(line[i]) { i += 1 }
            if i < line.count, line[i] == "、" { return (1, i + 1) }
            return nil
        }
        if first == "（" || first == "(" {
            i = 1
            if i < line.count, isHanNumeral(line[i]) {
                while i < line.count, isHanNumeral(line[i]) { i += 1 }
                if i < line.count, line[i] == "）" || line[i] == ")" { return (2, i + 1) }
                return nil
            }
            let start = i
            while i < line.count, isDigit(line[i]) { i += 1 }
            if i > start, i < line.count, line[i] == "）" || line[i] == ")" { return (4, i + 1) }
            return nil
        }
        if isDigit(first) {
            while i < line.count, isDigit(line[i]) { i += 1 }
            guard i <= 2, i < line.count else { return nil }
            let mark = line[i]
            // `1.5元` is a number, `1.城南…` a numbered item.
            if mark == "、" || mark == "．" || (mark == "." && (i + 1 >= line.count || !isDigit(line[i + 1]))) { return (3, i + 1) }
            return nil
        }
        if first.value >= 0x2460 && first.value <= 0x2473 { return (4, 1) }
        if "·•●○■□◆◇▪-*".unicodeScalars.contains(first), line.count > 1 { return (5, 1) }
        return nil
    }

    /// The label of a `key：value` line (≤ 10 characters before a full- or half-width colon,
    /// no sentence punctuation inside it), and where its value starts.
    public static func keyValue(_ line: [Unicode.Scalar]) -> (key: String, valueStart: Int)? {
        guard let colon = line.firstIndex(where: { $0 == "：" || $0 == ":" }), colon > 0, colon <= 10, colon + 1 < line.count else { return nil }
        // A clock time (`8:30`) is not a label.
        if line[colon] == ":", colon > 0, line[colon - 1].properties.numericType != nil { return nil }
        var start = 0
        while start < colon, line[start] == " " || line[start] == "\u{3000}" { start += 1 }     // `1. 票价：2元` after its number
        let key = line[start..<colon]
        guard !key.isEmpty else { return nil }
        if key.contains(where: { "，,。；;、！？ （(".unicodeScalars.contains($0) }) { return nil }
        return (String(String.UnicodeScalarView(key)).trimmingCharacters(in: .whitespaces), colon + 1)
    }

    /// Where the value of a `key：value` line (numbered or not: `（四）临时新增停靠站点：A`) begins, or nil.
    public static func valueStart(of line: [Unicode.Scalar]) -> Int? {
        let n = numbering(line)?.length ?? 0
        return keyValue(Array(line[n...])).map { n + $0.valueStart }
    }

    /// The label in its simplified, half-width form (`電話` → `电话`), for matching header names.
    static func canonical(_ key: String) -> String {
        String(scalars: Normalizer.foldWidthScriptAndSpace(key, track: false).scalars)
    }

    /// Header fields on one line (`发布日期：2024-03-01  来源：嘉兴市交通局`): label → value.
    static func headerFields(_ line: String) -> [(label: String, value: String)]? {
        let labels = dateLabels + publisherLabels + otherHeaderLabels
        var out: [(String, String)] = []
        let parts = line.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "\t" || $0 == "|" }).map(String.init)
        var pendingLabel: String?
        for part in parts {
            let scalars = Array(part.unicodeScalars)
            if let kv = keyValue(scalars), labels.contains(canonical(kv.key)) {
                out.append((canonical(kv.key), String(String.UnicodeScalarView(scalars[kv.valueStart...]))))
                pendingLabel = nil
            } else if let last = part.last, last == "：" || last == ":", labels.contains(canonical(String(part.dropLast()))) {
                pendingLabel = canonical(String(part.dropLast()))
            } else if let label = pendingLabel {
                out.append((label, part))
                pendingLabel = nil
            } else if !out.isEmpty {
                // A value printed with spaces (`2024-03-01 10:20`): part of the previous field.
                out[out.count - 1].1 += " " + part
            } else {
                return nil
            }
        }
        return out.isEmpty ? nil : out
    }

    /// True when the page reads as a notice or guide rather than a newspaper page.
    public static func isDocument(_ text: String) -> Bool {
        var headings = 0
        var header = false
        var lineNo = 0
        // Lines by scalars (a page is read once per build; `Character` splitting and Foundation
        // trimming cost more than the rest of this test).
        let all = Array(text.unicodeScalars)
        var start = 0
        while start <= all.count {
            var end = start
            while end < all.count && !isNewline(all[end]) { end += 1 }
            var a = start, b = end
            start = end + 1
            while a < b && isBlank(all[a]) { a += 1 }
            while b > a && isBlank(all[b - 1]) { b -= 1 }
            if a == b { continue }
            lineNo += 1
            let line = Array(all[a..<b])
            if lineNo <= 8, headerFields(String(String.UnicodeScalarView(line))) != nil { header = true }
            if let n = numbering(line), n.level <= 2 { headings += 1 }
            if header || headings >= 2 { return true }
        }
        return false
    }

    /// What `Character.isNewline` splits at, by scalar (`\r\n` gives an empty line between).
    @inline(__always) static func isNewline(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// `CharacterSet.whitespaces`: a tab or a space separator (Zs).
    @inline(__always) static func isBlank(_ c: Unicode.Scalar) -> Bool {
        c == "\t" || c == " " || (c.value > 0x7F && c.properties.generalCategory == .spaceSeparator)
    }

    /// A line read from a document: its text, its section path and what it is.
    public struct Line: Sendable, Equatable {
        public var text: String
        public var path: [String]
        public var isHeading: Bool
        /// For a `key：value` line or a labelled item (`（一）老年卡：身份证…`): the label and value.
        public var key: String?
        public var value: String?
    }

    /// The header and body lines of a document page.
    public struct Document: Sendable, Equatable {
        public var title: String
        public var date: String?
        public var publisher: String?
        public var lines: [Line]
    }

    /// Splits a document page into title, header fields and body lines with section paths.
    public static func read(_ text: String) -> Document {
        var title = ""
        var date: String?
        var publisher: String?
        var lines: [Line] = []
        var stack: [(level: Int, heading: String)] = []
        // The last labelled entry (`（二）清明2号线：A—B`): numbered lines of a lower level below it
        // are its own lines; other lines keep the section's path.
        var entry: (level: Int, path: [String])?
        var seenBody = false
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if !seenBody, let fields = headerFields(line) {
                for (label, value) in fields {
                    if dateLabels.contains(label), date == nil { date = value }
                    if publisherLabels.contains(label), publisher == nil { publisher = value }
                }
                continue
            }
            if title.isEmpty && lines.isEmpty {
                title = line
                continue
            }
            seenBody = true
            let scalars = Array(line.unicodeScalars)
            if let n = numbering(scalars) {
                let rest = Array(scalars[n.length...])
                let endsSentence = rest.last.map { "。；;！!？?".unicodeScalars.contains($0) } ?? false
                if let kv = keyValue(rest), kv.key.scalarCount <= 8 {
                    let value = String(String.UnicodeScalarView(rest[kv.valueStart...])).trimmingCharacters(in: .whitespaces)
                    // Under a labelled entry of a higher level (`（二）清明2号线：A—B`), a numbered
                    // `1. 票价：2元` is one of that entry's own lines.
                    if let e = entry, e.level < n.level {
                        lines.append(Line(text: line, path: e.path, isHeading: false, key: kv.key, value: value))
                        continue
                    }
                    // A labelled item: `（一）老年卡：身份证原件…` — the label is the item's name.
                    while let top = stack.last, top.level >= n.level { stack.removeLast() }
                    let path = stack.map(\.heading) + [String(String.UnicodeScalarView(scalars[..<n.length])) + kv.key]
                    lines.append(Line(text: line, path: path, isHeading: false, key: kv.key, value: value))
                    entry = (n.level, path)
                    continue
                }
                if let e = entry, e.level < n.level {
                    lines.append(Line(text: line, path: e.path, isHeading: false, key: nil, value: nil))
                    continue
                }
                entry = nil
                if !endsSentence && rest.count <= 30 && n.level < 5 {
                    while let top = stack.last, top.level >= n.level { stack.removeLast() }
                    stack.append((n.level, line))
                    lines.append(Line(text: line, path: stack.map(\.heading), isHeading: true, key: nil, value: nil))
                    continue
                }
                // A numbered sentence: a step or a rule inside the current section.
                while let top = stack.last, top.level >= n.level { stack.removeLast() }
                lines.append(Line(text: line, path: stack.map(\.heading), isHeading: false, key: nil, value: nil))
                continue
            }
            if let kv = keyValue(scalars) {
                let value = String(String.UnicodeScalarView(scalars[kv.valueStart...])).trimmingCharacters(in: .whitespaces)
                lines.append(Line(text: line, path: stack.map(\.heading), isHeading: false, key: kv.key, value: value))
                continue
            }
            lines.append(Line(text: line, path: stack.map(\.heading), isHeading: false, key: nil, value: nil))
        }
        return Document(title: title, date: date, publisher: publisher, lines: lines)
    }

    /// Gives each paragraph of a document page's articles the section path of the line it starts
    /// with, and every article the document's title, publisher and date.
    public static func annotate(_ articles: inout [Article], with doc: Document) {
        var cursor = 0
        let date = doc.date.map { isoDate($0) ?? $0 }
        for ai in articles.indices {
            articles[ai].publisher = doc.publisher
            articles[ai].documentTitle = doc.title
            if articles[ai].metadata.date == nil { articles[ai].metadata.date = date }
            // A block kept whole by the layout parser (`二、办理材料\n（一）…\n（二）…`) is lines of
            // the document: each its own paragraph, so each gets its own path.
            articles[ai].paragraphs = articles[ai].paragraphs.flatMap { p in
                p.contains("\n") ? p.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } : [p]
            }
            var paths: [[String]] = []
            var last: [String] = []
            let heading = articles[ai].headline
            if let h = doc.lines[cursor...].firstIndex(where: { $0.text == heading }) { last = doc.lines[h].path; cursor = h + 1 }
            for p in articles[ai].paragraphs {
                // The line printing the paragraph, else one it begins or is begun by among the
                // next few (a short closing line `嘉兴市图书馆` begins the title paragraph too).
                let near = doc.lines[cursor..<min(doc.lines.count, cursor + 3)]
                if let j = doc.lines[cursor...].firstIndex(where: { $0.text == p })
                    ?? near.firstIndex(where: { p.hasPrefix($0.text) || $0.text.hasPrefix(p) }) {
                    last = doc.lines[j].path
                    cursor = j + 1
                }
                paths.append(last)
            }
            articles[ai].sectionPaths = paths
        }
    }

    /// `2024-03-01`, `2024年3月1日`, `2024/3/1` → `2024-03-01`.
    static func isoDate(_ text: String) -> String? {
        var nums: [Int] = []
        var cur = 0
        var inNum = false
        for s in text.unicodeScalars {
            if let d = s.properties.numericType != nil ? Int(String(s)) : nil, s.value < 0x80 {
                cur = cur * 10 + d
                inNum = true
            } else {
                if inNum { nums.append(cur) }
                cur = 0
                inNum = false
                if nums.count == 3 { break }
            }
        }
        if inNum { nums.append(cur) }
        guard nums.count >= 3, nums[0] >= 1900, (1...12).contains(nums[1]), (1...31).contains(nums[2]) else { return nil }
        return String(format: "%04d-%02d-%02d", nums[0], nums[1], nums[2])
    }
}
