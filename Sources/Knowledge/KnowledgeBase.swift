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

    public init(articles: [Article], sentences: [Sentence], facts: FactStore, index: SentenceIndex,
                entities: EntityDictionary, problems: [PageLoadProblem], pageCount: Int) {
        self.articles = articles
        self.sentences = sentences
        self.facts = facts
        self.index = index
        self.entities = entities
        self.problems = problems
        self.pageCount = pageCount
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
        let parsed = parallelMap(pages.count) { i in
            PageParser.parse(pages[i]).map { article in
                (article, article.paragraphs.enumerated().flatMap { p, paragraph in
                    SentenceSplitter.split(paragraph).map { Sentence(id: 0, article: 0, paragraph: p, tracked: normalizer.normalizeTracked($0)) }
                })
            }
        }
        var articles: [Article] = []
        var sentences: [Sentence] = []
        articles.reserveCapacity(parsed.reduce(0) { $0 + $1.count })
        for page in parsed {
            for (parsedArticle, articleSentences) in page {
                var article = parsedArticle
                let articleIndex = articles.count
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
