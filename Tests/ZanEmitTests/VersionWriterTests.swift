import Foundation
import Testing
import ZanCorpusGen
@testable import ZanEmit
import ZanTestSupport
import ZanText
import ZanTimeline

/// The build writes version files with `RuleSetJSON.VersionWriter` (bytes straight from the
/// tree, unchanged units copied from the previous version); `RuleSetJSON.version` is the
/// definition. These hold the writer to it, byte for byte.
@Suite("Version files written straight from the tree")
struct VersionWriterTests {
    /// The bytes the definition gives.
    static func expected(_ version: Version, _ work: Work, _ facts: [Fact]) -> [UInt8] {
        RuleSetBuild.text(RuleSetJSON.version(version, of: work, facts: facts))
    }

    /// Writes every version oldest first, then newest first with a fresh writer, then oldest
    /// first again with the first (warm) writer: any order of reuse gives the definition's bytes.
    func check(_ history: WorkHistory, _ name: String) -> Int {
        let facts = history.versions.map { ExtractFacts.facts(in: $0.root) }
        let forward = RuleSetJSON.VersionWriter(), backward = RuleSetJSON.VersionWriter()
        let order = Array(history.versions.indices)
        var checked = 0
        for (writer, indices) in [(forward, order), (backward, order.reversed()), (forward, order)] {
            for index in indices {
                let version = history.versions[index]
                let written = writer.write(version, of: history.work, facts: facts[index])
                #expect(written == Self.expected(version, history.work, facts[index]), "\(name) \(version.from.date)")
                checked += 1
            }
        }
        return checked
    }

    @Test("every version of the bundled corpus and of the synthetic diff corpus")
    func corpora() throws {
        var checked = 0
        let bundled = try Corpus.load(Golden.packageRoot.appendingPathComponent("corpus").path)
        let seeds = Timeline.build(bundled.documents.compactMap { ReadAct.read($0).0 }).histories
        for (id, history) in seeds.sorted(by: { $0.key < $1.key }) { checked += check(history, id) }
        for (id, history) in SyntheticDiffTests.histories.sorted(by: { $0.key < $1.key }) { checked += check(history, id) }
        #expect(checked > 50)
    }

    @Test("every version of a generated corpus: 21 versions a work, points reworded, inserted, struck out")
    func generated() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zan-writer-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try CorpusGenerator(.init(works: 3, rounds: 20, worksPerOrder: 2, seed: 7, sizes: 5_000...20_000)).write(to: folder)
        let corpus = try Corpus.load(folder)
        let histories = Timeline.build(corpus.documents.compactMap { ReadAct.read($0).0 }).histories
        var checked = 0
        for (id, history) in histories.sorted(by: { $0.key < $1.key }) where history.versions.count > 1 {
            checked += check(history, id)
        }
        #expect(checked >= 3 * 3 * 10)
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
        let writer = RuleSetJSON.VersionWriter()
        for version in [first, second, first, second] {
            let facts = ExtractFacts.facts(in: version.root)
            let written = writer.write(version, of: work, facts: facts)
            #expect(written == Self.expected(version, work, facts))
            #expect(String(decoding: written, as: UTF8.self).contains(#"\"quoted\" \\ back\tslash\nline \u0001 control"#))
        }
        // The point's instruction is named by point 1 and point 2 in the first version, by point 2
        // alone in the second (point 1's new provenance, not a copy of the old bytes).
        func instructions(_ version: Version) -> Int {
            String(decoding: writer.write(version, of: work, facts: []), as: UTF8.self).components(separatedBy: "para_1__subpara_2").count - 1
        }
        #expect(instructions(first) == 2 && instructions(second) == 1)
    }
}
