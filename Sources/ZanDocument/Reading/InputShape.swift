import ZanText

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
    static func detect(_ text: NormalizedText) -> (shape: InputShape, paragraphIndent: Int?) {
        var lengths: [Int] = []
        var indented = 0
        var counts: [Int: Int] = [:]
        SourceLine.forEachRange(in: text) { _, units, buffer in
            let line = SourceLine.Layout(units, in: buffer)
            guard !line.isBlank else { return }
            lengths.append(line.length)
            if line.indent >= 2 {
                indented += 1
                counts[line.indent, default: 0] += 1
            }
        }
        guard !lengths.isEmpty else { return (.adilet, nil) }
        let paragraphIndent = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        lengths.sort()
        let median = lengths[lengths.count / 2]
        let isPDF = indented * 10 >= lengths.count && median < 120
        return (isPDF ? .pdf : .adilet, isPDF ? paragraphIndent : nil)
    }
}
