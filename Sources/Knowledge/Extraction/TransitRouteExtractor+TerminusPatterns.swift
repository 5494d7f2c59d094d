import Foundation

/// More ways the paper prints a route's two ends: joined by a verb of connecting, by `从…到…`,
/// by an arrow or a dash next to the route, or after a route noun in parentheses.
///
/// | sentence (normalised)                                  | termini          |
/// |--------------------------------------------------------|------------------|
/// | `连接a和b的k258路城乡公交`                              | a, b             |
/// | `k258路串联起a与b两地`                                  | a, b             |
/// | `该线路从a到b,全程约40分钟`                             | a, b             |
/// | `k258路a⇄b` / `城乡公交(a-b)` / `a↔b公交`               | a, b             |
extension TransitRouteExtractor {
    /// Verbs that join the two ends of a route (`连接a和b的…公交`).
    static let connectCues = ["串联起", "连接起", "连通起", "连接", "连通", "串联", "贯通", "联通", "串起"]
    /// Separators between the two ends after a connecting verb.
    static let connectSeparators = ["和", "与", "及", "至", "到", "⇄", "⇆", "↔", "⟷", "——", "—", "-"]
    /// Arrows that only ever join two ends of a route.
    static let arrows = ["<->", "⇄", "⇆", "↔", "⟷", "→", "←→"]
    /// Separators inside `(a—b)` after a route number or a route noun.
    static let bracketSeparators = ["<->", "⇄", "⇆", "↔", "⟷", "←→", "→", "——", "—", "–", "-", "~", "至", "到"]
    /// Words that end the second place of `从a到b` (`从a到b全程约40分钟`).
    static let pairTailStops = ["全程", "全长", "只需", "仅需", "只要", "仅要", "需要", "需", "约", "用时", "耗时", "车程", "单程", "的",
                                "直达", "不用", "无需", "也", "都", "将", "可", "要", "仅"]
    /// Words in a clause that make `从a到b` a route's ends (a route number counts too).
    static let routeContextWords = ["线路", "公交", "班车", "专线", "巴士", "开通", "开行", "运营", "往返", "运行"]

    /// `连接a和b的k258路城乡公交`, `k258路连通a与b`: a pair after a connecting verb, when a route
    /// (number, kind or noun) follows the pair's `的` or precedes the verb in its clause.
    static func connectedPair(in sc: SentenceScanner) -> (Range<Int>, Range<Int>)? {
        for cue in connectCues {
            for c in sc.occurrences(of: cue) {
                let start = c + cue.scalarCount
                var phrase = sc.phrase(from: start)
                if let de = sc.occurrences(of: "的", in: phrase).first {
                    guard routeFollows(at: de + 1, in: sc) else { continue }
                    phrase = phrase.lowerBound..<de
                } else {
                    let clause = sc.clause(around: c)
                    guard !sc.routeTokens(in: clause.lowerBound..<c).isEmpty
                        || sc.firstWord(of: ["线路", "公交", "专线", "班车"], in: clause.lowerBound..<c) != nil else { continue }
                }
                phrase = sc.trimmed(phrase, trailing: ["两地", "之间", "两个地方"])
                if let pair = split(phrase, in: sc, at: connectSeparators) { return pair }
            }
        }
        return nil
    }

    /// Whether a route number, a kind of route or a route noun starts at `k`.
    static func routeFollows(at k: Int, in sc: SentenceScanner) -> Bool {
        kindWords.contains { sc.matches($0, at: k) } || routeNounsAfterPair.contains { sc.matches($0, at: k) }
            || sc.routeTokens(in: k..<sc.count).contains { $0.range.lowerBound == k }
            || ["城乡", "城际", "毗邻", "定制"].contains { sc.matches($0, at: k) }
    }

    /// `(a—b)` right after a route number, a kind of route or a route noun.
    static func bracketedPair(in sc: SentenceScanner) -> (Range<Int>, Range<Int>)? {
        var opens = sc.routeTokens().map(\.range.upperBound)
        for w in kindWords + routeNounsAfterPair { opens += sc.occurrences(of: w).map { $0 + w.scalarCount } }
        for k in opens.sorted() where k < sc.count && sc.s[k] == "(" {
            guard let close = sc.find(")", from: k) else { continue }
            if let pair = split((k + 1)..<close, in: sc, at: bracketSeparators) { return pair }
        }
        return nil
    }

    /// `k258路a⇄b`, `a↔b城乡公交`: an arrow between two names; the names stop at a route number,
    /// a kind of route or a route noun.
    static func arrowPair(in sc: SentenceScanner) -> (Range<Int>, Range<Int>)? {
        for arrow in arrows {
            for k in sc.occurrences(of: arrow) {
                let (a, b) = sides(of: k..<(k + arrow.scalarCount), in: sc)
                if let ra = clean(a, in: sc), let rb = clean(b, in: sc) { return (ra, rb) }
            }
        }
        return nil
    }

    /// The name-like runs left and right of a separator, cut at route numbers, kinds and nouns.
    static func sides(of sep: Range<Int>, in sc: SentenceScanner) -> (Range<Int>, Range<Int>) {
        var a = sep.lowerBound
        while a > 0, ScalarClass.isWordScalar(sc.s[a - 1]) || sc.s[a - 1] == ")", sep.lowerBound - a < 20 {
            if NameFinder.boundaryScalars.contains(sc.s[a - 1]) && sc.s[a - 1] != ")" { break }
            a -= 1
        }
        // the left side starts after a route number, kind or noun printed before it (`k258路a⇄b`)
        for t in sc.routeTokens(in: a..<sep.lowerBound) { a = max(a, t.range.upperBound) }
        for w in kindWords + routeNounsAfterPair + ["线路", "路线"] {
            if let i = sc.occurrences(of: w, in: a..<sep.lowerBound).last { a = max(a, i + w.scalarCount) }
        }
        return (a..<sep.lowerBound, placeRun(from: sep.upperBound, in: sc))
    }

    /// Words that end a place printed before the rest of its clause (`a每天开行20班`).
    static let placeRunStops = pairTailStops + timeWords + ["开行", "运行", "开通", "试运行", "正式", "今起", "明起", "即日起", "深受",
                                                            "每", "增加", "调整", "途经", "经过", "沿途", "停靠"]

    /// The place name starting at `start`: name characters up to a route number, kind or noun,
    /// a `的`, a digit or a word that starts the rest of the clause.
    static func placeRun(from start: Int, in sc: SentenceScanner) -> Range<Int> {
        var b = start
        var depth = 0
        while b < sc.count, b - start < 24 {
            let c = sc.s[b]
            if c == "(" { depth += 1 } else if c == ")" { if depth == 0 { break }; depth -= 1 }
            else if depth == 0 {
                guard ScalarClass.isWordScalar(c), !ScalarClass.isDigit(c), !routeFollows(at: b, in: sc),
                      !placeRunStops.contains(where: { sc.matches($0, at: b) }) || b == start else { break }
            }
            b += 1
        }
        return start..<b
    }

    /// `从a到b` / `从a至b` in a clause about a route (a route number or a route word in it, not
    /// inside a quotation: `“过去从a到b要转车”` is a passenger's memory, not the route).
    static func fromToPair(in sc: SentenceScanner) -> (Range<Int>, Range<Int>)? {
        for from in ["从", "由", "自"] {
            for f in sc.occurrences(of: from) where !isQuoted(f, in: sc) {
                let clause = sc.clause(around: f)
                guard !sc.routeTokens(in: clause).isEmpty || sc.firstWord(of: routeContextWords, in: clause) != nil else { continue }
                let phrase = sc.phrase(from: f + 1, to: clause.upperBound)
                guard let to = sc.firstWord(of: ["到达", "到", "至"], in: phrase) else { continue }
                let bStart = to.offset + to.word.scalarCount
                let end = min(placeRun(from: bStart, in: sc).upperBound, phrase.upperBound)
                guard let a = clean((f + 1)..<to.offset, in: sc), let b = clean(bStart..<end, in: sc),
                      a.count <= 16, b.count <= 16 else { continue }
                return (a, b)
            }
        }
        return nil
    }

    /// Whether `offset` is inside a `“…”` quotation of the sentence.
    static func isQuoted(_ offset: Int, in sc: SentenceScanner) -> Bool {
        var depth = 0
        for i in 0..<min(offset, sc.count) {
            if sc.s[i] == "\u{201C}" { depth += 1 } else if sc.s[i] == "\u{201D}" { depth = max(0, depth - 1) }
        }
        return depth > 0
    }
}
