import Foundation
@testable import Knowledge

/// Shared by the route, contact and weather extractor tests: the bundled corpus (built once)
/// and helpers that build a knowledge base from fixture pages the tests write themselves.
enum PracticalFactsFixtures {
    /// `corpus/` at the package root, found from this file's path.
    static let corpusDirectory: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("corpus").path

    /// The knowledge base of the bundled corpus.
    static let corpus: KnowledgeBase = {
        do { return try KnowledgeBase.build(corpusDirectory: corpusDirectory) } catch {
            fatalError("cannot build the bundled corpus at \(corpusDirectory): \(error)")
        }
    }()

    /// A knowledge base of one fixture page.
    static func build(_ text: String, file: String = "fixture.txt") -> KnowledgeBase {
        KnowledgeBase.build(pages: [Page(file: file, text: text)])
    }

    /// A scanner over one normalised sentence (id 0), for table-driven pattern tests.
    static func scanner(_ sentence: String) -> SentenceScanner {
        SentenceScanner(tracked: Normalizer().normalizeTracked(sentence), sentenceID: 0)
    }

    /// The printed sentence a value was read from.
    static func sentenceText(_ kb: KnowledgeBase, _ id: Int) -> String {
        kb.sentences.indices.contains(id) ? kb.sentences[id].text : ""
    }
}
