import Foundation

/// Why a page file was skipped. The loader reports it and carries on with the rest.
public struct PageLoadProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var reason: String
    public var description: String { "\(file): \(reason)" }
}

/// Reads the `.txt` pages of a corpus directory, in file-name order.
///
/// A page that is not UTF-8, is empty or cannot be read is reported as a `PageLoadProblem`
/// and skipped; it never stops the others.
public enum PageLoader {
    /// Pages larger than this are refused (a newspaper page dump is ~20 KB).
    public static let maxPageBytes = 4 * 1024 * 1024

    /// Loads every `*.txt` file of `directory`. Throws only when the directory itself is unreadable.
    public static func loadDirectory(_ directory: String) throws -> (pages: [Page], problems: [PageLoadProblem]) {
        let fm = FileManager.default
        let names: [String]
        do {
            names = try fm.contentsOfDirectory(atPath: directory)
        } catch {
            throw KnowledgeError.unreadableDirectory(path: directory, reason: (error as NSError).localizedDescription)
        }
        var pages: [Page] = []
        var problems: [PageLoadProblem] = []
        let files = names.sorted().filter { $0.hasSuffix(".txt") && !$0.hasPrefix(".") }
        // Read and decoded on all cores; kept in file-name order.
        let results = parallelMap(files.count) { i in
            loadFile(path: (directory as NSString).appendingPathComponent(files[i]), name: files[i])
        }
        for result in results {
            switch result {
            case .success(let page): pages.append(page)
            case .failure(let problem): problems.append(problem)
            }
        }
        return (pages, problems)
    }

    /// Loads one file; the problem names the file and says what is wrong.
    public static func loadFile(path: String, name: String) -> Result<Page, PageLoadProblem> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(PageLoadProblem(file: name, reason: "cannot be read"))
        }
        if data.count > maxPageBytes {
            return .failure(PageLoadProblem(file: name, reason: "larger than \(maxPageBytes) bytes"))
        }
        return page(from: data, name: name)
    }

    /// Decodes page bytes: UTF-8 required (a BOM is dropped), metadata from the name and header lines.
    public static func page(from data: Data, name: String) -> Result<Page, PageLoadProblem> {
        guard var text = String(data: data, encoding: .utf8) else {
            return .failure(PageLoadProblem(file: name, reason: "not valid UTF-8"))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.unicodeScalars.contains(where: { $0.value == 0 }) {
            return .failure(PageLoadProblem(file: name, reason: "contains NUL bytes (binary file?)"))
        }
        var metadata = metadataFromFileName(name)
        text = stripHeader(text, into: &metadata)
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            return .failure(PageLoadProblem(file: name, reason: "empty page"))
        }
        return .success(Page(file: name, metadata: metadata, text: text))
    }

    /// `2023-11-21_嘉善版_02.txt` → date 2023-11-21, edition 嘉善版. Also `20231121`.
    public static func metadataFromFileName(_ name: String) -> PageMetadata {
        var meta = PageMetadata()
        let base = (name as NSString).deletingPathExtension
        let scalars = Array(base.unicodeScalars)
        // Find YYYY-MM-DD or YYYYMMDD.
        var i = 0
        while i < scalars.count {
            if let (date, len) = dateAt(scalars, i) { meta.date = date; i += len; break }
            i += 1
        }
        for part in base.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == " " }) where part.hasSuffix("版") && part.count >= 2 {
            if part.unicodeScalars.dropLast().allSatisfy({ ScalarClass.isHan($0) }) { meta.edition = String(part) }
        }
        return meta
    }

    private static func dateAt(_ s: [Unicode.Scalar], _ i: Int) -> (String, Int)? {
        func digits(_ from: Int, _ n: Int) -> Int? {
            guard from + n <= s.count else { return nil }
            var v = 0
            for k in from..<(from + n) { guard ScalarClass.isDigit(s[k]) else { return nil }; v = v * 10 + Int(s[k].value - 0x30) }
            return v
        }
        if i > 0, ScalarClass.isDigit(s[i - 1]) { return nil }
        guard let y = digits(i, 4), (1900...2100).contains(y) else { return nil }
        var m: Int?, d: Int?, len = 0
        if i + 10 <= s.count, s[i + 4] == "-", s[i + 7] == "-" {
            m = digits(i + 5, 2); d = digits(i + 8, 2); len = 10
        } else {
            m = digits(i + 4, 2); d = digits(i + 6, 2); len = 8
            if i + 8 < s.count, ScalarClass.isDigit(s[i + 8]) { return nil }
        }
        guard let mm = m, let dd = d, (1...12).contains(mm), (1...31).contains(dd) else { return nil }
        return (String(format: "%04d-%02d-%02d", y, mm, dd), len)
    }

    /// Header lines at the very top: `date: 2023-11-21`, `edition: 嘉善版` (also `日期:` / `版面:`).
    /// Header values override the file name.
    static func stripHeader(_ text: String, into meta: inout PageMetadata) -> String {
        // Lines are taken one at a time (`Character` "\n" as before: `\r\n` is one character and
        // does not split): the loop stops at the first line that is no header, so the rest of
        // the page is never split and joined again.
        var consumed = 0
        var sawHeader = false
        // Where the line after the last consumed one starts; nil once that line is past the end.
        var rest: Substring? = Substring(text)
        var remaining: Substring? = Substring(text)
        while let current = remaining {
            let newline = current.firstIndex(of: "\n")
            let line = newline.map { current[..<$0] } ?? current
            remaining = newline.map { current[current.index(after: $0)...] }
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.isEmpty {
                if consumed == 0 { consumed += 1; rest = remaining; continue } else { break }
            }
            guard let colon = t.firstIndex(where: { $0 == ":" || $0 == "：" }) else { break }
            let key = t[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = t[t.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if key == "date" || key == "日期" {
                let s = Array(value.unicodeScalars)
                guard let (d, _) = dateAt(s, 0) else { break }
                meta.date = d
            } else if key == "edition" || key == "版面" || key == "版次" {
                guard !value.isEmpty else { break }
                meta.edition = value
            } else {
                break
            }
            consumed += 1
            sawHeader = true
            rest = remaining
        }
        // Only strip when at least one real header line was recognised.
        guard consumed > 0, sawHeader else { return text }
        return rest.map(String.init) ?? ""
    }
}

/// Errors of the Knowledge library, with the context a user needs.
public enum KnowledgeError: Error, CustomStringConvertible, Equatable {
    case unreadableDirectory(path: String, reason: String)
    case emptyCorpus(path: String)

    public var description: String {
        switch self {
        case let .unreadableDirectory(path, reason): return "cannot read corpus directory \(path): \(reason)"
        case let .emptyCorpus(path): return "no readable .txt pages in \(path)"
        }
    }
}
