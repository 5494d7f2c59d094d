import Foundation
import Testing
@testable import Knowledge

/// Reading page files: metadata from names and header lines, and problems reported per file.
@Suite struct PageLoaderTests {
    // MARK: - Metadata

    @Test("metadata from the file name", arguments: [
        ("2023-11-21_嘉善版_02.txt", "2023-11-21", "嘉善版"),
        ("20231121_x.txt", "2023-11-21", nil),
        ("平湖版-2024-07-02.txt", "2024-07-02", "平湖版"),
        ("嘉兴日报 20240702 平湖版.txt", "2024-07-02", "平湖版"),
        ("003_58565fcc7c39a4bb.txt", nil, nil),
        ("page.txt", nil, nil),
        ("2023-13-40_嘉善版.txt", nil, "嘉善版"),   // not a date
        ("120231121.txt", nil, nil),                // digits run on: not a date
        ("202311211.txt", nil, nil),
        ("A版.txt", nil, nil),                       // edition labels are Han only
    ] as [(String, String?, String?)])
    func metadataFromFileName(_ name: String, _ date: String?, _ edition: String?) {
        let meta = PageLoader.metadataFromFileName(name)
        #expect(meta.date == date)
        #expect(meta.edition == edition)
    }

    @Test("header lines set metadata and are stripped from the text", arguments: [
        ("date: 2023-11-21\nedition: 平湖版\n\n标题\n\n正文。", "2023-11-21", "平湖版", "标题\n\n正文。"),
        ("edition: 平湖版\n正文。", nil, "平湖版", "正文。"),
        ("日期:2023-11-21\n版面:嘉善版\n正文。", "2023-11-21", "嘉善版", "正文。"),
        ("Date: 20231121\n正文。", "2023-11-21", nil, "正文。"),
        ("\ndate: 2023-11-21\n正文。", "2023-11-21", nil, "正文。"),
    ] as [(String, String?, String?, String)])
    func headerLines(_ text: String, _ date: String?, _ edition: String?, _ body: String) throws {
        let page = try PageLoader.page(from: Data(text.utf8), name: "page.txt").get()
        #expect(page.metadata.date == date)
        #expect(page.metadata.edition == edition)
        #expect(page.text.trimmingCharacters(in: .whitespacesAndNewlines) == body)
    }

    @Test("lines that are not metadata headers are kept, and nothing is invented", arguments: [
        "地址:嘉兴市南湖区文昌路88号\n招生热线:0573-82345678",
        "标题\n\ndate: 2023-11-21",
        "date: 不久以后\n正文。",
        "正文第一句。\n正文第二句。",
    ])
    func noHeader(_ text: String) throws {
        let page = try PageLoader.page(from: Data(text.utf8), name: "page.txt").get()
        #expect(page.text == text)
        #expect(page.metadata == PageMetadata())
    }

    @Test func headerOverridesFileName() throws {
        let text = "date: 2024-01-02\nedition: 平湖版\n正文。"
        let page = try PageLoader.page(from: Data(text.utf8), name: "2023-11-21_嘉善版.txt").get()
        #expect(page.metadata == PageMetadata(edition: "平湖版", date: "2024-01-02"))
    }

    @Test func fileNameMetadataKeptWithoutHeader() throws {
        let page = try PageLoader.page(from: Data("正文。".utf8), name: "2023-11-21_嘉善版.txt").get()
        #expect(page.metadata == PageMetadata(edition: "嘉善版", date: "2023-11-21"))
        #expect(page.file == "2023-11-21_嘉善版.txt")
    }

    @Test func byteOrderMarkDropped() throws {
        let page = try PageLoader.page(from: Data("\u{FEFF}正文。".utf8), name: "bom.txt").get()
        #expect(page.text == "正文。")
    }

    // MARK: - Problems

    @Test("bad page bytes are reported with the file name and reason", arguments: [
        (Data([0xE5, 0x98, 0x20, 0xFF, 0xFE]), "not valid UTF-8"),
        (Data(), "empty page"),
        (Data(" \n\u{3000}\n".utf8), "empty page"),
        (Data("date: 2023-11-21\n\n".utf8), "empty page"),
        (Data([0x41, 0x00, 0x01, 0x02, 0x00, 0x42]), "contains NUL bytes (binary file?)"),
    ])
    func badBytes(_ data: Data, _ reason: String) {
        switch PageLoader.page(from: data, name: "bad.txt") {
        case .success(let page): Issue.record("loaded \(page.text.debugDescription)")
        case .failure(let problem):
            #expect(problem == PageLoadProblem(file: "bad.txt", reason: reason))
            #expect(problem.description == "bad.txt: \(reason)")
        }
    }

    @Test func directoryWithBadFilesStillLoadsTheGoodPages() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        try dir.write("2023-11-21_嘉善版_01.txt", "标题\n\n正文第一页。")
        try dir.write("b_latin1.txt", Data([0x63, 0x61, 0x66, 0xE9, 0x0A]))      // "café" in Latin-1
        try dir.write("c_empty.txt", Data())
        try dir.write("d_binary.txt", Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x00, 0x01]))
        try dir.write("e_page.txt", "另一页。")
        try dir.write("notes.md", "不是页面")
        try dir.write(".hidden.txt", "隐藏文件")

        let (pages, problems) = try PageLoader.loadDirectory(dir.path)
        #expect(pages.map(\.file) == ["2023-11-21_嘉善版_01.txt", "e_page.txt"])
        #expect(pages[0].metadata == PageMetadata(edition: "嘉善版", date: "2023-11-21"))
        #expect(pages[1].metadata == PageMetadata())
        #expect(problems == [
            PageLoadProblem(file: "b_latin1.txt", reason: "not valid UTF-8"),
            PageLoadProblem(file: "c_empty.txt", reason: "empty page"),
            PageLoadProblem(file: "d_binary.txt", reason: "contains NUL bytes (binary file?)"),
        ])
    }

    @Test func oversizedPageIsRefused() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        try dir.write("big.txt", Data(repeating: 0x41, count: PageLoader.maxPageBytes + 1))
        try dir.write("fits.txt", Data(repeating: 0x41, count: 1024))
        let (pages, problems) = try PageLoader.loadDirectory(dir.path)
        #expect(pages.map(\.file) == ["fits.txt"])
        #expect(problems == [PageLoadProblem(file: "big.txt", reason: "larger than \(PageLoader.maxPageBytes) bytes")])
        #expect(problems.first?.description == "big.txt: larger than 4194304 bytes")
    }

    @Test func knowledgeBaseCarriesTheProblems() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        try dir.write("a.txt", "城南新添一座口袋公园\n\n■记者 林晓\n\n本报讯 昨天,城南口袋公园正式开放。")
        try dir.write("b.txt", Data())
        let kb = try KnowledgeBase.build(corpusDirectory: dir.path)
        #expect(kb.pageCount == 1)
        #expect(kb.problems == [PageLoadProblem(file: "b.txt", reason: "empty page")])
        #expect(kb.articles.map(\.headline) == ["城南新添一座口袋公园"])
    }

    @Test func missingDirectoryThrows() {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-corpus-\(UUID().uuidString)").path
        let error = #expect(throws: KnowledgeError.self) { _ = try PageLoader.loadDirectory(path) }
        guard case .unreadableDirectory(let p, let reason)? = error else {
            Issue.record("expected unreadableDirectory, got \(String(describing: error))")
            return
        }
        #expect(p == path)
        #expect(!reason.isEmpty)
        #expect(error?.description.hasPrefix("cannot read corpus directory \(path): ") == true)
    }

    @Test func fileInsteadOfDirectoryThrows() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        try dir.write("page.txt", "正文。")
        let path = (dir.path as NSString).appendingPathComponent("page.txt")
        let error = #expect(throws: KnowledgeError.self) { _ = try PageLoader.loadDirectory(path) }
        guard case .unreadableDirectory(path, _)? = error else {
            Issue.record("expected unreadableDirectory, got \(String(describing: error))")
            return
        }
    }

    @Test func emptyDirectoryIsAnEmptyCorpus() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        #expect(throws: KnowledgeError.emptyCorpus(path: dir.path)) {
            _ = try KnowledgeBase.build(corpusDirectory: dir.path)
        }
    }
}

extension PageLoaderTests {
    /// A fresh directory under the system temporary directory; the test removes it.
    struct TempDirectory {
        let path: String

        init() throws {
            path = FileManager.default.temporaryDirectory
                .appendingPathComponent("knowledge-tests-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }

        func write(_ name: String, _ text: String) throws {
            try write(name, Data(text.utf8))
        }

        func write(_ name: String, _ data: Data) throws {
            try data.write(to: URL(fileURLWithPath: (path as NSString).appendingPathComponent(name)))
        }

        func remove() {
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
