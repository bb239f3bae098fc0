import Foundation
import Testing
import ZanTestSupport
import ZanText
import ZanTimeline

/// The checks the synthetic corpus does not provoke, each on a small synthetic order (invented
/// acts) against the synthetic base V2400090001 (complete Rules, in force from 2024-01-21).
@Suite("Timeline: the other checks")
struct TimelineCheckTests {
    static let base: ReadAct = {
        let path = Golden.fixture("timeline/synthetic/corpus/V2400090001/kaz.txt").path
        guard case .success(let file)? = try? SourceFile.read(path: path) else { fatalError("missing synthetic base") }
        return ReadAct(id: "V2400090001", file: file, published: CivilDate(year: 2024, month: 1, day: 10))
    }()

    static let reference = "«Сынақ қызметін көрсету қағидаларын бекіту туралы» Қазақстан Республикасы Сынақ министрінің 2024 жылғы 5 қаңтардағы № 1 бұйрығына (Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № 90001 болып тіркелген)"

    /// An amending order (SYNTHETIC) with `instructions` under the lead-in to the approved Rules.
    static func order(_ instructions: String, effective: String? = "Осы бұйрық 2024 жылғы 1 сәуірден бастап қолданысқа енгізіледі.") -> ReadAct {
        var text = """
            Сынақ бұйрығына өзгерістер енгізу туралы
            Қазақстан Республикасы Сынақ министрінің 2024 жылғы 15 наурыздағы № 30 бұйрығы. Қазақстан Республикасының Әділет министрлігінде 2024 жылғы 18 наурызда № 90030 болып тіркелді
            БҰЙЫРАМЫН:
            1. \(reference) мынадай өзгерістер енгізілсін:
            көрсетілген бұйрықпен бекітілген Сынақ қызметін көрсету қағидаларында:
            \(instructions)

            """
        if let effective { text += "2. \(effective)\n" }
        return ReadAct(id: "V2400090030", file: SourceFile(text: text, path: "synthetic/V2400090030/kaz.txt"))
    }

    static func ids(_ acts: [ReadAct]) -> [String] {
        Timeline.build(acts).findings.filter { $0.diagnostic.severity <= .warning }.map(\.diagnostic.id.description)
    }

    @Test("inserting a unit the work already has")
    func unitExists() {
        #expect(Self.ids([Self.base, Self.order("мынадай мазмұндағы 3-тармақпен толықтырылсын:\n«3. Қайталанған тармақ.».")])
                == ["timeline.unit-exists"])
    }

    @Test("an act whose entry into force is not stated: its edits get no date")
    func noEffectiveDate() {
        let ids = Self.ids([Self.base, Self.order("5-тармақ алып тасталсын.", effective: nil)])
        #expect(ids.contains("timeline.no-effective-date"))
        #expect(ids.contains("amend.no-entry-into-force"))
    }

    @Test("a unit below the structure kept, for an operation that needs a unit")
    func unsupportedTarget() {
        #expect(Self.ids([Self.base, Self.order("6-тармақтың екінші абзацы алып тасталсын.")]) == ["timeline.unsupported-target"])
    }

    @Test("instructions that name no act")
    func unidentifiedAct() {
        let fragment = ReadAct(id: "V2400090031", file: SourceFile(text: "5-тармақ алып тасталсын.\n", path: "fragment.txt"))
        #expect(Self.ids([Self.base, fragment]).contains("timeline.unidentified-act"))
    }

    @Test("Rules of an act that approves none")
    func approvedDocumentNotFound() {
        let text = """
            Сынақ бұйрығына өзгеріс енгізу туралы
            Қазақстан Республикасы Сынақ министрінің 2024 жылғы 15 наурыздағы № 31 бұйрығы. Қазақстан Республикасының Әділет министрлігінде 2024 жылғы 18 наурызда № 90032 болып тіркелді
            БҰЙЫРАМЫН:
            1. «Сынақ бұйрығына өзгерістер енгізу туралы» Қазақстан Республикасы Сынақ министрінің 2024 жылғы 15 наурыздағы № 30 бұйрығына (Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № 90030 болып тіркелген) мынадай өзгеріс енгізілсін:
            көрсетілген бұйрықпен бекітілген Басқа қағидалардың 1-тармағы алып тасталсын.
            2. Осы бұйрық 2024 жылғы 1 мамырдан бастап қолданысқа енгізіледі.

            """
        let amending = ReadAct(id: "V2400090032", file: SourceFile(text: text, path: "synthetic/V2400090032/kaz.txt"))
        #expect(Self.ids([Self.base, Self.order("5-тармақ алып тасталсын."), amending]) == ["timeline.approved-document-not-found"])
    }

    @Test("an act amending two works: each work takes its edits, and only its own, with another act's")
    func actAmendingTwoWorks() throws {
        let text = """
            Сынақ бұйрықтарына өзгерістер енгізу туралы
            Қазақстан Республикасы Сынақ министрінің 2024 жылғы 20 наурыздағы № 33 бұйрығы. Қазақстан Республикасының Әділет министрлігінде 2024 жылғы 22 наурызда № 90033 болып тіркелді
            БҰЙЫРАМЫН:
            1. \(Self.reference) мынадай өзгерістер енгізілсін:
            көрсетілген бұйрықпен бекітілген Сынақ қызметін көрсету қағидаларында:
            5-тармақ алып тасталсын.
            2. «Басқа сынақ қағидаларын бекіту туралы» Қазақстан Республикасы Сынақ министрінің 2023 жылғы 1 ақпандағы № 7 бұйрығына (Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № 80007 болып тіркелген) мынадай өзгеріс енгізілсін:
            3-тармақ алып тасталсын.
            3. Осы бұйрық 2024 жылғы 1 сәуірден бастап қолданысқа енгізіледі.

            """
        let both = ReadAct(id: "V2400090033", file: SourceFile(text: text, path: "synthetic/V2400090033/kaz.txt"))
        #expect(both.targets == ["V2400090001", "V2300080007"])
        let later = Self.order("6-тармақ алып тасталсын.", effective: "Осы бұйрық 2024 жылғы 1 мамырдан бастап қолданысқа енгізіледі.")
        let timeline = Timeline.build([Self.base, both, later])
        #expect(timeline.findings.filter { $0.diagnostic.severity <= .warning }.isEmpty)
        /// The numbers of the points struck out in a work's last version, and its versions' acts.
        func struck(_ id: String) throws -> (points: [String], acts: [String]) {
            let history = try #require(timeline.histories[id])
            let last = try #require(history.versions.last)
            var points: [String] = []
            func visit(_ node: RuleNode) {
                if node.repealed, node.kind == .paragraph, let num = node.num { points.append(num) }
                node.children.forEach(visit)
            }
            visit(last.root)
            return (points.sorted(), history.versions.flatMap(\.amendedBy))
        }
        let base = try struck("V2400090001"), other = try struck("V2300080007")
        #expect(base.points == ["5", "6"])
        #expect(base.acts == ["V2400090033", "V2400090030"])
        #expect(other.points == ["3"])
        #expect(other.acts == ["V2400090033"])
    }

    @Test("a clean order gives no finding and one more version")
    func clean() {
        let acts = [Self.base, Self.order("5-тармақ алып тасталсын.")]
        #expect(Self.ids(acts).isEmpty)
        #expect(Timeline.build(acts).histories["V2400090001"]?.versions.count == 2)
    }
}
