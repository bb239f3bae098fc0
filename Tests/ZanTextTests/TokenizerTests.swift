import Testing
import ZanTestSupport
@testable import ZanText
import ZanICU
import Foundation
import Synchronization

func tokenize(_ text: String) -> TokenizedText {
    Tokenizer().tokenize(SourceFile(text: text))
}

/// (normalized text, kind) of every token.
func pairs(_ text: String) -> [String] {
    let tokenized = tokenize(text)
    return tokenized.tokens.map { "\(tokenized.normalized($0))/\($0.kind.rawValue)" }
}

@Suite("Tokens")
struct TokenizerTests {
    @Test("legal tokens stay whole",
          arguments: [
            ("13-тармақ", TokenKind.unitRef), ("3-1-тармақпен", .unitRef), ("2-қосымшаға", .unitRef),
            ("10-бабының", .unitRef), ("147-1-бап", .unitRef), ("5-тарау", .unitRef),
            ("веб-порталы", .word), ("сондай-ақ", .word), ("ЭЦҚ-сымен", .word),
            ("12.07.2026", .number), ("9.00", .number), ("1414", .number), ("13-1", .number),
            ("8-800-080-7777", .number), ("www.egov.kz", .url), ("www.e-Qazyna.kz", .url),
            ("https://adilet.zan.kz/kaz/docs/V2300033763", .url), ("_____", .blank),
          ])
    func wholeTokens(_ text: String, _ kind: TokenKind) {
        #expect(pairs("сөз \(text) сөз") == ["сөз/word", "\(text)/\(kind.rawValue)", "сөз/word"])
    }

    @Test("\"5)\" and \"13.\" at a line start are enumerators; inside a line they are not")
    func enumerators() {
        #expect(pairs("5) сөз\n13. Мәтін 13.\n  5-1) ішкі\n\"13-1. дәйексөз") == [
            "5)/enumerator", "сөз/word",
            "13./enumerator", "Мәтін/word", "13/number", "./punct",
            "5-1)/enumerator", "ішкі/word",
            "\"/quote_open", "13-1./enumerator", "дәйексөз/word",
        ])
        #expect(pairs("24-тармақтың 19) тармақшасы") == [
            "24-тармақтың/unit_ref", "19)/item_number", "тармақшасы/word",
        ])
        // A date at a line start is not an enumerator.
        #expect(pairs("12.07.2026 ж.") == ["12.07.2026/number", "ж/word", "./punct"])
    }

    /// ICU's segments take the spaces after them (`WordBreakRules`); tokens must not.
    @Test("no token holds the spaces after it: space, tab, no-break, thin, narrow and ideographic spaces",
          arguments: [" ", "\t", "  \t ", "\u{00A0}", "\u{2009}", "\u{202F}", "\u{3000}", "\u{2003}\u{00A0} "])
    func trailingSpaces(_ space: String) {
        let text = "  13-тармақ\(space)сөз\(space)12.07.2026\(space),\(space)5)\(space)«\(space)___\(space)"
            + "www.egov.kz\(space)-\(space)№\(space)\r\n\(space)13.\(space)мәтін\(space)\n\(space)5)\(space)соңы\(space)"
        let tokenized = tokenize(text)
        #expect(tokenized.tokens.map { "\(tokenized.original($0))/\($0.kind.rawValue)" } == [
            "13-тармақ/unit_ref", "сөз/word", "12.07.2026/number", ",/punct", "5)/item_number",
            "«/quote_open", "___/blank", "www.egov.kz/url", "-/dash", "№/symbol",
            "13./enumerator", "мәтін/word", "5)/enumerator", "соңы/word",
        ])
        // The originals above are the byte ranges; the normalized units end before the spaces too.
        #expect(tokenized.tokens.map(\.units.count) == [9, 3, 10, 1, 2, 1, 3, 11, 1, 1, 3, 5, 2, 4])
    }

    @Test("enumerators and unit refs carry their number")
    func numbers() {
        let text = tokenize("14-тармақтың 1) және 2)-тармақшалары\n5-1) мәтін\n13-1. мәтін")
        #expect(text.tokens.compactMap { text.number($0) } == ["14", "1", "2", "5-1", "13-1"])
        #expect(text.tokens.compactMap(\.unit) == [.paragraph, .subparagraph])
    }

    @Test("quotes are classified by direction; the originals are kept")
    func quotes() {
        #expect(pairs("\"5) \"цифрлық үкіметтің\" веб-порталы\";") == [
            "\"/quote_open", "5)/enumerator", "\"/quote_open", "цифрлық/word", "үкіметтің/word",
            "\"/quote_close", "веб-порталы/word", "\"/quote_close", ";/punct",
        ])
        #expect(pairs("«сөз» „сөз“") == [
            "«/quote_open", "сөз/word", "»/quote_close", "„/quote_open", "сөз/word", "“/quote_close",
        ])
        // A quote displaced to a line start before a space closes.
        #expect(pairs("үкіметтің\n\" веб") == ["үкіметтің/word", "\"/quote_close", "веб/word"])
    }

    @Test("dashes, punctuation and symbols")
    func punctuation() {
        #expect(pairs("(бұдан әрі – Заң) № 130 - сөз") == [
            "(/punct", "бұдан/word", "әрі/word", "–/dash", "Заң/word", ")/punct", "№/symbol",
            "130/number", "-/dash", "сөз/word",
        ])
    }

    @Test("tokens carry original byte ranges, line and column, and the normalized text")
    func positions() {
        let text = tokenize("бір\r\n  Мемлекеттiк 13-тармақ")
        let folded = text.tokens[1]
        #expect(text.original(folded) == "Мемлекеттiк")
        #expect(text.normalized(folded) == "Мемлекеттік")
        #expect(folded.range == SourceRange(10, 31))
        #expect(text.source.lineColumn(at: folded.range.start) == LineColumn(line: 2, column: 3))
        let ref = text.tokens[2]
        #expect(ref.range == SourceRange(32, 47))
        #expect(text.original(ref) == "13-тармақ")
    }

    @Test("sentences come from ICU's sentence rules")
    func sentences() {
        let text = Normalizer().normalize(SourceFile(text: "Бірінші сөйлем. Екінші сөйлем? Үшінші."))
        #expect(SentenceSegmenter.sentences(in: text).map { text.string($0) } == [
            "Бірінші сөйлем. ", "Екінші сөйлем? ", "Үшінші.",
        ])
    }

    @Test("an iterator let go is reused for the next text, on any thread: every text tokenized as on its own")
    func reusedIterators() {
        let texts = [
            "13-тармақтың 2) тармақшасы мынадай редакцияда жазылсын:", "Бір.", "",
            "5 (бес) жұмыс күні ішінде www.egov.kz арқылы «электрондық үкімет» веб-порталы.",
            "Пункт 3-1 исключить.",
        ]
        let alone = texts.map { pairs($0) }
        // Longer texts first, then shorter ones, then again: a reused iterator must not carry
        // breaks, state or text over from the one before.
        for _ in 0..<3 {
            #expect(texts.map { pairs($0) } == alone)
            #expect(texts.reversed().map { pairs($0) } == alone.reversed())
        }
        let results = Mutex([[String]](repeating: [], count: 64))
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            let result = pairs(texts[index % texts.count])
            results.withLock { $0[index] = result }
        }
        #expect(results.withLock { $0 } == (0..<64).map { alone[$0 % texts.count] })
        #expect(BreakIteratorPrototype.spareLimit >= 2, "a spare for each core")
    }

    @Test("words lowercased once, as one buffer: each word's lowercase and its screening are what its own lowercase gives")
    func lowercasedWords() {
        let text = tokenize("ТАРМАҒЫНЫҢ Бес жұмыс КҮНІ ішінде, İstanbul ΣΟΦΙΑ Straße ǅemal 13-тармақ «Тегін» 5 теңге; в течение ПЯТИ дней.")
        let lowered = text.lowercasingWords()
        // "İ" lowercases to two scalars ("i" and a combining dot): a word not unit for unit.
        let filter = LexiconFilter(["бес", "күні", "i\u{307}stanbul", "тегін", "пяти"].map { LexiconWord($0) })
        let stems = StemFilter(["тармақ", "жұм", "σοφ", "деньги"])
        var words = 0
        for index in text.tokens.indices {
            let word = text.lowerWord(index)
            #expect(lowered.lowerWord(index) == word, "\(index)")
            if let word {
                words += 1
                #expect(word == text.normalized(text.tokens[index]).lowercased(), "\(word)")
            }
            #expect(lowered.lowerWord(index, passes: filter) == (word.map(filter.mayContain) ?? false), "\(word ?? "")")
            #expect(text.lowerWord(index, passes: filter) == (word.map(filter.mayContain) ?? false), "\(word ?? "")")
            #expect(lowered.lowerWord(index, mayStart: stems) == (word.map(stems.mayStart) ?? false), "\(word ?? "")")
        }
        #expect(words == 15)
        // The filters' own words pass, as they are written in the text.
        let passing = text.tokens.indices.filter { lowered.lowerWord($0, passes: filter) }.compactMap { lowered.lowerWord($0) }
        #expect(Set(["бес", "күні", "i\u{307}stanbul", "тегін", "пяти"]).isSubset(of: Set(passing)))
        #expect(lowered.lowerWord(text.tokens.count) == nil && !lowered.lowerWord(-1, passes: filter))
    }

    @Test("seed 002: \"Мемлекеттiк\" normalizes to \"Мемлекеттік\", and \"13-тармақ\" is one token")
    func seedAcceptance() throws {
        let file = try #require(Golden.source("corpus/V2500035943/kaz.txt"))
        let text = Tokenizer().tokenize(file)
        let folded = text.tokens.filter { text.original($0) == "Мемлекеттiк" }
        #expect(folded.count == 2)
        #expect(folded.allSatisfy { text.normalized($0) == "Мемлекеттік" })
        #expect(text.tokens.contains { text.original($0) == "13-тармақ" && $0.kind == .unitRef && $0.unit == .paragraph })
    }
}

@Suite("Unit nouns")
struct UnitNounTests {
    @Test("every inflection names its unit",
          arguments: [
            ("тармақ", UnitKind.paragraph), ("тармағы", .paragraph), ("тармағының", .paragraph),
            ("тармақтың", .paragraph), ("тармақта", .paragraph), ("тармақтағы", .paragraph),
            ("тармаққа", .paragraph), ("тармақпен", .paragraph), ("тармақтар", .paragraph),
            ("тармақтары", .paragraph), ("тармақтарын", .paragraph), ("тармағына", .paragraph),
            ("Тармақ", .paragraph),
            ("тармақша", .subparagraph), ("тармақшасы", .subparagraph), ("тармақшалары", .subparagraph),
            ("тармақшасының", .subparagraph),
            ("бап", .article), ("бабы", .article), ("бабының", .article), ("бапта", .article),
            ("баппен", .article),
            ("қосымша", .appendix), ("қосымшасы", .appendix), ("қосымшаға", .appendix),
            ("қосымшаларға", .appendix), ("қосымшада", .appendix),
            ("бөлігі", .part), ("бөлігінің", .part), ("бөлік", .part), ("бөлім", .section),
            ("тарау", .chapter), ("тарауы", .chapter), ("параграф", .paragraphSign),
            ("абзацы", .indent), ("абзацында", .indent), ("сөйлем", .sentence), ("сөйлемі", .sentence),
            ("кіріспе", .preamble), ("тақырыбы", .title), ("кестесі", .table), ("бағаны", .column),
            ("пункт", .paragraph), ("пункта", .paragraph), ("пунктом", .paragraph),
            ("подпункта", .subparagraph), ("статьи", .article), ("статья", .article),
            ("части", .part), ("главы", .chapter), ("приложения", .appendix), ("абзаца", .indent),
            // Capitals, as headings write them (А–Я, Ѐ–Џ and Kazakh letters lowered alike).
            ("ТАРМАҒЫНЫҢ", .paragraph), ("ҚОСЫМША", .appendix), ("БӨЛІГІ", .part), ("ПУНКТОМ", .paragraph),
            ("Статьи", .article), ("ПРИЛОЖЕНИЕ", .appendix), ("бАБЫ", .article), ("тАрМаҒы", .paragraph),
          ])
    func inflections(_ word: String, _ unit: UnitKind) {
        #expect(UnitNouns.unit(of: word) == unit)
    }

    @Test("a unit noun's ending is lowercase whatever the word's case; the unit and the language with it",
          arguments: [
            ("тармағының", UnitKind.paragraph, "ының", false), ("ТАРМАҒЫНЫҢ", .paragraph, "ының", false),
            ("тАрМаҒы", .paragraph, "ы", false), ("Тармақ", .paragraph, "", false), ("қосымшаларға", .appendix, "ларға", false),
            ("ПУНКТОМ", .paragraph, "ом", true), ("подпункта", .subparagraph, "а", true), ("Статьи", .article, "ьи", true),
          ])
    func analyze(_ word: String, _ unit: UnitKind, _ ending: String, _ russian: Bool) throws {
        let analysis = try #require(UnitNouns.analyze(word))
        #expect(analysis.unit == unit && analysis.ending == ending && analysis.russian == russian)
    }

    @Test("words that only start like a unit noun are not one",
          arguments: ["бөлімше", "бөлімшесінің", "атаулы", "тармақтық", "бапкер", "главный",
                      "частности", "қосымшалы", "кестелік", "тараулы", "жөніндегі"])
    func nonUnits(_ word: String) {
        #expect(UnitNouns.unit(of: word) == nil)
    }

    @Test("the fast lowercase of a unit agrees with ICU's on every unit that is not a surrogate")
    func lowercaseAgreesWithICU() {
        var disagreements: [String] = []
        for unit in UInt16(0)...UInt16.max where (unit & 0xF800) != 0xD800 {
            let icu = UInt16(truncatingIfNeeded: zan_icu_to_lower(Int32(unit)))
            if CaseMapping.lower(unit) != icu {
                disagreements.append(String(format: "U+%04X: %04X, ICU %04X", unit, CaseMapping.lower(unit), icu))
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }

    @Test("texts lowercased as UTF-8 bytes, joined by line feeds: each ASCII and Cyrillic scalar as lowercased(_:) maps it, others as they are")
    func lowercasedUTF8() {
        var disagreements: [String] = []
        for unit in Array(UInt16(0)..<0x80) + Array(UInt16(0x0400)..<0x0530) {
            let text = String(decoding: [unit], as: UTF16.self)
            if CaseMapping.lowercasedUTF8(joining: [text]) != Array(CaseMapping.lowercased(text).utf8) {
                disagreements.append(String(format: "U+%04X", unit))
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
        #expect(CaseMapping.lowercasedUTF8(joining: ["ҚАЗАҚСТАН «ЖАЗЫЛСЫН» — Straße ΣΟΦΙΑ 𐐀 Ӂ", "Өзгерістер ЕНГІЗІЛСІН."])
                == Array("қазақстан «жазылсын» — straße ΣΟΦΙΑ 𐐀 ӂ\nөзгерістер енгізілсін.".utf8))
        #expect(CaseMapping.lowercasedUTF8(joining: []).isEmpty && CaseMapping.lowercasedUTF8(joining: ["", ""]) == [0x0A])
    }

    @Test("a text's fast lowercase is String.lowercased()'s: every ASCII and Cyrillic unit, words of them, and words with others")
    func lowercaseAgreesWithStandardLibrary() {
        func fast(_ text: String) -> String {
            Array(text.utf16).withUnsafeBufferPointer { CaseMapping.lowercased($0) }
        }
        var disagreements: [String] = []
        for unit in Array(UInt16(0)..<0x80) + Array(UInt16(0x0400)..<0x0530) {
            let text = String(decoding: [unit], as: UTF16.self)
            if fast(text) != text.lowercased() { disagreements.append(String(format: "U+%04X", unit)) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
        // Words of them, and words with letters outside those blocks (the standard library's
        // full mappings: İ becomes two scalars, Σ, a letter of the supplementary planes).
        for word in ["ҚАЗАҚСТАН", "Мемлекеттік", "ПОЧТОЙ", "Ӂӄ-Ӊ", "egov.KZ", "İstanbul", "ΣΟΦΙΑ", "𐐀𐐁", "Әлем İ", "«Заң» – 1)", ""] {
            #expect(fast(word) == word.lowercased(), "\(word)")
            #expect(CaseMapping.lowercased(word) == word.lowercased(), "\(word)")
        }
        // Bytes as UTF-8 writes them: one for ASCII, two for Cyrillic (an ASCII-only word is
        // small enough to be stored inline, a long Cyrillic one is not).
        let long = "МЕМЛЕКЕТТІК КӨРСЕТІЛЕТІН ҚЫЗМЕТТЕР ТУРАЛЫ"
        #expect(Array(CaseMapping.lowercased(long).utf8) == Array(long.lowercased().utf8))
    }
}
