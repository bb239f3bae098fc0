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
        var bytes = 0
        for unit in units {
            guard mapsAlone(unit) else { return String.fromUTF16(units).lowercased() }
            let lowered = lower(unit)
            // Every ASCII and Cyrillic lowercase is below U+0800 (the tests map each unit);
            // should ICU ever say otherwise, its transcoder handles the word.
            guard lowered < 0x800 else { return String.fromUTF16(units).lowercased() }
            bytes += lowered < 0x80 ? 1 : 2
        }
        return String(unsafeUninitializedCapacity: bytes) { buffer in
            var count = 0
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
    }

    /// `text.lowercased()`, as `lowercased(_:)` gives it from the text's units.
    public static func lowercased(_ text: String) -> String {
        Array(text.utf16).withUnsafeBufferPointer(lowercased)
    }

    /// `text` case-folded by ICU (full folding: what a caseless match compares), in one pass
    /// over a long text: a search for lowercase words in any case of them. (`lowercased`
    /// leaves a text with a unit outside ASCII and Cyrillic — a «quote», a dash — to the
    /// standard library, thousands of instructions a word.)
    public static func folded(_ text: String) -> String {
        let original = text
        var text = text
        return text.withUTF8 { bytes -> String in
            guard let source = bytes.baseAddress, bytes.count < Int(Int32.max) / 3 else { return original.lowercased() }
            var status: Int32 = 0
            // UTF-16 never needs more units than UTF-8 needs bytes.
            let units = [UInt16](unsafeUninitializedCapacity: max(bytes.count, 1)) { dest, count in
                let written = Int(zan_icu_utf8_to_utf16(source, Int32(bytes.count), dest.baseAddress, Int32(dest.count), &status))
                count = status > 0 ? 0 : written
            }
            guard status <= 0 else { return original.lowercased() }
            // Folding can lengthen a text (ß → ss, ΐ → three): room for three units a unit.
            let capacity = max(units.count * 3, 1)
            let folded = [UInt16](unsafeUninitializedCapacity: capacity) { dest, count in
                let written = units.withUnsafeBufferPointer {
                    Int(zan_icu_fold_case($0.baseAddress, Int32($0.count), dest.baseAddress, Int32(capacity), &status))
                }
                count = status > 0 ? 0 : written
            }
            guard status <= 0 else { return original.lowercased() }
            return folded.withUnsafeBufferPointer(String.fromUTF16)
        }
    }
}
