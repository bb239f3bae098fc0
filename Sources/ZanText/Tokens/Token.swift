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
    /// Every word's lowercase, once `lowercasingWords()` computed them; nil before.
    private var lowered: LowerWords?

    /// The lowercase of a text's words as UTF-8 bytes, one after the other: one buffer for a
    /// paragraph, not a `String` a word, and each word's slots in a `LexiconFilter` and a
    /// `StemFilter`. The fact extractors ask of every word whether it may start what they read,
    /// and screen it by its slot (`lowerWord(_:passes:)`); a `String` is made only of the words
    /// they go on to read (`lowerWord(_:)`). Making one for every word of every paragraph read
    /// was a fortieth of a build.
    struct LowerWords: Sendable {
        var bytes: [UInt8]
        /// Per token, where its lowercase ends in `bytes` (it starts where the token before's
        /// ends); for a token not a word, where the one before's ends.
        var ends: [Int32]
        /// Per token, the `LexiconFilter` slot of its lowercase and that of its first two
        /// scalars (`StemFilter`; `noSlot` for a word of one scalar); `noSlot` for both when
        /// the token is not a word.
        var slots: [(word: UInt16, head: UInt16)]
        static let noSlot = UInt16.max
    }

    init(text: NormalizedText, tokens: [Token]) {
        self.text = text
        self.tokens = tokens
    }

    /// The same text with every word's lowercase computed once, for readers that ask for the
    /// same words many times (the fact extractors each read every word of a paragraph).
    public func lowercasingWords() -> TokenizedText {
        var copy = self
        var ends: [Int32] = [], slots: [(word: UInt16, head: UInt16)] = []
        ends.reserveCapacity(tokens.count)
        slots.reserveCapacity(tokens.count)
        // A word whose lowercase is not unit for unit (neither ASCII nor Cyrillic) is made
        // through `String.lowercased()`: its bytes, by token.
        var others: [Int: String] = [:]
        let bytes = text.units.withUnsafeBufferPointer { units in
            var total = 0
            for (index, token) in tokens.enumerated() where token.kind == .word {
                let word = UnsafeBufferPointer(rebasing: units[token.units])
                if let count = CaseMapping.lowercasedByteCount(word) {
                    total += count
                } else {
                    let lowered = CaseMapping.lowercased(word)
                    others[index] = lowered
                    total += lowered.utf8.count
                }
            }
            return [UInt8](unsafeUninitializedCapacity: total) { buffer, count in
                count = 0
                for (index, token) in tokens.enumerated() {
                    let start = count
                    if token.kind == .word {
                        if !others.isEmpty, let other = others[index] {
                            for byte in other.utf8 {
                                buffer[count] = byte
                                count += 1
                            }
                        } else {
                            count = CaseMapping.writeLowercased(UnsafeBufferPointer(rebasing: units[token.units]), to: buffer, at: count)
                        }
                        let word = UnsafeBufferPointer(rebasing: buffer[start..<count])
                        slots.append((UInt16(LexiconFilter.slot(word)), StemFilter.headSlot(word).map(UInt16.init) ?? LowerWords.noSlot))
                    } else {
                        slots.append((LowerWords.noSlot, LowerWords.noSlot))
                    }
                    ends.append(Int32(truncatingIfNeeded: count))
                }
            }
        }
        copy.lowered = LowerWords(bytes: bytes, ends: ends, slots: slots)
        return copy
    }

    /// The lowercased normalized text of the word token at `index`; nil for any other token.
    public func lowerWord(_ index: Int) -> String? {
        guard tokens.indices.contains(index), tokens[index].kind == .word else { return nil }
        guard let lowered else { return text.lowercased(tokens[index].units) }
        return String(decoding: lowered.bytes[lowered.range(of: index)], as: UTF8.self)
    }

    /// False when the token at `index` is certainly not a word of `filter` lowercased (any
    /// other token: false); by its slot when the words' lowercase was computed.
    public func lowerWord(_ index: Int, passes filter: LexiconFilter) -> Bool {
        guard tokens.indices.contains(index), tokens[index].kind == .word else { return false }
        guard let lowered else { return lowerWord(index).map(filter.mayContain) ?? false }
        return filter.mayContain(slot: Int(lowered.slots[index].word))
    }

    /// False when the token at `index` is a word certainly starting with none of `filter`'s
    /// stems, lowercased (any other token: false).
    public func lowerWord(_ index: Int, mayStart filter: StemFilter) -> Bool {
        guard tokens.indices.contains(index), tokens[index].kind == .word else { return false }
        guard let lowered else { return lowerWord(index).map(filter.mayStart) ?? false }
        let head = lowered.slots[index].head
        return filter.mayStart(headSlot: head == LowerWords.noSlot ? nil : Int(head))
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

extension TokenizedText.LowerWords {
    /// The bytes of token `index`'s lowercase.
    @inline(__always)
    func range(of index: Int) -> Range<Int> {
        (index == 0 ? 0 : Int(ends[index - 1]))..<Int(ends[index])
    }
}
