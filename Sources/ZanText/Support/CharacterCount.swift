extension String {
    /// `count` (the text's characters: grapheme clusters), counted by scalars where every
    /// scalar is a character of its own (`standsAlone`). Any other scalar leaves the count to
    /// `count`, which runs Unicode's grapheme rules: on Kazakh and Russian text, ten times
    /// slower and the same answer.
    public var characterCount: Int {
        var scalars = 0
        for scalar in unicodeScalars {
            guard Self.standsAlone(scalar.value) else { return count }
            scalars += 1
        }
        return scalars
    }

    /// True for a scalar that is a character of its own whatever stands next to it: printable
    /// ASCII, tab and line feed (no carriage return, which joins a line feed), Latin-1 to the
    /// spacing modifiers (below the combining marks at U+0300), Cyrillic without its combining
    /// marks (U+0483–U+0489), the dashes, quotes and other general punctuation (not the
    /// joiners U+200B–U+200F and U+2060–U+206F), and the numero sign "№" of every act's number.
    @inline(__always)
    static func standsAlone(_ value: UInt32) -> Bool {
        (value >= 0x20 && value < 0x7F) || value == 0x09 || value == 0x0A || (value >= 0xA0 && value < 0x300)
            || (value >= 0x400 && value < 0x483) || (value >= 0x48A && value < 0x530)
            || (value >= 0x2010 && value < 0x2028) || (value >= 0x2030 && value < 0x205F) || value == 0x2116
    }
}

extension ArraySlice<UInt8> {
    /// The characters of these bytes read as UTF-8: `String(decoding:as:).characterCount`,
    /// counted on the bytes where each scalar stands alone, without making the string. (A
    /// node's provenance counts the characters of its line up to its start and its end, and a
    /// fact's span those of its paragraph before it: the string made of those bytes was half
    /// the cost.) Anything else — a scalar that may join its neighbours, bytes that are not
    /// UTF-8 — is left to the string, which repairs them as it always did.
    public var utf8CharacterCount: Int {
        let counted = withUnsafeBufferPointer { bytes -> Int? in
            var characters = 0, index = 0
            while index < bytes.count {
                let lead = bytes[index]
                let value: UInt32
                if lead < 0x80 {
                    value = UInt32(lead)
                    index += 1
                } else if lead >= 0xC2 && lead < 0xE0 {
                    guard index + 1 < bytes.count, bytes[index + 1] & 0xC0 == 0x80 else { return nil }
                    value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                    index += 2
                } else if lead >= 0xE0 && lead < 0xF0 {
                    guard index + 2 < bytes.count, bytes[index + 1] & 0xC0 == 0x80, bytes[index + 2] & 0xC0 == 0x80 else { return nil }
                    value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                    // An overlong form ("/" as E0 80 AF) is not UTF-8: the string repairs it.
                    guard value >= 0x800 else { return nil }
                    index += 3
                } else {
                    return nil
                }
                // A surrogate (ED A0 80 …) stands in none of the ranges.
                guard String.standsAlone(value) else { return nil }
                characters += 1
            }
            return characters
        }
        return counted ?? String(decoding: self, as: UTF8.self).characterCount
    }
}
