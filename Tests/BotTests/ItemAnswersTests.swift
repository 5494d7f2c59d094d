import Foundation
import Testing
@testable import Bot
import Knowledge

/// Answers from items of a notice: the item's own value, a decline when it prints none (the
/// city hotline on the same page is not its phone), labelled entries by their section, a
/// follow-up about the item just answered, and citations with section and publisher.
@Suite struct ItemAnswersTests {
    static let service: BotService = {
        let dir = TemporaryDirectory()
        do {
            try BotFixtures.write(BotFixtures.pages + [("guide.txt", try String(contentsOfFile: "Tests/Fixtures/notice-guide.txt", encoding: .utf8))], to: dir.path)
            return try BotService(corpusDirectory: dir.path, intentsDirectory: BotFixtures.intentsDirectory, logger: .silent,
                                  sessions: SessionStore())
        } catch {
            fatalError("cannot build the fixture bot: \(error)")
        }
    }()

    static func ask(_ text: String, session: String? = nil) -> Reply {
        service.answer(Request(id: nil, text: text, session: session ?? "i-" + UUID().uuidString), defaultSession: "default")
    }

    @Test(arguments: [
        ("城南交通卡服务中心电话多少", "0573-82001234"),
        ("城南交通卡服务中心在哪里", "南溪路588号"),
        ("城南交通卡服务中心几点上班", "8:30至17:30"),
        ("火车站服务点在什么地方", "站前广场东侧"),
    ])
    func anItemsOwnValue(_ q: String, _ value: String) throws {
        let r = Self.ask(q)
        #expect(r.answer.contains(value), "\(q) → \(r.answer)")
        let source = try #require(r.sources.first)
        #expect(source.section?.contains("二、办理网点") == true)
        #expect(source.publisher == "禾城公交服务有限公司")
        #expect(source.article == "关于启用新版交通卡办理网点的公告")
    }

    /// The item's name is not enough: the rest of the question must be on its page too.
    @Test(arguments: ["城南交通卡服务中心的自助充值机在哪", "城南交通卡服务中心的自助充值机电话多少"])
    func aQuestionSayingMoreThanThePageIsNotTheItems(_ q: String) {
        let r = Self.ask(q)
        #expect(!r.answer.contains("南溪路588号") && !r.answer.contains("82001234"), "\(q) → \(r.answer)")
    }

    @Test func aHotlineIsNotAnOfficesPhone() {
        let r = Self.ask("火车站服务点电话是多少")
        #expect(r.fallback, "\(r.answer)")
        #expect(!r.answer.contains("12345") && !r.answer.contains("0573-82001234"), "\(r.answer)")
        #expect(r.answer.contains("火车站服务点"))
    }

    @Test func labelledEntryBySection() {
        let r = Self.ask("办老年卡要带什么")
        #expect(r.answer.contains("身份证原件"), "\(r.answer)")
        #expect(!r.answer.contains("押金"), "\(r.answer)")
    }

    @Test func followUpKeepsTheItem() {
        let s = "i-" + UUID().uuidString
        #expect(Self.ask("城南交通卡服务中心在哪里", session: s).answer.contains("南溪路"))
        let r = Self.ask("那电话呢", session: s)
        #expect(r.answer.contains("0573-82001234"), "\(r.answer)")
    }

    @Test func declinesNameTheRightKindOfSource() {
        let r = Self.ask("火星上有公交吗")
        #expect(r.fallback)
        #expect(!r.answer.contains("报上"), "\(r.answer)")
    }

    @Test func aCardQuestionIsNotAskedWhichRoute() {
        let r = Self.ask("补办学生卡多久能拿到")
        #expect(!r.answer.contains("哪一路"), "\(r.answer)")
        #expect(r.answer.contains("7个工作日"), "\(r.answer)")
    }

    /// A section heading that is only a label (`二、票价`) is no item the question names: `票价呢`
    /// asks a fare, it does not name an item called 票价.
    @Test func aLabelSectionIsNotNamedByTheQuestionsOwnKeyword() throws {
        let corpus = TemporaryDirectory()
        try BotFixtures.write([("bus.txt", """
            关于27路调整的通告
            发布日期：2025-06-01

            一、线路走向
            27路由金家浜街首末站开往嘉兴火车站。

            二、票价
            27路票价不变：普通票价2元。
            """)], to: corpus.path)
        let service = try BotService(corpusDirectory: corpus.path, intentsDirectory: BotFixtures.intentsDirectory, logger: .silent)
        let answerer = service.engine.answerer
        #expect(answerer.kb.items.contains { $0.name == "票价" })
        #expect(answerer.items.find(service.engine.analyzer.analyze("票价呢"), state: nil).map { _ in true } == nil)
    }

    /// A question that names nothing but what it asks, first in its session, is not answered
    /// with the one contact that prints such a value; asked with the name, it is, and a
    /// follow-up keeps that subject.
    @Test func aQuestionNamingNothingIsNotGivenTheOnlyContact() throws {
        let bundled = try BotService(corpusDirectory: BotFixtures.corpusDirectory, intentsDirectory: BotFixtures.intentsDirectory, logger: .silent)
        func ask(_ q: String, _ session: String) -> Reply { bundled.answer(Request(id: nil, text: q, session: session), defaultSession: "d") }
        #expect(ask("地址呢", "n1").fallback)
        #expect(ask("what about the address?", "n2").fallback)
        #expect(!ask("嘉兴市交通学校在哪里", "n3").fallback)
        #expect(ask("地址呢", "n3").answer.contains("车王线"))
    }

    /// A follow-up that names only another item asks of it what the last answer gave
    /// (`火车站服务点呢` after an address question is an address question).
    @Test func aFollowUpNamingANewItemKeepsTheKindAsked() {
        let s = "i-" + UUID().uuidString
        #expect(Self.ask("城南交通卡服务中心在哪里", session: s).answer.contains("南溪路588号"))
        let r = Self.ask("火车站服务点呢", session: s)
        #expect(r.answer.contains("站前广场东侧"), "\(r.answer)")
        #expect(!r.answer.contains("南溪路"), "\(r.answer)")
        // Asked first in its own session the same words ask no kind of value: no address given.
        let bare = Self.ask("火车站服务点呢")
        #expect(!bare.answer.contains("南溪路"), "\(bare.answer)")
        // A question naming the new item with words of its own asks something else, not the address.
        let own = "i-" + UUID().uuidString
        #expect(Self.ask("城南交通卡服务中心在哪里", session: own).answer.contains("南溪路588号"))
        let other = Self.ask("那火车站服务点节假日也开吗", session: own)
        #expect(!other.answer.contains("站前广场东侧"), "\(other.answer)")
    }

    /// A pointing word inside an item's name (`火车站那个服务点`) still names the item.
    @Test func aPointingWordInsideTheNameStillNamesTheItem() {
        let r = Self.ask("火车站那个服务点在哪里")
        #expect(r.answer.contains("站前广场东侧"), "\(r.answer)")
    }

    /// The dialogue's item is the subject of a follow-up that asks only (`几点下班`), not of a
    /// question with words of its own (`电话挂失能管几天` is no question about its phone).
    @Test func aQuestionWithWordsOfItsOwnIsNoFollowUpOnTheItem() {
        let s = "i-" + UUID().uuidString
        #expect(Self.ask("城南交通卡服务中心在哪里", session: s).answer.contains("南溪路"))
        let r = Self.ask("电话挂失能管几天", session: s)
        #expect(!r.answer.contains("0573-82001234"), "\(r.answer)")
        let hours = Self.ask("几点下班", session: s)
        #expect(hours.answer.contains("17:30"), "\(hours.answer)")
    }

    /// An item is named without the city or county that leads its printed name.
    @Test func anItemIsNamedWithoutItsCityPrefix() throws {
        let corpus = TemporaryDirectory()
        try BotFixtures.write([("kg.txt", """
            关于幼儿园招生的公告
            发布日期：2025-05-01   信息来源：某区教育局

            一、招生园所
            1. 海宁市东山幼儿园
            地址：东山路1号
            2. 海宁市西山幼儿园
            地址：西山路9号
            """)], to: corpus.path)
        let service = try BotService(corpusDirectory: corpus.path, intentsDirectory: BotFixtures.intentsDirectory, logger: .silent)
        let r = service.answer(Request(id: nil, text: "西山幼儿园具体在哪", session: nil), defaultSession: "k")
        #expect(r.answer.contains("西山路9号") && !r.answer.contains("东山路"), "\(r.answer)")
    }

    /// An item asked with a word of its name left out is still named; a span with a character
    /// the name lacks is not.
    @Test func anItemAskedWithAWordLeftOut() {
        let r = Self.ask("城南交通卡中心电话多少")
        #expect(r.answer.contains("0573-82001234"), "\(r.answer)")
        func q(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }
        #expect(ItemAnswerer.abbreviation(of: "南湖区市民卡服务分中心", in: q("南湖区市民卡分中心的电话")) == "南湖区市民卡分中心")
        #expect(ItemAnswerer.abbreviation(of: "南湖区市民卡服务分中心", in: q("南湖区公交卡分中心的电话")) == nil)
        #expect(ItemAnswerer.abbreviation(of: "城南交通卡服务中心", in: q("城南中心在哪")) == nil)   // too much left out
    }

    /// Clinics of one guide, each with its own lines; two print the same hours line.
    static let clinics = """
        禾城区儿童接种门诊信息
        发布日期：2030-03-01
        信息来源：禾城区疾病预防控制中心

        一、接种门诊
        （一）南湖区东湖街道社区卫生服务中心预防接种门诊
        地址：东湖路18号
        电话：0573-81230001
        接种时间：周一至周五上午8:00—11:30
        （二）南湖区西河街道社区卫生服务中心预防接种门诊
        地址：西河路66号
        电话：0573-81230002
        接种时间：周二、周四下午13:30—16:30
        （三）南湖区北塘街道社区卫生服务中心预防接种门诊
        地址：北塘路9号
        接种时间：周一至周五上午8:00—11:30
        （四）秀洲区王店镇卫生院预防接种门诊
        地址：王店镇梅北路12号
        电话：暂未开通，请向所在社区咨询
        """

    static func clinicService() throws -> BotService {
        let corpus = TemporaryDirectory()
        try BotFixtures.write([("clinics.txt", clinics)], to: corpus.path)
        return try BotService(corpusDirectory: corpus.path, intentsDirectory: BotFixtures.intentsDirectory, logger: .silent)
    }

    /// Named by the words that tell it from its siblings (`西河街道接种门诊`), the item answers
    /// with its own value, never a sibling's (before, the place in a sibling's heading line made
    /// that line the "where" answer).
    @Test func anItemNamedByItsDistinctWords() throws {
        let service = try Self.clinicService()
        func ask(_ q: String) -> String { service.answer(Request(id: nil, text: q, session: nil), defaultSession: "c").answer }
        let r = ask("西河街道接种门诊在哪里")
        #expect(r.contains("西河路66号") && !r.contains("东湖路") && !r.contains("北塘路"), "\(r)")
        let phone = ask("东湖街道接种门诊电话多少")
        #expect(phone.contains("0573-81230001") && !phone.contains("81230002"), "\(phone)")
        // A span every clinic's name fits names none of them.
        func q(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }
        #expect(ItemAnswerer.abbreviation(of: "西河街道社区卫生服务中心预防接种门诊", in: q("西河街道接种门诊在哪里"), leftOut: .max) == "西河街道接种门诊")
        #expect(ItemAnswerer.abbreviation(of: "西河街道社区卫生服务中心预防接种门诊", in: q("西河街道接种门诊在哪里")) == nil)
    }

    /// A page mostly about one district's clinics still answers for another district it prints
    /// (`秀洲区…` on a page about 南湖区 ones); an item is named by the first half of its name; and
    /// a line labelled with the kind asked is the answer even without a value of that kind.
    @Test func anItemOfAnotherDistrictByTheFirstHalfOfItsName() throws {
        let service = try Self.clinicService()
        func ask(_ q: String) -> String { service.answer(Request(id: nil, text: q, session: nil), defaultSession: "c").answer }
        let full = ask("秀洲区王店镇卫生院预防接种门诊地址在哪")
        #expect(full.contains("梅北路12号"), "\(full)")
        let half = ask("王店镇卫生院电话多少")
        #expect(half.contains("暂未开通") && !half.contains("8123"), "\(half)")
        let phone = ask("王店镇卫生院预防接种门诊电话多少")
        #expect(phone.contains("暂未开通") && !phone.contains("8123"), "\(phone)")
        // The page is mostly about 南湖区 clinics; it prints 秀洲 too, so a 秀洲 question is on it.
        let answerer = service.engine.answerer
        #expect(answerer.pagePlaces["clinics.txt"] == "南湖")
        let u = service.engine.analyzer.analyze("秀洲区王店镇卫生院预防接种门诊地址在哪")
        let article = try #require(service.engine.kb.items.first { $0.name.contains("王店镇") }).article
        #expect(answerer.items.pageTexts.printsEverything(u, in: article, besides: ["秀洲区王店镇卫生院预防接种门诊"], pagePlaces: answerer.pagePlaces))
        func q(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }
        #expect(ItemAnswerer.leadingPart(of: "王店镇卫生院预防接种门诊", in: q("王店镇卫生院在哪")) == "王店镇卫生院")
        #expect(ItemAnswerer.leadingPart(of: "王店镇卫生院预防接种门诊", in: q("王店镇在哪")) == nil)    // under half the name
    }

    /// A line printed the same under two items (`接种时间：周一至周五上午8:00—11:30`) is a line of
    /// each: the second item keeps its hours.
    @Test func aRepeatedKeyLineBelongsToEachItem() throws {
        let service = try Self.clinicService()
        let items = service.engine.kb.items.filter { $0.name.contains("北塘街道") }
        #expect(items.count == 1)
        #expect(items.first?.fields.contains { $0.key == "接种时间" && $0.value.contains("8:00—11:30") } == true, "\(items)")
        let r = service.answer(Request(id: nil, text: "北塘街道接种门诊几点接种", session: nil), defaultSession: "c").answer
        #expect(r.contains("北塘街道") && r.contains("8:00"), "\(r)")
    }
}
