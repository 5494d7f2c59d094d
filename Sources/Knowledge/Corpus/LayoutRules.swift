import Foundation

/// What the PDF export leaves on a page that is not article text, and the markers that tell
/// bylines, credits and notices apart — kept as data so a new masthead is one line here.
enum LayoutRules {
    /// Masthead and layout lines dropped wherever they stand (compared after trimming).
    static let noiseLines: Set<String> = [
        "JIAXING DAILY", "JIAXING", "DAILY", "嘉兴日报", "扫描二维码", "观看视频", "扫码观看视频",
        "扫一扫", "扫码看视频", "扫描二维码观看视频",
    ]

    /// The longest noise line, in UTF-8 bytes.
    static let noiseLineMaxBytes = noiseLines.map(\.utf8.count).max() ?? 0

    /// `noiseLines.contains(line)`. A longer line made only of scalars that compare byte for
    /// byte (`String.isPlain`) is none of them, found without hashing it (a `String` hash
    /// normalises the text first; this runs on every line of every page).
    static func isNoiseLine(_ line: String) -> Bool {
        if line.utf8.count > noiseLineMaxBytes, String.isPlain(line) { return false }
        return noiseLines.contains(line)
    }

    /// Lines containing any of these are column labels (`DIYI PINGLUN 栏目统筹:黄金凤`); the whole
    /// block they sit in is layout.
    static let columnLabelMarkers = ["栏目统筹", "本版编辑", "责任编辑", "美术编辑", "版式设计", "校对:"]

    /// Byline roles: a line starting with `■` or with one of these is an author line.
    static let bylineRoles = ["全媒体记者", "本报记者", "记者", "通讯员", "评论员", "本报评论员", "报道员", "本报道员",
                              "实习生", "撰稿", "特约记者", "见习记者", "本报通讯员"]

    /// The first scalars of `bylineRoles`.
    static let bylineRoleStarts: Set<Unicode.Scalar> = Set(bylineRoles.compactMap { $0.unicodeScalars.first })

    /// False when `text` certainly starts with none of `bylineRoles` (a `Character` prefix test
    /// each): its first scalar starts none of them and is no compatibility ideograph (U+F900 and
    /// up), the only other scalars that compare equal to a unified one.
    static func mayStartBylineRole(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return bylineRoleStarts.contains(first) || first.value >= 0xF900
    }

    /// Photo credits: kept as captions, never as body.
    static let creditPrefixes = ["■摄影", "摄影", "■图", "图/"]
    static let creditSuffixes = ["/摄", "供图", "摄影", "/图"]

    /// Labels that make a short multi-line block a notice box (address, hotlines, hours).
    static let noticeLabels = ["地址:", "地址：", "电话:", "电话：", "热线:", "热线：", "咨询电话", "联系电话", "招生热线",
                               "服务热线", "报名电话", "营业时间", "开放时间", "办公时间", "网址:", "邮箱:"]

    /// Markers that open a column kicker rather than a byline (`■政务服务增值化改革 …`, `□增值化改革进行时`).
    static let kickerMarks: [Unicode.Scalar] = ["■", "□", "◆", "◇", "●", "▲", "★"]

    /// How a story's first paragraph typically opens (used to tell a headline from half a paragraph).
    static let leadOpenings = ["本报讯", "昨天", "今天", "前天", "近日", "日前", "近期", "目前", "今年", "去年", "近年来",
                               "当前", "连日来", "记者", "据悉", "据了解", "为", "在"]

    /// The dateline that opens a story; stripped from the first paragraph.
    static let datelines = ["本报讯"]

    /// Words of a weather box; a body block with a day word, a sky word and a printed measure is a forecast.
    static let weatherDayWords = ["今天", "明天", "后天", "今夜", "明晨", "白天", "夜里"]
    static let weatherSkyWords = ["晴", "多云", "阴", "雨", "雪", "雾", "霾"]

    /// Common Chinese surnames: a lone short name line is taken as a byline only if it starts with one.
    static let surnames: Set<Character> = Set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤娄葛巨褚奚缪荣楼郁杭倪施俞屠殷鲁冀柴翁章盛")

    /// Edition labels printed at the top of a page (`嘉善版`); also the page's edition when none is given.
    static func isEditionLabel(_ line: String) -> Bool {
        // A last scalar below the compatibility ideographs (U+F900…, which fold to unified ones)
        // other than 版 rules the `Character` suffix out without comparing.
        (line.unicodeScalars.last.map { $0 == "版" || $0.value >= 0xF900 } ?? false) && line.hasSuffix("版") && (2...5).contains(line.scalarCount)
            && line.unicodeScalars.allSatisfy { ScalarClass.isHan($0) }
    }

    /// Brand lines of a local edition's masthead: `嘉善发布`, `最嘉善`, `IN嘉善`.
    static func isMastheadBrand(_ line: String) -> Bool {
        // Every brand is 3 to 6 scalars: longer lines are ruled out before the scalars are copied.
        var n = 0
        for _ in line.unicodeScalars { n += 1; if n > 6 { return false } }
        let s = Array(line.unicodeScalars)
        let han = s.allSatisfy { ScalarClass.isHan($0) }
        if han && s.count >= 3 && s.count <= 5 && line.hasSuffix("发布") { return true }
        if han && s.count == 3 && line.hasPrefix("最") { return true }
        if line.hasPrefix("IN") && s.count >= 4 && s.count <= 6 && s.dropFirst(2).allSatisfy({ ScalarClass.isHan($0) }) { return true }
        return false
    }

    /// All-capital pinyin column headers such as `DIYI PINGLUN`.
    static func isPinyinColumnHeader(_ line: String) -> Bool {
        let s = line.unicodeScalars
        return s.allSatisfy { ($0.value >= 0x41 && $0.value <= 0x5A) || $0 == " " } && s.count >= 4 && line.includes(" ")
    }
}
