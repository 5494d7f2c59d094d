import Foundation

/// Per-session dialogue state with a time-to-live and a cap on how many sessions are kept.
///
/// Thread-safe: every access takes `lock` (held only for a dictionary operation). Expired
/// sessions are dropped when read; when the cap is exceeded the least recently used tenth is
/// evicted, so memory stays bounded whatever clients send as session names.
final class SessionStore: @unchecked Sendable {
    /// Default time a session is remembered without activity.
    static let defaultTTL: Double = 30 * 60
    /// Default maximum number of sessions remembered.
    static let defaultCapacity = 10_000
    /// Longest session name kept (longer names are truncated, so a client cannot grow keys).
    static let maxNameLength = 128

    let ttl: Double
    let capacity: Int
    private let clock: @Sendable () -> Double
    private let lock = NSLock()
    private var states: [String: DialogueState] = [:]

    init(ttl: Double = SessionStore.defaultTTL, capacity: Int = SessionStore.defaultCapacity,
         clock: @escaping @Sendable () -> Double = SessionStore.monotonicSeconds) {
        self.ttl = ttl
        self.capacity = max(1, capacity)
        self.clock = clock
    }

    /// The live state of `session`, or nil if unknown or expired.
    func state(for session: String) -> DialogueState? {
        let key = SessionStore.key(session)
        let now = clock()
        lock.lock(); defer { lock.unlock() }
        guard let s = states[key] else { return nil }
        if now - s.updatedAt > ttl {
            states[key] = nil
            return nil
        }
        return s
    }

    /// Stores `state` for `session`, stamping the time.
    func update(_ session: String, _ state: DialogueState) {
        var s = state
        s.updatedAt = clock()
        let key = SessionStore.key(session)
        lock.lock(); defer { lock.unlock() }
        states[key] = s
        if states.count > capacity { evict(now: s.updatedAt) }
    }

    /// Forgets a session.
    func remove(_ session: String) {
        lock.lock(); states[SessionStore.key(session)] = nil; lock.unlock()
    }

    /// Number of sessions held (including expired ones not yet dropped).
    var count: Int {
        lock.lock(); defer { lock.unlock() }
        return states.count
    }

    /// Drops expired sessions, then the least recently used until 90 % of capacity. Caller holds `lock`.
    private func evict(now: Double) {
        states = states.filter { now - $0.value.updatedAt <= ttl }
        guard states.count > capacity else { return }
        let keep = capacity * 9 / 10
        let sorted = states.sorted { $0.value.updatedAt > $1.value.updatedAt }
        states = Dictionary(uniqueKeysWithValues: sorted.prefix(keep).map { ($0.key, $0.value) })
    }

    private static func key(_ session: String) -> String {
        session.unicodeScalars.count <= maxNameLength ? session : String(scalars: session.unicodeScalars.prefix(maxNameLength))
    }

    @Sendable static func monotonicSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }
}
