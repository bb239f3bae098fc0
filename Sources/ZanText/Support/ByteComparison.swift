#if canImport(Glibc)
import Glibc
#endif
import ZanSystem

extension [UInt8] {
    /// True when `needle`'s UTF-8 bytes occur in these bytes (`memmem`); an empty needle does.
    public func containsBytes(_ needle: String) -> Bool {
        needle.withBytes { needle in withUnsafeBufferPointer { ByteSearch.occurs(needle, in: $0) } }
    }
}

/// The C library's `memmem` on two buffers, for `containsBytes` on strings and on bytes.
enum ByteSearch {
    /// True when `needle` occurs in `haystack`; an empty needle does.
    static func occurs(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty else { return true }
        guard let base = haystack.baseAddress, let bytes = needle.baseAddress else { return false }
        return zan_find_bytes(base, Int64(haystack.count), bytes, Int64(needle.count)) >= 0
    }
}

/// Tests on the eight bytes of a 64-bit word at once (the classic zero-byte and below-a-bound
/// tests), exact for "any of the eight": a scan skips eight bytes at a time where none is one
/// it looks for (`JSON.needsEscape`, `SourceFile.endsLine`).
enum WordBytes {
    static let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080

    /// True when one of the eight bytes of `word` is `byte`.
    @inline(__always)
    static func contain(_ byte: UInt8, in word: UInt64) -> Bool {
        let matches = word ^ (ones &* UInt64(byte))
        return (matches &- ones) & ~matches & highs != 0
    }

    /// True when one of the eight bytes of `word` is below `bound` (at most 0x80).
    @inline(__always)
    static func contain(below bound: UInt8, in word: UInt64) -> Bool {
        (word &- ones &* UInt64(bound)) & ~word & highs != 0
    }
}

extension String {
    /// `body` over the string's UTF-8 bytes: in place for a native string (what Zan's texts
    /// are), else over a copy made contiguous. `withUTF8` needs a `var`, and the copy it is
    /// called on was retained and released at each of the lexicon's hundreds of thousands of
    /// calls a build.
    @inlinable
    public func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }

    /// `hasPrefix` on the UTF-8 bytes. Zan's texts are NFC, as are the literals they are
    /// compared with, and for NFC text equal bytes and equal scalars agree; `hasPrefix` compares
    /// grapheme clusters under canonical equivalence, about a thousand instructions a call on a
    /// Cyrillic text (its byte fast path needs both strings known to be NFC, which a text read
    /// from a file is not). The one difference: a combining mark right after the prefix, which
    /// `hasPrefix` reads as part of the prefix's last character, does not undo the match here.
    @inline(__always)
    public func hasPrefixBytes(_ prefix: String) -> Bool {
        utf8.count >= prefix.utf8.count && bytes(at: 0, are: prefix)
    }

    /// `hasSuffix` on the UTF-8 bytes (as `hasPrefixBytes`). The one difference: a suffix whose
    /// first scalar joins the character before it (a combining mark) matches here and not there.
    @inline(__always)
    public func hasSuffixBytes(_ suffix: String) -> Bool {
        utf8.count >= suffix.utf8.count && bytes(at: utf8.count - suffix.utf8.count, are: suffix)
    }

    /// True when the bytes from `offset` on start with `other`'s (the caller has checked that
    /// there are enough of them). A native or literal string's bytes are read in place, both
    /// at once; stepping the two `utf8` views' iterators was about 200 instructions a call, and
    /// the lexicon makes hundreds of thousands of calls a build.
    @inline(__always)
    func bytes(at offset: Int, are other: String) -> Bool {
        let inPlace = utf8.withContiguousStorageIfAvailable { mine in
            other.utf8.withContiguousStorageIfAvailable { theirs in
                guard let a = mine.baseAddress, let b = theirs.baseAddress else { return theirs.isEmpty }
                return memcmp(a + offset, b, theirs.count) == 0
            }
        }
        if let inPlace, let inPlace { return inPlace }
        return utf8.dropFirst(offset).starts(with: other.utf8)
    }

    /// `contains` on the UTF-8 bytes, for NFC texts and needles (as `hasPrefixBytes`): eIds,
    /// words in lowercased text, the words an edit changes in a paragraph, where Foundation's
    /// `contains` bridges both strings to `NSString` and compares them character cluster by
    /// cluster. The bytes are searched by the C library's `memmem` (as `[UInt8].containsBytes`
    /// searches a whole attachment's lowercased bytes for the verbs).
    public func containsBytes(_ needle: String) -> Bool {
        withBytes { haystack in needle.withBytes { ByteSearch.occurs($0, in: haystack) } }
    }

    /// `replacingOccurrences(of:with:)` on the UTF-8 bytes, for NFC texts and needles (as
    /// `containsBytes`): each occurrence of `target`, left to right and not overlapping, becomes
    /// `replacement`; an empty target changes nothing. Foundation's bridges both strings to
    /// `NSString` and searches them character cluster by character cluster: an edit of the
    /// words of a document searched every paragraph of it that way, 40,000 instructions each.
    /// The one difference: a combining mark right after an occurrence, which Foundation reads
    /// as part of its last character, does not undo the match here.
    public func replacingBytes(of target: String, with replacement: String) -> String {
        let text = Array(utf8), needle = Array(target.utf8), new = Array(replacement.utf8)
        guard !needle.isEmpty, needle.count <= text.count else { return self }
        var out: [UInt8] = []
        var start = 0
        text.withUnsafeBufferPointer { text in
            needle.withUnsafeBufferPointer { needle in
                guard let base = text.baseAddress, let bytes = needle.baseAddress else { return }
                while start < text.count {
                    let found = zan_find_bytes(base + start, Int64(text.count - start), bytes, Int64(needle.count))
                    guard found >= 0 else { break }
                    out.append(contentsOf: text[start..<start + Int(found)])
                    out.append(contentsOf: new)
                    start += Int(found) + needle.count
                }
                out.append(contentsOf: text[start...])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
