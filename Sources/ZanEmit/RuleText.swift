import ZanDocument
import ZanTimeline

/// A unit of a version as plain lines for a person: its own paragraphs, then its children's,
/// with headings ("2-тарау. …"), "[struck out by …]" for a struck-out slot and a marker wherever
/// the corpus has no text. What `zan show` prints and what `zan diff` compares.
public enum RuleText {
    /// Marks a unit whose own wording is not in the corpus.
    public static let unknownMarker = "[text not in corpus]"
    /// Marks a known unit some of whose children are not in the corpus.
    public static let partialMarker = "[further units not in corpus]"

    /// The unit's lines; with `heading`, its own heading first (as its parent would print it).
    public static func lines(_ node: RuleNode, heading: Bool = false) -> [String] {
        var lines: [String] = []
        if heading, let line = headingLine(node) { lines.append(line) }
        if node.repealed {
            let num = node.num.map { $0 + (node.kind == .subparagraph ? ") " : ". ") } ?? ""
            lines.append(num + "[struck out\(node.provenance.map { " by \($0.act)" } ?? "")]")
            return lines
        }
        if node.unknown { lines.append(unknownMarker) }
        lines += node.text
        for child in node.children { lines += Self.lines(child, heading: true) }
        if node.partial && !node.unknown { lines.append(partialMarker) }
        return lines
    }

    /// "2-тарау. Heading" for a numbered heading, "Label:" for a table row's label.
    static func headingLine(_ node: RuleNode) -> String? {
        guard let heading = node.heading else { return nil }
        if node.kind == .row { return heading + ":" }
        return (node.num.map { "\($0)-\(kazakhNoun(node.kind)). " } ?? "") + heading
    }

    /// The Kazakh noun a numbered heading is printed with ("2-тарау. …").
    static func kazakhNoun(_ kind: ProvisionKind) -> String {
        switch kind {
        case .section: "бөлім"
        case .chapter: "тарау"
        case .paragraphSign: "параграф"
        case .article: "бап"
        case .attachment, .appendix: "қосымша"
        default: kind.rawValue
        }
    }
}
