#!/bin/sh
# Hand-run micro-measurement for ScriptTables (not a test; prints figures only).
#
#     sh scripts/bench-script-tables.sh
#
# Compiles ScriptTables.swift + the generated tables with -O into a throwaway
# executable (they depend on nothing else in Knowledge) and reports:
#   - first-use (lazy init) time of each table in a fresh process,
#   - steady-state decode time of each table (mean of repeated rebuilds),
#   - per-call cost of simplified(_:), pinyin(_:), simplified(String),
#     pinyinKey(of:) and pinyinSyllables(of:).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

cat > "$tmp/main.swift" <<'EOF'
import Dispatch

@inline(never) func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
func report(_ label: String, _ ns: Double) {
    let text = ns >= 1_000_000 ? "\(Double(Int(ns / 10_000)) / 100) ms"
        : ns >= 1_000 ? "\(Double(Int(ns / 10)) / 100) µs" : "\(Double(Int(ns * 100)) / 100) ns"
    print(label + String(repeating: " ", count: max(1, 48 - label.count)) + text)
}
var sink = 0

// First use in this process (includes page faults, allocation, decoding).
var t = now()
sink &+= Int(ScriptTables.simplified(Unicode.Scalar("臺")).value)
report("first simplified(_:) (lazy init)", Double(now() - t))
t = now()
sink &+= ScriptTables.pinyin(Unicode.Scalar("嘉"))?.utf8.count ?? 0
report("first pinyin(_:) (lazy init, both tables)", Double(now() - t))

// Steady-state decode cost.
let rebuilds = 200
t = now()
for _ in 0..<rebuilds { sink &+= ScriptTables.makeSimplifiedMap().count }
report("decode Traditional-Simplified map", Double(now() - t) / Double(rebuilds))
t = now()
for _ in 0..<rebuilds { sink &+= ScriptTables.makePinyinSyllableTable().count }
report("decode pinyin syllable list", Double(now() - t) / Double(rebuilds))
t = now()
for _ in 0..<rebuilds { sink &+= ScriptTables.makePinyinSyllableNumbers().count }
report("decode pinyin index", Double(now() - t) / Double(rebuilds))

// Per-scalar lookups over the whole covered range (plus ASCII).
var scalars: [Unicode.Scalar] = []
for r in ScriptTables.coveredRanges { for v in r { scalars.append(Unicode.Scalar(v)!) } }
for v in 0x20...0x7E { scalars.append(Unicode.Scalar(UInt32(v))!) }
let rounds = 100
t = now()
for _ in 0..<rounds { for s in scalars { sink &+= Int(ScriptTables.simplified(s).value) } }
report("simplified(_: Unicode.Scalar) per call", Double(now() - t) / Double(rounds * scalars.count))
t = now()
for _ in 0..<rounds { for s in scalars { sink &+= ScriptTables.pinyin(s)?.utf8.count ?? 0 } }
report("pinyin(_: Unicode.Scalar) per call", Double(now() - t) / Double(rounds * scalars.count))

// Whole questions.
let questions = ["嘉興南站幾點發車？", "青浦到嘉善的115路公交车", "田园五镇 G60 高速怎么走", "平湖 bus 7 timetable"]
let reps = 20_000
for q in questions {
    t = now()
    for _ in 0..<reps { sink &+= ScriptTables.simplified(q).utf8.count }
    report("simplified(\"\(q)\")", Double(now() - t) / Double(reps))
    t = now()
    for _ in 0..<reps { sink &+= ScriptTables.pinyinKey(of: q).utf8.count }
    report("pinyinKey(of: \"\(q)\")", Double(now() - t) / Double(reps))
    t = now()
    for _ in 0..<reps { sink &+= ScriptTables.pinyinSyllables(of: q).count }
    report("pinyinSyllables(of: \"\(q)\")", Double(now() - t) / Double(reps))
}
print("(sink \(sink & 1))")
EOF

# The tables are internal API; compile them into the same module as main.
swiftc -O -swift-version 6 -module-name ScriptTablesBench \
    "$root/Sources/Knowledge/Text/ScriptTables.swift" \
    "$root"/Sources/Knowledge/Text/Tables/*.swift \
    "$tmp/main.swift" -o "$tmp/bench"
"$tmp/bench"
