import ZanTimeline

/// One entry of a work's unit table (`rules/<work>/units.json`): a unit's own members — kind,
/// number, eId, heading, text, flags, provenance — without its children, and its depth in the
/// tree (the root 0, its children 1, …). A version's tree is its units in pre-order, each under
/// the nearest unit before it one level up, so the depths are all a reader needs to rebuild it.
public struct UnitEntry: Hashable, Sendable {
    public var depth: Int
    /// The unit, its `children` empty.
    public var unit: RuleNode

    public init(depth: Int, unit: RuleNode) {
        self.depth = depth
        self.unit = unit
        self.unit.children = []
    }
}

/// The units of a work's versions (`rules/<work>/units.json`), each distinct unit once: a
/// version file names its tree by runs of these entries, and a new version adds only the units
/// an order changed (`RunTable`). Looked up by eId (by kind for the few units without one).
public typealias UnitTable = RunTable<UnitEntry>

extension RunTable where Entry == UnitEntry {
    public init() {
        self.init { $0.unit.eId ?? $0.unit.kind.rawValue }
    }

    /// The runs of entries that give `root`'s tree. Each unit is compared with the entries
    /// where it stands, member by member (`UnitEntry.holds`): a unit is copied into an entry only
    /// when it is new, not once per version to be compared.
    public mutating func runs(of root: RuleNode) -> [ClosedRange<Int>] {
        var version = Placing()
        func visit(_ node: RuleNode, depth: Int) {
            place(&version, matching: { $0.holds(node, at: depth) }, key: { node.eId ?? node.kind.rawValue },
                  entry: { UnitEntry(depth: depth, unit: node) })
            for child in node.children { visit(child, depth: depth + 1) }
        }
        visit(root, depth: 0)
        return placed(version)
    }

    /// The tree `runs` give; nil when a run is not in the table or the units are not one tree.
    public func tree(_ runs: [ClosedRange<Int>]) -> RuleNode? {
        entries(runs).flatMap(UnitEntry.tree)
    }
}

extension UnitEntry {
    /// True when this is the entry of `node` at `depth`: the same depth and the same own
    /// members (all of `RuleNode`'s but `children`; a test holds this list to `RuleNode`'s
    /// stored properties). Cheaper than making `node` an entry to compare: no copy of it.
    func holds(_ node: RuleNode, at depth: Int) -> Bool {
        self.depth == depth && unit.kind == node.kind && unit.num == node.num && unit.eId == node.eId
            && unit.heading == node.heading && unit.text == node.text && unit.unknown == node.unknown
            && unit.partial == node.partial && unit.repealed == node.repealed && unit.provenance == node.provenance
    }

    /// The stored properties of `RuleNode` that `holds` compares, and `children`.
    static let comparedMembers = ["kind", "num", "eId", "heading", "text", "children", "unknown", "partial", "repealed", "provenance"]

    /// Every unit of the tree under `root` (itself included), in pre-order.
    public static func preorder(_ root: RuleNode) -> [UnitEntry] {
        var units: [UnitEntry] = []
        func visit(_ node: RuleNode, depth: Int) {
            units.append(UnitEntry(depth: depth, unit: node))
            for child in node.children { visit(child, depth: depth + 1) }
        }
        visit(root, depth: 0)
        return units
    }

    /// The tree of `units` in pre-order: each unit a child of the nearest unit before it one
    /// level up. Nil unless the first is the root (depth 0), no other is, and none is more than
    /// one level below the unit before it.
    public static func tree(_ units: some Collection<UnitEntry>) -> RuleNode? {
        guard let first = units.first, first.depth == 0 else { return nil }
        // The units on the path from the root to the last one read, each missing its children
        // after those read so far.
        var path: [RuleNode] = []
        for entry in units {
            guard entry.depth <= path.count, entry.depth > 0 || path.isEmpty else { return nil }
            while path.count > entry.depth {
                let done = path.removeLast()
                path[path.count - 1].children.append(done)
            }
            path.append(entry.unit)
        }
        while path.count > 1 {
            let done = path.removeLast()
            path[path.count - 1].children.append(done)
        }
        return path.first
    }
}
