import Testing
@testable import ZanDocument
@testable import ZanText
import ZanCorpusGen

@Suite("Parsing: phrases matched in any case")
struct PhraseTests {
    @Test("prefix, suffix and occurrence in lowercase, uppercase and mixed case")
    func anyCase() {
        let phrase: Phrase = "қосымша"
        for text in ["1-қосымша", "1-ҚОСЫМША", "1-Қосымша", "1-қОсЫмША"] {
            #expect(phrase.isSuffix(of: text), "\(text)")
            #expect(phrase.occurs(in: text), "\(text)")
            #expect(!phrase.isPrefix(of: text), "\(text)")
        }
        #expect(phrase.isPrefix(of: "Қосымша 2"))
        #expect(Phrase("приложение").isPrefix(of: "ПРИЛОЖЕНИЕ 1 к приказу"))
    }

    @Test("no match: other letters, a text shorter than the phrase, a match cut off at the end")
    func noMatch() {
        let phrase: Phrase = "бұйрығына"
        #expect(!phrase.occurs(in: "бұйрығымен"))
        #expect(!phrase.occurs(in: "бұй"))
        #expect(!phrase.occurs(in: ""))
        #expect(!phrase.isSuffix(of: "ығына"))
        #expect(!phrase.isPrefix(of: "бұйры"))
        #expect(!Phrase("қосымша").isSuffix(of: "қосымшаға"))
    }

    @Test("a letter matches as a whole: the lead byte of one case and the last of the other are another letter")
    func wholeScalars() {
        // "і" is D1 96 and "І" is D0 86; D0 96 is "Ж".
        #expect(!Phrase("і").occurs(in: "Ж"))
        #expect(!Phrase("ті").isSuffix(of: "тЖ"))
        #expect(Phrase("ті").isSuffix(of: "ТІ"))
    }

    @Test("a phrase led by a byte both cases share is found after false starts, and not when cut off")
    func sharedLead() {
        let phrase: Phrase = "-қосымша"
        #expect(phrase.occurs(in: "1-ҚОСЫМША"))
        #expect(phrase.occurs(in: "- -қ -қосымшасы"))
        #expect(phrase.occurs(in: "-қосымша"))
        #expect(!phrase.occurs(in: "1-қосымш"))
        #expect(!phrase.occurs(in: "қосымша - жоқ -"))
        #expect(!phrase.occurs(in: ""))
    }

    @Test("a whole text is the phrase in any case, nothing before or after it")
    func whole() {
        let phrase: Phrase = "нысан"
        for text in ["нысан", "НЫСАН", "Нысан"] { #expect(phrase.isWhole(text), "\(text)") }
        for text in ["нысаны", " нысан", "нысан ", "ныса", ""] { #expect(!phrase.isWhole(text), "\(text)") }
    }

    @Test("an occurrence after a false start that shares its first letters")
    func falseStart() {
        #expect(Phrase("аба").occurs(in: "аабаа"))
        #expect(Phrase("қағидалар").occurs(in: "қағида қағидаларына"))
        #expect(!Phrase("қағидалар").occurs(in: "қағида қағидала"))
    }
}

@Suite("Parsing: phrases looked for together")
struct PhraseSetTests {
    let set = PhraseSet<Int>([("төлемақы", 0), ("тәсілдері", 1), ("мерзімі", 2), ("a-1", 3)])

    @Test("the first phrase in priority order wins, wherever it stands in the text")
    func priority() {
        #expect(set.first(in: "Мерзімі мен тәсілдері, ТӨЛЕМАҚЫ") == 0)
        #expect(set.first(in: "Мерзімі мен тәсілдері") == 1)
        #expect(set.first(in: "ұсыну МЕРЗІМІ") == 2)
    }

    @Test("a phrase starting with a one-byte letter, at the end of the text; no phrase, an empty text")
    func edges() {
        #expect(set.first(in: "нөмірі A-1") == 3)
        #expect(set.first(in: "мерзім") == nil)
        #expect(set.first(in: "") == nil)
        #expect(PhraseSet<Int>([]).first(in: "мерзімі") == nil)
    }

    /// Phrases filed under the same first letter are told apart by their second, in either case.
    @Test("phrases that share a first letter, second letters in any case, a first letter whose cases differ in length")
    func sharedFirstLetter() {
        #expect(set.first(in: "тӘСІЛДЕРІ") == 1)
        #expect(set.first(in: "тӨлемақы") == 0)
        #expect(set.first(in: "тармақ тізбесі") == nil)
        #expect(set.first(in: "тә") == nil)
        // "ı" is two bytes, its capital "I" one: matched without the second-letter screen.
        let dotless = PhraseSet<Int>([("ıq", 0)])
        #expect(dotless.first(in: "x Iq") == 0)
        #expect(dotless.first(in: "ıQ") == 0)
        #expect(dotless.first(in: "ıa") == nil)
    }

    /// Phrases are filed under their first four bytes, or fewer when a spelling is shorter: the
    /// passes of each key length, and the last three positions of a text (read byte by byte).
    @Test("phrases shorter than four bytes with longer ones, matches in the last positions")
    func keyLengths() {
        let set = PhraseSet<Int>([("мерзімі", 0), ("ab", 1), ("ыq", 2), ("z", 3)])
        #expect(set.keyLengths == [4, 3, 2, 1])
        #expect(set.first(in: "xz") == 3)
        #expect(set.first(in: "z мерзімі") == 0)
        #expect(set.first(in: "zAB") == 1)
        #expect(set.first(in: "z ЫQ") == 2)
        #expect(set.first(in: "ЫQ МЕРЗІМІ") == 0)
        #expect(set.first(in: "ЫМЕРЗІМ") == nil)
        #expect(set.first(in: "Ы") == nil)
    }

    /// The one-pass search gives what asking each phrase in turn gives, on random texts of
    /// letters and of the phrases' own starts (whole or cut short), each letter in either case.
    @Test("the first phrase found equals the first phrase, in order, that occurs")
    func agreesWithEachPhraseInTurn() {
        let words = ["төлемақы", "тәсілдері", "мерзімі", "бас тарту", "ab", "ıq", "нысаны", "ны"]
        let set = PhraseSet(words.enumerated().map { (Phrase($0.element), $0.offset) })
        let letters = Array("тлеманысрдіqaı -1").map(String.init)
        var random = SplitMix(seed: 7)
        func anyCase(_ text: some StringProtocol) -> String {
            text.map { random.next() % 2 == 0 ? String($0) : $0.uppercased() }.joined()
        }
        var found: Set<Int> = []
        for _ in 0..<4_000 {
            var text = ""
            for _ in 0..<Int(random.next() % 8) {
                if random.next() % 3 == 0 {
                    let word = words[Int(random.next() % UInt64(words.count))]
                    text += anyCase(word.prefix(1 + Int(random.next() % UInt64(word.count))))
                } else {
                    text += anyCase(letters[Int(random.next() % UInt64(letters.count))])
                }
            }
            let expected = words.firstIndex { Phrase($0).occurs(in: text) }
            #expect(set.first(in: text) == expected, "\(text)")
            if let expected { found.insert(expected) }
        }
        #expect(found == Set(words.indices))  // every phrase was the answer to some text
    }
}

@Suite("Parsing: how attachment headers read")
struct AttachmentHeaderTests {
    @Test("order anchors, in Kazakh and Russian, in any case", arguments: [
        "№ 130 бұйрығына 1-қосымша",
        "№ 130 БҰЙРЫҒЫНА 1-ҚОСЫМША",
        "Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрінің 2021 жылғы 12 тамыздағы № 437 бұйрығымен бекітілген",
        "бұйрығына қосымша",
        "Приложение 1 к приказу Министра",
        "Утверждены приказом Министра",
        "УТВЕРЖДЕН",
    ])
    func orderAnchors(_ text: String) {
        #expect(AttachmentHeader.isOrderAnchor(text))
        #expect(!AttachmentHeader.isRulesAnchor(text))
    }

    @Test("not order anchors: body text, a long paragraph, an anchor word in the middle", arguments: [
        "1. Осы бұйрыққа қосымшаға сәйкес жаңа редакцияда жазылсын.",
        "№ 130 бұйрығына 1-қосымшаға сәйкес",
        "Приказом утверждены",
        String(repeating: "а", count: 290) + " бұйрығына 1-қосымша",  // 310 characters
    ])
    func notOrderAnchors(_ text: String) {
        #expect(!AttachmentHeader.isOrderAnchor(text))
    }

    @Test("anchors of the Rules' own appendices", arguments: [
        "Тұрғын үй көмегін көрсету қағидаларына 1-қосымша",
        "ҚАҒИДАЛАРЫНА 2-ҚОСЫМША",
        "Қағидаларға 2-қосымша Нысан",
        "1-қосымша",
        "Приложение 1 к Правилам оказания",
    ])
    func rulesAnchors(_ text: String) {
        #expect(AttachmentHeader.isRulesAnchor(text))
    }

    @Test("not Rules anchors: an order's anchor, a reference to an appendix, words after the anchor, a long paragraph",
          arguments: [
            "№ 130 бұйрығына 1-қосымша",
            "осы Қағидаларға 1-қосымшаға сәйкес нысан бойынша",
            "қағидаларына 1-қосымша бойынша",
            "Приложение 1 к приказу",
            String(repeating: "а", count: 390) + " қағидаларына 1-қосымша",  // 413 characters
          ])
    func notRulesAnchors(_ text: String) {
        #expect(!AttachmentHeader.isRulesAnchor(text))
    }

    @Test("form markers are a whole paragraph, in any case")
    func formMarkers() {
        for text in ["Нысан", "НЫСАНЫ", "форма"] { #expect(AttachmentHeader.isFormMarker(text), "\(text)") }
        for text in ["Нысан бойынша", "нысаны:", "Форма 2"] { #expect(!AttachmentHeader.isFormMarker(text), "\(text)") }
    }

    @Test("an appendix header starts a paragraph earlier when its anchor opens with the numbered word")
    func appendixHeaderStart() {
        func start(_ texts: [String]) -> Int {
            let paragraphs = texts.map { Paragraph(text: $0, line: 1, range: SourceRange(0, 0), isTableRow: false, pieces: .init([])) }
            return AttachmentBody.appendixHeaderStart(1, in: paragraphs[...])
        }
        #expect(start(["мемлекеттік қызмет көрсету ҚАҒИДАЛАРҒА", "2-ҚОСЫМША"]) == 0)
        #expect(start(["Мемлекеттік қызмет көрсету қағидаларына", "2-қосымша Нысан"]) == 0)  // a header line
        #expect(start(["Құжаттарды қабылдау мерзімі бес жұмыс күні.", "2-қосымша"]) == 1)  // a sentence
        #expect(start(["мемлекеттік қызмет көрсету қағидаларға", "Қағидаларға 2-қосымша"]) == 1)  // not the first word
    }

    @Test("length limits count characters (Unicode scalars), not bytes")
    func lengths() {
        let cyrillic = String(repeating: "қ", count: 120)  // 240 bytes, 120 characters
        #expect(AttachmentHeader.isShorter(cyrillic, than: 121))
        #expect(!AttachmentHeader.isShorter(cyrillic, than: 120))
        #expect(AttachmentHeader.isHeaderLine(cyrillic))
        #expect(!AttachmentHeader.isHeaderLine(cyrillic + "қ"))
        #expect(AttachmentHeader.isShorter("", than: 1))
        // Decided by the byte count alone: below the limit, or four bytes per scalar at most.
        #expect(AttachmentHeader.isShorter(String(repeating: "a", count: 9), than: 10))
        #expect(!AttachmentHeader.isShorter(String(repeating: "a", count: 40), than: 10))
        // Four-byte scalars: 9 of them (36 bytes) are fewer than 10; 10 (40 bytes) are not.
        let emoji = "\u{1F4D6}"
        #expect(AttachmentHeader.isShorter(String(repeating: emoji, count: 9), than: 10))
        #expect(!AttachmentHeader.isShorter(String(repeating: emoji, count: 10), than: 10))
        // Mixed widths: 1 + 2 + 3 + 4 bytes per group of four scalars.
        let mixed = String(repeating: "aқ€\u{1F4D6}", count: 3)  // 12 scalars, 30 bytes
        #expect(AttachmentHeader.isShorter(mixed, than: 13))
        #expect(!AttachmentHeader.isShorter(mixed, than: 12))
        #expect(AttachmentHeader.isShorter(mixed.dropFirst(), than: 12))  // a Substring
    }
}

@Suite("Parsing: how a paragraph opens")
struct ParagraphClassTests {
    @Test("points, subpoints, headings, quotations, text", arguments: [
        ("13. Көрсетілетін қызмет", ParagraphClass.point(num: "13")),
        ("13-1. Көрсетілетін қызмет", .point(num: "13-1")),
        ("5) тармақша", .subpoint(num: "5")),
        ("5-1) тармақша", .subpoint(num: "5-1")),
        ("5)", .subpoint(num: "5")),
        ("2-тарау. Жалпы ережелер", .heading(kind: .chapter, num: "2", title: "Жалпы ережелер")),
        ("2-ТАРАУ. ЖАЛПЫ ЕРЕЖЕЛЕР", .heading(kind: .chapter, num: "2", title: "ЖАЛПЫ ЕРЕЖЕЛЕР")),
        ("3-бап.", .heading(kind: .article, num: "3", title: "")),
        ("Глава 2. Общие положения", .heading(kind: .chapter, num: "2", title: "Общие положения")),
        ("СТАТЬЯ 5.", .heading(kind: .article, num: "5", title: "")),
        ("1-БӨЛІМ. Жалпы", .heading(kind: .section, num: "1", title: "Жалпы")),
        ("4-Параграф.", .heading(kind: .paragraphSign, num: "4", title: "")),
        ("Раздел 1. Общие", .heading(kind: .section, num: "1", title: "Общие")),
        ("ПАРАГРАФ 2.", .heading(kind: .paragraphSign, num: "2", title: "")),
        ("Главы 2 и 3", .text),
        ("2-тараудың мәтіні", .text),
        ("«Мемлекеттік қызмет", .quoted),
        ("\"13. Тармақ", .quoted),
        ("2026 жылғы 1 қаңтардан", .text),
        ("1-қосымша", .text),
        ("13.07.2026", .text),
        ("Главаның мәтіні 2.", .text),
        ("", .text),
    ])
    func classes(_ text: String, _ expected: ParagraphClass) {
        #expect(ParagraphClass.of(text) == expected)
    }
}

@Suite("Parsing: words and spaces cut on bytes")
struct WordTests {
    @Test("words are the runs between spaces; the last of a limited split keeps the rest")
    func words() {
        #expect(Substring("  2-тарау.  Жалпы ережелер ").words() == ["2-тарау.", "Жалпы", "ережелер"])
        #expect(Substring("Глава 2. Общие  положения").words(maxSplits: 2) == ["Глава", "2.", "Общие  положения"])
        #expect(Substring("").words().isEmpty)
        #expect(Substring("   ").words().isEmpty)
    }

    @Test("outer spaces and tabs go, inner ones stay, and the last character stays whole")
    func outerSpaces() {
        #expect(Substring(" \tМерзімі  бес күн\t ").withoutOuterSpaces == "Мерзімі  бес күн")
        #expect(Substring("қ").withoutOuterSpaces == "қ")
        #expect(Substring(" \u{1F4D6} ").withoutOuterSpaces == "\u{1F4D6}")
        #expect(Substring(" \t ").withoutOuterSpaces.isEmpty)
        #expect(" а ".trimmingSpaces() == "а")
    }
}

@Suite("Parsing: state-service table labels")
struct StateServiceLabelTests {
    @Test("a label names its field whatever its case and outer spaces")
    func labels() {
        #expect(StateServiceField.field(ofLabel: " Көрсетілетін қызметті берушінің атауы ") == .provider)
        #expect(StateServiceField.field(ofLabel: "МЕМЛЕКЕТТІК ҚЫЗМЕТ КӨРСЕТУ МЕРЗІМІ") == .term)
        #expect(StateServiceField.field(ofLabel: "Перечень документов, необходимых для оказания") == .documents)
    }

    @Test("not a label: lowercase start, a sentence end, too long, no key phrase")
    func notLabels() {
        #expect(StateServiceField.field(ofLabel: "көрсетілетін қызметті берушінің атауы") == nil)
        #expect(StateServiceField.field(ofLabel: "Көрсетілетін қызметті берушінің атауы.") == nil)
        #expect(StateServiceField.field(ofLabel: "Мерзімі " + String(repeating: "а", count: 320)) == nil)
        #expect(StateServiceField.field(ofLabel: "Мемлекеттік қызмет") == nil)
    }
}

@Suite("Reading: punctuation sets")
struct ScalarSetTests {
    @Test("ASCII and other members are found, nothing else is")
    func members() {
        let set: ScalarSet = [".", "\"", "»", "”", "~"]
        for scalar in [".", "\"", "»", "”", "~"] as [Unicode.Scalar] { #expect(set.contains(scalar), "\(scalar)") }
        for scalar in [",", "«", "“", "\u{7F}", "\0", "қ", "\u{1F4D6}"] as [Unicode.Scalar] { #expect(!set.contains(scalar), "\(scalar)") }
    }
}

@Suite("Reading: scalar tests")
struct ScalarTestsTests {
    @Test("isNumber, isLetter, isLowercase, isUppercase, startsLowercase and startsUppercase agree with Unicode's on every ASCII and Cyrillic scalar and on others")
    func agreeWithCharacter() {
        let others: [Unicode.Scalar] = ["қ", "Қ", "і", "І", "ё", "٣", "Ⅻ", "½", "²", "\u{0301}", "\u{00A0}", "ǅ", "ß", "\u{1F4D6}", "\u{FFFD}"]
        let values = Array(UInt32(0)..<0x80) + Array(UInt32(0x0400)...0x0540)  // ASCII, Cyrillic and what follows it
        for scalar in values.compactMap(Unicode.Scalar.init) + others {
            let character = Character(scalar)
            #expect(scalar.isNumber == character.isNumber, "\(scalar.value)")
            #expect(scalar.isLetter == character.isLetter, "\(scalar.value)")
            #expect(String(scalar).startsLowercase == character.isLowercase, "\(scalar.value)")
            #expect(String(scalar).startsUppercase == character.isUppercase, "\(scalar.value)")
            #expect(scalar.isUppercase == scalar.properties.isUppercase, "\(scalar.value)")
            #expect(scalar.isLowercase == scalar.properties.isLowercase, "\(scalar.value)")
        }
        #expect("Е\u{0308}рекше".startsUppercase && "е\u{0308}рекше".startsLowercase, "a mark after the first letter")
        #expect(!"".startsLowercase && !"".startsUppercase && !"1)".startsLowercase)
    }

    /// The byte path (ASCII digits, then an ASCII scalar or the end), the first-scalar path and
    /// the character path each give what `prefix { $0.isNumber }` gives, on the text and on a
    /// substring of it.
    @Test("leadingNumbers is prefix { $0.isNumber }", arguments: [
        "12 Мемлекеттік қызмет", "3", "", "12", "12)", "12\r\n", "1\t", "Мерзімі", "a1", " 1",
        "12Ә", "1қ", "12\u{0301}3 x", "1\u{20E3}", "١٢ x", "½ x", "Ⅻ тарау", "²1", "1²", "12\u{00A0}x", "\u{1F4D6}1",
    ])
    func leadingNumbers(_ text: String) {
        #expect(String(text.leadingNumbers) == String(text.prefix { $0.isNumber }))
        let inner = ("x" + text + "y").dropFirst().dropLast()
        #expect(String(inner.leadingNumbers) == String(inner.prefix { $0.isNumber }))
    }
}

@Suite("Reading: a range's first and last two scalars")
struct EdgeScalarsTests {
    @Test("read straight from the units or through the iterators, they are the iterators' scalars, surrogates paired or not")
    func agreeWithIterators() {
        // a, қ, 😀 (a pair), an unpaired lead, an unpaired trail, 1.
        let units: [UInt16] = [0x61, 0x049B, 0xD83D, 0xDE00, 0xD800, 0xDC00 + 5, 0x31]
        let text = Normalizer().normalize(SourceFile(text: ""))
        let normalized = NormalizedText(source: text.source, units: units, changes: [], diagnostics: [], usedLegacyFont: false)
        for lower in 0...units.count {
            for upper in lower...units.count {
                let range = lower..<upper
                let forward = Array(normalized.scalars(in: range).map { $0.scalar }.prefix(2))
                let backward = Array(normalized.reversedScalars(in: range).prefix(2))
                let (first, second) = normalized.firstTwoScalars(in: range)
                let (last, beforeLast) = normalized.lastTwoScalars(in: range)
                #expect([first, second].compactMap { $0 } == forward, "\(range)")
                #expect([last, beforeLast].compactMap { $0 } == backward, "\(range)")
                #expect(normalized.firstScalar(in: range) == forward.first && normalized.lastScalar(in: range) == backward.first)
            }
        }
    }
}

@Suite("Reading: splitting at an ASCII byte")
struct SplitAtASCIITests {
    @Test("split(atASCII:) gives what the standard library's split gives, for every limit, kept or omitted empties, in slices too")
    func agreesWithSplit() {
        let texts = ["", " ", "  ", "a", " a", "a ", " a ", "a b", "a  b", "  a  b  ", "2-қосымша нысан",
                     "\tжол\t\tбаған\t", "😀 😀", "Мемлекеттік  қызмет көрсету қағидаларына ", "a\tb c\t d"]
        for text in texts {
            // A slice of a longer string: offsets are the slice's own.
            let longer = "«" + text + "»"
            let slice = longer.dropFirst().dropLast()
            for separator in [UInt8(ascii: " "), UInt8(ascii: "\t")] {
                for maxSplits in [0, 1, 2, 3, Int.max] {
                    for omitting in [true, false] {
                        let expected = slice.utf8.split(separator: separator, maxSplits: maxSplits,
                                                        omittingEmptySubsequences: omitting).map { String(Substring($0)) }
                        let got = slice.split(atASCII: separator, maxSplits: maxSplits, omittingEmptySubsequences: omitting)
                        #expect(got.map(String.init) == expected, "\"\(text)\" at \(separator), \(maxSplits), \(omitting)")
                    }
                }
            }
        }
    }
}

@Suite("Reading: four units at a time")
struct UnitWordsTests {
    @Test("a word's tests agree with testing its four units one by one, for every mix of edge values in every lane")
    func agreeWithUnits() {
        let edges: [UInt16] = [0, 0x01, 0x09, 0x0A, 0x0D, 0x0E, 0x1F, 0x20, 0x21, 0x7F, 0x80, 0x0430, 0x7FFF, 0x8000, 0xD800, 0xDC00, 0xFFFF]
        var wrong: [String] = []
        for a in edges { for b in edges { for c in edges { for d in edges {
            let units = [a, b, c, d]
            let word = units.withUnsafeBufferPointer { UnitWords.word($0.baseAddress!, at: 0) }
            for low: UInt16 in [0x01, 0x0E, 0x21, 0x8000] where UnitWords.all(word, from: low) != units.allSatisfy({ $0 >= low && $0 < 0x8000 }) {
                wrong.append("from \(low): \(units)")
            }
        } } } }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }
}

@Suite("Parsing: where quoted wording ends")
struct QuotedBlockTests {
    func extent(_ texts: [String], stopsAt: (Paragraph) -> Bool = { _ in false }) -> (end: Int, closed: Bool) {
        let paragraphs = texts.map { Paragraph(text: $0, line: 1, range: SourceRange(0, 0), isTableRow: false, pieces: Paragraph.Pieces([])) }
        return QuotedBlock.extent(in: paragraphs, from: 0, stopsAt: stopsAt)
    }

    @Test("closed where the quotes balance and a paragraph ends with a quote")
    func closed() {
        #expect(extent(["\"13. Мәтін.\";", "келесі"]) == (0, true))
        #expect(extent(["\"13. Мәтін:", "1) бірінші;", "2) екінші.\";", "келесі"]) == (2, true))
        #expect(extent(["\"13. «Қызмет» туралы.\".", "келесі"]) == (0, true))
        #expect(extent(["\"5) \"цифрлық үкіметтің\" веб-порталы\";"]) == (0, true))
        #expect(extent(["«13. Мәтін;", "«ішкі» сөз»;"]) == (1, true))
    }

    @Test("a low quote „ nests inside guillemets and is closed by “; an English “…” is not counted")
    func lowQuotes() {
        #expect(extent(["«Пункт 3 „Об услугах“ изложить.»;", "келесі"]) == (0, true))
        #expect(extent(["«Текст „цитата", "ещё“ текст»;", "келесі"]) == (1, true))
        #expect(extent(["\"13. “English” мәтін.\";", "келесі"]) == (0, true))
    }

    @Test("unclosed wording stops before the paragraph stopsAt accepts, or runs to the end")
    func unclosed() {
        let stops = { (paragraph: Paragraph) in paragraph.text.hasPrefix("2.") }
        #expect(extent(["\"13. Мәтін", "жалғасы", "2. Келесі тармақ"], stopsAt: stops) == (1, false))
        #expect(extent(["\"13. Мәтін", "жалғасы"]) == (1, false))
        // A quote with a combining mark over it still counts: the straight pair does not close.
        #expect(extent(["«\u{0301}Мәтін \"сөз\"", "соңы»;"]) == (1, true))
    }
}
