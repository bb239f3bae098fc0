import Foundation
import Testing
import ZanAmendments
import ZanCorpusGen
@testable import ZanEmit
import ZanTestSupport
import ZanText
import ZanTimeline

/// A build renders a work's versions one after the other, carrying from each to the next what
/// did not change: the facts of unchanged units and their entries in the fact table, and, while
/// only wording changes, their resolved references (`WorkFacts`); the units stated before
/// (`UnitTable`). These hold each to what a version gives read on its own, in any order of
/// versions.
@Suite("A work's versions rendered incrementally")
struct IncrementalRenderTests {
    /// Facts placed in one `WorkFacts` over the versions oldest first, newest first, and oldest
    /// first again are the facts each version gives read on its own; and the references it
    /// resolves anew report what all the version's references report (`ReferenceCheck`, each
    /// warning once).
    func checkFacts(_ history: WorkHistory, _ name: String) -> Int {
        let alone = history.versions.map { ExtractFacts.facts(in: $0.root) }
        let work = WorkFacts()
        var reported = Set<String>(), reportedAlone = Set<String>()
        let order = Array(history.versions.indices)
        var checked = 0
        for index in order + order.reversed() + order {
            let version = history.versions[index]
            let placed = work.place(version.root)
            #expect(work.table.entries(placed.runs) == alone[index], "\(name) \(version.from.date)")
            #expect(placed.resolved.allSatisfy { $0.kind == .reference && $0.fields["status"] != nil }, "\(name) \(version.from.date)")
            let findings = ReferenceCheck.findings(placed.resolved, of: version, work: name, reported: &reported)
            #expect(findings == ReferenceCheck.findings(alone[index], of: version, work: name, reported: &reportedAlone),
                    "\(name) \(version.from.date): the warnings")
            checked += 1
        }
        return checked
    }

    /// One `Resolver` per version answers every citation as `RuleNode.resolve` does: points,
    /// subpoints, chapters, appendices, numbered or not, present or not, from the whole tree
    /// and from every unit as base.
    func checkResolver(_ history: WorkHistory, _ name: String) -> Int {
        var paths: [TargetPath] = [TargetPath([TargetStep(.paragraph, nil)]), TargetPath([TargetStep(.chapter, nil)]),
                                   TargetPath([TargetStep(.indent, "1")]), TargetPath([TargetStep(.paragraph, "2"), TargetStep(.sentence, "1")])]
        for num in ["1", "2", "3", "5", "9", "13", "13-1", "40", "120", "244", "999"] {
            paths.append(TargetPath([TargetStep(.paragraph, num)]))
            paths.append(TargetPath([TargetStep(.chapter, num)]))
            paths.append(TargetPath([TargetStep(.appendix, num)]))
            paths.append(TargetPath([TargetStep(.paragraph, num), TargetStep(.subparagraph, "2")]))
            paths.append(TargetPath([TargetStep(.appendix, "1"), TargetStep(.paragraph, num)]))
        }
        var checked = 0
        for version in history.versions {
            let resolver = Resolver(version.root)
            var bases: [String?] = [nil, "nowhere"]
            version.root.forEachUnit { eId, _ in if bases.count < 60 { bases.append(eId) } }
            for base in bases {
                for path in paths {
                    let expected = version.root.resolve(path, in: base)
                    #expect(resolver.resolve(path, in: base) == expected, "\(name) \(version.from.date) \(path) in \(base ?? "root")")
                    checked += 1
                }
            }
        }
        return checked
    }

    /// The unit table (versions oldest first) gives back each version's tree from its runs and
    /// the units it changed, and the fact table its facts; each table holds an entry once, its
    /// file has the definition's bytes, and each version's tree read back from its runs and the
    /// table is the version's.
    func check(_ history: WorkHistory, _ name: String) throws -> Int {
        var units = UnitTable()
        let facts = WorkFacts()
        var runs: [[ClosedRange<Int>]] = []
        let changed = history.changedUnits
        for (index, version) in history.versions.enumerated() {
            let stated = ExtractFacts.facts(in: version.root)
            let unitRuns = units.runs(of: version.root), factRuns = facts.place(version.root).runs
            #expect(units.tree(unitRuns) == version.root, "\(name) \(version.from.date)")
            #expect(units.changed == changed[index], "\(name) \(version.from.date): the changed units")
            #expect(facts.table.entries(factRuns) == stated, "\(name) \(version.from.date)")
            runs.append(unitRuns)
        }
        let factEntries = facts.table.entries
        #expect(Set(units.entries).count == units.entries.count, "\(name): a unit in two entries")
        #expect(Set(factEntries).count == factEntries.count, "\(name): a fact in two entries")
        let unitsFile = RuleSetJSON.unitsFile(of: history.work, units.entries)
        #expect(unitsFile == RuleSetBuild.text(RuleSetJSON.units(of: history.work, units.entries)))
        #expect(RuleSetJSON.factsFile(of: history.work, factEntries) == RuleSetBuild.text(RuleSetJSON.facts(of: history.work, factEntries)))
        let read = try RuleSetJSON.decodeUnits(Data(unitsFile), "units.json")
        #expect(read == units.entries, "\(name): the unit table read back")
        for (version, runs) in zip(history.versions, runs) {
            #expect(try RuleSetJSON.tree(runs, units: read, "index.json") == version.root, "\(name) \(version.from.date)")
        }
        return history.versions.count
    }

    @Test("every version of the bundled corpus and of the synthetic diff corpus: facts, bytes, references")
    func corpora() throws {
        var checked = 0
        let bundled = try Corpus.load(Golden.packageRoot.appendingPathComponent("corpus").path)
        let seeds = Timeline.build(bundled.documents.compactMap { ReadAct.read($0).0 }).histories
        for (id, history) in seeds.sorted(by: { $0.key < $1.key }) { checked += try check(history, id) + checkFacts(history, id) + checkResolver(history, id) }
        for (id, history) in SyntheticDiffTests.histories.sorted(by: { $0.key < $1.key }) {
            checked += try check(history, id) + checkFacts(history, id) + checkResolver(history, id)
        }
        #expect(checked > 100)
    }

    @Test("every version of a generated corpus (21 versions a work; points reworded, inserted, struck out): facts, bytes, references")
    func generated() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zan-writer-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try CorpusGenerator(.init(works: 3, rounds: 20, worksPerOrder: 2, seed: 7, sizes: 5_000...20_000)).write(to: folder)
        let corpus = try Corpus.load(folder)
        let histories = Timeline.build(corpus.documents.compactMap { ReadAct.read($0).0 }).histories
        var checked = 0
        for (id, history) in histories.sorted(by: { $0.key < $1.key }) where history.versions.count > 1 {
            checked += try check(history, id) + checkFacts(history, id) + checkResolver(history, id)
        }
        #expect(checked >= 2 * 3 * 3 * 10)
    }

    @Test("two units with one eId in a version, each its own entry; then reworded, then back")
    func duplicateEIds() throws {
        func point(_ text: String) -> RuleNode { RuleNode(kind: .paragraph, num: "1", eId: "att_1__para_1", text: [text]) }
        func version(_ points: [RuleNode], _ day: Int) -> Version {
            Version(from: EffectiveDate(CivilDate(year: 2025, month: 1, day: day)!, provisional: false, basis: "test"),
                    root: RuleNode(kind: .document, children: [RuleNode(kind: .attachment, num: "1", eId: "att_1", children: points)]))
        }
        let history = WorkHistory(work: Work(id: "W", inCorpus: true), versions: [
            version([point("1. Бір."), point("1. Бір.")], 1), version([point("1. Бір."), point("1. Екі.")], 2),
            version([point("1. Екі."), point("1. Екі.")], 3), version([point("1. Бір."), point("1. Бір.")], 4),
        ])
        #expect(try check(history, "duplicates") == 4)
    }

    @Test("subtrees taken over from the version before (one array of children), also twice in a version under one eId")
    func subtreesTakenOver() throws {
        func sub(_ num: Int, _ text: String) -> RuleNode {
            RuleNode(kind: .subparagraph, num: "\(num)", eId: "att_1__para_1__subpara_\(num)", text: ["\(num) " + text])
        }
        let subpoints = [sub(1, "өтініш 5 (бес) жұмыс күні ішінде қаралады;"), sub(2, "осы тармақтың 1) тармақшасында көрсетілген мерзім;")]
        let fewer = [sub(1, "өтініш 3 (үш) жұмыс күні ішінде қаралады;")]
        func point(_ children: [RuleNode]) -> RuleNode {
            RuleNode(kind: .paragraph, num: "1", eId: "att_1__para_1", text: ["1. Өтініш:"], children: children)
        }
        func version(_ points: [RuleNode], _ day: Int) -> Version {
            Version(from: EffectiveDate(CivilDate(year: 2025, month: 1, day: day)!, provisional: false, basis: "test"),
                    root: RuleNode(kind: .document, children: [RuleNode(kind: .attachment, num: "1", eId: "att_1", children: points)]))
        }
        // The same arrays of subpoints (`subpoints`, `fewer`) from one version to the next, once and twice.
        let history = WorkHistory(work: Work(id: "W", inCorpus: true), versions: [
            version([point(subpoints)], 1), version([point(subpoints), point(fewer)], 2), version([point(fewer), point(fewer)], 3),
            version([point(fewer), point(subpoints)], 4), version([point(subpoints)], 5),
        ])
        #expect(try check(history, "taken over") == 5)
        #expect(checkFacts(history, "taken over") == 15)
    }

    @Test("a state-service table whose rows change between versions: its row facts are read again")
    func tableRowsChange() throws {
        let bundled = try Corpus.load(Golden.packageRoot.appendingPathComponent("corpus").path)
        let histories = Timeline.build(bundled.documents.compactMap { ReadAct.read($0).0 }).histories
        // The first version of the bundled corpus with service facts; its tables' row texts rotated.
        let version = try #require(histories.keys.sorted().lazy.compactMap { histories[$0] }.flatMap(\.versions)
            .first { ExtractFacts.facts(in: $0.root).contains { $0.kind == .service } })
        func rotated(_ node: RuleNode) -> RuleNode {
            var node = node
            if node.kind == .table, node.children.count > 1 {
                let texts = node.children.map(\.text)
                for index in node.children.indices { node.children[index].text = texts[(index + 1) % texts.count] }
            }
            node.children = node.children.map(rotated)
            return node
        }
        var changed = version
        changed.root = rotated(version.root)
        let alone = [version, changed].map { ExtractFacts.facts(in: $0.root) }
        #expect(alone[0].filter { $0.kind == .service } != alone[1].filter { $0.kind == .service })
        let work = WorkFacts()
        for (index, root) in [version.root, changed.root, version.root, changed.root].enumerated() {
            let runs = work.place(root).runs
            #expect(work.table.entries(runs) == alone[index % 2])
        }
    }

    @Test("references are resolved again when a version changes the units they read (struck out, a number repeated before); kept while only wording changes, or units they do not read")
    func referencesKept() {
        func point(_ num: Int, _ text: String, repealed: Bool = false) -> RuleNode {
            RuleNode(kind: .paragraph, num: "\(num)", eId: "att_1__para_\(num)", text: ["\(num). " + text], repealed: repealed)
        }
        func tree(_ points: [RuleNode]) -> RuleNode {
            RuleNode(kind: .document, children: [RuleNode(kind: .attachment, num: "1", eId: "att_1", children: points)])
        }
        let citing = point(1, "Өтініш осы Қағидалардың 2-тармағына сәйкес он жұмыс күні ішінде қаралады.")
        let cited = point(2, "Өтініш қағаз жүзінде беріледі.")
        let other = point(3, "Құжаттар тізбесі осы Қағидалардың 1-тармағында көрсетілген.")
        let versions = [
            tree([citing, cited, other]),
            tree([citing, point(2, "Өтініш электрондық нысанда беріледі."), other]),    // reworded: references kept
            tree([citing, point(2, "", repealed: true), other]),                        // struck out: resolved again
            tree([citing, point(2, "", repealed: true), point(3, "Құжаттар тізбесі осы Қағидалардың 1-тармағында.")]),
            // A point added that neither reads: both kept.
            tree([citing, point(2, "", repealed: true), point(3, "Құжаттар тізбесі осы Қағидалардың 1-тармағында."), point(4, "Жаңа.")]),
            // A second point 1, before the first: the reference to point 1 now finds it.
            tree([RuleNode(kind: .paragraph, num: "1", eId: "att_1__para_1-bis", text: ["1. Тағы бір."]), citing,
                  point(2, "", repealed: true), point(3, "Құжаттар тізбесі осы Қағидалардың 1-тармағында."), point(4, "Жаңа.")]),
        ]
        let work = WorkFacts()
        var resolved: [[String]] = []
        for root in versions {
            let placed = work.place(root)
            #expect(work.table.entries(placed.runs) == ExtractFacts.facts(in: root))
            resolved.append(placed.resolved.map { "\($0.eId) \($0.fields["status"]?.serialized() ?? "")" })
        }
        #expect(resolved == [
            [#"att_1__para_1 "resolved""#, #"att_1__para_3 "resolved""#],
            [],
            [#"att_1__para_1 "dangling""#],
            [#"att_1__para_3 "resolved""#],
            [],
            [#"att_1__para_3 "resolved""#],
        ])
    }

    @Test("the resolver on a repeated number (the first wins), a struck point, a chapter the corpus holds in part")
    func resolverEdges() {
        func point(_ chapter: Int, _ num: String, repealed: Bool = false) -> RuleNode {
            RuleNode(kind: .paragraph, num: num, eId: "att_1__chp_\(chapter)__para_\(num)", text: ["\(num). Мәтін."], repealed: repealed)
        }
        let first = RuleNode(kind: .chapter, num: "1", eId: "att_1__chp_1", children: [point(1, "1"), point(1, "5"), point(1, "6", repealed: true)])
        var second = RuleNode(kind: .chapter, num: "2", eId: "att_1__chp_2", children: [point(2, "5"), point(2, "7")])
        second.partial = true
        let rules = RuleNode(kind: .attachment, num: "1", eId: "att_1", children: [first, second])
        let root = RuleNode(kind: .document, children: [RuleNode(kind: .paragraph, num: "1", eId: "para_1", text: ["1. Бекітілсін."]), rules])
        let resolver = Resolver(root)
        func cite(_ num: String) -> TargetPath { TargetPath([TargetStep(.paragraph, num)]) }
        #expect(resolver.resolve(cite("5"), in: "att_1") == .found(eId: "att_1__chp_1__para_5"))
        #expect(resolver.resolve(cite("6"), in: "att_1") == .struck(eId: "att_1__chp_1__para_6"))
        #expect(resolver.resolve(cite("8"), in: "att_1") == .notInCorpus)
        #expect(resolver.resolve(cite("1"), in: nil) == .found(eId: "para_1"))
        #expect(resolver.resolve(cite("7"), in: "att_1__chp_2") == .found(eId: "att_1__chp_2__para_7"))
        #expect(resolver.resolve(cite("1"), in: "att_9") == .missing)
        for base in [nil, "att_1", "att_1__chp_1", "att_1__chp_2", "att_9"] {
            for num in ["1", "5", "6", "7", "8"] {
                #expect(resolver.resolve(cite(num), in: base) == root.resolve(cite(num), in: base), "\(num) in \(base ?? "root")")
            }
        }
    }

    @Test("trees resolve alike when only wording or headings differ; not when a unit's kind, number, eId, flags or place does")
    func resolvesAlike() {
        let point = RuleNode(kind: .paragraph, num: "5", eId: "att_1__para_5", text: ["5. Мәтін."])
        let next = RuleNode(kind: .paragraph, num: "6", eId: "att_1__para_6", text: ["6. Мәтін."])
        func tree(_ points: [RuleNode]) -> RuleNode {
            RuleNode(kind: .document, children: [RuleNode(kind: .attachment, num: "1", eId: "att_1", heading: "Қағидалар", children: points)])
        }
        let base = tree([point, next])
        var reworded = point
        reworded.text = ["5. Жаңа редакциядағы мәтін.", "Екінші абзац."]
        reworded.heading = "Тақырып"
        #expect(base.resolvesAlike(base))
        #expect(base.resolvesAlike(tree([reworded, next])))
        var variants: [(String, [RuleNode])] = [("one point fewer", [point]), ("one more", [point, next, next]), ("swapped", [next, point])]
        for (name, change) in [("kind", { (node: inout RuleNode) in node.kind = .subparagraph }), ("number", { $0.num = "5-1" }),
                               ("eId", { $0.eId = "att_1__para_5-1" }), ("struck out", { $0.repealed = true }),
                               ("unknown", { $0.unknown = true }), ("partial", { $0.partial = true }),
                               ("a child", { $0.children = [RuleNode(kind: .subparagraph, num: "1", eId: "att_1__para_5__subpara_1")] })] {
            var changed = point
            change(&changed)
            variants.append((name, [changed, next]))
        }
        for (name, points) in variants {
            #expect(!base.resolvesAlike(tree(points)), "\(name)")
            #expect(!tree(points).resolvesAlike(base), "\(name)")
        }
    }

    func day(_ day: Int) -> EffectiveDate {
        EffectiveDate(CivilDate(year: 2026, month: 1, day: day)!, provisional: day > 20, basis: "test \"basis\" \\ \(day)")
    }

    @Test("escapes, flags, every optional member present and absent; a unit changed only in its provenance is written anew")
    func edges() throws {
        let start = LineColumn(line: 3, column: 1), end = LineColumn(line: 4, column: 12)
        let full = Provenance(act: "V2600000001", point: "para_1__subpara_2", op: .replaceWords, file: "V2600000001/kaz.txt",
                              start: start, end: end, effective: day(2))
        let bare = Provenance(act: "V2300000001", file: "V2300000001/kaz.txt", start: start, end: end)
        let subpoint = RuleNode(kind: .subparagraph, num: "1", eId: "att_1__para_1__subpara_1",
                                text: ["1) «кавычки» \"quoted\" \\ back\tslash\nline \u{1} control;"], provenance: bare)
        let point = RuleNode(kind: .paragraph, num: "1", eId: "att_1__para_1", text: ["1. Бір:", ""], children: [subpoint], provenance: full)
        let struck = RuleNode(kind: .paragraph, num: "2", eId: "att_1__para_2", repealed: true, provenance: full)
        let hidden = RuleNode.unknown(.paragraph, num: "3", eId: "att_1__para_3")
        let quote = RuleNode(kind: .quotation, text: ["«ішінде»"], children: [RuleNode(kind: .paragraph, num: "9", eId: "att_1__para_1__qstr_1__para_9", text: ["9. Ішкі."])])
        var rules = RuleNode(kind: .attachment, num: "1", eId: "att_1", heading: "Қағидалар", children: [point, struck, hidden, quote])
        rules.partial = true
        let work = Work(id: "V2300000001", kind: "order", title: "Сынақ", date: nil, number: nil, registration: nil,
                        inCorpus: true, existsFrom: nil)
        let first = Version(from: day(1), to: day(2), root: RuleNode(kind: .document, children: [rules]))
        var moved = point
        moved.provenance = bare
        var second = first
        second.from = day(2)
        second.to = nil
        second.amendedBy = ["V2600000001", "V2600000002"]
        second.root.children[0].children[0] = moved
        // The same eId twice, with different nodes: each is written as it is.
        second.root.children[0].children.append(RuleNode(kind: .paragraph, num: "1", eId: "att_1__para_1", text: ["1. Басқа."]))
        var units = UnitTable()
        var entries: [Int] = []
        for version in [first, second, first, second] {
            let runs = units.runs(of: version.root)
            #expect(units.tree(runs) == version.root)
            entries.append(units.entries.count)
        }
        // Eight units; the second version adds its moved point (new provenance, the same words) and the second
        // unit with the point's eId; both ways back add nothing.
        #expect(entries == [8, 10, 10, 10])
        let table = String(decoding: RuleSetJSON.unitsFile(of: work, units.entries), as: UTF8.self)
        #expect(table.contains(#"\"quoted\" \\ back\tslash\nline \u0001 control"#))
        #expect(table == String(decoding: RuleSetBuild.text(RuleSetJSON.units(of: work, units.entries)), as: UTF8.self))
        #expect(try check(WorkHistory(work: work, versions: [first, second]), "edges") == 2)
    }
}
