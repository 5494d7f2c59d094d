import Foundation
import Testing
@testable import Bot
import Knowledge

/// Evidence an answer must carry: the kind of value asked (an address is a street, a count is
/// in the measure word asked), the entity asked (not a neighbour of the same kind listed on the
/// same page), and a name matched only in part does not fence the search in.
@Suite struct EvidenceRulesTests {
    /// Fixture pages written for these tests.
    static let pages: [(file: String, text: String)] = [
        ("guide_kindergartens.txt", """
        禾城区2030学年公办幼儿园招生公告
        发布日期：2030-03-01
        信息来源：禾城区教育局

        一、招生对象
        本区户籍适龄幼儿。

        二、各幼儿园招生信息
        1. 禾城区柳岸幼儿园
        地址：柳岸街道长青路15号
        招生咨询电话：0573-81110001
        2. 禾城区星桥幼儿园
        地址：星桥街道银杏路208号
        招生咨询电话：0573-81110002
        """),
        ("event_story.txt", """
        “禾城故事”征文启事
        发布日期：2030-04-02
        信息来源：禾城区文化馆

        一、投稿要求
        每人限投2篇，每篇不超过3000字。
        二、主办单位
        主办单位：禾城区文化馆、《禾风》杂志社。
        三、联系方式
        禾城区民间文艺家协会：0573-81230000。
        """),
        ("fare_adjust.txt", """
        关于调整禾城城际公交票价的公告
        发布日期：2030-05-01
        信息来源：禾城区交通运输局

        一、主要线路票价对照
        1. 188路（禾城—新港）：调整前6元，调整后8元
        2. 189路（禾城—北港）：调整前5元，调整后7元
        二、起步价
        调整前：2元
        调整后：3元（含10公里）
        """),
        ("ent_grant.txt", """
        关于组织申报2031年度企业技改项目的通知
        发布日期：2030-10-08
        信息来源：平湖市经济和信息化局

        一、材料受理点
        1. 经信局技改科
        地址：当湖街道新华路8号
        电话：0573-85550001
        """),
        ("bus_dispatch.txt", """
        禾城公交调度室电话一览
        发布日期：2030-06-01
        信息来源：禾城公交集团

        北站调度室（206路）：0573-81118888
        南门首末站调度室（K258路）：0573-81119999
        """),
        ("bus_qingming.txt", """
        禾城清明专线开行公告
        发布日期：2030-03-20
        信息来源：禾城公交集团

        一、专线安排
        （一）清明5号线：禾城站—安乐公墓
        1. 首末班时间：禾城站首班7:10、末班15:00
        2. 票价：2元
        """),
        ("bus_night_trad.txt", """
        禾城公交夜班線路開通公告
        發佈日期：2030-07-01
        信息來源：禾城公交集團

        一、運營時間
        301路首班車21:00從禾城站發車，末班車次日1:00從新港碼頭發車。
        """),
        ("bus_detour_parts.txt", """
        关于禾城北路施工期间公交线路临时改道的通知
        发布日期：2030-08-01
        信息来源：禾城公交集团

        接交警部门通知，禾城北路自2030年8月1日起封闭施工，5路、85路临时改道。具体如下。

        一、涉及线路
        1. 5路
        绕行走向：北环路—新区大道
        暂停停靠：北门站
        现场临时调度点：北门站西侧

        二、85路 南湖新区—禾城站
        说明：85路由新区公交分公司运营，首班6:15、末班18:45。

        三、咨询电话
        新区公交分公司调度室（85路）：0573-81112207
        公交服务热线：0573-81110000
        """),
        ("guide_veterans.txt", """
        禾城区退役军人优待证申领指南
        发布日期：2030-03-10
        信息来源：禾城区退役军人事务局

        一、办理地点
        （一）柳岸街道退役军人服务站
        地址：柳岸街道长青路88号便民服务中心2楼
        电话：0573-81230001
        （二）星桥街道退役军人服务站
        地址：星桥街道银杏路276号
        电话：0573-81230002

        二、咨询电话
        禾城区退役军人服务中心：0573-81230009
        市民服务热线：12345
        """),
        ("guide_vaccine.txt", """
        禾城儿童疫苗接种服务指南
        发布日期：2030-04-18
        信息来源：禾城区疾病预防控制中心

        一、接种门诊
        （一）南湖区柳岸街道社区卫生服务中心预防接种门诊
        地址：南湖区长青路28号
        （二）南湖区星桥街道社区卫生服务中心预防接种门诊
        地址：双溪路与银杏路交叉口
        """),
        ("event_design.txt", """
        禾城文创产品设计大赛征集公告
        发布日期：2030-05-01
        信息来源：禾城区文化馆

        一、征集方向
        围绕禾城书画院、古运河等文化地标设计文创产品。
        二、奖项设置
        禾城文创产品设计大赛设金奖1名，奖金20000元；银奖2名，奖金8000元。
        """),
        ("event_calligraphy.txt", """
        关于举办禾城街道书画比赛的通知
        发布日期：2030-06-20
        信息来源：禾城街道办事处

        一、参赛对象
        辖区内书画爱好者均可参加。
        """),
        ("bus_network.txt", """
        禾城公交线网优化方案公示
        发布时间：2030-11-12
        来源：禾城区交通运输局

        一、调整的城乡线路
        1. K353（北站—南港码头）
        主要变化：经秋华路途经中医院
        首末班（调整后）：北站5:50—18:50；南港码头6:30—19:30
        """),
        ("news_cards.txt", """
        禾城社会保障市民卡服务中心新址启用

        禾城社会保障市民卡服务中心昨天搬进新址。中心已累计发放市民卡80余万张。办理进度可在“禾城文艺”公众号查询。
        """),
    ]

    static let service: BotService = {
        let dir = TemporaryDirectory()
        do {
            try BotFixtures.write(BotFixtures.pages + pages, to: dir.path)
            return try BotService(corpusDirectory: dir.path, intentsDirectory: BotFixtures.intentsDirectory, logger: .silent,
                                  sessions: SessionStore())
        } catch {
            fatalError("cannot build the fixture bot: \(error)")
        }
    }()

    static func ask(_ text: String) -> Reply {
        service.answer(Request(id: nil, text: text, session: "e-" + UUID().uuidString), defaultSession: "default")
    }

    /// A new dialogue: each call asks in the same session and returns the reply.
    static func dialogue() -> (String) -> Reply {
        let session = "e-dialogue-" + UUID().uuidString
        return { service.answer(Request(id: nil, text: $0, session: session), defaultSession: "default") }
    }

    /// The same dialogue, answers only.
    static func dialogueAnswers() -> (String) -> String {
        let ask = dialogue()
        return { ask($0).answer }
    }

    static func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

    @Test(arguments: [
        ("中山东路922号", true), ("云和景苑3区1号", true), ("硖石街道", true),
        ("主办单位：嘉兴市文学艺术界联合会", false), ("8月15号截止", false),
    ])
    func anAddressIsAStreetOrAHouseNumber(_ text: String, _ isAddress: Bool) {
        let context = AnswerTypeDetector.Context(question: Self.scalars("杂志社的地址在哪"))
        let s = Self.scalars(text)
        #expect(AnswerTypeDetector.contains(.place, in: s, range: 0..<s.count, context: context) == isAddress, "\(text)")
    }

    @Test(arguments: [("最多能投几篇", "篇"), ("是几车道的", "车"), ("每天几班", "班")])
    func aCountIsAskedInAMeasureWord(_ q: String, _ unit: String) {
        #expect(AnswerTypeDetector.countQuestion(Self.scalars(q))?.unit == unit.unicodeScalars.first)
    }

    @Test(arguments: ["第几届", "几点发车", "几号截止", "坐几路", "有几个组"])
    func notEveryJiAsksACountInAWord(_ q: String) {
        #expect(AnswerTypeDetector.countQuestion(Self.scalars(q)) == nil, "\(q)")
    }

    @Test func theCountMustBeInTheWordAsked() {
        let context = AnswerTypeDetector.Context(question: Self.scalars("一个人最多能投几篇"))
        let right = Self.scalars("每人限投2篇"), wrong = Self.scalars("每篇不超过3000字")
        #expect(AnswerTypeDetector.contains(.number, in: right, range: 0..<right.count, context: context))
        #expect(!AnswerTypeDetector.contains(.number, in: wrong, range: 0..<wrong.count, context: context))
    }

    @Test func aBareCountIsNoPrice() {
        #expect(!AnswerType.money.acceptable.contains(.number))
    }

    /// The page lists two kindergartens: a third one asked about gets neither's phone.
    @Test func anotherEntityOfAListedKindGetsNoneOfTheirValues() {
        let r = Self.ask("禾城区北门幼儿园招生咨询电话")
        #expect(!r.answer.contains("81110001") && !r.answer.contains("81110002"), "\(r.answer)")
        let own = Self.ask("星桥幼儿园招生咨询电话是多少")
        #expect(own.answer.contains("81110002"), "\(own.answer)")
    }

    @Test func theEntityCheckNeedsSeveralOfTheKind() {
        let name = Self.scalars("禾城区柳岸幼儿园")
        let u = BotFixtures.understand("北门幼儿园招生电话")
        #expect(RetrievalAnswerer.namesAnotherEntity(u, heading: name, context: Self.scalars("禾城区2030学年公办幼儿园招生公告")))
        let same = BotFixtures.understand("柳岸幼儿园招生电话")
        #expect(!RetrievalAnswerer.namesAnotherEntity(same, heading: name, context: []))
    }

    @Test func anOrganisersNameIsNoAddress() {
        let r = Self.ask("《禾风》杂志社的地址在哪")
        #expect(r.fallback, "\(r.answer)")
    }

    /// `禾城文艺` is a quoted term of another page; the question names the 协会, printed in full.
    @Test func aNameMatchedInPartDoesNotFenceTheSearch() {
        let r = Self.ask("禾城区民间文艺家协会的联系电话")
        #expect(r.answer.contains("81230000"), "\(r.answer)")
    }

    @Test func aMeasureWordAfterDuoShaoIsNoTypo() {
        let u = Self.service.engine.analyzer.analyze("禾城到现在一共发了多少张市民卡")
        #expect(String(scalars: u.normalized).contains("多少张市民卡"), "\(String(scalars: u.normalized))")
    }

    @Test func theValueBeforeAChangeIsSuperseded() {
        let sc = SentenceScanner(tracked: Normalizer().normalizeTracked("全程票价由2元调整为3元，刷卡5折"), sentenceID: 0)
        let amounts = sc.amounts(units: ["元"])
        #expect(amounts.map { sc.isSuperseded($0.range) } == [true, false])
        let line = SentenceScanner(tracked: Normalizer().normalizeTracked("1. 188路：调整前6元，调整后8元"), sentenceID: 0)
        #expect(line.amounts(units: ["元"]).map { line.isSuperseded($0.range) } == [true, false])
    }

    /// A fare after the change unless the question asks what it was before.
    @Test func afterAChangeUnlessBeforeIsAsked() {
        let after = Self.ask("188路调整后票价多少")
        #expect(after.answer.contains("8元"), "\(after.answer)")
        #expect(!after.answer.contains("7元"), "\(after.answer)")
        let start = Self.ask("起步价调整后是多少钱")
        #expect(start.answer.contains("3元") && !start.answer.contains("2元"), "\(start.answer)")
        let before = Self.ask("起步价调整前是多少钱")
        #expect(before.answer.contains("2元") && !before.answer.contains("3元"), "\(before.answer)")
        #expect(RetrievalAnswerer.tense(Self.scalars("调整前6元"), 0..<5) == true)
        #expect(RetrievalAnswerer.tense(Self.scalars("调整前6元,调整后8元"), 0..<11) == nil)
        #expect(RetrievalAnswerer.asksBefore(Self.scalars("189路原来票价多少")))
        #expect(!RetrievalAnswerer.asksBefore(Self.scalars("189路调价后多少钱")))
    }

    /// A heading line retrieved for a question asking what items label: the item's own line.
    @Test func aRetrievedHeadingGivesWayToTheItemsField() throws {
        let engine = Self.service.engine
        let heading = try #require(engine.kb.sentences.first { $0.text.hasPrefix("1. 禾城区柳岸幼儿园") })
        let place = engine.analyzer.analyze("柳岸那家幼儿园在什么地方")
        let a = try #require(engine.answerer.items.answer(headedBy: heading.id, place))
        #expect(a.text.contains("长青路15号"), "\(a.text)")
        let time = engine.analyzer.analyze("柳岸那家幼儿园几点开门")
        let declined = try #require(engine.answerer.items.answer(headedBy: heading.id, time))
        #expect(declined.outcome == .decline && declined.text.contains("禾城区柳岸幼儿园"), "\(declined.text)")
        // A line that is no item's heading is left to retrieval.
        let other = try #require(engine.kb.sentences.first { $0.text.hasPrefix("每人限投2篇") })
        #expect(engine.answerer.items.answer(headedBy: other.id, place) == nil)
    }

    /// The page's publisher says it is 平湖's: a question about 秀洲's office gets none of its values.
    @Test func aNoticesPublisherGivesItsPlace() {
        let other = Self.ask("秀洲区经信局技改科电话多少")
        #expect(!other.answer.contains("85550001"), "\(other.answer)")
        let own = Self.ask("经信局技改科电话多少")
        #expect(own.answer.contains("85550001"), "\(own.answer)")
    }

    /// The dialogue's route picks the line of the page that is about it, not another route's.
    @Test func aFollowUpIsAnsweredFromTheDialoguesRoute() {
        let ask = Self.dialogue()
        _ = ask("K258路票价多少")
        let r = ask("那调度室电话呢")
        #expect(r.answer.contains("81119999") && !r.answer.contains("81118888"), "\(r.answer)")
        #expect(RetrievalAnswerer.routeIDs(in: Self.scalars("北站调度室（206路）、k258路")) == ["206", "K258"])
    }

    /// A line named in a labelled entry, asked over three turns: its route, then its own lines.
    @Test func threeTurnsAboutALabelledLine() {
        let ask = Self.dialogueAnswers()
        let first = ask("清明5号线从哪里发车")
        #expect(first.contains("禾城站"), "\(first)")
        let second = ask("头班几点")
        #expect(second.contains("7:10"), "\(second)")
        let third = ask("票价呢")
        #expect(third.contains("2元"), "\(third)")
    }

    /// A page printed in traditional characters answers a question asked in simplified in
    /// simplified; the citation keeps the sentence as printed, and a question asked in
    /// traditional gets the page's own characters.
    @Test func aTraditionalPageAnswersInTheQuestionsScript() {
        let simplified = Self.ask("301路末班车几点")
        #expect(simplified.answer.contains("1:00") && simplified.answer.contains("末班车")
                && !ScriptTables.hasTraditional(simplified.answer), "\(simplified.answer)")
        #expect(simplified.sources.contains { $0.sentence.contains("末班車") }, "\(simplified.sources)")
        let traditional = Self.ask("301路末班車幾點")
        #expect(traditional.answer.contains("新港碼頭"), "\(traditional.answer)")
    }

    /// A route asked for what the notice prints in another part (`三、咨询电话`) is answered from
    /// that part; an item called `5路` is not the `85路` asked (its number is part of a longer one).
    @Test func aRoutesNoticeAnswersFromItsOtherParts() {
        let r = Self.ask("85路调度室电话是多少")
        #expect(r.answer.contains("81112207"), "\(r.answer)")
        #expect(!r.answer.contains("5路”"), "\(r.answer)")
    }

    @Test(arguments: ["三等奖奖金多少", "第3批名单", "3篇文章"])
    func aNumberBeforeAMeasureWordIsNoRoute(_ q: String) {
        let known: Set<String> = ["3"]
        #expect(RouteSpotter.routes(inChinese: Array(Normalizer().normalize(q).unicodeScalars), known: known).isEmpty, "\(q)")
    }

    /// A line labelled with an office's name gives the office's phone; the city hotline printed
    /// under it is not that office's phone.
    @Test func aHotlineIsNoOfficesPhone() {
        let r = Self.ask("禾城区退役军人服务中心电话")
        #expect(r.answer.contains("81230009") && !r.answer.contains("12345"), "\(r.answer)")
    }

    /// `服务站在哪里` asks where the 服务站 is (no word `站在`), and a name asked without its
    /// district and a word of it (`…服务中心接种门诊`) is still that item.
    @Test(arguments: [("柳岸街道退役军人服务站在哪里", "长青路88号"), ("星桥街道社区卫生服务中心接种门诊地址在哪", "双溪路")])
    func anItemAskedAsPeopleAskIsFound(_ q: String, _ value: String) {
        let r = Self.ask(q)
        #expect(r.answer.contains(value), "\(q) → \(r.answer)")
    }

    /// After a turn about one contest, a question naming a contest another page is titled with
    /// (`书画比赛`, printed in passing on the first page as `禾城书画院`) is not about the first
    /// contest: its prizes are not given.
    @Test func aQuestionNamingAnotherPagesSubjectIsNoFollowUp() {
        let ask = Self.dialogueAnswers()
        let first = ask("禾城文创产品设计大赛金奖奖金多少")
        #expect(first.contains("20000"), "\(first)")
        let second = ask("书画比赛一等奖奖金多少")
        #expect(!second.contains("20000") && !second.contains("8000"), "\(second)")
    }

    /// A route id with a letter (`K353`) is a route even where the pages print it without 路,
    /// and a line under the route's own heading answers it; one no page prints is declined.
    @Test func aLetteredRouteIdIsARouteAndItsHeadingsLinesAnswerIt() {
        let r = Self.ask("K353南港码头那头末班车几点")
        #expect(r.answer.contains("19:30"), "\(r.answer)")
        let none = Self.ask("K999末班车几点")
        #expect(none.fallback && none.answer.contains("K999"), "\(none.answer)")
    }

    @Test func aLetteredIdIsARouteEvenUnknown() {
        let found = RouteSpotter.routes(inChinese: Array(Normalizer().normalize("K353调整后末班车几点").unicodeScalars), known: [])
        #expect(found.map(\.id) == ["K353"], "\(found)")
        #expect(RouteSpotter.routes(inChinese: Array(Normalizer().normalize("353调整后").unicodeScalars), known: []).isEmpty)
    }

    /// `服务热线` asked with `公交` before it is not `12345市民服务热线`'s tail when a page prints
    /// `公交服务热线`: the city hotline's contact fact is not given as the bus hotline.
    @Test func aPartNameBeforeAnotherPrintedNameIsNotThatEntity() throws {
        let dir = TemporaryDirectory()
        try BotFixtures.write(BotFixtures.pages + [
            ("news_parking.txt", """
            禾城停车收费新规今起实施

            市民对停车收费有疑问，可拨打12345市民服务热线反映。新规实施后，一类区域缩小到环城河以内。
            """),
            ("bus_detour.txt", """
            关于禾城花园路封道期间公交临时绕行的公告
            发布日期：2031-05-20
            信息来源：禾城公交集团

            一、封道时间
            自2031年5月28日起封道施工。

            二、咨询电话
            （一）咨询电话：公交服务热线0573-81234567；市民服务热线12345。
            """),
        ], to: dir.path)
        let service = try BotService(corpusDirectory: dir.path, intentsDirectory: BotFixtures.intentsDirectory, logger: .silent)
        let r = service.answer(Request(id: nil, text: "禾城公交服务热线多少", session: nil, explain: true), defaultSession: "c")
        // Not the city hotline's contact fact (the index may still pick a sentence: it is
        // scored, not attributed to the bus hotline).
        #expect(r.debug?["outcome"] != .string("fact"), "\(r.answer)")
        let city = service.answer(Request(id: nil, text: "市民服务热线是多少", session: nil), defaultSession: "c")
        #expect(city.answer.contains("12345"), "\(city.answer)")
    }

    @Test(arguments: [("9路", "9路10分钟一班", true), ("9路", "19路", false), ("k353", "k353路线", true), ("k353", "k3531", false)])
    func aRouteNameIsPrintedOnlyAsItself(_ name: String, _ text: String, _ printed: Bool) {
        #expect(Answerer.prints(route: Self.scalars(name), in: Self.scalars(text)) == printed, "\(name) in \(text)")
    }
}
