import Foundation
import Testing
@testable import Bot
import Knowledge

/// Answers from the fields added to routes and service halls (concessions, opening hours, hall
/// phones, what a hall's windows offer), and the rules that keep an answer on the subject asked:
/// a question naming no route is asked back, a question made only of keywords and slots never
/// gets a retrieved clause, a round's venue is not the launch venue. A third fixture page is
/// added to the shared two, so several routes and several forecasts exist.
@Suite struct FactFieldAnswersTests {
    static let tongxiangFile = "2024-05-20_桐乡版.txt"
    /// A page in the paper's style: a route with concessions, a hall with hours, a hotline and a
    /// window for foreigners, and a forecast box (a second place with a forecast).
    static let tongxiangPage = """
    桐乡版

    城乡公交K615路下周一开通 梧桐街道到石门镇直达

    ■全媒体记者 沈 越

    本报讯 记者从市交通运输局获悉,城乡公交K615路将于下周一开通。该线路起讫站点桐乡汽车西站——石门镇客运站,全程票价4元。70周岁以上老年人凭敬老卡免费乘坐,学生凭学生卡享受半价优惠。桐乡汽车西站首末班时间为6:05、18:10,石门镇客运站首末班时间为6:40、18:45。

    凤鸣街道便民服务大厅焕新启用

    ■通讯员 朱 琳

    本报讯 昨天,桐乡市凤鸣街道便民服务大厅焕新启用。大厅由凤鸣街道办事处牵头建设,位于庆丰南路58号,可办理132项事项。大厅还开设外籍人士服务专窗,提供英语、日语咨询服务。据介绍,大厅工作日开放时间为上午8:30至17:00,每周六上午9:00至12:00提供延时服务。咨询电话:0573-88776655。

    今天多云转阵雨,南风2到3级,最高气温27℃。明天阴转小雨,明天早晨最低气温19℃。
    """

    static let service: BotService = {
        let dir = TemporaryDirectory()
        do {
            try BotFixtures.write(BotFixtures.pages + [(tongxiangFile, tongxiangPage)], to: dir.path)
            return try BotService(corpusDirectory: dir.path, intentsDirectory: BotFixtures.intentsDirectory, logger: .silent,
                                  sessions: SessionStore())
        } catch {
            fatalError("cannot build the fixture bot: \(error)")
        }
    }()

    static func ask(_ text: String, session: String? = nil) -> Reply {
        service.answer(Request(id: nil, text: text, session: session ?? "f-" + UUID().uuidString), defaultSession: "default")
    }

    /// How the engine answered `text` (fact, clarify, decline…), with no dialogue state.
    static func outcome(_ text: String) -> Answer.Outcome { service.engine.respond(to: text, state: nil).1.outcome }

    /// The sentences an answer cites.
    static func cited(_ r: Reply) -> [String] { r.sources.map(\.sentence) }

    // MARK: - Concessions

    @Test("concession questions get the route's concessions", arguments: [
        "K615路老年人免费吗", "我妈75岁了,坐K615要钱吗", "K615路学生票多少钱", "Is route K615 free for seniors?",
    ])
    func concessions(_ q: String) throws {
        let r = Self.ask(q)
        #expect(Self.outcome(q) == .fact, "\(q) → \(r.answer)")
        #expect(r.answer.contains("敬老卡免费乘坐") || r.answer.contains("半价"), "\(q) → \(r.answer)")
        #expect(Self.cited(r).contains { $0.contains("敬老卡") })
    }

    @Test func aRouteWithoutConcessionsIsNotAnsweredWithItsFare() {
        let r = Self.ask("206路老年人免费吗")
        #expect(!r.answer.contains("2元"), "\(r.answer)")
        #expect(!r.answer.contains("敬老卡"), "\(r.answer)")     // never another route's concession
    }

    // MARK: - Service halls

    @Test func hoursForTheDayAsked() {
        let saturday = Self.ask("凤鸣街道便民服务大厅周六开门吗")
        #expect(saturday.answer.contains("9:00至12:00"), "\(saturday.answer)")
        #expect(!saturday.answer.contains("8:30"), "\(saturday.answer)")
        let all = Self.ask("凤鸣街道便民服务大厅开放时间")
        #expect(all.answer.contains("8:30至17:00") && all.answer.contains("9:00至12:00"), "\(all.answer)")
    }

    @Test func hallPhone() {
        let r = Self.ask("凤鸣街道便民服务大厅电话是多少")
        #expect(r.answer.contains("0573-88776655"), "\(r.answer)")
        #expect(Self.cited(r).contains { $0.contains("0573-88776655") })
    }

    @Test func whatAHallsWindowOffers() {
        let r = Self.ask("凤鸣街道便民服务大厅外籍人士服务专窗提供什么服务")
        #expect(r.answer.contains("英语、日语咨询"), "\(r.answer)")
        let en = Self.ask("Which languages does the foreigners' window at the Fengming street service hall offer?")
        #expect(en.answer.contains("英语") && en.answer.contains("日语"), "\(en.answer)")
    }

    // MARK: - Staying on the subject

    @Test("a route question naming no route is asked back, listing the routes", arguments: [
        "末班车几点", "首末班时间是几点", "公交票价多少钱", "What is the bus fare?", "What time is the first bus?",
    ])
    func routeQuestionWithoutARoute(_ q: String) {
        let r = Self.ask(q)
        #expect(Self.outcome(q) == .clarify, "\(q) → \(r.answer)")
        for id in ["206", "K258", "K615"] { #expect(r.answer.contains(id), "\(q) → \(r.answer)") }
    }

    @Test func unrelatedQuestionsWithABusKeywordAreNotAskedWhichRoute() {
        for q in ["What is the stock price of Apple?", "苹果股票价格多少"] {
            let r = Self.ask(q)
            #expect(r.fallback && Self.outcome(q) == .decline, "\(q) → \(r.answer)")
        }
    }

    @Test func aQuestionOfOnlyKeywordsAndSlotsGetsNoRetrievedClause() {
        // Two places print forecasts and none is named: ask which, never quote some other story
        // that happens to say 下午.
        let r = Self.ask("今天下午会不会下雨")
        let o = Self.outcome("今天下午会不会下雨")
        #expect(o == .clarify || o == .decline, "\(r.answer)")
        #expect(r.sources.isEmpty, "\(r.answer)")
    }

    @Test func aNotAQuestionsAreAnswered() {
        let r = Self.ask("海盐今天会不会下雨")
        #expect(Self.outcome("海盐今天会不会下雨") == .fact, "\(r.answer)")
        #expect(r.answer.contains("小雨"), "\(r.answer)")
    }

    @Test func englishFollowUpStaysOnTheRoute() {
        let s = "f-" + UUID().uuidString
        _ = Self.ask("What is the fare of route K258?", session: s)
        let r = Self.ask("and the last one?", session: s)
        #expect(r.answer.contains("17:45") && r.answer.contains("18:20"), "\(r.answer)")
        #expect(!r.answer.contains("206"), "\(r.answer)")
    }

    @Test func polyphonicNamesInPinyin() {
        // 长 reads chang in names: Changchuanba is 长川坝村, an end of K258.
        let r = Self.ask("When is the last bus from Changchuanba on route K258?")
        #expect(r.answer.contains("18:20"), "\(r.answer)")
        #expect(!r.answer.contains("17:45"), "\(r.answer)")
    }

    // MARK: - Prizes and rounds

    @Test func prizeAmountsForTheRankAsked() {
        let r = Self.ask("南湖菱大赛一等奖奖金多少")
        #expect(r.answer.contains("1万元") && r.answer.contains("3万元"), "\(r.answer)")
        #expect(!r.answer.contains("学生组学生组"), "\(r.answer)")
        let top = Self.ask("南湖菱大赛最高奖金多少")
        #expect(top.answer.contains("3万元") && !top.answer.contains("1万元"), "\(top.answer)")
    }

    @Test func aRoundsVenueIsNotTheLaunchVenue() {
        let r = Self.ask("南湖菱大赛决赛在哪里举行")
        #expect(r.answer.contains("新塍镇"), "\(r.answer)")
    }

    @Test func weatherVerbsAreUnderstood() {
        let r = Self.ask("海盐今天刮什么风")
        #expect(r.answer.contains("东北风3到4级"), "\(r.answer)")
    }

    // MARK: - Declines

    @Test func englishDeclinesQuoteTheQuestionsWords() {
        let r = Self.ask("What is the capital of France?")
        #expect(r.fallback)
        #expect(r.answer.contains("France"), "\(r.answer)")
        #expect(!r.answer.unicodeScalars.contains { ScalarClass.isHan($0) }, "\(r.answer)")
    }
}
