import Foundation
import Knowledge

/// One loaded generation of data: knowledge base, intents, and the analyzer and answerer built
/// on them. Immutable; a reload builds a new engine and swaps it in.
final class BotEngine: Sendable {
    let kb: KnowledgeBase
    let catalog: IntentCatalog
    let analyzer: QueryAnalyzer
    let answerer: Answerer
    let summary: DataSummary

    init(kb: KnowledgeBase, catalog: IntentCatalog) {
        self.kb = kb
        self.catalog = catalog
        let normalizer = Normalizer()
        analyzer = QueryAnalyzer(kb: kb, catalog: catalog, normalizer: normalizer)
        answerer = Answerer(kb: kb, catalog: catalog)
        summary = DataSummary(pages: kb.pageCount, articles: kb.articles.count, facts: kb.facts.count,
                              intents: catalog.intents.count, skippedPages: kb.problems.map(\.description))
    }

    /// Loads corpus and intents; throws `DataLoadError` naming what is wrong.
    static func load(corpusDirectory: String, intentsDirectory: String) throws -> BotEngine {
        let normalizer = Normalizer()
        // The intents (with the synonym table) and the pages load on two threads at once: start-up
        // is the longer of the two, not their sum.
        nonisolated(unsafe) var catalogResult: Result<IntentCatalog, Error>?
        nonisolated(unsafe) var kbResult: Result<KnowledgeBase, Error>?
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 {
                catalogResult = Result { try IntentCatalog.load(directory: intentsDirectory, normalizer: normalizer) }
            } else {
                kbResult = Result { try KnowledgeBase.build(corpusDirectory: corpusDirectory, normalizer: normalizer) }
            }
        }
        let catalog: IntentCatalog
        do {
            catalog = try catalogResult!.get()
        } catch let e as IntentCatalogError {
            throw DataLoadError(message: "intents: \(e)")
        }
        if catalog.scorer == nil {
            throw DataLoadError(message: "intents: \(AnswerScorer.file) missing from \(intentsDirectory) (written by scripts/fit-scorer.py)")
        }
        let kb: KnowledgeBase
        do {
            kb = try kbResult!.get()
        } catch {
            throw DataLoadError(message: "corpus: \(error)")
        }
        if kb.pageCount == 0 {
            throw DataLoadError(message: "corpus: no readable pages in \(corpusDirectory) (\(kb.problems.map(\.description).joined(separator: "; ")))")
        }
        return BotEngine(kb: kb, catalog: catalog)
    }

    /// Understands and answers one question in the context of a dialogue state.
    func respond(to text: String, state: DialogueState?) -> (Understanding, Answer) {
        let u = analyzer.analyze(text)
        var a = answerer.answer(u, state: state)
        // A page in traditional characters answers a question asked in simplified (or in
        // English) in simplified; the citation keeps the sentence as printed.
        if !ScriptTables.hasTraditional(text) {
            a.text = ScriptTables.simplified(a.text)
            a.suggestions = a.suggestions.map(ScriptTables.simplified)
        }
        return (u, a)
    }

    /// Source citations for sentence ids (headline, page file, sentence), de-duplicated.
    func citations(_ sentenceIDs: [Int]) -> [SourceCitation] {
        var seen = Set<Int>()
        return sentenceIDs.filter { seen.insert($0).inserted }.map { id in
            let article = kb.sentences[id].article
            let a = kb.articles[article]
            let path = a.sectionPath(kb.sentences[id].paragraph)
            return SourceCitation(article: a.documentTitle ?? a.title, file: a.id.file, sentence: kb.sentences[id].text,
                                  section: path.isEmpty ? nil : path.joined(separator: " > "), publisher: a.publisher)
        }
    }
}
