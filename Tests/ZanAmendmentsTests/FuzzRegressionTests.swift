import Foundation
import Testing
import ZanAmendments
import ZanFuzzChecks
import ZanTestSupport
import ZanText

/// Every input that once broke a fuzz target (Tests/Fixtures/fuzz/<stage>/, see its README),
/// through the same checks the fuzzers make.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let folder = Golden.packageRoot.appendingPathComponent("Tests/Fixtures/fuzz")

    static func inputs(_ stage: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(stage).path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { stage + "/" + $0 }
    }

    static let all = ["text", "document", "edits", "citation"].flatMap(inputs)

    @Test("every saved input keeps every property of its stage (and of the stages after it)", arguments: all)
    func replay(_ input: String) throws {
        let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(input)))
        let stage = String(input.prefix { $0 != "/" })
        var problems: [String] = []
        switch stage {
        case "citation":
            problems = FuzzChecks.citation(bytes)
        default:
            // A text that broke tokens is run through the later stages too.
            problems = FuzzChecks.text(bytes)
            if stage != "text" || problems.isEmpty { problems += FuzzChecks.document(bytes) + FuzzChecks.edits(bytes) }
        }
        #expect(problems == [], "\(input)")
    }

    @Test("the folder holds the regressions the README lists")
    func listed() {
        #expect(Self.all.contains("text/latin-lookalike-before-legacy-letter"))
        #expect(Self.all.contains("text/mixed-script-word-after-folded-word"))
        #expect(Self.all.contains("citation/chained-number-lists-multiply"))
    }

    @Test("lists of numbers in a chain multiply: past 100,000 units the citation is refused, at once")
    func multiplyingLists() throws {
        // 400 points × 400 subpoints = 160,000 units; before the limit, the product of number
        // lists in a longer chain took minutes and all memory.
        let points = (1...400).map { "\($0)" }.joined(separator: ", ")
        let subpoints = (1...400).map { "\($0))" }.joined(separator: ", ")
        let file = SourceFile(text: "\(points)-тармақтардың \(subpoints) тармақшалары алып тасталсын.")
        let amendments = AmendmentReader().read(file)
        #expect(amendments.edits.isEmpty)
        #expect(amendments.diagnostics.map(\.id.description) == ["amend.too-many-targets"])
        #expect(amendments.diagnostics.first?.message == "the citation names more than 100000 units (its lists of numbers multiply); no edit was made")
        // 10,000 units in one list are still read.
        let list = (1...10_000).map { "\($0)-тармақ" }.joined(separator: ", ")
        #expect(AmendmentReader().read(SourceFile(text: list + " алып тасталсын.")).edits.first?.targets.count == 10_000)
    }

    @Test("a mixed-script word after a folded one: its warning is located on the word itself")
    func mixedScriptAfterFold() throws {
        // "i" (1 byte) folds to "і" (2 bytes): counting the folded text would shift the warning.
        let file = SourceFile(text: "Мемлекеттiк жәнеIntе сөз")
        let warning = try #require(Normalizer().normalize(file).diagnostics.first { $0.id.name == "mixed-script-word" })
        let range = try #require(warning.range)
        #expect(file.text(in: range) == "жәнеIntе")
    }

    @Test("a Latin look-alike before a legacy-font letter: the word's offsets stay in order and in the file")
    func lookalikeBeforeLegacyLetter() throws {
        // "x aќы y": Latin a (1 byte) folds to Cyrillic а, ќ (legacy) becomes қ.
        let file = SourceFile(text: "x aќы y")
        let tokenized = Tokenizer().tokenize(file)
        #expect(tokenized.tokens.map { file.text(in: $0.range) } == ["x", "aќы", "y"])
        #expect(tokenized.tokens.map(tokenized.normalized) == ["x", "ақы", "y"])
    }
}
