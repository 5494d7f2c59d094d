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

    @Test func passingMentionsStillGiveNoService() {
        #expect(F.build(F.passingMentionPage).facts.services.isEmpty)
    }
}
