import Foundation

/// What the corpus generator varies on the bundled pages, and what it asks about the result.
///
/// The anchors are printed text of the bundled pages (`corpus/003_…`: route 115 and the foreign-
/// related service centre; `corpus/004_…`: the traffic school notice and the 田园五镇 contest;
/// `corpus/000_…`: the storytelling contest). A page without an anchor is left as it is there, and
/// a question is asked only when every anchor it `needs` is printed on the page's source.
extension CorpusGenerator {
    /// Printed text → its generated form.
    struct Rewrite: Sendable {
        var printed: String
        var generated: @Sendable (Variation) -> String
    }

    /// A question about rewritten facts: its text and the text the answer must contain.
    struct QuestionTemplate: Sendable {
        var fact: String
        var needs: [String]
        var ask: @Sendable (Variation) -> (question: String, expected: String)
    }

    /// Applied in this order, each once.
    static let rewrites: [Rewrite] = [
        // Route 115 (省际毗邻公交): number, timetable, fare, trips.
        Rewrite(printed: "115路") { $0.route + "路" },
        Rewrite(printed: "嘉善首末班时间为7:30、14:30") { "嘉善首末班时间为\($0.shifted("7:30"))、\($0.shifted("14:30"))" },
        Rewrite(printed: "青浦首末末班时间为10:00、17:00") { "青浦首末末班时间为\($0.shifted("10:00"))、\($0.shifted("17:00"))" },
        Rewrite(printed: "全程6元") { "全程\($0.fare)元" },
        Rewrite(printed: "每天8个班次") { "每天\($0.trips)个班次" },
        // The foreign-related service centre and its immigration station.
        Rewrite(printed: "企业涉外服务中心") { $0.tag + "企业涉外服务中心" },
        Rewrite(printed: "移民服务站") { $0.tag + "移民服务站" },
        Rewrite(printed: "在姚庄镇成立") { "在\($0.tag)镇成立" },
        Rewrite(printed: "签发原产地证超6000份") { "签发原产地证超\($0.certificates)份" },
        // The traffic school notice.
        Rewrite(printed: "嘉兴市交通学校") { "嘉兴市\($0.tag)交通学校" },
        Rewrite(printed: "85087171") { $0.phones.0 },
        Rewrite(printed: "85087980") { $0.phones.1 },
        Rewrite(printed: "大港段98号") { "大港段\($0.houseNumber)号" },
        // The 田园五镇 contest.
        Rewrite(printed: "田园五镇") { $0.tag + "五镇" },
        Rewrite(printed: "初赛(8月31日") { "初赛(8月\($0.preliminaryDay)日" },
        Rewrite(printed: "创业组最高奖金40000元") { "创业组最高奖金\($0.prize)元" },
        // The storytelling contest.
        Rewrite(printed: "红色故事讲解员大赛") { $0.tag + "红色故事讲解员大赛" },
        Rewrite(printed: "郭梦娜") { $0.winner },
    ]

    /// Questions asked about each varied page whose source prints what they need.
    static let questions: [QuestionTemplate] = [
        QuestionTemplate(fact: "route.fare", needs: ["115路", "全程6元"]) { ("\($0.route)路全程票价多少", "\($0.fare)元") },
        QuestionTemplate(fact: "route.last", needs: ["115路", "嘉善首末班时间为7:30、14:30"]) {
            ("\($0.route)路嘉善末班车几点", $0.shifted("14:30"))
        },
        QuestionTemplate(fact: "route.first", needs: ["115路", "青浦首末末班时间为10:00、17:00"]) {
            ("\($0.route)路青浦首班车几点", $0.shifted("10:00"))
        },
        QuestionTemplate(fact: "route.trips", needs: ["115路", "每天8个班次"]) { ("\($0.route)路每天几班", "\($0.trips)") },
        QuestionTemplate(fact: "route.last.en", needs: ["115路", "嘉善首末班时间为7:30、14:30"]) {
            ("What time is the last bus \($0.route) from Jiashan?", $0.shifted("14:30"))
        },
        QuestionTemplate(fact: "service.location", needs: ["移民服务站", "在姚庄镇成立"]) { ("\($0.tag)移民服务站在哪", "\($0.tag)镇") },
        QuestionTemplate(fact: "service.result", needs: ["企业涉外服务中心", "签发原产地证超6000份"]) {
            ("\($0.tag)企业涉外服务中心签发了多少原产地证", "\($0.certificates)")
        },
        QuestionTemplate(fact: "contact.phone", needs: ["嘉兴市交通学校", "85087171"]) { ("嘉兴市\($0.tag)交通学校驾校电话", $0.phones.0) },
        QuestionTemplate(fact: "contact.phone2", needs: ["嘉兴市交通学校", "85087980"]) {
            ("嘉兴市\($0.tag)交通学校全日制招生电话", $0.phones.1)
        },
        QuestionTemplate(fact: "contact.address", needs: ["嘉兴市交通学校", "大港段98号"]) {
            ("嘉兴市\($0.tag)交通学校地址", "\($0.houseNumber)号")
        },
        QuestionTemplate(fact: "event.date", needs: ["田园五镇", "初赛(8月31日"]) {
            ("\($0.tag)五镇大赛初赛什么时候", "8月\($0.preliminaryDay)日")
        },
        QuestionTemplate(fact: "event.prize", needs: ["田园五镇", "创业组最高奖金40000元"]) {
            ("\($0.tag)五镇大赛创业组最高奖金多少", "\($0.prize)")
        },
        QuestionTemplate(fact: "event.winner", needs: ["红色故事讲解员大赛", "郭梦娜"]) {
            ("\($0.tag)红色故事讲解员大赛一等奖是谁", $0.winner)
        },
    ]
}
