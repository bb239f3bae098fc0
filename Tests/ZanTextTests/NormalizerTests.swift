import Testing
import ZanCorpusGen
import ZanICU
import ZanTestSupport
@testable import ZanText

@Suite("Normalization")
struct NormalizerTests {
    func normalize(_ text: String) -> NormalizedText {
        Normalizer().normalize(SourceFile(text: text))
    }

    @Test("NFC through ICU: decomposed й and ё are composed, and the map still finds the original")
    func nfc() {
        let decomposed = "Мен и\u{0306}е, е\u{0308}лка сөз"
        let text = normalize(decomposed)
        #expect(text.string == "Мен йе, ёлка сөз")
        #expect(text.changes.map(\.kind) == [.nfc, .nfc])
        #expect(text.diagnostics.map(\.message) == [
            "text normalized to NFC: U+0438 U+0306 → U+0439",
            "text normalized to NFC: U+0435 U+0308 → U+0451",
        ])
        // "сөз" starts after two decompositions (each one unit longer in UTF-16 than composed).
        let normalizedStart = text.string.utf16.count - 3
        let originalStart = decomposed.utf8.count - "сөз".utf8.count
        #expect(text.originalOffset(ofUnit: normalizedStart) == originalStart)
    }

    @Test("text already in NFC is untouched and has no changes")
    func alreadyNFC() {
        let text = normalize("Қазақстан Республикасы Әділет министрлігі")
        #expect(text.changes.isEmpty)
        #expect(text.diagnostics.isEmpty)
    }

    @Test("Latin look-alikes in Cyrillic words fold; Latin words and URLs stay")
    func homoglyphs() {
        let text = normalize("Мемлекеттiк портал www.egov.kz және e-Qazyna, ЭЦҚ-мен, келiсiм")
        #expect(text.string == "Мемлекеттік портал www.egov.kz және e-Qazyna, ЭЦҚ-мен, келісім")
        #expect(text.diagnostics.map(\.message) == [
            "Latin look-alike letters folded to Cyrillic: \"Мемлекеттiк\" → \"Мемлекеттік\"",
            "Latin look-alike letters folded to Cyrillic: \"келiсiм\" → \"келісім\"",
        ])
        #expect(text.diagnostics.allSatisfy { $0.severity == .note })
    }

    @Test("all seven mixed-script words of seed 002 are folded, and nothing else")
    func seed002Homoglyphs() throws {
        let file = try #require(Golden.source("corpus/V2500035943/kaz.txt"))
        let text = Normalizer().normalize(file)
        let folded = text.diagnostics.filter { $0.id.name == "homoglyph-folded" }
        #expect(folded.count == 7)
        #expect(folded.map { file.text(in: $0.range!) } == [
            "тәулiк", "мүшелерi", "Мемлекеттiк", "жекешелендiру", "Мемлекеттiк", "жекешелендiру", "келiсiм",
        ])
        #expect(text.string.contains("www.e-Qazyna.kz"))
        #expect(text.diagnostics.count == 7)
    }

    @Test("a mixed word that cannot be folded safely is a warning and stays as it is")
    func unfoldable() {
        let text = normalize("сөз Windowsтың және")
        #expect(text.string == "сөз Windowsтың және")
        #expect(text.diagnostics.map(\.id.name) == ["mixed-script-word"])
        #expect(text.diagnostics.first?.severity == .warning)
    }

    @Test("legacy Kazakh font letters are repaired when the document is legacy-encoded")
    func legacyFont() {
        let text = normalize("Ќазаќстан Республикасыныѕ аумаєындаєы жјне тїрлерін ўйымдардаєы мґлшері")
        #expect(text.string == "Қазақстан Республикасының аумағындағы және түрлерін ұйымдардағы мөлшері")
        #expect(text.usedLegacyFont)
        #expect(text.diagnostics.count == 7)  // one note per repaired word
        #expect(text.diagnostics.first?.message == "legacy Kazakh font letters repaired: \"Ќазаќстан\" → \"Қазақстан\"")
        #expect(text.changes.allSatisfy { $0.kind == .legacyFont })
    }

    @Test("Ukrainian, Serbian and Macedonian are never 'repaired'",
          arguments: [
            "Україна є державою, її ґанок і подвір'я",
            "Јован и Ћирило су ђаци, њихов џак",
            "Македонија: ќе дојде ѕвезда, ѓаволот и љубов",
          ])
    func notLegacy(_ sentence: String) {
        let text = normalize(sentence)
        #expect(text.string == sentence)
        #expect(!text.usedLegacyFont)
    }

    @Test("a document with real Kazakh letters is not legacy even if it has ќ")
    func mixedDocument() {
        let text = normalize("Қазақстан ќ")
        #expect(!text.usedLegacyFont)
        #expect(text.string == "Қазақстан ќ")
    }

    @Test("legacy detection does not depend on where in the text the deciding letters are", arguments: [
        ("ќазаќ", true), ("Ѕ", true),
        ("ќазаќ ... Қазақстан", false), ("Қазақстан ... ќазаќ", false),  // a real Kazakh letter, after or before
        ("ќазаќ ... њ", false), ("џ ... ќазаќ", false),                   // a Serbian or Macedonian letter
        ("є ї ґ", false), ("обычный текст", false), ("", false),
    ])
    func legacyDetection(_ text: String, _ legacy: Bool) {
        #expect(LegacyKazakhFont.isLegacy(Array(text.utf16)) == legacy)
    }

    @Test("NBSP and thin spaces become U+0020; the map counts their original bytes")
    func spaces() {
        let original = "бір\u{00A0}екі\u{2009}үш сөз"
        let text = normalize(original)
        #expect(text.string == "бір екі үш сөз")
        #expect(text.changes.map(\.kind) == [.space, .space])
        let normalizedStart = text.string.utf16.count - 3
        #expect(text.originalOffset(ofUnit: normalizedStart) == original.utf8.count - "сөз".utf8.count)
        #expect(text.diagnostics.isEmpty)
    }

    @Test("the offset map is exact across every kind of change at once")
    func offsetMapRoundTrip() {
        let original = "Мемлекеттiк\u{00A0}и\u{0306}eл сөз"
        let text = normalize(original)
        #expect(text.string == "Мемлекеттік йел сөз")
        #expect(text.changes.map(\.kind) == [.homoglyph, .space, .nfc, .homoglyph])
        let last = text.string.utf16.count - 3
        #expect(text.originalOffset(ofUnit: last) == original.utf8.count - "сөз".utf8.count)
        #expect(text.originalOffset(ofUnit: text.units.count) == original.utf8.count)
        // Each change's original bytes are exactly what it replaced.
        let file = SourceFile(text: original)
        #expect(text.changes.map { file.text(in: $0.original) } == ["i", "\u{00A0}", "и\u{0306}", "e"])
    }

    @Test("a run of units counts its UTF-8 bytes: one, two and three bytes, a surrogate pair, every width at every edge")
    func utf8Length() {
        let text = "a\u{7F}\u{80}қ\u{7FF}\u{800}€\u{FFFF}😀\u{10FFFF}z"
        let units = Array(text.utf16)
        units.withUnsafeBufferPointer { buffer in
            for from in 0...units.count {
                for to in from...units.count {
                    let expected = Array(text.utf16)[from..<to].reduce(0) { sum, unit in
                        sum + (unit < 0x80 ? 1 : unit < 0x800 || (0xD800..<0xE000).contains(unit) ? 2 : 3)
                    }
                    #expect(OffsetCursor.utf8Length(buffer, from: from, to: to) == expected, "\(from)..<\(to)")
                }
            }
            #expect(OffsetCursor.utf8Length(buffer, from: 0, to: units.count) == text.utf8.count)
            #expect(OffsetCursor.utf8Length(buffer, from: 3, to: 2) == 0)
        }
        // Longer than one block of the sum (2^20 units), and across the block's edge.
        let long = String(repeating: "қ😀a", count: 300_000)  // 1,200,000 units
        Array(long.utf16).withUnsafeBufferPointer { buffer in
            #expect(OffsetCursor.utf8Length(buffer, from: 0, to: buffer.count) == long.utf8.count)
            #expect(OffsetCursor.utf8Length(buffer, from: 1, to: buffer.count - 1) == long.utf8.count - 3)
        }
    }

    /// Every repair the normalizer makes (NFC, a folded look-alike, a legacy-font letter, a
    /// non-ASCII space, a control character), characters of 1 to 4 bytes, a BOM, CRLF.
    static let mapped: [(name: String, bytes: [UInt8], kinds: Set<TextChange.Kind>)] = [
        ("every repair", Array("Мемлекеттiк\u{00A0}қызмет и\u{0306}е 😀 € a\u{0001}b\r\nсөз 𝔸\u{10FFFF}".utf8),
         [.homoglyph, .space, .nfc, .control]),
        ("legacy font", Array("ќызмет кµрсету ўшін ќызметтi, ќаласы, ќазаќ ўлттыќ тiлi, ќаржы".utf8), [.legacyFont]),
        ("BOM", [0xEF, 0xBB, 0xBF] + Array("Бұйрық 😀\r\n\u{00A0}2-тармақ".utf8), [.space]),
        ("decomposed at the end", Array("сөз е\u{0308}".utf8), [.nfc]),
        ("empty", [], []),
    ]

    @Test("the source map, without the text, gives every unit the offset the normalized text gives",
          arguments: mapped)
    func sourceMap(_ input: (name: String, bytes: [UInt8], kinds: Set<TextChange.Kind>)) throws {
        let file = try SourceFile.decode(input.bytes, path: input.name).get()
        // Many strides long, so that lookups start from checkpoints after changes.
        let repeated = try SourceFile.decode(input.bytes + Array(repeating: input.bytes.dropFirst(file.textStart), count: 40).flatMap { $0 },
                                             path: input.name).get()
        for file in [file, repeated] {
            let text = Normalizer().normalize(file)
            let map = SourceMap(text)
            #expect(map.unitCount == text.units.count)
            for unit in -1...text.units.count + 1 {
                #expect(map.originalOffset(ofUnit: unit) == text.originalOffset(ofUnit: unit), "\(input.name): unit \(unit)")
            }
            #expect(map.originalRange(ofUnits: 0..<text.units.count) == SourceRange(file.textStart, file.bytes.count))
        }
        // The case exercises the repairs it is meant to.
        #expect(Set(Normalizer().normalize(file).changes.map(\.kind)).isSuperset(of: input.kinds))
    }

    /// A `mapped` input nine times over (its BOM, if any, stays inside), normalized: changes
    /// far from the start and across several checkpoints.
    static func nineTimes(_ input: (name: String, bytes: [UInt8], kinds: Set<TextChange.Kind>)) throws
        -> (file: SourceFile, text: NormalizedText) {
        let file = try SourceFile.decode(input.bytes + Array(repeating: input.bytes, count: 8).flatMap { $0 },
                                         path: input.name).get()
        return (file, Normalizer().normalize(file))
    }

    @Test("the forward cursor's short steps (summed a unit at a time) and long ones agree with random access, across every repair",
          arguments: mapped)
    func cursorSteps(_ input: (name: String, bytes: [UInt8], kinds: Set<TextChange.Kind>)) throws {
        let (file, text) = try Self.nineTimes(input)
        // Steps of 0 to 40 units: up to 32 take the short path, the rest the general one, and
        // each lands before, on, inside and after changes somewhere in the text.
        for first in 0..<41 {
            var cursor = OffsetCursor(changes: text.changes, start: file.textStart)
            var index = 0, step = first
            text.units.withUnsafeBufferPointer { buffer in
                while index <= buffer.count {
                    #expect(cursor.advance(to: index, in: buffer) == text.originalOffset(ofUnit: index),
                            "\(input.name): unit \(index), steps from \(first)")
                    index += step
                    step = (step + 7) % 41
                }
            }
        }
    }

    @Test("a cursor placed at any unit stands at the unit's original offset, and walks on from there",
          arguments: mapped)
    func cursorAtUnit(_ input: (name: String, bytes: [UInt8], kinds: Set<TextChange.Kind>)) throws {
        let (_, text) = try Self.nineTimes(input)
        text.units.withUnsafeBufferPointer { buffer in
            for index in 0...text.units.count {
                var cursor = text.cursor(at: index)
                #expect(cursor.offset == text.originalOffset(ofUnit: index), "\(input.name): unit \(index)")
                let later = min(index + 5, text.units.count)
                #expect(cursor.advance(to: later, in: buffer) == text.originalOffset(ofUnit: later), "\(input.name): unit \(later)")
            }
        }
    }

    @Test("a range is verbatim when no change has a unit in it or deleted bytes at its start or inside it")
    func verbatimRanges() {
        // Units "abіXde": і (unit 2) was a Latin i; a NUL was deleted before d (unit 4), as a
        // change that removes bytes is kept.
        let source = SourceFile(text: "abiX\u{0}de")
        let changes = [TextChange(kind: .homoglyph, original: SourceRange(2, 3), normalized: 2..<3),
                       TextChange(kind: .control, original: SourceRange(4, 5), normalized: 4..<4)]
        let text = NormalizedText(source: source, units: Array("abіXde".utf16), changes: changes,
                                  diagnostics: [], usedLegacyFont: false)
        #expect(text.isVerbatim(0..<2))   // ends where the homoglyph starts
        #expect(!text.isVerbatim(0..<3))
        #expect(!text.isVerbatim(2..<3))
        #expect(text.isVerbatim(3..<4))   // starts where the homoglyph ends, ends at the deletion
        #expect(!text.isVerbatim(3..<5))  // the deleted byte is inside
        #expect(!text.isVerbatim(4..<5))  // and at the start
        #expect(text.isVerbatim(5..<6))
        #expect(text.originalRange(ofUnits: 3..<4) == SourceRange(3, 4))
    }

    @Test("one unit's UTF-8 width at every edge: 1, 2 and 3 bytes, and 2 for each half of a surrogate pair")
    func utf8Width() {
        let widths: [(UInt16, Int)] = [(0, 1), (0x7F, 1), (0x80, 2), (0x4D9, 2), (0x7FF, 2), (0x800, 3),
                                       (0x20AC, 3), (0xD7FF, 3), (0xD800, 2), (0xDBFF, 2), (0xDC00, 2),
                                       (0xDFFF, 2), (0xE000, 3), (0xFFFF, 3)]
        for (unit, width) in widths {
            #expect(OffsetCursor.utf8Width(unit) == width, "\(unit)")
        }
    }

    @Test("random access and the forward cursor agree on a large text (checkpoints)")
    func checkpoints() {
        let line = "Мемлекеттiк\u{00A0}қызмет көрсету "
        let text = normalize(String(repeating: line, count: 300))
        var cursor = OffsetCursor(changes: text.changes, start: 0)
        text.units.withUnsafeBufferPointer { buffer in
            for index in stride(from: 0, through: text.units.count, by: 97) {
                #expect(cursor.advance(to: index, in: buffer) == text.originalOffset(ofUnit: index))
            }
        }
    }
}

@Suite("Letter edits: the units a run steps over")
struct LetterEditRunTests {
    /// The bit table says what the range tests it replaced said: basic Cyrillic, and printable
    /// ASCII but letters (controls and DEL stop a run, to be replaced; Latin letters, to be
    /// looked at in their word).
    @Test("every UTF-16 unit: skipped exactly when basic Cyrillic or printable ASCII that is not a letter")
    func table() {
        for unit in 0...0xFFFF {
            let skipped = LetterEditScanner.skipped[unit >> 6] & (1 << UInt64(unit & 63)) != 0
            let cyrillic = (0x0400..<0x0530).contains(unit)
            let plainASCII = (0x20..<0x7F).contains(unit) && !((0x41...0x5A).contains(unit) || (0x61...0x7A).contains(unit))
            #expect(skipped == (cyrillic || plainASCII), "U+\(String(unit, radix: 16))")
        }
    }
}

@Suite("NFC quick check")
struct NFCSpanTests {
    func spans(_ units: [UInt16]) -> (fast: Int32, icu: Int32) {
        var status: Int32 = 0, icuStatus: Int32 = 0
        let fast = zan_icu_nfc_span(units, Int32(units.count), &status)
        let icu = zan_icu_nfc_quick_span(units, Int32(units.count), &icuStatus)
        #expect(status <= 0 && icuStatus <= 0)
        return (fast, icu)
    }

    /// The shim steps over runs of plain starters by its table and asks ICU of the rest: the
    /// span is ICU's own, on texts dense with what stops a run (combining marks in and out of
    /// order, marks that compose with the letter before, Hangul jamo, characters NFC replaces,
    /// surrogates paired and not) between Cyrillic and Latin letters.
    @Test("the span is ICU's quick check's, on 20,000 random texts")
    func agreesWithICU() {
        let pieces: [[UInt16]] = [
            "е", "и", "й", "ё", "Қ", "a", "A", "Å", " ", "1", "«", "—", "\u{00A0}", "가",
            "\u{0306}", "\u{0308}", "\u{0301}", "\u{0323}", "\u{0327}", "\u{0338}", "\u{0345}", "\u{0344}",
            "\u{1100}", "\u{1161}", "\u{11A8}", "\u{2126}", "\u{212B}", "\u{0958}", "\u{0F73}", "😀", "\u{1D15E}",
        ].map { Array($0.utf16) } + [[0xD83D], [0xDE00]]
        var random = SplitMix(seed: 11)
        var stopped = 0
        for _ in 0..<20_000 {
            let units = (0..<Int(random.next() % 12)).flatMap { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
            let (fast, icu) = spans(units)
            #expect(fast == icu, "\(units.map { String($0, radix: 16) })")
            if icu < units.count { stopped += 1 }
        }
        #expect(stopped > 5_000)  // most texts hold something the quick check stops at
    }

    @Test("plain text is NFC to its end; a stop at the first unit, and after a long run of starters")
    func edges() {
        let plain = Array("Мемлекеттік қызмет «көрсету» — 13-тармақ, № 5".utf16)
        #expect(spans(plain) == (Int32(plain.count), Int32(plain.count)))
        #expect(spans([]) == (0, 0))
        #expect(spans(Array("\u{0308}е".utf16)) == (0, 0))
        let late = plain + Array("е\u{0308}".utf16)
        #expect(spans(late).fast == spans(late).icu)
        #expect(spans(late).fast == Int32(plain.count))
    }
}

@Suite("UTF-16 to String")
struct FromUTF16Tests {
    func string(_ units: [UInt16]) -> String { units.withUnsafeBufferPointer(String.fromUTF16) }

    @Test("ASCII, Cyrillic, a surrogate pair: the same text, stored at its exact UTF-8 size")
    func exact() {
        for text in ["", "13-тармақ", "Мемлекеттік қызмет 😀 көрсету", "a"] {
            let result = string(Array(text.utf16))
            #expect(result == text)
            #expect(result.utf8.count == text.utf8.count)
        }
    }

    @Test("an unpaired surrogate becomes U+FFFD (3 bytes where 2 were counted), the rest kept")
    func unpaired() {
        #expect(string([0x0442, 0xD83D, 0x0430]) == "т\u{FFFD}а")
        #expect(string([0xDE00]) == "\u{FFFD}")
        #expect(string(Array("сөз".utf16) + [0xD83D]) == "сөз\u{FFFD}")
    }
}
