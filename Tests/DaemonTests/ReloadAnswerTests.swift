import Foundation
import Testing

/// A reload changes what the running daemon answers, not just its page count: a route that only a
/// new page describes is declined before the page arrives and answered from it afterwards, by
/// SIGHUP and by the `reload` command.
@Suite struct ReloadAnswerTests {
    /// A page written for this test: route K301, which no bundled page mentions.
    static let newPage = """
    平湖版

    跨省公交K301路开通 平湖到金山卫站40分钟

    ■全媒体记者 陆 遥

    本报讯 昨天,平湖至上海金山的跨省公交K301路正式开通。该线路起讫站点平湖客运中心——金山卫火车站,全程票价5元,可刷交通联合卡或扫码乘车。平湖客运中心首末班时间为6:40、18:10,金山卫火车站首末班时间为7:30、19:00,每天16个班次。
    """
    static let newFile = "2024-05-20_平湖版.txt"

    static func ask(_ daemon: RunningDaemon, _ id: String, _ text: String, session: String = "reload-test") throws -> [String: Any] {
        let request = String(decoding: try JSONSerialization.data(withJSONObject: ["id": id, "text": text, "session": session]), as: UTF8.self)
        guard let reply = json(try daemon.ask(request)), reply["id"] as? String == id else { throw HarnessError.badReply(text) }
        return reply
    }

    static func sources(_ reply: [String: Any]) -> [[String: Any]] { reply["sources"] as? [[String: Any]] ?? [] }

    @Test func hupWithANewPageAnswersWhatWasDeclined() throws {
        try withDaemon { daemon in
            let before = try Self.ask(daemon, "before", "K301路首班车几点")
            #expect(before["fallback"] as? Bool == true)
            #expect((before["answer"] as? String)?.contains("K301") == true)          // says what was not found
            #expect(Self.sources(before).isEmpty)

            try Self.newPage.write(toFile: daemon.workspace.corpus + "/" + Self.newFile, atomically: true, encoding: .utf8)
            daemon.signal(SIGHUP)
            #expect(daemon.waitForLog("event=reload_finished result=ok"))

            let after = try Self.ask(daemon, "after", "K301路首班车几点")
            #expect(after["fallback"] as? Bool == false)
            let answer = after["answer"] as? String ?? ""
            #expect(answer.contains("06:40") && answer.contains("07:30"), "\(answer)")
            #expect(after["intent"] as? String == "transit.first_departure")
            #expect(Self.sources(after).contains { $0["file"] as? String == Self.newFile && ($0["sentence"] as? String)?.contains("6:40") == true })
            // The bundled pages still answer.
            let old = try Self.ask(daemon, "old", "115路首班车几点")
            #expect((old["answer"] as? String)?.contains("07:30") == true)
        }
    }

    @Test func reloadCommandWithANewPageKeepsTheSession() throws {
        try withDaemon { daemon in
            // The session is about route 115 before the reload.
            #expect(try Self.ask(daemon, "fare", "115路票价多少钱", session: "s")["fallback"] as? Bool == false)
            #expect(try Self.ask(daemon, "k301", "K301路票价多少钱", session: "other")["fallback"] as? Bool == true)

            try Self.newPage.write(toFile: daemon.workspace.corpus + "/" + Self.newFile, atomically: true, encoding: .utf8)
            let reload = json(try daemon.ask(#"{"id":"r","cmd":"reload"}"#))
            #expect(value(reload, "reload", "result") as? String == "ok")

            let fare = try Self.ask(daemon, "k301-again", "K301路票价多少钱", session: "other")
            #expect(fare["fallback"] as? Bool == false)
            #expect((fare["answer"] as? String)?.contains("5元") == true)
            // The follow-up still resolves against route 115, not the new route.
            let followUp = try Self.ask(daemon, "follow", "那首班车呢", session: "s")
            let text = followUp["answer"] as? String ?? ""
            #expect(text.contains("115路") && text.contains("07:30") && !text.contains("K301"), "\(text)")
        }
    }
}
