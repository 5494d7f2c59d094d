import Foundation

/// The state machine that groups classified blocks into articles (see `PageParser`).
struct ArticleAssembler {
    struct Draft {
        var kind: ArticleKind = .story
        var kicker: String?
        var column: String?
        var headline = ""
        var subtitle: String?
        var byline: String?
        var paragraphs: [String] = []
        var captions: [String] = []
    }

    let blocks: [PageParser.Block]
    private var drafts: [Draft] = []
    private var pendingHeads: [[String]] = []
    private var pendingKickers: [String] = []
    private var pendingByline: String?

    init(blocks: [PageParser.Block]) {
        self.blocks = blocks
    }

    mutating func assemble() -> [Draft] {
        for (i, block) in blocks.enumerated() {
            let next = i + 1 < blocks.count ? blocks[i + 1] : nil
            switch block.role {
            case .kicker:
                pendingKickers.append(String(block.text.unicodeScalars.dropFirst()).trimmed)
            case .headline:
                if !pendingHeads.isEmpty, PageParser.isNamesLine(block.lines), next?.role == .body {
                    start(byline: block.text)       // a bare line of author names after a headline
                } else {
                    pendingHeads.append(block.lines)
                }
            case .byline:
                let text = block.lines.joined(separator: " ")
                if !pendingHeads.isEmpty {
                    start(byline: text)
                } else if let last = drafts.last, last.byline == nil, !last.paragraphs.isEmpty, pendingKickers.isEmpty,
                          last.kind == .story || last.kind == .photo {
                    drafts[drafts.count - 1].byline = text   // a byline printed after the story
                } else {
                    pendingByline = text                      // printed before the headline (■本报评论员)
                }
            case .credit:
                if !pendingHeads.isEmpty { start(byline: nil); drafts[drafts.count - 1].kind = .photo }
                guard !drafts.isEmpty else { continue }
                drafts[drafts.count - 1].captions.append(block.lines.joined(separator: " "))
                let last = drafts[drafts.count - 1]
                if last.byline == nil, last.paragraphs.count <= 2, PageParser.isCreditLine(block.lines[0]) {
                    drafts[drafts.count - 1].kind = .photo
                }
            case .notice:
                var lines = block.lines
                if pendingHeads.isEmpty || !LayoutRules.noticeLabels.contains(where: { lines[0].hasPrefix($0) }) {
                    pendingHeads = [[lines.removeFirst()]]
                }
                start(byline: nil)
                drafts[drafts.count - 1].kind = .notice
                for l in lines { addParagraph(l) }
            case .body:
                if !pendingHeads.isEmpty || pendingByline != nil {
                    start(byline: nil)
                } else if drafts.isEmpty {
                    start(byline: nil)
                } else if PageParser.isWeather(block.text), drafts[drafts.count - 1].kind != .weather {
                    start(byline: nil)
                    drafts[drafts.count - 1].kind = .weather
                } else if let next, next.role == .credit, PageParser.isCreditLine(next.lines[0]),
                          drafts[drafts.count - 1].byline != nil, block.text.count < 200 {
                    start(byline: nil)                        // an untitled photo caption
                    drafts[drafts.count - 1].kind = .photo
                } else if drafts[drafts.count - 1].kind == .notice || drafts[drafts.count - 1].kind == .weather {
                    start(byline: nil)
                }
                addParagraph(block.text)
            }
        }
        // Short lines left after the last headline (a notice that is only `key：value` lines under
        // its title) are that headline's text, not orphan headlines.
        if pendingHeads.count >= 2 {
            let lines = pendingHeads.removeLast()
            start(byline: nil)
            for l in lines { addParagraph(l) }
        }
        return drafts
    }

    /// Opens a new article from the pending headline blocks, kickers and byline.
    private mutating func start(byline: String?) {
        var d = Draft()
        let (kicker, headline, subtitle) = headlineParts(pendingHeads)
        d.kicker = kicker
        d.column = pendingKickers.isEmpty ? nil : pendingKickers.joined(separator: " ")
        d.headline = headline
        d.subtitle = subtitle
        d.byline = byline ?? pendingByline
        if let b = d.byline, b.includes("评论员") || pendingByline != nil { d.kind = .commentary }
        drafts.append(d)
        pendingHeads = []
        pendingKickers = []
        pendingByline = nil
    }

    /// Kicker, main headline and subtitle from the headline blocks seen since the last article.
    /// The last block decides: several lines → the longest is the headline, lines above are the
    /// kicker, lines below the subtitle; one line after another one-line block → headline +
    /// subtitle. Earlier blocks are orphan headlines of stories continued elsewhere.
    private func headlineParts(_ heads: [[String]]) -> (String?, String, String?) {
        guard let last = heads.last else { return (nil, "", nil) }
        var block = last
        var subtitle: String?
        if last.count == 1, heads.count >= 2 {
            block = heads[heads.count - 2]
            subtitle = last[0]
        }
        if block.count == 1 { return (nil, block[0], subtitle) }
        var main = 0
        for (i, l) in block.enumerated() where l.scalarCount > block[main].scalarCount { main = i }
        let kicker = main > 0 ? block[..<main].joined(separator: " ") : nil
        var below = Array(block[(main + 1)...])
        if let subtitle { below.append(subtitle) }
        return (kicker, block[main], below.isEmpty ? nil : below.joined(separator: " "))
    }

    private mutating func addParagraph(_ text: String) {
        var p = text
        for d in LayoutRules.datelines where p.hasPrefix(d) {
            p = String(p.dropFirst(d.count)).trimmed
        }
        guard !p.isEmpty, !drafts.isEmpty else { return }
        // An exact duplicate is kept once, but not a `key：value` line: items of a notice print the
        // same line each under its own heading (`接种时间：周一至周五上午8:00—11:30`).
        if drafts[drafts.count - 1].paragraphs.contains(p), PageStructure.keyValue(Array(p.unicodeScalars)) == nil { return }
        drafts[drafts.count - 1].paragraphs.append(p)
    }
}
