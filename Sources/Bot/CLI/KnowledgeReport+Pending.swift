import Foundation
import Knowledge

// Temporary renderings until the service/event/figure report lands.
extension KnowledgeReport {
    func serviceLines(_ s: PublicService) -> [String] { ["    service \(s.name.value)"] }
    func serviceJSON(_ s: PublicService) -> JSONValue { .object([("name", .string(s.name.value))]) }
    func eventLines(_ e: Event) -> [String] { ["    event \(e.name.value)"] }
    func eventJSON(_ e: Event) -> JSONValue { .object([("name", .string(e.name.value))]) }
    func figureLines(_ f: Figure) -> [String] { ["    figure \(f.subject) \(f.measure) \(f.value.text)"] }
    func figureJSON(_ f: Figure) -> JSONValue { .object([("measure", .string(f.measure)), ("value", .string(f.value.text))]) }
}
