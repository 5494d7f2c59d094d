import Foundation

/// Runs every extractor over every article.
public enum FactExtractor {
    public static func extractAll(articles: [Article], sentences: [Sentence], normalizer: Normalizer) -> FactStore {
        // Each article's facts depend on that article alone: extract on all cores, then join
        // in article order (the order facts are listed and numbered in).
        let perArticle = parallelMap(articles.count) { index in
            var store = FactStore()
            let article = articles[index]
            let context = ArticleContext(index: index, article: article, sentences: article.sentenceIDs.map { sentences[$0] },
                                         normalizer: normalizer)
            TransitRouteExtractor.extract(from: context, into: &store)
            ContactExtractor.extract(from: context, into: &store)
            PublicServiceExtractor.extract(from: context, into: &store)
            EventExtractor.extract(from: context, into: &store)
            WeatherExtractor.extract(from: context, into: &store)
            FigureExtractor.extract(from: context, into: &store)
            return store
        }
        var store = FactStore()
        for s in perArticle {
            store.routes += s.routes
            store.contacts += s.contacts
            store.services += s.services
            store.events += s.events
            store.forecasts += s.forecasts
            store.figures += s.figures
        }
        return store
    }
}

/// What an extractor sees of one article: its sentences in normalised and printed form.
public struct ArticleContext {
    public let index: Int
    public let article: Article
    public let sentences: [Sentence]
    public let normalizer: Normalizer
    /// Headline, kicker and subtitle normalised (empty when untitled).
    public let normalizedTitle: String
    /// One scanner per sentence, made once and shared by every extractor (each used to make its
    /// own: the clause ranges and the character filter were computed six times per sentence).
    public let scanners: [SentenceScanner]

    public init(index: Int, article: Article, sentences: [Sentence], normalizer: Normalizer) {
        self.index = index
        self.article = article
        self.sentences = sentences
        self.normalizer = normalizer
        self.normalizedTitle = normalizer.normalize([article.kicker, article.headline, article.subtitle].compactMap { $0 }.joined(separator: " "))
        self.scanners = sentences.map { SentenceScanner(sentence: $0, normalizer: normalizer) }
    }
}
