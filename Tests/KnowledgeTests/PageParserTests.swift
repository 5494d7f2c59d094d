import Testing
@testable import Knowledge

/// Page text → articles, on small fixture pages written in the paper's layout (not copies of
/// the corpus), then a few checks on the bundled corpus.
@Suite struct PageParserTests {
    static func parse(_ text: String, file: String = "fixture.txt", metadata: PageMetadata = PageMetadata()) -> [Article] {
        PageParser.parse(Page(file: file, metadata: metadata, text: text))
    }

    // MARK: - Headline, byline, body

    static let basicPage = """
    城南新添一座口袋公园

    ■全媒体记者 林晓 通讯员 王芳

    本报讯 昨天上午,城南街道的口袋公园正式开放,周边居民多了一处休闲好去处。

    公园设有儿童游乐区和健身步道,开放首日就迎来不少市民。
    """

    /// A notice that is only `key：value` lines under its title and header keeps those lines.
    @Test func aNoticeOfOnlyLabelledLinesKeepsThem() throws {
        let page = """
        禾城公交调度室电话一览
        发布日期：2030-06-01
        信息来源：禾城公交集团

        北站调度室（206路）：0573-81118888
        南门首末站调度室（K258路）：0573-81119999
        """
        let a = try #require(Self.parse(page).first)
        #expect(a.paragraphs == ["北站调度室（206路）：0573-81118888", "南门首末站调度室（K258路）：0573-81119999"])
        #expect(a.documentTitle == "禾城公交调度室电话一览")
    }

    @Test func headlineBylineAndBody() throws {
        let articles = Self.parse(Self.basicPage)
        let a = try #require(articles.first)
        #expect(articles.count == 1)
        #expect(a.kind == .story)
        #expect(a.headline == "城南新添一座口袋公园")
        #expect(a.byline == "■全媒体记者 林晓 通讯员 王芳")
        #expect(a.kicker == nil && a.subtitle == nil && a.column == nil)
        #expect(a.paragraphs == [
            "昨天上午,城南街道的口袋公园正式开放,周边居民多了一处休闲好去处。",   // 本报讯 dateline stripped
            "公园设有儿童游乐区和健身步道,开放首日就迎来不少市民。",
        ])
        #expect(a.captions.isEmpty)
        #expect(a.sentenceIDs.isEmpty)
        #expect(a.title == "城南新添一座口袋公园")
    }

    @Test func bylineOnTwoLines() throws {
        let page = """
        城南新添一座口袋公园

        ■全媒体记者 林晓
        通讯员 王芳 李强

        本报讯 昨天上午,城南街道的口袋公园正式开放。
        """
        let a = try #require(Self.parse(page).first)
        #expect(a.byline == "■全媒体记者 林晓 通讯员 王芳 李强")
    }

    @Test func kickerHeadlineSubtitleAndColumn() throws {
        let page = """
        □文明城市创建进行时

        老旧小区换新颜
        加装电梯惠及上百户居民
        居民出行更方便

        ■记者 张明

        本报讯 近日,南湖区多个老旧小区完成电梯加装,居民出行更方便了。
        """
        let a = try #require(Self.parse(page).first)
        #expect(a.column == "文明城市创建进行时")
        #expect(a.kicker == "老旧小区换新颜")
        #expect(a.headline == "加装电梯惠及上百户居民")
        #expect(a.subtitle == "居民出行更方便")
        #expect(a.title == "老旧小区换新颜 加装电梯惠及上百户居民 居民出行更方便")
        #expect(a.byline == "■记者 张明")
    }

    @Test func headlineAndSubtitleInSeparateBlocks() throws {
        let page = """
        社区食堂开张

        老人吃饭不再愁

        ■记者 吴磊

        本报讯 昨天,东栅街道社区食堂正式开张。
        """
        let a = try #require(Self.parse(page).first)
        #expect(a.headline == "社区食堂开张")
        #expect(a.subtitle == "老人吃饭不再愁")
    }

    @Test func bareNamesLineIsTheByline() {
        let page = """
        海宁 打造乡村振兴新样板

        汤纯凤 宋依依

        今年以来,海宁市持续推进乡村振兴,村集体经济不断壮大。

        桐乡 农产品直播带货火热

        沈晓洲

        近日,桐乡多个村开展农产品直播带货活动,销售额创新高。
        """
        let articles = Self.parse(page)
        #expect(articles.map(\.headline) == ["海宁 打造乡村振兴新样板", "桐乡 农产品直播带货火热"])
        #expect(articles.map(\.byline) == ["汤纯凤 宋依依", "沈晓洲"])
        #expect(articles.map(\.paragraphs.count) == [1, 1])
    }

    @Test func bylineGluedToHeadlineLine() throws {
        let page = """
        “邻里帮”化解居民急难愁盼■记者 孙悦
        通讯员 周平

        本报讯 近日,城西社区推出“邻里帮”志愿服务,帮助独居老人解决生活难题。
        """
        let a = try #require(Self.parse(page).first)
        #expect(a.headline == "“邻里帮”化解居民急难愁盼")
        #expect(a.byline == "■记者 孙悦 通讯员 周平")
        #expect(a.paragraphs == ["近日,城西社区推出“邻里帮”志愿服务,帮助独居老人解决生活难题。"])
    }

    @Test func trailingBylineAfterTheBody() {
        let page = """
        社区食堂开张 老人吃饭不再愁

        本报讯 昨天,南湖区东栅街道社区食堂正式开张,六十岁以上老人就餐可享优惠。

        ■记者 吴磊

        夜市重新开张

        ■记者 陈静

        本报讯 昨晚,月河夜市重新开张,吸引大批市民前来。
        """
        let articles = Self.parse(page)
        #expect(articles.map(\.headline) == ["社区食堂开张 老人吃饭不再愁", "夜市重新开张"])
        #expect(articles.map(\.byline) == ["■记者 吴磊", "■记者 陈静"])
    }

    @Test func commentatorBylineBeforeTheHeadline() throws {
        let page = """
        ■本报评论员

        让便民服务更暖心

        便民服务是检验作风的试金石。只有把群众的事当作自己的事,才能赢得群众的信任。
        """
        let a = try #require(Self.parse(page).first)
        #expect(a.kind == .commentary)
        #expect(a.headline == "让便民服务更暖心")
        #expect(a.byline == "■本报评论员")
        #expect(a.paragraphs.count == 1)
    }

    @Test func penNameByline() throws {
        let page = """
        奏响节能降耗“协奏曲”

        ■言子墨

        节能降耗是高质量发展的必答题。全市各地各部门要主动作为。
        """
        let a = try #require(Self.parse(page).first)
        #expect(a.byline == "■言子墨")
        #expect(a.headline == "奏响节能降耗“协奏曲”")
    }

    // MARK: - Repair

    @Test("a paragraph broken across a blank line is joined", arguments: [
        ("公园里的健身步道越修越长,前来锻炼的市民越", "来越多,不少人清早就来散步。"),
        ("全县上下统筹推进各项工作,示范经验越", "来越多,群众满意度持续提升。"),
        // A short first half that looks like a headline (no punctuation, balanced quotes).
        ("此次将“邻里通”便民服务共", "享平台的使用权限授权给茂县后,当地居民也可在线预约上门服务。"),
    ])
    func brokenParagraphJoined(_ first: String, _ second: String) throws {
        let page = """
        平湖:数字平台助力对口支援

        ■记者 陆明

        本报讯 近日,平湖与茂县签署数字化应用共享协议。

        \(first)

        \(second)

        下一步,两地将继续深化合作。
        """
        let articles = Self.parse(page)
        #expect(articles.count == 1)
        let a = try #require(articles.first)
        #expect(a.paragraphs == ["近日,平湖与茂县签署数字化应用共享协议。", first + second, "下一步,两地将继续深化合作。"])
    }

    @Test func finishedParagraphsAreNotJoined() throws {
        let page = """
        城南新添一座口袋公园

        ■记者 林晓

        本报讯 昨天,城南口袋公园正式开放。

        “我们每天都来散步。”

        附近居民说,公园让生活更方便了。
        """
        let a = try #require(Self.parse(page).first)
        #expect(a.paragraphs == ["昨天,城南口袋公园正式开放。", "“我们每天都来散步。”", "附近居民说,公园让生活更方便了。"])
    }

    @Test func exactDuplicateParagraphKeptOnce() throws {
        let page = """
        城南新添一座口袋公园

        ■记者 林晓

        本报讯 昨天,城南口袋公园正式开放。

        街道相关负责人表示,下一步将继续完善公园配套设施。

        街道相关负责人表示,下一步将继续完善公园配套设施。

        街道相关负责人表示,下一步将继续完善公园的配套设施。
        """
        let a = try #require(Self.parse(page).first)
        #expect(a.paragraphs == [
            "昨天,城南口袋公园正式开放。",
            "街道相关负责人表示,下一步将继续完善公园配套设施。",
            "街道相关负责人表示,下一步将继续完善公园的配套设施。",   // not an exact duplicate
        ])
    }

    // MARK: - Masthead and layout noise

    static let mastheadPage = """
    嘉善版

    嘉善发布

    最嘉善

    IN嘉善

    JIAXING
    DAILY

    城南新添一座口袋公园

    ■全媒体记者 林晓

    本报讯 昨天上午,城南街道的口袋公园正式开放。

    扫描二维码
    观看视频

    公园设有儿童游乐区和健身步道。

    第128期评论
    DIYI PINGLUN 栏目统筹:某某

    让公园更贴近百姓

    ■本报评论员

    口袋公园虽小,却连着民生。
    """

    @Test func mastheadNoiseDropped() throws {
        let articles = Self.parse(Self.mastheadPage)
        #expect(articles.map(\.headline) == ["城南新添一座口袋公园", "让公园更贴近百姓"])
        #expect(articles.map(\.kind) == [.story, .commentary])
        #expect(articles[0].paragraphs == ["昨天上午,城南街道的口袋公园正式开放。", "公园设有儿童游乐区和健身步道。"])
        #expect(articles[1].paragraphs == ["口袋公园虽小,却连着民生。"])
        let everything = articles.flatMap { [$0.headline, $0.kicker ?? "", $0.subtitle ?? "", $0.byline ?? ""] + $0.paragraphs + $0.captions }
        for noise in ["嘉善版", "嘉善发布", "最嘉善", "IN嘉善", "JIAXING", "DAILY", "扫描二维码", "观看视频", "第128期评论", "PINGLUN", "栏目统筹"] {
            #expect(!everything.contains { $0.contains(noise) }, "\(noise) leaked into an article")
        }
    }

    @Test func editionLabelBecomesPageMetadata() {
        let articles = Self.parse(Self.mastheadPage, metadata: PageMetadata(date: "2023-11-21"))
        #expect(articles.allSatisfy { $0.metadata == PageMetadata(edition: "嘉善版", date: "2023-11-21") })
    }

    @Test func editionFromTheLoaderWins() {
        let articles = Self.parse(Self.mastheadPage, metadata: PageMetadata(edition: "平湖版"))
        #expect(articles.allSatisfy { $0.metadata.edition == "平湖版" })
    }

    @Test("masthead and layout lines", arguments: [
        "嘉善发布", "平湖发布", "最嘉善", "IN嘉善", "IN平湖", "JIAXING DAILY", "扫描二维码", "观看视频", "DIYI PINGLUN",
    ])
    func layoutLineDropped(_ line: String) {
        let page = "城南新添一座口袋公园\n\n■记者 林晓\n\n本报讯 昨天,城南口袋公园正式开放。\n\n\(line)\n\n公园设有健身步道。"
        let articles = Self.parse(page)
        #expect(articles.count == 1)
        #expect(articles.first?.paragraphs == ["昨天,城南口袋公园正式开放。", "公园设有健身步道。"])
    }

    // MARK: - Photos

    @Test func photoCreditsBecomeCaptions() throws {
        let page = """
        社区新建停车场投用

        ■记者 赵晴

        本报讯 近日,城北社区新建的停车场正式投入使用,新增车位两百个。

        停车场建设现场 城北街道供图

        市民在停车场内停车 张伟/摄
        """
        let a = try #require(Self.parse(page).first)
        #expect(a.kind == .story)
        #expect(a.paragraphs == ["近日,城北社区新建的停车场正式投入使用,新增车位两百个。"])
        #expect(a.captions == ["停车场建设现场 城北街道供图", "市民在停车场内停车 张伟/摄"])
    }

    @Test func headlinedPhotoWithCredit() throws {
        let page = """
        破浪前行

        昨天,城东小学举行秋季运动会,同学们在赛场上奋勇争先。

        ■摄影 王强
        """
        let a = try #require(Self.parse(page).first)
        #expect(a.kind == .photo)
        #expect(a.headline == "破浪前行")
        #expect(a.byline == nil)
        #expect(a.captions == ["■摄影 王强"])
        #expect(a.paragraphs == ["昨天,城东小学举行秋季运动会,同学们在赛场上奋勇争先。"])
    }

    @Test func untitledPhotoCaptionIsItsOwnArticle() {
        let page = """
        社区新建停车场投用

        ■记者 赵晴

        本报讯 近日,城北社区新建的停车场正式投入使用。

        昨天,城东幼儿园举行大班毕业典礼,老师为小朋友们颁发毕业证书。

        ■摄影 李华 周敏
        """
        let articles = Self.parse(page)
        #expect(articles.count == 2)
        #expect(articles.map(\.kind) == [.story, .photo])
        #expect(articles[0].paragraphs == ["近日,城北社区新建的停车场正式投入使用。"])
        #expect(articles[0].captions.isEmpty)
        #expect(articles[1].headline == "")
        #expect(articles[1].title == "图片新闻")
        #expect(articles[1].paragraphs == ["昨天,城东幼儿园举行大班毕业典礼,老师为小朋友们颁发毕业证书。"])
        #expect(articles[1].captions == ["■摄影 李华 周敏"])
    }

    // MARK: - Notice and weather boxes

    static let boxesPage = """
    城东社区开设暑期托管班

    ■记者 钱程

    本报讯 近日,城东社区开设暑期托管班,为双职工家庭解决孩子看护难题。

    今天天气晴好,气温适宜,不少家长带着孩子前来报名。

    阳光艺术培训学校
    地址:嘉兴市南湖区文昌路88号
    招生热线:0573-82345678

    今天多云转阴,最高气温28℃,最低气温19℃。明天小雨,东北风3到4级。
    """

    @Test func noticeAndWeatherBoxes() throws {
        let articles = Self.parse(Self.boxesPage)
        #expect(articles.map(\.kind) == [.story, .notice, .weather])
        let story = articles[0]
        #expect(story.paragraphs.last == "今天天气晴好,气温适宜,不少家长带着孩子前来报名。")   // a story sentence, not a forecast
        let notice = articles[1]
        #expect(notice.headline == "阳光艺术培训学校")
        #expect(notice.paragraphs == ["地址:嘉兴市南湖区文昌路88号", "招生热线:0573-82345678"])
        let weather = articles[2]
        #expect(weather.headline == "")
        #expect(weather.title == "天气预报")
        #expect(weather.paragraphs == ["今天多云转阴,最高气温28℃,最低气温19℃。明天小雨,东北风3到4级。"])
    }

    @Test("forecast boxes versus story sentences about the weather", arguments: [
        ("今天多云转阴,最高气温28℃。", true),
        ("明天晴到多云,偏南风3到4级。", true),
        ("今夜小雨,最低气温5°C。", true),
        ("今天天气晴好,气温适宜", false),
        ("今天天气晴好,气温适宜,不少家长带着孩子前来报名。", false),
        ("最高气温28℃。", false),                       // no day or sky word
        ("今天多云。", false),                           // no printed measure
    ])
    func weatherShape(_ text: String, _ isForecast: Bool) {
        #expect(PageParser.isWeather(text) == isForecast)
    }

    // MARK: - Identity

    @Test func articleIDsAreFileAndOrdinal() {
        let articles = Self.parse(Self.boxesPage, file: "2023-07-02_嘉兴版.txt")
        #expect(articles.map(\.id.description) == ["2023-07-02_嘉兴版.txt#1", "2023-07-02_嘉兴版.txt#2", "2023-07-02_嘉兴版.txt#3"])
        #expect(articles.map(\.id.ordinal) == [1, 2, 3])
        #expect(articles.allSatisfy { $0.id.file == "2023-07-02_嘉兴版.txt" })
    }

    @Test func emptyPageHasNoArticles() {
        #expect(Self.parse("").isEmpty)
        #expect(Self.parse("嘉善版\n\n嘉善发布\n\nJIAXING\nDAILY").isEmpty)
    }

    // MARK: - Bundled corpus

    @Test func corpusSplitsIntoArticles() {
        let kb = PracticalFactsFixtures.corpus
        #expect(kb.articles.count == 38)
        let perPage = Dictionary(grouping: kb.articles, by: \.id.file).mapValues(\.count)
        #expect(perPage.count == 5)
        for (file, articles) in Dictionary(grouping: kb.articles, by: \.id.file) {
            #expect(articles.map(\.id.ordinal) == Array(1...articles.count), "ordinals of \(file)")
        }
        #expect(kb.articles.allSatisfy { !$0.paragraphs.isEmpty })
    }

    @Test func corpusBusArticle() throws {
        let kb = PracticalFactsFixtures.corpus
        let a = try #require(kb.articles.first { $0.headline == "直达! 我县新增一条省际毗邻公交" })
        #expect(a.kind == .story)
        #expect(a.byline == "■全媒体记者 徐子涵/文 谢天意/摄")
        #expect(a.paragraphs.count == 1)
        #expect(a.paragraphs[0].hasPrefix("昨天,我县又一条省际毗邻公交115路正式开行。"))
    }

    @Test func corpusNoticeAndWeatherBoxes() throws {
        let kb = PracticalFactsFixtures.corpus
        let notice = try #require(kb.articles.first { $0.kind == .notice })
        #expect(notice.headline == "嘉兴市交通学校")
        #expect(notice.paragraphs.contains { $0.hasPrefix("招生热线:") })
        let weather = kb.articles.filter { $0.kind == .weather }
        #expect(weather.count == 1)
        #expect(weather.first?.paragraphs.first?.hasPrefix("今天多云") == true)
        #expect(kb.articles.filter { $0.kind == .notice }.count == 1)
    }

    @Test func corpusSplitParagraphJoinedIntoItsStory() throws {
        let kb = PracticalFactsFixtures.corpus
        let story = try #require(kb.articles.first { $0.paragraphs.contains { $0.hasPrefix("“4#楼商务办公") } })
        #expect(story.headline.contains("金融创新中心"))
        let p = try #require(story.paragraphs.first { $0.hasPrefix("“4#楼商务办公") })
        #expect(p.contains("预计分别于5月和6月完成封顶"))
        // Nothing on the page starts with the orphaned second half.
        #expect(!kb.articles.contains { $0.headline.hasPrefix("成封顶") || $0.paragraphs.contains { $0.hasPrefix("成封顶") } })
    }

    @Test func corpusCommentaryAndGluedByline() throws {
        let kb = PracticalFactsFixtures.corpus
        let commentary = kb.articles.filter { $0.kind == .commentary }
        #expect(commentary.contains { $0.byline == "■本报评论员" && $0.headline == "扛起争当共同富裕先行典范的“嘉善担当”" })
        let glued = try #require(kb.articles.first { $0.title.contains("力解企业愁与盼") })
        #expect(glued.byline == "■记者 荣怡婷 通讯员 唐嘉诚")
        #expect(!glued.title.contains("■") && !glued.title.contains("荣怡婷"))
        #expect(glued.column == "增值化改革进行时")
    }
}
