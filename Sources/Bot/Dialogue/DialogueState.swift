import Foundation

/// What a session remembers between questions. Entities are remembered by kind and name (not
/// by index) so a reload that renumbers entities keeps follow-ups working.
struct DialogueState: Sendable, Equatable {
    /// A remembered entity: its kind and display name.
    struct EntityRef: Sendable, Equatable {
        var kind: String
        var name: String
    }

    var entity: EntityRef?
    var routeID: String?
    var intent: String?
    /// The kind of value the last fact answered (`那许村服务点呢` after `几点下班` asks hours again).
    var askedType: AnswerType?
    var language: Language?
    /// Seconds (monotonic clock) of the last update.
    var updatedAt: Double = 0
}
