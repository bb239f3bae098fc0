import ZanText

/// What the header sentence of an act says about it.
public struct DocumentMetadata: Hashable, Sendable {
    /// The kind of act: order (бұйрық), decree (қаулы), decision (шешім), law (Заң), code (Кодекс).
    public var kind: String?
    /// Who issued it, as written ("Қазақстан Республикасы Өнеркәсіп және құрылыс министрінің м.а.").
    public var issuer: String?
    /// True when signed by an acting official ("м.а.", "міндетін атқарушы").
    public var acting: Bool
    public var date: CivilDate?
    public var number: String?
    public var registrationDate: CivilDate?
    public var registrationNumber: String?
    /// The adilet id: V + 2-digit year + 8-digit registration number for ministerial orders.
    public var id: String?

    public init(kind: String? = nil, issuer: String? = nil, acting: Bool = false, date: CivilDate? = nil,
                number: String? = nil, registrationDate: CivilDate? = nil, registrationNumber: String? = nil,
                id: String? = nil) {
        self.kind = kind
        self.issuer = issuer
        self.acting = acting
        self.date = date
        self.number = number
        self.registrationDate = registrationDate
        self.registrationNumber = registrationNumber
        self.id = id
    }
}

/// An editorial note (ЗҚАИ-ның ескертпесі, Ескерту): metadata, never provision text.
public struct EditorialNote: Hashable, Sendable {
    public let text: String
    public let line: Int
    public let range: SourceRange
}

/// A parsed document: title, header facts, editorial notes and the provision tree.
public struct Document: Sendable {
    public let source: SourceFile
    /// Where the units of the normalized text the paragraphs were read from came from: maps
    /// their offsets back to the file (the text itself is not kept: the paragraphs have it).
    public let sourceMap: SourceMap
    public let shape: InputShape
    /// The clean paragraphs the tree was built from, in document order.
    public let paragraphs: [Paragraph]
    /// True for an act with an enacting formula ("БҰЙЫРАМЫН:") whose numbered points carry
    /// its provisions (an order); false for structured text (Rules) or a fragment.
    public let isOrder: Bool
    public var title: String?
    public var metadata: DocumentMetadata
    public var notes: [EditorialNote]
    /// The root (`kind == .document`): preamble, points, signature, approval, attachments.
    public var root: Provision
    /// Reading repairs and parse findings, sorted by location.
    public var diagnostics: [Diagnostic]
}
