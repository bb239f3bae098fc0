import Foundation
import Testing
import ZanTestSupport
@testable import ZanText

/// The token table of every seed and every own case under Tests/Fixtures/tokens/ is a golden.
@Suite("Token goldens")
struct TokenGoldenTests {
    @Test("seeds", arguments: ["V2600038247", "V2500035943"])
    func seed(_ id: String) throws {
        let file = try #require(Golden.source("corpus/\(id)/kaz.txt"))
        let text = Tokenizer().tokenize(file)
        Golden.check(text.table(), "tokens/seed-\(id)/expected.tokens.txt")
        Golden.check(diagnostics: text.diagnostics, in: file, "tokens/seed-\(id)/expected.diagnostics.txt")
    }

    @Test("own cases", arguments: ["legal-tokens", "legacy-font", "mixed-scripts", "spaces-and-breaks"])
    func ownCase(_ name: String) throws {
        let file = try #require(Golden.source("Tests/Fixtures/tokens/\(name)/input.txt"))
        let text = Tokenizer().tokenize(file)
        Golden.check(text.table(), "tokens/\(name)/expected.tokens.txt")
        Golden.check(diagnostics: text.diagnostics, in: file, "tokens/\(name)/expected.diagnostics.txt")
    }
}
