import ZanText

/// What a node of the document tree is. Structural units use the names of `UnitKind`.
public enum ProvisionKind: String, Sendable, Codable, CaseIterable {
    case document
    /// The enacting formula and anything before the numbered body ("БҰЙЫРАМЫН:").
    case preamble
    case section, chapter
    case paragraphSign = "paragraph_sign"
    case article, paragraph, subparagraph, part
    /// Quoted amendment wording inside a point: text of another act, not structure of this one.
    case quotation
    case signature
    /// The approval block ("КЕЛІСІЛДІ").
    case approval
    /// An attachment of the order (its appendix, or the Rules it approves).
    case attachment
    /// An appendix of the approved Rules (an attachment of an attachment).
    case appendix
    case form, table, row
}

/// A paragraph of text inside a provision, with where it came from.
public struct ContentBlock: Hashable, Sendable {
    public let text: String
    public let line: Int
    public let range: SourceRange
    /// True for a table row recovered from cells: `text` is its cells joined by tabs.
    public let isTableRow: Bool
    /// For a table row recovered from cells, its cells.
    public var cells: [String]? { isTableRow ? Paragraph.cells(of: text) : nil }

    public init(_ paragraph: Paragraph) {
        self.text = paragraph.text
        self.line = paragraph.line
        self.range = paragraph.range
        self.isTableRow = paragraph.isTableRow
    }
}

/// One node of a document tree, the same shape at every level: kind, visible number, eId,
/// heading, its own text, children, and where it is in the source.
public struct Provision: Hashable, Sendable {
    public var kind: ProvisionKind
    /// The number as printed ("13", "13-1", "5" for "5)"); nil for unnumbered nodes.
    public var num: String?
    /// The stable identifier built from visible numbers (see `AssignEIds`); nil for nodes that
    /// are not addressable (signatures, approvals).
    public var eId: String?
    /// A chapter's or attachment's heading; a table row's label.
    public var heading: String?
    /// Text directly in this node, before its children (a point's wording, a lead-in).
    public var content: [ContentBlock]
    public var children: [Provision]
    /// The first source line and the original bytes the node spans.
    public var line: Int
    public var range: SourceRange

    public init(kind: ProvisionKind, num: String? = nil, heading: String? = nil,
                content: [ContentBlock] = [], children: [Provision] = [], line: Int, range: SourceRange) {
        self.kind = kind
        self.num = num
        self.eId = nil
        self.heading = heading
        self.content = content
        self.children = children
        self.line = line
        self.range = range
    }

    /// The first descendant (self included) with this eId.
    public func find(eId target: String) -> Provision? {
        if eId == target { return self }
        for child in children {
            if let found = child.find(eId: target) { return found }
        }
        return nil
    }

    /// Every node in document order (self first).
    public var allNodes: [Provision] {
        [self] + children.flatMap(\.allNodes)
    }

    /// The node's own text and its descendants', one paragraph per line.
    public var fullText: String {
        (content.map(\.text) + children.map(\.fullText)).filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
