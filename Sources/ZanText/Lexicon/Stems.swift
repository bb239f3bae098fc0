extension String {
    /// What follows `stem` when the string starts with it, or nil. Compared byte by byte: the
    /// lexicons and the texts they are matched against are both NFC, where equal bytes and equal
    /// characters agree, and the byte comparison is many times cheaper than `hasPrefix`, which
    /// compares grapheme clusters under canonical equivalence (the lexicon's hot spot).
    @inline(__always)
    public func ending(after stem: String) -> String? {
        guard hasPrefixBytes(stem) else { return nil }
        // `stem` is whole scalars, so the byte after it starts a scalar.
        return String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: stem.utf8.count)...]))
    }

    /// True when the string starts with `stem`, compared byte by byte (`hasPrefixBytes`, in the
    /// lexicon's words).
    @inline(__always)
    public func hasStem(_ stem: String) -> Bool { hasPrefixBytes(stem) }

    /// True when the two strings have the same bytes: `==` for NFC texts, without the
    /// normalizing comparison `==` makes whenever two non-ASCII strings differ.
    @inline(__always)
    public func sameBytes(as word: String) -> Bool {
        utf8.count == word.utf8.count && bytes(at: 0, are: word)
    }
}

/// A word of a lexicon table, hashed and compared as UTF-8 bytes. The tables and the texts
/// they are looked up with are NFC, where equal bytes and equal characters agree; a `String`
/// key is hashed under canonical equivalence (normalized first) at every lookup, which for a
/// Cyrillic word costs about a thousand instructions.
public struct LexiconWord: Hashable, Sendable, ExpressibleByStringLiteral {
    public let text: String

    public init(_ text: String) { self.text = text }
    public init(stringLiteral text: String) { self.text = text }

    public static func == (a: LexiconWord, b: LexiconWord) -> Bool { a.text.sameBytes(as: b.text) }

    public func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
