import Foundation
import Testing
@testable import Bot

private typealias F = BotFixtures

/// Questions back only with real choices, and the dialogue's subject only for follow-ups.
@Suite struct ClarifyAndFocusTests {
    @Test func aBareRouteQuestionListsTheRoutesThatPrintIt() {
        let r = F.ask("首班车几点")
        #expect(r.answer.contains("K258路") && r.answer.contains("206路"), "\(r.answer)")
        #expect(!r.suggestions.isEmpty)
    }

    @Test func theChoicesAreOnlyRoutesWithTheAskedFact() {
        // Only K258 prints a headway: no question back listing 206.
        let r = F.ask("发车间隔多久")
        #expect(!r.answer.contains("206路"), "\(r.answer)")
    }

    @Test func aQuestionWithItsOwnSubjectIsNotAskedWhichRoute() {
        for q in ["老年大学报名要多少钱", "设计大赛报名费多少钱"] {
            let r = F.ask(q)
            #expect(!r.answer.contains("哪一路"), "\(q) → \(r.answer)")
        }
    }

    /// A road's story that also names a bus line: a question about the road's cost is the
    /// story's, not a fare question to ask back about (the line is on the page, the cost is not
    /// one of its facts).
    @Test func aLineOfARoutesPageThatIsNoRouteFactIsNotAskedBack() throws {
        let dir = TemporaryDirectory()
        try F.write(F.pages + [("2024-03-20_南湖版.txt", """
            南湖版

            JIAXING DAILY

            禾城大道昨日建成通车

            本报讯 禾城大道昨天上午正式建成通车。这条公路全长约20公里，总投资约9亿元，串起沿线6个镇街。

            通车当天，城乡公交K801路同步开通，沿禾城大道运行，全程票价2元，首班车6:00发车。
            """)], to: dir.path)
        let service = try BotService(corpusDirectory: dir.path, intentsDirectory: F.intentsDirectory, logger: .silent)
        #expect(service.engine.kb.facts.routes.contains { $0.routeID == "K801" })
        let r = service.answer(Request(id: nil, text: "禾城大道一共投资了多少钱", session: "road"), defaultSession: "d").answer
        #expect(!r.contains("哪一路") && r.contains("9亿元"), "\(r)")
    }

    /// A question naming both ends of one route and no number is about that route (K88路
    /// 北港—西湾): its fare is the answer, not a question back listing every route.
    @Test func bothEndsOfARouteNameTheRoute() throws {
        let dir = TemporaryDirectory()
        try F.write(F.pages + [("bus_k88.txt", """
            关于开通K88路北港—西湾城际公交的通告
            发布日期：2030-04-01
            信息来源：禾城公交有限公司

            一、运营时间
            北港首班7:00，末班17:00。
            两端发车间隔均约45分钟，每天双向共24班。

            二、票价
            全程票价4元。
            """)], to: dir.path)
        let service = try BotService(corpusDirectory: dir.path, intentsDirectory: F.intentsDirectory, logger: .silent)
        let r = service.answer(Request(id: nil, text: "北港到西湾坐车要多少钱", session: "ends"), defaultSession: "d").answer
        #expect(r.contains("K88路") && r.contains("4元") && !r.contains("哪一路"), "\(r)")
    }

    /// No route named and one route printing the kind of fact: the guess is made only for the
    /// question's main intent and only with a concession naming whom the question names.
    @Test func aSingleRouteGuessNeedsTheQuestionsOwnSubject() throws {
        let dir = TemporaryDirectory()
        try F.write([("bus_exam.txt", """
            关于高考期间开通9路考生专线的通告
            发布日期：2030-06-01
            信息来源：禾城公交有限公司

            一、开通时间
            6月7日至6月8日，9路（禾城站—一中考点）考生专线运行。
            二、乘车优惠
            考生凭准考证免费乘坐，陪考家长按普通票价2元购票。
            """), ("bus_k99.txt", """
            关于开通K99路的通告
            发布日期：2030-05-01
            信息来源：禾城公交有限公司

            K99路（东站—西站）今起开通，全程票价2元，在东站可换乘地铁5号线。
            """)], to: dir.path)
        let service = try BotService(corpusDirectory: dir.path, intentsDirectory: F.intentsDirectory, logger: .silent)
        func ask(_ q: String) -> String { service.answer(Request(id: nil, text: q, session: nil), defaultSession: "g").answer }
        #expect(service.engine.kb.facts.routes.contains { r in r.routeID == "9" && r.concessions.contains { $0.value.contains("考生") } })
        #expect(service.engine.kb.facts.routes.contains { r in r.routeID == "K99" && !r.transfers.isEmpty })
        let r = ask("老年卡换乘有没有优惠")
        #expect(!r.contains("考生") && !r.contains("地铁5号线"), "\(r)")
    }

    @Test(arguments: ["设计大赛报名截止到哪天", "老年大学在哪里", "新塍镇便民服务中心有多少个窗口", "明天天气怎么样"])
    func aPreviousRouteDoesNotChangeAnUnrelatedQuestion(_ q: String) {
        let session = "f-" + UUID().uuidString
        _ = F.ask("K258路票价多少", session: session)
        let after = F.ask(q, session: session)
        let fresh = F.ask(q)
        #expect(after.answer == fresh.answer, "\(q): \(after.answer) vs \(fresh.answer)")
    }

    @Test func aFollowUpStillTakesTheRoute() {
        let session = "f-" + UUID().uuidString
        _ = F.ask("K258路票价多少", session: session)
        let r = F.ask("那末班车呢", session: session)
        #expect(r.answer.contains("K258") && r.answer.contains("17:45"), "\(r.answer)")
    }

    @Test func threeTurnsKeepTheSubject() {
        let session = "f-" + UUID().uuidString
        let first = F.ask("206路首班车几点", session: session)
        #expect(first.answer.contains("05:50") || first.answer.contains("5:50"), "\(first.answer)")
        let second = F.ask("票价呢", session: session)
        #expect(second.answer.contains("2元"), "\(second.answer)")
        let third = F.ask("最后一班几点", session: session)
        #expect(third.answer.contains("21:00") || third.answer.contains("21:40"), "\(third.answer)")
    }
}

/// A question naming a county is not answered from a page about another county that never
/// names it.
@Suite struct PlaceEvidenceTests {
    @Test func anotherCountysPageIsNoAnswer() {
        #expect(BotFixtures.ask("206路票价多少").answer.contains("2元"))
        let r = BotFixtures.ask("海盐206路票价多少")
        #expect(r.fallback, "\(r.answer)")
        #expect(!r.answer.contains("2元"))
    }

    @Test func theCountyOfThePageIsAnswered() {
        let r = BotFixtures.ask("海盐K258路票价多少")
        #expect(r.answer.contains("3元"), "\(r.answer)")
    }
}
