import Foundation
import Testing
@testable import Bot
import Knowledge

/// End to end through `BotService.answer` on the fixture pages: every fact kind answered with the
/// printed value and cited; English answered in English with Chinese names kept; questions the
/// pages do not answer declined, naming what was missing and offering suggestions; a question
/// that names no route, when several exist, asked back — never answered about another route.
@Suite struct AnsweringTests {
    typealias F = BotFixtures

    /// A question the pages answer.
    struct FactCase: Sendable, CustomTestStringConvertible {
        var question: String
        var intent: String
        /// Substrings the answer must contain.
        var contains: [String]
        /// Substrings it must not contain (the other terminus, group, label…).
        var excludes: [String] = []
        /// A substring of a cited sentence: the value as the page prints it.
        var printed: String
        var file: String
        var testDescription: String { question }
    }

    static let haiyan = BotFixtures.haiyanFile
    static let xiuzhou = BotFixtures.xiuzhouFile

    static let chineseFacts: [FactCase] = [
        // route: departures from each terminus, or from the one asked about
        FactCase(question: "K258路首班车几点", intent: "transit.first_departure", contains: ["海盐汽车南站06:15", "长川坝村06:50"],
                 excludes: ["17:45"], printed: "6:15、17:45", file: haiyan),
        FactCase(question: "K258路末班车几点", intent: "transit.last_departure", contains: ["海盐汽车南站17:45", "长川坝村18:20"],
                 excludes: ["06:15"], printed: "6:50、18:20", file: haiyan),
        FactCase(question: "K258路从长川坝村出发的首班车几点", intent: "transit.first_departure", contains: ["06:50"],
                 excludes: ["06:15", "海盐汽车南站"], printed: "长川坝村首末班时间为6:50", file: haiyan),
        FactCase(question: "从海盐汽车南站回长川坝村的末班车几点", intent: "transit.last_departure", contains: ["17:45"],
                 excludes: ["18:20"], printed: "海盐汽车南站首末班时间为6:15、17:45", file: haiyan),
        FactCase(question: "K258路几点发车", intent: "transit.schedule", contains: ["06:15", "17:45", "06:50", "18:20"],
                 printed: "首末班时间", file: haiyan),
        FactCase(question: "K258路票价多少钱", intent: "transit.fare", contains: ["3元"], printed: "全程票价3元", file: haiyan),
        FactCase(question: "K258路怎么付钱", intent: "transit.payment", contains: ["市民卡", "支付宝", "云闪付"],
                 printed: "市民卡、支付宝或云闪付", file: haiyan),
        FactCase(question: "K258路的起点和终点是哪里", intent: "transit.termini", contains: ["海盐汽车南站", "澉浦镇长川坝村"],
                 printed: "起讫站点海盐汽车南站——澉浦镇长川坝村", file: haiyan),
        FactCase(question: "K258路一天有几班车", intent: "transit.trips", contains: ["24班"], printed: "每天24个班次", file: haiyan),
        FactCase(question: "K258路发车间隔多久", intent: "transit.headway", contains: ["25~40分钟"], printed: "间隔25~40分钟", file: haiyan),
        FactCase(question: "K258路途经哪些站点", intent: "transit.stops", contains: ["武原街道", "秦山街道", "澉浦镇区"],
                 printed: "途经武原街道", file: haiyan),
        FactCase(question: "去秦山街道坐哪路车", intent: "transit.find_route", contains: ["K258路"], excludes: ["206"],
                 printed: "秦山街道", file: haiyan),
        FactCase(question: "206路首班车几点", intent: "transit.first_departure", contains: ["05:50", "06:30"],
                 excludes: ["06:15", "K258"], printed: "5:50、21:00", file: xiuzhou),
        FactCase(question: "206路票价多少", intent: "transit.fare", contains: ["2元"], excludes: ["3元"], printed: "票价2元", file: xiuzhou),
        // contact: address, all phones or the labelled one
        FactCase(question: "海盐县老年大学地址在哪", intent: "place.where", contains: ["海盐县武原街道朝阳东路168号"],
                 printed: "朝阳东路168号", file: haiyan),
        FactCase(question: "老年大学电话", intent: "contact.phone", contains: ["86123456", "86123457"],
                 printed: "86123456(书画班)", file: haiyan),
        FactCase(question: "海盐县老年大学声乐班报名电话是多少", intent: "contact.phone", contains: ["86123457", "声乐班"],
                 excludes: ["86123456"], printed: "86123457(声乐班)", file: haiyan),
        FactCase(question: "老年大学书画班电话", intent: "contact.phone", contains: ["86123456"], excludes: ["86123457"],
                 printed: "86123456(书画班)", file: haiyan),
        // service: location, host, count, commitments by qualifier
        FactCase(question: "新塍镇便民服务中心在哪里", intent: "place.where", contains: ["新塍镇新园路36号"],
                 printed: "位于新塍镇新园路36号", file: xiuzhou),
        FactCase(question: "新塍镇便民服务中心是谁牵头建设的", intent: "org.host", contains: ["新塍镇人民政府"],
                 printed: "由新塍镇人民政府牵头建设", file: xiuzhou),
        FactCase(question: "新塍镇便民服务中心提供多少项服务", intent: "service.count", contains: ["186项"],
                 printed: "可办理186项事项", file: xiuzhou),
        FactCase(question: "新塍镇便民服务中心复杂事项多久办结", intent: "service.commitment", contains: ["复杂事项10个工作日"],
                 excludes: ["3个工作日", "简单"], printed: "复杂事项10个工作日内办结", file: xiuzhou),
        FactCase(question: "简单事项几个工作日办结", intent: "service.commitment", contains: ["简单事项1个工作日"],
                 excludes: ["10个工作日", "3个工作日"], printed: "简单事项1个工作日内办结", file: xiuzhou),
        FactCase(question: "一般事项几个工作日办结", intent: "service.commitment", contains: ["一般事项3个工作日"],
                 excludes: ["10个工作日"], printed: "一般事项3个工作日内办结", file: xiuzhou),
        // event: deadline, rounds, prize per group, eligibility, groups, organiser
        FactCase(question: "南湖菱大赛报名截止时间", intent: "event.deadline", contains: ["10月15日"], excludes: ["11月20日"],
                 printed: "报名截止时间为10月15日", file: xiuzhou),
        FactCase(question: "南湖菱大赛决赛什么时候", intent: "event.dates", contains: ["决赛", "11月20日"], excludes: ["10月28日"],
                 printed: "决赛将于11月20日", file: xiuzhou),
        FactCase(question: "南湖菱大赛初赛是哪天", intent: "event.dates", contains: ["初赛", "10月28日"], excludes: ["11月20日"],
                 printed: "初赛定于10月28日", file: xiuzhou),
        FactCase(question: "南湖菱大赛专业组一等奖奖金多少", intent: "event.prize", contains: ["专业组", "3万元"], excludes: ["1万元"],
                 printed: "专业组一等奖奖金3万元", file: xiuzhou),
        FactCase(question: "南湖菱大赛学生组一等奖奖金多少", intent: "event.prize", contains: ["学生组", "1万元"], excludes: ["3万元"],
                 printed: "学生组一等奖奖金1万元", file: xiuzhou),
        FactCase(question: "南湖菱大赛谁可以参加", intent: "event.eligibility", contains: ["设计从业人员", "年满18周岁"],
                 printed: "面向全国高校在校学生和设计从业人员", file: xiuzhou),
        FactCase(question: "南湖菱大赛有哪些组别", intent: "event.groups", contains: ["学生组", "专业组"],
                 printed: "学生组和专业组", file: xiuzhou),
        FactCase(question: "南湖菱大赛是谁主办的", intent: "org.host", contains: ["秀洲区农业农村局"],
                 printed: "由秀洲区农业农村局主办", file: xiuzhou),
        // weather: the day asked, the field asked, and that it is the printed forecast
        FactCase(question: "今天天气怎么样", intent: "weather.conditions", contains: ["2024-03-15", "阴有小雨", "16℃"],
                 excludes: ["小雨转多云"], printed: "今天阴有小雨", file: haiyan),
        FactCase(question: "明天天气怎么样", intent: "weather.conditions", contains: ["2024-03-15", "小雨转多云", "9℃"],
                 excludes: ["16℃"], printed: "明天小雨转多云", file: haiyan),
        FactCase(question: "明天风大吗", intent: "weather.wind", contains: ["西北风4到5级"], excludes: ["东北风"],
                 printed: "西北风4到5级", file: haiyan),
        FactCase(question: "今天风大吗", intent: "weather.wind", contains: ["东北风3到4级"], excludes: ["西北风"],
                 printed: "东北风3到4级", file: haiyan),
        FactCase(question: "明天最低气温多少度", intent: "weather.temperature", contains: ["最低气温9℃"],
                 printed: "最低气温9℃", file: haiyan),
    ]

    @Test(arguments: chineseFacts)
    func chineseQuestionsAreAnsweredFromTheFacts(_ c: FactCase) {
        let reply = F.ask(c.question)
        Self.checkAnswered(reply, c, language: "zh")
    }

    static let englishFacts: [FactCase] = [
        FactCase(question: "When is the first bus on route K258?", intent: "transit.first_departure",
                 contains: ["海盐汽车南站", "06:15", "长川坝村", "06:50"], printed: "6:15", file: haiyan),
        FactCase(question: "What is the fare of route K258?", intent: "transit.fare", contains: ["3 yuan"],
                 printed: "全程票价3元", file: haiyan),
        FactCase(question: "How much is the fare on route 206?", intent: "transit.fare", contains: ["2 yuan"], excludes: ["3 yuan"],
                 printed: "票价2元", file: xiuzhou),
        FactCase(question: "Where does route K258 go?", intent: "transit.termini",
                 contains: ["海盐汽车南站", "澉浦镇长川坝村"], printed: "起讫站点", file: haiyan),
        FactCase(question: "How do I pay on route K258?", intent: "transit.payment",
                 contains: ["市民卡", "支付宝", "云闪付"], printed: "市民卡、支付宝或云闪付", file: haiyan),
        FactCase(question: "What is the address of 海盐县老年大学?", intent: "place.where",
                 contains: ["海盐县老年大学", "朝阳东路168号"], printed: "朝阳东路168号", file: haiyan),
        FactCase(question: "Where is Haiyan Laonian Daxue?", intent: "place.where",
                 contains: ["海盐县老年大学", "朝阳东路168号"], printed: "朝阳东路168号", file: haiyan),
        FactCase(question: "What's the hotline of 海盐县老年大学?", intent: "contact.phone",
                 contains: ["86123456", "86123457"], printed: "报名热线", file: haiyan),
        FactCase(question: "Where is the Xincheng Bianmin Fuwu Zhongxin?", intent: "place.where",
                 contains: ["秀洲区新塍镇便民服务中心", "新塍镇新园路36号"], printed: "新园路36号", file: xiuzhou),
        FactCase(question: "How quickly does the Xincheng service centre handle complex matters?", intent: "service.commitment",
                 contains: ["复杂事项", "10 working days"], excludes: ["3 working days"], printed: "复杂事项10个工作日内办结", file: xiuzhou),
        FactCase(question: "When is the registration deadline of the Nanhuling contest?", intent: "event.deadline",
                 contains: ["南湖菱", "registration closes", "15 October"], excludes: ["20 November"], printed: "10月15日", file: xiuzhou),
        FactCase(question: "What's the weather tomorrow?", intent: "weather.conditions",
                 contains: ["2024-03-15", "tomorrow", "小雨转多云", "9°C"], printed: "明天小雨转多云", file: haiyan),
        FactCase(question: "Will it be windy tomorrow?", intent: "weather.wind",
                 contains: ["tomorrow", "西北风4到5级"], printed: "西北风4到5级", file: haiyan),
    ]

    @Test(arguments: englishFacts)
    func englishQuestionsAreAnsweredInEnglishKeepingChineseNames(_ c: FactCase) {
        let reply = F.ask(c.question)
        Self.checkAnswered(reply, c, language: "en")
        #expect(!reply.answer.contains("：") && !reply.answer.contains("。"))   // English punctuation, not a Chinese template
        #expect(reply.answer.unicodeScalars.contains { $0.properties.isAlphabetic && $0.isASCII })
    }

    static func checkAnswered(_ reply: Reply, _ c: FactCase, language: String) {
        #expect(!reply.fallback, "declined: \(reply.answer)")
        #expect(reply.intent == c.intent)
        #expect(reply.lang == language)
        for s in c.contains { #expect(reply.answer.contains(s), "missing \(s) in \(reply.answer)") }
        for s in c.excludes { #expect(!reply.answer.contains(s), "unexpected \(s) in \(reply.answer)") }
        #expect(reply.confidence > 0 && reply.confidence <= 1)
        // Cited: the article's headline, its page file and the sentence that prints the value.
        #expect(!reply.sources.isEmpty)
        #expect(reply.sources.allSatisfy { !$0.article.isEmpty && !$0.sentence.isEmpty && F.pages.map(\.file).contains($0.file) })
        #expect(reply.sources.contains { $0.file == c.file && $0.sentence.contains(c.printed) },
                "no source prints \(c.printed): \(reply.sources.map(\.sentence))")
        #expect(reply.suggestions.isEmpty)
    }

    @Test func sourcesNameTheArticleHeadline() throws {
        let reply = F.ask("K258路票价多少钱")
        let source = try #require(reply.sources.first)
        #expect(source.article == "城乡公交K258路明起开通 海盐城区到澉浦半小时直达")
        #expect(source.file == F.haiyanFile)
        #expect(source.sentence == "K258路全程票价3元,乘客可使用市民卡、支付宝或云闪付乘车码支付。")
    }

    // MARK: - Declines

    /// A question the pages do not answer, and the words the decline must name.
    struct DeclineCase: Sendable, CustomTestStringConvertible {
        var question: String
        var names: [String]
        var testDescription: String { question }
    }

    @Test(arguments: [
        // unknown routes: never another route's facts
        DeclineCase(question: "999路几点发车", names: ["999路"]),
        DeclineCase(question: "K999路首班车几点", names: ["K999路"]),
        DeclineCase(question: "k999末班车几点", names: ["K999"]),
        // a known route, asked what its page does not say
        DeclineCase(question: "K258路周末加开班次吗", names: ["周末加开班次"]),
        DeclineCase(question: "K258路有空调吗", names: ["空调"]),
        DeclineCase(question: "K258路老年人免费吗", names: ["老年人免费"]),
        DeclineCase(question: "K258路可以换乘地铁吗", names: ["换乘"]),
        // the other route has these, 206's page does not
        DeclineCase(question: "206路怎么付钱", names: ["206路"]),
        DeclineCase(question: "206路一天几班", names: ["206路"]),
        // unknown organisations, and a known one asked what is not printed
        DeclineCase(question: "海盐县图书馆地址在哪", names: ["海盐县图书馆"]),
        DeclineCase(question: "嘉兴市第一医院电话是多少", names: ["医院"]),
        DeclineCase(question: "海盐县老年大学几点开门", names: ["开门"]),
        DeclineCase(question: "新塍镇便民服务中心电话是多少", names: ["电话"]),
        DeclineCase(question: "南湖菱大赛有什么扶持政策", names: ["扶持政策"]),
        // forecasts for a day or place the page does not print
        DeclineCase(question: "后天天气怎么样", names: ["后天"]),
        DeclineCase(question: "嘉善明天天气怎么样", names: ["嘉善"]),
        // general knowledge and personal requests
        DeclineCase(question: "中国的首都是哪里", names: ["中国"]),
        DeclineCase(question: "帮我订一张去上海的火车票", names: ["火车票"]),
        DeclineCase(question: "我的快递到哪了", names: ["快递"]),
        DeclineCase(question: "帮我查一下我的社保余额", names: ["社保余额"]),
        DeclineCase(question: "给我讲个笑话", names: ["笑话"]),
        DeclineCase(question: "今天股市怎么样", names: ["股市"]),
    ])
    func chineseQuestionsThePagesDoNotAnswerAreDeclined(_ c: DeclineCase) {
        let reply = F.ask(c.question)
        Self.checkDeclined(reply, language: "zh")
        #expect(reply.answer.hasPrefix("抱歉"))
        for n in c.names { #expect(reply.answer.contains(n), "decline does not name \(n): \(reply.answer)") }
    }

    @Test(arguments: [
        DeclineCase(question: "When is the first bus on route 999?", names: ["route 999"]),
        DeclineCase(question: "What is the capital of France?", names: ["France"]),
        DeclineCase(question: "What is the stock price of Apple?", names: []),
        DeclineCase(question: "Who won the World Cup?", names: []),
        DeclineCase(question: "Book me a table for two tonight", names: []),
        DeclineCase(question: "What's the bus fare to Beijing?", names: []),
        DeclineCase(question: "Is route K258 free for seniors?", names: []),
        DeclineCase(question: "Where can I learn calligraphy?", names: []),
    ])
    func englishOutOfScopeQuestionsAreDeclinedInEnglish(_ c: DeclineCase) {
        let reply = F.ask(c.question)
        Self.checkDeclined(reply, language: "en")
        #expect(reply.answer.hasPrefix("Sorry, I have no information about"))
        for n in c.names { #expect(reply.answer.contains(n), "decline does not name \(n): \(reply.answer)") }
    }

    static func checkDeclined(_ reply: Reply, language: String) {
        #expect(reply.fallback, "answered: \(reply.answer)")
        #expect(reply.lang == language)
        #expect(reply.sources.isEmpty)
        #expect(reply.confidence == 0)
        // Never the values of the pages' facts.
        for value in ["06:15", "17:45", "05:50", "3元", "2元", "86123456", "新园路36号", "10月15日"] {
            #expect(!reply.answer.contains(value), "decline carries \(value): \(reply.answer)")
        }
        #expect(!reply.suggestions.isEmpty)
    }

    @Test func declineSuggestionsAreQuestionsTheBotAnswers() throws {
        let reply = F.ask("999路几点发车")
        #expect(reply.suggestions.count >= 2)
        for s in reply.suggestions {
            let r = F.ask(s)
            #expect(!r.fallback, "suggestion \(s) is declined")
            #expect(!r.sources.isEmpty, "suggestion \(s) has no source")
        }
    }

    // MARK: - Several routes, none named

    @Test(arguments: ["公交首班车几点", "公交车票价多少"])
    func aQuestionNamingNoRouteIsAskedBackWithTheRoutes(question: String) {
        let reply = F.ask(question)
        #expect(!reply.fallback)
        #expect(reply.answer.contains("K258路") && reply.answer.contains("206路"), "\(reply.answer)")
        #expect(reply.answer.hasSuffix("？"))
        #expect(reply.sources.isEmpty)
        // No route's values: the bot does not pick one.
        for value in ["06:15", "05:50", "市民卡", "3元", "2元"] { #expect(!reply.answer.contains(value)) }
        #expect(!reply.suggestions.isEmpty)
    }

    /// Only K258 prints how to pay: that is no choice to ask about; the answer names the route.
    @Test(arguments: ["公交车怎么付钱", "How do I pay for the bus?"])
    func theOnlyRouteWithTheAskedFactIsAnsweredByName(question: String) {
        let reply = F.ask(question)
        #expect(!reply.fallback)
        #expect(reply.answer.contains("K258"), "\(reply.answer)")
        #expect(!reply.answer.contains("206"))
        #expect(!reply.sources.isEmpty)
    }

    /// Asked as a follow-up (`那怎么付钱呢`) at the start of a dialogue, the question leans on a
    /// subject there is none of: the one route that prints it is not a guess to make.
    @Test func aFollowUpWithoutASubjectIsNotAnsweredByTheOnlyRoute() {
        let reply = F.ask("那怎么付钱呢")
        #expect(!reply.answer.contains("K258"), "\(reply.answer)")
    }

    @Test func anEnglishQuestionNamingNoRouteIsAskedBackInEnglish() {
        let reply = F.ask("How much is the bus fare?")
        #expect(!reply.fallback)
        #expect(reply.lang == "en")
        #expect(reply.answer.hasPrefix("Which bus route do you mean?"), "\(reply.answer)")
        #expect(reply.answer.contains("route K258") && reply.answer.contains("route 206"))
        for value in ["市民卡", "2 yuan", "3 yuan"] { #expect(!reply.answer.contains(value)) }
    }

    @Test func aKnownRouteNeverGetsAnotherRoutesValues() {
        for (question, foreign) in [("206路怎么付钱", ["市民卡", "支付宝"]), ("206路一天几班", ["24班"]),
                                    ("K258路首班车几点", ["05:50", "06:30"]), ("206路末班车几点", ["17:45", "18:20"])] {
            let reply = F.ask(question)
            for value in foreign { #expect(!reply.answer.contains(value), "\(question) → \(reply.answer)") }
        }
    }

    // MARK: - Small talk

    @Test func greetingListsWhatThePagesHold() {
        let reply = F.ask("你好")
        #expect(!reply.fallback)
        #expect(reply.intent == "smalltalk.greeting")
        #expect(reply.answer.contains("K258路公交"))
        #expect(reply.sources.isEmpty)
    }

    @Test func englishHelpListsWhatThePagesHold() {
        let reply = F.ask("What can you do?")
        #expect(reply.intent == "smalltalk.help")
        #expect(reply.lang == "en")
        #expect(reply.answer.contains("bus route K258"))
        #expect(reply.answer.contains("weather forecast"))
    }

    /// A question asking a kind of value (a count, a phone, a fare) is not answered by a text
    /// that prints none — a numbered heading names where the value would be; a place asked for
    /// is not checked (a venue is named as often as it is addressed).
    @Test(arguments: [
        ("马桥幼儿园今年招几个班", "3. 海宁市马桥幼儿园。", true),
        ("马桥幼儿园今年招几个班", "马桥幼儿园今年招收4个班。", false),
        ("老年大学电话是多少", "海盐县老年大学。", true),
        ("老年大学电话是多少", "海盐县老年大学电话：0573-86120000。", false),
        ("补卡要多少钱", "补卡工本费20元。", false),
        ("颁奖典礼在哪里", "颁奖活动在徐志摩故居举办。", false),
    ])
    func anAnswerMustPrintTheKindOfValueAsked(question: String, text: String, lacks: Bool) {
        let a = Answer(text: text, outcome: .fact, intent: nil, confidence: 1, language: .zh)
        #expect(F.engine.answerer.lacksAskedValue(F.understand(question), a) == lacks)
    }

    /// A question about one year is not answered with a sentence dated to another; the year the
    /// page prints is answered.
    @Test func aFigureOfAnotherYearIsDeclined() throws {
        let corpus = TemporaryDirectory()
        try F.write([("louyu.txt", """
            城南街道楼宇经济服务公告
            发布日期：2025-03-01

            一、发展情况
            2024年，城南街道楼宇税收达到4.69亿元，同比增长31%。
            """)], to: corpus.path)
        let service = try BotService(corpusDirectory: corpus.path, intentsDirectory: F.intentsDirectory, logger: .silent)
        let asked = service.answer(Request(id: nil, text: "城南街道2024年楼宇税收是多少", session: "y1"), defaultSession: "d")
        #expect(!asked.fallback && asked.answer.contains("4.69"), "\(asked.answer)")
        let other = service.answer(Request(id: nil, text: "城南街道2023年楼宇税收是多少", session: "y2"), defaultSession: "d")
        #expect(other.fallback, "\(other.answer)")
        #expect(Answerer.years(in: Array("2023年和2024年，12024年".unicodeScalars)) == [2023, 2024])
    }

    /// A help keyword inside a real question (`借书功能`) is not small talk.
    @Test func aQuestionHoldingAHelpKeywordIsNotSmallTalk() {
        let help = F.ask("你能做什么")
        #expect(help.intent == "smalltalk.help" && !help.fallback)
        #expect(F.ask("市民卡补好以后借书功能还能用吗").answer != help.answer)
    }
}

/// A route the typed facts do not hold but a page prints (`9路停运`, a cross-border line in a
/// list) is answered only from a clause that names it, never from a neighbour's clause.
@Suite struct PrintedRouteTests {
    static let service: BotService = {
        let dir = TemporaryDirectory()
        do {
            try BotFixtures.write([("lines.txt", """
                关于跨省公交线路的说明
                发布日期：2025-03-01   信息来源：禾城交通运输局

                目前与邻省对接的跨省公交线路共有3条：18路（南门—北站）、68路（东站—湖畔公园）、示范区5路（古镇客运站—湖畔公园，全程票价12元）。
                """)], to: dir.path)
            return try BotService(corpusDirectory: dir.path, intentsDirectory: BotFixtures.intentsDirectory, logger: .silent)
        } catch {
            fatalError("cannot build the fixture bot: \(error)")
        }
    }()

    static func ask(_ q: String) -> Reply { service.answer(Request(id: nil, text: q, session: nil), defaultSession: "p") }

    @Test func aPrintedLineIsAnsweredFromItsOwnClause() {
        let r = Self.ask("示范区5路票价多少")
        #expect(r.answer.contains("12元"), "\(r.answer)")
        #expect(r.sources.first?.file == "lines.txt")
        // A notice with header fields and no numbered sections is cited by its own title.
        #expect(r.sources.first?.article == "关于跨省公交线路的说明")
        #expect(r.sources.first?.publisher == "禾城交通运输局")
    }

    @Test func aNeighboursFareIsNotTheLinesFare() {
        let r = Self.ask("68路票价多少")
        #expect(r.fallback, "\(r.answer)")
        #expect(!r.answer.contains("12元"), "\(r.answer)")
    }

    @Test func aLineNumberIsNotTheTailOfAnother() {
        func s(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }
        #expect(Answerer.prints(route: s("8路"), in: s("18路（南门—北站）")) == false)
        #expect(Answerer.prints(route: s("8路"), in: s("k8路")) == false)
        #expect(Answerer.prints(route: s("5路"), in: s("示范区5路（古镇客运站）")))
        let r = Self.ask("8路票价多少")
        #expect(r.fallback, "\(r.answer)")
    }
}
