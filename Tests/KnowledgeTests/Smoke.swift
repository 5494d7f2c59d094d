import Testing
@testable import Knowledge
@Test func placeholder() { #expect(Bool(true)) }
