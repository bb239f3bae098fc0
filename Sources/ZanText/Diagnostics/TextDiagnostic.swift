/// The catalogue of ZanText's diagnostics: reading, normalization and the lexicon.
/// The case name is the ID (`text.<kebab-case name>`).
public enum TextDiagnostic: DiagnosticMessage, Hashable {
    /// The file is not valid UTF-8.
    case invalidUTF8(bytes: [UInt8], offset: Int)
    /// The file is larger than `SourceFile.maximumSize`.
    case fileTooLarge(size: Int, limit: Int)
    /// Control characters (NUL, C0 and C1 other than tab and line ends) replaced by spaces.
    case controlCharacters(scalars: [Unicode.Scalar])
    /// Latin look-alike letters inside a Cyrillic-dominant word were replaced by Cyrillic ones.
    case homoglyphFolded(before: String, after: String)
    /// A word mixes Latin and Cyrillic letters but could not be folded safely.
    case mixedScriptWord(word: String)
    /// The document uses a legacy Kazakh font encoding (ќ for қ …); letters were repaired.
    case legacyFontRepaired(before: String, after: String)
    /// A non-NFC sequence was normalized to NFC.
    case nfcNormalized(before: String, after: String)
    /// A duration's digits and words disagree: "6 (бес)".
    case durationMismatch(digits: Int, words: Int, wordText: String)
    /// A date names a day that does not exist: "30 ақпан".
    case invalidDate(year: Int, month: Int, day: Int)

    public var id: DiagnosticID {
        let name: String
        switch self {
        case .invalidUTF8: name = "invalid-utf8"
        case .fileTooLarge: name = "file-too-large"
        case .controlCharacters: name = "control-characters"
        case .homoglyphFolded: name = "homoglyph-folded"
        case .mixedScriptWord: name = "mixed-script-word"
        case .legacyFontRepaired: name = "legacy-font-repaired"
        case .nfcNormalized: name = "nfc-normalized"
        case .durationMismatch: name = "duration-mismatch"
        case .invalidDate: name = "invalid-date"
        }
        return DiagnosticID(domain: "text", name: name)
    }

    public var severity: Severity {
        switch self {
        case .invalidUTF8, .fileTooLarge: .error
        case .controlCharacters, .mixedScriptWord, .durationMismatch, .invalidDate: .warning
        case .homoglyphFolded, .legacyFontRepaired, .nfcNormalized: .note
        }
    }

    public var message: String {
        switch self {
        case let .invalidUTF8(bytes, offset):
            let hex = bytes.map { String($0, radix: 16, uppercase: true) }
                .map { $0.count == 1 ? "0x0\($0)" : "0x\($0)" }.joined(separator: " ")
            return "file is not valid UTF-8: byte sequence \(hex) at byte offset \(offset); nothing was read"
        case let .fileTooLarge(size, limit):
            return "file is \(TextDiagnostic.mebibytes(size)); Zan reads files up to \(TextDiagnostic.mebibytes(limit)); nothing was read"
        case let .controlCharacters(scalars):
            var shown = TextDiagnostic.codePoints(String(String.UnicodeScalarView(scalars.prefix(8))))
            if scalars.count > 8 { shown += " … (\(scalars.count) in all)" }
            let plural = scalars.count > 1
            return "control character\(plural ? "s" : "") \(shown) replaced by \(plural ? "spaces" : "a space") (not text: a damaged extraction?)"
        case let .homoglyphFolded(before, after):
            return "Latin look-alike letters folded to Cyrillic: \"\(before)\" → \"\(after)\""
        case let .mixedScriptWord(word):
            return "word \"\(word)\" mixes Latin and Cyrillic letters and was left as it is"
        case let .legacyFontRepaired(before, after):
            return "legacy Kazakh font letters repaired: \"\(before)\" → \"\(after)\""
        case let .nfcNormalized(before, after):
            return "text normalized to NFC: \(TextDiagnostic.codePoints(before)) → \(TextDiagnostic.codePoints(after))"
        case let .durationMismatch(digits, words, wordText):
            return "duration digits and words disagree: \(digits) is written \"(\(wordText))\", which reads \(words)"
        case let .invalidDate(year, month, day):
            return "date \(year)-\(month)-\(day) does not exist"
        }
    }

    /// "32.0 MiB".
    static func mebibytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + (1 << 19)) >> 20
        return "\(tenths / 10).\(tenths % 10) MiB"
    }

    /// "и U+0306" style: NFC changes are invisible when printed as text.
    static func codePoints(_ text: String) -> String {
        text.unicodeScalars.map { scalar in
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }.joined(separator: " ")
    }
}
