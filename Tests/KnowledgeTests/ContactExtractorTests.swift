import Foundation
import Testing
@testable import Knowledge

@Suite struct ContactExtractorTests {
    typealias F = PracticalFactsFixtures

    // MARK: - Bundled corpus

    @Test func corpusSchoolNotice() throws {
        let kb = F.corpus
        #expect(kb.facts.contacts.count == 1)
        let c = try #require(kb.facts.contacts.first)
        #expect(kb.articles[c.article].kind == .notice)
        #expect(c.name.value == "嘉兴市交通学校")
        #expect(c.address?.value == "平湖市当湖街道车王线大港段98号(西悦广场南)")
        #expect(c.phones.map(\.value.number) == ["85087171", "85087980"])
        #expect(c.phones.map(\.value.label) == ["驾校", "全日制"])
        #expect(c.phones.allSatisfy { $0.value.heading == "招生热线" })
        #expect(F.sentenceText(kb, c.phones[0].sentence).hasPrefix("招生热线"))
        #expect(c.hours.isEmpty)
    }

    // MARK: - Fixture pages

    static let noticePage = """
    市民卡服务网点再添新址

    ■全媒体记者 顾佳

    本报讯 近日,我市又一家市民卡服务网点投入使用,市民可就近办理各项业务。

    嘉兴市民卡服务中心
    地址:嘉兴市南湖区中山东路1288号
    咨询电话:0573-84012345
    开放时间:周一至周五8:30-17:00
    服务内容:市民卡办理、挂失、充值
    """

    @Test func serviceHotlineNotice() throws {
        let kb = F.build(Self.noticePage)
        #expect(kb.facts.contacts.count == 1)
        let c = try #require(kb.facts.contacts.first)
        #expect(c.name.value == "嘉兴市民卡服务中心")
        #expect(c.aliases.isEmpty)                  // never the bogus short form `民卡服务中心`
        #expect(c.address?.value == "嘉兴市南湖区中山东路1288号")
        #expect(c.phones.map(\.value) == [PhoneNumber(number: "0573-84012345", label: "咨询电话", heading: "咨询电话")])
        #expect(c.hours.map(\.value) == ["周一至周五8:30-17:00"])
        #expect(c.serves.map(\.value) == ["市民卡办理、挂失、充值"])
    }

    static let storyPage = """
    家门口的便民服务中心 办事更方便了

    ■全媒体记者 金晓

    本报讯 近日,南湖区新兴街道便民服务中心位于新兴路168号,开放时间为每天9:00-20:00,市民办理社保、医保业务可就近前往。如有疑问,可拨打咨询电话:0573-82226789。此外,市民也可拨打12345热线反映问题。
    """

    @Test func contactsInStorySentences() throws {
        let kb = F.build(Self.storyPage)
        #expect(kb.facts.contacts.map(\.name.value) == ["南湖区新兴街道便民服务中心", "12345热线"])
        let centre = kb.facts.contacts[0]
        #expect(centre.address?.value == "新兴路168号")
        #expect(centre.hours.map(\.value) == ["每天9:00-20:00"])
        #expect(centre.phones.map(\.value) == [PhoneNumber(number: "0573-82226789", label: "咨询电话", heading: "咨询电话")])
        #expect(F.sentenceText(kb, centre.phones[0].sentence).contains("如有疑问"))   // owner named a sentence earlier
        let hotline = kb.facts.contacts[1]
        #expect(hotline.phones.map(\.value.number) == ["12345"])
        #expect(hotline.serves.map(\.value) == ["反映问题"])
    }

    @Test func printedLabelsBeforeNumbersAndFullWidthDigits() throws {
        let kb = F.build("""
        驾驶培训报名火热

        ■全媒体记者 蒋 华

        本报讯 暑期到来,驾驶培训迎来报名高峰,不少学生利用假期学车。

        海宁市平安驾校
        校址：海宁市海洲街道工人路66号
        报名电话：驾校８７６５４３２１、夜校87650000
        """)
        let c = try #require(kb.facts.contacts.first)
        #expect(c.address?.value == "海宁市海洲街道工人路66号")
        #expect(c.phones.map(\.value.number) == ["87654321", "87650000"])
        #expect(c.phones.map(\.value.label) == ["驾校", "夜校"])
        #expect(c.phones.map(\.value.heading) == ["报名电话", "报名电话"])
    }

    // MARK: - Negative cases

    @Test(arguments: [
        // figures that are not phones: counts, an amount, a serial number
        """
        热线服务提质增效

        ■全媒体记者 褚晨

        本报讯 今年以来,全年受理热线来电12345件,服务中心共接待群众85087人次,项目总投资12345678元,项目编号20230815。
        """,
        // a number after a cue, but nobody named to own it
        """
        夏季用电高峰将至

        ■全媒体记者 陶 然

        本报讯 近期气温持续走高,用电负荷不断攀升。如遇停电,请拨打0573-88886666。
        """,
        // located, but a company is not a place people contact; a reversed `位于…的` form
        """
        企业发展势头良好

        ■全媒体记者 张 帆

        本报讯 浙江某某动力系统有限公司位于平湖市经济技术开发区,主要从事电机控制器生产。位于缪家村便民服务街上的养老服务照料中心,是村里最热闹的地方。
        """,
    ])
    func pagesWithoutAContact(page: String) {
        #expect(F.build(page).facts.contacts.isEmpty)
    }

    @Test(arguments: [
        ("招生热线:85087171(驾校)、85087980(全日制)", [("85087171", "驾校"), ("85087980", "全日制")]),
        ("咨询电话:0573-84012345", [("0573-84012345", "咨询电话")]),
        ("热线:96345", [("96345", "热线")]),
        ("电话:2023年8月15日", []),
    ] as [(String, [(String, String)])])
    func noticeLinePhones(line: String, expected: [(String, String)]) throws {
        let sc = F.scanner(line)
        let (label, value) = try #require(ContactExtractor.labelledLine(sc))
        let phones = ContactExtractor.phones(sc, in: value, heading: label)
        #expect(phones.map(\.number) == expected.map(\.0))
        #expect(phones.map { $0.label ?? "" } == expected.map(\.1))
    }
}
