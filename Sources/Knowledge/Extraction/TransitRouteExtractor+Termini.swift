import Foundation

/// Termini and stops of a route.
///
/// | sentence (normalised)                        | termini          |
/// |----------------------------------------------|------------------|
/// | `该线路起讫站点a——b(地铁17号线)`              | a, b             |
/// | `起点为a,终点为b`                             | a, b             |
/// | `从a开往b`                                    | a, b             |
/// | `往返于a和b之间`                              | a, b             |
/// | `k258路(a—b)` / `开通a至b的公交线路`          | a, b             |
/// | `起于a,止于b`                                 | a, b             |
///
/// More patterns (connecting verbs, `从a到b`, arrows) are in `+TerminusPatterns`.
extension TransitRouteExtractor {
    /// Cues followed by both termini joined by a separator (`起讫站点a——b`).
    static let terminusPairCues = ["起讫站点", "起讫站", "起讫点", "起止站点", "起止站", "起止点", "起终点站", "起终点", "首末站",
                                   "线路走向为", "线路走向", "走向为", "运行区间为", "运营区间为"]
    /// Separators between two termini, tried at the earliest position.
    static let terminusSeparators = ["<->", "⇄", "⇆", "↔", "⟷", "→", "——", "—", "–", "~", "-", "至", "到"]
    /// Cues before the first and the second terminus when printed apart (`起点为a,终点为b`).
    static let startCues = ["起点站", "起点", "始发站", "首站", "起于", "起自"]
    static let endCues = ["终点站", "终点", "末站", "止于", "终至"]
    /// `从a开往b`: verbs between the two termini.
    static let departureVerbs = ["开往", "发往", "驶往", "开至"]
    /// `往返于a和b之间`.
    static let shuttleCues = ["往返于", "往返", "穿梭于", "来往于"]
    /// Nouns after `a至b(的)` that make the pair a route's termini (`a至b的公交线路`).
    static let routeNounsAfterPair = ["公交", "线路", "班车", "巴士", "专线", "定制"]
    /// Particles trimmed around a terminus or stop name.
    static let leadingParticles = ["分别为", "分别是", "设在", "位于", "为", ":", "是", "在", "从", "由", "于", "了"]
    static let trailingParticles = ["方向", "之间", "两地", "附近", "发车", "出发", "始发", "的"]
    /// Words that start a time phrase, never a place (`周一至周五的班车`).
    static let timeWords = ["周", "星期", "上午", "下午", "早上", "晚上", "每天", "每日", "工作日", "节假日", "全天"]

    /// Cues before a list of stops; the phrase after them is split into names.
    static let stopCues = ["停靠站点有", "停靠站点为", "停靠站有", "停靠站为", "停靠点有", "停靠点为", "主要站点有", "主要站点包括",
                           "站点包括", "沿途停靠", "沿途经过", "依次经过", "先后经过", "依次停靠", "途经", "途径", "经停", "停靠"]
    /// Cues of setting stops up (`沿线设有a、b等20个站点`): a list only when it ends in a stop word.
    static let stopSetCues = ["沿途设有", "沿线设有", "全线设有", "设有", "设置", "共设"]
    /// Where a stop list ends inside its phrase (`途经a、b后抵达c`).
    static let stopListEnders = ["后", "抵达", "到达", "直达", "最终", "开往", "驶往", "然后"]
    /// Trailing words of a stop list (`…等站点`).
    static let stopListTrailers = ["等公交站点", "等站点", "等站", "等地", "等", "站点"]
    /// Suffixes of stop names printed anywhere in a route sentence.
    static let stopSuffixes = ["公交站点", "公交站", "停靠站"]   // longest first

    /// The two termini printed in the sentence, by the first pattern that finds both.
    static func termini(in sc: SentenceScanner) -> (Range<Int>, Range<Int>)? {
        for cue in terminusPairCues {
            guard let i = sc.find(cue) else { continue }
            let phrase = sc.phrase(from: i + cue.scalarCount)
            if let pair = split(phrase, in: sc, at: terminusSeparators) { return pair }
        }
        if let s = startCues.lazy.compactMap({ c in sc.find(c).map { ($0, c) } }).first,
           let e = endCues.lazy.compactMap({ c in sc.find(c, from: s.0 + 1).map { ($0, c) } }).first,
           let a = clean(sc.phrase(from: s.0 + s.1.scalarCount), in: sc),
           let b = clean(sc.phrase(from: e.0 + e.1.scalarCount), in: sc) {
            return (a, b)
        }
        if let v = sc.findAny(departureVerbs) {
            let clause = sc.clause(around: v.offset)
            if let from = (clause.lowerBound..<v.offset).last(where: { sc.s[$0] == "从" || sc.s[$0] == "由" || sc.s[$0] == "自" }),
               let a = clean((from + 1)..<v.offset, in: sc),
               let b = clean(placeRun(from: v.offset + v.word.scalarCount, in: sc), in: sc) {
                return (a, b)
            }
        }
        if let c = sc.findAny(shuttleCues) {
            let phrase = sc.phrase(from: c.offset + c.word.scalarCount)
            if let pair = split(phrase, in: sc, at: ["和", "与", "及", "至", "——", "—", "-"]) { return pair }
        }
        return connectedPair(in: sc) ?? bracketedPair(in: sc) ?? arrowPair(in: sc) ?? pairBeforeRouteNoun(in: sc) ?? fromToPair(in: sc)
    }

    /// `开通a至b的公交线路`, `a—b定制公交`: a pair joined by `至`/`—` and followed by a route noun,
    /// a kind word or a route number.
    static func pairBeforeRouteNoun(in sc: SentenceScanner) -> (Range<Int>, Range<Int>)? {
        var routeEnds: Set<Int>?     // where a route number ends (`T7路|西塘—黎里`), found once when needed
        for sep in ["——", "—", "–", "-", "至"] {
            for k in sc.occurrences(of: sep) {
                let ends = routeEnds ?? Set(sc.routeTokens().map(\.range.upperBound))
                routeEnds = ends
                var a = k
                while a > 0, ScalarClass.isWordScalar(sc.s[a - 1]), !NameFinder.boundaryScalars.contains(sc.s[a - 1]), k - a < 20,
                      !ends.contains(a),
                      !NameFinder.boundaryWords.contains(where: { w in a >= w.count && Array(sc.s[(a - w.count)..<a]) == w }) { a -= 1 }
                var b = k + sep.scalarCount
                let bStart = b
                while b < sc.count, ScalarClass.isWordScalar(sc.s[b]) || sc.s[b] == "(" || sc.s[b] == ")", sc.s[b] != "的", b - bStart < 20,
                      !routeNounsAfterPair.contains(where: { sc.matches($0, at: b) }), !kindPhraseStarts(at: b, in: sc),
                      !sc.routeTokens(in: b..<sc.count).contains(where: { $0.range.lowerBound == b }) { b += 1 }
                var after = b
                if after < sc.count, sc.s[after] == "的" { after += 1 }
                let nounFollows = routeNounsAfterPair.contains { sc.matches($0, at: after) }
                    || kindPhraseStarts(at: after, in: sc)
                    || sc.routeTokens(in: after..<sc.count).contains { $0.range.lowerBound == after }
                guard nounFollows, let ra = clean(a..<k, in: sc), let rb = clean(bStart..<b, in: sc) else { continue }
                return (ra, rb)
            }
        }
        return nil
    }

    /// Words that qualify a kind of line (`西塘—黎里|省际旅游专线`): a terminus ends where they
    /// lead into a route noun or kind word.
    static let kindQualifiers = ["省际", "跨省", "城际", "城乡", "旅游", "毗邻", "夜班", "通勤", "接驳", "观光"]

    /// Whether a kind word, or qualifiers leading into one or into a route noun, starts at `b`.
    static func kindPhraseStarts(at b: Int, in sc: SentenceScanner) -> Bool {
        if TransitRouteExtractor.kindWords.contains(where: { sc.matches($0, at: b) }) { return true }
        var i = b
        while let q = kindQualifiers.first(where: { sc.matches($0, at: i) }) { i += q.unicodeScalars.count }
        guard i > b else { return false }
        return routeNounsAfterPair.contains { sc.matches($0, at: i) } || TransitRouteExtractor.kindWords.contains { sc.matches($0, at: i) }
    }

    /// Splits a phrase at the earliest separator outside parentheses into two cleaned termini.
    static func split(_ phrase: Range<Int>, in sc: SentenceScanner, at separators: [String]) -> (Range<Int>, Range<Int>)? {
        var depth = 0
        for i in phrase {
            if sc.s[i] == "(" { depth += 1 } else if sc.s[i] == ")" { depth = max(0, depth - 1) }
            guard depth == 0, let sep = separators.first(where: { sc.matches($0, at: i) }) else { continue }
            guard let a = clean(phrase.lowerBound..<i, in: sc),
                  let b = clean((i + sep.scalarCount)..<phrase.upperBound, in: sc) else { return nil }
            return (a, b)
        }
        return nil
    }

    /// A terminus without particles or a trailing parenthetical, or nil if it is not a place name.
    static func clean(_ range: Range<Int>, in sc: SentenceScanner) -> Range<Int>? {
        var r = sc.trimmed(range, leading: leadingParticles, trailing: trailingParticles)
        r = sc.splitTrailingParenthetical(r).body
        r = sc.trimmed(r, leading: leadingParticles, trailing: trailingParticles)
        guard (2...24).contains(r.count), sc.isNameLike(r), !timeWords.contains(where: { sc.matches($0, at: r.lowerBound) }),
              !r.allSatisfy({ ScalarClass.isDigit(sc.s[$0]) }), sc.dates(in: r).isEmpty, sc.clockTimes(in: r).isEmpty else { return nil }
        return r
    }

    /// Stops named in the sentence: lists after `途经`/`停靠` and names ending in `公交站`.
    static func stops(in sc: SentenceScanner) -> [String] {
        var out: [String] = []
        var covered = Set<Int>()
        for cue in stopCues {
            for c in sc.occurrences(of: cue) where !covered.contains(c) {
                let n = cue.scalarCount
                covered.formUnion(c..<(c + n))
                var phrase = sc.trimmed(sc.phrase(from: c + n), leading: ["了", "于", "在"])
                if let end = sc.firstWord(of: stopListEnders, in: phrase) { phrase = phrase.lowerBound..<end.offset }
                if let etc = sc.occurrences(of: "等", in: phrase).first(where: { $0 + 1 < sc.count && ScalarClass.isDigit(sc.s[$0 + 1]) }) {
                    phrase = phrase.lowerBound..<etc                      // 等8个站点
                }
                phrase = sc.trimmed(phrase, trailing: stopListTrailers)
                for item in sc.listItems(in: phrase) where isStopName(item, in: sc) { out.append(sc.original(item)) }
            }
        }
        for cue in stopSetCues {
            for c in sc.occurrences(of: cue) where !covered.contains(c) {
                let n = cue.scalarCount
                covered.formUnion(c..<(c + n))
                var phrase = sc.phrase(from: c + n)
                // `设有a、b等20个站点` / `设置a、b等站`: the list must end in a stop word
                guard let deng = sc.occurrences(of: "等", in: phrase).last,
                      sc.firstWord(of: ["站点", "站"], in: deng..<phrase.upperBound) != nil else { continue }
                phrase = phrase.lowerBound..<deng
                for item in sc.listItems(in: phrase) where isStopName(item, in: sc) { out.append(sc.original(item)) }
            }
        }
        for name in NameFinder.names(in: sc, suffixes: stopSuffixes) where isStopName(name.range, in: sc)
            && sc.routeTokens(in: name.range).isEmpty {
            out.append(name.value)
        }
        return out
    }

    /// A plausible stop name: 2–20 name characters, not a count (`8个`, `3次`) or a generic word.
    static func isStopName(_ r: Range<Int>, in sc: SentenceScanner) -> Bool {
        guard (2...20).contains(r.count), sc.isNameLike(r), !sc.matches("站点", at: r.lowerBound), !sc.matches("沿线", at: r.lowerBound),
              sc.occurrences(of: "的", in: r).isEmpty else {
            return false
        }
        return !r.contains { i in ScalarClass.isDigit(sc.s[i]) && i + 1 < r.upperBound && "个次分米元班趟条".unicodeScalars.contains(sc.s[i + 1]) }
    }
}
