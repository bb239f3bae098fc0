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

extension Optional<String> {
    /// True when there is a string and it has `word`'s bytes: `sameBytes(as:)` for a token that
    /// may be missing ("the word after", past the sentence's end). The grammar compares every
    /// word of every sentence this way: `==` between two different Cyrillic strings compares
    /// them under canonical equivalence, about 500 instructions each.
    @inline(__always)
    public func sameBytes(as word: String) -> Bool { self?.sameBytes(as: word) ?? false }
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
        text.withBytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// A quick "certainly not" before a lookup in a set of words: one bit per word of the set, at
/// its FNV-1a hash (of the UTF-8 bytes) modulo 4,096. A word of the set always passes; most other
/// words are turned away at a few instructions a byte, where the set's own lookup hashes the
/// word with the standard library's `Hasher` (about 600 instructions a word). Asking whether
/// every word of a paragraph starts a duration was two thirds of reading durations.
public struct LexiconFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 64)

    public init(_ words: some Sequence<LexiconWord>) {
        for word in words {
            let slot = Self.slot(word.text)
            bits[slot >> 6] |= 1 << UInt64(slot & 63)
        }
    }

    /// False when `word` is certainly not one of the set's words.
    public func mayContain(_ word: String) -> Bool {
        word.withBytes(mayContain(bytes:))
    }

    /// False when the word of these bytes is certainly not one of the set's words.
    func mayContain(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        mayContain(slot: Self.slot(bytes))
    }

    /// False when a word of this slot (`slot(_:)` of its bytes) is certainly not one of the
    /// set's words.
    @inline(__always)
    func mayContain(slot: Int) -> Bool {
        bits[slot >> 6] & (1 << UInt64(slot & 63)) != 0
    }

    static func slot(_ word: String) -> Int {
        word.withBytes(slot)
    }

    static func slot(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash & 4_095)
    }
}

/// A quick "certainly not" before trying a list of stems one by one: a `LexiconFilter` of the
/// stems' first two characters (scalars). A word that starts with a stem of the list always
/// passes; a word whose first two characters start none is turned away with one hash of a few
/// bytes. (Trying every ordinal stem on the words after each unit a citation names was 55 of
/// the citation grammar's 107 million instructions on 20 generated works.)
public struct StemFilter: Sendable {
    private let filter: LexiconFilter
    /// True when a stem is shorter than two characters: then any word may start one.
    private let passesAll: Bool

    public init(_ stems: some Sequence<String>) {
        var heads: [LexiconWord] = [], passesAll = false
        for stem in stems {
            let scalars = stem.unicodeScalars
            guard scalars.count >= 2 else { passesAll = true; continue }
            heads.append(LexiconWord(String(scalars.prefix(2))))
        }
        filter = LexiconFilter(heads)
        self.passesAll = passesAll
    }

    /// False when `word` certainly starts with none of the stems.
    public func mayStart(_ word: String) -> Bool {
        passesAll || word.withBytes(mayStart(bytes:))
    }

    /// False when the word of these bytes certainly starts with none of the stems.
    func mayStart(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        passesAll || mayStart(headSlot: Self.headSlot(bytes))
    }

    /// False when a word whose first two scalars have this slot (`headSlot(_:)`; nil: the word
    /// has one scalar) certainly starts with none of the stems.
    @inline(__always)
    func mayStart(headSlot: Int?) -> Bool {
        if passesAll { return true }
        guard let headSlot else { return false }
        return filter.mayContain(slot: headSlot)
    }

    /// The `LexiconFilter` slot of the bytes of a word's first two scalars (a scalar's bytes
    /// after its first are 10xxxxxx); nil for a word of fewer.
    static func headSlot(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var end = 0, scalars = 0
        while end < bytes.count {
            if bytes[end] & 0xC0 != 0x80 {
                if scalars == 2 { break }
                scalars += 1
            }
            end += 1
        }
        guard scalars == 2 else { return nil }
        return LexiconFilter.slot(UnsafeBufferPointer(rebasing: bytes[..<end]))
    }
}
