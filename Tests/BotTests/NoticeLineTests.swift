import Foundation
import Testing
@testable import Bot
import Knowledge

/// Lines of a notice belong to what their section and label say: a `key：value` label alone is
/// no answer, a line under another route's section says nothing of the route asked, and a quoted
/// term leads only to a route it names.
@Suite struct NoticeLineTests {
    static let page = """
        禾城“动态”公交试点方案公示
        发布时间：2030-11-12
        来源：禾城区交通运输局

        一、“动态”公交试点
        核心运营区域：面积5.20平方千米
        运营时段：6:30—18:00
        预约方式：禾城出行小程序

        二、配合调整的线路
        （一）82路（数字小镇—传媒学院）
        首末班：数字小镇首班6:20、末班18:00；传媒学院首班6:50、末班18:40
        （二）临时新增停靠站点：秋华路银杏路

        三、85路（禾城站—南港码头）
        （一）临时新增停靠站点：长桥路腊梅路
        （二）运营时间：每天6:10—20:40，调整期间不变
        （三）临时取消停靠站点：长桥路竹林路、南港东苑

        四、咨询电话
        公交服务热线：0573-81110000
        市民服务热线：12345
        """

    static let service: BotService = {
        let dir = TemporaryDirectory()
        do {
            try BotFixtures.write([("bus_ondemand.txt", page)], to: dir.path)
            return try BotService(corpusDirectory: dir.path, intentsDirectory: BotFixtures.intentsDirectory, logger: .silent,
                                  sessions: SessionStore())
        } catch {
            fatalError("cannot build the fixture bot: \(error)")
        }
    }()

    static func ask(_ text: String) -> String {
        service.answer(Request(id: nil, text: text, session: "n-" + UUID().uuidString), defaultSession: "default").answer
    }

    /// The window holding only the label restates the question: kept for training, never a candidate.
    @Test func aLabelAloneIsNeverTheAnswer() throws {
        let engine = Self.service.engine
        let u = engine.analyzer.analyze("82路临时新增停哪个站")
        let all = engine.answerer.retrieval.candidates(u, includingLabels: true).count
        #expect(engine.answerer.retrieval.candidates(u).count < all)
        let answer = Self.ask("82路临时新增停哪个站")
        #expect(answer.contains("秋华路银杏路") || answer.hasPrefix("抱歉"), "\(answer)")
    }

    @Test func aLineUnderAnotherRoutesSectionIsNotTheRoutesAnswer() {
        let engine = Self.service.engine
        let u = engine.analyzer.analyze("82路临时新增了哪些停靠站")
        let texts = engine.answerer.retrieval.candidates(u, route: "82").map { engine.kb.sentences[$0.sentence].text }
        #expect(texts.contains { $0.contains("秋华路银杏路") }, "\(texts)")
        #expect(!texts.contains { $0.contains("长桥路腊梅路") }, "\(texts)")
        #expect(!Self.ask("82路临时新增了哪些停靠站").contains("长桥路腊梅路"))
    }

    /// `“动态”公交` is a term of the page, and the page's one route is 82路: the term's hours are
    /// not the route's timetable.
    @Test func aTermLeadsOnlyToARouteItNames() {
        let answer = Self.ask("动态公交几点到几点有车")
        #expect(!answer.contains("82路"), "\(answer)")
    }

    /// A question asking a kind of value (a fare) is not answered with the route's overview
    /// when the route has no value of that kind: `fare` and `bus route` both match intents, and
    /// only the one that gives a fare may answer.
    @Test func aFareQuestionIsNotAnsweredWithTheOverview() {
        let answer = Self.ask("What is the fare on bus route 82?")
        #expect(!answer.contains("数字小镇") && answer.hasPrefix("Sorry"), "\(answer)")
        #expect(Self.ask("Tell me about bus route 82").contains("数字小镇"))
    }

    /// `公交` inside a stop's name is no request for the route's overview: a question with words
    /// of its own about a numbered route goes to the index (here: nothing says, so a decline).
    @Test func aQuestionWithWordsOfItsOwnIsNotTheOverview() {
        let answer = Self.ask("封路期间82路还停秋华路公交站吗")
        #expect(!answer.contains("数字小镇"), "\(answer)")
        #expect(Self.ask("82路公交").contains("数字小镇"))
    }

    /// A route's section labels its hours (`三、85路（…）` > `（二）运营时间：…`): asked the route's
    /// hours in words no intent knows, that line answers, said of the route.
    @Test func aRoutesSectionLineLabelledWithTheKindAsked() {
        let answer = Self.ask("85路几点开始几点结束")
        #expect(answer.contains("85路") && answer.contains("6:10") && answer.contains("20:40"), "\(answer)")
        #expect(!Self.ask("82路几点开始几点结束").contains("20:40"))
    }

    /// Asked no kind a label names, the route's line whose label shares most words with the
    /// question answers: the stops cancelled, not the stops added.
    @Test func aRoutesSectionLineSharingTheQuestionsWords() {
        let answer = Self.ask("85路临时取消了哪些站")
        #expect(answer.contains("长桥路竹林路") && answer.contains("南港东苑"), "\(answer)")
        #expect(!answer.contains("长桥路腊梅路"), "\(answer)")
    }
}
