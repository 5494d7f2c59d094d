import Foundation

/// An item of a notice or guide with the values printed inside it: a numbered place
/// (`1. 城南交通卡服务中心` with its `地址：` `电话：` `服务时间：` lines) or a labelled entry
/// (`（二）老年卡：本人身份证原件…` under `二、办理材料`). A value belongs to the item whose
/// section holds it — never to a neighbour, never to the page's hotline.
public struct PageItem: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        /// The label as printed (`电话`, `服务时间`); empty for a labelled entry's own text.
        public var key: String
        public var value: String
        /// The sentence that prints it (for the citation).
        public var sentence: Int
    }

    public var article: Int
    /// The item's name without its numbering (`城南交通卡服务中心`, `老年卡`).
    public var name: String
    /// The name in normalised form, as questions are matched.
    public var normalizedName: String
    /// Headings above the item (`二、办理材料`), without the item itself.
    public var parents: [String]
    public var fields: [Field]

    /// Items of every document article: sections whose own lines are `key：value`, and labelled entries.
    public static func collect(articles: [Article], sentences: [Sentence], normalizer: Normalizer = Normalizer()) -> [PageItem] {
        var out: [PageItem] = []
        for (ai, a) in articles.enumerated() where a.isDocument {
            var firstSentence: [Int: Int] = [:]
            for id in a.sentenceIDs where firstSentence[sentences[id].paragraph] == nil { firstSentence[sentences[id].paragraph] = id }
            var byPath: [[String]: Int] = [:]
            for (p, text) in a.paragraphs.enumerated() {
                let path = a.sectionPath(p)
                guard let last = path.last, let sentence = firstSentence[p] else { continue }
                let scalars = Array(text.unicodeScalars)
                let numbered = PageStructure.numbering(scalars)
                let body = numbered.map { Array(scalars[$0.length...]) } ?? scalars
                guard let printedKV = PageStructure.keyValue(body) else { continue }
                // Labels and names in simplified form (`電話` → `电话`); values as printed.
                let kv = (key: PageStructure.canonical(printedKV.key), valueStart: printedKV.valueStart)
                let value = String(String.UnicodeScalarView(body[kv.valueStart...])).trimmingCharacters(in: .whitespaces)
                if numbered != nil && PageStructure.canonical(last).hasSuffix(kv.key) && !isHeadingLine(last, a: a) {
                    // A labelled entry: its label is its name, its text the value.
                    out.append(PageItem(article: ai, name: kv.key, normalizedName: normalizer.normalize(kv.key),
                                        parents: Array(path.dropLast()), fields: [Field(key: "", value: value, sentence: sentence)]))
                    continue
                }
                let field = Field(key: kv.key, value: value, sentence: sentence)
                if let i = byPath[path] {
                    out[i].fields.append(field)
                } else {
                    let name = PageStructure.canonical(headingName(last))
                    byPath[path] = out.count
                    out.append(PageItem(article: ai, name: name, normalizedName: normalizer.normalize(name),
                                        parents: Array(path.dropLast()), fields: [field]))
                }
            }
        }
        return out
    }

    private static func isHeadingLine(_ line: String, a: Article) -> Bool { a.paragraphs.contains(line) }

    /// A heading without its numbering (`1. 城南交通卡服务中心` → `城南交通卡服务中心`).
    public static func headingName(_ heading: String) -> String {
        guard let rest = PageStructure.withoutNumbering(Array(heading.unicodeScalars)) else { return heading }
        return String(String.UnicodeScalarView(rest)).trimmingCharacters(in: .whitespaces)
    }
}
