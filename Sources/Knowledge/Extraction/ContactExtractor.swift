import Foundation

/// Placeholder: extracts nothing yet.
enum ContactExtractor {
    static func extract(from context: ArticleContext, into store: inout FactStore) {}
}
