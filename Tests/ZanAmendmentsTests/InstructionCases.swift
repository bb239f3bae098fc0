import Testing
import ZanAmendments
import ZanText

/// An instruction fragment and the edits (and amend.* findings) it must give.
struct InstructionCase: CustomTestStringConvertible, Sendable {
    let name: String
    let input: String
    let expected: [String]
    var testDescription: String { name }

    init(_ name: String, _ input: String, _ expected: [String]) {
        self.name = name
        self.input = input
        self.expected = expected
    }
}

/// The formulas of DESIGN.md §1 written as real instructions, one case each: every operation,
/// lists and shared suffixes, nesting, ordinals, inserted numbers, тиісінше, whole text,
/// repeal, act references of every kind, lead-ins, Russian forms, and broken inputs.
@Suite("Edits: instruction formulas")
struct InstructionCaseTests {
    static let cases: [InstructionCase] = [
        // Replace a unit.
        .init("replace a point", """
            5-тармақ мынадай редакцияда жазылсын:
            "5. Көрсетілетін қызметті алушы өтініш береді.";
            """, ["replace self [paragraph 5] text=«5. Көрсетілетін қызметті алушы өтініш береді.»"]),
        .init("replace through a genitive chain", """
            4-баптың 2-тармағының 3) тармақшасы мынадай редакцияда жазылсын:
            "3) жергілікті атқарушы орган;";
            """, ["replace self [article 4 › paragraph 2 › subparagraph 3] text=«3) жергілікті атқарушы орган;»"]),
        .init("replace with баяндалсын", """
            7-тармақ мынадай редакцияда баяндалсын:
            "7. Мерзімі – 5 (бес) жұмыс күні.";
            """, ["replace self [paragraph 7] text=«7. Мерзімі – 5 (бес) жұмыс күні.»"]),
        .init("replace an indent by ordinal", """
            7-тармақтың бірінші абзацы мынадай редакцияда жазылсын:
            "Өтініш портал арқылы беріледі.";
            """, ["replace self [paragraph 7 › indent 1] text=«Өтініш портал арқылы беріледі.»"]),
        .init("replace a chapter title", """
            3-тараудың тақырыбы мынадай редакцияда жазылсын:
            "3-тарау. Шағымдану тәртібі";
            """, ["replace self [chapter 3 › title] text=«3-тарау. Шағымдану тәртібі»"]),
        .init("replace the preamble", """
            кіріспе мынадай редакцияда жазылсын:
            "Заңға сәйкес БҰЙЫРАМЫН:";
            """, ["replace self [preamble] text=«Заңға сәйкес БҰЙЫРАМЫН:»"]),
        .init("replace with the wording on the same line", """
            5-тармақ мынадай редакцияда жазылсын: "5. Қысқа мәтін.";
            """, ["replace self [paragraph 5] text=«5. Қысқа мәтін.»"]),
        .init("replace a chapter whose wording has a numbered lead-in ending in a colon", """
            2-тарау мынадай редакцияда жазылсын:
            "2-тарау. Тіркеу тәртібі
            7. Тіркеуден бас тарту негіздері:
            1) құжаттардың толық болмауы.";
            """, ["replace self [chapter 2] text=«2-тарау. Тіркеу тәртібі⏎7. Тіркеуден бас тарту негіздері:⏎1) құжаттардың толық болмауы.»"]),
        // Delete units: lists, shared suffixes, ordinals, ranges.
        .init("delete a point", "5-тармақ алып тасталсын;", ["delete self [paragraph 5]"]),
        .init("delete a list sharing one suffix", "2, 4 және 4-1-тармақтар алып тасталсын;",
              ["delete self [paragraph 2] + [paragraph 4] + [paragraph 4-1]"]),
        .init("delete subpoints sharing one suffix", "14-тармақтың 1) және 2)-тармақшалары алып тасталсын;",
              ["delete self [paragraph 14 › subparagraph 1] + [paragraph 14 › subparagraph 2]"]),
        .init("delete parts by ordinals", "4-тармақтың екінші, үшінші бөлігі алып тасталсын;",
              ["delete self [paragraph 4 › part 2] + [paragraph 4 › part 3]"]),
        .init("delete a compound ordinal", "12-тармақтың он екінші абзацы алып тасталсын;",
              ["delete self [paragraph 12 › indent 12]"]),
        .init("delete an ordinal range", "5-тармақтың екінші – төртінші абзацтары алып тасталсын;",
              ["delete self [paragraph 5 › indent 2] + [paragraph 5 › indent 3] + [paragraph 5 › indent 4]"]),
        .init("delete sibling chains", "2-тармақтың 5) тармақшасы және 3-тармақ алып тасталсын;",
              ["delete self [paragraph 2 › subparagraph 5] + [paragraph 3]"]),
        .init("delete a subpoint with its number before the noun", "24-тармақтың 19) тармақшасы алып тасталсын.",
              ["delete self [paragraph 24 › subparagraph 19]"]),
        .init("two instructions in one paragraph", "5-тармақ алып тасталсын; 6-тармақ алып тасталсын.",
              ["delete self [paragraph 5]", "delete self [paragraph 6]"]),
        // Insert units.
        .init("insert a point after its base number", """
            мынадай мазмұндағы 13-1-тармақпен толықтырылсын:
            "13-1. Өтініш қабылданбайды.";
            """, ["insert self [paragraph 13-1] new_num=13-1 after [paragraph 13] text=«13-1. Өтініш қабылданбайды.»"]),
        .init("insert a point after a named point", """
            13-тармақтан кейін мынадай мазмұндағы 13-2-тармақпен толықтырылсын:
            "13-2. Шешім хабарланады.";
            """, ["insert self [paragraph 13-2] new_num=13-2 after [paragraph 13] text=«13-2. Шешім хабарланады.»"]),
        .init("insert a subpoint into a point", """
            14-тармақ мынадай мазмұндағы 5-1) тармақшамен толықтырылсын:
            "5-1) цифрлық құжаттар сервисі;";
            """, ["insert self [paragraph 14 › subparagraph 5-1] new_num=5-1 after [paragraph 14 › subparagraph 5] text=«5-1) цифрлық құжаттар сервисі;»"]),
        .init("insert an unnumbered indent at the end", """
            9-тармақ мынадай мазмұндағы абзацпен толықтырылсын:
            "Хабарлама жіберіледі.";
            """, ["insert self [paragraph 9 › indent] end [paragraph 9] text=«Хабарлама жіберіледі.»"]),
        .init("insert a part by ordinal", """
            6-тармақ мынадай мазмұндағы үшінші бөлікпен толықтырылсын:
            "Көшірме қайтарылады.";
            """, ["insert self [paragraph 6 › part 3] new_num=3 after [paragraph 6 › part 2] text=«Көшірме қайтарылады.»"]),
        .init("insert an article", """
            мынадай мазмұндағы 147-1-баппен толықтырылсын:
            "147-1-бап. Цифрлық құжаттар";
            """, ["insert self [article 147-1] new_num=147-1 after [article 147] text=«147-1-бап. Цифрлық құжаттар»"]),
        .init("insert a sentence given in quotes", "3-тармақ \"Өтініш қайтарылады.\" деген сөйлеммен толықтырылсын;",
              ["insert self [paragraph 3 › sentence] end [paragraph 3] text=«Өтініш қайтарылады.»"]),
        // Words.
        .init("replace a word in a point", "5-тармақта \"құжаттар\" деген сөз \"мәліметтер\" деген сөзбен ауыстырылсын;",
              ["replace_words self [paragraph 5] old=«құжаттар» new=«мәліметтер»"]),
        .init("replace words throughout the text", """
            бүкіл мәтін бойынша "электрондық үкімет" деген сөздер "цифрлық үкімет" деген сөздермен ауыстырылсын;
            """, ["replace_words self whole_text [whole document] old=«электрондық үкімет» new=«цифрлық үкімет»"]),
        .init("replace words pairwise with тиісінше", """
            7-тармақта "бес", "он" деген сөздер тиісінше "үш", "жеті" деген сөздермен ауыстырылсын;
            """, ["replace_words self [paragraph 7] old=«бес» new=«үш»", "replace_words self [paragraph 7] old=«он» new=«жеті»"]),
        .init("replace digits", "8-тармақта \"10\" деген цифрлар \"15\" деген цифрлармен ауыстырылсын;",
              ["replace_words self [paragraph 8] old=«10» new=«15»"]),
        .init("replace words with nested quotes", """
            2-тармақта ""электрондық үкіметтің" веб-порталы" деген сөздер ""цифрлық үкіметтің" веб-порталы" деген сөздермен ауыстырылсын;
            """, ["replace_words self [paragraph 2] old=«\"электрондық үкіметтің\" веб-порталы» new=«\"цифрлық үкіметтің\" веб-порталы»"]),
        .init("insert words after words", """
            3-тармақтың 2) тармақшасы "өтініш" деген сөзден кейін "және құжаттар" деген сөздермен толықтырылсын;
            """, ["insert_words self [paragraph 3 › subparagraph 2] after=«өтініш» new=«және құжаттар»"]),
        .init("insert words at the end of a unit", "5-тармақ \"немесе портал арқылы\" деген сөздермен толықтырылсын;",
              ["insert_words self [paragraph 5] new=«немесе портал арқылы»"]),
        .init("delete words in a point", "6-тармақтағы \"және (немесе)\" деген сөздер алып тасталсын;",
              ["delete_words self [paragraph 6] old=«және (немесе)»"]),
        .init("delete a list of words", "2-тармақта \"тиісті\", \"барлық\" деген сөздер алып тасталсын;",
              ["delete_words self [paragraph 2] old=«тиісті»", "delete_words self [paragraph 2] old=«барлық»"]),
        // Acts, documents and lead-ins.
        .init("repeal an order", """
            "Әлеуметтік көмек қағидаларын бекіту туралы" Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрінің 2019 жылғы 5 наурыздағы № 110 бұйрығының (Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № 18372 болып тіркелген) күші жойылды деп танылсын.
            """, ["repeal_act self [whole document] act=V1900018372"]),
        .init("repeal with күші жойылсын", """
            "Нұсқаулықты бекіту туралы" Қазақстан Республикасы Қаржы министрінің 2020 жылғы 1 маусымдағы № 20 бұйрығының (Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № 20801 болып тіркелген) күші жойылсын.
            """, ["repeal_act self [whole document] act=V2000020801"]),
        .init("repeal a point of the said order", "көрсетілген бұйрықтың 3-тармағының күші жойылды деп танылсын;",
              ["delete self [paragraph 3]"]),
        .init("an act lead-in, then the approved Rules", """
            1. "Тұрғын үй көмегін беру қағидаларын бекіту туралы" Қазақстан Республикасы Денсаулық сақтау министрінің 2020 жылғы 30 қазандағы № ҚР ДСМ-175/2020 бұйрығына (Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № 21579 болып тіркелген) мынадай өзгерістер енгізілсін:
            көрсетілген бұйрықпен бекітілген Тұрғын үй көмегін көрсету қағидаларында:
            3-тармақ алып тасталсын;
            көрсетілген бұйрықтың 2-тармағы алып тасталсын;
            """, ["delete approved [paragraph 3] act=V2000021579", "delete self [paragraph 2] act=V2000021579"]),
        .init("a unit lead-in scopes the lines under it", """
            5-тармақта:
            бірінші абзац алып тасталсын;
            2) тармақша мынадай редакцияда жазылсын:
            "2) портал арқылы;";
            6-тармақ алып тасталсын;
            """, ["delete self [paragraph 5 › indent 1]", "replace self [paragraph 5 › subparagraph 2] text=«2) портал арқылы;»",
                  "delete self [paragraph 6]"]),
        .init("an appendix of the approved Rules", "көрсетілген Қағидаларға 1-қосымшаның 3-тармағы алып тасталсын;",
              ["delete approved [appendix 1 › paragraph 3]"]),
        .init("a government decree", """
            "Білім беру ұйымдарына көмек туралы" Қазақстан Республикасы Үкіметінің 2008 жылғы 25 қаңтардағы № 64 қаулысына мынадай өзгеріс енгізілсін:
            2-тармақ алып тасталсын.
            """, ["delete self [paragraph 2] act=P0800000064"]),
        .init("a maslikhat decision and its appendix", """
            "Әлеуметтік көмек көрсету қағидаларын бекіту туралы" Алматы қаласы мәслихатының 2022 жылғы 10 наурыздағы № 123 шешіміне (Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № 27011 болып тіркелген) мынадай өзгерістер енгізілсін:
            көрсетілген шешімнің қосымшасында:
            2-тармақ алып тасталсын;
            """, ["delete self [appendix › paragraph 2] act=V2200027011"]),
        .init("a law", """
            "Тұрғын үй қатынастары туралы" 1997 жылғы 16 сәуірдегі Қазақстан Республикасының Заңына мынадай толықтыру енгізілсін:
            10-2-бап алып тасталсын;
            """, ["delete self [article 10-2]"]),
        .init("a title after the number, as health orders write it", """
            Қазақстан Республикасы Денсаулық сақтау министрінің 2020 жылғы 30 қазандағы № ҚР ДСМ-175/2020 "Денсаулық сақтау саласындағы есептік құжаттама нысандарын бекіту туралы" бұйрығына (Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № 21579 болып тіркелген) мынадай өзгерістер енгізілсін:
            4-тармақ алып тасталсын;
            """, ["delete self [paragraph 4] act=V2000021579"]),
        .init("Rules approved by an appendix of the order", """
            көрсетілген бұйрыққа 1-қосымшамен бекітілген Тұрғын үй көмегін беру қағидаларында:
            3-тармақ алып тасталсын;
            """, ["delete approved [paragraph 3]"]),
        .init("instructions as subpoints of the amending order", """
            1) 2-тармақ алып тасталсын;
            2) 3-тармақтың 1) тармақшасы алып тасталсын;
            """, ["delete self [paragraph 2]", "delete self [paragraph 3 › subparagraph 1]"]),
        .init("Russian: an order named noun first, then its Rules", """
            В приказ Министра промышленности и строительства Республики Казахстан от 8 декабря 2023 года № 117 "Об утверждении Правил предоставления жилищной помощи" (зарегистрирован в Реестре государственной регистрации нормативных правовых актов под № 33763) внести следующие изменения:
            в Правилах предоставления жилищной помощи, утвержденных указанным приказом:
            пункт 13 исключить;
            """, ["delete approved [paragraph 13] act=V2300033763"]),
        .init("Russian: repeal an order named after the verb", """
            Признать утратившим силу приказ Министра финансов Республики Казахстан от 1 июня 2020 года № 20 "Об утверждении Инструкции" (зарегистрирован в Реестре государственной регистрации нормативных правовых актов под № 20801).
            """, ["repeal_act self [whole document] act=V2000020801"]),
        .init("Russian: parts by ordinals after the noun", "части вторую и третью пункта 4 исключить;",
              ["delete self [paragraph 4 › part 2] + [paragraph 4 › part 3]"]),
        .init("Russian: supplement a point with a subpoint", """
            пункт 14 дополнить подпунктом 5-1) следующего содержания:
            "5-1) сервис цифровых документов;";
            """, ["insert self [paragraph 14 › subparagraph 5-1] new_num=5-1 after [paragraph 14 › subparagraph 5] text=«5-1) сервис цифровых документов;»"]),
        .init("Russian: words throughout the text, respectively", """
            по всему тексту слова "электронного правительства", "портал" заменить соответственно словами "цифрового правительства", "веб-портал";
            """, ["replace_words self whole_text [whole document] old=«электронного правительства» new=«цифрового правительства»",
                  "replace_words self whole_text [whole document] old=«портал» new=«веб-портал»"]),
        .init("replace words with деп", "4-тармақтағы \"бес\" деген сөз \"үш\" деп ауыстырылсын;",
              ["replace_words self [paragraph 4] old=«бес» new=«үш»"]),
        .init("insert words before words", "3-тармақ \"өтініш\" деген сөздің алдынан \"жазбаша\" деген сөзбен толықтырылсын;",
              ["insert_words self [paragraph 3] before=«өтініш» new=«жазбаша»"]),
        .init("insert two points at once", """
            мынадай мазмұндағы 3-1 және 3-2-тармақтармен толықтырылсын:
            "3-1. Бірінші.
            3-2. Екінші.";
            """, ["insert self [paragraph 3-1] + [paragraph 3-2] new_num=3-1 after [paragraph 3] text=«3-1. Бірінші.⏎3-2. Екінші.»"]),
        .init("a new chapter", """
            мынадай мазмұндағы 2-1-тараумен толықтырылсын:
            "2-1-тарау. Цифрлық қызметтер";
            """, ["insert self [chapter 2-1] new_num=2-1 after [chapter 2] text=«2-1-тарау. Цифрлық қызметтер»"]),
        .init("a subpoint's indent three levels down", "3-тармақтың 2) тармақшасының үшінші абзацы алып тасталсын;",
              ["delete self [paragraph 3 › subparagraph 2 › indent 3]"]),
        .init("Russian: an appendix of the Rules in a new edition, no such attachment", """
            приложение 1 к указанным Правилам изложить в новой редакции согласно приложению 1 к настоящему приказу;
            """, ["error amend.missing-attachment@1"]),
        // Russian.
        .init("Russian: state a point", """
            пункт 5 изложить в следующей редакции:
            "5. Новый текст.";
            """, ["replace self [paragraph 5] text=«5. Новый текст.»"]),
        .init("Russian: a payload in «ёлочки» quoting „лапки“, then the next instruction", """
            пункт 5 изложить в следующей редакции:
            «5. Услуга „Выдача справки“ оказывается бесплатно.»;
            пункт 6 исключить;
            """, ["replace self [paragraph 5] text=«5. Услуга „Выдача справки“ оказывается бесплатно.»",
                  "delete self [paragraph 6]"]),
        .init("Russian: an inner → outer chain", "подпункт 2) пункта 14 исключить;",
              ["delete self [paragraph 14 › subparagraph 2]"]),
        .init("Russian: supplement with a point", """
            дополнить пунктом 13-1 следующего содержания:
            "13-1. Текст.";
            """, ["insert self [paragraph 13-1] new_num=13-1 after [paragraph 13] text=«13-1. Текст.»"]),
        .init("Russian: replace words", "в пункте 5 слова \"документы\" заменить словами \"сведения\";",
              ["replace_words self [paragraph 5] old=«документы» new=«сведения»"]),
        .init("Russian: insert words after words", "в пункте 3 после слов \"заявление\" дополнить словами \"и документы\";",
              ["insert_words self [paragraph 3] after=«заявление» new=«и документы»"]),
        // Editorial forms are notes.
        .init("past tense is an editorial note", "\"бес\" деген сөз \"үш\" деген сөзбен ауыстырылды.",
              ["note amend.editorial-form@1"]),
        .init("an adilet edition note is an editorial note",
              "5-тармақ жаңа редакцияда - ҚР Өнеркәсіп және құрылыс министрінің 01.02.2024 № 1 бұйрығымен.",
              ["note amend.editorial-form@1"]),
        // Broken inputs: each its own diagnostic.
        .init("an unclosed quote in an instruction", "5-тармақта \"құжаттар деген сөз алып тасталсын;",
              ["error amend.unclosed-quote@1"]),
        .init("unclosed new wording", """
            5-тармақ мынадай редакцияда жазылсын:
            "5. Мәтін аяқталмады.
            """, ["error amend.unclosed-quote@2"]),
        .init("a unit noun with no number", """
            тармақ мынадай редакцияда жазылсын:
            "5. Мәтін.";
            """, ["error amend.missing-number@1"]),
        .init("an operation with no target", """
            мынадай редакцияда жазылсын:
            "5. Мәтін.";
            """, ["error amend.missing-target@1"]),
        .init("new wording announced, none given", "5-тармақ мынадай редакцияда жазылсын:",
              ["error amend.missing-payload@1"]),
        .init("pairs that do not pair", "\"а\", \"б\", \"в\" деген сөздер тиісінше \"г\", \"д\" деген сөздермен ауыстырылсын;",
              ["error amend.pair-count-mismatch@1"]),
        .init("a word replacement without words", "5-тармақ ауыстырылсын;", ["error amend.missing-words@1"]),
        .init("words in a case that says nothing to add", "5-тармақ \"портал\" деген сөздер толықтырылсын;",
              ["error amend.instruction-not-understood@1"]),
        .init("renumbering is reported, not guessed", "14-1-тармақ 15-тармақ болып саналсын;",
              ["error amend.unsupported-operation@1"]),
        .init("an attachment the fragment does not have",
              "көрсетілген Қағидаларға 3-қосымша осы бұйрыққа 2-қосымшаға сәйкес жаңа редакцияда жазылсын;",
              ["error amend.missing-attachment@1"]),
        .init("quoted wording no instruction introduces", """
            5-тармақта:
            "Жетім мәтін.";
            """, ["warning amend.unattached-quotation@2"]),
        .init("a lead-in naming other Rules than the act approves", """
            1. "Тұрғын үй көмегін беру қағидаларын бекіту туралы" Қазақстан Республикасы Өнеркәсіп және құрылыс министрінің 2023 жылғы 8 желтоқсандағы № 117 бұйрығына мынадай өзгеріс енгізілсін:
            көрсетілген бұйрықпен бекітілген Мемлекеттік сатып алуды жүзеге асыру қағидаларында:
            3-тармақ алып тасталсын;
            """, ["delete approved [paragraph 3]", "warning amend.approved-title-mismatch@2"]),
    ]

    @Test("each formula gives its edits", arguments: cases)
    func formula(_ instruction: InstructionCase) {
        let amendments = AmendmentReader().read(SourceFile(text: instruction.input + "\n", path: "case.txt"))
        #expect(EditSummary.lines(amendments) == instruction.expected)
        #expect(amendments.coverage.isComplete)
    }

    @Test("there are at least 40 cases")
    func count() {
        #expect(Self.cases.count >= 40)
    }
}
