import Foundation
import Knowledge

/// Words a printed forecast for the day asked (default: today): conditions, temperatures,
/// wind. Always says it is the forecast as printed on the page, not a live one.
struct WeatherAnswers {
    let forecast: WeatherForecast
    let ctx: RenderContext

    var day: DayForecast.Day { ctx.understanding.day ?? .today }

    func render(_ field: String) -> FieldValue? {
        guard let d = forecast.days.first(where: { $0.day == day }) ?? (day == .tonight ? forecast.days.first { $0.day == .today } : nil) else { return nil }
        let dayWord = ctx.isEnglish ? englishDay(d.day) : chineseDay(d.day)
        switch field {
        case "conditions":
            var parts: [String] = []
            var sentences: [Int] = []
            if let c = d.conditions { parts.append(dayWord + (ctx.isEnglish ? ": " : "") + ctx.word(c.value)); sentences.append(c.sentence) }
            if let t = temperatures(d) { parts.append(t.text); sentences += t.sentences }
            guard !parts.isEmpty else { return nil }
            return FieldValue(text: parts.joined(separator: ctx.isEnglish ? "; " : "，"), sentences: sentences)
        case "temperature":
            guard let t = temperatures(d) else { return nil }
            return FieldValue(text: (ctx.isEnglish ? dayWord + ": " : dayWord) + t.text, sentences: t.sentences)
        case "wind":
            guard let w = d.wind else { return nil }
            return FieldValue(text: dayWord + (ctx.isEnglish ? ": " : "") + ctx.word(w.value), sentences: [w.sentence])
        default: return nil
        }
    }

    /// High and/or low as printed; only the one the question names (`最低`, `lowest`) when it names one.
    private func temperatures(_ d: DayForecast) -> FieldValue? {
        var parts: [String] = []
        var sentences: [Int] = []
        let wanted = ctx.understanding.weatherField
        if let h = d.high, wanted != "low" {
            parts.append(ctx.isEnglish ? "high \(range(h.value))" : "最高气温\(h.value)"); sentences.append(h.sentence)
        }
        if let l = d.low, wanted != "high" {
            parts.append(ctx.isEnglish ? "low \(range(l.value))" : "最低气温\(l.value)"); sentences.append(l.sentence)
        }
        if parts.isEmpty, let h = d.high { parts.append(ctx.isEnglish ? "high \(range(h.value))" : "最高气温\(h.value)"); sentences.append(h.sentence) }
        if parts.isEmpty, let l = d.low { parts.append(ctx.isEnglish ? "low \(range(l.value))" : "最低气温\(l.value)"); sentences.append(l.sentence) }
        guard !parts.isEmpty else { return nil }
        return FieldValue(text: parts.joined(separator: ctx.isEnglish ? ", " : "，"), sentences: sentences)
    }

    private func range(_ t: TemperatureRange) -> String { t.min == t.max ? "\(t.min)°C" : "\(t.min)–\(t.max)°C" }

    private func chineseDay(_ d: DayForecast.Day) -> String {
        switch d {
        case .today: return "今天"
        case .tonight: return "今晚"
        case .tomorrow: return "明天"
        case .dayAfterTomorrow: return "后天"
        }
    }

    private func englishDay(_ d: DayForecast.Day) -> String {
        switch d {
        case .today: return "today"
        case .tonight: return "tonight"
        case .tomorrow: return "tomorrow"
        case .dayAfterTomorrow: return "the day after tomorrow"
        }
    }
}

/// Wording for printed relative dates: what the page's date makes them mean.
enum PageDates {
    /// `{page_note}` for forecasts: "As printed on the page dated 2023-11-21:" or, without a date,
    /// "As printed on the page (date unknown):".
    static func forecastNote(for article: Int, in ctx: RenderContext) -> String {
        let date = ctx.kb.articles[article].metadata.date
        if ctx.isEnglish {
            return date.map { "Forecast as printed on the page of \($0) — " } ?? "Forecast as printed on the page (page date unknown) — "
        }
        return date.map { "据\($0)版面预报：" } ?? "据报纸版面预报（非实时）："
    }

    /// A short note after a printed relative date (`今年9月`) saying which year it means, when known.
    static func note(for article: Int, in ctx: RenderContext) -> String {
        guard let date = ctx.kb.articles[article].metadata.date, let year = date.split(separator: "-").first else {
            return ctx.isEnglish ? " (as printed; relative to the page's date)" : "（按见报日期）"
        }
        return ctx.isEnglish ? " (page dated \(date); year \(year))" : "（见报日期\(date)，即\(year)年）"
    }
}
