import Foundation

/// Splits a page into articles and repairs what the PDF export broke.
///
/// A page is blocks of lines separated by blank lines. Each block is classified by its shape
/// (`BlockRole`), broken body paragraphs are joined, and a small state machine groups
/// headline → byline → body (bylines may also trail the body or precede the headline).
/// Masthead noise and column labels are dropped, photo credits become captions, exact
/// duplicate paragraphs are kept once, notice boxes and weather forecasts become articles too.
public enum PageParser {
    /// Parses `page` into articles numbered 1… in page order. Sentence ids are left empty.
    public static func parse(_ page: Page) -> [Article] {
        var metadata = page.metadata
        var blocks = makeBlocks(page.text, edition: &metadata.edition)
        for i in blocks.indices { blocks[i].role = classify(blocks[i].lines) }
        demoteBrokenParagraphStarts(&blocks)
        blocks = joinBrokenParagraphs(blocks)
        var assembler = ArticleAssembler(blocks: blocks)
        var drafts = assembler.assemble()
        drafts.removeAll { $0.paragraphs.isEmpty && $0.kind != .notice }
        var articles = drafts.enumerated().map { index, d in
            Article(id: ArticleID(file: page.file, ordinal: index + 1), kind: d.kind, column: d.column, kicker: d.kicker,
                    headline: d.headline, subtitle: d.subtitle, byline: d.byline, paragraphs: d.paragraphs,
                    captions: d.captions, metadata: metadata)
        }
        // Notices and guides: the layout split stays (typed extractors read it best, measured on
        // the real-page set), and every paragraph gets its section path from the structure reader.
        if PageStructure.isDocument(page.text) { PageStructure.annotate(&articles, with: PageStructure.read(page.text)) }
        return articles
    }

    // MARK: - Blocks

    struct Block {
        var lines: [String]
        var role: BlockRole = .body
        var text: String { lines.joined(separator: "\n") }
    }

    /// Lines → blocks, with masthead noise removed and glued bylines (`…愁与盼■记者 荣怡婷`) split off.
    static func makeBlocks(_ text: String, edition: inout String?) -> [Block] {
        var blocks: [Block] = []
        var current: [String] = []
        func flush() {
            if !current.isEmpty { blocks.append(Block(lines: current)) }
            current = []
        }
        for raw in lines(of: text) {
            let line = raw.trimmed
            if line.isEmpty { flush(); continue }
            if LayoutRules.isNoiseLine(line) || LayoutRules.isMastheadBrand(line) || LayoutRules.isPinyinColumnHeader(line) {
                flush(); continue
            }
            if LayoutRules.isEditionLabel(line) {
                if edition == nil { edition = line }
                flush(); continue
            }
            // A byline glued to the end of a headline line: split at the mark.
            // (The scalar test first: the `Character` search walks grapheme clusters.)
            if line.unicodeScalars.contains("■"), let mark = line.firstIndex(of: "■"), mark != line.startIndex {
                let head = line[..<mark].trimmed
                let tail = String(line[mark...])
                if !head.isEmpty { current.append(head) }
                flush()
                current.append(tail)
                continue
            }
            // A byline line inside a headline block starts its own block.
            if !current.isEmpty, isBylineLine(line), !current.allSatisfy(isBylineLine) {
                flush()
            }
            current.append(line)
        }
        flush()
        // Column labels (`第134期评论 / DIYI PINGLUN 栏目统筹:…`) take their whole block with them.
        return blocks.filter { b in !b.lines.contains { l in LayoutRules.columnLabelMarkers.contains { l.includes($0) } } }
    }

    /// The page's lines, split where `Character`s `\n`, `\r\n` and `\r` stand (empty lines kept),
    /// found by bytes: those three always stand alone as characters, so the lines are the ones
    /// a `Character` split gives, without walking grapheme clusters.
    static func lines(of text: String) -> [Substring] {
        var out: [Substring] = []
        let u = text.utf8
        var lineStart = u.startIndex
        var i = u.startIndex
        while i != u.endIndex {
            let b = u[i]
            if b == 0x0A || b == 0x0D {
                out.append(text[lineStart..<i])
                var next = u.index(after: i)
                if b == 0x0D, next != u.endIndex, u[next] == 0x0A { next = u.index(after: next) }
                lineStart = next
                i = next
            } else {
                i = u.index(after: i)
            }
        }
        out.append(text[lineStart..<u.endIndex])
        return out
    }

    // MARK: - Classification

    enum BlockRole: Equatable {
        case headline, byline, credit, kicker, notice, body
    }

    static func classify(_ lines: [String]) -> BlockRole {
        let first = lines[0]
        if isCreditLine(first) && lines.count <= 2 { return .credit }
        if isBylineLine(first) { return .byline }
        if let m = first.unicodeScalars.first, LayoutRules.kickerMarks.contains(m), lines.count == 1 { return .kicker }
        if lines.count >= 2 && lines.contains(where: { l in LayoutRules.noticeLabels.contains { l.includes($0) } }) {
            return .notice
        }
        if lines.count == 1 && isCaptionLine(first) { return .credit }
        if hasHeadlineShape(lines) { return .headline }
        return .body
    }

    /// `■全媒体记者 …`, `■记者 …`, `通讯员 …`, `■本报评论员`, `■言成声` (a pen name).
    static func isBylineLine(_ line: String) -> Bool {
        var rest = Substring(line)
        let marked = rest.hasPrefix("■")
        if marked { rest = rest.dropFirst() }
        rest = rest.drop(while: { $0 == " " })
        if LayoutRules.mayStartBylineRole(rest), LayoutRules.bylineRoles.contains(where: { rest.hasPrefix($0) }) {
            return line.scalarCount <= 60 && !line.includes("。")
        }
        if marked {
            let s = rest.unicodeScalars
            return (2...4).contains(s.count) && s.allSatisfy { ScalarClass.isHan($0) }
        }
        return false
    }

    static func isCreditLine(_ line: String) -> Bool {
        if line.hasAtMostScalars(40) && LayoutRules.creditPrefixes.contains(where: { line.hasPrefix($0) }) { return true }
        return line.scalarCount <= 20 && line.hasSuffix("/摄")
    }

    /// A one-line photo caption with its credit: `…建设现场 秀洲区王江泾镇人民政府供图`.
    static func isCaptionLine(_ line: String) -> Bool {
        line.scalarCount <= 80 && LayoutRules.creditSuffixes.contains { line.hasSuffix($0) } && !line.includes("。")
    }

    /// Short lines, no sentence punctuation or commas, balanced quotes.
    static func hasHeadlineShape(_ lines: [String]) -> Bool {
        guard lines.count <= 4 else { return false }
        for l in lines {
            if l.scalarCount > 80 { return false }
            var depth = 0
            for s in l.unicodeScalars {
                switch s {
                case "。", ",", "，", ";", "；", "、": return false
                case "\u{201C}": depth += 1
                case "\u{201D}": depth -= 1
                default: break
                }
            }
            if depth != 0 { return false }
        }
        guard let last = lines.last?.unicodeScalars.last else { return false }
        return !"。！？:：".unicodeScalars.contains(last)
    }

    /// A headline-shaped block followed straight by body text is a headline only when the story
    /// shows it: a byline or photo credit right after that body, or a body opening like a lead
    /// (`本报讯`, `昨天`, `近日`, `7月1日`). Otherwise it is the first half of a paragraph the
    /// export broke (`此次将“浙里总商汇”企业互联共` + `享平台的…`) and is demoted to body.
    static func demoteBrokenParagraphStarts(_ blocks: inout [Block]) {
        for i in blocks.indices where blocks[i].role == .headline && blocks[i].lines.count == 1 {
            guard i + 1 < blocks.count, blocks[i + 1].role == .body, i > 0, blocks[i - 1].role == .body,
                  !isNamesLine(blocks[i].lines) else { continue }
            if i + 2 < blocks.count, blocks[i + 2].role == .byline || blocks[i + 2].role == .credit { continue }
            if startsLikeLead(blocks[i + 1].lines[0]) { continue }
            blocks[i].role = .body
        }
    }

    /// Openings of a story's first paragraph.
    static func startsLikeLead(_ text: String) -> Bool {
        if LayoutRules.leadOpenings.contains(where: { text.hasPrefix($0) }) { return true }
        // A date: 7月1日 / 3月26日 / 2023年…
        let s = Array(text.unicodeScalars.prefix(8))
        var i = 0
        while i < s.count, ScalarClass.isDigit(s[i]) { i += 1 }
        return i > 0 && i < s.count && (s[i] == "月" || s[i] == "年")
    }

    /// A line made only of personal names: `汤纯凤 宋依依`, `巨增曲珠 陈起东`, `张正龙`, `周 奕`.
    static func isNamesLine(_ lines: [String]) -> Bool {
        guard lines.count == 1 else { return false }
        let tokens = lines[0].split(separator: " ")
        guard !tokens.isEmpty, lines[0].scalarCount <= 24,
              tokens.allSatisfy({ $0.unicodeScalars.allSatisfy { ScalarClass.isHan($0) } && $0.scalarCount <= 4 }),
              let firstChar = tokens[0].first, LayoutRules.surnames.contains(firstChar) else { return false }
        if tokens.count == 1 { return (2...3).contains(tokens[0].scalarCount) }
        let long = tokens.filter { $0.scalarCount >= 2 }
        let withSurname = long.filter { LayoutRules.surnames.contains($0.first!) }
        return withSurname.count * 2 >= long.count
    }

    // MARK: - Repair

    /// Ends like a finished paragraph: `。！？…`, possibly followed by a closing quote/bracket.
    static func endsParagraph(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.reversed().makeIterator()
        guard var last = scalars.next() else { return true }
        if last == "\u{201D}" || last == "）" || last == ")" || last == "」" || last == "』" {
            guard let prev = scalars.next() else { return false }
            last = prev
        }
        return "。！？!?…".unicodeScalars.contains(last)
    }

    /// Joins body blocks split mid-sentence across a blank line (`…示范经验越` + `来越多,…`).
    static func joinBrokenParagraphs(_ blocks: [Block]) -> [Block] {
        var out: [Block] = []
        for b in blocks {
            if b.role == .body, var prev = out.last, prev.role == .body, prev.lines.count == 1, b.lines.count >= 1,
               !endsParagraph(prev.lines[0]) {
                prev.lines[0] += b.lines[0]
                prev.lines.append(contentsOf: b.lines.dropFirst())
                out[out.count - 1] = prev
                continue
            }
            out.append(b)
        }
        return out
    }

    /// A forecast box: short, with a day word, a sky word and a printed measure (a temperature in
    /// ℃ or a wind force in 级) — not a story sentence such as `今天天气晴好,气温适宜`.
    static func isWeather(_ text: String) -> Bool {
        text.scalarCount < 300
            && LayoutRules.weatherDayWords.contains(where: text.includes)
            && LayoutRules.weatherSkyWords.contains(where: text.includes)
            && (text.includes("℃") || text.includes("°C") || (text.includes("风") && text.includes("级")))
    }
}
