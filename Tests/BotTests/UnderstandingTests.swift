import Foundation
import Testing
@testable import Bot
import Knowledge

/// What the analyzer makes of questions, on the fixture pages and the shipped intents: language,
/// route mentions (and numbers that are not routes), traditional characters and Chinese numerals,
/// intent ranking, the kind of value asked for, and the entities named.
@Suite struct UnderstandingTests {
    typealias F = BotFixtures

    // MARK: - Language

    @Test(arguments: [
        ("K258路首班车几点", Language.zh),
        ("首班車幾點", .zh),
        ("When is the first bus on route K258?", .en),
        ("What is the hotline of 海盐县老年大学?", .en),      // English wrapping a Chinese name
        ("K258路 bus", .zh),                                 // few English words, Han present
        ("hello", .en),
        ("k258", .zh),                                       // one letter is not English
        ("12345", .zh),
    ])
    func languageDetection(text: String, expected: Language) {
        #expect(LanguageDetector.detect(text) == expected)
        #expect(F.understand(text).language == expected)
    }

    // MARK: - Routes

    struct RouteCase: Sendable, CustomTestStringConvertible {
        var question: String
        /// Expected ids with whether the knowledge base knows them and how they were spotted.
        var routes: [(id: String, known: Bool, via: String)]
        var testDescription: String { question }
    }

    @Test(arguments: [
        RouteCase(question: "K258路首班车几点", routes: [("K258", true, "exact")]),
        RouteCase(question: "k258首班车几点", routes: [("K258", true, "exact")]),
        RouteCase(question: "route K258 first bus", routes: [("K258", true, "exact")]),
        RouteCase(question: "When does bus k258 leave?", routes: [("K258", true, "exact")]),
        RouteCase(question: "Ｋ２５８路末班车几点", routes: [("K258", true, "exact")]),
        RouteCase(question: "K258陆首班车几点", routes: [("K258", true, "homophone")]),
        RouteCase(question: "206公交几点发车", routes: [("206", true, "exact")]),
        RouteCase(question: "二〇六路首班车几点", routes: [("206", true, "exact")]),
        RouteCase(question: "999路几点发车", routes: [("999", false, "exact")]),
        RouteCase(question: "K999路首班车几点", routes: [("K999", false, "exact")]),
        RouteCase(question: "bus 999 fare", routes: [("999", false, "exact")]),
        // K258 only: the 3 of 3元 is a quantity
        RouteCase(question: "K258路有3元的票吗", routes: [("K258", true, "exact")]),
        // never a route
        RouteCase(question: "地铁17号线几点", routes: []),
        RouteCase(question: "206号线几点", routes: []),
        RouteCase(question: "买3个苹果多少钱", routes: []),
        RouteCase(question: "每天206班", routes: []),
        RouteCase(question: "票价206元吗", routes: []),
        RouteCase(question: "3 tickets please", routes: []),
        RouteCase(question: "12345热线", routes: []),
    ])
    func routeSpotting(_ c: RouteCase) {
        let found = F.understand(c.question).routes
        #expect(found.map(\.id) == c.routes.map(\.id))
        #expect(found.map(\.known) == c.routes.map(\.known))
        #expect(found.map(\.via) == c.routes.map(\.via))
    }

    @Test func routeMentionCoversItsMarker() throws {
        let u = F.understand("请问K258路首班车几点")
        let r = try #require(u.routes.first)
        let text = String(String.UnicodeScalarView(u.normalized[r.range]))
        #expect(text.uppercased() == "K258路")
    }

    // MARK: - Script and numerals

    @Test(arguments: [
        ("K258路末班車幾點", "k258路末班车几点"),
        ("二零六路首班車幾點", "206路首班车几点"),
        ("七點半有206路嗎", "7:30有206路吗"),
        ("一一五路票價多少", "115路票价多少"),
        ("海鹽縣老年大學電話", "海盐县老年大学电话"),
    ])
    func traditionalCharactersAndChineseNumerals(question: String, normalized: String) {
        #expect(F.understand(question).normalizedText == normalized)
    }

    @Test func traditionalQuestionIsUnderstoodLikeSimplified() {
        let traditional = F.understand("K258路末班車幾點")
        let simplified = F.understand("K258路末班车几点")
        #expect(traditional.routes.map(\.id) == ["K258"])
        #expect(traditional.topIntent?.name == "transit.last_departure")
        #expect(traditional.topIntent?.name == simplified.topIntent?.name)
        #expect(traditional.answerTypes == simplified.answerTypes)
    }

    // MARK: - Intents

    @Test(arguments: [
        ("K258路首班车几点", "transit.first_departure"),
        ("K258路最后一班几点", "transit.last_departure"),
        ("K258路几点发车", "transit.schedule"),
        ("K258路票价多少钱", "transit.fare"),
        ("K258路怎么付钱", "transit.payment"),
        ("K258路的起点和终点是哪里", "transit.termini"),
        ("K258路一天有几班车", "transit.trips"),
        ("K258路发车间隔多久", "transit.headway"),
        ("K258路途经哪些站点", "transit.stops"),
        ("去长川坝村坐哪路车", "transit.find_route"),
        ("海盐县老年大学的联系电话", "contact.phone"),
        ("海盐县老年大学地址在哪", "place.where"),
        ("新塍镇便民服务中心是谁牵头建设的", "org.host"),
        ("新塍镇便民服务中心提供多少项服务", "service.count"),
        ("复杂事项多久能办完", "service.commitment"),
        ("南湖菱大赛报名截止时间", "event.deadline"),
        ("南湖菱大赛决赛什么时候举行", "event.dates"),
        ("南湖菱大赛一等奖奖金多少", "event.prize"),
        ("谁可以参加南湖菱大赛", "event.eligibility"),
        ("南湖菱大赛有哪些组别", "event.groups"),
        ("明天天气怎么样", "weather.conditions"),
        ("明天最低气温多少度", "weather.temperature"),
        ("明天风大吗", "weather.wind"),
        ("你好", "smalltalk.greeting"),
        ("谢谢", "smalltalk.thanks"),
        ("How much is the fare on route K258?", "transit.fare"),
        ("What's the hotline of 海盐县老年大学?", "contact.phone"),
        ("Where is Haiyan Laonian Daxue?", "place.where"),
        ("Will it be windy tomorrow?", "weather.wind"),
    ])
    func topIntent(question: String, intent: String) throws {
        let u = F.understand(question)
        let top = try #require(u.topIntent)
        #expect(top.name == intent)
        #expect(top.confidence > 0 && top.confidence <= 1)
        #expect(!top.keywords.isEmpty)
        // Ranked best first.
        #expect(zip(u.intents, u.intents.dropFirst()).allSatisfy { $0.score >= $1.score })
    }

    @Test(arguments: ["K258路", "海盐县老年大学", "长川坝村", "the paper"])
    func questionsWithoutAnIntentKeywordScoreNothing(question: String) {
        #expect(F.understand(question).intents.isEmpty)
    }

    @Test func equalEvidenceGivesAtMostHalfConfidence() {
        #expect(IntentMatcher.confidence(score: 1.2, competitor: 1.2) <= 0.5)
        #expect(IntentMatcher.confidence(score: 1.2, competitor: 0) > IntentMatcher.confidence(score: 1.2, competitor: 0.6))
        #expect(IntentMatcher.confidence(score: 2.4, competitor: 0) > IntentMatcher.confidence(score: 1.2, competitor: 0))
        #expect(IntentMatcher.confidence(score: 0, competitor: 0) == 0)
    }

    // MARK: - Answer types

    @Test(arguments: [
        ("K258路首班车几点", AnswerType?.some(.time)),
        ("K258路票价多少钱", .money),
        ("海盐县老年大学在哪里", .place),
        ("海盐县老年大学电话是多少", .phone),              // phone and number cues: phone is more specific
        ("南湖菱大赛什么时候截止", .date),
        ("复杂事项多久能办完", .duration),
        ("新塍镇便民服务中心提供多少项服务", .number),
        ("谁可以参加南湖菱大赛", .person),
        ("How much is the fare on route K258?", .money),
        ("Where is Haiyan Laonian Daxue?", .place),
        ("K258路怎么付钱", nil),
    ])
    func primaryAnswerType(question: String, expected: AnswerType?) {
        #expect(AnswerType.primary(of: F.understand(question).answerTypes) == expected)
    }

    // MARK: - Entities

    struct EntityCase: Sendable, CustomTestStringConvertible {
        var question: String
        var entity: String
        var kind: EntityMatchKind
        var testDescription: String { question }
    }

    @Test(arguments: [
        // the full name
        EntityCase(question: "海盐县老年大学电话是多少", entity: "海盐县老年大学", kind: .exact),
        EntityCase(question: "秀洲区新塍镇便民服务中心在哪里", entity: "秀洲区新塍镇便民服务中心", kind: .exact),
        // short forms the page uses or the dictionary derives
        EntityCase(question: "老年大学电话", entity: "海盐县老年大学", kind: .exact),
        EntityCase(question: "新塍镇便民服务中心在哪里", entity: "秀洲区新塍镇便民服务中心", kind: .exact),
        EntityCase(question: "南湖菱大赛什么时候截止", entity: "第二届南湖菱乡村创意设计大赛", kind: .exact),
        // most of a name
        EntityCase(question: "新塍镇便民中心在哪", entity: "秀洲区新塍镇便民服务中心", kind: .partial),
        EntityCase(question: "乡村创意设计大赛截止时间", entity: "第二届南湖菱乡村创意设计大赛", kind: .partial),
    ])
    func entityMatches(_ c: EntityCase) throws {
        let u = F.understand(c.question)
        let match = try #require(u.entities.first { F.engine.kb.entities.entities[$0.entity].name == c.entity },
                                 "no \(c.entity) among \(u.entities.map(\.name))")
        #expect(match.kind == c.kind)
        if c.kind == .exact { #expect(match.coverage == 1) } else { #expect(match.coverage >= 0.6 && match.coverage < 1) }
    }

    @Test(arguments: [
        ("Where is Haiyanxian Laonian Daxue?", "海盐县老年大学"),
        ("Where is the Xincheng Bianmin Fuwu Zhongxin?", "秀洲区新塍镇便民服务中心"),
        ("When is the final of the Nanhuling contest?", "第二届南湖菱乡村创意设计大赛"),
    ])
    func pinyinNamesInEnglishQuestions(question: String, entity: String) {
        let u = F.understand(question)
        #expect(u.language == .en)
        #expect(u.entities.contains { F.engine.kb.entities.entities[$0.entity].name == entity })
        #expect(u.unknownWords.isEmpty)   // every word is glossed or read as pinyin
    }

    @Test(arguments: ["嘉兴市第一医院电话是多少", "中国的首都是哪里", "What is the capital of France?", "K258路", "今天天气怎么样"])
    func questionsNamingNoOrganisationMatchNoFactEntity(question: String) {
        let kinds = F.understand(question).entities.map { F.engine.kb.entities.entities[$0.entity].kind }
        #expect(!kinds.contains { [.contact, .service, .event].contains($0) })
    }

    @Test func unknownEnglishWordsAreRecorded() {
        let u = F.understand("What is the capital of France?")
        #expect(u.unknownWords.contains("france") || u.unknownWords.contains("capital"))
    }

    /// A homophone typo in a name is corrected (`保帐` → `保障`), but the measure word after a
    /// number (`补一张`, whose `张市` the pages never print) is never rewritten into a name.
    @Test func measureWordsAfterNumbersAreNotTypos() throws {
        let corpus = TemporaryDirectory()
        try F.write([("guide.txt", """
            嘉兴市社会保障市民卡服务中心补卡指南
            发布日期：2025-03-01

            一、补卡
            补卡工本费20元，在嘉兴市社会保障市民卡服务中心窗口办理。
            """)], to: corpus.path)
        let service = try BotService(corpusDirectory: corpus.path, intentsDirectory: F.intentsDirectory, logger: .silent)
        let measure = service.engine.analyzer.analyze("补一张市民卡多少钱")
        #expect(measure.corrections.isEmpty, "\(measure.corrections.map { $0.from + "→" + $0.to })")
        let typo = service.engine.analyzer.analyze("社会保帐市民卡服务中心在哪")
        #expect(typo.corrections.map { $0.from + "→" + $0.to } == ["保帐→保障"])
    }

    /// An ordinary word is not a typo because it sounds like the end of a name: `封路` stays
    /// although the page prints only `封道` and a terminus `三丰路` (a correction must begin a
    /// name or join a neighbour into a piece of one).
    @Test func wordsSoundingLikeTheEndOfANameAreNotTypos() throws {
        let corpus = TemporaryDirectory()
        try F.write([("notice.txt", """
            关于三丰路封道施工期间公交临时调整的通告
            发布日期：2025-05-20

            一、80路（三丰路—嘉兴火车站）
            因三丰路封道施工，自2025年5月28日起，80路临时绕行。
            """)], to: corpus.path)
        let service = try BotService(corpusDirectory: corpus.path, intentsDirectory: F.intentsDirectory, logger: .silent)
        let u = service.engine.analyzer.analyze("哪天开始封路")
        #expect(u.corrections.isEmpty, "\(u.corrections.map { $0.from + "→" + $0.to })")
        #expect(u.normalizedText.contains("封路"))
    }
}
