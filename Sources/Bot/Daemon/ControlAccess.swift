import Foundation

/// Who sent a line, as far as control commands care.
enum Peer: Sendable, Equatable {
    /// The daemon's own stdin (`serve --stdin`): whoever started the daemon.
    case owner
    /// A socket client; `uid` from `SO_PEERCRED`, nil when the kernel would not say.
    case process(uid: uid_t?)
}

/// The rule for `{"cmd": …}`: stats and reload are for the daemon's own user only.
///
/// Root is not special-cased: an administrator reloads through the unit (`systemctl reload`,
/// i.e. SIGHUP) and reads stats by running the client as the service user.
struct ControlAccess: Sendable, Equatable {
    /// The uid the daemon runs as.
    let ownerUID: uid_t

    /// The access rule for the current process.
    static var currentProcess: ControlAccess { ControlAccess(ownerUID: getuid()) }

    /// True when `peer` may run control commands.
    func allows(_ peer: Peer) -> Bool {
        switch peer {
        case .owner: return true
        case .process(let uid?): return uid == ownerUID
        case .process(nil): return false
        }
    }
}
