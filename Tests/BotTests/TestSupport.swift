import Foundation
@testable import Bot

/// A temporary directory removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() {
        var template = Array((NSTemporaryDirectory() + "/bot-test-XXXXXX").utf8CString)
        path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }
}

/// Answers `echo: TEXT`; declines (fallback) when the text contains "?decline".
struct EchoAnswering: QuestionAnswering {
    func answer(_ request: Request, defaultSession: String) -> Reply {
        var reply = Reply(id: request.id, answer: "echo: " + request.text, intent: "echo", confidence: 1,
                          fallback: request.text.contains("?decline"), session: request.session ?? defaultSession, lang: "en")
        reply.normalizedText = request.text.lowercased()
        reply.nearest = [NearestCandidate(article: "A", file: "a.txt", score: 0.5)]
        return reply
    }
}

/// A value shared between test threads, guarded by a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<R>(_ body: (inout Value) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }

    var current: Value { withLock { $0 } }
}
