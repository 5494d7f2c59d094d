import Foundation

/// The daemon's answers to `{"cmd":"stats"}` and `{"cmd":"reload"}` (who may ask is checked by
/// `LineResponder` through `access`).
///
/// - stats → `{"id":…,"stats":{…}}` (see `ServerStats` for the members).
/// - reload → runs a reload (coalesced with SIGHUP, see `ReloadCoordinator`) and replies when it
///   has finished: `{"id":…,"reload":{"result":"ok","data":{…}}}` or
///   `{"id":…,"reload":{"result":"failed","error":"…","data":{…old data…}}}`.
struct DaemonControls: ControlHandler {
    /// Who may run commands.
    let access: ControlAccess
    /// The counters reported by `stats`.
    let stats: ServerStats
    /// The data summary comes from here.
    let service: BotService
    /// Reloads go through here (coalesced with SIGHUP).
    let reloads: ReloadCoordinator

    /// Runs `command`; a reload replies once it has finished.
    func perform(_ command: ControlCommand, completion: @escaping @Sendable ([(String, JSONValue)]) -> Void) {
        switch command {
        case .stats:
            completion([("stats", stats.snapshot(data: service.summary))])
        case .reload:
            let service = self.service
            reloads.request { outcome in
                switch outcome {
                case .succeeded(let data):
                    completion([("reload", .object([("result", .string("ok")), ("data", ServerStats.json(data))]))])
                case .failed(let why):
                    completion([("reload", .object([("result", .string("failed")), ("error", .string(why)),
                                                    ("data", ServerStats.json(service.summary))]))])
                }
            }
        }
    }
}

/// Several observers as one (stats and the unanswered log).
struct ReplyObservers: ReplyObserver {
    /// Told in this order.
    let observers: [any ReplyObserver]

    func didAnswer(_ request: Request, reply: Reply, seconds: Double) {
        for o in observers { o.didAnswer(request, reply: reply, seconds: seconds) }
    }

    func didRefuse(_ error: LineError) {
        for o in observers { o.didRefuse(error) }
    }
}
