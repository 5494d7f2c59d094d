import Foundation

/// The one text normaliser, applied alike to the corpus and to questions, so both meet in the
/// same form. The original text is always kept for display; only matching uses this form.
///
/// | input                      | output            | step                                  |
/// |----------------------------|-------------------|---------------------------------------|
/// | `ＡＢＣ１２３，`            | `abc123,`         | full-width → half-width, lowercase    |
/// | `一一五路公交首班車幾點`    | `115路公交首班车几点` | traditional → simplified, numerals |
/// | `七点半` / `7点半` / `7:30` | `7:30`            | times to one form                     |
/// | `下午两点半`               | `下午14:30`        | 12-hour clock words                   |
/// | `八月十五号`               | `8月15日`          | dates                                 |
/// | `十九连冠`                 | `19连冠`           | positional numerals                   |
/// | `三到四级`                 | `3到4级`           | ranges                                |
/// | `115 路`                   | `115路`            | spaces dropped except between words   |
///
/// Chinese numerals become digits only where they are quantities or identifiers (followed by a
/// measure word, after `第`, or digit-by-digit identifiers like `一一五`), so words such as
/// `一体化`, `统一`, `万事通` or `百姓` are left alone.
public struct Normalizer: Sendable {
    public init() {}

    /// Normalises `text` (see the table above).
    public func normalize(_ text: String) -> String {
        var t = Normalizer.foldWidthScriptAndSpace(text, track: false)
        ChineseNumerals.convert(&t)
        TimeExpressions.normalize(&t)
        return String(scalars: t.scalars)
    }

    /// Normalises and records, for every output scalar, the index of the input scalar it came
    /// from — so a span found in normalised text can be shown as printed.
    public func normalizeTracked(_ text: String) -> TrackedText {
        var t = Normalizer.foldWidthScriptAndSpace(text, track: true)
        ChineseNumerals.convert(&t)
        TimeExpressions.normalize(&t)
        return TrackedText(printed: text, count: text.scalarCount, scalars: t.scalars, origins: t.origins)
    }

    /// Width, compatibility forms, script, case and whitespace in one pass.
    static func foldWidthScriptAndSpace(_ text: String, track: Bool) -> ScalarBuffer {
        var out = ScalarBuffer(track: track, capacity: text.utf8.count / 2 + 4)
        var pendingSpace = false
        var origin = 0

        func emit(_ s: Unicode.Scalar) {
            if pendingSpace {
                if let last = out.scalars.last, isASCIIAlnum(last), isASCIIAlnum(s) { out.append(" ", from: origin - 1) }
                pendingSpace = false
            }
            out.append(s, from: origin)
        }

        for (position, s) in text.unicodeScalars.enumerated() {
            origin = position
            let v = s.value
            if v < 0x80 {
                if v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D || v == 0x0B || v == 0x0C {
                    if !out.scalars.isEmpty { pendingSpace = true }
                } else if v >= 0x41 && v <= 0x5A {
                    emit(Unicode.Scalar(v + 0x20)!)
                } else if v >= 0x20 {
                    emit(s)
                }
                continue
            }
            switch v {
            case 0xFF01...0xFF5E:
                let h = Unicode.Scalar(v - 0xFEE0)!
                if h.value >= 0x41 && h.value <= 0x5A { emit(Unicode.Scalar(h.value + 0x20)!) } else { emit(h) }
            case 0x3000, 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x1680:
                if !out.scalars.isEmpty { pendingSpace = true }
            case 0x200B...0x200D, 0xFEFF, 0x2060:
                continue
            case 0x300C, 0x300E, 0x2018, 0x301D:   // 「 『 ‘ 〝 → “
                emit("\u{201C}")
            case 0x300D, 0x300F, 0x2019, 0x301E, 0x301F: // 」 』 ’ 〞 〟 → ”
                emit("\u{201D}")
            case 0x301C:                             // 〜 → ~
                emit("~")
            case 0x2103:                             // ℃ kept as one sign
                emit(s)
            case 0x00B0:                             // °C / °c → ℃
                emit("\u{2103}")
            case 0x3400...0x4DBF, 0x4E00...0x9FFF:
                emit(ScriptTables.simplified(s))
            case 0x2150...0x218F, 0x2460...0x24FF, 0x3200...0x33FF, 0xF900...0xFAFF, 0xFE30...0xFE6F,
                 0xFF5F...0xFFEF, 0x2E80...0x2FDF, 0x1D400...0x1D7FF:
                // Rare compatibility forms (①, Ⅲ, ㎡, compatibility ideographs, vertical forms):
                // NFKC on the one scalar, then fold the result again.
                let folded = String(s).precomposedStringWithCompatibilityMapping
                for f in folded.unicodeScalars {
                    if f.value >= 0x41 && f.value <= 0x5A { emit(Unicode.Scalar(f.value + 0x20)!) }
                    else if (0x4E00...0x9FFF).contains(f.value) { emit(ScriptTables.simplified(f)) }
                    else if f.value != 0x20 { emit(f) }
                }
            default:
                emit(s)
            }
        }
        // A "°" that became "℃" followed by a "c" from "°C": drop the letter.
        if out.scalars.contains("\u{2103}") {
            let a = out.scalars
            var cleaned = ScalarBuffer(track: track, capacity: a.count)
            var i = 0
            while i < a.count {
                cleaned.append(a[i], from: out.origin(i))
                if a[i] == "\u{2103}", i + 1 < a.count, a[i + 1] == "c", !(i + 2 < a.count && isASCIIAlnum(a[i + 2])) {
                    i += 2
                    continue
                }
                i += 1
            }
            out = cleaned
        }
        return out
    }

    @inline(__always) static func isASCIIAlnum(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A)
    }
}

/// Cheap scalar classification helpers shared by the text code.
public enum ScalarClass {
    @inline(__always) public static func isHan(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF)
    }

    @inline(__always) public static func isDigit(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x30 && s.value <= 0x39
    }

    @inline(__always) public static func isASCIILetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A)
    }

    @inline(__always) public static func isASCIIAlnum(_ s: Unicode.Scalar) -> Bool {
        isDigit(s) || isASCIILetter(s)
    }

    /// Letters, digits and Han characters: what tokens are made of.
    @inline(__always) public static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        isHan(s) || isASCIIAlnum(s)
    }
}
