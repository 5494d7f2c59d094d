import Foundation

/// Optional facts about a page that the file itself may carry: its edition and publication date.
///
/// Read from the file name (`2023-11-21_嘉善版.txt`) or from header lines at the top of the file
/// (`date: 2023-11-21`, `edition: 嘉善版`). When neither is present the fields stay `nil`:
/// nothing is invented.
public struct PageMetadata: Sendable, Hashable, Codable {
    /// Edition label such as `嘉善版`, when the page names one.
    public var edition: String?
    /// Publication date as `YYYY-MM-DD`, when known.
    public var date: String?

    public init(edition: String? = nil, date: String? = nil) {
        self.edition = edition
        self.date = date
    }
}

/// One newspaper page as read from disk: its file name, metadata and body text.
public struct Page: Sendable {
    /// File name without directory, e.g. `003_58565fcc7c39a4bb.txt`.
    public var file: String
    public var metadata: PageMetadata
    /// The page text with any metadata header lines removed.
    public var text: String

    public init(file: String, metadata: PageMetadata = PageMetadata(), text: String) {
        self.file = file
        self.metadata = metadata
        self.text = text
    }
}
