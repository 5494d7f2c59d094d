import Foundation
@testable import Bot
import Knowledge

/// Shared by the understanding, answering and dialogue tests: two fixture pages written for these
/// tests (in the paper's style, not copies of the corpus), the shipped `intents/`, and one
/// `BotService` built on them once per test process.
///
/// What the pages hold (as the knowledge base extracts it):
/// - `2024-03-15_海盐版.txt`: route K258 (城乡公交; 海盐汽车南站 — 澉浦镇长川坝村; stops; 全程3元;
///   市民卡/支付宝/云闪付/乘车码; 6:15–17:45 from 海盐汽车南站, 6:50–18:20 from 长川坝村; 24 trips;
///   every 25~40 minutes), a short story, the 海盐县老年大学 notice box (address, two labelled
///   hotlines) and a weather box (today and tomorrow: sky, wind, one temperature each).
/// - `2024-03-16_秀洲版.txt`: the 新塍镇便民服务中心 (host, address, 186 items, three commitments by
///   scope), the 第二届“南湖菱”乡村创意设计大赛 (organiser, groups, eligibility, deadline, preliminary,
///   final, a prize per group) and route 206 (termini, first/last per terminus, flat fare).
enum BotFixtures {
    /// The package root, found from this file's path.
    static let packageRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The shipped intents.
    static let intentsDirectory = packageRoot + "/intents"
    /// The bundled corpus.
    static let corpusDirectory = packageRoot + "/corpus"

    static let haiyanFile = "2024-03-15_海盐版.txt"
    static let xiuzhouFile = "2024-03-16_秀洲版.txt"

    /// A county page: a new bus route, a notice box with labelled hotlines, a weather box.
    static let haiyanPage = """
    海盐版

    JIAXING DAILY

    城乡公交K258路明起开通 海盐城区到澉浦半小时直达

    ■全媒体记者 沈 岚

    本报讯 记者昨天从县交通运输局获悉,城乡公交K258路将于明天起正式开通运营。该线路起讫站点海盐汽车南站——澉浦镇长川坝村,途经武原街道、秦山街道、澉浦镇区等14个站点。

    K258路全程票价3元,乘客可使用市民卡、支付宝或云闪付乘车码支付。海盐汽车南站首末班时间为6:15、17:45,长川坝村首末班时间为6:50、18:20,每天24个班次,发车间隔25~40分钟。

    “以前到县城要在秦山换一趟车,现在家门口就能直达。”长川坝村村民老朱说。

    老年大学春季班开始招生

    ■通讯员 王 慧

    本报讯 海盐县老年大学春季班即日起开始报名,今年新开设书法、声乐、智能手机应用等课程,60周岁以上的县内老年人均可报名。

    海盐县老年大学
    地址:海盐县武原街道朝阳东路168号
    报名热线:86123456(书画班)、86123457(声乐班)
    温馨提示:报名请携带身份证

    今天阴有小雨,东北风3到4级,最高气温16℃。明天小雨转多云,西北风4到5级,明天早晨最低气温9℃。
    """

    /// A district page: a service centre, a design contest, a timetable change for route 206.
    static let xiuzhouPage = """
    秀洲版

    新塍镇便民服务中心正式启用 186项事项实现“一站式”办理

    ■全媒体记者 顾晓婷 通讯员 钱 程

    本报讯 昨天,秀洲区新塍镇便民服务中心正式启用。该中心由新塍镇人民政府牵头建设,位于新塍镇新园路36号,设有18个综合窗口,可办理186项事项。

    中心承诺,简单事项1个工作日内办结,一般事项3个工作日内办结,复杂事项10个工作日内办结。“以前办个证要跑好几趟,现在一个窗口就搞定了。”前来办事的村民钱先生说。

    第二届“南湖菱”乡村创意设计大赛启动 最高奖金3万元

    ■全媒体记者 许 诺

    本报讯 昨天,第二届“南湖菱”乡村创意设计大赛在秀洲区正式启动。本届大赛由秀洲区农业农村局主办,以“设计赋能乡村”为主题。

    大赛设学生组和专业组两个组别,面向全国高校在校学生和设计从业人员,凡年满18周岁的设计爱好者均可报名。报名截止时间为10月15日,初赛定于10月28日举行,决赛将于11月20日在新塍镇举行。

    大赛设一等奖、二等奖、三等奖若干名,学生组一等奖奖金1万元,专业组一等奖奖金3万元。

    206路公交调整首末班时间

    ■记者 陆 平

    本报讯 记者从市公交集团获悉,自下周一起,206路公交线路首末班时间调整。该线路起讫站点嘉兴火车站——王江泾客运站,火车站首末班时间为5:50、21:00,王江泾客运站首末班时间为6:30、21:40,票价2元。
    """

    /// The fixture pages by file name.
    static let pages: [(file: String, text: String)] = [(haiyanFile, haiyanPage), (xiuzhouFile, xiuzhouPage)]

    /// Writes `pages` into `directory` (created if needed).
    static func write(_ pages: [(file: String, text: String)], to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for p in pages { try p.text.write(toFile: directory + "/" + p.file, atomically: true, encoding: .utf8) }
    }

    /// A service on the fixture pages and the shipped intents, loaded from a temp directory that is
    /// removed once loaded (nothing here reloads it).
    static func makeService(sessions: SessionStore = SessionStore()) -> BotService {
        let dir = TemporaryDirectory()
        do {
            try write(pages, to: dir.path)
            return try BotService(corpusDirectory: dir.path, intentsDirectory: intentsDirectory, logger: .silent, sessions: sessions)
        } catch {
            fatalError("cannot build the fixture bot: \(error)")
        }
    }

    /// Built once for the whole test process (each question gets its own session unless a test
    /// names one, so tests do not see each other's dialogue).
    static let service: BotService = makeService()

    /// The engine of `service`.
    static var engine: BotEngine { service.engine }

    /// Asks `text` in a fresh session (or `session`), as a channel would.
    static func ask(_ text: String, session: String? = nil) -> Reply {
        service.answer(Request(id: nil, text: text, session: session ?? "t-" + UUID().uuidString), defaultSession: "default")
    }

    /// Understands `text` without answering it.
    static func understand(_ text: String) -> Understanding { engine.analyzer.analyze(text) }
}
