import Foundation

/// Stable identity of an article: the page file it came from and its ordinal on that page (1-based).
public struct ArticleID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var file: String
    public var ordinal: Int

    public init(file: String, ordinal: Int) {
        self.file = file
        self.ordinal = ordinal
    }

    /// `file#ordinal`, e.g. `003_58565fcc7c39a4bb.txt#5`.
    public var description: String { "\(file)#\(ordinal)" }

    public static func < (a: ArticleID, b: ArticleID) -> Bool {
        (a.file, a.ordinal) < (b.file, b.ordinal)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let hash = text.lastIndex(of: "#"), let n = Int(text[text.index(after: hash)...]) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad article id \(text)"))
        }
        self.init(file: String(text[..<hash]), ordinal: n)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// What kind of item an article is; most are ordinary news stories.
public enum ArticleKind: String, Sendable, Codable {
    case story
    /// A box or advert: short lines such as an address and hotlines.
    case notice
    /// A weather forecast box.
    case weather
    /// A photo with its caption.
    case photo
    /// A commentary or editorial.
    case commentary
}

/// One sentence of an article, kept in its original form and in normalised form.
public struct Sentence: Sendable, Hashable {
    /// Index of this sentence in `KnowledgeBase.sentences`.
    public var id: Int
    /// Index of the owning article in `KnowledgeBase.articles`.
    public var article: Int
    /// Paragraph number inside the article (0-based); `-1` for the headline.
    public var paragraph: Int
    /// The sentence as printed.
    public var text: String
    /// The sentence after `Normalizer.normalize(_:)`: made from `scalars` when asked for (a
    /// stored copy was a fifth of the 1,000-page daemon's heap), `text` itself when normalising
    /// left it unchanged.
    public var normalized: String { unchanged ? text : String(scalars: tracked.scalars) }
    /// Whether normalising left the printed text as it was.
    private let unchanged: Bool
    /// The normalisation with its origins (printed ↔ normalised offsets), kept so extractors
    /// and answer builders never normalise a sentence twice.
    public let tracked: TrackedText
    /// `normalized` as scalars (what matching code walks).
    public var scalars: [Unicode.Scalar] { tracked.scalars }
    /// Clauses (split at `,;:。!?…—`) in both forms, for picking the part of a sentence that answers.
    public var clauses: [ClauseSpan]

    /// Normalises `text` with `normalizer`.
    public init(id: Int, article: Int, paragraph: Int, text: String, normalizer: Normalizer = Normalizer()) {
        self.init(id: id, article: article, paragraph: paragraph, tracked: normalizer.normalizeTracked(text))
    }

    /// Builds a sentence from its tracked normalisation (one pass gives both forms and clauses).
    public init(id: Int, article: Int, paragraph: Int, tracked: TrackedText) {
        self.id = id
        self.article = article
        self.paragraph = paragraph
        self.text = tracked.printedText
        self.tracked = tracked
        // Unchanged by normalising: one string for both forms.
        self.unchanged = tracked.printedText.unicodeScalars.elementsEqual(tracked.scalars)
        self.clauses = ClauseSpan.split(tracked)
    }

    /// A clause of this sentence as printed (without the closing punctuation).
    public func printed(_ clause: ClauseSpan) -> String { ClauseSpan.printed(clause.range, in: tracked) }
}

/// One clause of a sentence: its range in the normalised scalars and in the printed ones (its
/// printed text is `Sentence.printed(_:)`, made when asked for, not stored per clause).
public struct ClauseSpan: Sendable, Hashable {
    /// The two ranges' bounds in 32 bits each (16 bytes a clause, not 32).
    private var lower: Int32, upper: Int32, originalLower: Int32, originalUpper: Int32

    /// Half-open range in `Sentence.scalars`.
    public var range: Range<Int> {
        get { Int(lower)..<Int(upper) }
        set { lower = Int32(newValue.lowerBound); upper = Int32(newValue.upperBound) }
    }
    /// Half-open range in the printed sentence's scalars (`Sentence.text.unicodeScalars`).
    public var originalRange: Range<Int> {
        get { Int(originalLower)..<Int(originalUpper) }
        set { originalLower = Int32(newValue.lowerBound); originalUpper = Int32(newValue.upperBound) }
    }

    public init(range: Range<Int>, originalRange: Range<Int>) {
        lower = Int32(range.lowerBound)
        upper = Int32(range.upperBound)
        originalLower = Int32(originalRange.lowerBound)
        originalUpper = Int32(originalRange.upperBound)
    }

    /// The clause as printed, without its edge punctuation.
    static func printed(_ range: Range<Int>, in t: TrackedText) -> String {
        t.original(range).trimmed(of: edgePunctuation)
    }

    /// Punctuation trimmed from a clause's printed text.
    static let edgePunctuation: Set<Unicode.Scalar> = Set(",，;；:：。!！?？…— \u{3000}".unicodeScalars)

    /// Clause breaks in normalised text.
    public static let breaks: Set<Unicode.Scalar> = [",", ";", "。", "!", "?", ":", "…", "—"]

    /// `breaks.contains(c)`, without hashing (a test per scalar of every sentence).
    @inline(__always) static func isBreak(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case ",", ";", "。", "!", "?", ":", "…", "—": return true
        default: return false
        }
    }

    /// The colon of a clock time or ratio (`7:30`, `1:2`): a break only between words.
    static func isClockColon(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        s[i] == ":" && i > 0 && i + 1 < s.count && ScalarClass.isDigit(s[i - 1]) && ScalarClass.isDigit(s[i + 1])
    }

    /// Splits at clause breaks outside quotation marks (a quoted slogan with commas stays whole),
    /// unless the quotation runs past 40 characters. The colon of a time (`7:30`) never splits.
    static func split(_ t: TrackedText) -> [ClauseSpan] {
        var out: [ClauseSpan] = []
        var a = 0
        let s = t.scalars
        var depth = 0
        var openedAt = 0
        var breakAt = [Bool](repeating: false, count: s.count + 1)
        breakAt[s.count] = true
        for i in 0..<s.count {
            if s[i] == "\u{201C}" { if depth == 0 { openedAt = i }; depth += 1 }
            else if s[i] == "\u{201D}" { depth = max(0, depth - 1) }
            else if isBreak(s[i]) && (depth == 0 || i - openedAt > 40 || s[i] == "。") && !isClockColon(s, i) {
                breakAt[i] = true
            }
        }
        for i in 0...s.count where breakAt[i] {
            if i > a {
                let start = t.origin(a)
                let end = i < s.count ? t.origin(i) : t.originalCount
                // `printed(a..<i, in: t)` is not empty (tested on the scalars, no string made).
                if let r = t.originalBounds(a..<i), t.printed(r, holdsOneOutside: edgePunctuation) {
                    out.append(ClauseSpan(range: a..<i, originalRange: start..<end))
                }
            }
            a = i + 1
        }
        return out.compacted()
    }
}

/// An article as split from a page: headline, byline, body paragraphs and captions.
public struct Article: Sendable {
    public var id: ArticleID
    public var kind: ArticleKind
    /// Column label printed above the story (`■政务服务增值化改革 …`, `□增值化改革进行时`), if any.
    public var column: String?
    /// Line printed above the headline (引题), if any.
    public var kicker: String?
    /// Main headline; empty for an untitled item such as a photo caption or a weather box.
    public var headline: String
    /// Line printed below the headline (副题), if any.
    public var subtitle: String?
    /// Author line(s) as printed, e.g. `■全媒体记者 徐子涵/文 谢天意/摄`.
    public var byline: String?
    /// Body paragraphs, repaired (joined across broken lines, noise and duplicates removed).
    public var paragraphs: [String]
    /// Photo captions and credits (`■摄影 王强`, `…/摄`, `…供图`).
    public var captions: [String]
    /// Indices into `KnowledgeBase.sentences` of this article's body sentences, in order.
    public var sentenceIDs: [Int]
    public var metadata: PageMetadata
    /// Who published a document (`信息来源：…`), when it prints that.
    public var publisher: String?
    /// The notice's own title when the article is a section of a notice or guide.
    public var documentTitle: String?
    /// True for an article read from a notice or guide (its paragraphs have section paths).
    public var isDocument: Bool { documentTitle != nil }
    /// For a document: each paragraph's section path (headings from the top, e.g.
    /// `["三、办理网点", "1. 城南交通卡服务中心"]`); empty for newspaper articles.
    public var sectionPaths: [[String]] = []

    /// The section path of paragraph `p` (empty when the article has no sections).
    public func sectionPath(_ p: Int) -> [String] { p >= 0 && p < sectionPaths.count ? sectionPaths[p] : [] }

    public init(id: ArticleID, kind: ArticleKind = .story, column: String? = nil, kicker: String? = nil, headline: String,
                subtitle: String? = nil, byline: String? = nil, paragraphs: [String],
                captions: [String] = [], sentenceIDs: [Int] = [], metadata: PageMetadata = PageMetadata()) {
        self.id = id
        self.kind = kind
        self.column = column
        self.kicker = kicker
        self.headline = headline
        self.subtitle = subtitle
        self.byline = byline
        self.paragraphs = paragraphs
        self.captions = captions
        self.sentenceIDs = sentenceIDs
        self.metadata = metadata
    }

    /// Kicker, headline and subtitle, as cited in answers; a label for untitled items.
    public var title: String {
        if headline.isEmpty {
            switch kind {
            case .weather: return "天气预报"
            case .photo: return "图片新闻"
            default: return paragraphs.first.map { String($0.prefix(24)) } ?? "(untitled)"
            }
        }
        return [kicker, headline, subtitle].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
