import Foundation
import Testing
@testable import Knowledge

/// The paper's other ways of printing a route: termini joined by a verb, an arrow or `从…到…`,
/// the kind and opening day in the headline only, transfers after a kind of route. Each family
/// has its own sentences (not the bundled or evaluation pages) and cases that must match nothing.
@Suite struct TransitRouteFamilyTests {
    typealias F = PracticalFactsFixtures

    // MARK: - Termini

    @Test(arguments: [
        ("连接王店客运站和南湖区凤桥镇的K605路城乡公交明日开通。", "王店客运站", "南湖区凤桥镇"),
        ("K605路串联起新塍镇与油车港镇两地。", "新塍镇", "油车港镇"),
        ("该线路往返于嘉兴北站与月河历史街区之间。", "嘉兴北站", "月河历史街区"),
        ("公交车由平湖客运中心开往乍浦港区,全程约50分钟。", "平湖客运中心", "乍浦港区"),
        ("线路起于桐乡汽车站,止于濮院毛衫城。", "桐乡汽车站", "濮院毛衫城"),
        ("Y3路从西塘古镇到大云温泉,全程约25分钟。", "西塘古镇", "大云温泉"),
        ("K12路嘉兴南站⇄海盐客运中心每天开行20班。", "嘉兴南站", "海盐客运中心"),
        ("新开通的旅游专线(南湖景区↔梅花洲景区)深受游客欢迎。", "南湖景区", "梅花洲景区"),
        ("昨天,桐乡高铁站—乌镇西栅公交专线开通。", "桐乡高铁站", "乌镇西栅"),
        ("K88路(嘉善站-姚庄镇)今起试运行。", "嘉善站", "姚庄镇"),
        ("该线路走向为王江泾镇至盛泽镇。", "王江泾镇", "盛泽镇"),
        ("自海宁火车站开往长安镇的班车增加到每天12班。", "海宁火车站", "长安镇"),
    ])
    func terminiFamilies(sentence: String, first: String, second: String) throws {
        let sc = F.scanner(sentence)
        let (a, b) = try #require(TransitRouteExtractor.termini(in: sc), "\(sentence)")
        #expect(sc.original(a) == first, "\(sentence)")
        #expect(sc.original(b) == second, "\(sentence)")
    }

    @Test(arguments: [
        "“过去从市区到景区要转两趟车。”",               // a passenger's memory, not the route
        "从8月1日到8月31日,K12路临时调整发车时间。",     // dates, not places
        "连接线路和站点的信息系统完成升级。",             // no route after 的
        "咨询电话0573-82345678。",
        "全程约40分钟,票价2元。",
        "从明天起,市民可扫码乘车。",
    ])
    func noTerminiInOtherSentences(sentence: String) {
        #expect(TransitRouteExtractor.termini(in: F.scanner(sentence)) == nil, "\(sentence)")
    }

    // MARK: - Headline, opening day, transfers

    static let headlineOnlyPage = """
    K605路城乡公交下周一开通
    王店到凤桥不用再绕行

    ■全媒体记者 孙 越

    本报讯 记者昨天从市交通运输局获悉,K605路将于下周一开通,线路起于王店客运站,止于凤桥镇政府,票价2元。

    “以前从王店到凤桥要转车,现在方便了。”家住凤桥的市民老沈说。
    """

    @Test func kindAndOpeningDayFromTheHeadline() throws {
        let kb = F.build(Self.headlineOnlyPage)
        let r = try #require(kb.facts.routes(withID: "K605").first)
        #expect(r.name?.value == "K605路")
        #expect(r.kind?.value == "城乡公交")                       // printed only in the headline
        #expect(F.sentenceText(kb, try #require(r.kind).sentence).contains("K605路将于下周一开通"))
        #expect(r.opened?.value == "下周一")                        // not the reporting day 昨天
        #expect(r.termini.map(\.value) == ["王店客运站", "凤桥镇政府"])
        #expect(r.flatFare?.value.text == "2元")
    }

    @Test func headlineOfAnotherRouteLendsNothing() throws {
        let kb = F.build("""
        K12路城乡公交调整线路

        ■全媒体记者 孙 越

        本报讯 昨天,K13路途经新丰镇、竹林村等站点的班次加密至每天20班。
        """)
        let r = try #require(kb.facts.routes(withID: "K13").first)
        #expect(r.kind == nil && r.opened == nil)
        #expect(kb.facts.routes(withID: "K12").isEmpty)
    }

    @Test(arguments: [
        ("记者昨天获悉,K605路将于下周一开通。", "下周一"),
        ("5月8日,记者从县交通局获悉,该线路将于5月20日正式开通运营。", "5月20日"),
        ("该线路本周六起开通。", "本周六"),
        ("昨天上午,K605路正式开通。", "昨天上午"),
    ] as [(String, String?)])
    func openingDayNearestTheVerb(sentence: String, when: String?) {
        #expect(TransitRouteExtractor.openingDay(in: F.scanner(sentence)) == when)
    }

    @Test func transferAfterAKindOfRoute() {
        let tokens = F.scanner("乘客在县医院站可换乘K201路,在景区站还可换乘旅游专线Y1路前往观潮公园。").routeTokens()
        #expect(tokens.map(\.value.printed) == ["K201路", "Y1路"])
        #expect(tokens.map(\.value.isTransfer) == [true, true])
        #expect(F.scanner("新开通的旅游专线Y1路每天8班。").routeTokens().map(\.value.isTransfer) == [false])
    }

    // MARK: - Stops

    @Test(arguments: [
        ("K605路全长26公里,依次经过王店镇、洪合镇和新丰镇。", ["王店镇", "洪合镇", "新丰镇"]),
        ("沿线设有洪合毛衫市场、新丰竹林村等20个站点。", ["洪合毛衫市场", "新丰竹林村"]),
        ("主要停靠县人民医院、秦山街道办事处、澉浦镇政府等站。", ["县人民医院", "秦山街道办事处", "澉浦镇政府"]),
        ("停靠站点有南湖天地、嘉兴火车站和月河街区。", ["南湖天地", "嘉兴火车站", "月河街区"]),
        ("全线共设站点22个,车辆停靠在新建的首末站。", []),       // a count, and a place that is no stop name
        ("全线设有22个站点,车内设有USB充电口。", []),
        ("共设22个站点。", []),
    ] as [(String, [String])])
    func stopLists(sentence: String, stops: [String]) {
        #expect(TransitRouteExtractor.stops(in: F.scanner(sentence)) == stops, "\(sentence)")
    }

    @Test func bothStopListsOfAPageLandInStops() throws {
        let kb = F.build("""
        K605路公交开通

        ■全媒体记者 孙 越

        本报讯 昨天,K605路开通,线路连接王店客运站与凤桥镇政府。K605路全长26公里,沿途经过王店镇、洪合镇和新丰镇,共设站点20个,主要停靠洪合毛衫市场、新丰竹林村、凤桥梨园等站。
        """)
        let r = try #require(kb.facts.routes(withID: "K605").first)
        #expect(r.termini.map(\.value) == ["王店客运站", "凤桥镇政府"])
        #expect(r.stops.map(\.value) == ["王店镇", "洪合镇", "新丰镇", "洪合毛衫市场", "新丰竹林村", "凤桥梨园"])
    }

    // MARK: - Timetables per terminus

    @Test(arguments: [
        ("首班车6:00从王店客运站发车,末班车18:30;凤桥镇政府方向首班6:50、末班19:20。",
         [("王店客运站", "06:00", "18:30"), ("凤桥镇政府", "06:50", "19:20")]),
        ("首班车于早上6点半由新塍客运站始发,末班车晚上7点。", [("新塍客运站", "06:30", "19:00")]),
        ("王店—凤桥方向首班6:10、末班17:40,凤桥—王店方向首班7:00、末班18:30。",
         [("王店", "06:10", "17:40"), ("凤桥", "07:00", "18:30")]),
        ("返程首班车7:20,末班车19:00。", [("返程", "07:20", "19:00")]),
        ("周一至周五首班车6:00,末班车18:00。", [("", "06:00", "18:00")]),
    ] as [(String, [(String, String, String)])])
    func timetableFromEachEnd(sentence: String, expected: [(String, String, String)]) {
        var route = TransitRoute(article: 0, routeID: "0")
        TransitRouteExtractor.readTimetable(F.scanner(sentence), into: &route)
        let got = route.schedules.map { ($0.terminus, $0.first?.value.description ?? "-", $0.last?.value.description ?? "-") }
        #expect(got.count == expected.count, "\(sentence): \(got)")
        for (g, e) in zip(got, expected) { #expect(g == e, "\(sentence)") }
    }

    @Test func timetablesResolveToTheirTermini() throws {
        let kb = F.build("""
        K605路城乡公交开通

        ■全媒体记者 孙 越

        本报讯 昨天,连接王店客运站和凤桥镇政府的K605路城乡公交开通。首班车6:00从王店客运站发车,末班车18:30;凤桥镇政府方向首班6:50、末班19:20。K605路返程末班车还将在夏季延长至19:50。
        """)
        let r = try #require(kb.facts.routes(withID: "K605").first)
        let wangdian = try #require(r.schedules.first { $0.terminusIndex == 0 })
        #expect(wangdian.first?.value.description == "06:00" && wangdian.last?.value.description == "18:30")
        let fengqiao = try #require(r.schedules.first { $0.terminusIndex == 1 })
        #expect(fengqiao.first?.value.description == "06:50" && fengqiao.last?.value.description == "19:20")
    }

    // MARK: - Fares and concessions

    @Test(arguments: [
        ("该线路实行一票制,票价1元,70周岁以上老人凭老年卡免费乘坐。", nil, "1元", ["70周岁以上老人凭老年卡免费乘坐"]),
        ("K605路3元一票制,学生票1.5元,1.2米以下儿童免票。", nil, "3元", ["学生票1.5元", "1.2米以下儿童免票"]),
        ("车费每人2元,现役军人、残疾人凭有效证件享受半价优惠。", nil, "2元", ["现役军人、残疾人凭有效证件享受半价优惠"]),
        ("起步价1元,全程4元;持学生卡乘车享受5折优惠。", "1元", nil, ["持学生卡乘车享受5折优惠"]),
        ("此外,60分钟内刷卡换乘优惠1元。", nil, nil, ["60分钟内刷卡换乘优惠1元"]),
        ("车厢内提供免费WiFi,票价2元。", nil, "2元", []),       // free WiFi is no concession
    ] as [(String, String?, String?, [String])])
    func faresAndConcessions(sentence: String, start: String?, flat: String?, concessions: [String]) {
        var route = TransitRoute(article: 0, routeID: "0")
        let sc = F.scanner(sentence)
        TransitRouteExtractor.readFares(sc, into: &route)
        TransitRouteExtractor.readConcessions(sc, into: &route)
        #expect(route.startFare?.value.text == start, "\(sentence)")
        #expect(route.flatFare?.value.text == flat, "\(sentence)")
        #expect(route.concessions.map(\.value) == concessions, "\(sentence)")
    }

    @Test func concessionCardIsNoPaymentMethod() throws {
        let kb = F.build("""
        K605路城乡公交开通

        ■全媒体记者 孙 越

        本报讯 昨天,K605路开通。该线路2元一票制,乘客可用支付宝或微信扫码乘车;65周岁以上老年人凭市民卡免费乘坐。
        """)
        let r = try #require(kb.facts.routes(withID: "K605").first)
        #expect(r.flatFare?.value.text == "2元")
        #expect(r.payment.map(\.value) == ["支付宝", "微信", "扫码"])
        #expect(r.concessions.map(\.value) == ["65周岁以上老年人凭市民卡免费乘坐"])
        #expect(F.sentenceText(kb, r.concessions[0].sentence).hasPrefix("该线路2元一票制"))
    }
}
