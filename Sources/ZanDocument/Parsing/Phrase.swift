import Glibc

/// A lowercase phrase that the structure classifiers look for in a paragraph of any case,
/// without lowercasing the paragraph: each of the phrase's scalars also matches its uppercase
/// form. Classifiers ask this of nearly every paragraph, most of which are body text that
/// matches nothing; lowercasing each of them first (several times over) was a fifth of the
/// structure parse.
///
/// Matching is on the text's UTF-8 bytes, one whole scalar of the phrase at a time (its
/// lowercase or its uppercase encoding), so a match always starts and ends on scalar boundaries.
/// Phrases are lowercase letters with one-to-one case pairs (Cyrillic, Latin), digits, spaces
/// and hyphens, for which this equals lowercasing the text and comparing.
struct Phrase: Sendable, ExpressibleByStringLiteral {
    /// One scalar of the phrase: its lowercase and uppercase UTF-8, each packed little-endian,
    /// and the masks that keep that many bytes of a four-byte load.
    struct Position: Sendable {
        let lower: UInt32, lowerCount: Int, lowerMask: UInt32
        let upper: UInt32, upperCount: Int, upperMask: UInt32

        init(lower: UInt32, lowerCount: Int, upper: UInt32, upperCount: Int) {
            (self.lower, self.lowerCount, self.lowerMask) = (lower, lowerCount, Self.mask(lowerCount))
            (self.upper, self.upperCount, self.upperMask) = (upper, upperCount, Self.mask(upperCount))
        }

        private static func mask(_ count: Int) -> UInt32 {
            count >= 4 ? UInt32.max : (1 << (8 * UInt32(count))) - 1
        }

        /// The byte length of this scalar, in either case, at the start of `word` (four bytes
        /// loaded little-endian), or nil when neither case is there.
        @inline(__always)
        func length(atStartOf word: UInt32) -> Int? {
            if word & lowerMask == lower { return lowerCount }
            if word & upperMask == upper { return upperCount }
            return nil
        }
    }

    let positions: [Position]

    init(_ text: String) {
        precondition(text == text.lowercased() && !text.isEmpty, "a phrase is lowercase and not empty: \(text)")
        positions = text.unicodeScalars.map { scalar in
            let upper = scalar.properties.uppercaseMapping.unicodeScalars
            let (lower, lowerCount) = Self.pack(scalar)
            let (upperPacked, upperCount) = upper.count == 1 ? Self.pack(upper[upper.startIndex]) : (lower, lowerCount)
            return Position(lower: lower, lowerCount: lowerCount, upper: upperPacked, upperCount: upperCount)
        }
    }

    init(stringLiteral text: String) { self.init(text) }

    private static func pack(_ scalar: Unicode.Scalar) -> (UInt32, Int) {
        var packed: UInt32 = 0
        var count = 0
        for byte in String(scalar).utf8 {
            packed |= UInt32(byte) << (8 * count)
            count += 1
        }
        return (packed, count)
    }

    /// Whether `text` starts with the phrase, in any case.
    func isPrefix(of text: some StringProtocol) -> Bool {
        Self.withBytes(text) { matchLength(at: 0, in: $0) != nil }
    }

    /// Whether `text` is the phrase, in any case.
    func isWhole(_ text: some StringProtocol) -> Bool {
        Self.withBytes(text) { matchLength(at: 0, in: $0) == $0.count }
    }

    /// Whether `text` ends with the phrase, in any case.
    func isSuffix(of text: some StringProtocol) -> Bool {
        Self.withBytes(text) { bytes in
            var end = bytes.count
            for position in positions.reversed() {
                if Self.read(bytes, end - position.lowerCount, position.lowerCount) == position.lower {
                    end -= position.lowerCount
                } else if Self.read(bytes, end - position.upperCount, position.upperCount) == position.upper {
                    end -= position.upperCount
                } else {
                    return false
                }
            }
            return true
        }
    }

    /// Whether the phrase occurs anywhere in `text`, in any case.
    func occurs(in text: some StringProtocol) -> Bool {
        Self.withBytes(text) { bytes in
            // Most Cyrillic letters share a lead byte, so the whole first scalar screens a start.
            let first = positions[0]
            let lowerLead = UInt8(truncatingIfNeeded: first.lower), upperLead = UInt8(truncatingIfNeeded: first.upper)
            var start = 0
            while start < bytes.count {
                if lowerLead == upperLead, let base = bytes.baseAddress {
                    // One lead byte in both cases ("-қосымша"): memchr skips to the next one.
                    guard let found = memchr(base + start, Int32(lowerLead), bytes.count - start) else { return false }
                    start = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                }
                let byte = bytes[start]
                if byte == lowerLead || byte == upperLead,
                   Self.read(bytes, start, first.lowerCount) == first.lower || Self.read(bytes, start, first.upperCount) == first.upper,
                   matchLength(at: start, in: bytes) != nil {
                    return true
                }
                start += 1
            }
            return false
        }
    }

    /// The byte length of the phrase's match starting at `start`, if it matches there.
    ///
    /// Where four bytes remain, one load is compared with a scalar's lowercase and uppercase
    /// encodings under their masks (the state-service labels ask this at about one byte in
    /// four of every short paragraph); near the end, byte by byte.
    func matchLength(at start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var at = start
        for position in positions {
            if at >= 0, at + 4 <= bytes.count, let base = bytes.baseAddress {
                let word = UInt32(littleEndian: UnsafeRawPointer(base + at).loadUnaligned(as: UInt32.self))
                guard let length = position.length(atStartOf: word) else { return nil }
                at += length
            } else if Self.read(bytes, at, position.lowerCount) == position.lower {
                at += position.lowerCount
            } else if Self.read(bytes, at, position.upperCount) == position.upper {
                at += position.upperCount
            } else {
                return nil
            }
        }
        return at - start
    }

    /// `count` (1 to 4) bytes at `offset`, packed little-endian; nil past either end. One
    /// four-byte load, masked, where four bytes remain (a phrase is tried at most positions).
    @inline(__always)
    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, _ count: Int) -> UInt32? {
        guard offset >= 0, offset + count <= bytes.count, let base = bytes.baseAddress else { return nil }
        if offset + 4 <= bytes.count {
            let word = UInt32(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt32.self))
            return count >= 4 ? word : word & ((1 << (8 * UInt32(count))) - 1)
        }
        var packed: UInt32 = 0
        for index in 0..<count { packed |= UInt32(bytes[offset + index]) << (8 * index) }
        return packed
    }

    static func withBytes<R>(_ text: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }
}

/// Phrases looked for together, each naming a value, in order of priority: `first(in:)` is the
/// value of the first phrase, in this order, that occurs in a text, found in one pass over the
/// text (asking each phrase in turn took one pass per phrase: a state-service label has 25).
/// The phrases are filed by the first two bytes of their first letter, in either case, so a
/// position of the text is tried only against the phrases that can start there.
struct PhraseSet<Value: Sendable>: Sendable {
    private let entries: [(phrase: Phrase, value: Value)]
    /// By `b0 | b1 << 8`: 1 + the index in `lists` of the entries (in priority order) that can
    /// start with bytes b0, b1, or 0 for none. A flat table (128 KB), not a dictionary: it is
    /// looked up at every byte of every text asked, and hashing each key was half the search.
    private let table: [UInt16]
    /// The lists of entry indices, one after the other: list `i` is `listed[lists[i]]`.
    private let lists: [Range<Int>]
    private let listed: [Int]
    /// Each entry's second scalar, read where its first one ends: a start whose first two bytes
    /// file it under an entry is screened by one load before the whole phrase is matched (most
    /// starts share only the first letter).
    private let screens: [Screen]

    /// The second scalar of a phrase whose first one is as long in either case (`offset` bytes;
    /// 0 for no screen: a phrase of one scalar, or of a first one whose cases differ in length).
    private struct Screen {
        let offset: Int
        let second: Phrase.Position?

        init(_ phrase: Phrase) {
            let first = phrase.positions[0]
            if phrase.positions.count > 1, first.lowerCount == first.upperCount {
                (offset, second) = (first.lowerCount, phrase.positions[1])
            } else {
                (offset, second) = (0, nil)
            }
        }

        /// False when the text at `start` cannot hold the phrase (its second scalar differs);
        /// true when it may, or when there are not four bytes to read.
        @inline(__always)
        func admits(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
            guard let second, start + offset + 4 <= bytes.count, let base = bytes.baseAddress else { return true }
            let word = UInt32(littleEndian: UnsafeRawPointer(base + start + offset).loadUnaligned(as: UInt32.self))
            return second.length(atStartOf: word) != nil
        }
    }

    init(_ entries: [(Phrase, Value)]) {
        self.entries = entries.map { (phrase: $0.0, value: $0.1) }
        screens = entries.map { Screen($0.0) }
        var candidates: [UInt16: [Int]] = [:]
        for (index, (phrase, _)) in entries.enumerated() {
            let first = phrase.positions[0]
            var keys: Set<UInt16> = []
            for (packed, count) in [(first.lower, first.lowerCount), (first.upper, first.upperCount)] {
                let lead = UInt16(packed & 0xFF)
                // A one-byte letter may be followed by any byte.
                for second in count == 1 ? Array(0..<256) : [UInt16((packed >> 8) & 0xFF)] {
                    keys.insert(lead | second << 8)
                }
            }
            for key in keys { candidates[key, default: []].append(index) }
        }
        var table = [UInt16](repeating: 0, count: 1 << 16)
        var lists: [Range<Int>] = []
        var listed: [Int] = []
        var listIndex: [[Int]: Int] = [:]
        for key in candidates.keys.sorted() {
            let list = candidates[key, default: []]
            let index = listIndex[list] ?? lists.count
            if index == lists.count {
                precondition(index < Int(UInt16.max), "more than \(UInt16.max) lists of candidate phrases")
                lists.append(listed.count..<(listed.count + list.count))
                listed += list
                listIndex[list] = index
            }
            table[Int(key)] = UInt16(index + 1)
        }
        self.table = table
        self.lists = lists
        self.listed = listed
    }

    /// The value of the first phrase (in priority order) that occurs in `text`, in any case.
    func first(in text: some StringProtocol) -> Value? {
        Phrase.withBytes(text) { bytes in
            table.withUnsafeBufferPointer { table in
                var best = entries.count
                var start = 0
                while start < bytes.count, best > 0 {
                    let key = UInt16(bytes[start]) | (start + 1 < bytes.count ? UInt16(bytes[start + 1]) << 8 : 0)
                    let list = Int(table[Int(key)])
                    if list > 0 {
                        for index in listed[lists[list - 1]] {
                            guard index < best else { break }
                            if screens[index].admits(bytes, at: start),
                               entries[index].phrase.matchLength(at: start, in: bytes) != nil {
                                best = index
                                break
                            }
                        }
                    }
                    start += 1
                }
                return best < entries.count ? entries[best].value : nil
            }
        }
    }
}
