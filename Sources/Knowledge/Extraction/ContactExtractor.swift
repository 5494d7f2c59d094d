import Foundation

/// Reads organisations and places people contact: their address, phone numbers (with what each
/// is for), opening hours and what they serve — from notice boxes line by line, and from story
/// sentences where a phone or address is printed next to a cue.
///
/// | line or sentence (normalised)                          | reads                                        |
/// |--------------------------------------------------------|----------------------------------------------|
/// | notice `某某学校` / `地址:某路98号(某广场南)`            | name = headline, address as printed          |
/// | `招生热线:85087171(驾校)、85087980(全日制)`             | two phones labelled `驾校`, `全日制`          |
/// | `咨询电话:0573-84012345` / `开放时间:周一至周五8:30-17:00` | phone labelled `咨询电话`, hours             |
/// | `…服务中心…,咨询电话:0573-…`                          | phone of the centre named in the sentence    |
/// | `市民可拨打12345热线反映问题`                          | contact `12345热线`, serves `反映问题`        |
/// | `某某中心位于某路8号` / `地址位于…`                     | address of the named place                   |
enum ContactExtractor {
    /// Line labels (before `:`) whose value is an address.
    static let addressLabels = ["联系地址", "办公地址", "服务地址", "营业地址", "报名地址", "报名地点", "校址", "地址"]
    /// Endings of line labels whose value is one or more phone numbers (`招生热线`, `咨询电话`).
    static let phoneLabelEndings = ["电话", "热线", "专线", "手机", "联系方式"]
    /// Line labels whose value is opening hours.
    static let hoursLabels = ["开放时间", "营业时间", "办公时间", "服务时间", "接待时间", "受理时间", "工作时间", "咨询时间", "预约时间"]
    /// Line labels whose value says what the place serves or offers.
    static let servesLabels = ["服务内容", "服务项目", "服务范围", "业务范围", "经营范围", "招生对象", "招生专业", "开设专业", "主营"]

    /// Words before a phone number in a story that make it a contact number.
    static let phoneCues = ["咨询电话", "服务热线", "咨询热线", "联系电话", "报名电话", "热线电话", "投诉电话", "预约电话", "举报电话",
                            "值班电话", "求助电话", "电话", "热线", "拨打", "致电", "手机"]
    /// Suffixes of names of places and bodies people contact.
    static let contactSuffixes = ["服务中心", "中心", "学校", "医院", "卫生院", "服务站", "服务点", "驿站", "大厅", "窗口", "办事处",
                                  "派出所", "营业厅", "图书馆", "博物馆", "文化馆", "体育馆", "纪念馆", "展览馆", "科技馆", "美术馆",
                                  "驾校", "幼儿园", "服务部", "办公室", "管理处", "热线"]
    static let contactSuffixesLongestFirst = longestFirst(contactSuffixes)
    /// Cues before an address in a story; plain `位于` needs a contact name right before it.
    static let addressCues = ["地址位于", "地址为", "地址在", "地址是", "地址:", "坐落于", "坐落在", "位于"]
    /// An address must contain one of these.
    static let addressMarkers = ["路", "街", "号", "弄", "巷", "大道", "广场", "大厦", "楼", "镇", "街道", "村", "园区", "开发区", "社区"]
    /// Verbs after a hotline that say what it is for (`拨打12345热线反映问题`).
    static let purposeVerbs = ["咨询", "反映", "投诉", "预约", "报名", "查询", "了解", "办理", "举报", "求助"]

    /// Extracts the article's contacts into `store.contacts`.
    static func extract(from context: ArticleContext, into store: inout FactStore) {
        var book = ContactBook(article: context.index)
        let scanners = context.scanners
        switch context.article.kind {
        case .weather, .photo:
            return
        case .notice where context.article.isDocument && PageStructure.numbering(Array(context.article.headline.unicodeScalars)) != nil:
            // A numbered section of a notice (`五、办理网点`) is no place of its own: its items are
            // the places, each read with its own values (`PageItem`). Read as one notice box it
            // would give the section several offices' phones under the section's name.
            return
        case .notice:
            readNotice(context.article.headline, scanners, into: &book)
        default:
            for (i, sc) in scanners.enumerated() { readStory(sc, previous: scanners[max(0, i - 2)..<i], into: &book) }
        }
        book.findAliases(in: context)
        store.contacts += book.contacts
    }

    /// A notice box: the headline names the place, each line is `label:value`.
    static func readNotice(_ headline: String, _ lines: [SentenceScanner], into book: inout ContactBook) {
        let name = headline.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, let first = lines.first else { return }
        let key = book.open(name: Sourced(name, sentence: first.sentenceID))
        for sc in lines {
            guard let (label, value) = labelledLine(sc) else { continue }
            let source = sc.sentenceID
            if addressLabels.contains(label) {
                if book.contacts[key].address == nil { book.contacts[key].address = Sourced(sc.original(value), sentence: source) }
            } else if phoneLabelEndings.contains(where: label.hasSuffix) {
                for phone in phones(sc, in: value, heading: label) { book.add(phone: Sourced(phone, sentence: source), to: key) }
            } else if hoursLabels.contains(label) {
                book.contacts[key].hours.append(Sourced(sc.original(value), sentence: source))
            } else if servesLabels.contains(label) {
                book.contacts[key].serves.append(Sourced(sc.original(value), sentence: source))
            }
        }
    }

    /// `label:value` (label up to 8 characters), or a known label followed straight by digits.
    static func labelledLine(_ sc: SentenceScanner) -> (String, Range<Int>)? {
        var labelEnd: Int?
        var valueStart = 0
        if let c = sc.find(":"), c >= 1, c <= 8 {
            labelEnd = c
            valueStart = c + 1
        } else {
            let known = addressLabels + hoursLabels + servesLabels + phoneCues
            if let w = longestFirst(known).first(where: { sc.matches($0, at: 0) }) {
                labelEnd = w.scalarCount
                valueStart = labelEnd!
            }
        }
        guard let end = labelEnd else { return nil }
        let value = sc.trimmed(valueStart..<sc.count, trailing: ["。", "!", ";"])
        guard !value.isEmpty else { return nil }
        return (sc.text(sc.trimmedSpaces(0..<end)), value)
    }

    /// Phone numbers in `range`, each labelled by the parenthesis after it (`85087171(驾校)`), a
    /// short word printed before it (`驾校85087171`), or else by `heading`.
    static func phones(_ sc: SentenceScanner, in range: Range<Int>, heading: String?) -> [PhoneNumber] {
        var out: [PhoneNumber] = []
        var itemStart = range.lowerBound
        for p in sc.phoneNumbers(in: range) {
            var label: String?
            let end = p.range.upperBound
            if end < sc.count, sc.s[end] == "(", let close = sc.find(")", from: end),
               (1...10).contains(close - end - 1), !(end + 1..<close).allSatisfy({ ScalarClass.isDigit(sc.s[$0]) }) {
                label = sc.original((end + 1)..<close)
            } else {
                let before = sc.trimmed(itemStart..<p.range.lowerBound, leading: ["、", ",", ":", " "], trailing: [":", " "])
                if (1...8).contains(before.count), before.allSatisfy({ ScalarClass.isHan(sc.s[$0]) }),
                   sc.firstWord(of: phoneCues, in: before) == nil {
                    label = sc.original(before)
                }
            }
            out.append(PhoneNumber(number: p.value, label: label ?? heading, heading: heading))
            itemStart = end
            if end < sc.count, sc.s[end] == "(", let close = sc.find(")", from: end) { itemStart = close + 1 }
        }
        return out
    }
}

/// The contacts of one article, keyed by name, merged as lines and sentences add to them.
struct ContactBook {
    let article: Int
    var contacts: [Contact] = []

    init(article: Int) {
        self.article = article
    }

    /// Index of the contact called `name`, created when new.
    mutating func open(name: Sourced<String>) -> Int {
        if let i = contacts.firstIndex(where: { $0.name.value == name.value }) { return i }
        contacts.append(Contact(article: article, name: name))
        return contacts.count - 1
    }

    /// Sets each contact's aliases: its short forms that the article also prints on their own
    /// (a short form never used, like `民卡服务中心` from `嘉兴市民卡服务中心`, is not an alias).
    mutating func findAliases(in context: ArticleContext) {
        let texts = [context.normalizedTitle] + context.sentences.map(\.normalized)
        func count(_ w: String) -> Int { texts.reduce(0) { $0 + $1.components(separatedBy: w).count - 1 } }
        for i in contacts.indices {
            let full = context.normalizer.normalize(contacts[i].name.value)
            let fullCount = count(full)
            contacts[i].aliases = NameFinder.shortForms(of: contacts[i].name.value).filter { short in
                count(context.normalizer.normalize(short)) > fullCount
            }
        }
    }

    /// Adds a phone unless that number is already listed.
    mutating func add(phone: Sourced<PhoneNumber>, to i: Int) {
        guard !contacts[i].phones.contains(where: { $0.value.number == phone.value.number }) else { return }
        contacts[i].phones.append(phone)
    }
}
