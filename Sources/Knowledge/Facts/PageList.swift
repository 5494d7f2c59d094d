import Foundation

/// A section of a notice or guide that lists numbered or labelled members: `三、办理网点` with
/// `1. 城南交通卡服务中心`, `2. 火车站服务点`; `二、办理材料` with `（一）普通卡：…`. The members are the
/// section's direct subsections in printed order, each with the text printed on its own line
/// after a `：` label (empty for a subsection whose details follow on lines of their own).
public struct PageList: Sendable, Equatable {
    public struct Member: Sendable, Equatable {
        public var name: String
        public var text: String
        public var sentence: Int
    }

    public var article: Int
    /// The heading as printed (`三、办理网点`) and its name without numbering, normalised.
    public var heading: String
    public var normalizedName: String
    public var members: [Member]

    /// Sections with at least two subsections, of every document article.
    public static func collect(articles: [Article], sentences: [Sentence], normalizer: Normalizer = Normalizer()) -> [PageList] {
        var out: [PageList] = []
        for (ai, a) in articles.enumerated() where a.isDocument {
            var firstSentence: [Int: Int] = [:]
            for id in a.sentenceIDs where firstSentence[sentences[id].paragraph] == nil { firstSentence[sentences[id].paragraph] = id }
            var byHeading: [[String]: Int] = [:]
            for (p, text) in a.paragraphs.enumerated() {
                let path = a.sectionPath(p)
                guard path.count >= 2, let sentence = firstSentence[p] else { continue }
                let parent = Array(path.dropLast())
                let child = path[path.count - 1]
                let i: Int
                if let known = byHeading[parent] { i = known } else {
                    i = out.count
                    byHeading[parent] = i
                    let name = PageStructure.canonical(PageItem.headingName(parent[parent.count - 1]))
                    out.append(PageList(article: ai, heading: parent[parent.count - 1], normalizedName: normalizer.normalize(name), members: []))
                }
                let childName = PageItem.headingName(child)
                guard !out[i].members.contains(where: { $0.name == childName }) else { continue }
                // The member's own line: `（一）普通卡：无需材料…` gives 普通卡 and its text.
                let scalars = Array(text.unicodeScalars)
                let body = PageStructure.numbering(scalars).map { Array(scalars[$0.length...]) } ?? scalars
                var name = childName, detail = ""
                if text.hasPrefix(child) || PageStructure.numbering(scalars) != nil, let kv = PageStructure.keyValue(body) {
                    name = kv.key.trimmingCharacters(in: .whitespaces)
                    detail = String(String.UnicodeScalarView(body[kv.valueStart...])).trimmingCharacters(in: .whitespaces)
                }
                out[i].members.append(Member(name: name, text: detail, sentence: sentence))
            }
        }
        return out.filter { $0.members.count >= 2 && $0.normalizedName.scalarCount >= 2 }
    }
}
