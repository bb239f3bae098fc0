import Testing
@testable import ZanText

@Suite("Lexicon: numbers")
struct NumberWordTests {
    @Test("cardinals, simple and compound",
          arguments: [("он", 10), ("он бес", 15), ("алты", 6), ("отыз", 30), ("жиырма бес", 25),
                      ("екі жүз он", 210), ("бір мың тоғыз жүз тоқсан бір", 1991), ("жүз", 100),
                      ("пяти", 5), ("двадцать пять", 25), ("десяти", 10)])
    func cardinals(_ words: String, _ value: Int) {
        let parsed = NumberWords.parseCardinal(words.split(separator: " ").map(String.init))
        #expect(parsed?.value == value)
        #expect(parsed?.count == words.split(separator: " ").count)
    }

    @Test("a larger number after a smaller one starts a new number")
    func twoNumbers() {
        #expect(NumberWords.parseCardinal(["бес", "он"])?.value == 5)
        #expect(NumberWords.parseCardinal(["бес", "он"])?.count == 1)
        #expect(NumberWords.parseCardinal(["сөз"]) == nil)
    }

    @Test("ordinals, simple, compound and inflected",
          arguments: [("бірінші", 1), ("екінші", 2), ("үшінші", 3), ("төртінші", 4), ("алтыншы", 6),
                      ("тоғызыншы", 9), ("оныншы", 10), ("он екінші", 12), ("жиырма бесінші", 25),
                      ("қырқыншы", 40), ("екіншісі", 2), ("второй", 2), ("третьего", 3), ("первая", 1)])
    func ordinals(_ words: String, _ value: Int) {
        #expect(NumberWords.parseOrdinal(words.split(separator: " ").map(String.init))?.value == value)
    }

    @Test("a cardinal is not an ordinal")
    func cardinalIsNotOrdinal() {
        #expect(NumberWords.ordinal("екі") == nil)
        #expect(NumberWords.ordinal("бірнеше") == nil)
    }

    @Test("every ordinal stem, bare and inflected, passes the filter in front of the stems and is read; the words around a citation do not pass")
    func ordinalFilter() {
        for (stem, value) in NumberWords.kazakhOrdinals {
            for word in [stem, stem + "сі", stem + "сінің", stem + "ге"] {
                #expect(NumberWords.ordinalStarts.mayStart(word), "\(word)")
                #expect(NumberWords.ordinal(word) == value, "\(word)")
            }
        }
        for (stem, value) in NumberWords.russianOrdinalStems {
            for ending in ["ый", "ого", "ая", "ьего"] where NumberWords.russianAdjectiveEndings.contains(LexiconWord(ending)) {
                #expect(NumberWords.ordinal(stem + ending) == value, "\(stem + ending)")
            }
        }
        let others = ["осы", "қағидалардың", "тармағына", "тармақшасы", "бұйрықтың", "қосымшаға", "сәйкес", "пункта", "настоящих", "правил", "1", "а"]
        #expect(others.filter(NumberWords.ordinalStarts.mayStart).isEmpty, "\(others.filter(NumberWords.ordinalStarts.mayStart))")
    }

    @Test("a stem filter: words that start with a stem pass, whatever follows; a stem of one character lets every word pass")
    func stemFilter() {
        let filter = StemFilter(["тармақ", "пункт", "ё"].dropLast())
        #expect(filter.mayStart("тармақ") && filter.mayStart("тармақшасы") && filter.mayStart("пунктом") && filter.mayStart("та"))
        #expect(!filter.mayStart("т") && !filter.mayStart("") && !filter.mayStart("бап") && !filter.mayStart("статья"))
        let open = StemFilter(["тармақ", "ё"])
        #expect(open.mayStart("бап") && open.mayStart(""))
    }
}

@Suite("Lexicon: dates")
struct DateTests {
    func firstDate(_ text: String) -> String? {
        Dates.firstDate(in: tokenize(text))?.value.description
    }

    @Test("a dotted date: day and month of one or two digits, a year of four; anything else is not one")
    func dotted() {
        #expect(Dates.dottedDate("12.07.2026")! == (12, 7, 2026))
        #expect(Dates.dottedDate("1.2.2026")! == (1, 2, 2026))
        #expect(Dates.dottedDate("12..07.2026")! == (12, 7, 2026))
        for text in ["12.07.26", "123.07.2026", "12.07.20266", "12.07", "12.07.2026.1", "аб.07.2026", "١٢.٠٧.٢٠٢٦", "12.07.２０２６", ""] {
            #expect(Dates.dottedDate(text) == nil, "\(text)")
        }
    }

    @Test("written dates",
          arguments: [
            ("2026 жылғы 12 шілдеден бастап", "2026-07-12"),
            ("2023 жылғы 8 желтоқсандағы № 117", "2023-12-08"),
            ("Осы бұйрық 12.07.2026 ж. бастап", "2026-07-12"),
            ("2025 жылғы 4 \nсәуірдегі № 115", "2025-04-04"),
            ("2026 жылғы 31 наурызда № 38247", "2026-03-31"),
            ("2021 жылғы 12 тамыздағы", "2021-08-12"),
            ("2008 жылғы 1\nмаусымнан кейін", "2008-06-01"),
            ("2024 жылғы 29 ақпандағы", "2024-02-29"),
            ("от 12 июля 2026 года № 5", "2026-07-12"),
            ("2026 ж. 1 қаңтар", "2026-01-01"),
          ])
    func dates(_ text: String, _ iso: String) {
        #expect(firstDate(text) == iso)
    }

    @Test("the match covers exactly the date's tokens")
    func matchRange() throws {
        let text = tokenize("бұйрық 2023 жылғы 8 желтоқсандағы № 117")
        let match = try #require(Dates.firstDate(in: text))
        #expect(text.source.text(in: match.range) == "2023 жылғы 8 желтоқсандағы")
    }

    @Test("a day that does not exist is not a date, and is reported")
    func invalid() throws {
        let text = tokenize("2025 жылғы 30 ақпандағы")
        #expect(Dates.firstDate(in: text) == nil)
        let diagnostic = try #require(Dates.invalidDate(in: text, at: 0))
        #expect(diagnostic.id.description == "text.invalid-date")
        #expect(diagnostic.message == "date 2025-2-30 does not exist")
        #expect(firstDate("2023 жылғы 29 ақпан") == nil)
    }

    @Test("months inflect; other words are not months",
          arguments: [("наурыздағы", 3), ("сәуірде", 4), ("қыркүйектегі", 9), ("желтоқсан", 12),
                      ("января", 1), ("мая", 5)])
    func months(_ word: String, _ month: Int) {
        #expect(Dates.month(word) == month)
    }

    @Test("not months", arguments: ["қазақ", "мамыржай", "март-апрель", "май-мен", "шілделік"])
    func notMonths(_ word: String) {
        #expect(Dates.month(word) == nil)
    }

    @Test("civil date arithmetic and ISO parsing")
    func arithmetic() {
        let date = CivilDate(year: 2025, month: 4, day: 4)!
        #expect(date.adding(days: 11).description == "2025-04-15")
        #expect(CivilDate(year: 2024, month: 12, day: 31)!.adding(days: 1).description == "2025-01-01")
        #expect(CivilDate(year: 2024, month: 3, day: 1)!.adding(days: -1).description == "2024-02-29")
        #expect(CivilDate(iso: "2025-02-30") == nil)
        #expect(CivilDate(iso: "2025-2-3") == nil)
        #expect(CivilDate(iso: "2026-07-12")?.month == 7)
    }
}

@Suite("Lexicon: durations")
struct DurationTests {
    func durations(_ text: String) -> [Duration] {
        Durations.all(in: tokenize(text)).map(\.value)
    }

    @Test("digits with words, words alone, and each unit")
    func shapes() {
        #expect(durations("мерзімі 6 (алты) жұмыс күні") == [
            Duration(value: 6, unit: .workingDay, digits: 6, words: 6)])
        #expect(durations("күнтізбелік 30 (отыз) күн ішінде") == [
            Duration(value: 30, unit: .calendarDay, relation: .within, digits: 30, words: 30)])
        #expect(durations("күнтізбелік он күн өткен соң") == [
            Duration(value: 10, unit: .calendarDay, relation: .after, words: 10)])
        #expect(durations("күнтізбелік 15 (он \nбес) күн ішінде") == [
            Duration(value: 15, unit: .calendarDay, relation: .within, digits: 15, words: 15)])
        #expect(durations("бес жұмыс күні ішінде") == [
            Duration(value: 5, unit: .workingDay, relation: .within, words: 5)])
        #expect(durations("үш жұмыс күнінен кешіктірмей") == [
            Duration(value: 3, unit: .workingDay, relation: .noLaterThan, words: 3)])
        #expect(durations("30 (отыз) күнтізбелік күн") == [
            Duration(value: 30, unit: .calendarDay, digits: 30, words: 30)])
        #expect(durations("3 ай ішінде, 2 жыл, 24 сағат") == [
            Duration(value: 3, unit: .month, relation: .within, digits: 3),
            Duration(value: 2, unit: .year, digits: 2), Duration(value: 24, unit: .hour, digits: 24)])
        #expect(durations("в течение 5 (пяти) рабочих дней") == [
            Duration(value: 5, unit: .workingDay, relation: .within, digits: 5, words: 5)])
    }

    @Test("digits and words that disagree give a warning; digits win")
    func mismatch() throws {
        let text = tokenize("6 (бес) жұмыс күні")
        let match = try #require(Durations.all(in: text).first)
        #expect(match.value.value == 6)
        #expect(match.diagnostics.map(\.id.description) == ["text.duration-mismatch"])
        #expect(match.diagnostics.first?.severity == .warning)
        #expect(match.diagnostics.first?.message
                == "duration digits and words disagree: 6 is written \"(бес)\", which reads 5")
        #expect(text.source.text(in: match.range) == "6 (бес) жұмыс күні")
    }

    @Test("every number word and calendar marker may start a duration, and does; most other words are turned away unhashed")
    func startWords() {
        let markers = Array(Durations.calendarMarkers), kazakh = Array(NumberWords.kazakhCardinals), russian = Array(NumberWords.russianCardinals)
        for word in markers.map(\.text) + kazakh.map(\.key.text) + russian.map(\.key.text) {
            #expect(Durations.startWords.mayContain(word), "\(word)")
        }
        for (word, value) in kazakh where value < 100 {
            #expect(durations("\(word.text) жұмыс күні") == [Duration(value: value, unit: .workingDay, words: value)], "\(word.text)")
        }
        let others = ["мемлекеттік", "қызмет", "көрсету", "тармақ", "өтініш", "беруші", "портал", "құжаттар", "ұсынылады", "негізінде",
                      "услуги", "заявление", "портала", "документов", "настоящих", "правил", "жылғы", "шілдеден", "бастап", "туралы"]
        #expect(others.filter(Durations.startWords.mayContain).count <= 2, "\(others.filter(Durations.startWords.mayContain))")
    }

    @Test("dates, times of day and counted things are not durations")
    func notDurations() {
        #expect(durations("2026 жылғы 12 шілдеден бастап").isEmpty)
        #expect(durations("сағат 9.00-ден 18.00-ге дейін").isEmpty)
        #expect(durations("5 адам, 2 тармақ").isEmpty)
    }
}

@Suite("Lexicon: words compared as bytes")
struct LexiconWordTests {
    @Test("a table word is found by a word built at run time; equal bytes are equal words, nothing else is")
    func byteKeys() {
        let table: [LexiconWord: Int] = ["жұмыс": 1, "рабочих": 2, "күн": 3]
        let built = String(decoding: Array("жұ".utf8) + Array("мыс".utf8), as: UTF8.self)
        #expect(table[LexiconWord(built)] == 1)
        #expect(table[LexiconWord("Жұмыс".lowercased())] == 1)
        #expect(table[LexiconWord("жұмысы")] == nil && table[LexiconWord("жұмы")] == nil && table[LexiconWord("")] == nil)
        // Bytes, not canonical equivalence: the lexicon and the normalized texts are NFC, so a
        // decomposed "й" (и + U+0306) never reaches a lookup; here it is simply another word.
        #expect(LexiconWord("й") != LexiconWord("и\u{0306}"))
        #expect("й" == "и\u{0306}")
        #expect(Set<LexiconWord>(["а", "а", "ә"]).count == 2)
    }

    @Test("hasStem and sameBytes agree with hasPrefix and == on NFC words")
    func stems() {
        let words = ["мемлекеттік", "государственная", "госкорпорация", "веб-порталы", "портал", "почтой", "egov", "", "ә"]
        let stems = ["мемлекет", "государственн", "госкорпораци", "веб-портал", "портал", "почта", "почтой", "e", "", "әл"]
        for word in words {
            for stem in stems {
                #expect(word.hasStem(stem) == word.hasPrefix(stem), "\(word) \(stem)")
                #expect(word.sameBytes(as: stem) == (word == stem), "\(word) \(stem)")
            }
        }
    }

    @Test("hasPrefixBytes and hasSuffixBytes agree with hasPrefix and hasSuffix on NFC texts; a combining mark after the prefix is the one difference")
    func byteAffixes() {
        let texts = ["1) құжаттар;", "2) мәліметтер.", "өтініш береді:", "мәтін.\"", "мәтін ;", "1)", "", "ә", "әл-Фараби"]
        let affixes = ["1) ", "2) ", ":", ".", ".\"", " ;", "ә", "әл", "", "1)", "ді:"]
        for text in texts {
            for affix in affixes {
                #expect(text.hasPrefixBytes(affix) == text.hasPrefix(affix), "\(text) \(affix)")
                #expect(text.hasSuffixBytes(affix) == text.hasSuffix(affix), "\(text) \(affix)")
            }
        }
        #expect("1) \u{0301}мәтін".hasPrefixBytes("1) "))
        #expect(!"1) \u{0301}мәтін".hasPrefix("1) "))
    }

    @Test("containsBytes agrees with contains on eIds and texts, including needles that start again inside a false start, and NULs")
    func byteContains() {
        let texts = ["att_1__para_2__qstr_1", "para_1__qstr_10__para_3", "qstr_", "qqstr_1", "att_1", "", "мәтін мәтін", "aab", "_q_qstr",
                     "a\u{0}мәтін", "\u{0}"]
        let needles = ["qstr_", "q", "ab", "мәтін", "тін м", "", "att_1__", "_qstr", "x", "\u{0}м", "a\u{0}"]
        for text in texts {
            for needle in needles {
                #expect(text.containsBytes(needle) == (needle.isEmpty || text.contains(needle)), "\(text) \(needle)")
            }
        }
    }

    @Test("replacingBytes agrees with replacingOccurrences on NFC texts: every occurrence, left to right, not overlapping; an empty target changes nothing")
    func byteReplace() {
        let texts = ["«3-нұсқа» деген сөздер «3-нұсқа»", "ааааа", "мәтін мәтін", "", "a", "тармақ", "x\u{0}y\u{0}", "абв абв", "  ,  ;"]
        let targets = ["3-нұсқа", "аа", "мәтін", "тармақтар", "a", "\u{0}", " ,", "  ", "в а"]
        for text in texts {
            for target in targets {
                for replacement in ["", "4-нұсқа", "бб", " "] {
                    #expect(text.replacingBytes(of: target, with: replacement) == text.replacingOccurrences(of: target, with: replacement),
                            "\(text.debugDescription) \(target.debugDescription) \(replacement.debugDescription)")
                }
            }
        }
        #expect("мәтін".replacingBytes(of: "", with: "x") == "мәтін")
        #expect("ааааа".replacingBytes(of: "аа", with: "б") == "бба")   // Cyrillic а: two pairs, then the fifth
    }
}

@Suite("Lexicon: Kazakh noun endings")
struct KazakhMorphologyTests {
    @Test("the case an ending puts a noun in, read from its last suffix",
          arguments: [
            ("", GrammaticalCase.nominative), ("тар", .nominative), ("ы", .nominative), ("ның", .genitive), ("ының", .genitive),
            ("тарының", .genitive), ("тің", .genitive), ("ға", .dative), ("ына", .dative), ("а", .dative), ("е", .dative),
            ("ын", .accusative), ("н", .accusative), ("ды", .accusative), ("ында", .locative), ("ындағы", .locative),
            ("те", .locative), ("інен", .ablative), ("дан", .ablative), ("ымен", .instrumental), ("пен", .instrumental),
            ("менен", .instrumental), ("ы́", .nominative),
          ])
    func grammaticalCase(ending: String, expected: GrammaticalCase) {
        #expect(KazakhMorphology.grammaticalCase(ofEnding: ending) == expected)
    }
}
