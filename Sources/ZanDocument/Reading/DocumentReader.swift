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
        let text = Normalizer().normalize(file)
        let (shape, indent) = InputShape.detect(text)
        var diagnostics = text.diagnostics
        let repair = shape == .pdf ? RepairDisplacedLinks(paragraphIndent: indent, text: text) : nil
        var assembler = AssembleParagraphs(shape: shape, text: text)
        SourceLine.forEach(in: text) { line in
            var line = line
            if let repaired = repair?.repair(&line) {
                diagnostics.append(Diagnostic(
                    DocumentDiagnostic.displacedLinkRepaired(before: repaired.before, after: repaired.after),
                    at: text.originalRange(ofUnits: line.units)))
            }
            assembler.add(line, diagnostics: &diagnostics)
        }
        let paragraphs = assembler.finish()
        return Result(text: text, shape: shape, paragraphs: paragraphs, diagnostics: diagnostics.sortedByLocation())
    }
}
