/// Embedded Han character tables for the text normaliser: Traditional →
/// Simplified folding and toneless pinyin, with O(1) lookups and no ICU calls.
///
/// The data lives in two generated files under `Text/Tables/`
/// (`TraditionalSimplifiedTable.swift`, `PinyinTable.swift`), produced by
/// `swift scripts/generate-text-tables.swift` from Foundation's ICU transforms
/// ("Traditional-Simplified" and "Han-Latin; Latin-ASCII"). They are decoded
/// once, lazily and thread-safely (`static let`), into flat arrays indexed by
/// scalar offset; first use of each table costs ~0.2 ms (release build),
/// after which `simplified(_:)` is ~3 ns and `pinyin(_:)` ~8 ns per scalar.
/// Measure with `sh scripts/bench-script-tables.sh`.
///
/// Covered scalars (the generator uses the same ranges, in this order):
///
/// | Range           | Block                                   |
/// |-----------------|-----------------------------------------|
/// | U+3400–U+4DBF   | CJK Unified Ideographs Extension A      |
/// | U+4E00–U+9FFF   | CJK Unified Ideographs                  |
/// | U+F900–U+FAFF   | CJK Compatibility Ideographs            |
///
/// Everything outside those ranges is passed through (`simplified`) or has no
/// reading (`pinyin`), except U+3007 〇, which reads "ling".
public enum ScriptTables {

    // MARK: - Layout

    /// Scalar ranges covered by the generated tables, in layout order.
    static let coveredRanges: [ClosedRange<UInt32>] = [
        0x3400...0x4DBF,
        0x4E00...0x9FFF,
        0xF900...0xFAFF,
    ]

    private static let extACount = 0x4DBF - 0x3400 + 1  // 6592
    private static let unifiedCount = 0x9FFF - 0x4E00 + 1  // 20992
    private static let compatCount = 0xFAFF - 0xF900 + 1  // 512
    /// Number of scalars in the layout (28 096).
    static let layoutCount = extACount + unifiedCount + compatCount

    /// Position of `v` in the table layout, or `nil` when not covered.
    @inline(__always)
    static func layoutOffset(_ v: UInt32) -> Int? {
        if v >= 0x4E00 {
            if v <= 0x9FFF { return extACount + Int(v &- 0x4E00) }
            if v >= 0xF900 && v <= 0xFAFF { return extACount + unifiedCount + Int(v &- 0xF900) }
            return nil
        }
        if v >= 0x3400 && v <= 0x4DBF { return Int(v &- 0x3400) }
        return nil
    }

    // MARK: - Traditional → Simplified

    /// Layout offset → simplified scalar (identity where ICU has no 1:1 mapping).
    static let simplifiedMap: [Unicode.Scalar] = makeSimplifiedMap()

    /// Decodes `traditionalSimplifiedPairs` (called once, by `simplifiedMap`).
    static func makeSimplifiedMap() -> [Unicode.Scalar] {
        var map: [Unicode.Scalar] = []
        map.reserveCapacity(layoutCount)
        for range in coveredRanges {
            for v in range { map.append(Unicode.Scalar(v)!) }  // no surrogates in these ranges
        }
        var pairs = traditionalSimplifiedPairs.unicodeScalars.makeIterator()
        var count = 0
        while let traditional = pairs.next() {
            guard let simplified = pairs.next(), let i = layoutOffset(traditional.value) else {
                preconditionFailure("TraditionalSimplifiedTable: malformed pair literal")
            }
            map[i] = simplified
            count += 1
        }
        precondition(count == traditionalSimplifiedPairCount, "TraditionalSimplifiedTable: pair count mismatch")
        return map
    }

    /// Simplified form of one Han scalar; identity for everything else.
    ///
    /// | Input          | Output       |
    /// |----------------|--------------|
    /// | 臺 U+81FA      | 台 U+53F0    |
    /// | 灣 U+7063      | 湾 U+6E7E    |
    /// | 發 U+767C      | 发 U+53D1    |
    /// | 興 U+8208      | 兴 U+5174    |
    /// | 台 (already simplified) | 台 |
    /// | `A`, `1`, `é`  | unchanged    |
    ///
    /// Only ICU mappings that produce exactly one scalar are included, so the
    /// result is always a single scalar. A few results lie outside the BMP
    /// (e.g. Extension B simplified forms).
    @inline(__always)
    public static func simplified(_ s: Unicode.Scalar) -> Unicode.Scalar {
        guard let i = layoutOffset(s.value) else { return s }
        return simplifiedMap[i]
    }

    /// Applies the scalar `simplified(_:)` to every scalar of `text`.
    /// Returns `text` itself (no allocation) when nothing changes.
    ///
    /// | Input      | Output     |
    /// |------------|------------|
    /// | 臺灣       | 台湾       |
    /// | 發車       | 发车       |
    /// | 幾點       | 几点       |
    /// | 嘉興       | 嘉兴       |
    /// | 嘉兴 (simplified) | 嘉兴 |
    /// | `Line 5`   | `Line 5`   |
    public static func simplified(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { simplified($0) != $0 }) else { return text }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.utf8.count / 2)
        out.append(contentsOf: scalars[..<first])
        for s in scalars[first...] { out.append(simplified(s)) }
        return String(scalars: out)
    }

    /// Whether `text` holds a traditional character (one that `simplified(_:)` changes).
    ///
    /// | Input | Output |
    /// |---|---|
    /// | 幾點發車 | true |
    /// | 几点发车 | false |
    /// | `When is the first bus?` | false |
    public static func hasTraditional(_ text: String) -> Bool {
        text.unicodeScalars.contains { simplified($0) != $0 }
    }

    // MARK: - Pinyin

    /// Syllable number → syllable; index 0 is "" (no reading).
    static let pinyinSyllableTable: [String] = makePinyinSyllableTable()

    static func makePinyinSyllableTable() -> [String] {
        let list = pinyinSyllableList.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        precondition(list.first == "" && list.count <= 64 * 64, "PinyinTable: malformed syllable list")
        return list
    }

    /// Layout offset → syllable number (0 = no reading).
    static let pinyinSyllableNumbers: [UInt16] = makePinyinSyllableNumbers()

    /// Decodes `pinyinIndex` (called once, by `pinyinSyllableNumbers`).
    static func makePinyinSyllableNumbers() -> [UInt16] {
        precondition(pinyinScalarCount == layoutCount, "PinyinTable: layout mismatch")
        var digit = [UInt8](repeating: 0xFF, count: 128)
        for (value, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8.enumerated() {
            digit[Int(byte)] = UInt8(value)
        }
        var numbers = [UInt16](repeating: 0, count: layoutCount)
        let syllableCount = pinyinSyllableTable.count
        var i = 0
        var high: UInt8? = nil
        for byte in pinyinIndex.utf8 {
            let d = byte < 128 ? digit[Int(byte)] : 0xFF
            precondition(d != 0xFF && i < layoutCount, "PinyinTable: malformed index literal")
            if let h = high {
                let n = UInt16(h) &* 64 &+ UInt16(d)
                precondition(Int(n) < syllableCount, "PinyinTable: syllable number out of range")
                numbers[i] = n
                i += 1
                high = nil
            } else {
                high = d
            }
        }
        precondition(i == layoutCount && high == nil, "PinyinTable: index literal length mismatch")
        // Place and personal names read some characters otherwise than ICU's primary reading.
        for (scalar, readings) in polyphones {
            guard let first = readings.first, let n = pinyinSyllableTable.firstIndex(of: first),
                  let at = layoutOffset(scalar.value) else { continue }
            numbers[at] = UInt16(n)
        }
        return numbers
    }

    /// Characters with more than one common reading, the one `pinyin(_:)` gives first (`长川坝`
    /// reads Changchuanba); the others are accepted when English questions spell names
    /// (`Chonggu` → 重固). Language data, not facts about any page.
    static let polyphones: [Unicode.Scalar: [String]] = [
        "长": ["chang", "zhang"], "重": ["zhong", "chong"], "行": ["xing", "hang"], "乐": ["le", "yue"],
        "都": ["du", "dou"], "朝": ["chao", "zhao"], "曾": ["zeng", "ceng"], "藏": ["cang", "zang"],
        "厦": ["xia", "sha"], "单": ["dan", "shan"], "会": ["hui", "kuai"], "调": ["tiao", "diao"],
        "解": ["jie", "xie"], "堡": ["bao", "pu"], "泊": ["bo", "po"], "便": ["bian", "pian"],
        "降": ["jiang", "xiang"], "查": ["cha", "zha"], "角": ["jiao", "jue"], "乾": ["qian", "gan"],
        "沈": ["shen", "chen"], "省": ["sheng", "xing"], "校": ["xiao", "jiao"],
        "盛": ["sheng", "cheng"], "宿": ["su", "xiu"], "石": ["shi", "dan"],
        "莘": ["xin", "shen"], "蔚": ["wei", "yu"],
    ]

    /// Every reading of a Han scalar: the one ``pinyin(_:)`` gives, then any other common one.
    public static func readings(_ s: Unicode.Scalar) -> [String] {
        guard let primary = pinyin(s) else { return [] }
        guard let all = polyphones[s] else { return [primary] }
        return [primary] + all.filter { $0 != primary }
    }

    /// Every toneless pinyin syllable the table uses (`jia`, `shan`, `lu`…).
    public static let allSyllables: Set<String> = Set(pinyinSyllableTable.filter { !$0.isEmpty })

    /// Toneless, lowercase pinyin of one Han scalar (ICU's primary reading;
    /// ü is folded to u). `nil` for non-Han scalars and for Han scalars
    /// without a known reading.
    ///
    /// | Input     | Output   |
    /// |-----------|----------|
    /// | 陆        | "lu"     |
    /// | 陸 (trad.)| "lu"     |
    /// | 绿        | "lu"     |
    /// | 路        | "lu"     |
    /// | 嘉        | "jia"    |
    /// | 青        | "qing"   |
    /// | 〇        | "ling"   |
    /// | `A`, `1`, `，` | nil |
    @inline(__always)
    public static func pinyin(_ s: Unicode.Scalar) -> String? {
        guard let i = layoutOffset(s.value) else {
            return s.value == 0x3007 ? "ling" : nil
        }
        let n = pinyinSyllableNumbers[i]
        return n == 0 ? nil : pinyinSyllableTable[Int(n)]
    }

    /// Splits `text` into pinyin syllables and ASCII tokens.
    ///
    /// - A Han scalar with a reading becomes its syllable.
    /// - A maximal run of ASCII letters/digits becomes one lowercase token
    ///   (full-width forms `０–９ Ａ–Ｚ ａ–ｚ` count as ASCII).
    /// - An ideographic scalar without a reading (rare, e.g. Extension B)
    ///   is kept as a one-scalar token, so distinct names stay distinct.
    /// - Everything else (spaces, punctuation, kana, accented Latin, …) is
    ///   dropped and ends the current ASCII run.
    ///
    /// | Input          | Output                              |
    /// |----------------|-------------------------------------|
    /// | 青浦           | ["qing", "pu"]                      |
    /// | 田园五镇       | ["tian", "yuan", "wu", "zhen"]      |
    /// | 115陆          | ["115", "lu"]                       |
    /// | G60高速        | ["g60", "gao", "su"]                |
    /// | 嘉善, Line 2!  | ["jia", "shan", "line", "2"]        |
    /// | 臺灣           | ["tai", "wan"]                      |
    public static func pinyinSyllables(of text: String) -> [String] {
        var tokens: [String] = []
        var run: [UInt8] = []
        for s in text.unicodeScalars {
            if let a = asciiAlphanumeric(s) {
                run.append(a)
                continue
            }
            if !run.isEmpty {
                tokens.append(String(decoding: run, as: UTF8.self))
                run.removeAll(keepingCapacity: true)
            }
            if let syllable = pinyin(s) {
                tokens.append(syllable)
            } else if s.value >= 0x2E80 && s.properties.isIdeographic {
                tokens.append(String(Character(s)))
            }
        }
        if !run.isEmpty { tokens.append(String(decoding: run, as: UTF8.self)) }
        return tokens
    }

    /// ``pinyinSyllables(of:)`` concatenated without separators (built
    /// directly, without the intermediate array).
    ///
    /// | Input      | Output            |
    /// |------------|-------------------|
    /// | 青浦       | "qingpu"          |
    /// | 嘉善       | "jiashan"         |
    /// | 平湖       | "pinghu"          |
    /// | 田园五镇   | "tianyuanwuzhen"  |
    /// | 115陆      | "115lu"           |
    /// | 115路      | "115lu"           |
    /// | 陸家嘴 / 陆家嘴 | "lujiazui"   |
    public static func pinyinKey(of text: String) -> String {
        // Bytes first, one string at the end (appending to a string scalar by scalar costs more
        // than the lookups).
        var key: [UInt8] = []
        key.reserveCapacity(text.utf8.count * 2)
        for s in text.unicodeScalars {
            if let a = asciiAlphanumeric(s) {
                key.append(a)
            } else if let syllable = pinyin(s) {
                key.append(contentsOf: syllable.utf8)
            } else if s.value >= 0x2E80 && s.properties.isIdeographic {
                UTF8.encode(s) { key.append($0) }
            }
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// Lowercase ASCII byte for an ASCII (or full-width ASCII) letter or digit.
    @inline(__always)
    private static func asciiAlphanumeric(_ s: Unicode.Scalar) -> UInt8? {
        var v = s.value
        if v >= 0xFF10 && v <= 0xFF5A { v = v &- 0xFEE0 }  // full-width ０ … ｚ
        switch v {
        case 0x30...0x39, 0x61...0x7A: return UInt8(v)
        case 0x41...0x5A: return UInt8(v | 0x20)
        default: return nil
        }
    }
}
