import Testing
import ZanAmendments
import ZanTestSupport
import ZanText

/// The seeds' edits, as issue 4 states them, and their goldens (JSON contract and text listing).
@Suite("Edits: the seeds")
struct SeedEditsTests {
    static func read(_ id: String) throws -> Amendments {
        AmendmentReader().read(try #require(Golden.source("corpus/\(id)/kaz.txt")))
    }

    /// An edit as "act document op [target] + [target]".
    static func summary(_ edit: Edit) -> String {
        "\(edit.act?.id ?? "-") \(edit.document.rawValue) \(edit.op.rawValue) "
            + edit.targets.map { "[\($0)]" }.joined(separator: " + ")
    }

    @Test("seed 000: 11 replace edits on the Rules approved by V2300033763 and V2500035912")
    func seed000() throws {
        let amendments = try Self.read("V2600038247")
        #expect(amendments.edits.map(Self.summary) == [
            "V2300033763 approved replace [paragraph 2 › subparagraph 5]",
            "V2300033763 approved replace [paragraph 5]",
            "V2300033763 approved replace [paragraph 6]",
            "V2300033763 approved replace [paragraph 9] + [paragraph 10]",
            "V2300033763 approved replace [paragraph 13]",
            "V2300033763 approved replace [paragraph 14 › subparagraph 1] + [paragraph 14 › subparagraph 2]",
            "V2300033763 approved replace [paragraph 16] + [paragraph 17]",
            "V2300033763 approved replace [appendix 1]",
            "V2300033763 approved replace [appendix 2]",
            "V2500035912 approved replace [paragraph 4 › part 2] + [paragraph 4 › part 3]",
            "V2500035912 approved replace [paragraph 8 › part 2] + [paragraph 8 › part 3]",
        ])
        let point13 = try #require(amendments.edits.first { $0.targets.first?.description == "paragraph 13" })
        #expect(point13.newText?.hasPrefix("13. Мемлекеттік корпорациядан") == true)
        #expect(point13.newText?.hasSuffix("6 (алты) жұмыс күнін құрайды.") == true)
        let point14 = amendments.edits[5]
        #expect(point14.newText?.hasPrefix("1) Көрсетілетін қызметті беруші өтініш келіп түскен") == true)
        #expect(point14.newText?.hasSuffix("Қағиданың 25-тармағына сәйкес анықталады") == true)
        // A replaced subpoint keeps its paragraphs: each payload subpoint has its parts.
        #expect(point14.payload.map { "\($0.kind.rawValue) \($0.num ?? "-")" } == ["subparagraph 1", "subparagraph 2"])
        #expect(point14.payload[0].fullText.split(separator: "\n").count == 2)
        #expect(amendments.edits[7].attachment == "att_1")
        #expect(amendments.edits[8].attachment == "att_2")
        #expect(amendments.edits[7].act?.date?.description == "2023-12-08")
        #expect(amendments.edits[7].act?.number == "117")
        #expect(amendments.edits[9].act?.registration == "35912")
        // Parts 2 and 3 of point 4: the lead-in with its subpoints, then the closing paragraph.
        #expect(amendments.edits[9].payload.map { "\($0.kind.rawValue) \($0.num ?? "-") \($0.children.count)" }
                == ["part 2 3", "part 3 0"])
        let effective = try #require(amendments.effective)
        #expect(effective.kind == .fixed)
        #expect(effective.date?.description == "2026-07-12")
        #expect(amendments.coverage == Coverage(instructionSentences: 11, edits: 11, diagnosed: 0, understood: 11))
        #expect(!amendments.diagnostics.hasErrors)
    }

    @Test("seed 002: the whole approved Rules of V2100023983 in a new edition, and two points of V2300033763")
    func seed002() throws {
        let amendments = try Self.read("V2500035943")
        #expect(amendments.edits.map(Self.summary) == [
            "V2100023983 approved replace [whole document]",
            "V2300033763 approved replace [paragraph 13]",
            "V2300033763 approved replace [paragraph 24 › subparagraph 19]",
        ])
        #expect(amendments.edits[0].targets == [TargetPath.whole])
        #expect(amendments.edits[0].attachment == "att_1")
        #expect(amendments.edits[0].act?.number == "437")
        let effective = try #require(amendments.effective)
        #expect(effective.kind == .afterPublication)
        #expect(effective.days == 10)
        #expect(effective.calendar == true)
        #expect(amendments.coverage == Coverage(instructionSentences: 3, edits: 3, diagnosed: 0, understood: 3))
        #expect(!amendments.diagnostics.hasErrors)
    }

    @Test("goldens: edits JSON and text listing of both seeds", arguments: ["V2600038247", "V2500035943"])
    func goldens(id: String) throws {
        let amendments = try Self.read(id)
        Golden.check(amendments.json().serialized(pretty: true) + "\n", "edits/seed-\(id)/expected.edits.json")
        Golden.check(amendments.text(), "edits/seed-\(id)/expected.edits.txt")
        Golden.check(diagnostics: amendments.diagnostics, in: amendments.source, "edits/seed-\(id)/expected.diagnostics.txt")
    }
}

/// Goldens of own cases: a whole order that uses many formulas (attachment payload, repeal,
/// lead-ins, words, split entry into force) and a fragment of broken instructions.
@Suite("Edits: fixture goldens")
struct FixtureEditsTests {
    @Test("goldens of own cases", arguments: ["order-formulas", "fragment-broken", "decree-attachment"])
    func goldens(name: String) throws {
        let source = try #require(Golden.source("Tests/Fixtures/edits/\(name)/input.txt"))
        let amendments = AmendmentReader().read(source)
        Golden.check(amendments.json().serialized(pretty: true) + "\n", "edits/\(name)/expected.edits.json")
        Golden.check(amendments.text(), "edits/\(name)/expected.edits.txt")
        Golden.check(diagnostics: amendments.diagnostics, in: source, "edits/\(name)/expected.diagnostics.txt")
        #expect(amendments.coverage.isComplete)
    }

    @Test("the order's coverage and the fragment's findings")
    func counts() throws {
        let order = AmendmentReader().read(try #require(Golden.source("Tests/Fixtures/edits/order-formulas/input.txt")))
        #expect(order.coverage == Coverage(instructionSentences: 8, edits: 8, diagnosed: 0, understood: 8))
        #expect(order.edits.last?.op == .repealAct)
        let broken = AmendmentReader().read(try #require(Golden.source("Tests/Fixtures/edits/fragment-broken/input.txt")))
        #expect(broken.coverage == Coverage(instructionSentences: 8, edits: 3, diagnosed: 6, understood: 2))
        #expect(broken.diagnostics.filter { $0.severity == .note }.map(\.id.description) == ["amend.editorial-form"])
    }
}
