import Foundation
import Testing
@testable import Knowledge

/// The paper's other ways of printing a contest's prizes, dates and entry rules: prizes per group
/// in one sentence, money given `各`/`分别`, registration windows with dashes and `…前报名`, stages
/// with `暂定`/`将举行`, age limits and qualifying clauses. Own sentences, plus ones that must give nothing.
@Suite struct EventFamilyTests {
    typealias F = ServiceEventFixtures

    /// The prizes a contest page with `sentence` in its body gets, as `group|rank|count|amount`.
    static func prizes(_ sentence: String) -> [String] {
        let kb = F.build("""
        第二届“梅花洲杯”创意设计大赛启动

        ■记者 王 芳

        本报讯 由南湖区文化和广电旅游体育局主办的第二届“梅花洲杯”创意设计大赛昨天启动。\(sentence)
        """)
        return kb.facts.events.first?.prizes.map {
            "\($0.value.group ?? "-")|\($0.value.rank)|\($0.value.count.map(String.init) ?? "-")|\($0.value.amount?.text ?? "-")"
        } ?? []
    }

    // MARK: - Prizes

    @Test func prizesPerGroupInOneSentence() {
        #expect(Self.prizes("大赛设青年组和乡贤组两个组别。青年组设一等奖1名、奖金3万元,二等奖3名、奖金各1万元,三等奖5名、奖金各5000元;乡贤组设一等奖1名、奖金2万元,二等奖2名、奖金各8000元。")
            == ["青年组|一等奖|1|3万元", "青年组|二等奖|3|1万元", "青年组|三等奖|5|5000元", "乡贤组|一等奖|1|2万元", "乡贤组|二等奖|2|8000元"])
    }

    @Test(arguments: [
        ("一等奖奖金5000元,二等奖奖金3000元。", ["-|一等奖|-|5000元", "-|二等奖|-|3000元"]),
        ("大赛设一等奖、二等奖、三等奖,奖金分别为5万元、3万元、1万元。", ["-|一等奖|-|5万元", "-|二等奖|-|3万元", "-|三等奖|-|1万元"]),
        ("大赛设二等奖3名,各奖励2000元。", ["-|二等奖|3|2000元"]),
        ("设金奖、银奖各1名,铜奖3名。", ["-|金奖|1|-", "-|银奖|1|-", "-|铜奖|3|-"]),
        ("学生组设一等奖2名,每名奖励3000元;另设最佳人气奖10名。", ["学生组|一等奖|2|3000元", "-|最佳人气奖|10|-"]),
    ] as [(String, [String])])
    func prizeMoneyFamilies(sentence: String, expected: [String]) {
        #expect(Self.prizes(sentence) == expected, "\(sentence)")
    }

    @Test(arguments: [
        "符合条件的获奖项目可申请最高50万元的创业贷款。",   // a loan, not prize money
        "前两届大赛共吸引参赛项目312个,总投资2亿元。",
    ])
    func moneyThatIsNoPrize(sentence: String) {
        #expect(Self.prizes(sentence).isEmpty, "\(sentence)")
    }

    // MARK: - Dates

    static let dateCases: [(String, [String])] = [
        ("报名时间:6月1日—7月15日。", ["registrationOpen 6月1日", "registrationDeadline 7月15日"]),
        ("作品征集时间为5月20日至8月31日。", ["registrationOpen 5月20日", "registrationDeadline 8月31日"]),
        ("有意参赛者请于6月30日17:00前登录平台报名。", ["registrationDeadline 6月30日"]),
        ("5月10日起接受报名,6月20日截止。", ["registrationOpen 5月10日", "registrationDeadline 6月20日"]),
        ("即日起至6月30日,凡本市户籍青年均可报名。", ["registrationDeadline 6月30日"]),
        ("初赛于7月上旬以线上路演形式进行。", ["preliminary 7月上旬"]),
        ("决赛时间暂定为8月18日。", ["final 8月18日"]),
        ("8月下旬将举行总决赛。", ["final 8月下旬"]),
        ("截至6月30日,已有200个项目参赛。", []),
        ("5月18日,第二届创意设计大赛正式启动。", ["launch 5月18日"]),
        ("5月18日,记者从团市委获悉,大赛开始报名。", []),
        ("6月20日截止的是去年的申请。", []),
    ]

    @Test(arguments: 0..<dateCases.count)
    func dateFamilies(_ i: Int) {
        let (sentence, expected) = Self.dateCases[i]
        let found = EventExtractor.milestones(in: F.scanner(sentence)).map { "\($0.value.kind.rawValue) \($0.value.date)" }
        #expect(found == expected, "\(sentence)")
    }

    // MARK: - Who may enter

    static let entrantCases: [(String, [String])] = [
        ("参赛项目负责人须为18至40周岁的青年。", ["参赛项目负责人须为18至40周岁的青年"]),
        ("报名选手年龄在16至35周岁之间,不限户籍。", ["报名选手年龄在16至35周岁之间"]),
        ("参赛选手年龄应在40周岁以下。", ["参赛选手年龄应在40周岁以下"]),
        ("大赛面向已在嘉兴注册登记、成立不满3年的企业,在校大学生团队也可报名。", ["已在嘉兴注册登记、成立不满3年的企业", "在校大学生团队"]),
        ("大赛面向在校大学生、退役军人。", ["在校大学生", "退役军人"]),
        ("目前已有18至40周岁的青年300余人报名。", []),       // a report, not a condition
        ("活动吸引了60岁以上老人参与。", []),
    ]

    @Test(arguments: 0..<entrantCases.count)
    func entrantFamilies(_ i: Int) {
        let (sentence, expected) = Self.entrantCases[i]
        #expect(EventExtractor.eligibility(in: F.scanner(sentence)).map(\.value) == expected, "\(sentence)")
    }

    @Test func contestPageReadEndToEnd() throws {
        let kb = F.build("""
        第二届“梅花洲杯”创意设计大赛启动
        个人组一等奖奖金2万元

        ■记者 王 芳

        本报讯 5月18日,第二届“梅花洲杯”创意设计大赛正式启动。大赛分设个人组和团队组,参赛者年龄须在18至45周岁之间。

        报名时间为5月18日至7月10日,初赛于7月中旬以网络评审形式进行,决赛定于8月8日举行。个人组设一等奖1名、奖金2万元,二等奖2名、奖金各1万元;团队组设一等奖1名、奖金3万元。
        """)
        let e = try #require(kb.facts.events.first)
        #expect(e.groups.map(\.value) == ["个人组", "团队组"])
        #expect(e.date(.launch)?.value.date == PrintedDate(month: 5, day: 18))
        #expect(e.date(.registrationOpen)?.value.date == PrintedDate(month: 5, day: 18))
        #expect(e.date(.registrationDeadline)?.value.date == PrintedDate(month: 7, day: 10))
        #expect(e.date(.preliminary)?.value.date == PrintedDate(month: 7, part: "中旬"))
        #expect(e.date(.final)?.value.date == PrintedDate(month: 8, day: 8))
        #expect(e.eligibility.map(\.value) == ["参赛者年龄须在18至45周岁之间"])
        let team = try #require(e.prizes.first { $0.value.group == "团队组" && $0.value.rank == "一等奖" }).value
        #expect(team.count == 1 && team.amount?.absoluteValue == 30_000)
        #expect(e.prizes.first { $0.value.group == "个人组" && $0.value.rank == "二等奖" }?.value.amount?.text == "1万元")
    }
}
