import Foundation

/// Contacts printed inside story sentences: a hotline by its number, a phone after a cue, an
/// address after `地址`/`位于`, opening hours after an hours label.
///
/// A phone or an address belongs to the contact named in the same sentence before it (a name
/// ending in a contact suffix), else to the one named in the two sentences before; with no
/// such name nothing is recorded. A figure without a phone cue is never a phone.
extension ContactExtractor {
    /// Reads one story sentence; `previous` are the sentences just before it in the article.
    static func readStory(_ sc: SentenceScanner, previous: ArraySlice<SentenceScanner>, into book: inout ContactBook) {
        let names = NameFinder.names(in: sc, suffixes: contactSuffixesLongestFirst).filter { isContactName($0.range, in: sc) }
        func owner(before offset: Int) -> Int? {
            if let n = names.last(where: { $0.range.upperBound <= offset }) {
                return book.open(name: Sourced(n.value, sentence: sc.sentenceID))
            }
            for p in previous.reversed() {
                if let n = NameFinder.names(in: p, suffixes: contactSuffixesLongestFirst).last(where: { isContactName($0.range, in: p) }) {
                    return book.open(name: Sourced(n.value, sentence: p.sentenceID))
                }
            }
            return nil
        }
        var lastOwner: Int?
        for p in sc.phoneNumbers() {
            if let (name, label, end) = hotline(sc, after: p) {
                // `12345热线` / `12345政务服务热线`: the hotline is the contact.
                let key = book.open(name: Sourced(name, sentence: sc.sentenceID))
                book.add(phone: Sourced(PhoneNumber(number: p.value, label: label), sentence: sc.sentenceID), to: key)
                if let serves = purpose(sc, from: end), !book.contacts[key].serves.contains(where: { $0.value == serves }) {
                    book.contacts[key].serves.append(Sourced(serves, sentence: sc.sentenceID))
                }
                lastOwner = key
                continue
            }
            let segment = sc.phraseStart(before: p.range.lowerBound)..<p.range.lowerBound
            guard let cue = lastWord(of: phoneCues, in: segment, sc), let key = owner(before: cue.offset) else { continue }
            let heading = cue.word.hasSuffix("电话") || cue.word.hasSuffix("热线") ? cue.word : nil
            for phone in phones(sc, in: p.range.lowerBound..<sc.phrase(from: p.range.lowerBound).upperBound, heading: heading).prefix(1) {
                book.add(phone: Sourced(phone, sentence: sc.sentenceID), to: key)
            }
            lastOwner = key
        }
        for cue in addressCueHits(sc) {
            let addr = sc.trimmed(sc.phrase(from: cue.offset + cue.word.scalarCount), leading: [":", "在"], trailing: ["的", "内", "。"])
            guard isAddress(addr, in: sc) else { continue }
            let key: Int?
            if cue.word == "位于" || cue.word.hasPrefix("坐落") {
                // `某某中心位于…`: only a contact name ending right at the cue owns the address.
                key = names.last(where: { $0.range.upperBound == cue.offset }).map { book.open(name: Sourced($0.value, sentence: sc.sentenceID)) }
            } else {
                key = owner(before: cue.offset)
            }
            guard let key else { continue }
            if book.contacts[key].address == nil { book.contacts[key].address = Sourced(sc.original(addr), sentence: sc.sentenceID) }
            lastOwner = key
        }
        for label in hoursLabels {
            for c in sc.occurrences(of: label) {
                let value = sc.trimmed(sc.phrase(from: c + label.scalarCount), leading: ["为", ":", "是"], trailing: ["。"])
                guard !sc.clockTimes(in: value).isEmpty, let key = lastOwner ?? owner(before: c) ?? book.contacts.indices.last else { continue }
                let text = sc.original(value)
                if !book.contacts[key].hours.contains(where: { $0.value == text }) { book.contacts[key].hours.append(Sourced(text, sentence: sc.sentenceID)) }
            }
        }
    }

    /// `12345热线`, `12345政务服务热线`: the printed hotline name, its label and where it ends.
    static func hotline(_ sc: SentenceScanner, after p: Found<String>) -> (String, String, Int)? {
        var k = p.range.upperBound
        while k < sc.count, ScalarClass.isHan(sc.s[k]), k - p.range.upperBound < 8 {
            k += 1
            if sc.matches("热线", at: k - 2), k - p.range.upperBound >= 2 {
                return (sc.original(p.range.lowerBound..<k), sc.original(p.range.upperBound..<k), k)
            }
        }
        return nil
    }

    /// `…热线反映问题` → `反映问题`: the phrase after a hotline when it opens with a purpose verb.
    static func purpose(_ sc: SentenceScanner, from k: Int) -> String? {
        let r = sc.trimmed(sc.phrase(from: k), leading: ["进行", "来", "去", "或", "直接"], trailing: ["。"])
        guard !r.isEmpty, purposeVerbs.contains(where: { sc.matches($0, at: r.lowerBound) }), r.count <= 24 else { return nil }
        return sc.original(r)
    }

    /// Address cues in the sentence, each once (`位于` inside `地址位于` is not repeated).
    static func addressCueHits(_ sc: SentenceScanner) -> [(offset: Int, word: String)] {
        var out: [(offset: Int, word: String)] = []
        var covered = Set<Int>()
        for w in addressCues {
            for i in sc.occurrences(of: w) where !covered.contains(i) && !covered.contains(i + w.scalarCount - 1) {
                covered.formUnion(i..<(i + w.scalarCount))
                out.append((i, w))
            }
        }
        return out.sorted { $0.offset < $1.offset }
    }

    /// An address as printed: 3–40 name characters with a street or place marker.
    static func isAddress(_ r: Range<Int>, in sc: SentenceScanner) -> Bool {
        (3...40).contains(r.count) && sc.isNameLike(r) && addressMarkers.contains { !sc.occurrences(of: $0, in: r).isEmpty }
    }

    /// A contact name is more than a bare suffix and not a generic phrase (`该中心`, `服务中心`).
    static func isContactName(_ r: Range<Int>, in sc: SentenceScanner) -> Bool {
        let text = sc.text(r)
        return r.count >= 4 && !text.hasPrefix("该") && !text.hasPrefix("这") && !contactSuffixes.contains(text)
    }

    /// The last of `words` in `range` (the cue nearest a number; the longest of cues ending
    /// together, so `咨询电话` rather than `电话`).
    static func lastWord(of words: [String], in range: Range<Int>, _ sc: SentenceScanner) -> (offset: Int, word: String)? {
        var best: (offset: Int, word: String)?
        var bestEnd = -1
        for w in words {
            guard let i = sc.occurrences(of: w, in: range).last else { continue }
            let end = i + w.scalarCount
            if end > bestEnd || (end == bestEnd && i < best!.offset) { best = (i, w); bestEnd = end }
        }
        return best
    }
}
