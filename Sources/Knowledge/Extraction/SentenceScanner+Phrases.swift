import Foundation

/// Phrase-level helpers shared by the route, contact and weather extractors: the phrase that
/// follows a cue word, list items, trimming of particles and trailing parentheticals.
///
/// | sentence (normalised)                              | call                         | result                         |
/// |----------------------------------------------------|------------------------------|--------------------------------|
/// | `起讫站点a——b(地铁17号线)。`                       | `phrase(from: 4)`            | `a——b(地铁17号线)`             |
/// | `途经东门、南湖和西塘等站点,`                       | `listItems(in: …)`           | `东门` `南湖` `西塘等站点`     |
/// | `青浦盈港东路嘉松中路(地铁17号线)`                 | `splitTrailingParenthetical` | body + `地铁17号线`            |
extension SentenceScanner {
    /// Punctuation that ends a phrase. Unlike clause breaks (`isClauseBreak`), dashes do not: `a——b` is one phrase.
    public static let phraseBreaks: Set<Unicode.Scalar> = [",", ";", "。", "!", "?", "…"]

    /// Separators between the items of a printed list (`a、b和c`), longest first.
    public static let listSeparators = ["以及", "、", "和", "及", "与", "或者", "或"]

    /// The phrase starting at `start` and running to the next phrase break outside parentheses
    /// (or to `limit`, or the sentence end), with surrounding spaces dropped.
    public func phrase(from start: Int, to limit: Int? = nil, breaks: Set<Unicode.Scalar> = SentenceScanner.phraseBreaks) -> Range<Int> {
        let end = min(limit ?? s.count, s.count)
        var i = min(max(start, 0), end)
        var depth = 0
        while i < end {
            let c = s[i]
            if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) }
            else if depth == 0 && breaks.contains(c) { break }
            i += 1
        }
        return trimmedSpaces(min(max(start, 0), end)..<i)
    }

    /// `range` without leading and trailing spaces.
    public func trimmedSpaces(_ range: Range<Int>) -> Range<Int> {
        var a = range.lowerBound
        var b = range.upperBound
        while a < b, s[a] == " " { a += 1 }
        while b > a, s[b - 1] == " " { b -= 1 }
        return a..<b
    }

    /// Of the mentions (located by their start offset), the one nearest `offset`, preferring
    /// those in the same clause — which service or event a sentence's attribute belongs to.
    func nearest<M>(_ mentions: [M], to offset: Int, start: (M) -> Int) -> M? {
        let clause = clause(around: offset)
        let same = mentions.filter { clause.contains(start($0)) }
        return (same.isEmpty ? mentions : same).min { abs(start($0) - offset) < abs(start($1) - offset) }
    }

    /// `range` with any of `leading` words removed from its start and `trailing` words from its
    /// end, repeatedly (`为:…` → `…`; `…等站点` → `…`), spaces trimmed (see `stripWords`).
    public func trimmed(_ range: Range<Int>, leading: [String] = [], trailing: [String] = []) -> Range<Int> {
        stripWords(range, leading: leading, trailing: trailing)
    }

    /// Splits `range` at list separators that stand outside parentheses; empty items are dropped.
    public func listItems(in range: Range<Int>, separators: [String] = SentenceScanner.listSeparators) -> [Range<Int>] {
        let seps = longestFirst(separators)
        var out: [Range<Int>] = []
        var start = range.lowerBound
        var i = range.lowerBound
        var depth = 0
        while i < range.upperBound {
            if s[i] == "(" { depth += 1 } else if s[i] == ")" { depth = max(0, depth - 1) }
            if depth == 0, let sep = seps.first(where: { matches($0, at: i) && i + $0.scalarCount <= range.upperBound }) {
                let item = trimmedSpaces(start..<i)
                if !item.isEmpty { out.append(item) }
                i += sep.scalarCount
                start = i
                continue
            }
            i += 1
        }
        let last = trimmedSpaces(start..<range.upperBound)
        if !last.isEmpty { out.append(last) }
        return out
    }

    /// Splits a trailing `(…)` off `range`: the text before it and the inside of the parentheses.
    public func splitTrailingParenthetical(_ range: Range<Int>) -> (body: Range<Int>, inside: Range<Int>?) {
        let r = trimmedSpaces(range)
        guard r.count >= 3, s[r.upperBound - 1] == ")" else { return (r, nil) }
        var depth = 0
        var i = r.upperBound - 1
        while i >= r.lowerBound {
            if s[i] == ")" { depth += 1 } else if s[i] == "(" {
                depth -= 1
                if depth == 0 { break }
            }
            i -= 1
        }
        guard i > r.lowerBound, depth == 0 else { return (r, nil) }
        return (trimmedSpaces(r.lowerBound..<i), (i + 1)..<(r.upperBound - 1))
    }

    /// Whether every scalar of `range` is a letter, digit, Han character or one of `extra`.
    public func isNameLike(_ range: Range<Int>, extra: Set<Unicode.Scalar> = ["(", ")", "·", "-", "#"]) -> Bool {
        !range.isEmpty && range.allSatisfy { ScalarClass.isWordScalar(s[$0]) || extra.contains(s[$0]) }
    }

    /// The first of `words` occurring inside `range`, earliest first (longest on ties).
    public func firstWord(of words: [String], in range: Range<Int>) -> (offset: Int, word: String)? {
        var best: (Int, String)?
        for w in words {
            guard let i = occurrences(of: w, in: range).first else { continue }
            if best == nil || i < best!.0 || (i == best!.0 && w.scalarCount > best!.1.scalarCount) { best = (i, w) }
        }
        return best.map { (offset: $0.0, word: $0.1) }
    }

    /// Start of the phrase (between `,;。!?`) that contains `offset`; unlike `clause(around:)`,
    /// a colon does not end it (`咨询电话:0573-…` is one phrase).
    public func phraseStart(before offset: Int) -> Int {
        var a = min(max(offset, 0), s.count)
        while a > 0, !SentenceScanner.phraseBreaks.contains(s[a - 1]) { a -= 1 }
        return a
    }

    /// All phrases of the sentence (between `,;。!?` outside parentheses; dashes and colons stay
    /// inside), in order: `a首末班时间为7:30、14:30,b…` → `a首末班时间为7:30、14:30`, `b…`.
    public func phrases() -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        while start < s.count {
            let r = phrase(from: start)
            if !r.isEmpty { out.append(r) }
            var next = max(r.upperBound, start)
            while next < s.count, !SentenceScanner.phraseBreaks.contains(s[next]) { next += 1 }
            start = next + 1
        }
        return out
    }
}
