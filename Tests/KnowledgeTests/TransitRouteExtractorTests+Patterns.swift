import Foundation
import Testing
@testable import Knowledge

/// Table-driven cases for the route patterns, one sentence each, including ones that must match nothing.
extension TransitRouteExtractorTests {
    @Test(arguments: [
        ("昨天,我县又一条省际毗邻公交115路正式开行。", ["115"]),
        ("新开通的城乡公交K258路投入运营", ["K258"]),
        ("市民乘坐一一五路公交可直达", ["115"]),
        ("记者获悉,开通嘉善1路的准备工作已就绪", ["1"]),
        ("通过增加一路泵送管道,保证两台泵同时浇筑", []),
        ("紫六路宽5米,差距较大", []),
        ("施工人员兵分三路", []),
        ("3路口改造同步推进", []),
        ("可换乘地铁17号线到达上海市区", []),
        ("第3路纵队", []),
        ("线路共有2条：18路、68路", ["18", "68"]),
        ("首班6:18路过南门", []),
    ] as [(String, [String])])
    func routeNumbers(sentence: String, ids: [String]) {
        let found = F.scanner(sentence).routeTokens().filter { !$0.value.isTransfer }
        #expect(found.map(\.value.id) == ids)
    }

    /// A sentence naming a route and a line the reader does not take for one (`示范区5路`):
    /// the fare printed after the second is not the route's.
    @Test func aValueAfterAnotherLinesNameIsNotTheRoutes() {
        let kb = F.build("跨省公交线路：68路（东站—湖畔公园）、示范区5路（古镇客运站—湖畔公园，全程票价12元）。\n\n68路公交每天6:30发车。")
        #expect(F.scanner("68路（东站）、示范区5路（古镇）").routeMentionCount() == 2)
        #expect(kb.facts.routes.allSatisfy { $0.fullFare == nil && $0.flatFare == nil })
    }

    @Test func placePrefixAndTransferFlag() {
        let tokens = F.scanner("开通嘉善1路,在终点可换乘K258路").routeTokens()
        #expect(tokens.map(\.value.printed) == ["嘉善1路", "K258路"])
        #expect(tokens.map(\.value.isTransfer) == [false, true])
    }

    @Test(arguments: [
        ("该线路起讫站点嘉兴南站——平湖客运中心(有轨电车1号线)。", "嘉兴南站", "平湖客运中心"),
        ("线路起点为南湖景区,终点为月河街区。", "南湖景区", "月河街区"),
        ("公交车从乌镇汽车站开往桐乡高铁站,全程约40分钟。", "乌镇汽车站", "桐乡高铁站"),
        ("该线路往返于海盐客运中心和澉浦镇之间。", "海盐客运中心", "澉浦镇"),
        ("K301路(秀洲新区—王店镇)今起试运行。", "秀洲新区", "王店镇"),
        ("昨天,我市开通王江泾至油车港的公交线路。", "王江泾", "油车港"),
        // The route number before the pair and the qualified kind after it are no part of a terminus.
        ("经两地协商,T9路东塘—南里省际旅游专线将于近期开通。", "东塘", "南里"),
        ("K88路北港—西湾城际公交今起运行。", "北港", "西湾"),
    ])
    func termini(sentence: String, first: String, second: String) throws {
        let sc = F.scanner(sentence)
        let (a, b) = try #require(TransitRouteExtractor.termini(in: sc))
        #expect(sc.original(a) == first)
        #expect(sc.original(b) == second)
    }

    @Test(arguments: [
        "周一至周五的班车照常运行。",
        "发车间隔110~190分钟。",
        "7:30至14:30每小时发车。",
        "从明天开始,市民可扫码乘车。",
    ])
    func noTermini(sentence: String) {
        #expect(TransitRouteExtractor.termini(in: F.scanner(sentence)) == nil)
    }

    @Test(arguments: [
        ("嘉兴南站首班6:30、末班17:00。", [("嘉兴南站", "06:30", "17:00")]),
        ("王店镇发车时间为6:30—17:30。", [("王店镇", "06:30", "17:30")]),
        ("首班车6:00,末班车18:30。", [("", "06:00", "18:30")]),
        ("海盐首末末班时间为6:10、16:40,澉浦首末班时间为7:20、17:50。", [("海盐", "06:10", "16:40"), ("澉浦", "07:20", "17:50")]),
        ("首班车发车时间为早上六点,末班车发车时间为晚上九点。", [("", "06:00", "21:00")]),
        ("线路首班车7点半发车,末班车下午5点半。", [("", "07:30", "17:30")]),
        ("每天运营8小时,全程约40分钟。", []),
    ] as [(String, [(String, String, String)])])
    func timetables(sentence: String, expected: [(String, String, String)]) {
        var route = TransitRoute(article: 0, routeID: "0")
        TransitRouteExtractor.readTimetable(F.scanner(sentence), into: &route)
        let got = route.schedules.map { ($0.terminus, $0.first?.value.description ?? "-", $0.last?.value.description ?? "-") }
        #expect(got.count == expected.count)
        for (g, e) in zip(got, expected) { #expect(g == e) }
    }

    @Test(arguments: [
        ("每天8个班次,间隔110~190分钟", 8, MinuteRange(min: 110, max: 190)),
        ("日均发车12班,发车间隔约30分钟", 12, MinuteRange(min: 30, max: 30)),
        ("单程8趟,每20分钟一班", 8, MinuteRange(min: 20, max: 20)),
        ("每隔1小时发车一次", nil, MinuteRange(min: 60, max: 60)),
        ("以前要转两趟车,全程约40分钟", nil, nil),
    ] as [(String, Int?, MinuteRange?)])
    func tripsAndHeadway(sentence: String, trips: Int?, headway: MinuteRange?) {
        var route = TransitRoute(article: 0, routeID: "0")
        TransitRouteExtractor.readTimetable(F.scanner(sentence), into: &route)
        #expect(route.tripsPerDay?.value == trips)
        #expect(route.headway?.value == headway)
    }

    /// A count over both directions is kept apart from the count each way.
    @Test(arguments: [
        ("每个方向每天9班,双向合计每天18班。", 9, 18),
        ("每天双向各发8班。", 8, nil),
        ("往返每天16趟。", nil, 16),
        ("每天8个班次。", 8, nil),
    ] as [(String, Int?, Int?)])
    func tripsEachWayAndBothWays(sentence: String, each: Int?, both: Int?) {
        var route = TransitRoute(article: 0, routeID: "0")
        TransitRouteExtractor.readTimetable(F.scanner(sentence), into: &route)
        #expect(route.tripsPerDay?.value == each)
        #expect(route.tripsBothWays?.value == both)
    }

    @Test(arguments: [
        ("线路起步价2元,全程6元。", "2元", "6元", nil),
        ("该线路票价2元。", nil, nil, "2元"),
        ("实行一票制,票价1元。", nil, nil, "1元"),
        ("该线路2元一票制。", nil, nil, "2元"),
        ("项目总投资2亿元,全程长12公里。", nil, nil, nil),
    ] as [(String, String?, String?, String?)])
    func fares(sentence: String, start: String?, full: String?, flat: String?) {
        var route = TransitRoute(article: 0, routeID: "0")
        TransitRouteExtractor.readFares(F.scanner(sentence), into: &route)
        #expect(route.startFare?.value.text == start)
        #expect(route.fullFare?.value.text == full)
        #expect(route.flatFare?.value.text == flat)
    }

    @Test(arguments: [
        ("可扫码、投币或者刷卡。", ["扫码", "投币", "刷卡"]),
        ("支持云闪付支付。", ["云闪付"]),
        ("市民可扫码了解线路详情。", []),
    ] as [(String, [String])])
    func payment(sentence: String, methods: [String]) {
        var route = TransitRoute(article: 0, routeID: "0")
        TransitRouteExtractor.readPayment(F.scanner(sentence), into: &route)
        #expect(route.payment.map(\.value) == methods)
    }

    @Test(arguments: [
        ("盈港东路嘉松中路可换乘地铁17号线到达上海市区。", ["地铁17号线"]),
        ("起讫站点甲站——乙站(地铁17号线)。", ["地铁17号线"]),
        ("在终点可换乘K258路前往新埭。", ["K258路"]),
        ("沿线与地铁1号线并行。", []),
    ] as [(String, [String])])
    func transfers(sentence: String, lines: [String]) {
        #expect(TransitRouteExtractor.transfers(in: F.scanner(sentence)) == lines)
    }

    @Test(arguments: [
        ("昨天,省际毗邻公交115路正式开行。", "昨天"),
        ("该线路将于9月1日起开通。", "9月1日"),
        ("线路运行平稳,客流逐步增加。", nil),
    ] as [(String, String?)])
    func openingDay(sentence: String, when: String?) {
        #expect(TransitRouteExtractor.openingDay(in: F.scanner(sentence)) == when)
    }
}
