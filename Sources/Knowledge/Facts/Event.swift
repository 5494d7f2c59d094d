import Foundation

/// An event, contest or campaign with dates, groups and prizes.
public struct Event: Sendable {
    /// Index of the article in `KnowledgeBase.articles`.
    public var article: Int
    /// Name as printed (`第六届“田园五镇”农业农村创新创业大赛`).
    public var name: Sourced<String>
    /// Short forms (`田园五镇大赛`, `田园五镇农创赛`).
    public var aliases: [String] = []
    /// Organisers (`主办`, `联合主办`, `牵头`), one per organisation, as printed.
    public var organisers: [Sourced<String>] = []
    /// Organisations that run it for the organisers (`承办`), as printed.
    public var undertakers: [Sourced<String>] = []
    /// Co-organisers (`协办`), as printed.
    public var coOrganisers: [Sourced<String>] = []
    /// Where it is held, as printed (`广陈镇`).
    public var venue: Sourced<String>?
    /// Its theme, as printed inside the quotes (`农创嘉乡 智创未来`).
    public var theme: Sourced<String>?
    /// Dated milestones (launch, registration, rounds).
    public var dates: [Sourced<EventDate>] = []
    /// Groups or categories (`创业组`, `创新组`).
    public var groups: [Sourced<String>] = []
    /// Prizes, counts and winners.
    public var prizes: [Sourced<Prize>] = []
    /// Who may enter, as printed, one entry per kind of entrant.
    public var eligibility: [Sourced<String>] = []
    /// What entrants get besides prizes (policy support, loans…), as printed.
    public var benefits: [Sourced<String>] = []

    /// An event with only its name.
    public init(article: Int, name: Sourced<String>) {
        self.article = article
        self.name = name
    }

    /// The name and every alias, for matching questions.
    public var allNames: [String] { [name.value] + aliases }

    /// The first milestone of this kind, if any.
    public func date(_ kind: EventDate.Kind) -> Sourced<EventDate>? {
        dates.first { $0.value.kind == kind }
    }
}

/// One dated milestone of an event.
public struct EventDate: Sendable, Hashable {
    /// What the milestone is.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case launch, registrationOpen, registrationDeadline, preliminary, semifinal, final, held, other
    }

    /// What the milestone is.
    public var kind: Kind
    /// When, as printed (`8月31日左右`).
    public var date: PrintedDate
    /// The milestone as printed (`截止报名`, `初赛`, `总决赛`).
    public var label: String

    /// A milestone.
    public init(kind: Kind, date: PrintedDate, label: String) {
        self.kind = kind
        self.date = date
        self.label = label
    }
}

/// A prize: for a group and rank, with an amount and/or a count.
public struct Prize: Sendable, Hashable {
    /// Group it belongs to (`创业组`), if any.
    public var group: String?
    /// Rank or kind as printed (`最高奖金`, `一等奖`, `最佳组织奖`).
    public var rank: String
    /// Prize money, if stated.
    public var amount: Amount?
    /// Number of such prizes, if stated.
    public var count: Int?
    /// Who won it, when the article names a winner.
    public var winner: String?

    /// A prize.
    public init(group: String? = nil, rank: String, amount: Amount? = nil, count: Int? = nil, winner: String? = nil) {
        self.group = group
        self.rank = rank
        self.amount = amount
        self.count = count
        self.winner = winner
    }
}
