import Testing
@testable import Knowledge

/// The dictionary of names built from a fixture knowledge base: exact names and short forms,
/// quoted terms, longest match, partial matches with coverage, pinyin keys, and questions that
/// must match nothing.
@Suite struct EntityDictionaryTests {
    static let page = """
    社区卫生服务再升级

    ■记者 王明

    本报讯 近日,城东社区开设健康讲座,居民可前往城东社区卫生服务中心报名。

    据悉,县企业涉外服务中心同时推出“邻里帮”咨询服务。“有问题就找我们,随叫随到。”工作人员说。

    嘉兴市交通学校
    地址:嘉兴市南湖区文昌路88号
    招生热线:0573-82345678
    """

    static let kb = KnowledgeBase.build(pages: [Page(file: "entities.txt", text: page)])
    static var dictionary: EntityDictionary { kb.entities }

    static func lookup(_ question: String) -> [EntityMatch] {
        dictionary.lookup(Array(Normalizer().normalize(question).unicodeScalars))
    }

    /// The entity that goes by `name` (normalised).
    static func entity(named name: String) -> Entity? {
        dictionary.entities.first { $0.names.contains(name) }
    }

    // MARK: - Built entities

    @Test func contactFromTheNoticeBox() throws {
        let school = try #require(Self.dictionary.entities(of: .contact).first)
        #expect(school.name == "嘉兴市交通学校")
        #expect(school.names == ["嘉兴市交通学校", "交通学校"])             // longest first
        #expect(school.fact == 0)
        #expect(Self.kb.facts.contacts.first?.name.value == "嘉兴市交通学校")
        #expect(Self.kb.articles[school.articles[0]].kind == .notice)
    }

    @Test func quotedTermsBecomeTermEntities() throws {
        let terms = Self.dictionary.entities(of: .term)
        #expect(terms.map(\.name) == ["邻里帮"])       // the quoted remark with punctuation is not a name
        let term = try #require(terms.first)
        #expect(term.names == ["邻里帮"])
        #expect(Self.kb.articles[term.articles[0]].headline == "社区卫生服务再升级")
    }

    @Test func namedPlacesAndOrganisationsBecomeMentions() {
        let names = Set(Self.dictionary.entities(of: .mention).map(\.name))
        #expect(names.isSuperset(of: ["城东社区", "城东社区卫生服务中心"]))
        #expect(Self.entity(named: "县企业涉外服务中心")?.names.contains("企业涉外服务中心") == true)
    }

    // MARK: - Exact matches

    @Test("a name or its short form matches exactly", arguments: [
        ("县企业涉外服务中心在哪里", "县企业涉外服务中心", "县企业涉外服务中心", 0..<9),
        ("企业涉外服务中心在哪里", "县企业涉外服务中心", "企业涉外服务中心", 0..<8),
        ("请问嘉兴市交通学校的电话", "嘉兴市交通学校", "嘉兴市交通学校", 2..<9),
        ("交通学校招生热线", "嘉兴市交通学校", "交通学校", 0..<4),
        ("怎么加入邻里帮", "邻里帮", "邻里帮", 4..<7),
    ])
    func exactMatch(_ question: String, _ entityName: String, _ matchedName: String, _ range: Range<Int>) throws {
        let expected = try #require(Self.entity(named: entityName))
        let matches = Self.lookup(question)
        let match = try #require(matches.first { $0.entity == expected.id })
        #expect(match.kind == .exact)
        #expect(match.coverage == 1)
        #expect(match.name == matchedName)
        #expect(match.range == range)
        #expect(matches.first?.kind == .exact)
    }

    @Test func longestMatchWinsAndInnerNamesAreDropped() throws {
        let clinic = try #require(Self.entity(named: "城东社区卫生服务中心"))
        let community = try #require(Self.dictionary.entities.first { $0.names == ["城东社区"] })
        let matches = Self.lookup("城东社区卫生服务中心电话多少")
        #expect(matches.contains { $0.entity == clinic.id })
        #expect(matches.allSatisfy { $0.kind == .exact && $0.range == 0..<10 }, "\(matches.map(\.name))")
        #expect(!matches.contains { $0.entity == community.id })
        // On its own the community still matches.
        #expect(Self.lookup("城东社区在哪").map(\.entity) == [community.id])
    }

    @Test func noPartialMatchInsideAnExactOne() throws {
        let centre = try #require(Self.entity(named: "县企业涉外服务中心"))
        let matches = Self.lookup("县企业涉外服务中心")
        #expect(matches.contains { $0.entity == centre.id })
        // Not `卫生服务中心` (a short form of 城东社区卫生服务中心) inside it.
        #expect(matches.allSatisfy { $0.kind == .exact && $0.range == 0..<9 }, "\(matches.map(\.name))")
    }

    @Test func namesSharingTheirFirstCharactersMatchOnlyWhenWhole() throws {
        let page = """
        惠企政策上新

        ■记者 王明

        本报讯 我市推出“惠农贷”“惠农e贷”和“惠企通”三项服务,企业可在线申请。
        """
        let dictionary = KnowledgeBase.build(pages: [Page(file: "terms.txt", text: page)]).entities
        func matched(_ q: String) -> Set<String> {
            Set(dictionary.lookup(Array(Normalizer().normalize(q).unicodeScalars)).filter { $0.kind == .exact }.map(\.name))
        }
        #expect(Set(dictionary.entities(of: .term).map(\.name)) == ["惠农贷", "惠农e贷", "惠企通"])
        #expect(matched("惠农e贷怎么申请") == ["惠农e贷"])
        #expect(matched("惠企通和惠农贷有什么区别") == ["惠企通", "惠农贷"])
        #expect(matched("惠农政策") == [])
    }

    // MARK: - Partial matches

    @Test func partialMatchCarriesItsCoverage() throws {
        let centre = try #require(Self.entity(named: "企业涉外服务中心"))
        // `涉外服务中心` is a short form (an exact match); the name without its head is partial.
        let matches = Self.lookup("企业涉外服务在哪")
        let best = try #require(matches.first { $0.entity == centre.id })
        #expect(best.coverage == matches.first?.coverage)        // ranked first (ties aside)
        #expect(best.kind == .partial)
        #expect(best.name == "企业涉外服务中心")
        #expect(abs(best.coverage - 5.0 / 7.0) < 1e-9)   // 企业 业涉 涉外 外服 服务 of 7 bigrams
        #expect(best.range == 0..<6)
        #expect(zip(matches, matches.dropFirst()).allSatisfy { $0.coverage >= $1.coverage })
    }

    @Test func minimumCoverageIsHonoured() {
        let question = Array(Normalizer().normalize("企业涉外服务在哪").unicodeScalars)
        let centre = Self.entity(named: "企业涉外服务中心")?.id
        #expect(Self.dictionary.lookup(question, minimumCoverage: 0.7).contains { $0.entity == centre })
        #expect(!Self.dictionary.lookup(question, minimumCoverage: 0.75).contains { $0.entity == centre })
    }

    @Test("questions that must match nothing", arguments: [
        "今天天气怎么样",
        "学校学校",                    // one bigram repeated is not two thirds of 交通学校
        "哪个学校是最好的学校",
        "帮我查一下",
        "",
    ])
    func matchesNothing(_ question: String) {
        let matches = Self.lookup(question)
        #expect(matches.isEmpty, "matched \(matches.map(\.name))")
    }

    // MARK: - Pinyin

    @Test("pinyin keys find the entity", arguments: [
        ("jiaotongxuexiao", "嘉兴市交通学校"),
        ("jiaxingshijiaotongxuexiao", "嘉兴市交通学校"),
        ("qiyeshewaifuwuzhongxin", "企业涉外服务中心"),
        ("linlibang", "邻里帮"),
    ])
    func pinyinLookup(_ key: String, _ name: String) throws {
        let entity = try #require(Self.entity(named: name))
        #expect(Self.dictionary.lookup(pinyinKey: key).contains(entity.id))
        #expect(Self.dictionary.pinyinKeys.contains(key))
    }

    @Test func homophoneTypoHasTheSamePinyin() throws {
        let school = try #require(Self.entity(named: "交通学校"))
        #expect(ScriptTables.pinyinKey(of: "胶通学校") == "jiaotongxuexiao")
        #expect(Self.dictionary.lookup(pinyinKey: ScriptTables.pinyinKey(of: "胶通学校")) == [school.id])
        #expect(Self.dictionary.lookup(pinyinKey: "beijing").isEmpty)
    }
}
