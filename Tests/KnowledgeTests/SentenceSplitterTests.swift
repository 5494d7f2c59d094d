import Testing
@testable import Knowledge

/// Paragraph → sentences: terminators, closers, balanced quotes, hard line ends and the cap on
/// an unclosed quotation.
@Suite struct SentenceSplitterTests {
    @Test("paragraph → sentences", arguments: [
        ("今天多云。明天晴。", ["今天多云。", "明天晴。"]),
        ("真的吗?是的!好。", ["真的吗?", "是的!", "好。"]),
        ("真的吗？是的！", ["真的吗？", "是的！"]),
        ("没有结尾的句子", ["没有结尾的句子"]),
        ("半句。没有结尾", ["半句。", "没有结尾"]),
        // Closers right after a terminator stay with the sentence.
        ("真的吗?!当然。", ["真的吗?!", "当然。"]),
        ("(详见附件。)下一步怎么办?", ["(详见附件。)", "下一步怎么办?"]),
        ("（详见附件。）下一句。", ["（详见附件。）", "下一句。"]),
        ("【提示。】注意安全。", ["【提示。】", "注意安全。"]),
        ("等一等……再说。", ["等一等……再说。"]),
        ("好。……然后呢。", ["好。……", "然后呢。"]),
        // A terminator inside “…” does not end the sentence; the quote stays balanced.
        ("“A。B。”C说。", ["“A。B。”C说。"]),
        ("“这笔资金解了急。”公司负责人说。下一步将扩大规模。", ["“这笔资金解了急。”公司负责人说。", "下一步将扩大规模。"]),
        ("他说:“几点发车?”司机答:“七点半。”", ["他说:“几点发车?”司机答:“七点半。”"]),
        ("“太好了!”“谢谢!”大家说。", ["“太好了!”“谢谢!”大家说。"]),
        ("“有问题就找我们。”", ["“有问题就找我们。”"]),
        // Hard line ends always end a sentence.
        ("地址:某路1号\n热线:123", ["地址:某路1号", "热线:123"]),
        ("第一行\r\n第二行", ["第一行", "第二行"]),
        ("“没有闭合的引号\n下一行。", ["“没有闭合的引号", "下一行。"]),
        // Whitespace around sentences is trimmed; empty input gives nothing.
        ("  今天多云。  明天晴。 ", ["今天多云。", "明天晴。"]),
        ("", []),
        ("  \n ", []),
    ])
    func split(_ paragraph: String, _ expected: [String]) {
        #expect(SentenceSplitter.split(paragraph) == expected)
    }

    @Test func nothingIsLostOrReordered() {
        let paragraph = "“这笔资金解了急。”公司负责人说。真的吗?!(详见附件。)下一步将扩大规模"
        #expect(SentenceSplitter.split(paragraph).joined() == paragraph)
    }

    @Test("a runaway unclosed quote is split once it passes maxQuotedLength")
    func runawayQuote() {
        let sentence = "这是一句没有闭合引号的很长的话。"           // 16 scalars
        let paragraph = "“" + String(repeating: sentence, count: 60)  // ~960 scalars
        let sentences = SentenceSplitter.split(paragraph)
        #expect(sentences.count > 1)
        #expect(sentences.joined() == paragraph)
        let cap = SentenceSplitter.maxQuotedLength + sentence.unicodeScalars.count + 1
        for s in sentences {
            #expect(s.unicodeScalars.count <= cap, "sentence of \(s.unicodeScalars.count) scalars exceeds \(cap)")
        }
    }

    @Test("a closed quote up to the cap is never split")
    func longClosedQuoteStaysWhole() {
        let inner = String(repeating: "句子。", count: (SentenceSplitter.maxQuotedLength - 10) / 3)
        let paragraph = "“" + inner + "”他说。后来呢。"
        #expect(SentenceSplitter.split(paragraph) == ["“" + inner + "”他说。", "后来呢。"])
    }
}
