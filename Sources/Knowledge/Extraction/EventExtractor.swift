import Foundation

/// Placeholder: extracts nothing yet.
enum EventExtractor {
    static func extract(from context: ArticleContext, into store: inout FactStore) {}
}
