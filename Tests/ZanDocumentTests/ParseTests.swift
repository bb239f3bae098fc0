import Testing
import ZanTestSupport
import ZanText
@testable import ZanDocument

func parse(_ text: String) -> Document {
    DocumentParser().parse(SourceFile(text: text, path: "test.txt"))
}

func node(_ document: Document, _ eId: String, sourceLocation: SourceLocation = #_sourceLocation) -> Provision? {
    let found = document.root.find(eId: eId)
    if found == nil { Issue.record("no node \(eId)", sourceLocation: sourceLocation) }
    return found
}

@Suite("Structure: seed 000 (V2600038247)")
struct Seed000Tests {
    let document: Document

    init() throws {
        document = DocumentParser().parse(try #require(Golden.source("corpus/V2600038247/kaz.txt")))
    }

    @Test("title and header metadata")
    func header() {
        #expect(document.title == "Кейбір бұйрықтарға өзгерістер енгізу туралы")
        #expect(document.metadata == DocumentMetadata(
            kind: "order", issuer: "Қазақстан Республикасы Өнеркәсіп және құрылыс министрінің", acting: false,
            date: CivilDate(iso: "2026-03-30"), number: "130", registrationDate: CivilDate(iso: "2026-03-31"),
            registrationNumber: "38247", id: "V2600038247"))
    }

    @Test("the ЗҚАИ note is a note, not text of the order")
    func note() {
        #expect(document.notes.map(\.text) == ["ЗҚАИ-ның ескертпесі!\nОсы бұйрық 12.07.2026 ж. бастап қолданысқа енгізіледі."])
        #expect(!document.root.fullText.contains("ЗҚАИ"))
    }

    @Test("body points 1–5; points 1 and 2 hold the quotation blocks")
    func body() {
        let points = document.root.children.filter { $0.kind == .paragraph }
        #expect(points.map(\.num) == ["1", "2", "3", "4", "5"])
        #expect(points[0].children.filter { $0.kind == .quotation }.count == 7)
        #expect(points[1].children.filter { $0.kind == .quotation }.count == 2)
        #expect(points[0].children.first?.content.first?.text.hasPrefix("\"5) \"цифрлық үкіметтің\" веб-порталы") == true)
        // The 9–10 quotation spans both points' paragraphs (9's broken by a page break, joined);
        // "10." inside it is not a point of the order.
        #expect(points[0].children[3].content.map { $0.text.prefix(4) } == ["\"9. ", "10. "].map { Substring($0) })
        #expect(document.root.children.map(\.kind).suffix(4) == [.signature, .approval, .attachment, .attachment])
    }

    @Test("att_1 is a form with the family-members table; att_2 the requirements table, rows 1–11")
    func attachments() {
        let form = node(document, "att_1__form")
        #expect(form?.children.first?.kind == .table)
        #expect(form?.children.first?.children.count == 4)
        let table = node(document, "att_2__table_1")
        #expect(table?.children.map(\.num) == (1...11).map(String.init))
        #expect(table?.children.allSatisfy { $0.heading != nil && !$0.content.isEmpty } == true)
        #expect(node(document, "att_2__table_1__row_8")?.heading?.hasSuffix("жұмыс графигі") == true)
        #expect(node(document, "att_2__table_1__row_9")?.heading?.hasSuffix("мәліметтердің тізбесі") == true)
        #expect(node(document, "att_2__table_1__row_8")?.content.first?.text
                .hasSuffix("мереке және демалыс күндерінен басқа Қазақстан Республикасының ;") == true)
        #expect(document.diagnostics.filter { $0.id.name == "table-row-number-inferred" }.count == 2)
    }
}

@Suite("Structure: seed 002 (V2500035943)")
struct Seed002Tests {
    let document: Document

    init() throws {
        document = DocumentParser().parse(try #require(Golden.source("corpus/V2500035943/kaz.txt")))
    }

    @Test("acting minister, dates, numbers, id")
    func header() {
        #expect(document.metadata.acting)
        #expect(document.metadata.date == CivilDate(iso: "2025-04-04"))
        #expect(document.metadata.number == "115")
        #expect(document.metadata.registrationDate == CivilDate(iso: "2025-04-04"))
        #expect(document.metadata.registrationNumber == "35943")
        #expect(document.metadata.id == "V2500035943")
    }

    @Test("body points 1–5 and one attachment: the Rules with chapters 1–3 and points 1–14")
    func rules() throws {
        #expect(document.root.children.filter { $0.kind == .paragraph }.map(\.num) == ["1", "2", "3", "4", "5"])
        let attachments = document.root.children.filter { $0.kind == .attachment }
        #expect(attachments.map(\.eId) == ["att_1"])
        let rules = try #require(attachments.first)
        #expect(rules.heading == "\"Мемлекеттік тұрғын үй қорынан берілетін тұрғын үйлерді жекешелендіру\" мемлекеттік қызметті көрсету жөніндегі қағидалар")
        let chapters = rules.children.filter { $0.kind == .chapter }
        #expect(chapters.map(\.num) == ["1", "2", "3"])
        #expect(chapters.map { $0.children.compactMap(\.num) } == [["1", "2"], (3...12).map(String.init), ["13", "14"]])
        #expect(node(document, "att_1__chp_2__para_9")?.children.map(\.eId) == [
            "att_1__chp_2__para_9__subpara_1", "att_1__chp_2__para_9__subpara_2", "att_1__chp_2__para_9__subpara_3"])
    }

    @Test("the Rules' appendices: 1 the requirements table (rows 1–10 with labels), 2 and 3 forms")
    func appendices() {
        let table = node(document, "att_1__app_1__table_1")
        #expect(table?.children.map(\.num) == (1...10).map(String.init))
        #expect(table?.children.map { StateServiceField.field(ofLabel: $0.heading ?? "") } == [
            .provider, .channels, .term, .form, .result, .fee, .schedule, .documents, .refusalGrounds, .other])
        #expect(node(document, "att_1__app_2__form") != nil)
        #expect(node(document, "att_1__app_3__form") != nil)
        // Row 3's first stage was printed above its number cell and belongs to it.
        #expect(node(document, "att_1__app_1__table_1__row_3")?.content.first?.text.hasPrefix("1) коммуналдық тұрғын үй қорынан") == true)
    }
}

@Suite("Structure: points, parts, subpoints, eIds")
struct PointStructureTests {
    @Test("each text paragraph of a point is a part; a lead-in owns its subpoints")
    func parts() throws {
        let document = parse("""
            Қағидалар

            4. Бірінші бөлік.

            Уәкілетті орган цифрлық жүйелер арқылы:

            1) бірінші мәліметтерді;

            2) екінші мәліметтерді алады.

            Үшінші бөлік.

            5. Бір абзацты тармақ.

            5-1. Енгізілген тармақ:

            1) бір;

            5-1) енгізілген тармақша.
            """)
        let point4 = try #require(document.root.find(eId: "para_4"))
        #expect(point4.children.map(\.eId) == ["para_4__part_1", "para_4__part_2", "para_4__part_3"])
        #expect(document.root.find(eId: "para_4__part_2")?.children.map(\.eId) == ["para_4__subpara_1", "para_4__subpara_2"])
        #expect(document.root.find(eId: "para_4__part_3")?.content.map(\.text) == ["Үшінші бөлік."])
        #expect(document.root.find(eId: "para_5")?.children.isEmpty == true)
        #expect(document.root.find(eId: "para_5-1")?.children.map(\.eId) == ["para_5-1__subpara_1", "para_5-1__subpara_5-1"])
    }

    @Test("paragraphs between subpoints belong to the subpoint before them")
    func subpointParagraphs() throws {
        let document = parse("""
            Қағидалар

            14. Тәртібі:

            1) бірінші.

            Бірінші тармақшаның екінші абзацы;

            2) екінші.
            """)
        #expect(document.root.find(eId: "para_14__subpara_1")?.content.count == 2)
        #expect(document.root.find(eId: "para_14__subpara_2")?.content.count == 1)
    }

    @Test("chapters hold points; a Russian heading works the same")
    func chapters() {
        let document = parse("Правила\n\nГлава 1. Общие положения\n\n1. Текст.\n\n2-тарау. Тәртіп\n\n2. Мәтін.")
        #expect(document.root.find(eId: "chp_1")?.heading == "Общие положения")
        #expect(document.root.find(eId: "chp_1__para_1") != nil)
        #expect(document.root.find(eId: "chp_2__para_2") != nil)
    }

    @Test("golden trees of own cases", arguments: ["points-parts", "quotations"])
    func goldens(_ name: String) throws {
        let file = try #require(Golden.source("Tests/Fixtures/parse/\(name)/input.txt"))
        let document = DocumentParser().parse(file)
        Golden.check(document.dumpTree(), "parse/\(name)/expected.tree.txt")
        Golden.check(diagnostics: document.diagnostics, in: file, "parse/\(name)/expected.diagnostics.txt")
    }

    @Test("seed goldens", arguments: ["V2600038247", "V2500035943"])
    func seedGoldens(_ id: String) throws {
        let file = try #require(Golden.source("corpus/\(id)/kaz.txt"))
        let document = DocumentParser().parse(file)
        Golden.check(document.dumpTree(), "parse/seed-\(id)/expected.tree.txt")
        Golden.check(document.json().serialized(pretty: true) + "\n", "parse/seed-\(id)/expected.json")
    }
}

@Suite("Structure: quotations and headers")
struct QuotationHeaderTests {
    @Test("a quotation that never closes runs to the next point, with a warning")
    func unclosed() throws {
        let document = parse("""
            Бұйрық

            БҰЙЫРАМЫН:

            1. Қағидаларда:

            13-тармақ мынадай редакцияда жазылсын:

            "13. Мәтін басталады

            Әрі жалғасады.

            2. Осы бұйрық қолданысқа енгізіледі.
            """)
        let quotation = try #require(document.root.find(eId: "para_1__qstr_1"))
        #expect(quotation.content.count == 2)
        #expect(document.root.find(eId: "para_2") != nil)
        #expect(document.diagnostics.map(\.id.description) == ["document.unclosed-quotation"])
    }

    @Test("«» quotes nest; a point number inside a quotation is not a point of the order")
    func nested() {
        let document = parse("""
            Бұйрық

            БҰЙЫРАМЫН:

            1. Өзгерістер:

            «2. «Ішкі» атауы бар мәтін.

            3. Келесі тармақ.»;

            2. Соңғы тармақ.
            """)
        #expect(document.root.children.filter { $0.kind == .paragraph }.map(\.num) == ["1", "2"])
        #expect(document.root.find(eId: "para_1__qstr_1")?.content.count == 2)
    }

    @Test("header facts of a decree and an acting official")
    func headers() {
        let (metadata, missing) = ParseHeader.parse("Қазақстан Республикасы Денсаулық сақтау министрінің міндетін атқарушының 2021 жылғы 5 қаңтардағы № 12 бұйрығы. Қазақстан Республикасының Әділет министрлігінде 2021 жылғы 8 қаңтарда № 22050 болып тіркелді")
        #expect(metadata.acting)
        #expect(metadata.id == "V2100022050")
        #expect(metadata.date?.description == "2021-01-05")
        #expect(missing.isEmpty)
        let (partial, gaps) = ParseHeader.parse("Қазақстан Республикасы Үкіметінің 2008 жылғы 25 қаңтардағы № 64 қаулысы")
        #expect(partial.kind == "decree")
        #expect(partial.number == "64")
        #expect(gaps == ["registration number"])
    }

    @Test("a header that does not state its registration is a located warning")
    func incompleteHeader() {
        let document = parse("""
            Бұйрық туралы

            Қазақстан Республикасы Қаржы министрінің 2024 жылғы 5 наурыздағы № 50 бұйрығы.

            БҰЙЫРАМЫН:

            1. Осы бұйрық қол қойылған күнінен бастап қолданысқа енгізіледі.
            """)
        #expect(document.metadata.number == "50")
        #expect(document.metadata.id == nil)
        #expect(document.diagnostics.map { $0.oneLine(in: document.source) } == [
            "test.txt:3:1: warning: [document.header-incomplete] header sentence does not state the registration number",
        ])
    }
}
