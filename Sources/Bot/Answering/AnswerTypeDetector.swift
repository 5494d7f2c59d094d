import Foundation
import Knowledge

/// Which kinds of value a stretch of normalised text contains (a clock time, a date, money, a
/// number, a duration, a place, a phone number, an organisation…), to pick the clause that
/// answers the kind of question asked.
enum AnswerTypeDetector {
    /// Last characters or words of a place name (`…路98号`, `新街社区`, `姚庄镇`).
    static let placeSuffixes = ["路", "号", "镇", "街道", "社区", "村", "中心", "大厦", "广场", "站", "区", "县", "市", "园", "馆", "厅", "楼", "室", "窗口", "app"]
    /// Ends of a street address, which a question for the 地址 (not just "where") wants.
    static let addressSuffixes = ["路", "街", "街道", "大道", "大厦", "广场", "楼", "室", "幢", "弄", "巷", "层", "镇", "村", "社区"]
    static let addressWords = ["地址", "门牌"]
    static let organisationWords = ["公司", "局", "中心", "银行", "集团", "协会", "委员会", "办公室", "医院", "学校", "服务站", "平台", "app"]
    static let personVerbs = ["获得", "荣获", "夺得", "当选", "获评"]
    static let durationUnits = ["工作日", "分钟", "小时", "天", "周", "个月"]
    static let moneyUnits = ["元", "美元", "块"]
    static let measureUnits = ["米", "公里", "千米", "平方米", "平方公里", "公顷", "亩", "吨", "公斤", "千克", "层", "厘米", "度"]

    /// What the question tells the detector: its characters (an answer must bring something
    /// new), the names it asks about (a definition starts from them) and the head noun of a
    /// "which X" question (`哪家物业公司` wants a name ending in 公司).
    struct Context {
        var question = ScalarSet()
        var terms: [[Unicode.Scalar]] = []
        var placeSuffixes: [String] = AnswerTypeDetector.placeSuffixes
        var organisationSuffixes: [String] = AnswerTypeDetector.organisationWords
        /// The measure word after `第几` (`届` in `第几届`), which the ordinal in the answer must carry.
        var rankUnit: Unicode.Scalar?
        /// The measure word a count is asked in (`篇` of `最多能投几篇`), which the number in the
        /// answer must carry (`限投2篇`).
        var countUnit: Unicode.Scalar?
        /// The question asks for an address: a name of a city, district or organisation is no answer,
        /// a street, a building or a house number (`766号`) is.
        var address = false

        static let none = Context()

        /// Builds the context from a normalised question and the names it mentions.
        init(question q: [Unicode.Scalar] = [], terms: [[Unicode.Scalar]] = []) {
            question = ScalarSet(q)
            self.terms = terms
            let asked = { (words: [String]) in words.filter { w in AnswerTypeDetector.has(q, 0..<q.count, [w]) } }
            let places = asked(AnswerTypeDetector.placeSuffixes.filter { $0.unicodeScalars.count >= 2 })
            if !places.isEmpty { placeSuffixes = places } else if !asked(AnswerTypeDetector.addressWords).isEmpty {
                placeSuffixes = AnswerTypeDetector.addressSuffixes
                address = true
            }
            let orgs = asked(AnswerTypeDetector.organisationWords.filter { $0.unicodeScalars.count >= 2 })
            if !orgs.isEmpty { organisationSuffixes = orgs }
            countUnit = AnswerTypeDetector.countQuestion(q)?.unit
            for i in q.indices where i + 2 < q.count && q[i] == "第" && q[i + 1] == "几" && ScalarClass.isHan(q[i + 2]) {
                rankUnit = q[i + 2]
            }
        }
    }

    /// Characters after 几/多少 that ask for something else than a count in that measure word: a
    /// clock time or date (`几点`, `几号`), a duration, a route (`几路`), money, or no measure word
    /// in particular (`几个`).
    static let notCountUnits = ScalarSet("点号月日时天周路钱年个岁".unicodeScalars)

    /// A question for a count in a measure word (`几篇`, not `第几届`): where the question word and
    /// its measure word stand, and the measure word. (After `多少` a noun is as likely as a measure
    /// word: `多少跨省事项`.)
    static func countQuestion(_ q: [Unicode.Scalar]) -> (range: Range<Int>, unit: Unicode.Scalar)? {
        for i in q.indices where q[i] == "几" && i + 1 < q.count && ScalarClass.isHan(q[i + 1]) && !notCountUnits.contains(q[i + 1]) {
            if i > 0, q[i - 1] == "第" { continue }
            return (i..<(i + 2), q[i + 1])
        }
        return nil
    }

    /// Words that, right after the name asked about, make a clause say what it is.
    static let definingWords = ["是", "为", "即", "指", "将", "由", "通过", "主要", "实行", "采用", "旨在", "是指", "就是"]

    /// True when `s[range]` holds a value of `type`. For places and organisations the name must
    /// bring something new: a name whose characters all come from the question (`物业公司` asked
    /// about) is the question's own word, not an answer.
    static func contains(_ type: AnswerType, in s: [Unicode.Scalar], range: Range<Int>, context: Context = .none) -> Bool {
        switch type {
        case .time: return hasClockTime(s, range)
        case .date: return hasDate(s, range)
        case .money: return hasNumber(s, range, followedBy: moneyUnits)
        case .number: return context.countUnit.map { hasNumber(s, range, followedBy: [String($0)]) } ?? hasQuantity(s, range)
        case .percent: return range.contains { s[$0] == "%" } || has(s, range, ["百分之"])
        case .rank: return hasRank(s, range, unit: context.rankUnit)
        case .duration: return hasNumber(s, range, followedBy: durationUnits)
        case .measure: return hasNumber(s, range, followedBy: measureUnits)
        case .place: return hasName(s, range, suffixes: context.placeSuffixes, question: context.question)
            || (context.address && hasHouseNumber(s, range))
            || has(s, range, ["位于", "设在", "在\u{201C}"])
        case .phone: return hasPhone(s, range)
        case .person: return has(s, range, personVerbs)
        case .organisation: return hasName(s, range, suffixes: context.organisationSuffixes, question: context.question)
        case .definition: return defines(s, range, context.terms)
        }
    }

    /// A term of the question followed (quotes skipped) by a defining word: `“诚信制”物业将建立…`.
    private static func defines(_ s: [Unicode.Scalar], _ r: Range<Int>, _ terms: [[Unicode.Scalar]]) -> Bool {
        for t in terms where !t.isEmpty {
            var i = r.lowerBound
            while i < r.upperBound {
                // match t at i, skipping quote marks in s
                var k = 0, j = i
                while k < t.count && j < r.upperBound {
                    if s[j] == t[k] { k += 1; j += 1 } else if s[j] == "\u{201C}" || s[j] == "\u{201D}" { j += 1 } else { break }
                }
                if k == t.count {
                    while j < r.upperBound && (s[j] == "\u{201D}" || s[j] == "\u{201C}") { j += 1 }
                    if definingWords.contains(where: { w in
                        var p = j
                        for c in w.unicodeScalars { guard p < r.upperBound, s[p] == c else { return false }; p += 1 }
                        return true
                    }) { return true }
                }
                i += 1
            }
        }
        return false
    }

    /// A number that is a quantity: digits not part of a date (`8月15日`, `2024年`) or clock time.
    private static func hasQuantity(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        var i = r.lowerBound
        while i < r.upperBound {
            guard ScalarClass.isDigit(s[i]) else { i += 1; continue }
            var j = i
            while j < r.upperBound, ScalarClass.isDigit(s[j]) || s[j] == "." { j += 1 }
            let next: Unicode.Scalar? = j < s.count ? s[j] : nil
            let prev: Unicode.Scalar? = i > 0 ? s[i - 1] : nil
            let dateLike = next.map { "年月日号:".unicodeScalars.contains($0) } ?? false
            let timeLike = prev == ":" || (prev.map { "第".unicodeScalars.contains($0) } ?? false)
            // A line's identifier (`338路`, `T7`) names a route, it counts nothing.
            let identifier = next == "路" || (prev.map { $0.isASCII && $0.properties.isAlphabetic } ?? false)
            if !dateLike && !timeLike && !identifier { return true }
            i = j
        }
        return false
    }

    /// An ordinal `第N` (with the measure word asked for, if any).
    private static func hasRank(_ s: [Unicode.Scalar], _ r: Range<Int>, unit: Unicode.Scalar?) -> Bool {
        for i in r where s[i] == "第" && i + 1 < r.upperBound && ScalarClass.isDigit(s[i + 1]) {
            guard let unit else { return true }
            var j = i + 1
            while j < r.upperBound, ScalarClass.isDigit(s[j]) { j += 1 }
            if j < r.upperBound, s[j] == unit { return true }
        }
        return false
    }

    /// Words that begin with a place or organisation suffix but are not names (`线上路演`).
    static let notNameEndings: Set<String> = ["路演", "路线", "路径", "路面", "路况", "区域", "区别", "区间", "市场", "市民", "市值",
                                             "局面", "局部", "号召", "号称", "号线", "县域", "楼盘", "园林", "馆藏", "站点", "站位",
                                             "中心城", "公司化", "平台化"]

    /// A name ending in one of `suffixes` whose two characters before the suffix are Han and not
    /// both from the question.
    private static func hasName(_ s: [Unicode.Scalar], _ r: Range<Int>, suffixes: [String], question: ScalarSet) -> Bool {
        for suffix in suffixes {
            let w = Array(suffix.unicodeScalars)
            var i = r.lowerBound + 2
            while i + w.count <= r.upperBound {
                if s[i] == w[0] && Array(s[i..<(i + w.count)]) == w {
                    if i + w.count < s.count, ScalarClass.isHan(s[i + w.count]) {
                        var word = String(scalars: w)
                        word.unicodeScalars.append(s[i + w.count])
                        if notNameEndings.contains(word) { i += 1; continue }
                    }
                    let a = s[i - 2], b = s[i - 1]
                    if ScalarClass.isHan(a) && ScalarClass.isHan(b) && !(question.contains(a) && question.contains(b)) { return true }
                }
                i += 1
            }
        }
        return false
    }

    static func has(_ s: [Unicode.Scalar], _ r: Range<Int>, _ words: [String]) -> Bool {
        words.contains { w in
            let ws = Array(w.unicodeScalars)
            return !ws.isEmpty && Knowledge.firstIndex(of: ws, in: s, within: r) != nil
        }
    }

    /// A house number: digits and 号 that are not a date's day (`8月15号`) or a rank.
    private static func hasHouseNumber(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        for i in r where s[i] == "号" && i > r.lowerBound && ScalarClass.isDigit(s[i - 1]) {
            var j = i - 1
            while j > r.lowerBound, ScalarClass.isDigit(s[j - 1]) { j -= 1 }
            if j == r.lowerBound || (s[j - 1] != "月" && s[j - 1] != "第") { return true }
        }
        return false
    }

    private static func hasClockTime(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        var i = r.lowerBound
        while i + 2 < r.upperBound {
            if s[i + 1] == ":" && ScalarClass.isDigit(s[i]) && ScalarClass.isDigit(s[i + 2]) { return true }
            i += 1
        }
        return false
    }

    private static func hasDate(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        for i in r where i > r.lowerBound && ScalarClass.isDigit(s[i - 1]) {
            if s[i] == "月" || s[i] == "日" { return true }
            if s[i] == "年", i + 1 < r.upperBound, s[i + 1] == "底" || s[i + 1] == "初" || s[i + 1] == "末" { return true }
        }
        return has(s, r, ["年底", "月底", "月初", "年初"])
    }

    private static func hasNumber(_ s: [Unicode.Scalar], _ r: Range<Int>, followedBy units: [String]) -> Bool {
        for i in r where ScalarClass.isDigit(s[i]) && (i + 1 == r.upperBound || !ScalarClass.isDigit(s[i + 1]) && s[i + 1] != ".") {
            var k = i + 1
            while k < min(r.upperBound, i + 3), s[k] == "万" || s[k] == "亿" || s[k] == "个" || s[k] == "多" || s[k] == "余" { k += 1 }
            if has(s, k..<min(r.upperBound, k + 3), units), startsWithAny(s, k, units) { return true }
        }
        return false
    }

    private static func startsWithAny(_ s: [Unicode.Scalar], _ k: Int, _ words: [String]) -> Bool {
        words.contains { w in
            var i = k
            for c in w.unicodeScalars { guard i < s.count, s[i] == c else { return false }; i += 1 }
            return true
        }
    }

    private static func hasPhone(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        var i = r.lowerBound
        while i < r.upperBound {
            guard ScalarClass.isDigit(s[i]) else { i += 1; continue }
            var j = i
            while j < r.upperBound, ScalarClass.isDigit(s[j]) || s[j] == "-" { j += 1 }
            let n = j - i
            let next: Unicode.Scalar? = j < s.count ? s[j] : nil
            let unit = next.map { "年月日号元万亿个项家名人次件条%.米".unicodeScalars.contains($0) } ?? false
            if !unit && (n >= 7 || (n == 5 && (s[i] == "1" || s[i] == "9"))) { return true }
            i = j
        }
        return false
    }
}

/// A small set of scalars (a question's characters) as a sorted array: membership by binary
/// search, no hashing — it is asked once per character of every candidate clause.
struct ScalarSet: Sendable {
    private var values: [UInt32] = []

    init() {}

    init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        values = Array(Set(scalars.map(\.value))).sorted()
    }

    func contains(_ s: Unicode.Scalar) -> Bool {
        var lo = 0, hi = values.count
        let v = s.value
        while lo < hi {
            let mid = (lo + hi) >> 1
            if values[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        return lo < values.count && values[lo] == v
    }
}
