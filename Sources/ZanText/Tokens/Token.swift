/// What a token is. Raw values are the names used in JSON output.
public enum TokenKind: String, Sendable, Codable, CaseIterable {
    /// Letters, including hyphenated compounds ("веб-порталы", "сондай-ақ").
    case word
    /// Digits with inner separators: "1414", "12.07.2026", "9.00", "13-1".
    case number
    /// A number joined to a unit noun: "13-тармақ", "3-1-тармақпен", "2)-тармақшалары".
    case unitRef = "unit_ref"
    /// A list marker at the start of a line: "5)", "5-1)", "13.", "13-1.".
    case enumerator
    /// A parenthesized number inside a line: "19)" in "19) тармақшасы".
    case itemNumber = "item_number"
    /// A web address: "www.egov.kz".
    case url
    /// An opening quotation mark: « „ and " where it opens.
    case quoteOpen = "quote_open"
    /// A closing quotation mark: » and " where it closes.
    case quoteClose = "quote_close"
    /// A dash standing alone: – — and a spaced "-".
    case dash
    /// Other punctuation: . , ; : ( ) …
    case punct
    /// Symbols: № + = …
    case symbol
    /// A fill-in blank: "_____".
    case blank
}

/// One token of a normalized text: where it is in the normalized UTF-16 and in the original bytes.
/// Text is not stored; `TokenizedText` slices it on demand. Positions are kept as 32-bit values
/// (inputs are limited to 2 GiB), which halves the memory of a large token stream.
public struct Token: Hashable, Sendable {
    public let kind: TokenKind
    /// The structural unit a unit noun names ("тармағының" → paragraph), for words and unit refs.
    public let unit: UnitKind?
    private let unitStart: Int32, unitEnd: Int32
    private let byteStart: Int32, byteEnd: Int32
    private let numberStart: Int32, numberEnd: Int32

    public init(kind: TokenKind, units: Range<Int>, range: SourceRange, unit: UnitKind? = nil,
                number: Range<Int>? = nil) {
        self.kind = kind
        self.unit = unit
        self.unitStart = Int32(truncatingIfNeeded: units.lowerBound)
        self.unitEnd = Int32(truncatingIfNeeded: units.upperBound)
        self.byteStart = Int32(truncatingIfNeeded: range.start)
        self.byteEnd = Int32(truncatingIfNeeded: range.end)
        self.numberStart = Int32(truncatingIfNeeded: number?.lowerBound ?? -1)
        self.numberEnd = Int32(truncatingIfNeeded: number?.upperBound ?? -1)
    }

    /// The token's normalized UTF-16 units.
    public var units: Range<Int> { Int(unitStart)..<Int(unitEnd) }
    /// The token's bytes in the original file.
    public var range: SourceRange { SourceRange(Int(byteStart), Int(byteEnd)) }
    /// For unit refs, enumerators and item numbers, the units of the number ("13-1" in "13-1-тармақ").
    public var number: Range<Int>? { numberStart < 0 ? nil : Int(numberStart)..<Int(numberEnd) }
}

/// A normalized text and its tokens.
public struct TokenizedText: Sendable {
    public let text: NormalizedText
    public let tokens: [Token]
    /// Each token's lowercased normalized text when it is a word (nil for other tokens), once
    /// `lowercasingWords()` computed them; nil before.
    public private(set) var lowerWords: [String?]?

    init(text: NormalizedText, tokens: [Token]) {
        self.text = text
        self.tokens = tokens
    }

    /// The same text with every word's lowercase computed once, for readers that ask for the
    /// same words many times (the fact extractors each read every word of a paragraph).
    public func lowercasingWords() -> TokenizedText {
        var copy = self
        copy.lowerWords = tokens.map { $0.kind == .word ? text.lowercased($0.units) : nil }
        return copy
    }

    /// The lowercased normalized text of the word token at `index`; nil for any other token.
    public func lowerWord(_ index: Int) -> String? {
        guard tokens.indices.contains(index), tokens[index].kind == .word else { return nil }
        if let lowerWords { return lowerWords[index] }
        return text.lowercased(tokens[index].units)
    }

    /// The source file.
    public var source: SourceFile { text.source }

    /// The original text of a token, as in the file.
    public func original(_ token: Token) -> String { source.text(in: token.range) }

    /// The normalized text of a token.
    public func normalized(_ token: Token) -> String { text.string(token.units) }

    /// The number part of a unit ref or enumerator ("13-1" in "13-1-тармақ").
    public func number(_ token: Token) -> String? { token.number.map { text.string($0) } }

    /// All diagnostics of normalization (repairs and warnings).
    public var diagnostics: [Diagnostic] { text.diagnostics }
}
