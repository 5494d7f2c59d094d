import Foundation
import Testing
@testable import Bot
import Knowledge

/// Follow-ups answered against the session's route or entity; sessions independent of each other;
/// the session store's time-to-live, capacity and name limit; sessions surviving a reload.
@Suite struct DialogueTests {
    typealias F = BotFixtures

    /// One turn of a dialogue: the question, substrings the answer must contain and must not.
    struct Turn: Sendable {
        var question: String
        var contains: [String]
        var excludes: [String] = []
    }

    struct Dialogue: Sendable, CustomTestStringConvertible {
        var name: String
        var turns: [Turn]
        var testDescription: String { name }
    }

    @Test(arguments: [
        Dialogue(name: "route: first after last, fare, last again", turns: [
            Turn(question: "K258路末班车几点", contains: ["K258路", "17:45", "18:20"]),
            Turn(question: "那首班车呢", contains: ["K258路", "06:15", "06:50"], excludes: ["05:50"]),
            Turn(question: "票价呢", contains: ["K258路", "3元"], excludes: ["2元"]),
            Turn(question: "最后一班几点", contains: ["K258路", "17:45", "18:20"], excludes: ["21:00"]),
        ]),
        Dialogue(name: "the dialogue follows the route last named", turns: [
            Turn(question: "K258路票价多少钱", contains: ["3元"]),
            Turn(question: "206路呢", contains: ["206路"], excludes: ["K258"]),
            Turn(question: "那首班车呢", contains: ["206路", "05:50", "06:30"], excludes: ["06:15"]),
        ]),
        Dialogue(name: "contact: phone after address", turns: [
            Turn(question: "海盐县老年大学在哪里", contains: ["朝阳东路168号"]),
            Turn(question: "电话是多少", contains: ["海盐县老年大学", "86123456", "86123457"]),
        ]),
        Dialogue(name: "service: where after who", turns: [
            Turn(question: "新塍镇便民服务中心是谁牵头建设的", contains: ["新塍镇人民政府"]),
            Turn(question: "在哪里", contains: ["秀洲区新塍镇便民服务中心", "新园路36号"]),
            Turn(question: "复杂事项多久办结", contains: ["10个工作日"], excludes: ["3个工作日"]),
        ]),
        Dialogue(name: "event: final after deadline", turns: [
            Turn(question: "南湖菱大赛报名截止时间", contains: ["10月15日"]),
            Turn(question: "决赛呢", contains: ["南湖菱", "11月20日"], excludes: ["10月15日"]),
        ]),
    ])
    func followUpsResolveAgainstTheSession(_ d: Dialogue) {
        let session = "dialogue-" + UUID().uuidString
        for turn in d.turns {
            let reply = F.ask(turn.question, session: session)
            #expect(!reply.fallback, "\(turn.question) declined: \(reply.answer)")
            #expect(reply.session == session)
            for s in turn.contains { #expect(reply.answer.contains(s), "\(turn.question) → \(reply.answer) lacks \(s)") }
            for s in turn.excludes { #expect(!reply.answer.contains(s), "\(turn.question) → \(reply.answer) has \(s)") }
            #expect(!reply.sources.isEmpty)
        }
    }

    @Test func aFollowUpWithoutASessionContextIsNotAnsweredFromAnother() {
        let a = "a-" + UUID().uuidString, b = "b-" + UUID().uuidString
        #expect(!F.ask("K258路末班车几点", session: a).fallback)
        #expect(!F.ask("海盐县老年大学在哪里", session: b).fallback)
        // Each session keeps its own subject.
        let inA = F.ask("电话是多少", session: a)
        #expect(!inA.answer.contains("86123456"))
        let inB = F.ask("电话是多少", session: b)
        #expect(inB.answer.contains("86123456"))
        let firstInA = F.ask("那首班车呢", session: a)
        #expect(firstInA.answer.contains("06:15"))
        let firstInB = F.ask("那首班车呢", session: b)
        #expect(!firstInB.answer.contains("06:15"))
        // A session never used knows nothing.
        let fresh = F.ask("那首班车呢", session: "c-" + UUID().uuidString)
        #expect(!fresh.answer.contains("06:15") && !fresh.answer.contains("05:50"))
    }

    @Test func aDeclineDoesNotForgetTheSubject() {
        let session = "keep-" + UUID().uuidString
        #expect(!F.ask("K258路票价多少钱", session: session).fallback)
        #expect(F.ask("嘉兴市第一医院电话是多少", session: session).fallback)
        let reply = F.ask("那首班车呢", session: session)
        #expect(reply.answer.contains("K258路") && reply.answer.contains("06:15"), "\(reply.answer)")
    }

    @Test func theSessionRemembersRouteIntentAndLanguage() throws {
        let store = SessionStore()
        let service = F.makeService(sessions: store)
        _ = service.answer(Request(id: nil, text: "What is the fare of route K258?", session: "s"), defaultSession: "d")
        let state = try #require(store.state(for: "s"))
        #expect(state.routeID == "K258")
        #expect(state.intent == "transit.fare")
        #expect(state.language == .en)
        // A request without a session uses the channel's default one.
        _ = service.answer(Request(id: nil, text: "海盐县老年大学在哪里", session: nil), defaultSession: "conn-1")
        let byDefault = try #require(store.state(for: "conn-1"))
        #expect(byDefault.entity == DialogueState.EntityRef(kind: "contact", name: "海盐县老年大学"))
        #expect(byDefault.routeID == nil)
    }

    // MARK: - SessionStore

    /// A clock the test moves by hand.
    final class ManualClock: @unchecked Sendable {
        private let lock = NSLock()
        private var seconds: Double = 1000
        var now: Double { lock.withLock { seconds } }
        func advance(_ s: Double) { lock.withLock { seconds += s } }
    }

    @Test func sessionsExpireAfterTheirTimeToLive() {
        let clock = ManualClock()
        let store = SessionStore(ttl: 60, capacity: 100, clock: { clock.now })
        store.update("s", DialogueState(routeID: "K258"))
        clock.advance(59)
        #expect(store.state(for: "s")?.routeID == "K258")
        // Reading does not extend the time; an update does.
        clock.advance(2)
        #expect(store.state(for: "s") == nil)
        #expect(store.count == 0)                 // dropped when read expired
        store.update("t", DialogueState(routeID: "206"))
        clock.advance(50)
        store.update("t", DialogueState(routeID: "206"))
        clock.advance(50)
        #expect(store.state(for: "t")?.routeID == "206")
    }

    @Test func updateStampsTheTime() throws {
        let clock = ManualClock()
        let store = SessionStore(ttl: 60, capacity: 10, clock: { clock.now })
        store.update("s", DialogueState(updatedAt: 0))
        #expect(try #require(store.state(for: "s")).updatedAt == 1000)
    }

    @Test func overCapacityTheLeastRecentlyUpdatedAreEvicted() {
        let clock = ManualClock()
        let store = SessionStore(ttl: 3600, capacity: 10, clock: { clock.now })
        for i in 0..<10 {
            store.update("s\(i)", DialogueState(routeID: "\(i)"))
            clock.advance(1)
        }
        #expect(store.count == 10)
        store.update("s0", DialogueState(routeID: "0"))   // s0 is now the most recent
        clock.advance(1)
        store.update("s10", DialogueState(routeID: "10"))  // the 11th: evict down to 90 % (9)
        #expect(store.count == 9)
        for gone in ["s1", "s2"] { #expect(store.state(for: gone) == nil, "\(gone) kept") }
        for kept in ["s0", "s3", "s9", "s10"] { #expect(store.state(for: kept) != nil, "\(kept) evicted") }
    }

    @Test func expiredSessionsAreEvictedBeforeLiveOnes() {
        let clock = ManualClock()
        let store = SessionStore(ttl: 10, capacity: 4, clock: { clock.now })
        store.update("old1", DialogueState())
        store.update("old2", DialogueState())
        clock.advance(20)
        store.update("new1", DialogueState())
        store.update("new2", DialogueState())
        store.update("new3", DialogueState())   // 5 > 4: the two expired go, nothing live
        #expect(store.count == 3)
        for s in ["new1", "new2", "new3"] { #expect(store.state(for: s) != nil) }
    }

    @Test func longSessionNamesAreTruncated() {
        let store = SessionStore()
        let long = String(repeating: "会", count: SessionStore.maxNameLength)
        store.update(long + "话甲", DialogueState(routeID: "K258"))
        // Same first 128 scalars: the same session.
        #expect(store.state(for: long + "话乙")?.routeID == "K258")
        #expect(store.state(for: long)?.routeID == "K258")
        #expect(store.state(for: String(long.dropLast())) == nil)
        #expect(store.count == 1)
        store.remove(long + "x")
        #expect(store.count == 0)
    }

    @Test func capacityIsAtLeastOne() {
        let store = SessionStore(ttl: 60, capacity: 0)
        #expect(store.capacity == 1)
        store.update("a", DialogueState())
        store.update("b", DialogueState())
        #expect(store.count <= 1)
    }

    @Test func concurrentUpdatesStayWithinCapacity() {
        let store = SessionStore(ttl: 3600, capacity: 50)
        DispatchQueue.concurrentPerform(iterations: 2000) { i in
            store.update("s\(i)", DialogueState(routeID: "\(i)"))
            _ = store.state(for: "s\(i / 2)")
        }
        #expect(store.count <= 50)
    }

    // MARK: - Reload

    @Test func reloadKeepsSessionsAndServesTheNewPages() throws {
        let dir = TemporaryDirectory()
        try F.write([(F.haiyanFile, F.haiyanPage)], to: dir.path)
        let service = try BotService(corpusDirectory: dir.path, intentsDirectory: F.intentsDirectory, logger: .silent)
        let first = service.answer(Request(id: nil, text: "K258路末班车几点", session: "r"), defaultSession: "d")
        #expect(first.answer.contains("17:45"))
        #expect(service.answer(Request(id: nil, text: "206路首班车几点", session: "other"), defaultSession: "d").fallback)

        // The timetable changes and route 206's page arrives.
        let retimed = F.haiyanPage.replacingOccurrences(of: "海盐汽车南站首末班时间为6:15、17:45", with: "海盐汽车南站首末班时间为6:05、17:45")
        #expect(retimed != F.haiyanPage)
        try F.write([(F.haiyanFile, retimed), (F.xiuzhouFile, F.xiuzhouPage)], to: dir.path)
        let summary = try service.reload()
        #expect(summary.pages == 2)
        #expect(service.summary == summary)

        let followUp = service.answer(Request(id: nil, text: "那首班车呢", session: "r"), defaultSession: "d")
        #expect(!followUp.fallback)
        #expect(followUp.answer.contains("K258路") && followUp.answer.contains("06:05"), "\(followUp.answer)")
        #expect(!followUp.answer.contains("06:15"))
        #expect(service.answer(Request(id: nil, text: "206路首班车几点", session: "other"), defaultSession: "d").answer.contains("05:50"))
    }

    @Test func aFailedReloadKeepsTheOldDataAndSessions() throws {
        let dir = TemporaryDirectory()
        try F.write([(F.haiyanFile, F.haiyanPage)], to: dir.path)
        let service = try BotService(corpusDirectory: dir.path, intentsDirectory: F.intentsDirectory, logger: .silent)
        #expect(!service.answer(Request(id: nil, text: "K258路票价多少钱", session: "r"), defaultSession: "d").fallback)
        try FileManager.default.removeItem(atPath: dir.file(F.haiyanFile))   // no readable pages left
        #expect(throws: DataLoadError.self) { try service.reload() }
        let reply = service.answer(Request(id: nil, text: "那首班车呢", session: "r"), defaultSession: "d")
        #expect(reply.answer.contains("06:15"), "\(reply.answer)")
        #expect(service.summary.pages == 1)
    }
}
