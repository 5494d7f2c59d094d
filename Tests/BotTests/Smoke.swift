import Testing
@testable import Bot
@Test func botPlaceholder() { #expect(CommandRouter.run(["--help"]) == 0) }
