import Foundation
import Testing
@testable import Knowledge

/// The paper's other ways of describing a service hall: opening hours and hotlines tied to the
/// hall, capped limits (`不超过5个工作日`), a window the hall opens with its own offers, an
/// address with a parenthetical. Own pages and sentences, plus ones that must give nothing.
@Suite struct ServiceFamilyTests {
    typealias F = ServiceEventFixtures

    // MARK: - Hours and phones

    @Test(arguments: [
        ("中心工作日8:30—17:30对外办公,周六9:00—12:00提供预约服务。", ["工作日8:30—17:30对外办公", "周六9:00—12:00提供预约服务"]),
        ("大厅办公时间为周一至周五上午9点至下午5点。", ["办公时间为周一至周五上午9点至下午5点"]),
        ("驿站每周一闭馆,节假日照常开放。", ["每周一闭馆"]),
        ("自助服务区实行24小时开放。", ["24小时开放"]),
        ("昨天上午9:00,中心正式启用。", []),                  // a time of day, not opening hours
        ("另设24小时自助服务区,承诺2个工作日内办结。", []),     // a facility and a limit
    ] as [(String, [String])])
    func hoursFamilies(sentence: String, expected: [String]) {
        #expect(PublicServiceExtractor.hours(in: F.scanner(sentence)).map(\.value) == expected, "\(sentence)")
    }

    @Test(arguments: [
        ("市民可拨打咨询热线0573-83051234了解办事指南。", ["0573-83051234|咨询热线"]),
        ("办事前可致电86123456预约。", ["86123456|-"]),
        ("也可拨打12345政务服务热线反映问题。", ["12345|政务服务热线"]),
        ("中心共受理办件26000件,同比增长12.5%。", []),
    ] as [(String, [String])])
    func phoneFamilies(sentence: String, expected: [String]) {
        let got = PublicServiceExtractor.phones(in: F.scanner(sentence)).map { "\($0.value.number)|\($0.value.label ?? "-")" }
        #expect(got == expected, "\(sentence)")
    }

    // MARK: - Commitments

    static let commitmentCases: [(String, [String])] = [
        ("承诺一般事项2个工作日内办结,需要现场核查的复杂事项不超过7个工作日。", ["一般事项|办结|2个工作日", "需要现场核查的复杂事项|办结|7个工作日"]),
        ("需现场踏勘的复杂事项5个工作日内办结。", ["需现场踏勘的复杂事项|办结|5个工作日"]),
        ("企业开办3个工作日办结。", ["企业开办|办结|3个工作日"]),
        ("不动产登记办结时限压缩至3个工作日。", ["不动产登记|办结|3个工作日"]),
        ("“以前要跑两趟,今天不到10分钟就办好了。”市民说。", []),
        ("项目预计3个月完成建设。", []),
    ]

    @Test(arguments: 0..<commitmentCases.count)
    func commitmentFamilies(_ i: Int) {
        let (sentence, expected) = Self.commitmentCases[i]
        let found = PublicServiceExtractor.commitments(in: F.scanner(sentence)).map {
            "\($0.value.scope ?? "-")|\($0.value.action)|\($0.value.limit.text)"
        }
        #expect(found == expected, "\(sentence)")
    }

    // MARK: - A hall with a window

    static let hallPage = """
    家门口就能办社保医保
    长水街道市民服务中心启用

    ■全媒体记者 沈 洁

    本报讯 昨天,南湖区长水街道市民服务中心正式对外运行。该中心位于长水路1288号(长水邻里中心二楼),由南湖区行政审批局牵头建设,共设综合窗口12个,可办理社保、医保、户籍等120余项事项。

    中心承诺一般事项当场办结,需要现场核查的事项不超过3个工作日。为服务辖区外籍员工,中心还开设了国际人才服务专窗,提供英语、日语咨询和居留许可预审服务。

    据了解,中心工作日8:30—17:30对外办公,周六上午9:00至12:00提供延时服务。办事群众可拨打咨询电话0573-82061234预约。
    """

    @Test func hallWithHoursPhoneAndAWindow() throws {
        let kb = F.build(Self.hallPage)
        let hall = try #require(kb.facts.services.first { $0.name.value == "南湖区长水街道市民服务中心" })
        #expect(hall.location?.value == "长水路1288号(长水邻里中心二楼)")
        #expect(hall.host?.value == "南湖区行政审批局")
        #expect(hall.established?.value == "昨天")
        #expect(hall.windowCount?.value.value == 12)
        #expect(hall.hours.map(\.value) == ["工作日8:30—17:30对外办公", "周六上午9:00至12:00提供延时服务"])
        let phone = try #require(hall.phones.first).value
        #expect(phone.number == "0573-82061234" && phone.heading == "咨询电话")
        #expect(F.text(kb, hall.phones[0].sentence).contains("咨询电话0573-82061234"))
        let promise = try #require(hall.commitments.first { $0.value.limit.text == "3个工作日" }).value
        #expect(promise.scope == "需要现场核查的事项" && promise.action == "办结")
        let window = try #require(kb.facts.services.first { $0.name.value == "国际人才服务专窗" })
        #expect(window.location?.value == "南湖区长水街道市民服务中心")
        #expect(window.services.map(\.value) == ["英语、日语咨询", "居留许可预审服务"])
        #expect(window.hours.isEmpty && window.phones.isEmpty)
    }

    @Test func itemsOfEqualWeightStayApart() {
        let sc = F.scanner("提供社保、医保、公积金等服务")
        #expect(PublicServiceExtractor.offersNamed(in: sc).map(\.value) == ["社保", "医保", "公积金"])
    }

    @Test func passingMentionsStillGiveNoService() {
        #expect(F.build(F.passingMentionPage).facts.services.isEmpty)
    }
}
