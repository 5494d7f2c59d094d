import Foundation

/// An organisation or place people contact or visit: a school, a hall, a hotline.
public struct Contact: Sendable {
    public var article: Int
    /// Name as printed (`嘉兴市交通学校`).
    public var name: Sourced<String>
    /// Other names it goes by in the article (short forms).
    public var aliases: [String] = []
    public var address: Sourced<String>?
    /// Phone numbers with what each is for, digits as printed (`0573-84012345`).
    public var phones: [Sourced<PhoneNumber>] = []
    /// Opening hours as printed.
    public var hours: [Sourced<String>] = []
    /// What it serves or offers, as printed.
    public var serves: [Sourced<String>] = []

    public init(article: Int, name: Sourced<String>) {
        self.article = article
        self.name = name
    }
}

/// A phone number and its label (`85087171`, `驾校`).
public struct PhoneNumber: Sendable, Hashable {
    public var number: String
    /// What the number is for, as printed (`驾校`, `全日制`, `招生热线`), if stated.
    public var label: String?
    /// The heading it was printed under (`招生热线`, `咨询电话`), if any.
    public var heading: String?

    public init(number: String, label: String? = nil, heading: String? = nil) {
        self.number = number
        self.label = label
        self.heading = heading
    }
}
