import Foundation

/// Placeholder entity dictionary.
public struct EntityDictionary: Sendable {
    public init(facts: FactStore, articles: [Article], sentences: [Sentence], normalizer: Normalizer) {}
}
