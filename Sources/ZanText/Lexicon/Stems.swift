extension String {
    /// What follows `stem` when the string starts with it, or nil. Compared byte by byte: the
    /// lexicons and the texts they are matched against are both NFC, where equal bytes and equal
    /// characters agree, and the byte comparison is many times cheaper than `hasPrefix`, which
    /// compares grapheme clusters under canonical equivalence (the lexicon's hot spot).
    @inline(__always)
    public func ending(after stem: String) -> String? {
        let bytes = utf8
        guard bytes.count >= stem.utf8.count, bytes.starts(with: stem.utf8) else { return nil }
        // `stem` is whole scalars, so the byte after it starts a scalar.
        return String(Substring(bytes[bytes.index(bytes.startIndex, offsetBy: stem.utf8.count)...]))
    }
}
