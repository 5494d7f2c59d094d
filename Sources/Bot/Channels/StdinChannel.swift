import Foundation

/// Request lines in on one descriptor, exactly one reply line out on another, in order, each
/// written whole and at once (no buffering); returns at end of input. Used by `chat` when stdin is
/// not a terminal and by `serve --stdin` (on its own thread, see `StdinChannel`).
///
/// Over-long lines get a `line_too_long` error reply and the loop carries on with the next line;
/// an unterminated last line is still answered.
enum LineLoop {
    /// Runs the loop for `chat`: exit status 0 at end of input, 2 when reading or writing fails.
    ///
    /// `forceJSON` gives JSON replies to plain-text lines (`chat --json`). `controls` nil makes
    /// `{"cmd": …}` lines an `unavailable` error.
    static func run(input: Int32, output: Int32, answering: any QuestionAnswering, defaultSession: String,
                    forceJSON: Bool, controls: (any ControlHandler)? = nil, maxLineBytes: Int = 4096) -> Int32 {
        let responder = LineResponder(codec: ProtocolCodec(maxLineBytes: maxLineBytes), answering: answering,
                                      controls: controls, observer: nil, forceJSON: forceJSON)
        return run(input: input, output: output, responder: responder, defaultSession: defaultSession)
    }

    /// Runs the loop with a prepared responder. `lineLock` (optional) is held while a line is
    /// answered and its reply written, so a shutting-down daemon can wait for the reply in flight.
    static func run(input: Int32, output: Int32, responder: LineResponder, defaultSession: String,
                    lineLock: NSLock? = nil) -> Int32 {
        var framer = LineFramer(maxLineBytes: responder.codec.jsonLimits.maxBytes)
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 65_536, alignment: 1)
        defer { chunk.deallocate() }

        func handle(_ event: LineFramer.Event) -> Bool {
            lineLock?.lock()
            defer { lineLock?.unlock() }
            let reply: [UInt8]
            switch event {
            case .line(let bytes): reply = responder.respondAndWait(to: bytes, from: .owner, defaultSession: defaultSession)
            case .tooLong: reply = responder.refuse(.tooLong(limit: framer.maxLineBytes), id: nil, format: .json)
            }
            return SocketIO.writeAll(output, reply)
        }

        while true {
            switch SocketIO.read(input, into: chunk) {
            case .bytes(let n):
                framer.append(UnsafeRawBufferPointer(rebasing: chunk[0..<n]))
                while let event = framer.nextLine() {
                    guard handle(event) else { return 2 }
                }
            case .endOfFile:
                while let event = framer.finish() {
                    guard handle(event) else { return 2 }
                }
                return 0
            case .wouldBlock:
                // A non-blocking stdin (inherited that way): wait for it rather than spin.
                var p = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
                _ = poll(&p, 1, -1)
            case .failed:
                return 2
            }
        }
    }
}

/// `serve --stdin`: the line loop on stdin/stdout on a thread of its own (blocking reads). End of
/// stdin ends this channel only; the socket service keeps running.
final class StdinChannel: Sendable {
    private let responder: LineResponder
    private let logger: Logger
    /// Held while a stdin line is being answered; shutdown takes it to let that reply finish.
    let lineLock = NSLock()

    /// A channel answering through `responder`.
    init(responder: LineResponder, logger: Logger) {
        self.responder = responder
        self.logger = logger
    }

    /// Starts reading stdin on a new thread.
    func start() {
        let thread = Thread { [self] in
            let status = LineLoop.run(input: 0, output: 1, responder: responder, defaultSession: "stdin", lineLock: lineLock)
            logger.info("stdin_closed", ["status": status == 0 ? "eof" : "error"])
        }
        thread.name = "enquiry-bot stdin"
        thread.start()
    }
}
