import Foundation

/// A JSON value, used where the protocol carries arbitrary JSON (request ids echoed verbatim,
/// the debug/explain payload, stats). Parsing and encoding live in `JSONLine.swift`.
indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// Numbers keep their literal text so an id like `12345678901234567890` or `1.50` echoes exactly.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Keys in insertion order (replies are written in a stable, documented field order).
    case object([(String, JSONValue)])

    static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// Convenience for building numbers.
    static func int(_ v: Int) -> JSONValue { .number(String(v)) }
    static func double(_ v: Double) -> JSONValue {
        if v.isNaN || v.isInfinite { return .null }
        // Three decimals without `String(format:)` (which is slow on Linux).
        let milli = Int((v * 1000).rounded())
        let sign = milli < 0 ? "-" : ""
        let a = abs(milli)
        let frac = String(a % 1000)
        return .number(sign + String(a / 1000) + "." + String(repeating: "0", count: 3 - frac.count) + frac)
    }

    /// Member lookup for objects (first match); `nil` for other kinds.
    subscript(key: String) -> JSONValue? {
        guard case let .object(pairs) = self else { return nil }
        return pairs.first(where: { $0.0 == key })?.1
    }

    var stringValue: String? {
        if case let .string(s) = self { return s }
        return nil
    }
}
