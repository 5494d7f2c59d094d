import Foundation

/// Runs control commands for a channel. The daemon implements it; `chat` passes nil (then every
/// `{"cmd": …}` gets an `unavailable` error).
protocol ControlHandler: Sendable {
    /// Who may run commands.
    var access: ControlAccess { get }
    /// Runs `command`; `completion` gets the reply members after `id` (e.g. `[("stats", …)]`) and
    /// may be called later on any thread (a reload replies when it has finished).
    func perform(_ command: ControlCommand, completion: @escaping @Sendable ([(String, JSONValue)]) -> Void)
}

/// Told about every answered question and refused line (stats, the unanswered log).
protocol ReplyObserver: Sendable {
    /// A question was answered in `seconds` (measured around `answer`).
    func didAnswer(_ request: Request, reply: Reply, seconds: Double)
    /// A line got an error reply.
    func didRefuse(_ error: LineError)
}

/// Turns one request line into one reply line — the behaviour behind every channel (the stdin
/// loop and each socket connection hand it the same bytes; framing stays in `LineFramer`).
struct LineResponder: Sendable {
    /// Decodes requests and encodes replies.
    var codec: ProtocolCodec
    /// The bot (thread-safe; called concurrently from socket connections).
    var answering: any QuestionAnswering
    /// Stats and reload; nil when the channel has none.
    var controls: (any ControlHandler)?
    /// Stats and unanswered-log hooks; nil for none.
    var observer: (any ReplyObserver)?
    /// JSON replies even to plain-text lines (`chat --json`).
    var forceJSON: Bool = false

    /// Answers `line` (without its `\n`) and calls `completion` with the reply line. Questions
    /// complete on the calling thread; control commands may complete later, on another thread.
    func respond(to line: [UInt8], from peer: Peer, defaultSession: String,
                 completion: @escaping @Sendable ([UInt8]) -> Void) {
        switch codec.decode(line) {
        case .question(let request):
            let started = DispatchTime.now().uptimeNanoseconds
            let reply = answering.answer(request, defaultSession: defaultSession)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            observer?.didAnswer(request, reply: reply, seconds: seconds)
            completion(codec.encode(reply, format: forceJSON ? .json : request.format))
        case let .control(command, id):
            guard let controls else { return completion(refuse(.unavailable(command), id: id, format: .json)) }
            guard controls.access.allows(peer) else { return completion(refuse(.forbidden(command), id: id, format: .json)) }
            let codec = self.codec
            controls.perform(command) { members in completion(codec.encodeControl(members, id: id)) }
        case let .invalid(error, id, format):
            completion(refuse(error, id: id, format: format))
        }
    }

    /// The error reply for a line that is not a request (also used for over-long stdin lines).
    func refuse(_ error: LineError, id: JSONValue?, format: WireFormat) -> [UInt8] {
        observer?.didRefuse(error)
        return codec.encode(error, id: id, format: forceJSON ? .json : format)
    }

    /// `respond` for a caller that handles one line at a time (the stdin loop): waits for
    /// control commands to finish.
    func respondAndWait(to line: [UInt8], from peer: Peer, defaultSession: String) -> [UInt8] {
        let box = ReplyBox()
        respond(to: line, from: peer, defaultSession: defaultSession) { box.put($0) }
        return box.take()
    }
}

/// A one-shot hand-over of a reply from whichever thread completes it.
private final class ReplyBox: @unchecked Sendable {
    // `value` is guarded by `condition`'s lock.
    private let condition = NSCondition()
    private var value: [UInt8]?

    func put(_ bytes: [UInt8]) {
        condition.lock()
        value = bytes
        condition.signal()
        condition.unlock()
    }

    func take() -> [UInt8] {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value!
    }
}
