import ZanText

// Reading works on the normalized UTF-16 units in place: a line or a chunk is a range of them,
// looked at scalar by scalar, and only a paragraph's finished text becomes a `String` (building a
// `String` per word and per line, and walking them by grapheme, was most of the reading's time and
// memory). The tests here are on Unicode scalars with the same properties `Character` uses for a
// single-scalar character; normalized legal text has no combining sequences where they look.

extension NormalizedText {
    /// The scalars of `range`, each with its UTF-16 offset from the range's start.
    func scalars(in range: Range<Int>) -> UnitScalars {
        UnitScalars(units: units[range])
    }

    /// The first scalar of `range`, if any.
    func firstScalar(in range: Range<Int>) -> Unicode.Scalar? {
        firstTwoScalars(in: range).first
    }

    /// The last scalar of `range`, if any.
    func lastScalar(in range: Range<Int>) -> Unicode.Scalar? {
        lastTwoScalars(in: range).last
    }

    /// The first two scalars of `range` (nil where it has fewer). Read from the units straight
    /// when neither is half of a surrogate pair (nearly always): the joins and page-break tests
    /// ask this of every line, and a scalar iterator over the units retained and released them.
    func firstTwoScalars(in range: Range<Int>) -> (first: Unicode.Scalar?, second: Unicode.Scalar?) {
        guard !range.isEmpty else { return (nil, nil) }
        if let first = Unicode.Scalar(units[range.lowerBound]) {
            guard range.count > 1 else { return (first, nil) }
            if let second = Unicode.Scalar(units[range.lowerBound + 1]) { return (first, second) }
        }
        var iterator = scalars(in: range).makeIterator()
        return (iterator.next()?.scalar, iterator.next()?.scalar)
    }

    /// The last two scalars of `range` (nil where it has fewer), as `firstTwoScalars(in:)`.
    func lastTwoScalars(in range: Range<Int>) -> (last: Unicode.Scalar?, beforeLast: Unicode.Scalar?) {
        guard !range.isEmpty else { return (nil, nil) }
        if let last = Unicode.Scalar(units[range.upperBound - 1]) {
            guard range.count > 1 else { return (last, nil) }
            if let beforeLast = Unicode.Scalar(units[range.upperBound - 2]) { return (last, beforeLast) }
        }
        var scalars = reversedScalars(in: range)
        return (scalars.next(), scalars.next())
    }

    /// The scalars of `range` from the last to the first, without collecting them.
    func reversedScalars(in range: Range<Int>) -> ReversedUnitScalars {
        ReversedUnitScalars(units: units[range].reversed().makeIterator())
    }

    /// True when `range` holds exactly one scalar, and it is one of `set` (all in the BMP).
    func isScalar(_ range: Range<Int>, in set: ScalarSet) -> Bool {
        range.count == 1 && Unicode.Scalar(units[range.lowerBound]).map(set.contains) == true
    }
}

/// The scalars of a run of UTF-16 units, with their offsets (an unpaired surrogate reads as U+FFFD).
struct UnitScalars: Sequence {
    let units: ArraySlice<UInt16>

    struct Iterator: IteratorProtocol {
        var units: IndexingIterator<ArraySlice<UInt16>>
        var parser = Unicode.UTF16.ForwardParser()
        var offset = 0

        mutating func next() -> (offset: Int, scalar: Unicode.Scalar)? {
            let start = offset
            switch parser.parseScalar(from: &units) {
            case .valid(let encoded):
                offset += encoded.count
                return (start, Unicode.UTF16.decode(encoded))
            case .error(let length):
                offset += length
                return (start, "\u{FFFD}")
            case .emptyInput:
                return nil
            }
        }
    }

    func makeIterator() -> Iterator { Iterator(units: units.makeIterator()) }
}

/// The scalars of a run of UTF-16 units, last first (an unpaired surrogate reads as U+FFFD).
struct ReversedUnitScalars: Sequence, IteratorProtocol {
    var units: ReversedCollection<ArraySlice<UInt16>>.Iterator
    var parser = Unicode.UTF16.ReverseParser()

    mutating func next() -> Unicode.Scalar? {
        switch parser.parseScalar(from: &units) {
        case .valid(let encoded): Unicode.UTF16.decode(encoded)
        case .error: "\u{FFFD}"
        case .emptyInput: nil
        }
    }
}

extension Unicode.Scalar {
    /// As `Character.isNumber` for a one-scalar character. In ASCII only the digits have a
    /// numeric type; the property lookup costs a few hundred instructions.
    var isNumber: Bool {
        if value < 0x80 { return (0x30...0x39).contains(value) }
        if Self.cyrillic.contains(value) { return false }
        return properties.numericType != nil
    }
    /// As `Character.isLetter` for a one-scalar character. In ASCII the letters are A–Z and
    /// a–z, which clearing bit 0x20 folds onto A–Z.
    var isLetter: Bool {
        if value < 0x80 { return (0x41...0x5A).contains(value & ~0x20) }
        if Self.cyrillic.contains(value) { return !Self.cyrillicSignsAndMarks.contains(value) }
        return properties.isAlphabetic
    }
    /// The Cyrillic blocks, where Kazakh and Russian letters are: no scalar in them is a
    /// number, and all but a sign and the combining marks are letters (the tests check each
    /// against Unicode's properties). Asking the property tables took a few hundred
    /// instructions a scalar.
    private static let cyrillic: ClosedRange<UInt32> = 0x0400...0x052F
    private static let cyrillicSignsAndMarks: ClosedRange<UInt32> = 0x0482...0x0489
    /// As `properties.isUppercase`. In ASCII the capitals are A–Z; in the Cyrillic blocks, the
    /// letters whose lowercase is another letter (`CaseMapping`, tested against ICU). The
    /// property lookup costs a few hundred instructions; reading asks it of paragraph starts.
    var isUppercase: Bool {
        if value < 0x80 { return (0x41...0x5A).contains(value) }
        if Self.cyrillic.contains(value) { return isLetter && CaseMapping.lower(UInt16(value)) != UInt16(value) }
        return properties.isUppercase
    }
    /// As `properties.isLowercase` (and `Character.isLowercase` for a one-scalar character).
    /// In ASCII a–z; in the Cyrillic blocks, every letter that is not a capital.
    var isLowercase: Bool {
        if value < 0x80 { return (0x61...0x7A).contains(value) }
        if Self.cyrillic.contains(value) { return isLetter && !isUppercase }
        return properties.isLowercase
    }
}

extension StringProtocol {
    /// As `first?.isLowercase == true`, by the first scalar: `Character`'s test changes the
    /// case of the whole character whenever its fast path says no (a capital, a digit).
    var startsLowercase: Bool { unicodeScalars.first?.isLowercase == true }
    /// As `first?.isUppercase == true`, by the first scalar.
    var startsUppercase: Bool { unicodeScalars.first?.isUppercase == true }
    /// As `prefix { $0.isNumber }`, without reading a `Character` (hundreds of instructions
    /// each) in the usual cases: table rows ask this of every paragraph. ASCII digits followed
    /// by an ASCII scalar (or nothing) are one character each, and the next one starts there
    /// (no ASCII scalar extends a character, and a digit is not a CR); and `Character.isNumber`
    /// is its first scalar's numeric type, so a text whose first scalar is no number has none.
    var leadingNumbers: SubSequence {
        let bytes = utf8
        var end = bytes.startIndex
        while end != bytes.endIndex, (0x30...0x39).contains(bytes[end]) { bytes.formIndex(after: &end) }
        if end == bytes.endIndex || bytes[end] < 0x80 { return self[startIndex..<end] }
        guard unicodeScalars.first?.isNumber == true else { return self[startIndex..<startIndex] }
        return prefix { $0.isNumber }
    }
}

/// A small fixed set of punctuation scalars, tested without hashing (a `Set` hashes every scalar
/// looked up, and reading looks up several per line): a bit mask for ASCII, a short list beyond.
struct ScalarSet: ExpressibleByArrayLiteral, Sendable {
    private var ascii: UInt128 = 0
    private var others: [Unicode.Scalar] = []

    init(arrayLiteral scalars: Unicode.Scalar...) {
        for scalar in scalars {
            if scalar.isASCII {
                ascii |= 1 << scalar.value
            } else {
                others.append(scalar)
            }
        }
    }

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ascii & (1 << scalar.value) != 0 : others.contains(scalar)
    }
}

/// Four UTF-16 units read as one 64-bit word, tested all at once: shape detection steps over
/// the body of a line four units at a time. (Swift's SIMD types compiled to slower code than
/// this, on plain integers.)
enum UnitWords {
    static let lanes = 4
    private static let ones: UInt64 = 0x0001_0001_0001_0001
    private static let highBits: UInt64 = 0x8000_8000_8000_8000

    /// The four units at `base + index` (the caller keeps `index + 4` within its buffer).
    @inline(__always)
    static func word(_ base: UnsafePointer<UInt16>, at index: Int) -> UInt64 {
        UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
    }

    /// Whether every unit of `word` is at least `low` (itself at most 0x8000) and below U+8000,
    /// so none is a surrogate. A lane below `low` borrows when `low` is taken from it, setting
    /// its top bit; a borrow carried into a higher lane only ever follows a lane that failed.
    @inline(__always)
    static func all(_ word: UInt64, from low: UInt16) -> Bool {
        ((word &- ones &* UInt64(low)) | word) & highBits == 0
    }
}
