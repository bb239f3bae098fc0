import ZanText

/// Reads a source file into clean paragraphs: detects the input shape, repairs displaced
/// hyperlinks, joins hard wraps and page breaks, recovers table rows. Every repair is a note.
public struct DocumentReader: Sendable {
    public init() {}

    /// The result of reading: paragraphs in document order and what was repaired.
    public struct Result: Sendable {
        public let text: NormalizedText
        public let shape: InputShape
        public let paragraphs: [Paragraph]
        /// Normalization notes and warnings, then reading repairs, sorted by location.
        public let diagnostics: [Diagnostic]
    }

    public func read(_ file: SourceFile) -> Result {
        let (text, shape, paragraphs, repairs) = readUnmerged(file)
        return Result(text: text, shape: shape, paragraphs: paragraphs,
                      diagnostics: .merged(byLocation: text.diagnostics, repairs))
    }

    /// `read(_:)` with the reading's own diagnostics (in file order) apart from the normalizer's
    /// (`text.diagnostics`): a parse merges them once the normalized text is released.
    func readUnmerged(_ file: SourceFile) -> (text: NormalizedText, shape: InputShape, paragraphs: [Paragraph],
                                               repairs: [Diagnostic]) {
        let text = Normalizer().normalize(file)
        let (shape, indent) = InputShape.detect(text)
        var diagnostics: [Diagnostic] = []  // the reading's own (the normalizer's are the text's)
        let repair = shape == .pdf ? RepairDisplacedLinks(paragraphIndent: indent, text: text) : nil
        var assembler = AssembleParagraphs(shape: shape, text: text)
        SourceLine.forEach(in: text) { line in
            var line = line
            let repaired = repair?.repair(&line)
            assembler.add(line, diagnostics: &diagnostics)
            // After what the assembler reports (a page break before this line): in file order,
            // the list needs no sorting.
            if let repaired {
                diagnostics.append(Diagnostic(
                    DocumentDiagnostic.displacedLinkRepaired(before: repaired.before, after: repaired.after),
                    at: text.originalRange(ofUnits: line.units)))
            }
        }
        return (text, shape, assembler.finish(), diagnostics)
    }
}
