import Foundation
import Testing
@testable import Knowledge

@Suite struct FigureExtractorTests {
    typealias F = ServiceEventFixtures

    static func figure(_ kb: KnowledgeBase, measure: String, value: String) -> Figure? {
        kb.facts.figures.first { $0.measure == measure && $0.value.text == value }
    }

    // MARK: - Bundled corpus

    @Test func corpusPropertyCoverage() throws {
        let kb = F.corpus
        let f = try #require(Self.figure(kb, measure: "覆盖率", value: "90.18%"))
        #expect(f.subject == "专业化物业服务" && f.qualifier == "达到" && f.period == "截至目前" && !f.isTarget)
        #expect(f.value.value == 90.18 && f.value.unit == "%")
        #expect(F.file(kb, f.article) == "003_58565fcc7c39a4bb.txt")
        #expect(F.text(kb, f.sentence).contains("专业化物业服务覆盖率达到90.18%"))
        let count = try #require(Self.figure(kb, measure: "数量", value: "294个"))
        #expect(count.subject == "全县实施专业物业管理住宅小区" && count.qualifier == "总计")
        let plan = try #require(Self.figure(kb, measure: "覆盖率", value: "95%"))
        #expect(plan.isTarget && plan.period == "计划到2024年")
    }

    @Test func corpusAssortedFigures() throws {
        let kb = F.corpus
        let loans = try #require(Self.figure(kb, measure: "余额", value: "15亿元"))
        #expect(loans.subject == "全行“惠农e贷”" && loans.qualifier == "近" && loans.period == "至7月末")
        #expect(loans.value.absoluteValue == 1_500_000_000)
        let height = try #require(Self.figure(kb, measure: "建筑高度", value: "199.75米"))
        #expect(height.subject == "1#楼大型金融机构" && height.qualifier == "达到")
        let window = try #require(Self.figure(kb, measure: "一窗通办", value: "1306项"))
        #expect(window.subject == "跨省事项")
        let rate = try #require(Self.figure(kb, measure: "办结率", value: "99.3%"))
        #expect(rate.subject == "企服中心" && rate.qualifier == "达")
        let growth = try #require(Self.figure(kb, measure: "产值增长", value: "14.3%"))
        #expect(growth.subject == "全市规模以上工业" && growth.period == "前5个月")
    }

    @Test func corpusHasNoDatesTimesOrPhonesAsFigures() {
        let units = Set(F.corpus.facts.figures.map(\.value.unit))
        #expect(units.isSubset(of: Set(FigureExtractor.units)))
        #expect(!F.corpus.facts.figures.contains { $0.value.text.contains(":") || $0.value.text == "85087171" })
    }

    // MARK: - Fixture pages

    @Test func tradeFigures() throws {
        let kb = F.build(F.tradePage)
        let total = try #require(Self.figure(kb, measure: "进出口总额", value: "2860.5亿元"))
        #expect(total.subject == "全市" && total.period == "今年前三季度")
        let growth = try #require(Self.figure(kb, measure: "进出口总额增长", value: "6.2%"))
        #expect(growth.subject == "全市" && growth.qualifier == nil)
        let exports = try #require(Self.figure(kb, measure: "出口额", value: "1980亿元"))
        #expect(exports.subject == "全市" && exports.qualifier == "约")
        let firms = try #require(Self.figure(kb, measure: "数量", value: "1.2万家"))
        #expect(firms.subject == "全市跨境电商企业" && firms.period == "截至9月底" && firms.value.absoluteValue == 12_000)
        let area = try #require(Self.figure(kb, measure: "面积", value: "80万平方米"))
        #expect(area.subject == "海外仓" && area.qualifier == "突破")
        #expect(kb.facts.figures.count == 5)
    }

    @Test func numbersThatAreNotFigures() {
        #expect(F.build(F.noFigurePage).facts.figures.isEmpty)
        #expect(F.build(F.meetingPage).facts.figures.isEmpty)
    }

    // MARK: - Patterns

    static let cases: [(String, String?)] = [
        ("截至目前,全县实施专业物业管理住宅小区总计294个。", "全县实施专业物业管理住宅小区|数量|294个|总计"),
        ("全县农民人均可支配收入达4.7万元。", "全县农民|人均可支配收入|4.7万元|达"),
        ("其中,1#楼建筑高度达到199.75米。", "1#楼|建筑高度|199.75米|达到"),
        ("企服中心共处理问题诉求1045件。", "企服中心|处理问题诉求|1045件|共"),
        ("已累计签发原产地证超6000份。", "|签发原产地证|6000份|超"),
        ("办理企业商务类出境证件638人次。", "|办理企业商务类出境证件|638人次|-"),
        ("去年平湖市规模以上工业产值达到2572亿元。", "平湖市规模以上工业|产值|2572亿元|达到"),
        ("公司实现产值近2亿元。", "公司|产值|2亿元|近"),
        ("全市快递业务量突破3亿件。", "全市快递|业务量|3亿件|突破"),
        ("每个标准层面积约3000平方米。", "每个标准层|面积|3000平方米|约"),
        ("今年1月至6月,全县接待游客超过1200万人次。", nil),  // no measure word, no total cue
        ("3月初向企业投放了400万元的研发资金。", nil),       // amount inside the clause
        ("咨询电话:0573-82012345。", nil),
        ("大赛自7月2日启动,8月15日截止报名。", nil),
        ("首班车时间为7:30。", nil),
        ("第3届大赛共吸引选手参赛。", nil),
    ]

    @Test(arguments: 0..<cases.count)
    func sentence(_ i: Int) {
        let (sentence, expected) = Self.cases[i]
        let found = FigureExtractor.figures(in: F.scanner(sentence), article: 0).map {
            "\($0.value.subject)|\($0.value.measure)|\($0.value.value.text)|\($0.value.qualifier ?? "-")"
        }
        #expect(found == (expected.map { [$0] } ?? []), "\(sentence)")
    }

    @Test func growthContinuesThePreviousFigure() {
        let found = FigureExtractor.figures(in: F.scanner("前5个月,全市规模以上工业实现产值686.71亿元,同比增长14.3%,实现增加值142.4亿元,增长5.4%。"), article: 0)
            .map { "\($0.value.subject)|\($0.value.measure)|\($0.value.value.text)|\($0.value.period ?? "-")" }
        #expect(found == ["全市规模以上工业|产值|686.71亿元|前5个月", "全市规模以上工业|产值增长|14.3%|前5个月",
                          "全市规模以上工业|增加值|142.4亿元|前5个月", "全市规模以上工业|增加值增长|5.4%|前5个月"])
    }

    @Test func growthWithoutAPreviousFigureIsDropped() {
        #expect(FigureExtractor.figures(in: F.scanner("其中优惠原产地证3135份,同比增长22%。"), article: 0).isEmpty)
    }

    @Test func targetsAreMarked() {
        let found = FigureExtractor.figures(in: F.scanner("到2025年,姚庄镇规上工业总产值将突破800亿元大关。"), article: 0)
        #expect(found.count == 1)
        #expect(found.first?.value.isTarget == true && found.first?.value.period == "到2025年" && found.first?.value.measure == "总产值")
    }

    // MARK: - Shared helpers

    @Test func looseAmounts() {
        let sc = F.scanner("可办理300余项事项,投资1000余万元,接待40多个团队,共5项")
        #expect(sc.looseAmounts(units: ["项", "元", "个"]).map(\.value.text) == ["300余项", "1000余万元", "40多个", "5项"])
        #expect(sc.looseAmounts(units: ["元"]).first?.value.absoluteValue == 10_000_000)
    }

    @Test func enumerationItems() {
        let sc = F.scanner("为企业提供商务、外贸、外事、市场监管等涉外部门服务")
        let list = sc.find("商务")!..<(sc.find("等")! + 1)
        #expect(sc.enumerationItems(in: list).map { sc.text($0) } == ["商务", "外贸", "外事", "市场监管"])
        let groups = F.scanner("创业组和创新组")
        #expect(groups.enumerationItems(in: 0..<groups.count, splitLastAt: { _, _ in true }).map { groups.text($0) } == ["创业组", "创新组"])
        let office = F.scanner("高等院校和嘉兴市经济和信息化局")
        #expect(office.enumerationItems(in: 0..<office.count).map { office.text($0) } == ["高等院校和嘉兴市经济和信息化局"])
    }
}
