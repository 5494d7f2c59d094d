import Foundation

/// Finds the span of a proper name that ends in a known suffix (`服务中心`, `学校`, `大赛`…),
/// by walking left from the suffix until a boundary: punctuation, a quote, a digit + measure
/// word, or a function word / verb that cannot be part of a name (`在`, `了`, `由`, `设立`…).
///
/// | sentence (normalised)                          | suffix    | name                     |
/// |------------------------------------------------|-----------|--------------------------|
/// | `张建国找到了平湖市企业综合服务中心,希望…`      | `服务中心` | `平湖市企业综合服务中心` |
/// | `在县政务服务中心设立“一站式”企业涉外服务中心` | `服务中心` | `企业涉外服务中心`        |
/// | `…涉外服务综合体——移民服务站,将…`              | `服务站`   | `移民服务站`              |
public enum NameFinder {
    /// Single characters that end a name to their left.
    static let boundaryScalars: Set<Unicode.Scalar> = Set(",.;:!?。、()“”\"'《》<>[]{}|—-~·… 在于到了的是和与及由向从对为把被将经让给等也都就已并又还而或每该这那其各共去来找当于以按据随自至".unicodeScalars)

    /// Words that end a name to their left (verbs and prepositions before a name).
    static let boundaryWords: [[Unicode.Scalar]] = [
        "设立", "成立", "打造", "建设", "建立", "组建", "组织", "举办", "举行", "启动", "开展", "联合", "牵头",
        "位于", "前往", "来到", "走进", "依托", "通过", "推出", "开通", "开设", "搭建", "落户", "入驻", "拨打",
        "咨询", "联系", "致电", "参加", "参与", "报名", "获得", "荣获", "入选", "发布", "公布", "承办", "主办",
        "协办", "指导", "支持", "目前", "近日", "昨天", "今天", "明天", "今年", "去年", "已经", "正式", "全新",
        "首个", "首家", "一个", "一家", "一站式", "这个", "这家", "该", "全省", "全市", "全县",
    ].map { Array(Normalizer().normalize($0).unicodeScalars) }   // compared with normalised text (一个 → 1个)

    /// The name ending at `end` (exclusive; the suffix is already inside `[.., end)`), at most
    /// `maxLength` scalars, at least `suffixLength + 1`. Nil when nothing precedes the suffix.
    public static func nameSpan(in s: [Unicode.Scalar], endingAt end: Int, suffixLength: Int, maxLength: Int = 20) -> Range<Int>? {
        var start = end - suffixLength
        guard start >= 0 else { return nil }
        while start > 0 && end - start < maxLength {
            let c = s[start - 1]
            if boundaryScalars.contains(c) { break }
            // digits followed by a measure word (8个镇街道…) end the name
            if c == "个" || c == "家" || c == "项", start >= 2, ScalarClass.isDigit(s[start - 2]) { break }
            if endsWithBoundaryWord(s, at: start) { break }
            start -= 1
        }
        guard end - start > suffixLength else { return nil }
        return start..<end
    }

    /// All names ending with any of `suffixes` in the scanner's sentence, longest suffix first at
    /// each position, left to right. `suffixes` come longest first (`longestFirst`, done once
    /// where the list is defined: this runs for every sentence).
    public static func names(in scanner: SentenceScanner, suffixes: [String], maxLength: Int = 20) -> [Found<String>] {
        var out: [Found<String>] = []
        var taken = Set<Int>()
        for suffix in suffixes {
            let found = scanner.occurrences(of: suffix)
            if found.isEmpty { continue }
            let n = suffix.scalarCount
            for i in found where !taken.contains(i + n) {
                if let span = nameSpan(in: scanner.s, endingAt: i + n, suffixLength: n, maxLength: maxLength) {
                    taken.insert(i + n)
                    out.append(Found(range: span, value: scanner.original(span)))
                }
            }
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private static func endsWithBoundaryWord(_ s: [Unicode.Scalar], at start: Int) -> Bool {
        for w in boundaryWords where start >= w.count {
            var ok = true
            for k in 0..<w.count where s[start - w.count + k] != w[k] { ok = false; break }
            if ok { return true }
        }
        return false
    }

    /// Administrative prefixes dropped to make a short form (`县企业涉外服务中心` → `企业涉外服务中心`).
    public static let adminPrefixes = ["县", "市", "区", "省", "镇", "全县", "全市", "我县", "我市", "我区"]

    /// Short forms of a name: without an administrative prefix or a place prefix before one
    /// (`平湖市企业综合服务中心` → `企业综合服务中心`).
    public static func shortForms(of name: String) -> [String] {
        var out: [String] = []
        for p in adminPrefixes where name.hasTextPrefix(p) && name.scalarCount > p.scalarCount + 3 {
            out.append(String(scalars: name.unicodeScalars.dropFirst(p.scalarCount)))
        }
        // Place prefix ending in 市/县/区/镇 within the first 6 characters — not the 区 of 社区/小区/园区….
        let scalars = Array(name.unicodeScalars)
        for (i, c) in scalars.enumerated() where i >= 1 && i <= 5 && (c == "市" || c == "县" || c == "区" || c == "镇")
            && !(notAdministrative.contains(scalars[i - 1])) {
            if scalars.count - (i + 1) >= 4 { out.append(String(scalars: scalars[(i + 1)...])) }
        }
        // The generic head: a two-character modifier and the facility word (`高铁新城市民服务中心`
        // → `市民服务中心`, `企业涉外服务中心` → `涉外服务中心`), how people name it in passing.
        for suffix in facilitySuffixes where name.hasTextSuffix(suffix) {
            let n = suffix.scalarCount + 2
            if scalars.count > n + 1 { out.append(String(scalars: scalars.suffix(n))) }
            break
        }
        return Array(Set(out)).sorted()
    }

    /// Characters before 市/县/区/镇 that make it part of a word (社区, 小区, 园区…), not a place.
    static let notAdministrative: Set<Unicode.Scalar> = Set("社小园街景城校厂营都超门".unicodeScalars)

    /// Facility words whose two-character modifier names the place generically.
    public static let facilitySuffixes = ["服务中心", "服务站", "服务大厅", "办事大厅", "市民中心", "学校"]
}
