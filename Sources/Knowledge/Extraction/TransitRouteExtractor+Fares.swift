import Foundation

/// Fares, concessions and payment methods of a route.
///
/// | sentence (normalised)                                  | reads                                      |
/// |--------------------------------------------------------|--------------------------------------------|
/// | `线路起步价2元,全程6元`                                 | start 2元, full 6元                         |
/// | `实行一票制,票价2元` / `2元一票制` / `车费每人2元`       | flat 2元                                   |
/// | `60周岁以上老年人凭市民卡免费乘坐`                      | concession, as printed (no fare)           |
/// | `学生票1元` / `1.2米以下儿童免票`                       | concessions (the 1元 is not the fare)      |
/// | `可扫码、投币或者刷卡`                                  | payment `扫码` `投币` `刷卡`                |
extension TransitRouteExtractor {
    /// Fare cues: starting fare, full-route fare, single flat fare (checked in this order per clause).
    static let startFareCues = ["起步票价", "起步价", "起价"]
    static let fullFareCues = ["全程票价", "最高票价", "全程"]
    static let flatFareCues = ["统一票价", "单一票价", "单程票价", "一票制", "票价", "车票", "车费", "乘车费", "每人次", "每人", "/人次"]

    /// Words that make a phrase a concession: who rides free, at half price or at a discount.
    static let concessionCues = ["免费乘坐", "免费乘车", "免费搭乘", "免费坐车", "免费换乘", "换乘优惠", "优惠乘车", "优惠乘坐", "半价乘车",
                                 "半价", "折优惠", "折乘车", "打折", "免票", "免收车费", "免费", "学生票", "老年票", "老人票", "儿童票",
                                 "优惠票", "半票"]
    /// A bare `免费` is a concession only next to one of these (`老年人凭卡免费`, not `免费wifi`).
    static let concessionRiders = ["老年人", "老人", "周岁", "岁以上", "儿童", "学生", "军人", "残疾人", "持卡", "凭", "乘客", "市民"]
    /// Discourse words dropped from the start of a concession.
    static let concessionLeads = ["此外", "另外", "同时", "其中", "并且", "而且", "且", "并", "对", "还"]

    /// Payment methods as printed; matched longest first without overlaps.
    static let paymentWords = ["数字人民币", "交通联合卡", "乘车码", "二维码", "扫码", "刷码", "投币", "刷卡", "公交卡", "交通卡", "市民卡",
                               "云闪付", "支付宝", "微信", "银联", "现金", "刷脸"]
    /// A lone payment word counts only in a clause with one of these (or in a sentence with a fare).
    static let paymentContext = ["支持", "支付", "付费", "付款", "乘车", "购票", "票价"]

    /// `起步价2元` / `全程6元` / `票价2元` / `实行一票制,票价1元` / `2元一票制`; never a concession's amount.
    static func readFares(_ sc: SentenceScanner, into route: inout TransitRoute) {
        let concessions = concessionPhrases(in: sc)
        for clause in sc.clauses() where !concessions.contains(where: { $0.overlaps(clause) }) {
            let amounts = sc.amounts(units: ["元"], in: clause).filter {
                $0.value.absoluteValue > 0 && $0.value.absoluteValue <= 100 && !sc.isSuperseded($0.range)
            }
            guard let first = amounts.first else { continue }
            let source = Sourced(first.value, sentence: sc.sentenceID)
            if sc.firstWord(of: startFareCues, in: clause.lowerBound..<first.range.lowerBound) != nil {
                if route.startFare == nil { route.startFare = source }
            } else if sc.firstWord(of: fullFareCues, in: clause.lowerBound..<first.range.lowerBound) != nil {
                if route.fullFare == nil { route.fullFare = source }
            } else if sc.firstWord(of: flatFareCues, in: clause) != nil, route.flatFare == nil {
                route.flatFare = source
            }
        }
    }

    /// Concessions as printed, one per phrase (`60周岁以上老年人凭市民卡免费乘坐`).
    static func readConcessions(_ sc: SentenceScanner, into route: inout TransitRoute) {
        for r in concessionPhrases(in: sc) {
            let text = sc.original(r)
            if !route.concessions.contains(where: { $0.value == text }) { route.concessions.append(Sourced(text, sentence: sc.sentenceID)) }
        }
    }

    /// Phrases (between `,;。`) that grant a concession, without discourse words at their start.
    static func concessionPhrases(in sc: SentenceScanner) -> [Range<Int>] {
        sc.phrases().compactMap { p in
            guard let cue = sc.firstWord(of: concessionCues, in: p) else { return nil }
            if cue.word == "免费", sc.firstWord(of: concessionRiders, in: p.lowerBound..<cue.offset) == nil { return nil }
            var r = p
            var previous = -1
            while previous != r.lowerBound {
                previous = r.lowerBound
                r = sc.trimmed(r, leading: concessionLeads, trailing: ["。"])
            }
            return r.count >= 3 ? r : nil
        }
    }

    /// Payment words in a clause that talks about paying (`可扫码、投币或者刷卡`): two or more
    /// methods listed together, or one next to a pay word or in a sentence with a fare. A card
    /// shown for a concession (`凭市民卡免费乘坐`) is no payment.
    static func readPayment(_ sc: SentenceScanner, into route: inout TransitRoute) {
        let sentenceHasFare = !sc.amounts(units: ["元"]).isEmpty
        let concessions = concessionPhrases(in: sc)
        for clause in sc.clauses() where !concessions.contains(where: { $0.overlaps(clause) }) {
            var taken = Set<Int>()
            var found: [(Int, String)] = []
            for w in longestFirst(paymentWords) {
                let n = w.scalarCount
                for i in sc.occurrences(of: w, in: clause) where !(i..<(i + n)).contains(where: taken.contains) {
                    taken.formUnion(i..<(i + n))
                    found.append((i, sc.original(i..<(i + n))))
                }
            }
            guard !found.isEmpty, found.count >= 2 || sentenceHasFare || sc.firstWord(of: paymentContext, in: clause) != nil else { continue }
            for (_, w) in found.sorted(by: { $0.0 < $1.0 }) where !route.payment.contains(where: { $0.value == w }) {
                route.payment.append(Sourced(w, sentence: sc.sentenceID))
            }
        }
    }
}
