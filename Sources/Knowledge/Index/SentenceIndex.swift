import Foundation

/// Placeholder BM25 index.
public struct SentenceIndex: Sendable {
    public init(articles: [Article], sentences: [Sentence], normalizer: Normalizer) {}
}
