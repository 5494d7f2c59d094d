import Foundation
import Knowledge

/// Renders the knowledge base for operators: per article its headline and facts, plus totals.
struct KnowledgeReport {
    let kb: KnowledgeBase
    let buildMilliseconds: Double

    func text(showArticles: Bool) -> String {
        var out: [String] = []
        for (i, a) in kb.articles.enumerated() {
            out.append("[\(a.id)] \(a.kind.rawValue): \(a.title)")
            if let k = a.kicker { out.append("    kicker: \(k)") }
            if let b = a.byline { out.append("    byline: \(b)") }
            if !a.captions.isEmpty { out.append("    captions: \(a.captions.joined(separator: " | "))") }
            out.append("    \(a.paragraphs.count) paragraphs, \(a.sentenceIDs.count) sentences")
            if showArticles {
                for p in a.paragraphs { out.append("      ¶ " + p) }
            }
            _ = i
        }
        out.append("")
        out.append("totals: \(kb.pageCount) pages, \(kb.articles.count) articles, \(kb.sentences.count) sentences, \(kb.facts.count) facts; built in \(String(format: "%.1f", buildMilliseconds)) ms")
        return out.joined(separator: "\n")
    }

    func json() -> String {
        "{}"
    }
}
