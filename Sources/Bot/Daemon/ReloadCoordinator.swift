import Foundation

/// How one reload ended.
enum ReloadOutcome: Sendable, Equatable {
    /// New data is being served.
    case succeeded(DataSummary)
    /// The old data is still being served; the message says why the new was refused.
    case failed(String)
}

/// Runs reloads off the serving path and coalesces requests: at most one reload runs and at most
/// one more is pending, however many SIGHUPs or `{"cmd":"reload"}` arrive meanwhile (100 HUPs in a
/// second cost two reloads). A request made while a reload runs is served by the next one, so it
/// always sees files as they were when it asked.
final class ReloadCoordinator: @unchecked Sendable {
    /// Called with each reload's outcome (and the requests it served).
    typealias Completion = @Sendable (ReloadOutcome) -> Void

    private let queue = DispatchQueue(label: "enquiry-bot.reload", qos: .utility)
    private let reload: @Sendable () throws -> DataSummary
    private let willReload: @Sendable () -> Void
    private let didReload: @Sendable (ReloadOutcome) -> Void

    // Guarded by `lock`: touched by requesters (signal queue, answer queue) and the reload queue.
    private let lock = NSLock()
    private var running = false
    private var pending = false
    private var waitingForPending: [Completion] = []

    /// `reload` builds and swaps the data (throws to keep the old); `willReload` and `didReload`
    /// run on the reload queue around each attempt (sd_notify, stats, logs).
    init(reload: @escaping @Sendable () throws -> DataSummary,
         willReload: @escaping @Sendable () -> Void = {},
         didReload: @escaping @Sendable (ReloadOutcome) -> Void = { _ in }) {
        self.reload = reload
        self.willReload = willReload
        self.didReload = didReload
    }

    /// Asks for a reload; `completion` (optional) gets the outcome of the reload that serves it.
    func request(completion: Completion? = nil) {
        lock.lock()
        if let completion { waitingForPending.append(completion) }
        if running {
            pending = true
            lock.unlock()
            return
        }
        running = true
        lock.unlock()
        queue.async { self.runUntilNothingPending() }
    }

    private func runUntilNothingPending() {
        while true {
            lock.lock()
            let served = waitingForPending
            waitingForPending = []
            pending = false
            lock.unlock()

            willReload()
            let outcome: ReloadOutcome
            do { outcome = .succeeded(try reload()) } catch { outcome = .failed(String(describing: error)) }
            didReload(outcome)
            for completion in served { completion(outcome) }

            lock.lock()
            if !pending {
                running = false
                lock.unlock()
                return
            }
            lock.unlock()
        }
    }
}
