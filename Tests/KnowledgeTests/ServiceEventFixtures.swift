import Foundation
@testable import Knowledge

/// Shared by the service, event and figure extractor tests: the bundled corpus (built once),
/// fixture pages written for these tests (not copies of the corpus, phrased differently, in the
/// paper's style) and small lookup helpers.
enum ServiceEventFixtures {
    /// `corpus/` at the package root.
    static var corpusDirectory: String { PracticalFactsFixtures.corpusDirectory }

    /// The knowledge base of the bundled corpus (the one built for the practical-fact tests).
    static var corpus: KnowledgeBase { PracticalFactsFixtures.corpus }

    /// A knowledge base of fixture pages.
    static func build(_ texts: String...) -> KnowledgeBase {
        KnowledgeBase.build(pages: texts.enumerated().map { Page(file: "fixture\($0.offset).txt", text: $0.element) })
    }

    /// A scanner over one normalised sentence (id 0), for table-driven pattern tests.
    static func scanner(_ sentence: String) -> SentenceScanner {
        SentenceScanner(tracked: Normalizer().normalizeTracked(sentence), sentenceID: 0)
    }

    /// The printed sentence a value was read from.
    static func text(_ kb: KnowledgeBase, _ id: Int) -> String {
        kb.sentences.indices.contains(id) ? kb.sentences[id].text : ""
    }

    /// The file of the article a fact belongs to.
    static func file(_ kb: KnowledgeBase, _ article: Int) -> String { kb.articles[article].id.file }

    // MARK: - Service pages

    /// A city hall opening: host, address, windows, item count, a promise, departments, offers, results.
    static let cityHallPage = """
    海宁市市民服务中心正式启用
    300余项事项实现“一站式”办理

    ■全媒体记者 沈佳怡

    本报讯 昨天,海宁市市民服务中心正式启用。该中心由海宁市行政审批局建设运营,位于海宁市海昌路88号,设有40个窗口,可办理300余项事项,承诺一般事项2个工作日内办结。

    中心整合了公安、人社、医保、不动产登记等12个部门入驻,提供证照办理、社保医保、公积金等服务。“以前办个证要跑好几个地方,现在一个大厅全搞定。”前来办事的市民王女士说。

    据介绍,试运行以来,市民中心累计受理办件2.6万件,群众满意率达99.8%。
    """

    /// A street service centre: host before the name, a site, promises phrased three ways, outreach.
    static let streetCentrePage = """
    “15分钟办事圈”再扩容
    高桥街道便民服务中心投用

    ■记者 朱晓峰 通讯员 李明

    本报讯 近日,由高桥街道办事处牵头打造的高桥街道便民服务中心在街道行政服务楼一楼投入使用,社保、医保、户籍等高频事项实现就近办理。

    对群众来电咨询,中心承诺10分钟内予以回复;群众反映的问题做到1小时内响应、24小时内反馈。今年以来,便民中心已累计办件1.2万余件。

    下一步,街道还将把社保、医保等服务下沉至各村(社区),打造“15分钟办事圈”便民服务体系。
    """

    /// A hall inside a centre: an address before the name, windows counted after the noun, two promises.
    static let hallPage = """
    县行政服务中心新大厅启用
    1200余项事项“一窗受理”

    ■全媒体记者 金晓

    本报讯 近日,位于嘉善县华亭路的县行政服务中心新办事大厅正式投入使用。新大厅共设综合受理窗口56个,可办理全县32个部门的1200余项政务服务事项,实现“一窗受理、集成服务”。

    大厅工作人员介绍,企业开办全流程1个工作日内办结,不动产登记5个工作日内完成。
    """

    /// A story that mentions service points and services in passing: no service facts.
    static let passingMentionPage = """
    老旧小区改造让居民住得更舒心

    ■全媒体记者 王磊

    本报讯 昨天,记者走进南湖区新兴街道,看到改造后的小区焕然一新。社区党群服务中心的工作人员介绍,今年共有8个小区完成改造,居民满意度明显提升。

    “以后有事就去服务中心问问。”居民张阿姨说,物业公司也为居民提供了更加贴心的服务,政务服务窗口前的队伍也短了。
    """

    // MARK: - Event pages

    /// A contest announcement: organisers, theme, groups, who may enter, deadline, rounds, prizes, benefits.
    static let contestPage = """
    第三届“运河杯”青年创业大赛启动
    最高可获5万元奖金

    ■全媒体记者 陆晓敏

    本报讯 昨天,第三届“运河杯”青年创业大赛在嘉兴南湖区正式启动。本届大赛由共青团嘉兴市委、嘉兴市人力资源和社会保障局联合主办,嘉兴市青年创业促进会承办,以“青春创未来”为主题。

    大赛设初创组、成长组两个组别,面向45周岁以下的创业者,凡在嘉兴注册的企业或有意在嘉兴创业的团队均可报名。报名截止时间为9月20日,复赛定于10月8日举行,决赛将于10月中旬举行。

    大赛设一等奖1名、二等奖3名、三等奖5名,一等奖奖金5万元,二等奖奖金2万元。获奖项目还可享受创业担保贷款、场地租金减免等扶持政策。
    """

    /// A short announcement: organiser before the name, groups, who may enter, an open-ended registration.
    static let artContestPage = """
    南湖区“南湖杯”少儿书画比赛开始报名

    ■记者 徐丽

    本报讯 由南湖区文联主办的第二届“南湖杯”少儿书画比赛即日起开始报名。本次比赛分设书法组和绘画组,凡6至14周岁的南湖区中小学生均可报名,报名时间即日起至8月31日。比赛将于9月28日在南湖区文化馆举行,设一等奖10名、二等奖20名,一等奖可获得奖金1000元。
    """

    /// A games report: a year-led name, a closing venue, an organiser and team winners.
    static let gamesPage = """
    2024年嘉兴市全民健身运动会落幕

    ■记者 张伟

    本报讯 10月20日,2024年嘉兴市全民健身运动会在嘉兴体育中心落下帷幕。本届运动会由嘉兴市体育局主办,共设田径、游泳、乒乓球等12个比赛项目。经过3天角逐,秀洲区代表队获得团体一等奖,南湖区代表队和海宁市代表队分获二等奖。
    """

    /// An ordinary meeting with an organiser and a theme: no event facts.
    static let meetingPage = """
    全市安全生产工作推进会召开

    ■记者 李强

    本报讯 昨天下午,全市安全生产工作推进会召开。会议由市应急管理局主办,副市长王明出席并讲话。会议以“守底线 保平安”为主题,部署下一阶段重点工作。会后,与会人员还参加了主题党日活动。
    """

    // MARK: - Figure pages

    /// Trade figures: a period, a growth clause, an inherited subject, a count and an area.
    static let tradePage = """
    我市外贸进出口总额创新高

    ■全媒体记者 周敏

    本报讯 记者从市商务局获悉,今年前三季度,全市实现进出口总额2860.5亿元,同比增长6.2%,其中出口额约1980亿元。截至9月底,全市跨境电商企业累计达1.2万家,海外仓面积突破80万平方米。
    """

    /// Numbers that are not figures: a phone number, times, dates, an ordinal, amounts inside a clause.
    static let noFigurePage = """
    市民卡服务热线开通

    ■记者 陈晨

    本报讯 市民卡服务热线昨天开通,咨询电话0573-82012345,每天8:30至17:00有人接听。今年8月15日起,第3届市民卡宣传周还将走进社区。工作人员投放了400万元的宣传资金,共有3个社区参与。
    """
}
