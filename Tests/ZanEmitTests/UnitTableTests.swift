import Testing
@testable import ZanEmit
import ZanText
@testable import ZanTimeline

/// `UnitTable`: a work's units once each, every version's tree as runs of its entries, and the
/// tree back from them.
@Suite("The unit table of a work (units.json) and its versions' runs")
struct UnitTableTests {
    static func point(_ number: Int, _ text: String? = nil, children: [RuleNode] = []) -> RuleNode {
        RuleNode(kind: .paragraph, num: "\(number)", eId: "att_1__para_\(number)", text: [text ?? "\(number). Мәтін."], children: children)
    }

    /// Every unit of the tree under `root` (itself included) as an entry, in pre-order: what
    /// a version's runs of the table give.
    static func preorder(_ root: RuleNode, depth: Int = 0) -> [UnitEntry] {
        [UnitEntry(depth: depth, unit: root)] + root.children.flatMap { preorder($0, depth: depth + 1) }
    }

    static func document(_ points: [RuleNode]) -> RuleNode {
        RuleNode(kind: .document, heading: "Бұйрық", children: [RuleNode(kind: .attachment, num: "1", eId: "att_1", children: points)])
    }

    @Test("runs are inclusive and maximal; a changed unit is a new entry; a unit changed back finds its old entry; the tree comes back")
    func runs() {
        var table = UnitTable()
        let first = Self.document((1...4).map { Self.point($0) })
        #expect(table.runs(of: first) == [0...5])
        #expect(table.runs(of: first) == [0...5], "an unchanged version adds nothing")
        var second = first
        second.children[0].children[1].text = ["2. Өзгерген."]
        #expect(table.runs(of: second) == [0...2, 6...6, 4...5])
        // Point 3 struck out of the list, point 5 inserted after point 4.
        var third = second
        third.children[0].children = [first.children[0].children[0], second.children[0].children[1], first.children[0].children[3], Self.point(5)]
        #expect(table.runs(of: third) == [0...2, 6...6, 5...5, 7...7])
        #expect(table.runs(of: first) == [0...5], "point 2 back to its first wording: its old entry")
        #expect(table.entries.count == 8)
        for tree in [first, second, third] {
            var again = table
            #expect(again.tree(again.runs(of: tree)) == tree)
        }
        #expect(table.tree([0...5]) == first)
        #expect(table.tree([0...8]) == nil, "a run beyond the table")
        #expect(table.tree([1...5]) == nil, "no root")
        #expect(table.tree([0...5, 0...0]) == nil, "two roots")
        #expect(table.tree([0...0, 2...2]) == nil, "a unit two levels below the one before it")
        #expect(table.tree([]) == nil)
        // A subtree's entries keep their depths in the whole tree: read below its own.
        let point = Self.point(2, children: [RuleNode(kind: .subparagraph, num: "1", eId: "att_1__para_2__subpara_1", text: ["1) бір;"])])
        let units = Self.preorder(Self.document([Self.point(1), point]))
        #expect(UnitEntry.tree(units) == Self.document([Self.point(1), point]))
        #expect(UnitEntry.tree(units[3...], below: 2) == point)
        #expect(UnitEntry.tree(units[3...], below: 1) == nil, "the point is two levels down, not one")
        #expect(UnitEntry.tree(units[2...], below: 2) == nil, "a second unit at the subtree's own depth")
    }

    @Test("a subtree a version took over (the same array of children) keeps the last version's entries; a unit changed inside one, or moved, does not")
    func subtreesTakenOver() {
        func chapter(_ number: Int, _ points: ClosedRange<Int>) -> RuleNode {
            RuleNode(kind: .chapter, num: "\(number)", eId: "att_1__chp_\(number)", children: points.map { Self.point($0) })
        }
        var table = UnitTable()
        let first = Self.document([chapter(1, 1...3), chapter(2, 4...6)])
        #expect(table.runs(of: first) == [0...9])
        // Point 5 reworded: the arrays on its path are copied, chapter 1's points are shared.
        var second = first
        second.children[0].children[1].children[1].text = ["5. Өзгерген."]
        #expect(table.runs(of: second) == [0...7, 10...10, 9...9])
        #expect(table.tree(table.runs(of: second)) == second)
        // Chapter 1's array of points under a new section: another depth, so other entries.
        var third = second
        third.children[0].children[0] = RuleNode(kind: .section, num: "1", eId: "att_1__sec_1", children: [second.children[0].children[0]])
        let runs = table.runs(of: third)
        #expect(table.tree(runs) == third)
        #expect(runs == [0...1, 11...15, 6...7, 10...10, 9...9])
        // Back to the first version's tree, its very arrays: its first runs.
        #expect(table.runs(of: first) == [0...9])
        // Chapter 1 is back a level up, the same subtree: not changed.
        #expect(table.changed == ["att_1", "att_1__chp_2", "att_1__para_5", "att_1__sec_1"])
    }

    @Test("a unit at another depth, and two units with one eId, are entries of their own")
    func depthsAndShared() {
        var table = UnitTable()
        let sub = RuleNode(kind: .subparagraph, num: "1", eId: "att_1__para_1__subpara_1", text: ["1) бір;"])
        let nested = Self.document([Self.point(1, children: [sub])])
        #expect(table.runs(of: nested) == [0...3])
        // The subpoint moved up a level (the same members): a new entry, depth 2 not 3.
        let flat = Self.document([Self.point(1), sub])
        #expect(table.runs(of: flat) == [0...2, 4...4])
        #expect(table.entries[4].depth == 2 && table.entries[3].depth == 3)
        let twice = Self.document([Self.point(1), Self.point(1, "1. Басқа.")])
        #expect(table.runs(of: twice) == [0...2, 5...5])
        #expect(table.runs(of: Self.document([Self.point(1, "1. Басқа."), Self.point(1)])) == [0...1, 5...5, 2...2])
    }

    @Test("an entry holds a node exactly when every member but its children is the same; the members compared are RuleNode's")
    func holds() {
        let provenance = Provenance(act: "V1", file: "V1/kaz.txt", start: LineColumn(line: 1, column: 1), end: LineColumn(line: 1, column: 5))
        let node = RuleNode(kind: .paragraph, num: "1", eId: "att_1__para_1", heading: "H", text: ["1. Бір."],
                            children: [Self.point(2)], provenance: provenance)
        let entry = UnitEntry(depth: 2, unit: node)
        #expect(entry.unit.children.isEmpty)
        #expect(entry.holds(node, at: 2))
        var childless = node
        childless.children = []
        #expect(entry.holds(childless, at: 2), "children are not the unit's own")
        #expect(!entry.holds(node, at: 1))
        let changes: [(String, (inout RuleNode) -> Void)] = [
            ("kind", { $0.kind = .subparagraph }), ("num", { $0.num = "2" }), ("eId", { $0.eId = nil }), ("heading", { $0.heading = nil }),
            ("text", { $0.text.append("") }), ("unknown", { $0.unknown = true }), ("partial", { $0.partial = true }),
            ("repealed", { $0.repealed = true }), ("provenance", { $0.provenance = Provenance(act: "V2", file: "V1/kaz.txt", start: LineColumn(line: 1, column: 1), end: LineColumn(line: 1, column: 5)) }),
        ]
        for (member, change) in changes {
            var changed = node
            change(&changed)
            #expect(!entry.holds(changed, at: 2), "\(member)")
        }
        // A member added to RuleNode must be compared by `holds` too.
        #expect(Mirror(reflecting: node.fields).children.compactMap(\.label) == UnitEntry.comparedMembers)
        #expect(Set(changes.map(\.0) + ["children"]) == Set(UnitEntry.comparedMembers))
    }

    @Test("the units each version changed, from the entries: as comparing the trees gives them, a unit moved to another depth included")
    func changed() {
        let sub = RuleNode(kind: .subparagraph, num: "1", eId: "att_1__para_1__subpara_1", text: ["1) бір;"])
        let nested = Self.document([Self.point(1, children: [sub]), Self.point(2)])
        // The subpoint, the same, one level up (its eId kept); then reworded there; then point 2
        // gone and a second node with point 1's eId (not the unit: the first node is).
        var reworded = sub
        reworded.text = ["1) екі;"]
        let versions = [nested, Self.document([Self.point(1), sub, Self.point(2)]), Self.document([Self.point(1), reworded, Self.point(2)]),
                        Self.document([Self.point(1), reworded, Self.point(1, "1. Басқа.")]), nested]
        var table = UnitTable()
        var changes: [[String]] = []
        for version in versions {
            _ = table.runs(of: version)
            changes.append(table.changed)
        }
        let history = WorkHistory(work: Work(id: "W", inCorpus: true), versions: versions.enumerated().map { day, root in
            Version(from: EffectiveDate(CivilDate(year: 2025, month: 1, day: day + 1)!, provisional: false, basis: "test"), root: root)
        })
        #expect(changes == history.changedUnits)
        #expect(changes[1] == ["att_1", "att_1__para_1"], "the subpoint moved out of point 1, itself unchanged")
        #expect(changes[2] == ["att_1", "att_1__para_1__subpara_1"])
        #expect(changes[3] == ["att_1", "att_1__para_2"])
    }
}
