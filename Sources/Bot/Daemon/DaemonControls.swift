import Foundation

/// The daemon's answers to `{"cmd":"stats"}` and `{"cmd":"reload"}` (who may ask is checked by
/// `LineResponder` through `access`).
///
/// - stats → `{"id":…,"stats":{…}}` (see `ServerStats` for the members).
/// - reload → runs a reload (coalesced with SIGHUP, see `ReloadCoordinator`) and replies when it
///   has finished: `{"id":…,"reload":{"result":"ok","data":{…}}}` or
///   `{"id":…,"reload":{"result":"failed","error":"…","data":{…old data…}}}`.
struct DaemonControls: ControlHandler {
    let access: ControlAccess
    let stats: ServerStats
    let service: BotService
    let reloads: ReloadCoordinator

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
    let observers: [any ReplyObserver]

    func didAnswer(_ request: Request, reply: Reply, seconds: Double) {
        for o in observers { o.didAnswer(request, reply: reply, seconds: seconds) }
    }

    func didRefuse(_ error: LineError) {
        for o in observers { o.didRefuse(error) }
    }
}
