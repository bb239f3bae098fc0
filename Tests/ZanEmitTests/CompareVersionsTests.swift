import Testing
import ZanAmendments
import ZanDocument
@testable import ZanEmit
import ZanText
import ZanTimeline

// Trees written by hand: each test states a before and an after version and the changes
// `CompareVersions` must find, kind by kind.

/// The provenance of an edit by `act` (an instruction at line `line` of its file).
func by(_ act: String, _ op: EditOperation = .replace, line: Int = 5) -> Provenance {
    Provenance(act: act, point: "para_1", op: op, file: act + "/kaz.txt", start: LineColumn(line: line, column: 1),
               end: LineColumn(line: line, column: 40),
               effective: EffectiveDate(CivilDate(iso: "2024-03-01")!, basis: "fixed date in the act"))
}

let base = Provenance(act: "V0", file: "V0/kaz.txt", start: LineColumn(line: 1, column: 1), end: LineColumn(line: 9, column: 1))

func point(_ num: String, _ text: String, under parent: String = "att_1", _ children: [RuleNode] = [],
           provenance: Provenance? = base, unknown: Bool = false, partial: Bool = false, repealed: Bool = false) -> RuleNode {
    let eId = parent + "__para_" + num
    return RuleNode(kind: .paragraph, num: num, eId: eId, text: text.isEmpty ? [] : [num + ". " + text],
                    children: children.map { child in
                        var child = child
                        child.eId = eId + "__subpara_" + (child.num ?? "")
                        return child
                    },
                    unknown: unknown, partial: partial, repealed: repealed, provenance: provenance)
}

func subpoint(_ num: String, _ text: String, provenance: Provenance? = base) -> RuleNode {
    RuleNode(kind: .subparagraph, num: num, text: [num + ") " + text], provenance: provenance)
}

func rules(_ children: [RuleNode], unknown: Bool = false, partial: Bool = false, provenance: Provenance? = base) -> RuleNode {
    let attachment = RuleNode(kind: .attachment, num: "1", eId: "att_1", heading: "Сынақ қағидалары", children: children,
                              unknown: unknown, partial: partial, provenance: provenance)
    return RuleNode(kind: .document, heading: "Сынақ", children: [attachment], unknown: unknown, partial: partial,
                    provenance: provenance)
}

/// "kind label" per change, in order, plus "= labels" for unchanged runs.
func outline(_ entries: [WorkDiff.Entry]) -> [String] {
    entries.map { entry in
        switch entry {
        case .change(let change):
            "\(change.kind.rawValue) \(change.unit.label)" + (change.oldUnit.map { " (was \($0.label))" } ?? "")
        case .unchanged(let units):
            "= " + units.map(\.label).joined(separator: ", ")
        }
    }
}

func changes(_ entries: [WorkDiff.Entry]) -> [ProvisionChange] {
    entries.compactMap { if case .change(let change) = $0 { change } else { nil } }
}

@Suite("Diff: structure")
struct CompareVersionsTests {
    @Test("labels: points, subpoints as 2.5), parts, appendices, chapters dropped above points")
    func labels() {
        let attachment = RuleNode(kind: .attachment, num: "1", eId: "att_1")
        let chapter = RuleNode(kind: .chapter, num: "3", eId: "att_1__chp_3")
        let para = RuleNode(kind: .paragraph, num: "2", eId: "att_1__chp_3__para_2")
        let sub = RuleNode(kind: .subparagraph, num: "5", eId: "att_1__chp_3__para_2__subpara_5")
        let part = RuleNode(kind: .part, num: "2", eId: "att_1__para_6__part_2")
        let appendix = RuleNode(kind: .appendix, num: "1", eId: "att_1__app_1")
        let table = RuleNode(kind: .table, num: "1", eId: "att_1__app_1__table_1")
        let row = RuleNode(kind: .row, num: "2", eId: "att_1__app_1__table_1__row_2")
        #expect(UnitLabel.unit([attachment, chapter, para, sub]) == .init(eId: sub.eId, label: "2.5)", part: "att_1"))
        #expect(UnitLabel.unit([attachment, chapter]).label == "chapter 3")
        #expect(UnitLabel.unit([attachment, para, part]).label == "2 › part 2")
        #expect(UnitLabel.unit([attachment, appendix, table, row]).label == "appendix 1 › table 1 › row 2")
        #expect(UnitLabel.unit([attachment]) == .init(eId: "att_1", label: "attachment 1", part: "att_1"))
        #expect(UnitLabel.unit([RuleNode(kind: .paragraph, num: "4", eId: "para_4")]) == .init(eId: "para_4", label: "4", part: nil))
    }

    @Test("a complete base: a word change, an insertion, a deletion, a restatement, unchanged runs")
    func completeBase() {
        let old = rules([
            point("1", "Осы Қағидалар тәртіпті айқындайды."),
            point("2", "Қызметті министрлік көрсетеді."),
            point("3", "Өтініш қағаз түрінде беріледі."),
            point("4", "Мерзімі он жұмыс күні."),
            point("5", "Қызмет тегін көрсетіледі."),
        ])
        let new = rules([
            point("1", "Осы Қағидалар тәртіпті айқындайды."),
            point("2", "Қызметті министрлік пен оның бөлімшелері көрсетеді.", provenance: by("V1", .insertWords)),
            point("3", "Өтініш қағаз түрінде беріледі."),
            point("3-1", "Өтініш электрондық түрде де берілуі мүмкін.", provenance: by("V1", .insert)),
            point("4", "", provenance: by("V1", .delete), repealed: true),
            point("5", "Қызмет тегін көрсетіледі.", provenance: by("V1")),
        ])
        let entries = CompareVersions.entries(old, new)
        #expect(outline(entries) == ["= 1", "changed 2", "= 3", "added 3-1", "repealed 4", "restated 5"])
        let found = changes(entries)
        #expect(found[0].words == [.init(.equal, "2. Қызметті министрлік "), .init(.insert, "пен оның бөлімшелері"),
                                   .init(.equal, " көрсетеді.")])
        #expect(found[1].before == .absent && found[1].after == .text(["3-1. Өтініш электрондық түрде де берілуі мүмкін."], complete: true))
        #expect(found[2].before == .text(["4. Мерзімі он жұмыс күні."], complete: true) && found[2].after == .repealed)
        #expect(found[3].words == nil)
        #expect(found.allSatisfy { $0.provenance.map(\.act) == ["V1"] })
    }

    @Test("a partial base: earlier text not in corpus, never 'added' unless an insertion made it")
    func partialBase() {
        let old = rules([point("3", "Ескі мәтін белгілі.")], unknown: true, partial: true, provenance: nil)
        let new = rules([
            point("2", "", [subpoint("5", "жаңа тармақша мәтіні;", provenance: by("V2"))], provenance: nil, unknown: true, partial: true),
            point("3", "Ескі мәтін белгілі."),
            point("3-1", "Енгізілген жаңа тармақ.", provenance: by("V2", .insert)),
            point("5", "", provenance: by("V2", .replaceWords), unknown: true, partial: true),
            point("7", "Жаңа редакциядағы мәтін.", provenance: by("V2")),
            point("8", "", provenance: by("V2", .delete), repealed: true),
        ], unknown: true, partial: true, provenance: nil)
        let entries = CompareVersions.entries(old, new)
        #expect(outline(entries) == ["changed 2.5)", "= 3", "added 3-1", "changed 5", "changed 7", "repealed 8"])
        let found = changes(entries)
        #expect(found[0].before == .notInCorpus && found[0].words == nil)
        #expect(found[1].before == .absent)
        #expect(found[2].before == .notInCorpus && found[2].after == .notInCorpus && found[2].provenance.first?.op == .replaceWords)
        #expect(found[3].before == .notInCorpus)
        #expect(found[4].before == .notInCorpus && found[4].after == .repealed)
    }

    @Test("renumbering: same wording at a new number is a move, reworded ones too; a new first point is added")
    func renumbering() {
        let old = rules([
            point("4", "Өтініш берушінің деректері тізілімге енгізіледі."),
            point("5", "Тіркеу туралы куәлік үш жұмыс күні ішінде беріледі."),
            point("6", "Тіркеуден бас тарту негіздері:", [subpoint("1", "құжаттардың толық болмауы;"), subpoint("2", "деректердің дұрыс болмауы.")]),
        ])
        let edition = by("V3")
        let new = rules([
            point("4", "Тіркеу үшін өтініш беріледі.", provenance: edition),
            point("5", "Өтініш берушінің деректері тізілімге енгізіледі.", provenance: edition),
            point("6", "Тіркеу туралы куәлік бес жұмыс күні ішінде беріледі.", provenance: edition),
            point("7", "Тіркеуден бас тарту негіздері:", [subpoint("1", "құжаттардың толық болмауы;", provenance: edition),
                                                        subpoint("2", "деректердің дұрыс болмауы.", provenance: edition)],
                  provenance: edition),
        ])
        let entries = CompareVersions.entries(old, new)
        #expect(outline(entries) == ["added 4", "moved 5 (was 4)", "moved 6 (was 5)", "moved 7 (was 6)"])
        let found = changes(entries)
        #expect(found[1].words == [.init(.delete, "4."), .init(.insert, "5."), .init(.equal, " Өтініш берушінің деректері тізілімге енгізіледі.")])
        #expect(found[2].words?.contains(.init(.delete, "үш")) == true && found[2].words?.contains(.init(.insert, "бес")) == true)
    }

    @Test("a point moved to another chapter is one move, not a deletion and an addition")
    func moveAcrossParents() {
        func chapter(_ num: String, _ points: [RuleNode]) -> RuleNode {
            RuleNode(kind: .chapter, num: num, eId: "att_1__chp_" + num, heading: "Тарау " + num, children: points.map { point in
                var point = point
                point.eId = "att_1__chp_\(num)__para_\(point.num!)"
                return point
            }, provenance: base)
        }
        let old = rules([chapter("1", [point("1", "Бірінші тараудағы тұрақты мәтін."), point("2", "Көшірілетін тармақтың ұзын мәтіні.")]),
                         chapter("2", [point("3", "Екінші тараудағы мәтін.")])])
        let new = rules([chapter("1", [point("1", "Бірінші тараудағы тұрақты мәтін.")]),
                         chapter("2", [point("2", "Көшірілетін тармақтың ұзын мәтіні.", provenance: by("V4")),
                                       point("3", "Екінші тараудағы мәтін.")])])
        let entries = CompareVersions.entries(old, new)
        #expect(outline(entries) == ["= 1", "moved 2 (was 2)", "= 3"])
        #expect(changes(entries)[0].oldUnit?.eId == "att_1__chp_1__para_2" && changes(entries)[0].unit.eId == "att_1__chp_2__para_2")
    }

    @Test("a lead-in changed above unchanged subpoints: the point's own text alone")
    func leadIn() {
        let old = rules([point("6", "Беруші:", [subpoint("1", "өтінішті қабылдайды;"), subpoint("2", "нәтижені береді.")])])
        let new = rules([point("6", "Көрсетілетін қызметті беруші:", [subpoint("1", "өтінішті қабылдайды;"), subpoint("2", "нәтижені береді.")],
                               provenance: by("V5"))])
        let entries = CompareVersions.entries(old, new)
        #expect(outline(entries) == ["changed 6", "= 6.1), 6.2)"])
        #expect(changes(entries)[0].before == .text(["6. Беруші:"], complete: true))
    }

    @Test("a removed unit: gone from its parent's new wording")
    func removed() {
        let old = rules([point("6", "Беруші:", [subpoint("1", "өтінішті қабылдайды;"), subpoint("2", "нәтижені береді.")])])
        let new = rules([point("6", "Беруші:", [subpoint("1", "өтінішті қабылдайды;", provenance: by("V6"))], provenance: by("V6"))])
        let entries = CompareVersions.entries(old, new)
        #expect(outline(entries) == ["= 6.1)", "removed 6.2)"])
        #expect(changes(entries)[0].after == .absent && changes(entries)[0].provenance.map(\.act) == ["V6"])
    }

    @Test("the same version: nothing but one unchanged run per part")
    func same() {
        let tree = rules([point("1", "Мәтін."), point("2", "Тағы мәтін.")])
        #expect(outline(CompareVersions.entries(tree, tree)) == ["= 1, 2"])
    }

    @Test("rule values: a term from 5 to 6 working days, a fee no longer free; a reworded term of the same length is not one")
    func values() {
        let old = rules([
            point("1", "Мерзімі 5 (бес) жұмыс күнін құрайды."),
            point("2", "Қызмет тегін көрсетіледі."),
            point("3", "Өтініш 3 (үш) жұмыс күні ішінде қаралады."),
        ])
        let new = rules([
            point("1", "Мерзімі 6 (алты) жұмыс күнін құрайды.", provenance: by("V7")),
            point("2", "Қызмет үшін 2 АЕК алынады.", provenance: by("V7")),
            point("3", "Өтінішті орган 3 (үш) жұмыс күні ішінде қарайды.", provenance: by("V7")),
        ])
        let changes = ValueChange.between(old, new, moves: [:])
        #expect(changes.map { "\($0.unit.label): \(ValueChange.describe($0.before)) → \(ValueChange.describe($0.after))" }
                == ["1: 5 working days within → 6 working days within", "2: free → 2 MCI"])
        #expect(changes.map(\.provenance?.act) == ["V7", "V7"])
    }
}
