/// The shape an input text comes in; detected, never asked for.
public enum InputShape: String, Sendable, Codable {
    /// Text exported from an adilet page: one paragraph per line, blank lines between,
    /// tables as tab-separated cells with `<p>` residue.
    case adilet
    /// Text extracted from a PDF: hard-wrapped lines, paragraphs start indented, page breaks
    /// inside sentences, displaced hyperlinks, tables in interleaved columns.
    case pdf

    /// PDF text has many indented paragraph starts and short wrapped lines; adilet text has
    /// long unindented lines.
    static func detect(_ lines: [SourceLine]) -> (shape: InputShape, paragraphIndent: Int?) {
        let nonBlank = lines.filter { !$0.isBlank }
        guard !nonBlank.isEmpty else { return (.adilet, nil) }
        let indented = nonBlank.filter { $0.indent >= 2 }
        var counts: [Int: Int] = [:]
        for line in indented { counts[line.indent, default: 0] += 1 }
        let paragraphIndent = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        let lengths = nonBlank.map(\.length).sorted()
        let median = lengths[lengths.count / 2]
        let isPDF = indented.count * 10 >= nonBlank.count && median < 120
        return (isPDF ? .pdf : .adilet, isPDF ? paragraphIndent : nil)
    }
}
