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
            "҃combining", "\u{00AD}soft", "§ 5 № 7 ½ × ÷", "Σοφία", "ﬁ ligature",
        ]
        for text in texts {
            #expect(text.characterCount == text.count, "\(text.debugDescription)")
        }
        // Every scalar of the blocks the fast path accepts, alone and after a letter.
        var disagreements: [String] = []
        for value in UInt32(0)..<0x2100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in [String(scalar), "а" + String(scalar), String(scalar) + "а"]
                where text.characterCount != text.count {
                disagreements.append(String(format: "U+%04X", value))
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
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
