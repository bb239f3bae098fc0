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
        var lines = SourceLine.lines(of: text)
        let (shape, indent) = InputShape.detect(lines)
        var diagnostics = text.diagnostics
        if shape == .pdf {
            let repair = RepairDisplacedLinks(paragraphIndent: indent, text: text)
            for index in lines.indices {
                if let repaired = repair.repair(&lines[index]) {
                    diagnostics.append(Diagnostic(
                        DocumentDiagnostic.displacedLinkRepaired(before: repaired.before, after: repaired.after),
                        at: text.originalRange(ofUnits: lines[index].units)))
                }
            }
        }
        let paragraphs = AssembleParagraphs(shape: shape, text: text).run(lines, diagnostics: &diagnostics)
        return Result(text: text, shape: shape, paragraphs: paragraphs, diagnostics: diagnostics.sortedByLocation())
    }
}
