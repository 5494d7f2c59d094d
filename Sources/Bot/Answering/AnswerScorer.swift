import Foundation

/// The one scoring function for answers retrieved from the pages: a logistic model over a
/// candidate clause window's features, with weights and a decline threshold fitted by
/// `scripts/fit-scorer.py` on labelled questions (`eval/train/`) and loaded from
/// `intents/scorer.json`. `explain` gives each feature's contribution, as tantivy's `explain()`
/// does for a score.
struct AnswerScorer: Sendable, Equatable {
    /// Feature names, in the order of a candidate's feature vector and of the file's weights.
    static let featureNames = [
        "sentence_coverage",   // share of the question's content weight in the sentence + headline
        "predicate_coverage",  // share of what is asked about the topic found in the window
        "topic_coverage",      // share of the topic (names, headline words) found in the window
        "type_asked_found",    // the question asks a kind of value and the window holds one
        "type_asked_missing",  // it asks one and the window holds none
        "novelty",             // share of the window's Han characters not in the question
        "length",              // window length, hundreds of scalars
        "bm25",                // the sentence's BM25 score relative to the best hit
        "dialogue_article",    // the sentence is in an article of the dialogue's subject
        "absent_share",        // share of the question's weight the corpus never prints
        "predicate_share",     // share of the question's weight that is predicate (not topic)
        "heading_coverage",    // share of the question's weight in the sentence's section headings
        "document",            // the page is a notice or guide (not newspaper prose)
        "english",             // the question is English (glossed word by word)
        "focused",             // retrieval was restricted to a named entity's articles
        "word_coverage",       // share of the question's dictionary words (ICU) in the sentence + headline
        "window_words",        // share of them in the window itself
        "heading_line",        // the sentence is a numbered heading of a notice (names a section only)
        "synonym_share",       // share of the question's weight the window prints only as a near-synonym (CC-CEDICT)
    ]

    var weights: [Double]
    var bias: Double
    /// Smallest probability answered; below it the candidate is declined.
    var threshold: Double
    /// Fingerprint of the training features the weights were fitted on (`eval/train/features.jsonl`).
    var dataHash: String

    func logit(_ f: [Double]) -> Double {
        var z = bias
        for i in 0..<min(f.count, weights.count) { z += weights[i] * f[i] }
        return z
    }

    func probability(_ f: [Double]) -> Double { 1 / (1 + exp(-logit(f))) }

    /// Each feature's value, weight and contribution to the logit, then the bias.
    func explain(_ f: [Double]) -> [(name: String, value: Double, weight: Double, contribution: Double)] {
        var out = AnswerScorer.featureNames.indices.map { i in
            (name: AnswerScorer.featureNames[i], value: f[i], weight: weights[i], contribution: weights[i] * f[i])
        }
        out.append((name: "bias", value: 1, weight: bias, contribution: bias))
        return out
    }

    static let file = "scorer.json"

    /// Reads and validates `scorer.json`: every feature named once, in order, finite numbers, a
    /// threshold in (0, 1).
    static func parse(_ object: [String: Any], file: String) throws -> AnswerScorer {
        func fail(_ field: String?, _ message: String) -> IntentCatalogError {
            IntentCatalogError(file: file, intent: nil, field: field, message: message)
        }
        guard let features = object["features"] as? [String] else { throw fail("features", "must be a list of feature names") }
        guard features == featureNames else {
            throw fail("features", "must be \(featureNames.joined(separator: ", ")) — refit with scripts/fit-scorer.py")
        }
        guard let w = object["weights"] as? [NSNumber], w.count == features.count else {
            throw fail("weights", "must be \(features.count) numbers")
        }
        guard let b = object["bias"] as? NSNumber, let t = object["threshold"] as? NSNumber else {
            throw fail("bias/threshold", "must be numbers")
        }
        let weights = w.map(\.doubleValue)
        guard weights.allSatisfy(\.isFinite), b.doubleValue.isFinite else { throw fail("weights", "must be finite") }
        guard t.doubleValue > 0, t.doubleValue < 1 else { throw fail("threshold", "must lie between 0 and 1") }
        return AnswerScorer(weights: weights, bias: b.doubleValue, threshold: t.doubleValue,
                            dataHash: object["data_hash"] as? String ?? "")
    }

    /// FNV-1a 64 of bytes, as hex: the fingerprint `scripts/fit-scorer.py` records for its data.
    static func fingerprint(_ data: Data) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(h, radix: 16)
    }
}

extension AnswerScorer {
    /// A scorer that answers nothing from retrieval (a catalog loaded without `scorer.json`,
    /// which `BotEngine.load` refuses to serve).
    static let neverAnswers = AnswerScorer(weights: Array(repeating: 0, count: featureNames.count), bias: -50, threshold: 0.5, dataHash: "")
}
