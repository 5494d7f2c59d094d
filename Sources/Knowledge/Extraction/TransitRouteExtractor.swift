import Foundation

/// Placeholder: extracts nothing yet.
enum TransitRouteExtractor {
    static func extract(from context: ArticleContext, into store: inout FactStore) {}
}
