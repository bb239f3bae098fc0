/// Which units each version changes, and how long a unit keeps a wording. The index of a
/// published work lists each version's changed units, so a query answers "in force from when
/// to when" from the index and the one version it reads, not from every version.
///
/// A unit is the first node with its eId in document order: the node a citation by eId finds.
extension Version {
    /// The eIds of the units whose node differs from the node with the same eId in `previous`
    /// (its wording, flags, provenance, or any unit inside it), and of those new in this version
    /// or gone from it; sorted. An edit to a point lists the point and every unit that holds it.
    public func changedUnits(since previous: Version) -> [String] {
        VersionUnits(root).changed(since: VersionUnits(previous.root))
    }
}

/// A version's units in document order, each eId with the first node bearing it: gathered once
/// per version, so that comparing each version with the one before walks and hashes each tree
/// once, not twice.
struct VersionUnits {
    var eIds: [String] = []
    var nodes: [RuleNode] = []

    init(_ root: RuleNode) {
        root.forEachUnit { eId, node in
            eIds.append(eId)
            nodes.append(node)
        }
    }

    /// `Version.changedUnits(since:)`. A unit at the same place in both lists (most are: only
    /// an insertion or a removal before a unit moves it) is compared without a lookup; the
    /// others are found by eId, and units gone are looked for only when the lists differ.
    func changed(since previous: VersionUnits) -> [String] {
        var changed: [String] = []
        var aligned = eIds.count == previous.eIds.count
        // eIds are unique in a list (the first node with each): a map of them cannot collide.
        var previousPlaces: [String: Int]?
        for index in eIds.indices {
            let eId = eIds[index]
            let place: Int?
            if index < previous.eIds.count, previous.eIds[index] == eId {
                place = index
            } else {
                aligned = false
                let places = previousPlaces ?? Dictionary(uniqueKeysWithValues: zip(previous.eIds, previous.eIds.indices))
                previousPlaces = places
                place = places[eId]
            }
            // Versions share untouched subtrees, so most comparisons stop at the array identity.
            if let place, previous.nodes[place] == nodes[index] { continue }
            changed.append(eId)
        }
        if !aligned {
            let current = Set(eIds)
            changed += previous.eIds.filter { !current.contains($0) }
        }
        return changed.sorted()
    }
}

extension RuleNode {
    /// Calls `body` with each eId and the first node (document order, self included) bearing it.
    public func forEachUnit(_ body: (String, RuleNode) -> Void) {
        var seen = Set<String>()
        func walk(_ node: RuleNode) {
            if let eId = node.eId, seen.insert(eId).inserted { body(eId, node) }
            for child in node.children { walk(child) }
        }
        walk(self)
    }
}

extension WorkHistory {
    /// Each version's changed units (`Version.changedUnits(since:)`); none for the first.
    public var changedUnits: [[String]] {
        var previous: VersionUnits?
        return versions.map { version in
            let units = VersionUnits(version.root)
            defer { previous = units }
            return previous.map { units.changed(since: $0) } ?? []
        }
    }

    /// The versions, around `index`, over which the unit `eId` has the node it has in version
    /// `index`, given whether each version changed it.
    public static func wordingRun(of eId: String, at index: Int, versions count: Int,
                                  changes: (Int) -> Set<String>) -> ClosedRange<Int> {
        precondition(count > 0 && (0..<count).contains(index), "version \(index) of \(count)")
        var first = index, last = index
        while first > 0, !changes(first).contains(eId) { first -= 1 }
        while last + 1 < count, !changes(last + 1).contains(eId) { last += 1 }
        return first...last
    }
}
