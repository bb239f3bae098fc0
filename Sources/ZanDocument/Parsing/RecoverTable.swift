import ZanText

/// Recovers the rows of a flattened table: number, label and content cells, whether the export
/// kept them as tab-separated cells (adilet) or interleaved the three columns line by line (PDF),
/// including rows whose number cell is empty and labels that float in the middle of the content.
struct RecoverTable {
    struct Row {
        var num: String
        var label: String?
        var content: [Paragraph] = []
        var line: Int
        var inferred = false
        var range: SourceRange
    }

    private enum Item {
        case anchor(num: String?, label: String?, content: String?, paragraph: Paragraph)
        case label(String, Paragraph)
        case content(Paragraph)
    }

    /// Rows of the table made of `paragraphs` (the title already taken off).
    static func rows(_ paragraphs: [Paragraph], diagnostics: inout [Diagnostic]) -> [Row] {
        var rows: [Row] = []
        // A block at the end of the previous row that may belong to the row just started: a tall
        // row's number cell is printed mid-row, after the first lines of its own content.
        var pendingBlock: Int?
        for item in paragraphs.map(classify) {
            switch item {
            case let .anchor(num, label, content, paragraph):
                let last = rows.last.flatMap { Int($0.num) } ?? 0
                if let num, Int(num) == last, rows.last?.inferred == true {
                    // An inferred row confirmed by its number cell.
                    rows[rows.count - 1].inferred = false
                    if rows[rows.count - 1].label == nil { rows[rows.count - 1].label = label }
                    continue
                }
                var row = Row(num: num ?? String(last + 1), label: label, line: paragraph.line,
                              inferred: num == nil, range: paragraph.range)
                if let content, !content.isEmpty { row.content.append(Paragraph(text: content, like: paragraph)) }
                pendingBlock = nil
                if num != nil, let previous = rows.last,
                   let start = previous.content.lastIndex(where: { $0.text.hasPrefixBytes("1) ") }), start > 0 {
                    pendingBlock = start
                }
                rows.append(row)
            case let .label(text, paragraph):
                guard !rows.isEmpty else { continue }
                if rows[rows.count - 1].label == nil {
                    rows[rows.count - 1].label = text
                } else {
                    rows[rows.count - 1].content.append(paragraph)
                }
            case .content(let paragraph):
                guard !rows.isEmpty else { continue }
                if let start = pendingBlock, rows.count >= 2, rows[rows.count - 1].content.isEmpty {
                    pendingBlock = nil
                    // Move the block when the row's own content continues it: "2)" after "1)",
                    // or a sentence going on in lowercase.
                    let block = rows[rows.count - 2].content[start...]
                    let continuesList = paragraph.text.hasPrefixBytes("2) ")
                    let continuesSentence = paragraph.text.startsLowercase
                        && block.last.map { !".;:".contains($0.text.last ?? ".") } == true
                    if continuesList || continuesSentence {
                        rows[rows.count - 2].content.removeSubrange(start...)
                        rows[rows.count - 1].content = Array(block)
                    }
                }
                var current = rows[rows.count - 1]
                // A list that starts again at "1)" is the next row's content when that row's
                // number cell is empty (an adilet export) or comes later (a PDF's tall row).
                if paragraph.text.hasPrefixBytes("1) "), current.content.contains(where: { $0.text.hasPrefixBytes("1) ") }) {
                    rows.append(Row(num: String((Int(current.num) ?? rows.count) + 1), label: nil,
                                    content: [paragraph], line: paragraph.line, inferred: true, range: paragraph.range))
                    continue
                }
                // A sentence broken by a floating label goes on in the same cell.
                if let previous = current.content.last, paragraph.text.startsLowercase,
                   let end = previous.text.last, !".;:".contains(end) || previous.text.hasSuffixBytes(" ;") {
                    current.content[current.content.count - 1] = previous.joined(with: paragraph)
                } else {
                    current.content.append(paragraph)
                }
                rows[rows.count - 1] = current
            }
        }
        for row in rows where row.inferred {
            diagnostics.append(Diagnostic(
                DocumentDiagnostic.tableRowNumberInferred(number: Int(row.num) ?? 0, label: row.label ?? "?"),
                at: row.range))
        }
        return rows
    }

    private static func classify(_ paragraph: Paragraph) -> Item {
        if let cells = paragraph.cells {
            let num = cells.first?.trimmingSpaces() ?? ""
            let label = cells.count > 1 ? cells[1].trimmingSpaces() : ""
            let content = cells.dropFirst(2).joined(separator: " ").trimmingSpaces()
            if num.isEmpty && label.isEmpty {
                return .anchor(num: nil, label: nil, content: content, paragraph: paragraph)
            }
            return .anchor(num: num.allSatisfy(\.isNumber) ? num : nil, label: label.isEmpty ? nil : label,
                           content: content, paragraph: paragraph)
        }
        let text = paragraph.text
        // "5" alone, or "3 Мемлекеттік қызмет көрсету мерзімі".
        let digits = text.leadingNumbers
        if !digits.isEmpty, digits.count <= 2 {
            let rest = text[digits.endIndex...]
            if rest.isEmpty { return .anchor(num: String(digits), label: nil, content: nil, paragraph: paragraph) }
            if rest.first == " ", StateServiceField.field(ofLabel: String(rest.dropFirst())) != nil {
                return .anchor(num: String(digits), label: String(rest.dropFirst()), content: nil, paragraph: paragraph)
            }
        }
        if StateServiceField.field(ofLabel: text) != nil { return .label(text, paragraph) }
        return .content(paragraph)
    }

}

extension Paragraph {
    /// A paragraph with other text but this one's place (used for cells split off a row).
    init(text: String, like other: Paragraph) {
        self.init(text: text, line: other.line, range: other.range, isTableRow: false, pieces: other.pieces)
    }

    /// This paragraph and the next as one: a sentence a floating label broke in two.
    func joined(with next: Paragraph) -> Paragraph {
        let separator = text.hasSuffix(" ") ? "" : " "
        let offset = text.utf16.count + separator.utf16.count
        return Paragraph(text: text + separator + next.text, line: line,
                         range: SourceRange(min(range.start, next.range.start), max(range.end, next.range.end)),
                         isTableRow: false,
                         pieces: Pieces(Array(pieces) + next.pieces.map { Piece(offset: $0.offset + offset, units: $0.units) }))
    }
}
