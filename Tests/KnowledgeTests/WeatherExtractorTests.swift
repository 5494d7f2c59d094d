import Foundation
import Testing
@testable import Knowledge

@Suite struct WeatherExtractorTests {
    typealias F = PracticalFactsFixtures

    private static func day(_ f: WeatherForecast, _ d: DayForecast.Day) -> DayForecast? { f.days.first { $0.day == d } }

    // MARK: - Bundled corpus

    @Test func corpusWeatherBox() throws {
        let kb = F.corpus
        #expect(kb.facts.forecasts.count == 1)
        let f = try #require(kb.facts.forecasts.first)
        #expect(kb.articles[f.article].kind == .weather)
        let today = try #require(Self.day(f, .today))
        #expect(today.conditions?.value == "多云,午后部分地区阴有阵雨或雷雨")
        #expect(today.high?.value == TemperatureRange(min: 35, max: 36))
        #expect(today.wind == nil && today.low == nil)
        let tomorrow = try #require(Self.day(f, .tomorrow))
        #expect(tomorrow.conditions?.value == "晴到多云")
        #expect(tomorrow.wind?.value == "偏南风3到4级")        // same sentence as tomorrow's sky
        #expect(tomorrow.low?.value == TemperatureRange(min: 27, max: 27))
        #expect(tomorrow.high == nil)
        #expect(F.sentenceText(kb, try #require(tomorrow.wind).sentence).hasPrefix("明天晴到多云"))
    }

    // MARK: - Fixture pages

    static let boxPage = """
    秋收进入冲刺阶段

    ■全媒体记者 朱丽

    本报讯 眼下正是晚稻收割的关键时期,昨天,记者在新丰镇看到,收割机来回穿梭,一派繁忙景象。

    明天阴有小雨,东北风4-5级,气温18-24℃。后天多云到晴,最高气温26℃。
    """

    @Test func forecastBoxWithSpanAndDayAfter() throws {
        let kb = F.build(Self.boxPage)
        #expect(kb.facts.forecasts.count == 1)
        let f = try #require(kb.facts.forecasts.first)
        #expect(Self.day(f, .today) == nil)
        let tomorrow = try #require(Self.day(f, .tomorrow))
        #expect(tomorrow.conditions?.value == "阴有小雨")
        #expect(tomorrow.wind?.value == "东北风4-5级")
        #expect(tomorrow.low?.value == TemperatureRange(min: 18, max: 18))
        #expect(tomorrow.high?.value == TemperatureRange(min: 24, max: 24))
        let after = try #require(Self.day(f, .dayAfterTomorrow))
        #expect(after.conditions?.value == "多云到晴")
        #expect(after.high?.value == TemperatureRange(min: 26, max: 26))
        #expect(f.days.map(\.day) == [.tomorrow, .dayAfterTomorrow])
    }

    @Test func forecastCitedInAStory() throws {
        let kb = F.build("""
        冷空气来袭 注意添衣保暖

        ■全媒体记者 冯 雪

        本报讯 据市气象台预报,今天夜里到明天白天多云转阴,最低气温零下2℃,西北风5到6级。气象专家提醒,市民出行要注意防寒保暖,老人和儿童尽量减少户外活动,驾车出行要注意路面结冰,农户要及时做好大棚加固工作,提前覆盖保温材料,防止蔬菜受冻,养殖户要做好畜禽舍保温,及时储备饲料,确保安全越冬。记者了解到,相关部门也将加强巡查,提前排查供水管道、电力线路等设施隐患,安排人员24小时值守,及时处置各类突发情况,全力保障群众生产生活平稳有序。各地还将开放避寒场所,为有需要的群众提供临时帮助。社区工作人员表示,将逐户走访独居老人和困难家庭,送去棉被、取暖器等物资,确保他们温暖过冬。交通部门也已备足融雪剂和防滑材料,一旦出现道路结冰,将第一时间组织力量清除,保障道路安全畅通。
        """)
        let f = try #require(kb.facts.forecasts.first)
        #expect(kb.articles[f.article].kind == .story)
        let tonight = try #require(Self.day(f, .tonight))
        #expect(tonight.conditions?.value == "多云转阴")
        #expect(tonight.low?.value == TemperatureRange(min: -2, max: -2))
        #expect(tonight.wind?.value == "西北风5到6级")
        #expect(Self.day(f, .tomorrow) == nil)
    }

    @Test func storyWithoutAForecastCueHasNoForecast() {
        let kb = F.build("""
        桂花飘香引客来

        ■全媒体记者 邱 月

        本报讯 今天天气晴好,最高气温25℃,满城桂花飘香,不少市民带着家人来到南湖边赏花拍照。“每年这个时候都要来看看,今年的花开得特别好。”市民王女士说。据景区工作人员介绍,景区今年新增了多处观景平台和休憩座椅,还推出了桂花主题文创产品,吸引了不少年轻游客前来打卡,周末单日客流已超过两万人次。为做好游客服务,景区增派了志愿者在主要路口引导,并在入口处设置了临时停车区和休息区,提供免费饮用水和应急药品,景区将继续做好游客疏导和安全保障工作。附近不少商户也抓住商机,推出了桂花糕、桂花酒酿等特色小吃,生意十分红火,有的店铺一天能卖出上千份,带动了周边餐饮和住宿消费。景区负责人表示,接下来还将举办桂花摄影大赛、桂花诗会等系列活动,进一步丰富游客体验,让更多人感受秋日南湖的独特魅力。
        """)
        #expect(kb.facts.forecasts.isEmpty)
    }

    // MARK: - Patterns

    @Test(arguments: [
        ("偏南风3到4级", "偏南风3到4级"),
        ("东北风4-5级,阵风7级", "东北风4-5级"),
        ("风力3~4级", "风力3~4级"),
        ("受台风影响,雨量较大", nil),
        ("东风渐起", nil),
    ] as [(String, String?)])
    func wind(phrase: String, expected: String?) {
        let sc = F.scanner(phrase)
        #expect(WeatherExtractor.wind(sc, in: 0..<sc.count)?.value == expected)
    }

    @Test(arguments: [
        ("今天白天最高气温35℃到36℃", TemperatureRange(min: 35, max: 36), nil),
        ("明天早晨最低气温27℃", nil, TemperatureRange(min: 27, max: 27)),
        ("气温22-30℃", TemperatureRange(min: 30, max: 30), TemperatureRange(min: 22, max: 22)),
        ("最低温度零下3℃", nil, TemperatureRange(min: -3, max: -3)),
        ("最高温度28度", TemperatureRange(min: 28, max: 28), nil),
        ("气温适宜,体感舒适", nil, nil),
        ("最高气温将达到30", nil, nil),
    ] as [(String, TemperatureRange?, TemperatureRange?)])
    func temperatures(phrase: String, high: TemperatureRange?, low: TemperatureRange?) {
        let sc = F.scanner(phrase)
        let t = WeatherExtractor.temperatures(sc, in: 0..<sc.count)
        #expect(t?.high == high)
        #expect(t?.low == low)
    }

    @Test func mixedDaysInOneSentence() throws {
        let kb = F.build(Self.boxPage.replacingOccurrences(of: "明天阴有小雨,东北风4-5级,气温18-24℃。后天多云到晴,最高气温26℃。",
                                                           with: "今天阴有小雨,夜里转多云,明天晴,东南风3级。"))
        let f = try #require(kb.facts.forecasts.first)
        #expect(Self.day(f, .today)?.conditions?.value == "阴有小雨")
        #expect(Self.day(f, .tonight)?.conditions?.value == "转多云")
        #expect(Self.day(f, .tomorrow)?.conditions?.value == "晴")
        #expect(Self.day(f, .tomorrow)?.wind?.value == "东南风3级")
        #expect(Self.day(f, .today)?.wind == nil)
    }
}
