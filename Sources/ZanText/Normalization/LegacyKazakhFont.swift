/// Legacy Kazakh font encodings: before Unicode had Kazakh letters, documents typed them as
/// other Cyrillic letters (ќ for қ, ѕ for ң …). Detected per document so that Ukrainian,
/// Serbian or Macedonian text, which uses some of the same letters legitimately, is never touched.
enum LegacyKazakhFont {
    /// Legacy letter → real Kazakh letter (DESIGN.md §2).
    static let repairs: [UInt16: UInt16] = [
        0x045C: 0x049B, 0x040C: 0x049A,  // ќ Ќ → қ Қ
        0x0455: 0x04A3, 0x0405: 0x04A2,  // ѕ Ѕ → ң Ң
        0x045E: 0x04B1, 0x040E: 0x04B0,  // ў Ў → ұ Ұ
        0x0491: 0x04E9, 0x0490: 0x04E8,  // ґ Ґ → ө Ө
        0x0454: 0x0493, 0x0404: 0x0492,  // є Є → ғ Ғ
        0x0458: 0x04D9, 0x0408: 0x04D8,  // ј Ј → ә Ә
        0x0457: 0x04AF, 0x0407: 0x04AE,  // ї Ї → ү Ү
        0x045B: 0x04BB, 0x040B: 0x04BA,  // ћ Ћ → һ Һ
    ]

    /// The document is legacy-encoded when it has no real Kazakh letter (ә ғ қ ң ө ұ ү һ), has
    /// ќ or ѕ (which no other Cyrillic orthography but Macedonian uses; Ukrainian's є ї ґ alone
    /// prove nothing), and has none of the letters only Serbian or Macedonian use (ђ ѓ љ њ џ).
    /// - Complexity: O(n), one pass, which stops at the first real Kazakh or foreign letter (a
    /// Kazakh text has one within its first words).
    static func isLegacy(_ units: [UInt16]) -> Bool {
        units.withUnsafeBufferPointer { buffer in
            var hasMarker = false
            // Basic Cyrillic А–я (U+0410–U+044F), the bulk of any text, holds none of these.
            for unit in buffer where unit >= 0x0400 && unit < 0x0500 && (unit < 0x0410 || unit > 0x044F) {
                switch unit {
                case 0x045C, 0x040C, 0x0455, 0x0405: hasMarker = true
                case 0x0492, 0x0493, 0x049A, 0x049B, 0x04A2, 0x04A3, 0x04AE, 0x04AF,
                     0x04B0, 0x04B1, 0x04BA, 0x04BB, 0x04D8, 0x04D9, 0x04E8, 0x04E9: return false  // real Kazakh
                case 0x0402, 0x0452, 0x0403, 0x0453, 0x0409, 0x0459, 0x040A, 0x045A, 0x040F, 0x045F:
                    return false  // Serbian or Macedonian
                default: break
                }
            }
            return hasMarker
        }
    }
}

/// Latin letters that look like Cyrillic ones (DESIGN.md §2): folded only inside words whose
/// letters are mostly Cyrillic.
enum Homoglyphs {
    static let latinToCyrillic: [UInt16: UInt16] = [
        0x61: 0x0430, 0x63: 0x0441, 0x65: 0x0435, 0x6F: 0x043E, 0x70: 0x0440, 0x78: 0x0445,
        0x79: 0x0443, 0x69: 0x0456,                         // a c e o p x y i
        0x41: 0x0410, 0x42: 0x0412, 0x43: 0x0421, 0x45: 0x0415, 0x48: 0x041D, 0x49: 0x0406,
        0x4B: 0x041A, 0x4D: 0x041C, 0x4F: 0x041E, 0x50: 0x0420, 0x54: 0x0422, 0x58: 0x0425,
        0x59: 0x0423,                                       // A B C E H I K M O P T X Y
        0x0259: 0x04D9, 0x018F: 0x04D8,                     // ə Ə → ә Ә
        0x68: 0x04BB,                                       // h → һ
    ]
}
