import Testing
@testable import Knowledge

/// The one normaliser that corpus and questions share: input → output tables per step, cases
/// that must stay unchanged, and the tracked form that maps normalised spans back to print.
@Suite struct NormalizerTests {
    let normalizer = Normalizer()

    // MARK: - Width, case, script

    @Test("full-width → half-width, upper → lower case", arguments: [
        ("ＡＢＣ１２３，", "abc123,"),
        ("Ｒｏｕｔｅ　１１５", "route 115"),
        ("ＫＴＶ", "ktv"),
        ("？！：；（）", "?!:;()"),
        ("「引号」『书名』", "“引号”“书名”"),
        ("①号线", "1号线"),
        ("100㎡", "100m2"),
    ])
    func widthAndCase(_ input: String, _ expected: String) {
        #expect(normalizer.normalize(input) == expected)
    }

    @Test("traditional → simplified", arguments: [
        ("幾點發車", "几点发车"),
        ("嘉興市民卡服務中心", "嘉兴市民卡服务中心"),
        ("公車站在哪裡", "公车站在哪里"),
        ("今天天氣預報", "今天天气预报"),
    ])
    func traditionalToSimplified(_ input: String, _ expected: String) {
        #expect(normalizer.normalize(input) == expected)
    }

    // MARK: - Chinese numerals

    @Test("numerals that are quantities or identifiers become digits", arguments: [
        ("一一五路", "115路"),
        ("一〇一路", "101路"),
        ("十五路", "15路"),
        ("十九连冠", "19连冠"),
        ("八个班次", "8个班次"),
        ("两个品种", "2个品种"),
        ("一百二十个", "120个"),
        ("二十岁", "20岁"),
        ("三到四级", "3到4级"),
        ("偏南风三至四级", "偏南风3至4级"),
        ("第六", "第6"),
        ("第十九", "第19"),
        ("第一百", "第100"),
        ("四万元", "4万元"),
        ("两万元", "2万元"),
        ("二〇二三年", "2023年"),
        ("百分之五十", "50%"),
        ("百分之百", "100%"),
        ("一点半", "1:30"),
        ("一点钟", "1:00"),
        ("十分钟", "10分钟"),
        ("五角钱", "5角钱"),
        ("一二三路", "123路"),
        ("二一路", "21路"),
    ])
    func numeralsConverted(_ input: String, _ expected: String) {
        #expect(normalizer.normalize(input) == expected)
    }

    @Test("numerals inside words stay as printed", arguments: [
        "一体化", "统一", "万事通", "百姓", "一路向前", "一路畅通", "沿途一路绿灯", "千方百计",
        "一起", "一些", "万一", "星期一", "十几个", "两三天", "一时", "一点",
        "十分重要", "电池十分亮眼",                    // 十分 "very", not 10分
        "长三角", "长三角一体化", "三角形",              // not 3角 (money)
        "七八个", "三四天", "一二年级",                  // estimates, not 78 / 34 / 12
    ])
    func numeralsKept(_ input: String) {
        #expect(normalizer.normalize(input) == input)
    }

    @Test("一路 never becomes route 1路", arguments: ["一路向前", "一路公交", "一路上", "我们一路走来"])
    func yiLuIsNotARoute(_ input: String) {
        #expect(!normalizer.normalize(input).contains("1路"))
    }

    // MARK: - Times and dates

    @Test("clock times to h:mm", arguments: [
        ("7点半", "7:30"),
        ("七点半", "7:30"),
        ("7:30", "7:30"),
        ("07:30", "7:30"),
        ("7：30", "7:30"),
        ("07:05", "7:05"),
        ("7点30分", "7:30"),
        ("7点30", "7:30"),
        ("7时30分", "7:30"),
        ("7点钟", "7:00"),
        ("八点十分", "8:10"),
        ("8点十分", "8:10"),
        ("十二点半", "12:30"),
        ("下午两点半", "下午14:30"),
        ("下午2:30", "下午14:30"),
        ("下午两点", "下午14:00"),
        ("晚上8点", "晚上20:00"),
        ("晚8点半", "晚20:30"),
        ("下午2时许", "下午14:00"),
        ("早上7点", "早上7:00"),
        ("凌晨1点", "凌晨1:00"),
        ("中午12点", "中午12:00"),
        ("下午3点至下午5点", "下午15:00至下午17:00"),
        ("首班车七点半发车", "首班车7:30发车"),
    ])
    func clockTimes(_ input: String, _ expected: String) {
        #expect(normalizer.normalize(input) == expected)
    }

    @Test("durations, bare hours, decimals and other numbers are not times", arguments: [
        "30分钟", "7点建议", "8点", "199.75", "199.75米", "12.30", "10:30-17:00", "1150",
        "20时", "100:30", "时间",
    ])
    func notTimes(_ input: String) {
        #expect(normalizer.normalize(input) == input)
    }

    @Test("dates: 号 → 日 after a month", arguments: [
        ("8月15号", "8月15日"),
        ("八月十五号", "8月15日"),
        ("12月5号", "12月5日"),
        ("2023年8月15号", "2023年8月15日"),
        ("8月15日", "8月15日"),
    ])
    func dates(_ input: String, _ expected: String) {
        #expect(normalizer.normalize(input) == expected)
    }

    @Test("号 without a month stays (house numbers, lines)", arguments: ["15号楼", "5号线", "文昌路88号"])
    func houseNumbers(_ input: String) {
        #expect(normalizer.normalize(input) == input)
    }

    // MARK: - Whitespace and temperatures

    @Test("spaces dropped except between ASCII words", arguments: [
        ("115 路", "115路"),
        ("route 115", "route 115"),
        ("route  115", "route 115"),
        ("bus\t115", "bus 115"),
        ("中 文", "中文"),
        ("周 奕", "周奕"),
        ("a\u{3000}b", "a b"),
        ("  前导空格  ", "前导空格"),
        ("1\u{200B}15路", "115路"),
        ("嘉善\n新闻", "嘉善新闻"),
    ])
    func whitespace(_ input: String, _ expected: String) {
        #expect(normalizer.normalize(input) == expected)
    }

    @Test("degrees Celsius in one form", arguments: [
        ("35℃", "35℃"),
        ("35°C", "35℃"),
        ("35°c", "35℃"),
        ("35 ℃", "35℃"),
        ("３５℃", "35℃"),
        ("最高气温35°C以上", "最高气温35℃以上"),
        ("27℃到35℃", "27℃到35℃"),
    ])
    func celsius(_ input: String, _ expected: String) {
        #expect(normalizer.normalize(input) == expected)
    }

    // MARK: - Tracked normalisation

    @Test("a normalised span maps back to the printed text", arguments: [
        ("七点半发车", "7:30", "七点半"),
        ("七点半发车", "发车", "发车"),
        ("下午两点半在一一五路站", "14:30", "两点半"),
        ("下午两点半在一一五路站", "下午14:30", "下午两点半"),
        ("下午两点半在一一五路站", "115路", "一一五路"),
        ("全角ＡＢＣ幾點", "abc", "ＡＢＣ"),
        ("全角ＡＢＣ幾點", "几点", "幾點"),
        ("坐115 路到站", "115路", "115 路"),
        ("最高35°C", "35℃", "35°C"),
        ("八月十五号开幕", "8月15日", "八月十五号"),
    ])
    func trackedSpan(_ text: String, _ normalizedSpan: String, _ printed: String) throws {
        let tracked = normalizer.normalizeTracked(text)
        let range = try #require(Self.range(of: normalizedSpan, in: tracked.scalars))
        #expect(tracked.original(range) == printed)
    }

    @Test("tracked and plain normalisation agree; origins are ordered and in range", arguments: [
        "七点半发车", "下午两点半在一一五路站", "ＡＢＣ１２３，", "幾點發車", "route 115", "115 路",
        "最高气温35°C以上", "百分之五十", "8月15号", "一路向前", "①号线", "  前导  空格 ",
    ])
    func trackedAgreesWithPlain(_ text: String) {
        let tracked = normalizer.normalizeTracked(text)
        #expect(tracked.normalized == normalizer.normalize(text))
        let origins = tracked.scalars.indices.map(tracked.origin)
        #expect(tracked.original == Array(text.unicodeScalars))
        #expect(zip(origins, origins.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(origins.allSatisfy { tracked.original.indices.contains($0) })
    }

    @Test func anUnchangedTextKeepsOneCopyWithItsOrigins() {
        // Nothing to normalise: the printed and normalised forms are one array, origins the identity.
        let tracked = normalizer.normalizeTracked("route 115")
        #expect(tracked.original == tracked.scalars)
        #expect(tracked.scalars.indices.allSatisfy { tracked.origin($0) == $0 })
        #expect(tracked.original(0..<5) == "route")
        // A rewrite keeps its origins (`七点半` → `7:30`).
        let rewritten = normalizer.normalizeTracked("七点半发车")
        #expect(rewritten.original(0..<4) == "七点半")
        #expect(rewritten.origin(4) == 3)
    }

    @Test func trackedEmptyRangeIsEmpty() {
        let tracked = normalizer.normalizeTracked("七点半发车")
        #expect(tracked.original(2..<2) == "")
        #expect(tracked.original(0..<tracked.scalars.count) == "七点半发车")
    }

    /// First occurrence of `needle` in `scalars`, as a scalar range.
    static func range(of needle: String, in scalars: [Unicode.Scalar]) -> Range<Int>? {
        let n = Array(needle.unicodeScalars)
        guard !n.isEmpty, n.count <= scalars.count else { return nil }
        for i in 0...(scalars.count - n.count) where Array(scalars[i..<(i + n.count)]) == n {
            return i..<(i + n.count)
        }
        return nil
    }
}
