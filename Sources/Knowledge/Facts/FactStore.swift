import Foundation

/// All typed facts of the knowledge base.
public struct FactStore: Sendable {
    public var routes: [TransitRoute] = []
    public var contacts: [Contact] = []
    public var services: [PublicService] = []
    public var events: [Event] = []
    public var forecasts: [WeatherForecast] = []
    public var figures: [Figure] = []

    public init() {}

    /// Total number of facts of every kind.
    public var count: Int {
        routes.count + contacts.count + services.count + events.count + forecasts.count + figures.count
    }

    /// Routes with this canonical id (`115`, `K258`); usually one.
    public func routes(withID id: String) -> [TransitRoute] {
        routes.filter { $0.routeID == id }
    }
}
