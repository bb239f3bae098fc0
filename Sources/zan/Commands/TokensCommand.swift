import ArgumentParser
import ZanText

/// `zan tokens FILE`: the token stream of a file, after normalization.
struct TokensCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Print the tokens of a text (after NFC, homoglyph and legacy-font repair).",
        discussion: """
            jsonl: one JSON object per token with keys text, norm, kind, start, end (byte \
            offsets into the original file), line, column (in characters), and unit/num for \
            unit nouns and numbered units.
            table: the same, aligned for reading.
            count: one line "tokens=N words=N bytes=N" (words: tokens of kind word or unit_ref).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, table, count
    }

    @Argument(help: "The text file to tokenize (UTF-8).")
    var file: String

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .jsonl

    @OptionGroup var diagnosticOptions: DiagnosticOptions

    func run() throws {
        let source = try InputFile.load(file)
        let tokenized = Tokenizer().tokenize(source)
        var output = StandardOutput()
        switch format {
        case .count:
            let words = tokenized.tokens.count { $0.kind == .word || $0.kind == .unitRef }
            output.write("tokens=\(tokenized.tokens.count) words=\(words) bytes=\(source.bytes.count)\n")
        case .jsonl:
            var tracker = LineColumnTracker(source)
            for token in tokenized.tokens {
                let position = tracker.lineColumn(at: token.range.start)
                output.write(tokenized.json(token, at: position).serialized() + "\n")
            }
        case .table:
            var tracker = LineColumnTracker(source)
            for token in tokenized.tokens {
                output.write(tokenized.tableRow(token, at: tracker.lineColumn(at: token.range.start)) + "\n")
            }
        }
        output.flush()
        try diagnosticOptions.report(tokenized.diagnostics, in: source)
    }
}

