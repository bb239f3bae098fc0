import Foundation
import Testing
import ZanText

@Suite("Characters counted")
struct CharacterCountTests {
    @Test("counted by scalars where each is a character, else by Swift's grapheme rules: always String.count")
    func agreesWithCount() {
        let texts = [
            "", "осы Қағидалардың 9-тармағына", "6 (алты) жұмыс күні — «цифрлық үкімет»…", "Tab\tand\nline",
            "й", "и\u{0306}", "а\u{0301}б", "line\r\nbreak", "e\u{0301}", "ZWJ: a\u{200D}b", "🇰🇿 флаг", "👍🏽", "ё Ё ў Ӂ ә Ә",
            "҃combining", "\u{00AD}soft", "§ 5 № 7 ½ × ÷", "№\u{0301}", "2024 жылғы 5 ақпандағы № 500007", "Σοφία", "ﬁ ligature",
        ]
        for text in texts {
            #expect(text.characterCount == text.count, "\(text.debugDescription)")
        }
        // Every scalar of the blocks the fast path accepts, alone and after a letter.
        var disagreements: [String] = []
        for value in Array(UInt32(0)..<0x2100) + [0x2116] {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in [String(scalar), "а" + String(scalar), String(scalar) + "а", String(scalar) + "\u{0301}"]
                where text.characterCount != text.count {
                disagreements.append(String(format: "U+%04X", value))
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }

    @Test("bytes counted as the string made of them counts its characters: cut mid-character, not UTF-8, overlong, any scalar")
    func bytesAgreeWithTheirString() {
        var inputs: [[UInt8]] = [
            [], Array("осы Қағидалардың 9-тармағына «цифрлық үкімет» — 6 (алты)".utf8), Array("line\r\nbreak".utf8),
            Array("и\u{0306}ә 🇰🇿 👍🏽".utf8), Array(Array("ә".utf8).dropLast()), [0xD3], [0xFF, 0x41], [0xC0, 0xAF], [0xE0, 0x80, 0xAF],
            [0xED, 0xA0, 0x80], [0xE2, 0x80], Array("а\u{0301}".utf8), [0x41, 0x80, 0x42], [0xF0, 0x9F, 0x91, 0x8D],
        ]
        // Every scalar below U+2100 and a few above, after a Cyrillic letter, and that cut one byte short.
        for value in Array(UInt32(0)..<0x2100) + [0x2116, 0x2212, 0xFEFF, 0xFFFD, 0x1F600] {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let bytes = Array(("а" + String(scalar)).utf8)
            inputs += [bytes, Array(bytes.dropLast())]
        }
        let disagreements = inputs.filter { ArraySlice($0).utf8CharacterCount != String(decoding: $0, as: UTF8.self).count }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
        // A slice of a larger array: its own bytes only.
        let text = Array("бір екі".utf8)
        #expect(text[2..<7].utf8CharacterCount == 3 && text[7...].utf8CharacterCount == 3)
    }

    @Test("a column counts characters: a combining mark, a flag and a skin tone are one each, on a line of Cyrillic")
    func columns() {
        let file = SourceFile(text: "бір\nи\u{0306}ә 🇰🇿 👍🏽 соңы ✓")
        var tracker = LineColumnTracker(file)
        // "соңы" starts after "й" (one character, two scalars), "ә", the flag, the thumb, and four spaces.
        let start = file.text.utf8.count - "соңы ✓".utf8.count
        #expect(file.lineColumn(at: start) == LineColumn(line: 2, column: 8))
        #expect(tracker.lineColumn(at: start) == LineColumn(line: 2, column: 8))
        #expect(file.lineColumn(at: file.text.utf8.count) == LineColumn(line: 2, column: 14))
    }
}
