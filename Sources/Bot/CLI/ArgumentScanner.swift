import Foundation

/// A command-line mistake: printed with the command's usage, exit status 2.
struct UsageError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Minimal option scanner for the subcommands: `--flag`, `--name VALUE`, `--name=VALUE`,
/// positionals, and `--` to end options. Each subcommand takes what it knows, then `finish()`
/// rejects anything left over, so a typo is an error rather than silently ignored.
struct ArgumentScanner {
    private var args: [String]
    private var consumed: [Bool]

    init(_ args: [String]) {
        self.args = args
        self.consumed = Array(repeating: false, count: args.count)
    }

    private var optionsEnd: Int { args.firstIndex(of: "--") ?? args.count }

    /// True when `--name` is present (and consumes it).
    mutating func flag(_ name: String) -> Bool {
        var found = false
        for i in 0..<optionsEnd where !consumed[i] && args[i] == name {
            consumed[i] = true
            found = true
        }
        return found
    }

    /// The value of `--name VALUE` or `--name=VALUE` (the last one wins); nil when absent.
    mutating func option(_ name: String) throws -> String? {
        var value: String?
        var i = 0
        while i < optionsEnd {
            defer { i += 1 }
            guard !consumed[i] else { continue }
            if args[i] == name {
                guard i + 1 < optionsEnd else { throw UsageError(message: "\(name) needs a value") }
                consumed[i] = true
                consumed[i + 1] = true
                value = args[i + 1]
                i += 1
            } else if args[i].hasPrefix(name + "=") {
                consumed[i] = true
                value = String(args[i].dropFirst(name.count + 1))
            }
        }
        return value
    }

    /// An integer option within `range`, or nil when absent.
    mutating func intOption(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = try option(name) else { return nil }
        guard let v = Int(text), range.contains(v) else {
            throw UsageError(message: "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
        }
        return v
    }

    /// A number option (seconds etc.) within `range`, or nil when absent.
    mutating func doubleOption(_ name: String, in range: ClosedRange<Double>) throws -> Double? {
        guard let text = try option(name) else { return nil }
        guard let v = Double(text), range.contains(v) else {
            throw UsageError(message: "\(name) must be a number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
        }
        return v
    }

    /// Remaining positional arguments, consuming them. Call after all `flag`/`option` calls.
    mutating func positionals() throws -> [String] {
        var out: [String] = []
        let end = optionsEnd
        for i in 0..<args.count where !consumed[i] {
            if i == end { consumed[i] = true; continue }
            if i < end && args[i].hasPrefix("--") && args[i].count > 2 {
                throw UsageError(message: "unknown option \(args[i])")
            }
            consumed[i] = true
            out.append(args[i])
        }
        return out
    }

    /// Throws if anything was not consumed.
    func finish() throws {
        for i in 0..<args.count where !consumed[i] {
            if args[i].hasPrefix("--") { throw UsageError(message: "unknown option \(args[i])") }
            throw UsageError(message: "unexpected argument '\(args[i])'")
        }
    }
}
