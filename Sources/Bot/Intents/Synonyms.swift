import Foundation
import Knowledge

/// Near-synonyms of two-character words (`运营` ~ `营运`, `申请` ~ `申办`), from
/// `synonyms-*.tsv` in the intents directory — generated from CC-CEDICT by
/// `scripts/gen-cedict-synonyms.py`, never edited by hand. A question's bigram unit finds its
/// alternatives by the word's bigram term key.
///
/// Stored flat (sorted keys, offsets, one scalar buffer): three allocations for the whole table,
/// so loading it costs a pass over the file and one sort.
struct Synonyms: Sendable {
    /// Word bigram keys, ascending; `offsets[i]..<offsets[i + 1]` are word i's synonyms' scalars
    /// in `scalars`, two per synonym.
    private var keys: [UInt64] = []
    private var offsets: [Int32] = [0]
    private var scalars: [Unicode.Scalar] = []

    static let empty = Synonyms()

    static func isSynonymFile(_ name: String) -> Bool { name.hasPrefix("synonyms-") && name.hasSuffix(".tsv") }

    /// Words with synonyms.
    var count: Int { keys.count }

    /// Synonyms of a two-character word.
    func of(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> [[Unicode.Scalar]] {
        let key = Term(bigram: a, b).key
        var lo = 0, hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if keys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        guard lo < keys.count, keys[lo] == key else { return [] }
        return stride(from: Int(offsets[lo]), to: Int(offsets[lo + 1]), by: 2).map { [scalars[$0], scalars[$0 + 1]] }
    }

    /// Parses `word<TAB>syn syn …` lines (`#` comments, blank lines skipped). A line that is not
    /// two Han characters, a tab and space-separated two-character Han synonyms is an error
    /// naming file and line; so is a word listed twice.
    static func parse(_ text: String, file: String) throws -> Synonyms {
        var entries: [(key: UInt64, start: Int, end: Int)] = []
        var buffer: [Unicode.Scalar] = []
        buffer.reserveCapacity(text.utf8.count / 3)
        var lineNumber = 1
        func fail(_ why: String) -> IntentCatalogError {
            IntentCatalogError(file: file, intent: nil, field: "line \(lineNumber)", message: why)
        }
        // Per line: the word (up to 2 scalars seen), then synonyms written straight into `buffer`.
        var word: [Unicode.Scalar] = []
        var inWord = true, comment = false, blank = true
        var lineStart = 0, fieldStart = 0
        func endField() throws {
            let n = buffer.count - fieldStart
            if n == 0 { return }
            guard n == 2, ScalarClass.isHan(buffer[fieldStart]), ScalarClass.isHan(buffer[fieldStart + 1]) else {
                throw fail("synonym “\(String(scalars: buffer[fieldStart...]))” must be two Han characters")
            }
            // Itself, or one already listed, is dropped.
            let dup = buffer[fieldStart] == word[0] && buffer[fieldStart + 1] == word[1]
                || stride(from: lineStart, to: fieldStart, by: 2).contains { buffer[$0] == buffer[fieldStart] && buffer[$0 + 1] == buffer[fieldStart + 1] }
            if dup { buffer.removeLast(2) }
        }
        func endLine() throws {
            defer { lineNumber += 1; word.removeAll(keepingCapacity: true); inWord = true; comment = false; blank = true; lineStart = buffer.count; fieldStart = buffer.count }
            if comment || blank { return }
            guard !inWord else { throw fail("must be a word, a tab and its synonyms") }
            try endField()
            guard buffer.count > lineStart else { throw fail("no synonyms") }
            entries.append((Term(bigram: word[0], word[1]).key, lineStart, buffer.count))
        }
        for c in text.unicodeScalars {
            if c == "\n" { try endLine(); continue }
            if comment || c == "\r" { continue }
            if blank && c == "#" { comment = true; continue }
            blank = false
            if inWord {
                if c == "\t" {
                    guard word.count == 2, ScalarClass.isHan(word[0]), ScalarClass.isHan(word[1]) else { throw fail("word must be two Han characters") }
                    inWord = false; fieldStart = buffer.count
                } else {
                    word.append(c)
                }
            } else if c == " " {
                try endField(); fieldStart = buffer.count
            } else {
                buffer.append(c)
            }
        }
        try endLine()
        entries.sort { $0.key < $1.key }
        var out = Synonyms()
        out.keys.reserveCapacity(entries.count)
        out.offsets.reserveCapacity(entries.count + 1)
        out.scalars.reserveCapacity(buffer.count)
        for (i, e) in entries.enumerated() {
            if i > 0 && entries[i - 1].key == e.key {
                throw IntentCatalogError(file: file, intent: nil, field: nil, message: "word “\(String(scalars: [buffer[e.start], buffer[e.start + 1]]))…” listed twice")
            }
            out.keys.append(e.key)
            out.scalars += buffer[e.start..<e.end]
            out.offsets.append(Int32(out.scalars.count))
        }
        return out
    }

    /// This table with another's words added (a word in both keeps this table's synonyms, then
    /// the other's it lacks).
    func merged(with other: Synonyms) -> Synonyms {
        if keys.isEmpty { return other }
        if other.keys.isEmpty { return self }
        var lines: [UInt64: [Unicode.Scalar]] = [:]
        for t in [self, other] {
            for (i, k) in t.keys.enumerated() {
                var mine = lines[k] ?? []
                for j in stride(from: Int(t.offsets[i]), to: Int(t.offsets[i + 1]), by: 2)
                    where !stride(from: 0, to: mine.count, by: 2).contains(where: { mine[$0] == t.scalars[j] && mine[$0 + 1] == t.scalars[j + 1] }) {
                    mine += [t.scalars[j], t.scalars[j + 1]]
                }
                lines[k] = mine
            }
        }
        var out = Synonyms()
        for k in lines.keys.sorted() {
            out.keys.append(k); out.scalars += lines[k]!; out.offsets.append(Int32(out.scalars.count))
        }
        return out
    }
}
