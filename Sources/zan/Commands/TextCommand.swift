import ArgumentParser
import ZanDocument
import ZanText

/// `zan text FILE`: the repaired text, one paragraph per line.
struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Print the repaired text: one paragraph per line, table rows as tab-separated cells.",
        discussion: """
            Repairs PDF damage (words a hyperlink moved to the line end, hard wraps, sentences \
            broken by page breaks) and normalizes the text (NFC, homoglyphs, legacy fonts). \
            --diagnostics lists every repair.
            """
    )

    @Argument(help: "The text file to read (UTF-8).")
    var file: String

    @OptionGroup var diagnosticOptions: DiagnosticOptions

    func run() throws {
        let source = try InputFile.load(file)
        let result = DocumentReader().read(source)
        var output = StandardOutput()
        for paragraph in result.paragraphs {
            output.write(paragraph.text + "\n")
        }
        output.flush()
        try diagnosticOptions.report(result.diagnostics, in: source)
    }
}
