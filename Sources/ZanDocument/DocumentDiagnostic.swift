import ZanText

/// The catalogue of ZanDocument's diagnostics: repairs made while reading, and what the
/// structure parser could not place. The case name is the ID (`document.<kebab-case name>`).
public enum DocumentDiagnostic: DiagnosticMessage, Hashable {
    /// Words a PDF export moved to the line end were put back into their hole.
    case displacedLinkRepaired(before: String, after: String)
    /// A sentence broken by a page break (blank lines) was joined.
    case pageBreakJoined(lines: Int)
    /// Markup residue (`<p>`, `</p>`) was removed from a table cell.
    case markupRemoved(residue: String)
    /// A table row was recovered whose number cell was empty: its number comes from its label.
    case tableRowNumberInferred(number: Int, label: String)
    /// A paragraph the structure parser could not place; kept as text of its container.
    case unplacedParagraph(text: String)
    /// The header sentence lacks a fact (date, number, registration).
    case headerIncomplete(missing: String)
    /// Quoted wording whose closing quote was never found; it runs to the next point.
    case unclosedQuotation

    public var id: DiagnosticID {
        let name: String = switch self {
        case .displacedLinkRepaired: "displaced-link-repaired"
        case .pageBreakJoined: "page-break-joined"
        case .markupRemoved: "markup-removed"
        case .tableRowNumberInferred: "table-row-number-inferred"
        case .unplacedParagraph: "unplaced-paragraph"
        case .headerIncomplete: "header-incomplete"
        case .unclosedQuotation: "unclosed-quotation"
        }
        return DiagnosticID(domain: "document", name: name)
    }

    public var severity: Severity {
        switch self {
        case .displacedLinkRepaired, .pageBreakJoined, .markupRemoved, .tableRowNumberInferred: .note
        case .unplacedParagraph, .headerIncomplete, .unclosedQuotation: .warning
        }
    }

    public var message: String {
        switch self {
        case let .displacedLinkRepaired(before, after):
            "displaced link words put back: \"\(before)\" → \"\(after)\""
        case let .pageBreakJoined(lines):
            "sentence continued across a page break (\(lines) blank line\(lines == 1 ? "" : "s")) and was joined"
        case let .markupRemoved(residue):
            "markup residue removed: \(residue)"
        case let .tableRowNumberInferred(number, label):
            "table row without a number cell recognized as row \(number) by its label \"\(label)\""
        case let .unplacedParagraph(text):
            "paragraph not placed in the structure: \"\(text.prefix(60))\""
        case let .headerIncomplete(missing):
            "header sentence does not state the \(missing)"
        case .unclosedQuotation:
            "quoted wording opens here and its closing quote was not found; it is taken to run to the next point"
        }
    }
}
