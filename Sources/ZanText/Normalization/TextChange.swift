/// One edit the normalizer made: the original bytes it replaced and the normalized UTF-16 units
/// that stand for them. Changes are the whole offset map: between two changes the normalized text
/// is the original text, character for character.
public struct TextChange: Hashable, Sendable {
    public enum Kind: String, Sendable, Codable {
        /// A non-NFC sequence recomposed.
        case nfc
        /// A Latin look-alike letter in a Cyrillic word replaced by the Cyrillic letter.
        case homoglyph
        /// A legacy-font letter (ќ for қ …) replaced by the real Kazakh letter.
        case legacyFont = "legacy_font"
        /// A non-ASCII space (NBSP, thin space …) replaced by U+0020.
        case space
        /// A control character (NUL, C0 or C1 other than tab and line ends) replaced by U+0020.
        case control
    }

    public let kind: Kind
    /// The bytes of the original file that were replaced.
    public let original: SourceRange
    /// The UTF-16 units of the normalized text that replace them.
    public let normalized: Range<Int>

    public init(kind: Kind, original: SourceRange, normalized: Range<Int>) {
        self.kind = kind
        self.original = original
        self.normalized = normalized
    }
}
