import ZanICU

/// Lowercasing the words of Kazakh and Russian texts without the standard library's full
/// Unicode machinery. `String.lowercased()` looks every scalar up in its property tables and
/// special mappings (thousands of instructions a word); for ASCII and Cyrillic (U+0400–U+052F)
/// one UTF-16 unit maps to one, and ICU's simple mapping agrees with the full one there (no
/// special casing in those blocks; tests compare both on every unit of them).
public enum CaseMapping {
    /// One unit's lowercase by ICU's simple mapping (a surrogate is left alone).
    @inline(__always)
    public static func lower(_ unit: UInt16) -> UInt16 {
        if unit < 0x80 { return unit >= 0x41 && unit <= 0x5A ? unit | 0x20 : unit }
        // а–я, ѐ–џ are lowercase already, А–Я and Ѐ–Џ are one step from it: no need to ask
        // ICU (most words start with one of them).
        if unit >= 0x0430 && unit <= 0x045F { return unit }
        if unit >= 0x0410 && unit <= 0x042F { return unit + 0x20 }
        if unit >= 0x0400 && unit <= 0x040F { return unit + 0x50 }
        // Cyrillic's extended letters (Kazakh ә ғ қ ң ө ұ ү һ among them) come in pairs, capital
        // at the even code point: U+0460–U+0481, U+048A–U+04BF and U+04D0–U+04FF.
        if (unit >= 0x0460 && unit <= 0x0481) || (unit >= 0x048A && unit <= 0x04BF)
            || (unit >= 0x04D0 && unit <= 0x04FF) { return unit | 1 }
        if (unit & 0xF800) == 0xD800 { return unit }
        return UInt16(truncatingIfNeeded: zan_icu_to_lower(Int32(unit)))
    }

    /// True for a unit whose simple lowercase is its full one: ASCII and Cyrillic.
    @inline(__always)
    static func mapsAlone(_ unit: UInt16) -> Bool {
        unit < 0x80 || (unit >= 0x0400 && unit < 0x0530)
    }

    /// The lowercase of a text's UTF-16 units: what `String.lowercased()` gives, unit by unit
    /// when every unit is ASCII or Cyrillic, else through the standard library.
    ///
    /// A lowercase ASCII or Cyrillic letter is below U+0800: one or two bytes of UTF-8, written
    /// here as each unit is mapped. (Handing each word's units to ICU's transcoder was three
    /// quarters of the cost of a word's lowercase; a build lowercases every word it reads.)
    public static func lowercased(_ units: UnsafeBufferPointer<UInt16>) -> String {
        // Every ASCII and Cyrillic lowercase is below U+0800 (the tests map each unit); should
        // ICU ever say otherwise, its transcoder handles the word.
        guard let bytes = lowercasedByteCount(units) else { return String.fromUTF16(units).lowercased() }
        return String(unsafeUninitializedCapacity: bytes) { writeLowercased(units, to: $0, at: 0) }
    }

    /// How many UTF-8 bytes `lowercased(units)` has, when every unit is ASCII or Cyrillic
    /// (each maps to one); nil otherwise.
    public static func lowercasedByteCount(_ units: UnsafeBufferPointer<UInt16>) -> Int? {
        var bytes = 0
        for unit in units {
            guard mapsAlone(unit) else { return nil }
            let lowered = lower(unit)
            guard lowered < 0x800 else { return nil }
            bytes += lowered < 0x80 ? 1 : 2
        }
        return bytes
    }

    /// Writes the UTF-8 bytes of `lowercased(units)` into `buffer` from `start`, for units
    /// `lowercasedByteCount` counted; returns where they end.
    public static func writeLowercased(_ units: UnsafeBufferPointer<UInt16>, to buffer: UnsafeMutableBufferPointer<UInt8>,
                                       at start: Int) -> Int {
        var count = start
        for unit in units {
            let lowered = lower(unit)
            if lowered < 0x80 {
                buffer[count] = UInt8(lowered)
                count += 1
            } else {
                buffer[count] = 0xC0 | UInt8(lowered >> 6)
                buffer[count + 1] = 0x80 | UInt8(lowered & 0x3F)
                count += 2
            }
        }
        return count
    }

    /// `text.lowercased()`, as `lowercased(_:)` gives it from the text's units.
    public static func lowercased(_ text: String) -> String {
        Array(text.utf16).withUnsafeBufferPointer(lowercased)
    }

    /// The UTF-8 bytes of `texts` joined by line feeds, each ASCII and Cyrillic scalar
    /// lowercased as `lowercased(_:)` maps it, any other scalar's bytes as they are: a word of
    /// the texts lowercased is a piece of it, for a quick search of a whole document for words
    /// (`Verb.mayOccur`). Mapped byte by byte: folding the whole text through ICU (to UTF-16,
    /// folded, back) cost 40 instructions a byte.
    public static func lowercasedUTF8(joining texts: [String]) -> [UInt8] {
        // As many bytes as the texts and their line feeds: a scalar lowercased here keeps its
        // length (ASCII stays one byte, Cyrillic two).
        let total = texts.reduce(max(texts.count - 1, 0)) { $0 + $1.utf8.count }
        return [UInt8](unsafeUninitializedCapacity: total) { out, count in
            count = 0
            for (index, text) in texts.enumerated() {
                if index > 0 {
                    out[count] = 0x0A
                    count += 1
                }
                text.withBytes { bytes in
                    var at = 0
                    while at < bytes.count {
                        let byte = bytes[at]
                        if byte < 0x80 {
                            out[count] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                            count += 1
                            at += 1
                        } else if byte & 0xE0 == 0xC0, at + 1 < bytes.count {
                            // Two bytes: U+0080–U+07FF; Cyrillic is U+0400–U+052F.
                            let value = UInt16(byte & 0x1F) << 6 | UInt16(bytes[at + 1] & 0x3F)
                            var lowered = value >= 0x400 && value < 0x530 ? lower(value) : value
                            if lowered >= 0x800 { lowered = value }
                            out[count] = 0xC0 | UInt8(lowered >> 6)
                            out[count + 1] = 0x80 | UInt8(lowered & 0x3F)
                            count += 2
                            at += 2
                        } else {
                            out[count] = byte
                            count += 1
                            at += 1
                        }
                    }
                }
            }
        }
    }
}
