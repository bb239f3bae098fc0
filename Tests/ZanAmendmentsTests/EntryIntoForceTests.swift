import Testing
import ZanAmendments
import ZanText

/// Entry-into-force clauses of every kind DESIGN.md lists, Kazakh and Russian.
@Suite("Edits: entry into force")
struct EntryIntoForceTests {
    static func effective(_ text: String) -> EntryIntoForce? {
        AmendmentReader().read(SourceFile(text: text + "\n", path: "clause.txt")).effective
    }

    @Test("each clause gives its kind, date and period", arguments: [
        ("Осы бұйрық 2026 жылғы 12 шілдеден бастап қолданысқа енгізіледі және ресми жариялануға тиіс.", "fixed 2026-07-12"),
        ("Осы бұйрық 12.07.2026 ж. бастап қолданысқа енгізіледі.", "fixed 2026-07-12"),
        ("Осы бұйрық алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.",
         "after_publication 10 calendar days"),
        ("Осы бұйрық алғашқы ресми жарияланған күнінен кейін күнтізбелік отыз күн өткен соң қолданысқа енгізіледі.",
         "after_publication 30 calendar days"),
        ("Осы бұйрық алғашқы ресми жарияланған күнінен кейін күнтізбелік 60 (алпыс) күн өткен соң қолданысқа енгізіледі.",
         "after_publication 60 calendar days"),
        ("Осы бұйрық алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі.", "on_publication"),
        ("Осы бұйрық алғашқы ресми жарияланған күнінен кейін қолданысқа енгізіледі.", "day_after_publication"),
        ("Осы бұйрық қол қойылған күнінен бастап қолданысқа енгізіледі.", "on_signing"),
        ("Настоящий приказ вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.",
         "after_publication 10 calendar days"),
        ("Настоящий приказ вводится в действие со дня его первого официального опубликования.", "on_publication"),
        ("Настоящий приказ вводится в действие с 1 января 2027 года.", "fixed 2027-01-01"),
    ])
    func kinds(_ text: String, _ expected: String) throws {
        let effective = try #require(Self.effective(text))
        #expect(effective.summary == expected)
        #expect(effective.text == text)
    }

    @Test("a split clause: the exception with its own date in the same sentence")
    func splitInline() throws {
        let effective = try #require(Self.effective("""
            Осы бұйрық 2027 жылғы 1 қаңтардан бастап қолданысқа енгізілетін 1-тармақтың 3) тармақшасын қоспағанда, алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.
            """))
        #expect(effective.summary == "after_publication 10 calendar days")
        #expect(effective.exceptions.count == 1)
        #expect(effective.exceptions[0].targets.map(\.description) == ["paragraph 1 › subparagraph 3"])
        #expect(effective.exceptions[0].rule?.summary == "fixed 2027-01-01")
    }

    @Test("a split clause: the exception's date in a sentence of its own")
    func splitSeparate() throws {
        let effective = try #require(Self.effective("""
            5. Осы бұйрық 2-тармақты қоспағанда, алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.
            2-тармақ 2026 жылғы 1 қыркүйектен бастап қолданысқа енгізіледі.
            """))
        #expect(effective.summary == "after_publication 10 calendar days")
        #expect(effective.exceptions.map { $0.targets.map(\.description) } == [["paragraph 2"]])
        #expect(effective.exceptions.first?.rule?.summary == "fixed 2026-09-01")
    }

    @Test("a clause that opens with \"қоспағанда\" (nothing before it to except) reads, without the exception's units")
    func exceptionWordFirst() throws {
        // A fuzz find: the excepted span ran back one token before the sentence (and the file).
        let effective = try #require(Self.effective(
            "Қоспағанда, осы бұйрық алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі."))
        #expect(effective.summary == "after_publication 10 calendar days")
        #expect(effective.exceptions.count == 1)
        #expect(effective.exceptions[0].targets.isEmpty)
        #expect(effective.exceptions[0].rule == nil)
    }

    @Test("N days after publication is in force from D+N+1")
    func arithmetic() throws {
        let effective = try #require(Self.effective(
            "Осы бұйрық алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі."))
        #expect(effective.inForce(publishedOn: CivilDate(year: 2025, month: 4, day: 10))?.description == "2025-04-21")
        #expect(effective.inForce(publishedOn: nil) == nil)
    }

    @Test("a clause with no date, period or event, or a period Zan does not model, is an error", arguments: [
        "Осы бұйрық белгіленген тәртіппен қолданысқа енгізіледі.",
        "Осы бұйрық алғашқы ресми жарияланған күнінен кейін алты ай өткен соң қолданысқа енгізіледі.",
    ])
    func notUnderstood(_ text: String) {
        let amendments = AmendmentReader().read(SourceFile(text: text + "\n"))
        #expect(amendments.effective == nil)
        #expect(amendments.diagnostics.map(\.id.description) == ["amend.entry-into-force-not-understood"])
    }
}

/// The checks on an order's clause as a whole: none at all, and an editorial note that disagrees.
@Suite("Edits: entry-into-force checks")
struct EntryIntoForceCheckTests {
    static let order = """
        Өзгеріс енгізу туралы
        Қазақстан Республикасы Қаржы министрінің 2026 жылғы 2 ақпандағы № 40 бұйрығы. Қазақстан Республикасының Әділет министрлігінде 2026 жылғы 5 ақпанда № 38100 болып тіркелді
        ЗҚАИ-ның ескертпесі!
        Осы бұйрық 01.04.2026 ж. бастап қолданысқа енгізіледі.
        БҰЙЫРАМЫН:
        1. "Нұсқаулықты бекіту туралы" Қазақстан Республикасы Қаржы министрінің 2020 жылғы 1 маусымдағы № 20 бұйрығына (Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № 20801 болып тіркелген) мынадай өзгеріс енгізілсін:
        5-тармақ алып тасталсын.

        """

    @Test("an order with edits and no clause is warned about")
    func missing() {
        let amendments = AmendmentReader().read(SourceFile(text: Self.order + "2. Осы бұйрықтың орындалуын бақылау вице-министрге жүктелсін.\n"))
        #expect(amendments.edits.count == 1)
        #expect(amendments.effective == nil)
        #expect(amendments.diagnostics.map(\.id.description).contains("amend.no-entry-into-force"))
    }

    @Test("the editorial note cross-checks the clause and never replaces it")
    func noteMismatch() throws {
        let amendments = AmendmentReader().read(SourceFile(text: Self.order
            + "2. Осы бұйрық 2026 жылғы 1 мамырдан бастап қолданысқа енгізіледі.\n"))
        #expect(try #require(amendments.effective).summary == "fixed 2026-05-01")
        let mismatch = try #require(amendments.diagnostics.first { $0.id.description == "amend.entry-into-force-note-mismatch" })
        #expect(mismatch.message == "the editorial note says the act is in force 2026-04-01, its own clause says 2026-05-01")
        #expect(amendments.source.lineColumn(at: mismatch.range!.start).line == 4)
    }
}
