import Foundation

/// A public service point: a service centre, hall, window, platform or station.
public struct PublicService: Sendable {
    /// Index of the article in `KnowledgeBase.articles`.
    public var article: Int
    /// Name as printed (`企业涉外服务中心`, `平湖市企业综合服务中心`).
    public var name: Sourced<String>
    /// Short forms and programme names used for it in the article (`涉外服务中心`, `企服中心`).
    public var aliases: [String] = []
    /// Programmes and brands tied to it, as printed (`“平服365”企业综合服务平台`, `“30分钟我来办”处置模式`).
    public var programmes: [Sourced<String>] = []
    /// Department that set it up or runs it (`县商务局`).
    public var host: Sourced<String>?
    /// Where it is (`县政务服务中心`, `姚庄镇`).
    public var location: Sourced<String>?
    /// When it was set up, as printed (`今年9月`).
    public var established: Sourced<String>?
    /// How many services or items it offers (`23项涉外服务`); `text` keeps the counted noun.
    public var serviceCount: Sourced<Amount>?
    /// How many windows or counters it has (`设有40个窗口`).
    public var windowCount: Sourced<Amount>?
    /// Departments involved.
    public var departments: [Sourced<String>] = []
    /// What it does or offers, as printed (`原产地证`, `移民服务`).
    public var services: [Sourced<String>] = []
    /// Time commitments (`30分钟内必有回响`, `3个工作日内完成一般类问题的办理`).
    public var commitments: [Sourced<Commitment>] = []
    /// Result figures (`办结率达99.3%`).
    public var results: [Sourced<Figure>] = []
    /// Opening hours as printed, one entry per printed span (`工作日8:30—17:30`, `每周六上午9:00至12:00提供延时服务`).
    public var hours: [Sourced<String>] = []
    /// Phone numbers of the service point, labelled as printed (`0573-88256123` under `咨询热线`).
    public var phones: [Sourced<PhoneNumber>] = []

    /// A service with only its name.
    public init(article: Int, name: Sourced<String>) {
        self.article = article
        self.name = name
    }

    /// The name and every alias, for matching questions.
    public var allNames: [String] { [name.value] + aliases }
}

/// A promise of how fast something is handled.
public struct Commitment: Sendable, Hashable {
    /// Which requests it covers, as printed (`简单的涉企问题`, `一般类问题`, `较复杂问题`), if stated.
    public var scope: String?
    /// What happens within the limit (`直接办结`, `做出回响`, `完成办理`).
    public var action: String
    /// The time limit (`30分钟`, `3个工作日`).
    public var limit: Duration

    /// A commitment.
    public init(scope: String?, action: String, limit: Duration) {
        self.scope = scope
        self.action = action
        self.limit = limit
    }
}
