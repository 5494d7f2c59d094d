import Foundation
import Testing
@testable import Knowledge

@Suite struct TransitRouteExtractorTests {
    typealias F = PracticalFactsFixtures

    private static func t(_ h: Int, _ m: Int) -> ClockTime { ClockTime(hour: h, minute: m) }

    // MARK: - Bundled corpus

    @Test func corpusHasExactlyRoute115() throws {
        let kb = F.corpus
        #expect(kb.facts.routes.map(\.routeID) == ["115"])   // nothing from 一路泵送管道, 紫六路…
        let r = try #require(kb.facts.routes.first)
        #expect(kb.articles[r.article].headline.contains("省际毗邻公交"))
        #expect(r.name?.value == "115路")
        #expect(r.kind?.value == "省际毗邻公交")
        #expect(r.termini.map(\.value) == ["嘉善客运中心", "青浦盈港东路嘉松中路"])
        #expect(r.startFare?.value.value == 2 && r.startFare?.value.unit == "元")
        #expect(r.fullFare?.value.text == "6元")
        #expect(r.flatFare == nil)
        #expect(r.payment.map(\.value) == ["扫码", "投币", "刷卡"])
        #expect(r.tripsPerDay?.value == 8)
        #expect(r.headway?.value == MinuteRange(min: 110, max: 190))
        #expect(r.transfers.map(\.value) == ["地铁17号线"])
        #expect(r.walking.map(\.value) == ["步行50米直达奥特莱斯广场"])
        #expect(r.stops.map(\.value).contains("奥特莱斯广场"))
        #expect(r.opened?.value == "昨天")
    }

    @Test func corpusSchedulesResolveShortFormsToTermini() throws {
        let kb = F.corpus
        let r = try #require(kb.facts.routes(withID: "115").first)
        #expect(r.schedules.count == 2)
        let jiashan = try #require(r.schedules.first { $0.terminus == "嘉善" })
        #expect(r.terminus(of: jiashan)?.value == "嘉善客运中心")
        #expect(jiashan.first?.value == Self.t(7, 30) && jiashan.last?.value == Self.t(14, 30))
        let qingpu = try #require(r.schedules.first { $0.terminus == "青浦" })   // printed `首末末班`
        #expect(r.terminus(of: qingpu)?.value == "青浦盈港东路嘉松中路")
        #expect(qingpu.first?.value == Self.t(10, 0) && qingpu.last?.value == Self.t(17, 0))
        #expect(F.sentenceText(kb, try #require(qingpu.first).sentence).contains("首末末班"))
    }

    @Test func corpusValuesCiteTheirSentences() throws {
        let kb = F.corpus
        let r = try #require(kb.facts.routes.first)
        #expect(F.sentenceText(kb, try #require(r.fullFare).sentence).contains("全程6元"))
        #expect(F.sentenceText(kb, r.termini[0].sentence).contains("起讫站点"))
        #expect(F.sentenceText(kb, try #require(r.headway).sentence).contains("间隔"))
        #expect(kb.sentences[r.termini[0].sentence].article == r.article)
    }

    // MARK: - Fixture pages

    static let cityRuralPage = """
    城乡公交K258路开通
    平湖城区到新埭半小时直达

    ■全媒体记者 沈一鸣

    本报讯 昨天上午,我市新开通的城乡公交K258路投入运营。该线路从平湖客运中心开往新埭镇泖口村,途经当湖街道、钟埭街道、新埭镇区等12个站点。

    K258路首班车6:00,末班车18:30,发车间隔30分钟,票价2元,市民可使用市民卡、支付宝或微信乘车码支付。

    “以前去城里要转两趟车,现在一路直达,方便多了。”家住泖口村的村民老陆说。
    """

    @Test func cityRuralRoute() throws {
        let kb = F.build(Self.cityRuralPage)
        #expect(kb.facts.routes.count == 1)
        let r = try #require(kb.facts.routes(withID: "K258").first)
        #expect(r.name?.value == "K258路")
        #expect(r.kind?.value == "城乡公交")
        #expect(r.termini.map(\.value) == ["平湖客运中心", "新埭镇泖口村"])
        #expect(r.stops.map(\.value) == ["当湖街道", "钟埭街道", "新埭镇区"])
        #expect(r.flatFare?.value.text == "2元" && r.startFare == nil && r.fullFare == nil)
        #expect(r.payment.map(\.value) == ["市民卡", "支付宝", "微信", "乘车码"])
        #expect(r.schedules.count == 1)
        let s = try #require(r.schedules.first)
        #expect(s.terminus == "" && s.terminusIndex == nil)   // the page does not say which end
        #expect(s.first?.value == Self.t(6, 0) && s.last?.value == Self.t(18, 30))
        #expect(r.headway?.value == MinuteRange(min: 30, max: 30))
        #expect(r.tripsPerDay == nil)                         // `转两趟车` is not a daily count
        #expect(r.opened?.value == "昨天上午")
    }

    static let traditionalPage = """
    二一二路公交夏季時刻表出爐

    ■全媒體記者 錢曉峰

    本報訊 昨天,記者從縣公交公司獲悉,二一二路公交線路往返於西塘古鎮和姚莊客運站之間。西塘古鎮首班車早上七點半發出,末班車晚上六點半;姚莊客運站首班車早上八點,末班車晚上七點。該線路實行一票制,票價一元,每天十六個班次。
    """

    @Test func traditionalCharactersAndChineseNumerals() throws {
        let kb = F.build(Self.traditionalPage)
        let r = try #require(kb.facts.routes(withID: "212").first)
        #expect(r.name?.value == "二一二路")
        #expect(r.termini.map(\.value) == ["西塘古鎮", "姚莊客運站"])   // as printed
        #expect(r.flatFare?.value.value == 1 && r.flatFare?.value.text == "一元")
        #expect(r.tripsPerDay?.value == 16)
        let xitang = try #require(r.schedules.first { $0.terminusIndex == 0 })
        #expect(xitang.first?.value == Self.t(7, 30) && xitang.last?.value == Self.t(18, 30))
        let yaozhuang = try #require(r.schedules.first { $0.terminusIndex == 1 })
        #expect(yaozhuang.first?.value == Self.t(8, 0) && yaozhuang.last?.value == Self.t(19, 0))
        #expect(r.opened == nil)   // a timetable change, not an opening
    }

    static let customPage = """
    定制公交嘉善1路9月1日起开通
    通勤族出行多了新选择

    ■全媒体记者 周 奕

    本报讯 记者从县交通运输局获悉,定制公交嘉善1路将于9月1日起开通。线路起点为嘉善高铁南站,终点为西塘古镇游客中心,沿途停靠罗星街道站、大云镇站。嘉善高铁南站发车时间为6:30—17:30,西塘古镇游客中心首班7:10、末班18:10,每20分钟一班,日均发车12班。该线路2元一票制,支持交通联合卡、数字人民币支付。
    """

    @Test func placePrefixedRouteWithSpanAndSplitTimetables() throws {
        let kb = F.build(Self.customPage)
        let r = try #require(kb.facts.routes(withID: "1").first)
        #expect(r.name?.value == "嘉善1路")
        #expect(r.kind?.value == "定制公交")
        #expect(r.termini.map(\.value) == ["嘉善高铁南站", "西塘古镇游客中心"])
        #expect(r.stops.map(\.value) == ["罗星街道站", "大云镇站"])
        let south = try #require(r.schedules.first { $0.terminusIndex == 0 })
        #expect(south.first?.value == Self.t(6, 30) && south.last?.value == Self.t(17, 30))
        let town = try #require(r.schedules.first { $0.terminusIndex == 1 })
        #expect(town.first?.value == Self.t(7, 10) && town.last?.value == Self.t(18, 10))
        #expect(r.headway?.value == MinuteRange(min: 20, max: 20))
        #expect(r.tripsPerDay?.value == 12)
        #expect(r.flatFare?.value.text == "2元")
        #expect(r.payment.map(\.value) == ["交通联合卡", "数字人民币"])
        #expect(r.opened?.value == "9月1日")
    }

    @Test func sentenceNamingTwoRoutesIsNotAttributed() throws {
        let kb = F.build("""
        两条跨省公交同日开通

        ■全媒体记者 吴 越

        本报讯 昨天,K301路和K302路两条公交线路同时开通,票价均为2元。K301路起讫站点王江泾客运站——盛泽客运中心,票价3元。K302路起讫站点油车港镇——陶庄镇,每天10个班次。
        """)
        #expect(kb.facts.routes.map(\.routeID).sorted() == ["K301", "K302"])
        let a = try #require(kb.facts.routes(withID: "K301").first)
        #expect(a.termini.map(\.value) == ["王江泾客运站", "盛泽客运中心"])
        #expect(a.flatFare?.value.text == "3元")              // not the shared 2元 of the first sentence
        #expect(a.opened == nil)
        let b = try #require(kb.facts.routes(withID: "K302").first)
        #expect(b.termini.map(\.value) == ["油车港镇", "陶庄镇"])
        #expect(b.flatFare == nil && b.tripsPerDay?.value == 10)
    }

    // MARK: - Negative pages

    @Test(arguments: [
        // idioms, road names, metro lines and a count of ways: no route
        """
        地铁1号线嘉兴段建设提速

        ■全媒体记者 褚晨

        本报讯 昨天,记者从市轨道交通集团获悉,一路走来,1号线项目已累计完成投资12345678元,沿线公交站点将同步调整。项目编号20230815,施工人员兵分三路,在紫六路宽5米的路段上连夜作业,3路口改造同步推进。
        """,
        // a route only mentioned, not described
        """
        古镇赏秋正当时

        ■全媒体记者 陆 琴

        本报讯 金秋时节,西塘古镇游人如织。游客乘坐115路公交即可到达景区,沿途风景如画。景区负责人介绍,今年国庆假期共接待游客30万人次。
        """,
        // route-like details without any transit context
        """
        文化礼堂新添书香角

        ■全媒体记者 许 诺

        本报讯 近日,沿着村里的幸福3路一路向前,就能看到新落成的文化礼堂,门票2元,每天开放8小时。
        """,
    ])
    func pagesWithoutARoute(page: String) {
        #expect(F.build(page).facts.routes.isEmpty)
    }
}
