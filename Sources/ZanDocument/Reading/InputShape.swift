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
        let lines = text.units.withUnsafeBufferPointer(LineStatistics.init)
        guard lines.count > 0 else { return (.adilet, nil) }
        let paragraphIndent = lines.indents.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        // The median line is short when more than half the lines are (no sorting of lengths).
        let isPDF = lines.indented * 10 >= lines.count && lines.short > lines.count / 2
        return (isPDF ? .pdf : .adilet, isPDF ? paragraphIndent : nil)
    }

    /// What the detection counts of a text's non-blank lines, in one pass over its units (LF,
    /// CRLF or a lone CR end a line).
    struct LineStatistics {
        /// Lines shorter than this many Unicode scalars are short, as hard-wrapped lines are.
        static let shortLength = 120
        /// How many non-blank lines there are.
        var count = 0
        /// How many of them are short (`shortLength`).
        var short = 0
        /// How many lines start with each indent of 2 or more (spaces before the first other
        /// character; a tab counts 8).
        var indents: [Int: Int] = [:]
        /// How many lines have such an indent.
        var indented = 0

        init(_ units: UnsafeBufferPointer<UInt16>) {
            var indent = 0, length = 0, isBlank = true
            guard let base = units.baseAddress else { return }
            var index = 0
            while index < units.count {
                // Past a line's indent, four scalars at a time while none is below U+000E (a
                // line break, a tab, a control) or a surrogate: the body of a line is one run.
                if !isBlank {
                    while index + UnitWords.lanes <= units.count, UnitWords.all(UnitWords.word(base, at: index), from: 0x0E) {
                        length += UnitWords.lanes
                        index += UnitWords.lanes
                    }
                }
                guard index < units.count else { break }
                let unit = units[index]
                index += 1
                switch unit {
                case 0x0A, 0x0D:
                    endLine(isBlank: isBlank, indent: indent, length: length)
                    (indent, length, isBlank) = (0, 0, true)
                case 0x20, 0x09:
                    if isBlank { indent += unit == 0x09 ? 8 : 1 }
                    length += 1
                default:
                    isBlank = false
                    if !UTF16.isTrailSurrogate(unit) { length += 1 }
                }
            }
            endLine(isBlank: isBlank, indent: indent, length: length)
        }

        private mutating func endLine(isBlank: Bool, indent: Int, length: Int) {
            guard !isBlank else { return }
            count += 1
            if length < Self.shortLength { short += 1 }
            if indent >= 2 {
                indented += 1
                indents[indent, default: 0] += 1
            }
        }
    }
}
