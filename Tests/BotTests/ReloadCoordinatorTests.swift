import Foundation
import Testing
@testable import Bot

@Suite struct ReloadCoordinatorTests {
    /// A reload that blocks until released, counting runs.
    final class GatedReload: @unchecked Sendable {
        let lock = NSLock()
        let gate = DispatchSemaphore(value: 0)
        let started = DispatchSemaphore(value: 0)
        var runs = 0
        var fail = false

        func run() throws -> DataSummary {
            started.signal()
            gate.wait()
            let (n, failing) = lock.withLock { runs += 1; return (runs, fail) }
            if failing { throw DataLoadError(message: "intents/bad.json: entry 2: missing field") }
            return DataSummary(pages: n, articles: 0, facts: 0, intents: 0, skippedPages: [])
        }
    }

    @Test func manyRequestsWhileOneRunsCoalesceIntoOneMore() {
        let reload = GatedReload()
        let outcomes = Locked<[ReloadOutcome]>([])
        let done = DispatchGroup()
        let coordinator = ReloadCoordinator(reload: { try reload.run() })
        for i in 0..<100 {
            done.enter()
            coordinator.request { outcome in
                outcomes.withLock { $0.append(outcome) }
                done.leave()
            }
            // The other 99 arrive while the first reload is running.
            if i == 0 { #expect(reload.started.wait(timeout: .now() + 10) == .success) }
        }
        reload.gate.signal()   // first run (served the first request)
        reload.gate.signal()   // one more run serves the other 99
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(reload.lock.withLock { reload.runs } == 2)
        #expect(outcomes.current.count == 100)
    }

    @Test func failureIsReportedAndTheNextReloadCanSucceed() {
        let reload = GatedReload()
        reload.fail = true
        let finished = DispatchSemaphore(value: 0)
        let hooks = Locked<[String]>([])
        let coordinator = ReloadCoordinator(reload: { try reload.run() },
                                             willReload: { hooks.withLock { $0.append("will") } },
                                             didReload: { outcome in hooks.withLock { $0.append("\(outcome)") } })
        let first = Locked<ReloadOutcome?>(nil)
        coordinator.request { outcome in first.withLock { $0 = outcome }; finished.signal() }
        reload.gate.signal()
        #expect(finished.wait(timeout: .now() + 10) == .success)
        #expect(first.current == .failed("intents/bad.json: entry 2: missing field"))

        reload.lock.withLock { reload.fail = false }
        let second = Locked<ReloadOutcome?>(nil)
        coordinator.request { outcome in second.withLock { $0 = outcome }; finished.signal() }
        reload.gate.signal()
        #expect(finished.wait(timeout: .now() + 10) == .success)
        if case .succeeded? = second.current {} else { Issue.record("expected success, got \(String(describing: second.current))") }
        #expect(hooks.current.count == 4)
    }
}
