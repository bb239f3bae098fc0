import Testing
@testable import ZanAmendments

@Suite("Names of documents compared by their stems")
struct TitleMatchTests {
    @Test("inflected and reworded names match; other names do not")
    func matches() {
        #expect(TitleMatch.matches("Тұрғын үй көмегін беру қағидалары", "Тұрғын үй көмегін көрсету қағидаларына"))
        #expect(TitleMatch.matches("«Мемлекеттік қызмет көрсету қағидаларын бекіту туралы»", "Мемлекеттік қызмет көрсету қағидалары"))
        #expect(TitleMatch.matches("Об утверждении Правил оказания государственных услуг", "Правила оказания государственных услуг"))
        #expect(!TitleMatch.matches("Тұрғын үй көмегін беру қағидалары", "Жер учаскелерін беру қағидалары"))
        #expect(TitleMatch.similarity("бекіту туралы", "Қағидалар") == 0)
        #expect(TitleMatch.stems("ҚАҒИДАЛАРЫН бекіту туралы, 2-қосымша") == ["қағид", "2", "қосым"])
    }

    /// The scalar-at-a-time path against the `Character` one, on names of ASCII, Russian and
    /// Kazakh letters mixed with what sends a name to the `Character` path: combining marks
    /// (on a letter, on a space), Latin-1 letters, the thousands sign, a CR LF, digits and
    /// punctuation.
    @Test("stems read a scalar at a time are the stems read by Character, on 3,000 random names")
    func stemsAgree() {
        let pieces = ["Қағидалары", "бекіту", "туралы", "ОБ", "утверждении", "және", "и", "мен", "ұйым", "ӘҒҚҢӨҰҮҺІ", "Ёлка",
                      "13-тармақ", "2023", "rules", "Act", " ", "  ", ",", "«", "»", "\"", "-", ".", "№", "(", ")",
                      "\u{301}", " \u{301}", "é", "ß", "\u{482}", "\u{483}", "\r\n", "\t", "ЯЗЫК", "ы\u{306}"]
        var state: UInt64 = 20261122
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var plain = 0
        for _ in 0..<3_000 {
            let name = (0..<next(9)).map { _ in pieces[next(pieces.count)] }.joined(separator: next(2) == 0 ? " " : "")
            if name.unicodeScalars.allSatisfy({ $0.value < 0x80 || (0x0400...0x0481).contains($0.value) }) { plain += 1 }
            #expect(TitleMatch.stems(name) == TitleMatch.stemsOfCharacters(name), "\(name.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(plain > 500)
    }
}
