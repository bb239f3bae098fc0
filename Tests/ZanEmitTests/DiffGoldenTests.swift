import Foundation
import Testing
@testable import ZanEmit
import ZanTestSupport
import ZanText
import ZanTimeline

/// The three formats of one diff against `Tests/Fixtures/diff/<case>/expected.{txt,json,html}`,
/// the HTML checked with xmllint (as HTML and as XML) and for anything that would fetch from the
/// network.
func checkGoldens(_ diff: WorkDiff, _ folder: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    Golden.check(diff.text(), "diff/\(folder)/expected.txt", sourceLocation: sourceLocation)
    Golden.check(diff.json().serialized(pretty: true) + "\n", "diff/\(folder)/expected.json", sourceLocation: sourceLocation)
    let html = diff.html()
    Golden.check(html, "diff/\(folder)/expected.html", sourceLocation: sourceLocation)
    try checkHTML(html, sourceLocation: sourceLocation)
}

/// Well-formed (xmllint --html, and xmllint as XML), self-contained, UTF-8, Kazakh.
func checkHTML(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    for needle in ["http://", "https://", "src=", "url(", "@import", "<link", "<script", "<img", "<iframe"] {
        #expect(!html.contains(needle), "the page must not load anything: found \(needle)", sourceLocation: sourceLocation)
    }
    #expect(html.contains("<meta charset=\"utf-8\"/>") && html.contains("<html lang=\"kk\">"), sourceLocation: sourceLocation)
    #expect(html.contains("\"Noto Serif\", \"PT Serif\", \"DejaVu Serif\""), sourceLocation: sourceLocation)
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("zan-diff-\(UUID().uuidString).html")
    try Data(html.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    for arguments in [["--html", "--noout", file.path], ["--noout", file.path]] {
        let result = try ExternalTool.run("xmllint", arguments)
        if result.status == 127 {
            Issue.record("xmllint is missing: install libxml2-utils (.ci/run does)", sourceLocation: sourceLocation)
            return
        }
        #expect(result.status == 0 && result.output.isEmpty, "xmllint \(arguments[0]): \(result.output)", sourceLocation: sourceLocation)
    }
}

func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

/// The diff's changes as "kind label" lines.
func kinds(_ diff: WorkDiff) -> [String] {
    diff.changes.map { "\($0.kind.rawValue) \($0.unit.label)" + ($0.oldUnit.map { " (was \($0.label))" } ?? "") }
}

@Suite("Diff: the bundled corpus (committed rules/)")
struct SeedDiffTests {
    let rules = Golden.packageRoot.appendingPathComponent("rules").path

    @Test("Order 130 in V2300033763: exactly the provisions it changed, each by V2600038247")
    func order130() throws {
        let history = try RuleSetStore.load("V2300033763", from: rules)
        let diff = try WorkDiff.between(history, from: day("2026-07-11"), to: day("2026-07-12")).get()
        #expect(diff.changes.map(\.unit.label)
                == ["2.5)", "5", "6", "9", "10", "13", "14.1)", "14.2)", "16", "17", "appendix 1", "appendix 2"])
        #expect(diff.changes.allSatisfy { $0.kind == .changed && $0.provenance.map(\.act) == ["V2600038247"] })
        #expect(diff.changes.allSatisfy { $0.provenance.first?.effective?.date == day("2026-07-12") })
        #expect(diff.amendedBy == ["V2600038247"])
        // Point 13: Order 115's wording before, one word changed, nothing else.
        let point13 = try #require(diff.changes.first { $0.unit.label == "13" })
        let changed = point13.words?.filter { $0.op != .equal } ?? []
        #expect(changed == [.init(.delete, "электрондық"), .init(.insert, "цифрлық")])
        // Every other change: the earlier text is not in the corpus.
        #expect(diff.changes.filter { $0.unit.label != "13" }.allSatisfy { $0.before == .notInCorpus && $0.words == nil })
        #expect(diff.unchanged.map(\.label) == ["24.19)"])
        // --order gives the same diff.
        let byOrder = try WorkDiff.order(history, "V2600038247").get()
        #expect(byOrder.text().replacingOccurrences(of: "order: V2600038247\n", with: "") == diff.text())
        try checkGoldens(diff, "seeds/V2300033763-order-130")
    }

    @Test("V2300033763 from before Order 115 to after Order 130: both orders, provisional dates marked")
    func bothOrders() throws {
        let history = try RuleSetStore.load("V2300033763", from: rules)
        let diff = try WorkDiff.between(history, from: day("2024-01-01"), to: day("2026-07-12")).get()
        #expect(diff.amendedBy == ["V2500035943", "V2600038247"])
        let point19 = try #require(diff.changes.first { $0.unit.label == "24.19)" })
        #expect(point19.provenance.first?.act == "V2500035943" && point19.provenance.first?.effective?.provisional == true)
        #expect(diff.text().contains("in force from 2025-04-15 at the earliest (provisional:"))
        let point13 = try #require(diff.changes.first { $0.unit.label == "13" })
        #expect(point13.provenance.map(\.act) == ["V2500035943", "V2600038247"], "both orders that set point 13")
        try checkGoldens(diff, "seeds/V2300033763-2024-to-2026")
    }

    @Test("Order 115 restates the whole Rules of V2100023983, whose earlier text is not in the corpus")
    func newEdition() throws {
        let history = try RuleSetStore.load("V2100023983", from: rules)
        let diff = try WorkDiff.order(history, "V2500035943").get()
        #expect(kinds(diff) == ["changed attachment 1"])
        #expect(diff.changes[0].before == .notInCorpus && diff.changes[0].unit.part == "att_1")
        try checkGoldens(diff, "seeds/V2100023983-order-115")
    }

    @Test("Order 130 in V2500035912: parts 2 and 3 of points 4 and 8")
    func parts() throws {
        let history = try RuleSetStore.load("V2500035912", from: rules)
        let diff = try WorkDiff.order(history, "V2600038247").get()
        #expect(kinds(diff) == ["changed 4 › part 2", "changed 4 › part 3", "changed 8 › part 2", "changed 8 › part 3"])
        try checkGoldens(diff, "seeds/V2500035912-order-130")
    }

    @Test("asking for what cannot be compared: an order that does not amend the work, a date before it exists")
    func selectionErrors() throws {
        let history = try RuleSetStore.load("V2300033763", from: rules)
        guard case .failure(let notAmending) = WorkDiff.order(history, "V2100023983") else {
            Issue.record("V2100023983 does not amend V2300033763"); return
        }
        #expect(notAmending.exitCode == 1 && notAmending.description.contains("V2500035943, V2600038247"))
        guard case .failure(let early) = WorkDiff.between(history, from: day("2020-01-01"), to: day("2026-07-12")) else {
            Issue.record("2020 is before V2300033763 exists"); return
        }
        #expect(early.exitCode == 4 && early.description.contains("not in force yet on 2020-01-01"))
    }
}

@Suite("Diff: synthetic corpus (Tests/Fixtures/diff/synthetic)")
struct SyntheticDiffTests {
    static let histories: [String: WorkHistory] = {
        let corpus = Golden.fixture("diff/synthetic/corpus").path
        guard let loaded = try? Corpus.load(corpus) else { return [:] }
        return Timeline.build(loaded.documents.compactMap { ReadAct.read($0).0 }).histories
    }()

    func history(_ id: String) throws -> WorkHistory { try #require(Self.histories[id]) }

    @Test("words at the start and end, an insertion, a struck-out point, a subpoint reworded")
    func wordsAndUnits() throws {
        let diff = try WorkDiff.order(try history("V2400091001"), "V2400091002").get()
        #expect(kinds(diff) == ["changed 1", "changed 2", "added 3-1", "changed 6.2)", "repealed 7"])
        #expect(diff.changes[0].words?.prefix(3) == [.init(.equal, "1. "), .init(.delete, "Осы"), .init(.insert, "Бұл")])
        #expect(diff.changes[1].words?.suffix(2) == [.init(.insert, "және бақылайды"), .init(.equal, ".")])
        #expect(diff.changes[3].words?.filter { $0.op != .equal }
                == [.init(.delete, "деректердің дұрыс"), .init(.insert, "ұсынылған деректердің анық")])
        try checkGoldens(diff, "synthetic/order-91002")
    }

    @Test("a chapter in a new wording that renumbers its points: moves, not deletions and additions")
    func renumbering() throws {
        let diff = try WorkDiff.order(try history("V2400091001"), "V2400091003").get()
        #expect(kinds(diff) == ["added 4", "moved 5 (was 4)", "moved 6 (was 5)", "moved 7 (was 6)", "removed 7"])
        #expect(diff.changes[4].before == .repealed && diff.changes[4].after == .absent)
        // The rule value that changed, followed through the renumbering: old 5's term → new 6's.
        #expect(diff.valueChanges.map { "\($0.before.eId) \(ValueChange.describe($0.before)) → \($0.after.eId) \(ValueChange.describe($0.after))" }
                == ["att_1__chp_2__para_5 3 working days within → att_1__chp_2__para_6 5 working days within"])
        #expect(diff.valueChanges.first?.provenance?.act == "V2400091003")
        try checkGoldens(diff, "synthetic/order-91003")
    }

    @Test("across both orders: the renumbered point carries the reworded subpoint")
    func acrossOrders() throws {
        let diff = try WorkDiff.between(try history("V2400091001"), from: day("2024-02-01"), to: day("2024-06-01")).get()
        #expect(kinds(diff) == ["changed 1", "changed 2", "added 3-1", "added 4", "moved 5 (was 4)", "moved 6 (was 5)",
                                "moved 7 (was 6)", "removed 7"])
        #expect(diff.amendedBy == ["V2400091002", "V2400091003"])
        #expect(Set(diff.changes.flatMap(\.provenance).map(\.act)) == ["V2400091002", "V2400091003"])
        // Each change names every order that touched the provision, followed through its renumbering.
        func edits(_ index: Int) -> [String] { diff.changes[index].provenance.map { "\($0.act) \($0.op!.rawValue)" } }
        #expect(edits(6) == ["V2400091002 replace", "V2400091003 replace"], "7 (was 6): its subpoint 2) by 91002, then the chapter")
        #expect(edits(7) == ["V2400091002 delete", "V2400091003 replace"], "old 7: struck out by 91002, dropped by 91003")
        #expect(edits(4) == ["V2400091003 replace"])
        try checkGoldens(diff, "synthetic/both-orders")
    }

    @Test("a base not in the corpus: 'not in corpus' on the unknown side, an insertion still 'added'")
    func unknownBase() throws {
        let diff = try WorkDiff.order(try history("V2000020199"), "V2400091004").get()
        #expect(kinds(diff) == ["changed 3", "changed 5", "added 5-1", "repealed 8"])
        #expect(diff.changes.map(\.before) == [.notInCorpus, .notInCorpus, .absent, .notInCorpus])
        #expect(diff.changes[1].after == .notInCorpus)
        try checkGoldens(diff, "synthetic/unknown-base")
    }

    @Test("two dates in one version: no changes, everything unchanged")
    func noChange() throws {
        let diff = try WorkDiff.between(try history("V2400091001"), from: day("2024-03-02"), to: day("2024-03-03")).get()
        #expect(diff.changes.isEmpty && diff.amendedBy.isEmpty)
        #expect(diff.summaryLine == "no changes, 6 unchanged")
        #expect(diff.unchanged.map(\.label) == ["preamble", "1", "2", "signature", "chapter 1", "chapter 2"])
        try checkGoldens(diff, "synthetic/no-change")
    }
}

@Suite("Diff: JSON Schema")
struct DiffSchemaTests {
    @Test("every JSON golden is valid against rules/schema/diff.schema.json (Python jsonschema)")
    func goldensAreValid() throws {
        let folder = Golden.fixture("diff")
        let files = (FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix("expected.json") }.sorted().map { folder.appendingPathComponent($0).path }
        #expect(files.count == 9)
        let result = try ExternalTool.validateRules(Golden.packageRoot.appendingPathComponent("rules").path, diffs: files)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("\(files.count) diffs valid"))
    }

    @Test("the schema rules/ publishes is the one this Zan writes")
    func published() throws {
        let written = try String(contentsOf: Golden.packageRoot.appendingPathComponent("rules/schema/diff.schema.json"), encoding: .utf8)
        #expect(written == RuleSetSchema.diff)
    }
}
