import Foundation
import Testing
@testable import Knowledge

@Suite struct EventExtractorTests {
    typealias F = ServiceEventFixtures

    static func event(_ kb: KnowledgeBase, _ name: String) -> Event? {
        kb.facts.events.first { $0.name.value == name }
    }

    static func prize(_ e: Event, group: String? = nil, rank: String) -> Prize? {
        e.prizes.first { $0.value.group == group && $0.value.rank == rank }?.value
    }

    /// `第十三届大赛` refers back to the contest the page names: it is no event of its own.
    @Test func anOrdinalAndAKindWordNameNoEvent() {
        let kb = KnowledgeBase.build(pages: [Page(file: "e.txt", text: """
        禾城微诗歌大赛征稿启事

        禾城微诗歌大赛自2018年创办以来，已举办多届。第十三届大赛现面向社会征稿，投稿截止时间为2030年6月15日。
        """)])
        #expect(!kb.facts.events.contains { $0.name.value == "第十三届大赛" || $0.aliases.contains("大赛") },
                "\(kb.facts.events.map(\.name.value))")
    }

    // MARK: - Bundled corpus

    @Test func corpusFarmContestNameAndShortForms() throws {
        let kb = F.corpus
        let e = try #require(Self.event(kb, "第六届“田园五镇”农业农村创新创业大赛"))
        #expect(F.file(kb, e.article) == "004_52660507d51a0aa1.txt")
        for alias in ["田园五镇大赛", "田园五镇农创赛", "“田园五镇”农创赛", "田园五镇农业农村创新创业大赛", "农商银行杯"] {
            #expect(e.aliases.contains(alias), "missing alias \(alias)")
        }
        #expect(!e.aliases.contains("农业农村创新创业大赛"))   // 田园五镇 is a quoted name, not a place
        #expect(e.venue?.value == "广陈镇")
        #expect(e.theme?.value == "农创嘉乡 智创未来")
        #expect(e.groups.map(\.value) == ["创业组", "创新组"])
    }

    @Test func corpusFarmContestMilestones() throws {
        let e = try #require(Self.event(F.corpus, "第六届“田园五镇”农业农村创新创业大赛"))
        let launch = try #require(e.date(.launch)).value
        #expect(launch.date == PrintedDate(month: 7, day: 2) && launch.label == "启动")
        let deadline = try #require(e.date(.registrationDeadline)).value
        #expect(deadline.date == PrintedDate(month: 8, day: 15) && deadline.label == "截止报名")
        let preliminary = try #require(e.date(.preliminary)).value
        #expect(preliminary.date == PrintedDate(month: 8, day: 31, approximate: true) && preliminary.label == "初赛")
        let final = try #require(e.date(.final)).value
        #expect(final.date == PrintedDate(month: 9, day: 30, approximate: true) && final.label == "总决赛")
        #expect(final.date.english == "around 30 September")
        #expect(F.text(F.corpus, try #require(e.date(.final)).sentence).hasPrefix("需要注意的是"))
    }

    @Test func corpusFarmContestPrizesEntrantsAndBenefits() throws {
        let e = try #require(Self.event(F.corpus, "第六届“田园五镇”农业农村创新创业大赛"))
        #expect(Self.prize(e, group: "创业组", rank: "最高奖金")?.amount?.absoluteValue == 40000)
        #expect(Self.prize(e, group: "创新组", rank: "最高奖金")?.amount?.absoluteValue == 30000)
        for group in ["创业组", "创新组"] {
            for rank in ["一等奖", "二等奖", "三等奖"] { #expect(Self.prize(e, group: group, rank: rank) != nil, "\(group) \(rank)") }
        }
        #expect(Self.prize(e, rank: "最佳组织奖") != nil && Self.prize(e, rank: "入围奖") != nil)
        let entrants = e.eligibility.map(\.value)
        for who in ["科研人员", "中高级农业专业技术人员", "高校师生", "退役军人", "乡土匠人", "文艺艺人"] {
            #expect(entrants.contains(who), "missing entrant \(who)")
        }
        #expect(entrants.contains { $0.hasSuffix("农业主体") })
        let benefits = e.benefits.map(\.value)
        #expect(benefits.contains { $0.contains("两年内落户平湖") && $0.contains("还能享受") })
        #expect(benefits.contains { $0.hasPrefix("“农创客”") && $0.contains("申请30万元以内的贷款") && $0.hasSuffix("LPR利率50%的贴息") })
        #expect(benefits.contains { $0.hasPrefix("符合重点扶持条件的") })
        // the 50万元 loan subsidy is a benefit, never a prize
        #expect(!e.prizes.contains { $0.value.amount?.absoluteValue == 500_000 })
    }

    @Test func corpusStorytellingContest() throws {
        let kb = F.corpus
        let e = try #require(Self.event(kb, "嘉兴市第四届红色故事讲解员大赛"))
        #expect(e.aliases.contains("红色故事讲解员大赛"))
        #expect(e.venue?.value == "嘉善")   // printed 在我县举行; the headline names the place
        #expect(e.theme?.value == "学习二十大 奋进新征程")
        #expect(e.organisers.map(\.value) == ["嘉兴市退役军人事务局", "嘉兴市双拥领导小组办公室", "嘉兴市委直属机关工委", "嘉兴市直属机关工会"])
        #expect(e.undertakers.map(\.value) == ["嘉善县退役军人事务局", "罗星街道办事处"])
        let first = try #require(Self.prize(e, rank: "一等奖"))
        #expect(first.winner == "郭梦娜")
        #expect(Self.prize(e, rank: "二等奖")?.count == 2)
        #expect(Self.prize(e, rank: "三等奖")?.count == 5)
        #expect(Self.prize(e, rank: "优胜奖")?.count == 11)
    }

    @Test func corpusMeetingsAndShowsAreNoEvents() {
        let names = F.corpus.facts.events.map(\.name.value)
        #expect(names.contains("平湖市第十五届运动会成人部赛艇项目比赛"))
        for name in names {
            for absent in ["创新学堂", "洽谈会", "紧固件展", "毕业告别", "培育联盟活动", "征集活动", "评选"] {
                #expect(!name.contains(absent), "\(name) should not be an event")
            }
        }
    }

    // MARK: - Fixture pages

    @Test func contestAnnouncement() throws {
        let kb = F.build(F.contestPage)
        #expect(kb.facts.events.count == 1)
        let e = try #require(kb.facts.events.first)
        #expect(e.name.value == "第三届“运河杯”青年创业大赛")
        #expect(e.aliases.contains("运河杯大赛") && e.aliases.contains("运河杯青年创业大赛"))
        #expect(e.venue?.value == "嘉兴南湖区")
        #expect(e.theme?.value == "青春创未来")
        #expect(e.organisers.map(\.value) == ["共青团嘉兴市委", "嘉兴市人力资源和社会保障局"])
        #expect(e.undertakers.map(\.value) == ["嘉兴市青年创业促进会"])
        #expect(e.groups.map(\.value) == ["初创组", "成长组"])
        #expect(e.date(.registrationDeadline)?.value.date == PrintedDate(month: 9, day: 20))
        #expect(e.date(.semifinal)?.value.date == PrintedDate(month: 10, day: 8))
        let final = try #require(e.date(.final)).value
        #expect(final.date == PrintedDate(month: 10, part: "中旬") && final.label == "决赛")
        let first = try #require(Self.prize(e, rank: "一等奖"))
        #expect(first.amount?.absoluteValue == 50_000 && first.count == 1)
        #expect(Self.prize(e, rank: "二等奖")?.amount?.text == "2万元")
        #expect(e.eligibility.map(\.value) == ["45周岁以下的创业者", "在嘉兴注册的企业或有意在嘉兴创业的团队"])
        #expect(e.benefits.map(\.value) == ["获奖项目还可享受创业担保贷款、场地租金减免等扶持政策"])
    }

    @Test func gamesReportWithTeamWinners() throws {
        let kb = F.build(F.gamesPage)
        let e = try #require(kb.facts.events.first)
        #expect(e.name.value == "2024年嘉兴市全民健身运动会")
        #expect(e.aliases.contains("全民健身运动会"))
        #expect(e.venue?.value == "嘉兴体育中心")
        #expect(e.organisers.map(\.value) == ["嘉兴市体育局"])
        #expect(Self.prize(e, rank: "团体一等奖")?.winner == "秀洲区代表队")
        #expect(Self.prize(e, rank: "二等奖")?.winner == "南湖区代表队和海宁市代表队")
    }

    @Test func childrensContestAnnouncedInOneParagraph() throws {
        let kb = F.build(F.artContestPage)
        let e = try #require(kb.facts.events.first)
        #expect(kb.facts.events.count == 1)
        #expect(e.name.value == "第二届“南湖杯”少儿书画比赛")
        #expect(e.organisers.map(\.value) == ["南湖区文联"])
        #expect(e.groups.map(\.value) == ["书法组", "绘画组"])
        #expect(e.eligibility.map(\.value) == ["6至14周岁的南湖区中小学生"])
        #expect(e.date(.registrationDeadline)?.value.date == PrintedDate(month: 8, day: 31))
        #expect(e.date(.held)?.value.date == PrintedDate(month: 9, day: 28))
        #expect(e.venue?.value == "南湖区文化馆")
        let first = try #require(Self.prize(e, rank: "一等奖"))
        #expect(first.count == 10 && first.amount?.text == "1000元")
    }

    @Test func ordinaryMeetingGivesNoEvent() {
        #expect(F.build(F.meetingPage).facts.events.isEmpty)
    }

    @Test func eventsOfSeveralPagesStayApart() {
        let kb = F.build(F.meetingPage, F.contestPage, F.gamesPage)
        #expect(kb.facts.events.map(\.name.value) == ["第三届“运河杯”青年创业大赛", "2024年嘉兴市全民健身运动会"])
        #expect(kb.facts.events[1].prizes.allSatisfy { $0.value.amount == nil })
    }

    // MARK: - Patterns

    static let milestoneCases: [(String, [String])] = [
        ("大赛自7月2日启动,8月15日截止报名。", ["launch 7月2日", "registrationDeadline 8月15日"]),
        ("报名时间为7月1日至8月15日。", ["registrationOpen 7月1日", "registrationDeadline 8月15日"]),
        ("报名截止日期为2024年9月30日。", ["registrationDeadline 2024年9月30日"]),
        ("请于8月31日前报名。", ["registrationDeadline 8月31日"]),
        ("分为初赛(8月31日左右举办)和总决赛(9月30日左右举办)等环节。", ["preliminary 8月31日左右", "final 9月30日左右"]),
        ("决赛将于10月中旬举行。", ["final 10月中旬"]),
        ("11月上旬举行半决赛。", ["semifinal 11月上旬"]),
        ("9月1日起开始报名。", ["registrationOpen 9月1日"]),
        ("报名时间即日起至8月31日。", ["registrationDeadline 8月31日"]),
        ("比赛将于9月28日在南湖区文化馆举行。", ["held 9月28日"]),
        ("截至8月底,全市已有1200家企业参加。", []),     // a cut-off without 报名 is no deadline
        ("今年9月,县商务局设立服务中心。", []),
    ]

    @Test(arguments: 0..<milestoneCases.count)
    func milestones(_ i: Int) {
        let (sentence, expected) = Self.milestoneCases[i]
        let found = EventExtractor.milestones(in: F.scanner(sentence)).map { "\($0.value.kind.rawValue) \($0.value.date)" }
        #expect(found == expected, "\(sentence)")
    }

    static let nameCases: [(String, [String])] = [
        ("长3角现代“新农人”培育联盟活动暨“农商银行杯”第6届“田园五镇”农业农村创新创业大赛启动仪式在广陈镇举行。",
         ["长3角现代“新农人”培育联盟活动", "第6届“田园五镇”农业农村创新创业大赛"]),
        ("过去5年,超400个项目参加各届大赛。", []),
        ("本次大赛的参赛项目如何设置?", []),
        ("5月20日,秀洲区启动共同富裕最佳实践评选工作。", ["共同富裕最佳实践评选"]),
        ("等环节。", []),
    ]

    @Test(arguments: 0..<nameCases.count)
    func names(_ i: Int) {
        let (sentence, expected) = Self.nameCases[i]
        let sc = F.scanner(sentence)
        let found = EventExtractor.candidates(in: sc, suffixes: EventExtractor.sentenceSuffixes).map { sc.text($0.range) }
        #expect(found == expected, "\(sentence)")
    }

    @Test func quotedNameSpanJumpsQuotesAndStopsAtJi() {
        let sc = F.scanner("活动暨第六届“田园五镇”农业农村创新创业大赛启动")
        let end = sc.find("启动")!
        let span = NameFinder.quotedNameSpan(in: sc.s, endingAt: end, suffixLength: 2, extraBoundaries: ["暨"])
        #expect(span.map { sc.original($0) } == "第六届“田园五镇”农业农村创新创业大赛")
        #expect(NameFinder.nameSpan(in: sc.s, endingAt: end, suffixLength: 2).map { sc.text($0) } == "农业农村创新创业大赛")
    }
}
