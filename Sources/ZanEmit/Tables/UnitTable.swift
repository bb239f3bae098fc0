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
/// version (in the work's index) names its tree by runs of these entries, and a new version
/// adds only the units an order changed (`RunTable`, looked up by eId, by kind for the few units
/// without one).
///
/// The table also tells which units each version changed (`changed`, the work index's
/// `changed`), from the entries alone: entries are distinct, so a unit at the same depth in two
/// versions is the same subtree exactly when the entries of its subtree are the same numbers.
/// Comparing the trees instead (`Version.changedUnits(since:)`, the definition, which a test
/// holds this to) took a tenth of a build.
public struct UnitTable: Sendable {
    private var table = RunTable<UnitEntry>()
    /// Each entry's eId as a number (eIds numbered in the order met; -1 for none), so that a
    /// version's units are told apart without hashing their eIds again.
    private var eIdNumbers: [Int] = []
    private var eIds: [String] = []
    private var numbers: [String: Int] = [:]
    /// The last version given to `runs(of:)`, as `changed` compares it with the next.
    private var last: Layout?
    /// The children of each unit of the last version, in its pre-order.
    private var lastChildren: [[RuleNode]] = []
    /// The eIds of the units the last version given to `runs(of:)` changed since the one
    /// before it, sorted (`Version.changedUnits(since:)`); empty after the first.
    public private(set) var changed: [String] = []

    /// A version's entries in pre-order, the size of each one's subtree, and where the first
    /// unit with each eId number stands (-1: none).
    private struct Layout: Sendable {
        var order: [Int]
        var sizes: [Int]
        var first: [Int]
        /// The eId numbers in the order of their first units.
        var units: [Int]
    }

    public init() {}

    /// The entries, in the order first stated.
    public var entries: [UnitEntry] { table.entries }

    /// The runs of entries that give `root`'s tree. Each unit is compared with the entries
    /// where it stands, member by member (`UnitEntry.holds`): a unit is copied into an entry only
    /// when it is new, not once per version to be compared. Sets `changed`.
    public mutating func runs(of root: RuleNode) -> [ClosedRange<Int>] {
        var version = RunTable<UnitEntry>.Placing()
        var children: [[RuleNode]] = []
        if table.entries.isEmpty { table.reserveKeys(Self.count(root)) }
        func visit(_ node: RuleNode, depth: Int) {
            table.place(&version, matching: { $0.holds(node, at: depth) }, key: { node.eId ?? node.kind.rawValue },
                        entry: { UnitEntry(depth: depth, unit: node) })
            // A unit the last version had here, with the very array of children it had: the
            // version took the subtree over unchanged (an edit copies only the arrays on its
            // path), so its entries are the last version's.
            if let position = version.matched, let last, !node.children.isEmpty,
               node.children.isStorage(of: lastChildren[position]) {   // `lastChildren` holds them
                let subtree = position..<position + last.sizes[position]
                table.place(&version, lastPositions: position + 1..<subtree.upperBound)
                children += lastChildren[subtree]
                return
            }
            children.append(node.children)
            for child in node.children { visit(child, depth: depth + 1) }
        }
        visit(root, depth: 0)
        number(from: eIdNumbers.count)
        let layout = layout(of: version.found)
        changed = last.map { changes(in: layout, since: $0) } ?? []
        last = layout
        lastChildren = children
        return table.placed(version)
    }

    /// The units of a tree.
    private static func count(_ node: RuleNode) -> Int {
        node.children.reduce(1) { $0 + count($1) }
    }

    /// The tree `runs` give; nil when a run is not in the table or the units are not one tree.
    public func tree(_ runs: [ClosedRange<Int>]) -> RuleNode? {
        table.entries(runs).flatMap { UnitEntry.tree($0) }
    }

    /// Numbers the eIds of the entries from `start` on.
    private mutating func number(from start: Int) {
        for entry in table.entries[start...] {
            guard let eId = entry.unit.eId else {
                eIdNumbers.append(-1)
                continue
            }
            if let known = numbers[eId] {
                eIdNumbers.append(known)
            } else {
                numbers[eId] = eIds.count
                eIdNumbers.append(eIds.count)
                eIds.append(eId)
            }
        }
    }

    private func layout(of order: [Int]) -> Layout {
        let entries = table.entries
        // A unit's subtree ends where the next unit no deeper than it starts.
        var sizes = [Int](repeating: 1, count: order.count)
        var open: [Int] = []
        for (position, entry) in order.enumerated() {
            while open.count > entries[entry].depth, let done = open.popLast() { sizes[done] = position - done }
            open.append(position)
        }
        for done in open { sizes[done] = order.count - done }
        var first = [Int](repeating: -1, count: eIds.count)
        var units: [Int] = []
        for (position, entry) in order.enumerated() {
            let number = eIdNumbers[entry]
            if number >= 0, first[number] < 0 {
                first[number] = position
                units.append(number)
            }
        }
        return Layout(order: order, sizes: sizes, first: first, units: units)
    }

    /// The eIds of the units `new` changed since `old`: each unit whose subtree differs, each
    /// unit new in it or gone from it.
    private func changes(in new: Layout, since old: Layout) -> [String] {
        var changed: [String] = []
        for number in new.units {
            let here = new.first[number]
            let there = number < old.first.count ? old.first[number] : -1
            if there < 0 || !sameSubtree(new, here, old, there) { changed.append(eIds[number]) }
        }
        for number in old.units where number >= new.first.count || new.first[number] < 0 {
            changed.append(eIds[number])
        }
        return changed.sorted()
    }

    /// Whether the subtree at `here` in `new` is the one at `there` in `old`. At the same depth,
    /// exactly when their entries are the same; a unit whose depth changed is compared as a
    /// tree (its entries hold their depths).
    private func sameSubtree(_ new: Layout, _ here: Int, _ old: Layout, _ there: Int) -> Bool {
        let entries = table.entries
        let newUnits = new.order[here..<here + new.sizes[here]], oldUnits = old.order[there..<there + old.sizes[there]]
        let depth = entries[new.order[here]].depth, oldDepth = entries[old.order[there]].depth
        if depth == oldDepth { return newUnits.elementsEqual(oldUnits) }
        return UnitEntry.tree(newUnits.lazy.map { entries[$0] }, below: depth)
            == UnitEntry.tree(oldUnits.lazy.map { entries[$0] }, below: oldDepth)
    }
}

extension UnitEntry {
    /// True when this is the entry of `node` at `depth`: the same depth and the same own
    /// members (all of `RuleNode`'s but `children`, `RuleNode.sameOwnMembers`; a test holds
    /// this list to `RuleNode`'s stored properties). Cheaper than making `node` an entry to
    /// compare: no copy of it.
    func holds(_ node: RuleNode, at depth: Int) -> Bool {
        self.depth == depth && unit.sameOwnMembers(as: node)
    }

    /// The stored properties of `RuleNode` that `holds` compares, and `children`.
    static let comparedMembers = ["kind", "num", "eId", "heading", "text", "children", "unknown", "partial", "repealed", "provenance"]

    /// The tree of `units` in pre-order: each unit a child of the nearest unit before it one
    /// level up. Nil unless the first is the root (depth `base`: a subtree's units keep the
    /// depths they have in the whole tree), no other is as high, and none is more than one level
    /// below the unit before it.
    public static func tree(_ units: some Collection<UnitEntry>, below base: Int = 0) -> RuleNode? {
        guard let first = units.first, first.depth == base else { return nil }
        // The units on the path from the root to the last one read, each missing its children
        // after those read so far.
        var path: [RuleNode] = []
        for entry in units {
            let depth = entry.depth - base
            guard depth >= 0, depth <= path.count, depth > 0 || path.isEmpty else { return nil }
            while path.count > depth {
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
