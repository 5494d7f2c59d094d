import Foundation

/// Builds a larger corpus from the bundled pages for the scale benchmark, with questions about
/// the facts it made up and their expected answers.
///
/// Page `i` of a generated corpus is source page `i % sources.count`. The first round (`i` below
/// the number of sources) is the sources verbatim, so questions about the bundled corpus keep
/// their answers; every later page rewrites the printed facts listed in
/// `CorpusGenerator.rewrites` (route number, school/service/contest names, times, fares, phones,
/// figures) with values derived from `i` alone (`Variation`). The output is deterministic: the
/// same sources and count give the same bytes and questions.
///
/// | source page prints              | generated page 13 prints        |
/// |---------------------------------|---------------------------------|
/// | `115路`                          | `K1013路`                        |
/// | `嘉善首末班时间为7:30、14:30`      | `…为7:40、14:40`                  |
/// | `嘉兴市交通学校` · `85087171`      | `嘉兴市桂塘交通学校` · `85100481`    |
struct CorpusGenerator: Sendable {
    /// A page to vary: its file name and text.
    struct SourcePage: Sendable, Equatable {
        var name: String
        var text: String
    }

    /// One generated page: file name `NNNN_<source name>`, text, and where it came from.
    struct GeneratedPage: Sendable, Equatable {
        var name: String
        var text: String
        var source: String
        /// 0 for the verbatim first round.
        var round: Int
    }

    /// A question about a generated fact and the text its answer must contain.
    struct Question: Sendable, Equatable {
        var text: String
        var expected: String
        /// The generated page that prints the fact.
        var page: String
        /// Which fact (`route.fare`, `contact.phone`, …).
        var fact: String
    }

    /// Pages and the questions about them.
    struct Corpus: Sendable {
        var pages: [GeneratedPage]
        var questions: [Question]
    }

    /// Most pages a corpus may have: beyond it the two-character name tags would repeat.
    static let maxPages = Variation.tagCapacity

    /// The pages to vary, in file-name order.
    let sources: [SourcePage]

    init(sources: [SourcePage]) {
        self.sources = sources.sorted { $0.name < $1.name }
    }

    /// The `.txt` pages of `directory` (e.g. the bundled corpus).
    static func reading(directory: String) throws(BenchError) -> CorpusGenerator {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw BenchError.corpus(path: directory, reason: "cannot list the directory")
        }
        var sources: [SourcePage] = []
        for name in names.sorted() where name.hasSuffix(".txt") && !name.hasPrefix(".") {
            let path = directory + "/" + name
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw BenchError.corpus(path: path, reason: "not readable as UTF-8")
            }
            sources.append(SourcePage(name: name, text: text))
        }
        guard !sources.isEmpty else { throw BenchError.corpus(path: directory, reason: "no .txt pages") }
        return CorpusGenerator(sources: sources)
    }

    /// `count` pages (at most `maxPages`) and the questions about their generated facts.
    func generate(pageCount count: Int) -> Corpus {
        precondition(!sources.isEmpty && count <= CorpusGenerator.maxPages)
        var pages: [GeneratedPage] = []
        var questions: [Question] = []
        pages.reserveCapacity(count)
        for i in 0..<count {
            let source = sources[i % sources.count]
            let round = i / sources.count
            let name = String(format: "%04d_", i) + source.name
            guard round > 0 else {
                pages.append(GeneratedPage(name: name, text: source.text, source: source.name, round: 0))
                continue
            }
            let variation = Variation(page: i, round: round)
            pages.append(GeneratedPage(name: name, text: CorpusGenerator.rewrite(source.text, variation),
                                       source: source.name, round: round))
            for q in CorpusGenerator.questions where q.needs.allSatisfy({ source.text.contains($0) }) {
                let (text, expected) = q.ask(variation)
                questions.append(Question(text: text, expected: expected, page: name, fact: q.fact))
            }
        }
        return Corpus(pages: pages, questions: questions)
    }

    /// Every rewrite applied once, in table order (an anchor's replacement may contain the
    /// anchor itself, e.g. a tag in front of a name, so each is applied exactly once).
    static func rewrite(_ text: String, _ variation: Variation) -> String {
        var out = text
        for r in rewrites where out.contains(r.printed) {
            out = out.replacingOccurrences(of: r.printed, with: r.generated(variation))
        }
        return out
    }

    /// Writes the pages into `directory` (created if missing; existing pages are left alone).
    func write(_ corpus: Corpus, to directory: String) throws(BenchError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw BenchError.corpus(path: directory, reason: "cannot create the directory")
        }
        for page in corpus.pages {
            let path = directory + "/" + page.name
            guard FileManager.default.createFile(atPath: path, contents: Data(page.text.utf8)) else {
                throw BenchError.corpus(path: path, reason: "cannot write the page")
            }
        }
    }
}

/// The values that make generated page `page` different from its source and from every other
/// generated page: unique ones (route id, name tag, phones, certificate count) come from the page
/// number, bounded ones (minutes, fare, trips, days, prize) cycle with the round.
struct Variation: Sendable, Equatable {
    /// Characters for the first and second place of a name tag; each position has its own set so
    /// no tag is another read backwards, and none is a numeral, unit or function word.
    static let tagFirst = Array("青白金银玉石松竹梅兰桂枫柳桃杏荷云霞星泉翠碧丹朱紫黛苍茗芦蒲菱莲菊萍芝兴宁康丰福瑞祥泰华盛昌凤鹤鹿麟")
    static let tagSecond = Array("溪桥湾浦塘泾港渡村圩埭岸墩庄坝汇滨洲堰渚川坞岙坪畈冈坡潭泽坊埠屿滩沙洋荡汀矶")
    /// Distinct tags, so the most pages a generated corpus may have.
    static let tagCapacity = tagFirst.count * tagSecond.count

    /// Page number in the generated corpus.
    let page: Int
    /// How many times the sources have been gone through before this page (≥ 1 when varied).
    let round: Int

    /// Two Han characters unique to this page (`桂塘`), put in front of names.
    var tag: String {
        let first = Variation.tagFirst[page % Variation.tagFirst.count]
        let second = Variation.tagSecond[(page / Variation.tagFirst.count) % Variation.tagSecond.count]
        return String([first, second])
    }

    /// Bus route id (`K1013`).
    var route: String { "K\(1000 + page)" }
    /// Minutes every printed departure time moves later (0…25).
    var minutes: Int { (round % 6) * 5 }
    /// Full-route fare in yuan.
    var fare: Int { 6 + round % 5 }
    /// Trips per day.
    var trips: Int { 8 + round % 4 }
    /// Certificates of origin issued (unique).
    var certificates: Int { 6000 + page }
    /// Driving-school and full-time phone numbers (unique, eight digits).
    var phones: (String, String) { (String(85_100_000 + page * 37), String(85_200_000 + page * 41)) }
    /// House number of the school's address.
    var houseNumber: Int { 98 + round }
    /// Day in August of the contest's preliminary round (10…29).
    var preliminaryDay: Int { 10 + round % 20 }
    /// Top prize of the start-up group, yuan.
    var prize: Int { 40_000 + (round % 9) * 1000 }
    /// First-prize winner of the storytelling contest.
    var winner: String {
        let surnames = Array("赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜")
        let given = Array("梦雨晓春秋欣佳思语若")
        return String([surnames[round % surnames.count], given[(round / surnames.count) % given.count], "娜"])
    }

    /// `"7:30"` moved `minutes` later (`"7:40"`).
    func shifted(_ clock: String) -> String {
        let parts = clock.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2 else { return clock }
        let total = parts[0] * 60 + parts[1] + minutes
        return "\(total / 60):" + String(format: "%02d", total % 60)
    }
}
