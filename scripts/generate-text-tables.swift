// generate-text-tables.swift
//
// Generates the embedded character tables used by `ScriptTables` (Knowledge
// library text normaliser) so that the hot path never calls ICU transforms.
//
// Usage (from anywhere; paths are resolved relative to this script):
//
//     swift scripts/generate-text-tables.swift
//
// Outputs (overwritten; commit them):
//
//   Sources/Knowledge/Text/Tables/TraditionalSimplifiedTable.swift
//       Every scalar in U+3400–U+4DBF, U+4E00–U+9FFF and U+F900–U+FAFF whose
//       ICU "Traditional-Simplified" transform differs from itself and is
//       exactly one scalar, encoded as one string literal of pairs
//       (traditional, simplified, traditional, simplified, …).
//
//   Sources/Knowledge/Text/Tables/PinyinTable.swift
//       Toneless lowercase pinyin (ICU "Han-Latin; Latin-ASCII", lowercased)
//       for every scalar in U+3400–U+4DBF, U+4E00–U+9FFF and U+F900–U+FAFF:
//       a space-separated syllable list (index 0 = "" = no reading) and an
//       index literal with two characters from a 64-character alphabet per
//       scalar (base-64, most significant digit first).
//
// The transforms are applied to newline-separated batches of 1,024 scalars
// (few ICU calls; per-call setup can be expensive); every batch is checked for 1:1
// alignment and a sample of each batch is cross-checked against per-character
// calls. A batch that fails either check is redone one character at a time.
//
// Output is deterministic: re-running with the same toolchain (same ICU data)
// produces byte-identical files (no timestamps or paths are written). A
// different toolchain may bundle different ICU data; the ICU consistency tests
// in Tests/KnowledgeTests/ScriptTablesTests.swift then flag a stale table.
// Whole run: ~2 s.

import Foundation

// MARK: - Configuration

/// Ranges covered by both tables, in the order they are laid out in the
/// pinyin index. `ScriptTables.swift` hard-codes the same ranges.
let ranges: [ClosedRange<UInt32>] = [
    0x3400...0x4DBF,  // CJK Unified Ideographs Extension A
    0x4E00...0x9FFF,  // CJK Unified Ideographs
    0xF900...0xFAFF,  // CJK Compatibility Ideographs
]
let batchSize = 1024
let separator: Unicode.Scalar = "\n"
/// Base-64 alphabet for the pinyin index; no characters that need escaping
/// in a Swift string literal.
let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".unicodeScalars)
precondition(alphabet.count == 64)

let scriptURL = URL(fileURLWithPath: #filePath).standardizedFileURL
let repoRoot = scriptURL.deletingLastPathComponent().deletingLastPathComponent()
let tablesDir = repoRoot.appendingPathComponent("Sources/Knowledge/Text/Tables")

let traditionalSimplified = StringTransform("Traditional-Simplified")
let hanLatin = StringTransform("Han-Latin; Latin-ASCII")

// MARK: - Batched transform

func stderr(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

func transformOne(_ scalar: Unicode.Scalar, _ transform: StringTransform) -> [Unicode.Scalar] {
    var s = ""
    s.unicodeScalars.append(scalar)
    guard let out = s.applyingTransform(transform, reverse: false) else {
        fatalError("ICU transform \(transform.rawValue) failed on U+\(String(scalar.value, radix: 16, uppercase: true))")
    }
    return Array(out.unicodeScalars)
}

/// Transforms each scalar independently; returns one scalar array per input
/// (batched, with per-character fallback for batches that fail the checks).
func transformAll(_ scalars: [Unicode.Scalar], _ transform: StringTransform, name: String) -> [[Unicode.Scalar]] {
    var results: [[Unicode.Scalar]] = []
    results.reserveCapacity(scalars.count)
    var fallbacks = 0
    var start = 0
    while start < scalars.count {
        let end = min(start + batchSize, scalars.count)
        let batch = scalars[start..<end]
        var input = ""
        input.unicodeScalars.reserveCapacity(batch.count * 2)
        for (i, s) in batch.enumerated() {
            if i > 0 { input.unicodeScalars.append(separator) }
            input.unicodeScalars.append(s)
        }
        var pieces: [[Unicode.Scalar]]? = nil
        if let out = input.applyingTransform(transform, reverse: false) {
            let split = out.unicodeScalars
                .split(separator: separator, omittingEmptySubsequences: false)
                .map { Array($0) }
            if split.count == batch.count { pieces = split }
        }
        // Cross-check a deterministic sample (first, last and every 61st) per character.
        if let p = pieces {
            let sample = Set([0, batch.count - 1] + Array(stride(from: 30, to: batch.count, by: 61)))
            for i in sample.sorted() {
                let single = transformOne(batch[batch.startIndex + i], transform)
                if trimmed(single) != trimmed(p[i]) {
                    stderr("\(name): batch at U+\(hex(batch.first!.value)) disagrees with per-character result at U+\(hex(batch[batch.startIndex + i].value)); falling back")
                    pieces = nil
                    break
                }
            }
        } else {
            stderr("\(name): batch at U+\(hex(batch.first!.value)) misaligned; falling back to per-character calls")
        }
        if let p = pieces {
            results.append(contentsOf: p)
        } else {
            fallbacks += batch.count
            for s in batch { results.append(transformOne(s, transform)) }
        }
        start = end
    }
    stderr("\(name): \(scalars.count) scalars, \(fallbacks) via per-character fallback")
    return results
}

func trimmed(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
    Array(s.drop(while: { $0.properties.isWhitespace }).reversed().drop(while: { $0.properties.isWhitespace }).reversed())
}

func hex(_ v: UInt32) -> String { String(v, radix: 16, uppercase: true) }

// MARK: - Collect scalars

var scalars: [Unicode.Scalar] = []
for r in ranges { for v in r { scalars.append(Unicode.Scalar(v)!) } }

// MARK: - Traditional → Simplified

let tsResults = transformAll(scalars, traditionalSimplified, name: "Traditional-Simplified")
var pairs: [(Unicode.Scalar, Unicode.Scalar)] = []
var tsSkipped = 0
for (s, out) in zip(scalars, tsResults) {
    if out == [s] { continue }
    if out.count == 1 { pairs.append((s, out[0])) } else { tsSkipped += 1 }
}
stderr("Traditional-Simplified: \(pairs.count) pairs, \(tsSkipped) skipped (not exactly one scalar)")

// MARK: - Pinyin

let pyResults = transformAll(scalars, hanLatin, name: "Han-Latin")
var readings: [String] = []
var noReading = 0
for out in pyResults {
    let word = String(String.UnicodeScalarView(trimmed(out))).lowercased()
    if !word.isEmpty, word.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }) {
        readings.append(word)
    } else {
        readings.append("")
        noReading += 1
    }
}
let syllables = [""] + Set(readings).subtracting([""]).sorted()
precondition(syllables.count <= 64 * 64, "too many syllables for a two-digit index")
let syllableIndex = Dictionary(uniqueKeysWithValues: syllables.enumerated().map { ($1, $0) })
stderr("Han-Latin: \(syllables.count - 1) distinct syllables, \(noReading) scalars without a reading")

// MARK: - Emit

/// A multi-line string literal whose lines are joined with `\` continuations,
/// i.e. a single literal with no embedded newlines (the last line has no `\`).
func literal(_ body: String, width: Int, indent: String = "    ") -> String {
    var lines: [String] = []
    var line = ""
    for s in body.unicodeScalars {
        line.unicodeScalars.append(s)
        if line.unicodeScalars.count == width {
            lines.append(line)
            line = ""
        }
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return indent + "\"\"\"\n"
        + lines.map { indent + $0 }.joined(separator: "\\\n") + "\n"
        + indent + "\"\"\""
}

/// The syllable list as a `\`-continued multi-line literal, broken only at
/// syllable boundaries (each continuation line starts with the separating space).
func syllableLiteral(_ syllables: [String], perLine: Int, indent: String = "    ") -> String {
    var out = indent + "\"\"\"\n"
    var i = 0
    while i < syllables.count {
        let chunk = syllables[i..<min(i + perLine, syllables.count)]
        // Index 0 is the empty syllable, so the first line also starts with a space.
        let line = (i == 0 ? "" : " ") + chunk.joined(separator: " ")
        i += perLine
        // `\` joins lines without a newline; not allowed on the last line.
        out += indent + line + (i < syllables.count ? "\\" : "") + "\n"
    }
    out += indent + "\"\"\""
    return out
}

let header = """
    // GENERATED FILE — DO NOT EDIT.
    // Regenerate with: swift scripts/generate-text-tables.swift
    // Source: ICU transforms bundled with Foundation (swift-corelibs-foundation).


    """

var tsBody = ""
for (t, s) in pairs {
    tsBody.unicodeScalars.append(t)
    tsBody.unicodeScalars.append(s)
}
let tsFile = header + """
    // ICU "Traditional-Simplified" over U+3400–U+4DBF, U+4E00–U+9FFF, U+F900–U+FAFF:
    // \(pairs.count) single-scalar mappings, stored as pairs (traditional, simplified, …)
    // in ascending order of the traditional scalar.

    extension ScriptTables {
        /// \(pairs.count) pairs; \(pairs.count * 2) scalars.
        static let traditionalSimplifiedPairCount = \(pairs.count)

        /// Pairs of scalars: traditional, simplified, traditional, simplified, …
        static let traditionalSimplifiedPairs: String =
    \(literal(tsBody, width: 64, indent: "        "))
    }

    """

var indexBody = ""
indexBody.unicodeScalars.reserveCapacity(readings.count * 2)
for r in readings {
    let i = syllableIndex[r]!
    indexBody.unicodeScalars.append(alphabet[i / 64])
    indexBody.unicodeScalars.append(alphabet[i % 64])
}
let rangeDoc = ranges.map { "U+\(hex($0.lowerBound))–U+\(hex($0.upperBound))" }.joined(separator: ", ")
let pyFile = header + """
    // ICU "Han-Latin; Latin-ASCII", lowercased, over \(rangeDoc)
    // (\(readings.count) scalars, laid out in that order). \(syllables.count - 1) distinct syllables;
    // \(noReading) scalars have no reading (index 0, the empty syllable).

    extension ScriptTables {
        /// Number of scalars covered by `pinyinIndex` (two index characters each).
        static let pinyinScalarCount = \(readings.count)

        /// Space-separated syllables. Index 0 is the empty syllable (the literal
        /// starts with a space), meaning "no reading".
        static let pinyinSyllableList: String =
    \(syllableLiteral(syllables, perLine: 16, indent: "        "))

        /// Two characters per scalar from the alphabet
        /// `A–Z a–z 0–9 - _` (digit values 0–63), most significant first:
        /// syllable number = 64 × value(first) + value(second).
        static let pinyinIndex: String =
    \(literal(indexBody, width: 128, indent: "        "))
    }

    """

try FileManager.default.createDirectory(at: tablesDir, withIntermediateDirectories: true)
let tsURL = tablesDir.appendingPathComponent("TraditionalSimplifiedTable.swift")
let pyURL = tablesDir.appendingPathComponent("PinyinTable.swift")
try Data(tsFile.utf8).write(to: tsURL)
try Data(pyFile.utf8).write(to: pyURL)
stderr("wrote \(tsURL.path) (\(tsFile.utf8.count) bytes)")
stderr("wrote \(pyURL.path) (\(pyFile.utf8.count) bytes)")
