import Foundation
import Testing
@testable import Bot
import Knowledge

/// List questions answered from a notice's structure: every member of the section the question
/// names, with the count; labelled members with their text; no list for a question naming none.
@Suite struct ListAnswersTests {
    static func ask(_ text: String) -> Reply { ItemAnswersTests.ask(text) }

    @Test func theSectionsMembersAreListedWithTheirCount() throws {
        let r = Self.ask("有哪些办理网点")
        #expect(!r.fallback)
        #expect(r.answer.contains("城南交通卡服务中心") && r.answer.contains("火车站服务点"), "\(r.answer)")
        #expect(r.answer.contains("2项"), "\(r.answer)")
        #expect(r.intent == "page.list")
        // Each member is cited with its own section.
        #expect(r.sources.count == 2)
        #expect(r.sources.allSatisfy { $0.section?.hasPrefix("二、办理网点") == true })
    }

    @Test func labelledMembersCarryTheirText() {
        let r = Self.ask("交通卡办理需要哪些材料")
        #expect(r.answer.contains("普通卡") && r.answer.contains("老年卡"), "\(r.answer)")
        #expect(r.answer.contains("身份证原件"), "\(r.answer)")
    }

    @Test func aPlaceCueAsksForTheSectionOfPlaces() {
        let r = Self.ask("交通卡可以在哪些地方办")
        #expect(r.answer.contains("城南交通卡服务中心") && r.answer.contains("火车站服务点"), "\(r.answer)")
    }

    @Test func aListQuestionNamingNoSectionIsNotAListAnswer() {
        let r = Self.ask("有哪些公交线路免费")
        #expect(r.intent != "page.list", "\(r.answer)")
    }

    /// Retrieval's best line is a section's heading (`三、征稿方向（三个类别）`), which only names
    /// the list: the list question gets the members under it.
    @Test func aRetrievedHeadingGivesItsMembers() throws {
        let page = """
            禾城摄影大赛征稿启事
            发布日期：2031-04-01
            信息来源：禾城文化馆

            一、参赛对象
            热爱摄影的市民均可参加。

            二、征稿时间
            即日起至2031年6月30日。

            三、征稿方向（三个类别）
            1. 运河风光：拍摄运河两岸的桥、水和老街；
            2. 城市新貌：记录新建的街区、场馆和公园；
            3. 乡村田野：展现稻田、果园和村庄的四季。
            """
        let s = try CountedListTests.service(page)
        let r = s.answer(Request(id: nil, text: "摄影大赛分哪几个征稿类别", session: nil), defaultSession: "c")
        #expect(r.answer.contains("运河风光") && r.answer.contains("城市新貌") && r.answer.contains("乡村田野"), "\(r.answer)")
        #expect(r.intent == "page.list", "\(r.answer)")
    }

    @Test func listsAreReadFromTheStructure() throws {
        let text = try String(contentsOfFile: "Tests/Fixtures/notice-guide.txt", encoding: .utf8)
        let kb = KnowledgeBase.build(pages: [Page(file: "guide.txt", text: text)], problems: [], normalizer: Normalizer())
        let lists = kb.lists.map { ($0.heading, $0.members.map(\.name)) }
        #expect(lists.contains { $0.0 == "一、办理材料" && $0.1 == ["普通卡", "老年卡"] }, "\(lists)")
        #expect(lists.contains { $0.0 == "二、办理网点" && $0.1 == ["城南交通卡服务中心", "火车站服务点"] }, "\(lists)")
    }
}

/// A list question answered by the sentence that counts and names its members; the count must
/// be the number of members printed after the colon.
@Suite struct CountedListTests {
    static func service(_ text: String) throws -> BotService {
        let dir = TemporaryDirectory()
        try BotFixtures.write([("n.txt", text)], to: dir.path)
        return try BotService(corpusDirectory: dir.path, intentsDirectory: BotFixtures.intentsDirectory, logger: .silent)
    }

    static let header = "关于水上巴士航线的公告\n发布日期：2025-03-01   信息来源：禾城交通运输局\n\n"

    @Test func theMembersOfACountedList() throws {
        let s = try Self.service(Self.header + "目前开通的水上巴士通勤航线共有3条：月河航线（月河—南湖）、运河航线（北门—西门）、南湖航线（南湖—东栅，单程票价3元）。")
        let r = s.answer(Request(id: nil, text: "水上巴士通勤航线有哪几条", session: nil), defaultSession: "c")
        #expect(r.answer.contains("月河航线") && r.answer.contains("运河航线") && r.answer.contains("南湖航线"), "\(r.answer)")
        #expect(r.sources.first?.file == "n.txt")
    }

    @Test func aCountThatIsNotTheMembersIsNoList() throws {
        let s = try Self.service(Self.header + "目前开通的水上巴士通勤航线共有5条：月河航线（月河—南湖）、运河航线（北门—西门）。")
        #expect(CountedListAnswerer(kb: s.engine.answerer.kb).lists.isEmpty)
    }

    @Test func aQuestionAboutAnotherSubjectGetsNoList() throws {
        let s = try Self.service(Self.header + "目前开通的水上巴士通勤航线共有3条：月河航线（月河—南湖）、运河航线（北门—西门）、南湖航线（南湖—东栅）。")
        let a = s.engine.answerer
        #expect(a.countedLists.lists.count == 1)
        #expect(a.countedLists.answer(s.engine.analyzer.analyze("嘉善有哪些幼儿园"), pagePlaces: [:]) == nil)
    }
}
