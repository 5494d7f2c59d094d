import Foundation

/// Placeholder: extracts nothing yet.
enum WeatherExtractor {
    static func extract(from context: ArticleContext, into store: inout FactStore) {}
}
