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

        /// The mask that keeps the first `count` bytes (1 to 4) of a four-byte load.
        fileprivate static func mask(_ count: Int) -> UInt32 {
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

    /// The byte length of the phrase's shortest spelling (each letter in its shorter case).
    var shortestLength: Int {
        positions.reduce(0) { $0 + min($1.lowerCount, $1.upperCount) }
    }

    /// The first `length` bytes (packed little-endian) of every spelling of the phrase, its
    /// letters in either case: at most two choices for each of the (at most four) letters that
    /// the first bytes cover. `length` is at most `shortestLength` and at most 4.
    func prefixes(length: Int) -> [UInt32] {
        var prefixes: [UInt32] = []
        func extend(_ packed: UInt32, _ count: Int, _ next: Int) {
            if count >= length {
                prefixes.append(packed & Position.mask(length))
                return
            }
            let position = positions[next]
            for (bytes, size) in [(position.lower, position.lowerCount), (position.upper, position.upperCount)] {
                extend(packed | bytes << (8 * UInt32(count)), count + size, next + 1)
            }
        }
        extend(0, 0, 0)
        return prefixes
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
    /// encodings under their masks; near the end, byte by byte.
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
///
/// A phrase is filed under its first bytes, in every combination of its letters' cases: the
/// first four bytes (fewer for a phrase shorter than that in one of its cases), hashed to 16
/// bits. The pass loads four bytes at each position, hashes them and tests one bit of an 8 KB
/// map; only where the bit is set are the phrases filed there matched. Filing phrases by their
/// first letter alone sent most positions of a Cyrillic text to a list of candidates (sixteen
/// letters, among the commonest, start a state-service key phrase); a phrase's first two
/// letters together are rare.
struct PhraseSet<Value: Sendable>: Sendable {
    private let entries: [(phrase: Phrase, value: Value)]
    /// The key lengths in use (in bytes, 1 to 4), longest first: 4 unless a phrase is shorter.
    let keyLengths: [Int]
    /// Bit `bucket` is set when some phrase is filed under that bucket.
    private let map: [UInt64]
    /// By bucket: 1 + the index in `lists` of the entries (in priority order) filed there, or 0.
    private let buckets: [UInt16]
    /// The lists of entry indices, one after the other: list `i` is `listed[lists[i]]`.
    private let lists: [Range<Int>]
    private let listed: [Int]

    init(_ entries: [(Phrase, Value)]) {
        self.entries = entries.map { (phrase: $0.0, value: $0.1) }
        var candidates: [Int: [Int]] = [:]
        var lengths: Set<Int> = []
        for (index, (phrase, _)) in entries.enumerated() {
            let length = min(4, phrase.shortestLength)
            lengths.insert(length)
            for prefix in Set(phrase.prefixes(length: length)) {
                candidates[Self.bucket(prefix, length: length), default: []].append(index)
            }
        }
        keyLengths = lengths.sorted(by: >)
        var map = [UInt64](repeating: 0, count: Self.bucketCount / 64)
        var buckets = [UInt16](repeating: 0, count: Self.bucketCount)
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
            buckets[key] = UInt16(index + 1)
            map[key >> 6] |= 1 << UInt64(key & 63)
        }
        self.map = map
        self.buckets = buckets
        self.lists = lists
        self.listed = listed
    }

    private static var bucketCount: Int { 1 << 16 }

    /// The bucket of a key: its `length` bytes (packed little-endian, the rest zero) hashed
    /// (Fibonacci hashing: the high bits of a product mix every byte).
    @inline(__always)
    private static func bucket(_ key: UInt32, length: Int) -> Int {
        Int(truncatingIfNeeded: ((key &+ UInt32(truncatingIfNeeded: length)) &* 0x9E37_79B1) >> 16)
    }

    /// The value of the first phrase (in priority order) that occurs in `text`, in any case.
    func first(in text: some StringProtocol) -> Value? {
        guard !entries.isEmpty else { return nil }
        return Phrase.withBytes(text) { bytes in
            map.withUnsafeBufferPointer { map in
                var best = entries.count
                // One pass per key length (one unless a phrase is shorter than four bytes).
                for length in keyLengths {
                    let mask = Phrase.Position.mask(length)
                    // Where four bytes can be loaded the scan runs on its own; the last three
                    // positions are read byte by byte.
                    let loadable = max(0, bytes.count - 3)
                    var start = 0
                    while best > 0, start + length <= bytes.count {
                        if start < loadable {
                            start = Self.nextMarked(in: bytes, from: start, to: loadable, mask: mask, length: length, map: map)
                            if start == loadable { continue }
                        }
                        let bucket = Self.bucket(Self.load(bytes, at: start) & mask, length: length)
                        if Self.isMarked(bucket, in: map) {
                            for index in listed[lists[Int(buckets[bucket]) - 1]] {
                                guard index < best else { break }
                                if entries[index].phrase.matchLength(at: start, in: bytes) != nil {
                                    best = index
                                    break
                                }
                            }
                        }
                        start += 1
                    }
                }
                return best < entries.count ? entries[best].value : nil
            }
        }
    }

    /// The first position in `start..<end` (where four bytes can be loaded) whose key is marked
    /// in the map, or `end`. Kept apart from the matching so that its loop holds few values.
    private static func nextMarked(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
                                   mask: UInt32, length: Int, map: UnsafeBufferPointer<UInt64>) -> Int {
        guard let base = bytes.baseAddress, end + 3 <= bytes.count else { return end }
        var at = start
        while at < end {
            let word = UInt32(littleEndian: UnsafeRawPointer(base + at).loadUnaligned(as: UInt32.self))
            if isMarked(bucket(word & mask, length: length), in: map) { return at }
            at += 1
        }
        return end
    }

    @inline(__always)
    private static func isMarked(_ bucket: Int, in map: UnsafeBufferPointer<UInt64>) -> Bool {
        map[bucket >> 6] & (1 << UInt64(bucket & 63)) != 0
    }

    /// The four bytes at `start`, packed little-endian; zeros past the end.
    @inline(__always)
    private static func load(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> UInt32 {
        if start + 4 <= bytes.count, let base = bytes.baseAddress {
            return UInt32(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt32.self))
        }
        var packed: UInt32 = 0
        for index in start..<bytes.count { packed |= UInt32(bytes[index]) << (8 * (index - start)) }
        return packed
    }
}
