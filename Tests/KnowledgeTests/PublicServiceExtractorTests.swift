import Foundation
import Testing
@testable import Knowledge

@Suite struct PublicServiceExtractorTests {
    typealias F = ServiceEventFixtures

    static func service(_ kb: KnowledgeBase, _ name: String) -> PublicService? {
        kb.facts.services.first { $0.name.value == name }
    }

    /// `禾城区退役军人服务中心：0573-81230009` is that centre's phone; `市民服务热线：12345` on the
    /// next line names no service and is nobody's phone.
    @Test func aLineLabelledWithTheServiceGivesItsPhoneAndTheHotlineIsNotIt() throws {
        let kb = KnowledgeBase.build(pages: [Page(file: "g.txt", text: """
        禾城区退役军人优待证申领指南
        发布日期：2030-03-10
        信息来源：禾城区退役军人事务局

        一、咨询电话
        禾城区退役军人服务中心：0573-81230009
        市民服务热线：12345
        """)])
        let s = try #require(Self.service(kb, "禾城区退役军人服务中心"), "\(kb.facts.services.map(\.name.value))")
        #expect(s.phones.map(\.value.number).contains { $0.contains("81230009") }, "\(s.phones)")
        #expect(!kb.facts.services.contains { $0.phones.contains { $0.value.number.contains("12345") } })
    }

    // MARK: - Bundled corpus

    @Test func corpusForeignAffairsCentre() throws {
        let kb = F.corpus
        let s = try #require(Self.service(kb, "企业涉外服务中心"))
        #expect(F.file(kb, s.article) == "003_58565fcc7c39a4bb.txt")
        #expect(s.aliases.contains("县企业涉外服务中心"))
        #expect(s.host?.value == "县商务局")
        #expect(F.text(kb, try #require(s.host).sentence).contains("由县商务局牵头"))
        #expect(s.location?.value == "县政务服务中心")
        #expect(s.established?.value == "今年9月")
        let count = try #require(s.serviceCount).value
        #expect(count.value == 23 && count.unit == "项" && count.text == "23项涉外服务")
        #expect(s.departments.map(\.value) == ["商务", "外贸", "外事", "公安", "司法", "科技", "市场监管", "外汇"])
        #expect(s.services.map(\.value).contains("签发原产地证"))
        #expect(s.services.map(\.value).contains("涉外服务"))
        let certificates = try #require(s.results.first { $0.value.measure == "签发原产地证" }).value
        #expect(certificates.value.text == "6000份" && certificates.qualifier == "超")
        #expect(s.programmes.map(\.value) == ["“1+X”涉外服务网络"])
        #expect(s.commitments.isEmpty)
    }

    @Test func corpusImmigrationStationIsASecondServiceInTheSameArticle() throws {
        let kb = F.corpus
        let centre = try #require(Self.service(kb, "企业涉外服务中心"))
        let station = try #require(Self.service(kb, "移民服务站"))
        #expect(station.article == centre.article)
        #expect(kb.facts.services.filter { $0.article == centre.article }.count == 2)
        #expect(station.location?.value == "姚庄镇")
        #expect(station.aliases == ["涉外服务综合体"])
        let offers = station.services.map(\.value)
        #expect(offers.contains("移民服务") && offers.contains("外国人才服务"))
        #expect(offers.contains { $0.contains("工作居留") })
        #expect(station.host == nil && station.established == nil)
    }

    @Test func corpusPinghuEnterpriseCentre() throws {
        let kb = F.corpus
        let s = try #require(Self.service(kb, "平湖市企业综合服务中心"))
        #expect(F.file(kb, s.article) == "004_52660507d51a0aa1.txt")
        for alias in ["企服中心", "平服365", "30分钟我来办"] { #expect(s.aliases.contains(alias)) }
        #expect(s.programmes.map(\.value) == ["“平服365”企业综合服务平台", "“30分钟我来办”处置模式"])
        let promises = s.commitments.map { "\($0.value.scope ?? "-")|\($0.value.action)|\($0.value.limit.text)" }
        for p in ["简单的涉企问题|直接办结|30分钟", "不能当场办结的|必有回响|30分钟", "一般类问题|完成办理|3个工作日", "较复杂问题|完成办理|7个工作日"] {
            #expect(promises.contains(p), "missing \(p) in \(promises)")
        }
        #expect(s.commitments.first { $0.value.limit.text == "3个工作日" }?.value.limit.unit == .workingDay)
        let rate = try #require(s.results.first { $0.value.measure == "办结率" }).value
        #expect(rate.value.value == 99.3 && rate.value.unit == "%" && rate.subject == "企服中心" && rate.period == "4月以来")
        #expect(s.results.contains { $0.value.measure == "回访满意率" && $0.value.value.text == "100%" })
        #expect(s.results.contains { $0.value.measure == "处理问题诉求" && $0.value.value.text == "1045件" })
        #expect(s.departments.map(\.value) == ["建设", "自规", "生态环境", "应急"])
        #expect(s.services.map(\.value) == ["项目服务", "政策服务", "人才服务"])
        #expect(s.host == nil)
    }

    @Test func corpusKeepsOnlyServicesWithFacts() {
        let names = F.corpus.facts.services.map(\.name.value)
        #expect(names.sorted() == ["企业涉外服务中心", "平湖市企业综合服务中心", "移民服务站"].sorted())
        // counted (8个镇街道…), located-in (在县政务服务中心…), programme (“平服365”…平台) and bare mentions
        for absent in ["镇街道企业综合服务中心", "县政务服务中心", "企业综合服务平台", "县建设局物业管理服务中心", "惠农服务点"] {
            #expect(!names.contains(absent))
        }
    }

    // MARK: - Fixture pages

    @Test func cityHallOpening() throws {
        let kb = F.build(F.cityHallPage)
        #expect(kb.facts.services.count == 1)
        let s = try #require(kb.facts.services.first)
        #expect(s.name.value == "海宁市市民服务中心")
        #expect(s.aliases == ["市民中心"])
        #expect(s.host?.value == "海宁市行政审批局")
        #expect(s.location?.value == "海宁市海昌路88号")
        #expect(s.established?.value == "昨天")
        #expect(s.windowCount?.value.value == 40)
        let count = try #require(s.serviceCount).value
        #expect(count.value == 300 && count.text == "300余项事项")
        let promise = try #require(s.commitments.first).value
        #expect(promise.scope == "一般事项" && promise.action == "办结" && promise.limit.value == 2 && promise.limit.unit == .workingDay)
        #expect(s.departments.map(\.value) == ["公安", "人社", "医保", "不动产登记"])
        #expect(Array(s.services.map(\.value).prefix(3)) == ["证照办理", "社保医保", "公积金"])
        let satisfaction = try #require(s.results.first { $0.value.measure == "群众满意率" })
        #expect(satisfaction.value.value.text == "99.8%" && satisfaction.value.subject == "市民中心")
        #expect(F.text(kb, satisfaction.sentence).hasPrefix("据介绍"))
    }

    @Test func streetCentreWithPromisesAndOutreach() throws {
        let kb = F.build(F.streetCentrePage)
        let s = try #require(kb.facts.services.first)
        #expect(kb.facts.services.count == 1)
        #expect(s.name.value == "高桥街道便民服务中心")
        #expect(s.aliases.contains("便民中心") && s.aliases.contains("15分钟办事圈"))
        #expect(s.host?.value == "高桥街道办事处")
        #expect(s.location?.value == "街道行政服务楼一楼")
        #expect(s.established?.value == "近日")
        let promises = s.commitments.map { "\($0.value.scope ?? "-")|\($0.value.action)|\($0.value.limit.text)" }
        #expect(promises == ["群众来电咨询|回复|10分钟", "群众反映的问题|响应|1小时", "群众反映的问题|反馈|24小时"])
        #expect(s.services.map(\.value) == ["社保", "医保"])
        #expect(s.results.first?.value.value.text == "1.2万余件")
        #expect(s.programmes.map(\.value) == ["“15分钟办事圈”便民服务体系"])
    }

    @Test func hallInsideACentre() throws {
        let kb = F.build(F.hallPage)
        #expect(kb.facts.services.count == 1)
        let s = try #require(kb.facts.services.first)
        #expect(s.name.value == "县行政服务中心新办事大厅")
        #expect(s.location?.value == "嘉善县华亭路")
        #expect(s.established?.value == "近日")
        #expect(s.windowCount?.value.value == 56)
        #expect(s.serviceCount?.value.text == "1200余项政务服务事项")
        let promises = s.commitments.map { "\($0.value.scope ?? "-")|\($0.value.action)|\($0.value.limit.text)" }
        #expect(promises == ["企业开办全流程|办结|1个工作日", "不动产登记|完成|5个工作日"])
    }

    @Test func passingMentionsGiveNoService() {
        #expect(F.build(F.passingMentionPage).facts.services.isEmpty)
    }

    @Test func servicesFromSeveralPagesStayApart() {
        let kb = F.build(F.cityHallPage, F.passingMentionPage, F.streetCentrePage)
        #expect(kb.facts.services.map(\.name.value) == ["海宁市市民服务中心", "高桥街道便民服务中心"])
        #expect(Set(kb.facts.services.map(\.article)).count == 2)
    }

    // MARK: - Patterns

    static let commitmentCases: [(String, [String])] = [
        ("对简单的涉企问题,30分钟内直接办结,不能当场办结的30分钟内必有回响。", ["简单的涉企问题|直接办结|30分钟", "不能当场办结的|必有回响|30分钟"]),
        ("确保在3个工作日内完成一般类问题的办理,7个工作日内完成较复杂问题的办理。", ["一般类问题|完成办理|3个工作日", "较复杂问题|完成办理|7个工作日"]),
        ("窗口承诺群众办事2小时以内办好。", ["群众办事|办好|2小时"]),
        ("中心会在30分钟内做出回响。", ["-|做出回响|30分钟"]),
        ("活动持续3天,全程30分钟车程。", []),            // no 内, no action
        ("各类投诉3个工作日内答复。", ["各类投诉|答复|3个工作日"]),
    ]

    @Test(arguments: 0..<commitmentCases.count)
    func commitments(_ i: Int) {
        let (sentence, expected) = Self.commitmentCases[i]
        let found = PublicServiceExtractor.commitments(in: F.scanner(sentence)).map {
            "\($0.value.scope ?? "-")|\($0.value.action)|\($0.value.limit.text)"
        }
        #expect(found == expected, "\(sentence)")
    }

    static let abbreviationCases: [(String, String, String, Bool)] = [
        ("企服中心", "平湖市企业综合服务中心", "中心", true),
        ("市民中心", "海宁市市民服务中心", "中心", true),
        ("物管中心", "县建设局物业管理服务中心", "中心", true),
        ("服务中心", "企业综合服务中心", "中心", false),      // a plain tail
        ("综合中心", "平湖市企业综合服务中心", "中心", false), // does not start a word
        ("政务中心", "平湖市企业综合服务中心", "中心", false),
    ]

    @Test(arguments: 0..<abbreviationCases.count)
    func abbreviations(_ i: Int) {
        let (short, name, head, expected) = Self.abbreviationCases[i]
        #expect(NameFinder.isAbbreviation(short, of: name, head: head) == expected, "\(short) ← \(name)")
    }

    @Test func candidateRoles() {
        let sc = F.scanner("今年9月,在县政务服务中心设立企业涉外服务中心,发挥8个镇街道企业综合服务中心作用,以县企业涉外服务中心为依托。")
        let roles = Dictionary(uniqueKeysWithValues: PublicServiceExtractor.candidates(in: sc).map { ($0.name, $0.role) })
        #expect(roles["县政务服务中心"] == .locative)
        #expect(roles["企业涉外服务中心"] == .entity)
        #expect(roles["镇街道企业综合服务中心"] == .counted)
        #expect(roles["县企业涉外服务中心"] == .entity)   // the leading 以 is not part of the name
    }
}
