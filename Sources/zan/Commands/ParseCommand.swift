import ArgumentParser
import ZanDocument
import ZanText

/// `zan parse FILE`: the provision tree of a document.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print the provision tree of a document.",
        discussion: """
            tree: one node per line, `kind num eId @line:col "heading"`, children box-drawn.
            json: the document (title, shape, header metadata, editorial notes, tree), keys sorted.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case tree, json
    }

    @Argument(help: "The text file to parse (UTF-8).")
    var file: String

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .tree

    @OptionGroup var diagnosticOptions: DiagnosticOptions

    func run() throws {
        let source = try InputFile.load(file)
        let document = DocumentParser().parse(source)
        var output = StandardOutput()
        switch format {
        case .tree: output.write(document.dumpTree())
        case .json: output.write(document.json().serialized(pretty: true) + "\n")
        }
        output.flush()
        try diagnosticOptions.report(document.diagnostics, in: source)
    }
}
