import Foundation

/// Opening hours and phone numbers of a service point.
///
/// | phrase (normalised)                                        | reads                                        |
/// |------------------------------------------------------------|----------------------------------------------|
/// | `工作日8:30—17:30` / `周六9:00—12:00对外办公`               | hours, each phrase as printed                |
/// | `中心工作日开放时间为上午8:30至12:00、下午13:30至17:30`      | `工作日开放时间为上午8:30至12:00、…` (no subject) |
/// | `每周一闭馆` / `节假日不休息` / `24小时开放`                 | hours (a closing day or round the clock)     |
/// | `咨询电话:0573-88256123` / `拨打12345政务服务热线`          | phones with their heading or hotline name    |
extension PublicServiceExtractor {
    /// Labels of opening hours (`开放时间为…`).
    static let hoursLabels = ContactExtractor.hoursLabels + ["办事时间", "窗口时间"]
    /// Day words that open a stretch of opening hours (`工作日`, `每周六`).
    static let dayWords: [String] = ["法定节假日", "节假日", "工作日", "双休日", "周末", "每天", "每日", "全天", "全年", "平时", "夏季", "冬季"]
        + ["每周", "周", "星期", "每星期"].flatMap { p in ["一", "二", "三", "四", "五", "六", "日", "天", "末"].map { p + $0 } }
    /// Words that make a day phrase without times part of the hours (`每周一闭馆`).
    static let closedWords = ["闭馆", "休馆", "休息", "不办公", "不对外办公", "暂停服务", "照常办公", "正常办公", "无休", "不打烊"]
    /// Words after `24小时` that make it opening hours, not a facility (`24小时开放`, not `24小时自助服务区`).
    static let roundTheClock = ["开放", "营业", "不打烊", "服务", "在线", "受理"]

    /// Opening hours: phrases with a day word or an hours label and clock times, a day word and a
    /// closing word, or `24小时开放`; printed from the first day word or label to the phrase end.
    static func hours(in sc: SentenceScanner) -> [Found<String>] {
        var out: [Found<String>] = []
        for p in sc.phrases() {
            let cue = sc.firstWord(of: dayWords + hoursLabels, in: p)
            let times = sc.clockTimes(in: p)
            let allDay = sc.occurrences(of: "24小时", in: p).first { k in roundTheClock.contains { sc.matches($0, at: k + 4) } }
            var start: Int?
            if let cue, !times.isEmpty, cue.offset < times[0].range.lowerBound || hoursLabels.contains(cue.word) {
                start = cue.offset
            } else if let cue, dayWords.contains(cue.word), sc.firstWord(of: closedWords, in: p) != nil {
                start = cue.offset
            } else if let allDay {
                start = cue.map { min($0.offset, allDay) } ?? allDay
            }
            guard let start else { continue }
            let r = sc.trimmed(start..<p.upperBound, trailing: ["。"])
            if r.count >= 4 { out.append(Found(range: r, value: sc.original(r))) }
        }
        return out
    }

    /// Phone numbers after a phone cue in their phrase (`咨询电话:…`, `拨打…热线`), labelled as
    /// printed; a hotline named by its number (`12345政务服务热线`) keeps that name as its label.
    static func phones(in sc: SentenceScanner) -> [Found<PhoneNumber>] {
        var out: [Found<PhoneNumber>] = []
        for p in sc.phoneNumbers() {
            if let (_, label, _) = ContactExtractor.hotline(sc, after: p) {
                out.append(Found(range: p.range, value: PhoneNumber(number: p.value, label: label)))
                continue
            }
            let segment = sc.phraseStart(before: p.range.lowerBound)..<p.range.lowerBound
            guard let cue = ContactExtractor.lastWord(of: ContactExtractor.phoneCues, in: segment, sc) else { continue }
            let heading = cue.word.hasSuffix("电话") || cue.word.hasSuffix("热线") ? cue.word : nil
            let phrase = p.range.lowerBound..<sc.phrase(from: p.range.lowerBound).upperBound
            if let phone = ContactExtractor.phones(sc, in: phrase, heading: heading).first {
                out.append(Found(range: p.range, value: phone))
            }
        }
        return out
    }
}
