import Foundation
import Testing
@testable import Bot

@Suite struct ControlAccessTests {
    @Test(arguments: [
        (Peer.owner, true),
        (.process(uid: 1000), true),
        (.process(uid: 1001), false),
        (.process(uid: 0), false),
        (.process(uid: nil), false),
    ])
    func onlyTheOwnerMayRunCommands(_ peer: Peer, _ allowed: Bool) {
        #expect(ControlAccess(ownerUID: 1000).allows(peer) == allowed)
    }

    /// The whole path: a stranger's `{"cmd":"stats"}` gets `forbidden` and never reaches the handler.
    @Test func strangersGetForbidden() {
        let controls = RecordingControls(access: ControlAccess(ownerUID: 1000))
        let responder = LineResponder(codec: ProtocolCodec(), answering: EchoAnswering(), controls: controls, observer: nil)
        let refused = responder.respondAndWait(to: Array(#"{"id":1,"cmd":"stats"}"#.utf8), from: .process(uid: 1001), defaultSession: "c")
        #expect(String(decoding: refused, as: UTF8.self)
                == #"{"id":1,"error":{"code":"forbidden","message":"stats is allowed only for the daemon's own user"},"fallback":true}"# + "\n")
        #expect(controls.count == 0)
        let allowed = responder.respondAndWait(to: Array(#"{"id":2,"cmd":"reload"}"#.utf8), from: .process(uid: 1000), defaultSession: "c")
        #expect(String(decoding: allowed, as: UTF8.self) == #"{"id":2,"done":"reload"}"# + "\n")
        #expect(controls.count == 1)
    }

    @Test func channelsWithoutControlsSayUnavailable() {
        let responder = LineResponder(codec: ProtocolCodec(), answering: EchoAnswering(), controls: nil, observer: nil)
        let reply = responder.respondAndWait(to: Array(#"{"cmd":"stats"}"#.utf8), from: .owner, defaultSession: "c")
        #expect(String(decoding: reply, as: UTF8.self).contains(#""code":"unavailable""#))
    }
}

/// Counts commands and answers `{"done": name}` from another thread.
final class RecordingControls: ControlHandler, @unchecked Sendable {
    let access: ControlAccess
    private let lock = NSLock()
    private var performed = 0

    init(access: ControlAccess) { self.access = access }

    var count: Int { lock.withLock { performed } }

    func perform(_ command: ControlCommand, completion: @escaping @Sendable ([(String, JSONValue)]) -> Void) {
        lock.withLock { performed += 1 }
        DispatchQueue.global().async { completion([("done", .string(command.rawValue))]) }
    }
}
