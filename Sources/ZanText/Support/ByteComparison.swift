extension String {
    /// `hasPrefix` on the UTF-8 bytes. Zan's texts are NFC, as are the literals they are
    /// compared with, and for NFC text equal bytes and equal scalars agree; `hasPrefix` compares
    /// grapheme clusters under canonical equivalence, about a thousand instructions a call on a
    /// Cyrillic text (its byte fast path needs both strings known to be NFC, which a text read
    /// from a file is not). The one difference: a combining mark right after the prefix, which
    /// `hasPrefix` reads as part of the prefix's last character, does not undo the match here.
    @inline(__always)
    public func hasPrefixBytes(_ prefix: String) -> Bool {
        utf8.count >= prefix.utf8.count && utf8.starts(with: prefix.utf8)
    }

    /// `hasSuffix` on the UTF-8 bytes (as `hasPrefixBytes`). The one difference: a suffix whose
    /// first scalar joins the character before it (a combining mark) matches here and not there.
    @inline(__always)
    public func hasSuffixBytes(_ suffix: String) -> Bool {
        utf8.count >= suffix.utf8.count && utf8.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
    }

    /// `contains` on the UTF-8 bytes, for NFC texts and needles (as `hasPrefixBytes`): eIds, and
    /// words in lowercased text, where Foundation's `contains` bridges both strings to
    /// `NSString` and compares them character cluster by cluster.
    public func containsBytes(_ needle: String) -> Bool {
        guard let first = needle.utf8.first else { return true }
        var rest = utf8[...]
        while let found = rest.firstIndex(of: first) {
            if utf8[found...].starts(with: needle.utf8) { return true }
            rest = utf8[utf8.index(after: found)...]
        }
        return false
    }
}
