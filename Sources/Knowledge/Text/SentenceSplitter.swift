import Foundation

/// Splits a paragraph into sentences.
///
/// Sentences end at `。！？!?` and at hard line ends. Closing quotes and brackets right after a
/// terminator stay with the sentence, and a terminator inside “…” does not end the sentence, so
/// quotes stay balanced — unless the quotation runs on past `maxQuotedLength` characters (a
/// missing closing quote must not swallow a whole paragraph).
///
/// | input                                   | sentences                               |
/// |-----------------------------------------|-----------------------------------------|
/// | `今天多云。明天晴。`                     | `今天多云。` `明天晴。`                   |
/// | `“这笔资金解了急。”公司负责人说。下一步…` | `“这笔资金解了急。”公司负责人说。` `下一步…` |
/// | `地址:某路1号\n热线:123`                 | `地址:某路1号` `热线:123`               |
public enum SentenceSplitter {
    /// Quotations longer than this may be split inside.
    public static let maxQuotedLength = 240

    public static func split(_ paragraph: String) -> [String] {
        var sentences: [String] = []
        // The sentence being read is the paragraph's scalars from `start` up to the one read:
        // kept as a range of the paragraph, not copied scalar by scalar.
        let scalars = paragraph.unicodeScalars
        var start = scalars.startIndex
        var depth = 0
        var quotedLength = 0
        var justEnded = false

        func flush(upTo end: String.UnicodeScalarView.Index) {
            let s = Substring(scalars[start..<end]).trimmed
            if !s.isEmpty { sentences.append(s) }
            start = end
            justEnded = false
        }

        var i = scalars.startIndex
        while i != scalars.endIndex {
            let s = scalars[i]
            let next = scalars.index(after: i)
            defer { i = next }
            if s == "\n" || s == "\r" {
                flush(upTo: i); depth = 0; quotedLength = 0
                start = next
                continue
            }
            if justEnded {
                if isCloser(s) { continue }   // closers stay with the sentence
                flush(upTo: i)
                if depth > 0 { quotedLength = 0 }
            }
            switch s {
            case "\u{201C}":
                depth += 1
                quotedLength = 0
            case "\u{201D}":
                depth = max(0, depth - 1)
            case "。", "！", "？", "!", "?":
                // Inside a quotation the sentence goes on (“…。”某某说。) unless it runs too long.
                if depth == 0 || quotedLength > maxQuotedLength { justEnded = true }
            default:
                break
            }
            if depth > 0 { quotedLength += 1 }
        }
        flush(upTo: scalars.endIndex)
        return sentences
    }

    @inline(__always) static func isCloser(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case ")", "）", "】", "。", "！", "？", "!", "?", "…": return true
        default: return false
        }
    }
}
