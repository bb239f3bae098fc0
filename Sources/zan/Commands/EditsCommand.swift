import ArgumentParser
import ZanAmendments
import ZanText

/// `zan edits FILE`: the structured edits of an amending act.
struct EditsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edits",
        abstract: "Print the edits an amending act makes, and when it comes into force.",
        discussion: """
            FILE is a whole order or a fragment of instructions (with or without the lines that \
            name the act). Every instruction sentence ends as edits or as an error diagnostic; \
            the coverage line counts both.
            json: the edits contract (document, edits, effective, diagnostics, coverage), keys sorted.
            text: one block per edit with its targets, wording and parsed structure.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, text
    }

    @Argument(help: "The text file of the amending act (UTF-8).")
    var file: String

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .json

    @OptionGroup var diagnosticOptions: DiagnosticOptions

    func run() throws {
        let source = try InputFile.load(file)
        let amendments = AmendmentReader().read(source)
        var output = StandardOutput()
        switch format {
        case .json: output.write(amendments.json().serialized(pretty: true) + "\n")
        case .text: output.write(amendments.text())
        }
        output.flush()
        try diagnosticOptions.report(amendments.diagnostics, in: source)
    }
}
