import Foundation

/// Reads printed forecasts: per day (today, tonight, tomorrow, the day after) the sky, the high
/// and low temperatures and the wind. Works phrase by phrase (between `,;。`): a phrase belongs
/// to the day word it contains, else to the day of the phrase before — so
/// `明天晴到多云,偏南风3到4级` gives tomorrow both the sky and the wind.
///
/// Weather boxes are read whole; in stories only sentences citing a forecast (`气象台预报…`)
/// are read, and only phrases after a day word count.
///
/// | phrase (normalised)              | day       | reads                          |
/// |----------------------------------|-----------|--------------------------------|
/// | `今天多云` `午后部分地区阴有阵雨` | today     | conditions (joined as printed) |
/// | `今天白天最高气温35℃到36℃`      | today     | high 35…36                     |
/// | `明天早晨最低气温27℃`            | tomorrow  | low 27                         |
/// | `气温18-24℃`                    | (current) | low 18, high 24                |
/// | `偏南风3到4级` `东北风4-5级`      | (current) | wind as printed                |
enum WeatherExtractor {
    /// Day words, longest first per day; a phrase takes the first one it contains.
    static let dayWords: [(String, DayForecast.Day)] = [
        ("今天夜里", .tonight), ("今天夜间", .tonight), ("今天晚上", .tonight), ("今夜", .tonight), ("今晚", .tonight),
        ("今天白天", .today), ("今天", .today), ("今日", .today),
        ("明天白天", .tomorrow), ("明天早晨", .tomorrow), ("明天", .tomorrow), ("明日", .tomorrow), ("明晨", .tomorrow),
        ("后天", .dayAfterTomorrow),
    ]
    /// Night words without a day: tonight when the current day is today (or unknown).
    static let nightWords = ["夜里", "夜间"]
    /// Words of sky and precipitation; a phrase with one of them states conditions.
    static let skyWords = ["晴", "多云", "阴", "雨", "雪", "雾", "霾", "雷", "冰雹", "沙尘", "冰冻"]
    /// Temperature cues: highest, lowest, and a `low-high` span.
    static let highCues = ["最高气温", "最高温度", "最高温"]
    static let lowCues = ["最低气温", "最低温度", "最低温"]
    static let spanCues = ["气温", "温度"]
    /// Particles between a temperature cue and its number.
    static let temperatureParticles = ["将", "在", "为", "约", "达到", "达", "是", ":"]
    /// Wind directions (`偏南`, `东北`) and the separators of a force range (`3到4级`).
    static let windDirectionScalars: Set<Unicode.Scalar> = Set("东南西北偏".unicodeScalars)
    static let rangeSeparators = ["到", "至", "~", "-", "—"]
    /// A story sentence is read only when it cites a forecast.
    static let forecastCues = ["预报", "气象台", "气象部门", "气象局"]

    /// Extracts the article's forecast into `store.forecasts` (one per article, if any day is read).
    static func extract(from context: ArticleContext, into store: inout FactStore) {
        let box = context.article.kind == .weather
        guard box || context.article.kind == .story else { return }
        var days: [DayForecast.Day: DayForecast] = [:]
        var current: DayForecast.Day?
        for sc in context.scanners {
            if !box {
                guard forecastCues.contains(where: sc.contains) else { continue }
                current = nil
            }
            var conditions: (day: DayForecast.Day, range: Range<Int>)?
            for phrase in sc.phrases() {
                var start = phrase.lowerBound
                if let (day, end) = dayWord(sc, in: phrase, current: current) { current = day; start = end }
                guard let day = current else { continue }
                var forecast = days[day] ?? DayForecast(day: day)
                let wind = self.wind(sc, in: start..<phrase.upperBound)
                let temps = temperatures(sc, in: start..<phrase.upperBound)
                let skyEnd = min(wind?.range.lowerBound ?? phrase.upperBound, temps?.cue ?? phrase.upperBound)
                let sky = sc.trimmed(start..<skyEnd, leading: ["白天", "早晨", "上午", "下午", "傍晚", ":"])
                if !sky.isEmpty, skyWords.contains(where: { !sc.occurrences(of: $0, in: sky).isEmpty }), forecast.conditions == nil
                    || conditions?.day == day {
                    let joined = conditions.map { $0.day == day ? $0.range.lowerBound : sky.lowerBound } ?? sky.lowerBound
                    conditions = (day, joined..<sky.upperBound)
                    forecast.conditions = Sourced(sc.original(joined..<sky.upperBound), sentence: sc.sentenceID)
                } else {
                    conditions = nil
                }
                if forecast.wind == nil, let w = wind { forecast.wind = Sourced(w.value, sentence: sc.sentenceID) }
                if let t = temps {
                    if let h = t.high, forecast.high == nil { forecast.high = Sourced(h, sentence: sc.sentenceID) }
                    if let l = t.low, forecast.low == nil { forecast.low = Sourced(l, sentence: sc.sentenceID) }
                }
                if forecast.conditions != nil || forecast.wind != nil || forecast.high != nil || forecast.low != nil { days[day] = forecast }
            }
        }
        guard !days.isEmpty else { return }
        var forecast = WeatherForecast(article: context.index)
        forecast.days = DayForecast.Day.allCases.compactMap { days[$0] }
        store.forecasts.append(forecast)
    }

    /// The first day word in the phrase: its day and where it ends.
    static func dayWord(_ sc: SentenceScanner, in phrase: Range<Int>, current: DayForecast.Day?) -> (DayForecast.Day, Int)? {
        var best: (DayForecast.Day, Int, Int)?
        for (w, day) in dayWords {
            guard let i = sc.occurrences(of: w, in: phrase).first else { continue }
            if best == nil || i < best!.1 { best = (day, i, i + w.scalarCount) }
        }
        if let (day, _, end) = best {
            // `今天夜里到明天白天多云`: the span is read as its first day.
            for sep in ["到", "至"] where sc.matches(sep, at: end) {
                if let (w, _) = dayWords.first(where: { sc.matches($0.0, at: end + 1) }) { return (day, end + 1 + w.scalarCount) }
            }
            return (day, end)
        }
        for w in nightWords {
            if let i = sc.occurrences(of: w, in: phrase).first, current == nil || current == .today || current == .tonight {
                return (.tonight, i + w.scalarCount)
            }
        }
        return nil
    }

    /// `偏南风3到4级`, `东北风4-5级`, `风力3-4级`: direction (or `风力`), force and `级`, as printed.
    static func wind(_ sc: SentenceScanner, in range: Range<Int>) -> Found<String>? {
        for k in sc.occurrences(of: "风", in: range) {
            var a = k
            while a > range.lowerBound, windDirectionScalars.contains(sc.s[a - 1]) { a -= 1 }
            var e = k + 1
            if sc.matches("力", at: e) { e += 1 }
            guard a < k || e > k + 1, let (_, end) = forceRange(sc, at: e) else { continue }
            return Found(range: a..<end, value: sc.original(a..<end))
        }
        return nil
    }

    /// `3到4级` / `4-5级` / `3级` at `k`: its end.
    private static func forceRange(_ sc: SentenceScanner, at k: Int) -> (Int, Int)? {
        guard let (_, e1) = sc.integer(at: k) else { return nil }
        var e = e1
        if let sep = rangeSeparators.first(where: { sc.matches($0, at: e) }), let (_, e2) = sc.integer(at: e + sep.scalarCount) { e = e2 }
        return sc.matches("级", at: e) ? (k, e + 1) : nil
    }

    /// High and/or low temperature in the phrase, and where its cue starts. A bare span
    /// (`气温18-24℃`, or `18-24℃` alone) gives both.
    static func temperatures(_ sc: SentenceScanner, in range: Range<Int>) -> (high: TemperatureRange?, low: TemperatureRange?, cue: Int)? {
        let cues = highCues.map { ($0, 0) } + lowCues.map { ($0, 1) } + spanCues.map { ($0, 2) }
        for (word, kind) in cues {
            guard let i = sc.occurrences(of: word, in: range).first else { continue }
            let k = sc.trimmed((i + word.scalarCount)..<range.upperBound, leading: temperatureParticles).lowerBound
            guard let t = temperature(sc, at: k) else { continue }
            switch kind {
            case 0: return (t, nil, i)
            case 1: return (nil, t, i)
            default: return (TemperatureRange(min: t.max, max: t.max), TemperatureRange(min: t.min, max: t.min), i)
            }
        }
        for n in sc.numbers(in: range) where n.range.lowerBound == range.lowerBound || !ScalarClass.isHan(sc.s[n.range.lowerBound - 1]) {
            if let t = temperature(sc, at: n.range.lowerBound), t.min != t.max {
                return (TemperatureRange(min: t.max, max: t.max), TemperatureRange(min: t.min, max: t.min), n.range.lowerBound)
            }
        }
        return nil
    }

    /// `35℃到36℃`, `22-30℃`, `27℃`, `零下3℃`, `-2~5℃` at `k` (a degree sign must follow the last number).
    static func temperature(_ sc: SentenceScanner, at k: Int) -> TemperatureRange? {
        func signed(_ k: Int) -> (Int, Int)? {
            var i = k
            var sign = 1
            if sc.matches("零下", at: i) { sign = -1; i += 2 } else if sc.matches("-", at: i) { sign = -1; i += 1 }
            guard let (v, e) = sc.integer(at: i) else { return nil }
            return (sign * v, e)
        }
        func degree(_ e: Int) -> Int? { sc.matches("℃", at: e) || sc.matches("度", at: e) ? e + 1 : nil }
        guard let (a, e1) = signed(k) else { return nil }
        var end = degree(e1)
        var b = a
        let e = end ?? e1
        if let sep = rangeSeparators.first(where: { sc.matches($0, at: e) }), let (v, e2) = signed(e + sep.scalarCount) {
            b = v
            end = degree(e2)
        }
        guard end != nil, (-40...50).contains(a), (-40...50).contains(b) else { return nil }
        return TemperatureRange(min: Swift.min(a, b), max: Swift.max(a, b))
    }
}
