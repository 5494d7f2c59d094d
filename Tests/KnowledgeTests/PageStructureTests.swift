import Foundation
import Testing
@testable import Knowledge

/// Notices and guides read by structure: header fields, section numbering of every common form,
/// labelled entries, `key：value` lines, and values attributed to the item that prints them.
@Suite struct PageStructureTests {
    /// An invented guide (shared with the Bot tests): title, two header fields, 一、/（一）/1.
    /// sections, items with their own address/phone/hours, a second item without a phone, and
    /// a city hotline at the end.
    static let guide = (try? String(contentsOfFile: "Tests/Fixtures/notice-guide.txt", encoding: .utf8)) ?? ""

    static let kb = KnowledgeBase.build(pages: [Page(file: "guide.txt", text: guide)])

    /// Numbered lines under a labelled entry (`（二）清明2号线：A—B`) are the entry's own lines;
    /// an unnumbered line after them is the section's again.
    @Test func numberedLinesUnderALabelledEntryAreItsOwn() throws {
        let doc = PageStructure.read("""
        禾城清明专线开行公告
        发布日期：2030-03-20

        一、专线安排
        （一）清明5号线：禾城站—安乐公墓
        1. 首末班时间：禾城站首班7:10、末班15:00
        2. 票价：2元
        专线不参加换乘优惠。
        """)
        let fare = try #require(doc.lines.first { $0.text.hasPrefix("2. 票价") })
        #expect(fare.key == "票价" && fare.value == "2元")
        #expect(fare.path == ["一、专线安排", "（一）清明5号线"])
        let after = try #require(doc.lines.first { $0.text.hasPrefix("专线不参加") })
        #expect(after.path == ["一、专线安排"])
        #expect(PageStructure.keyValue(Array(" 票价：2元".unicodeScalars))?.key == "票价")
    }

    /// A short closing line (`禾城图书馆`, the signature) that the title paragraph begins with
    /// does not move the paragraphs' section paths to the end of the page.
    @Test func aClosingLineThatBeginsTheTitleKeepsThePaths() throws {
        let kb = KnowledgeBase.build(pages: [Page(file: "lib.txt", text: """
        禾城图书馆、新港图书馆借书证办理须知
        发布时间：2030-01-15
        来源：禾城图书馆

        禾城的公共图书馆借书证全市通用。现将规定汇总如下。

        一、办证
        （一）所需证件：本人身份证。
        二、各馆信息
        1. 禾城图书馆总馆
        地址：禾城区书香路9号

        禾城图书馆
        2030年1月15日
        """)])
        func path(of prefix: String) -> [String]? {
            for a in kb.articles { if let p = a.paragraphs.firstIndex(where: { $0.hasPrefix(prefix) }) { return a.sectionPath(p) } }
            return nil
        }
        #expect(path(of: "禾城的公共图书馆") == [])
        #expect(path(of: "（一）所需证件")?.first == "一、办证")
        #expect(path(of: "地址：禾城区")?.first == "二、各馆信息")
    }

    @Test func numberingForms() {
        func level(_ s: String) -> Int? { PageStructure.numbering(Array(s.unicodeScalars))?.level }
        #expect(level("一、总则") == 1)
        #expect(level("十二、附则") == 1)
        #expect(level("（三）材料") == 2)
        #expect(level("(三)材料") == 2)
        #expect(level("1. 城南") == 3)
        #expect(level("2、火车站") == 3)
        #expect(level("（1）身份证") == 4)
        #expect(level("③ 照片") == 4)
        #expect(level("1.5元一次") == nil)     // a number, not an item
        #expect(level("一体化服务") == nil)
        #expect(level("2024年起") == nil)
    }

    @Test func newspaperPagesAreNotDocuments() throws {
        for file in try FileManager.default.contentsOfDirectory(atPath: "corpus") where file.hasSuffix(".txt") {
            let text = try String(contentsOfFile: "corpus/" + file, encoding: .utf8)
            #expect(!PageStructure.isDocument(text), "\(file)")
        }
        #expect(PageStructure.isDocument(Self.guide))
        // Header fields alone make a notice, with no numbered section in it.
        #expect(PageStructure.isDocument("关于跨省公交线路的说明\n发布日期：2025-03-01   信息来源：禾城交通运输局\n\n目前共有3条线路。"))
    }

    @Test func headerFieldsAndTitle() throws {
        let a = try #require(Self.kb.articles.first)
        #expect(a.isDocument)
        #expect(a.documentTitle == "关于启用新版交通卡办理网点的公告")
        #expect(a.publisher == "禾城公交服务有限公司")
        #expect(a.metadata.date == "2025-04-02")
        #expect(!a.paragraphs.contains { $0.contains("发布日期") })
    }

    @Test func traditionalHeaderLabels() {
        let doc = PageStructure.read("公告\n發布日期：2024年3月1日\n資訊來源：某局\n一、說明\n內容。")
        #expect(doc.date == "2024年3月1日")
        #expect(PageStructure.isoDate(doc.date ?? "") == "2024-03-01")
    }

    @Test func documentLinesHavePaths() {
        let doc = PageStructure.read(Self.guide)
        #expect(doc.lines.first { $0.text.hasPrefix("（二）老年卡") }?.path == ["一、办理材料", "（二）老年卡"])
        #expect(doc.lines.first { $0.text.hasPrefix("（二）老年卡") }?.key == "老年卡")
        #expect(doc.lines.first { $0.text.hasPrefix("电话") }?.value == "0573-82001234")
    }

    @Test func sectionPaths() throws {
        func path(of prefix: String) -> [String]? {
            for a in Self.kb.articles { if let p = a.paragraphs.firstIndex(where: { $0.hasPrefix(prefix) }) { return a.sectionPath(p) } }
            return nil
        }
        #expect(path(of: "电话") == ["二、办理网点", "1. 城南交通卡服务中心"])
        #expect(path(of: "（二）老年卡") == ["一、办理材料", "（二）老年卡"])
        #expect(path(of: "① 节假日") == ["二、办理网点", "2. 火车站服务点"])
        #expect(path(of: "咨询请拨打") == ["三、其他事项"])
    }

    @Test func valuesBelongToTheItemThatPrintsThem() throws {
        let items = Self.kb.items
        let centre = try #require(items.first { $0.name == "城南交通卡服务中心" })
        #expect(centre.fields.map(\.key) == ["地址", "电话", "服务时间"])
        #expect(centre.fields.first { $0.key == "电话" }?.value == "0573-82001234")
        let station = try #require(items.first { $0.name == "火车站服务点" })
        #expect(station.fields.map(\.key) == ["地址"])           // no phone: not the centre's, not 12345
        let elderly = try #require(items.first { $0.name == "老年卡" })
        #expect(elderly.parents == ["一、办理材料"])
        #expect(elderly.fields.first?.value.contains("身份证") == true)
        #expect(!items.contains { $0.fields.contains { $0.value.contains("12345") } })
    }

    @Test func aTraditionalGuideIsReadAndQuotedAsPrinted() throws {
        let trad = "關於辦理網點的公告\n發布日期：2025-04-02\n\n一、辦理網點\n1. 城南服務中心\n地址：南溪路588號\n電話：0573-82001234\n"
        let kb = KnowledgeBase.build(pages: [Page(file: "t.txt", text: trad)])
        let item = try #require(kb.items.first { $0.name == "城南服务中心" })
        let phone = try #require(item.fields.first { $0.key == "电话" })
        #expect(phone.value == "0573-82001234")
        #expect(kb.sentences[phone.sentence].text.contains("電話"))      // quoted as printed
    }

    @Test func repeatedTextIsQuotedAsPrintedWhereItStands() throws {
        // 臺 and 台 read alike (台): each sentence is quoted in its own printing, not the first's.
        let trad = "關於服務點開放時間的通知\n\n一、城南網點\n服務台每天開放。\n二、城北網點\n服務臺每天開放。\n"
        let kb = KnowledgeBase.build(pages: [Page(file: "t.txt", text: trad)])
        let quoted = kb.sentences.map(\.text).filter { $0.hasPrefix("服務") }
        #expect(quoted == ["服務台每天開放。", "服務臺每天開放。"])
    }
}
