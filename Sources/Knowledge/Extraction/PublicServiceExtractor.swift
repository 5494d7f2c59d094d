import Foundation

/// Placeholder: extracts nothing yet.
enum PublicServiceExtractor {
    static func extract(from context: ArticleContext, into store: inout FactStore) {}
}
