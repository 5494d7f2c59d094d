import Foundation

/// Everything the bot knows, built once from the corpus and then read-only (safe to share
/// across threads): articles, their sentences, typed facts, the sentence index and the entity
/// dictionary.
public final class KnowledgeBase: Sendable {
    public let articles: [Article]
    public let sentences: [Sentence]
    public let facts: FactStore
    public let index: SentenceIndex
    public let entities: EntityDictionary
    /// Pages that could not be read, with the reason.
    public let problems: [PageLoadProblem]
    /// Number of pages read.
    public let pageCount: Int
    /// Items of notices and guides with the values printed inside each (see `PageItem`).
    public let items: [PageItem]
    /// Sections of notices and guides that list members (`三、办理网点` → its offices).
    public let lists: [PageList]
    /// True when every article is newspaper copy (declines then say "the paper").
    public let isNewspaperOnly: Bool

    public init(articles: [Article], sentences: [Sentence], facts: FactStore, index: SentenceIndex,
                entities: EntityDictionary, problems: [PageLoadProblem], pageCount: Int) {
        self.articles = articles
        self.sentences = sentences
        self.facts = facts
        self.index = index
        self.entities = entities
        self.problems = problems
        self.pageCount = pageCount
        self.items = PageItem.collect(articles: articles, sentences: sentences)
        self.lists = PageList.collect(articles: articles, sentences: sentences)
        self.isNewspaperOnly = !articles.contains { $0.isDocument }
    }

    /// Builds from a corpus directory. Unreadable pages are skipped and listed in `problems`;
    /// throws when the directory cannot be read or no page at all could be read.
    public static func build(corpusDirectory: String, normalizer: Normalizer = Normalizer()) throws -> KnowledgeBase {
        let (pages, problems) = try PageLoader.loadDirectory(corpusDirectory)
        if pages.isEmpty && problems.isEmpty { throw KnowledgeError.emptyCorpus(path: corpusDirectory) }
        return build(pages: pages, problems: problems, normalizer: normalizer)
    }

    /// Builds from pages already in memory (tests write their own fixture pages this way).
    public static func build(pages: [Page], problems: [PageLoadProblem] = [], normalizer: Normalizer = Normalizer()) -> KnowledgeBase {
        // Pages are parsed, split and normalised on all cores (sentences made there too, with
        // provisional numbers), then numbered in page order.
        // A page in traditional or mixed script is read in simplified form (layout rules,
        // structure and extractors see one script); each sentence keeps its printed form.
        let parsed = parallelMap(pages.count) { i in
            var page = pages[i]
            var printed = PrintedText(page.text)
            page.text = printed.simplified
            return PageParser.parse(page).map { parsedArticle in
                var article = parsedArticle
                let sentences = article.paragraphs.enumerated().flatMap { p, paragraph in
                    SentenceSplitter.split(paragraph).map {
                        Sentence(id: 0, article: 0, paragraph: p, tracked: normalizer.normalizeTracked(printed.printed($0)))
                    }
                }
                if printed.differs { article.paragraphs = article.paragraphs.map { printed.printed($0) } }
                return (article, sentences)
            }
        }
        var articles: [Article] = []
        var sentences: [Sentence] = []
        articles.reserveCapacity(parsed.reduce(0) { $0 + $1.count })
        sentences.reserveCapacity(parsed.reduce(0) { $0 + $1.reduce(0) { $0 + $1.1.count } })
        for page in parsed {
            for (parsedArticle, articleSentences) in page {
                var article = parsedArticle
                let articleIndex = articles.count
                article.sentenceIDs.reserveCapacity(article.sentenceIDs.count + articleSentences.count)
                for var s in articleSentences {
                    s.id = sentences.count
                    s.article = articleIndex
                    article.sentenceIDs.append(s.id)
                    sentences.append(s)
                }
                articles.append(article)
            }
        }
        // The index does not need the facts: build it beside the extraction and entity names.
        let ((facts, entities), index) = concurrently({
            let facts = FactExtractor.extractAll(articles: articles, sentences: sentences, normalizer: normalizer)
            return (facts, EntityDictionary(facts: facts, articles: articles, sentences: sentences, normalizer: normalizer))
        }, {
            SentenceIndex(articles: articles, sentences: sentences, normalizer: normalizer)
        })
        return KnowledgeBase(articles: articles, sentences: sentences, facts: facts, index: index, entities: entities,
                             problems: problems, pageCount: pages.count)
    }
}

/// A page's printed text beside its simplified form (one scalar for one scalar), so text found
/// in the simplified page can be quoted as printed.
struct PrintedText {
    let simplified: String
    let differs: Bool
    private let originalScalars: [Unicode.Scalar]
    private let simplifiedScalars: [Unicode.Scalar]
    /// Where the last quoted text started: pages are quoted front to back, so the next text is
    /// looked for from here first (one pass over the page, not one search per sentence).
    private var cursor = 0

    /// Only a page printed largely in traditional characters (over 2 % of its Han characters
    /// change) is read simplified: a simplified page with a stray traditional character keeps
    /// its text as printed (the one-to-one table also folds 著 into 着, harmless in matching,
    /// wrong in a quotation).
    init(_ text: String) {
        var han = 0
        var changed = 0
        for s in text.unicodeScalars where ScalarClass.isHan(s) {
            han += 1
            if ScriptTables.simplified(s) != s { changed += 1 }
        }
        differs = changed * 50 > han
        simplified = differs ? ScriptTables.simplified(text) : text
        originalScalars = differs ? Array(text.unicodeScalars) : []
        simplifiedScalars = differs ? Array(simplified.unicodeScalars) : []
    }

    /// `text` (from the simplified page) as the page prints it; `text` itself when the page is
    /// simplified already or the text was joined across lines (then it is not found verbatim).
    mutating func printed(_ text: String) -> String {
        guard differs else { return text }
        let t = Array(text.unicodeScalars)
        guard !t.isEmpty, let start = firstIndex(of: t, in: simplifiedScalars, within: cursor..<simplifiedScalars.count)
                ?? (cursor > 0 ? firstIndex(of: t, in: simplifiedScalars) : nil) else { return text }
        cursor = start
        return String(String.UnicodeScalarView(originalScalars[start..<(start + t.count)]))
    }
}
