import Foundation

/// Placeholder: extracts nothing yet.
enum FigureExtractor {
    static func extract(from context: ArticleContext, into store: inout FactStore) {}
}
