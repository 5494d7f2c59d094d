import Foundation

/// A reported figure: subject, measure and value (`专业化物业服务` · `覆盖率` · `90.18%`).
public struct Figure: Sendable, Hashable {
    /// Index of the article in `KnowledgeBase.articles`.
    public var article: Int
    /// Index of the sentence in `KnowledgeBase.sentences` it was read from.
    public var sentence: Int
    /// What the figure is about, as printed (may be empty when the sentence leaves it implicit).
    public var subject: String
    /// What is measured (`覆盖率`, `办结率`, `产值`); `数量` when a count verb (`总计`) leaves it implicit.
    public var measure: String
    /// The amount as printed, with its numeric value.
    public var value: Amount
    /// Qualifier as printed (`达到`, `超`, `近`, `约`), if any.
    public var qualifier: String?
    /// The period it covers, as printed (`截至目前`, `4月以来`, `前5个月`), if the sentence gives one.
    public var period: String?
    /// A plan, forecast or target (`计划…`, `力争…`, `预计…`, `将突破…`) rather than a result.
    public var isTarget: Bool

    /// A figure.
    public init(article: Int, sentence: Int, subject: String, measure: String, value: Amount, qualifier: String? = nil,
                period: String? = nil, isTarget: Bool = false) {
        self.article = article
        self.sentence = sentence
        self.subject = subject
        self.measure = measure
        self.value = value
        self.qualifier = qualifier
        self.period = period
        self.isTarget = isTarget
    }
}
