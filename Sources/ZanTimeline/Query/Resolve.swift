import ZanAmendments

/// Where a cited unit is in a version's tree, for references the text makes (a rules engine
/// follows "осы Қағидалардың 25-тармағына" to an eId).
public enum Resolution: Hashable, Sendable {
    /// The unit, in force in this version.
    case found(eId: String)
    /// The unit is struck out in this version.
    case struck(eId: String)
    /// The corpus does not hold the text where the unit would be.
    case notInCorpus
    /// The unit does not exist in this version (the text around it is known).
    case missing
    /// A unit below the structure Zan keeps (an indent, a sentence): the unit holding it.
    case within(eId: String)
}

extension RuleNode {
    /// The unit `path` cites, read in the unit with eId `base` (the whole tree when nil).
    public func resolve(_ path: TargetPath, in base: String? = nil) -> Resolution {
        resolve(path, in: base, index: nil)
    }

    fileprivate func resolve(_ path: TargetPath, in base: String?, index: Locate.Index?) -> Resolution {
        var start: NodePath = []
        if let base {
            let found = if let index { index.path(ofEId: base) } else { WorkHistory.path(ofEId: base, in: self) }
            guard let found else { return unknown || partial ? .notInCorpus : .missing }
            start = found
        }
        switch Locate.locate(path.steps, in: self, from: start, index: index) {
        case .found(let found):
            return withNode(at: found[...]) { node in
                guard let eId = node.eId else { return .missing }
                if node.repealed { return .struck(eId: eId) }
                if node.unknown { return .notInCorpus }
                return .found(eId: eId)
            }
        case .missing(_, _, let unknown):
            return unknown ? .notInCorpus : .missing
        case .belowStructure:
            // Resolve the steps above the one Zan does not keep.
            let kept = TargetPath(Array(path.steps.prefix { Locate.kind(of: $0.unit, in: .document) != nil }))
            guard kept.steps.count < path.steps.count, !kept.steps.isEmpty else { return .missing }
            switch resolve(kept, in: base, index: index) {
            case .found(let eId): return .within(eId: eId)
            case let other: return other
            }
        }
    }
}

extension RuleNode {
    /// True when every citation resolves in `other` as in this tree: the two agree in their
    /// shape and in every node's kind, number, eId and flags (struck out, unknown, partial),
    /// which is all that `resolve` reads. Text, headings and provenance may differ: a version
    /// that only rewords units resolves its references as the version before it did.
    public func resolvesAlike(_ other: RuleNode) -> Bool {
        guard kind == other.kind, repealed == other.repealed, unknown == other.unknown, partial == other.partial,
              num == other.num, eId == other.eId else { return false }
        return Self.resolveAlike(children, other.children)
    }

    // By index: a copied node retains and releases each of its fields. Children a version
    // took over unchanged from the one before share its array: alike without a look.
    private static func resolveAlike(_ a: [RuleNode], _ b: [RuleNode]) -> Bool {
        guard a.count == b.count else { return false }
        if a.isStorage(of: b) { return true }
        for index in a.indices where !a[index].resolvesAlike(b[index]) { return false }
        return true
    }
}

/// Where two versions of a tree differ in what `RuleNode.resolve` reads: the numbers and eIds of
/// the nodes one has and the other does not have in the same place with the same kind, number,
/// eId and flags (struck out, unknown, partial).
///
/// A citation that found every unit it cites resolves alike in both when none of the numbers
/// it looked for, nor the eIds it started from and found, is among these: the nodes with those
/// numbers are the same nodes in the same order, under the same containers, so the first one
/// in document order is the same. (A citation that found nothing is not covered: whether a
/// unit may be hidden reads the flags of every container it could be in.)
///
/// Wider than the difference, never narrower: a node whose kind, number, eId or flags changed
/// counts with its whole subtree (it may be a container looked through), as does a child that
/// does not pair up with one of the other version's by eId, in order. Subtrees a version took
/// over unchanged (their children the very array of the version before) are not looked at.
public struct ShapeChanges: Sendable {
    public private(set) var nums: Set<String> = []
    public private(set) var eIds: Set<String> = []

    public init(from old: RuleNode, to new: RuleNode) {
        compare(old, new)
    }

    /// True when a resolution that looked for the numbers `nums`, and started from or found the
    /// eIds `eIds`, may resolve otherwise in the new version.
    public func touch(nums: [String], eIds: [String]) -> Bool {
        nums.contains(where: self.nums.contains) || eIds.contains(where: self.eIds.contains)
    }

    private mutating func compare(_ a: RuleNode, _ b: RuleNode) {
        guard a.kind == b.kind, a.num == b.num, a.eId == b.eId, a.repealed == b.repealed, a.unknown == b.unknown,
              a.partial == b.partial else {
            note(a)
            note(b)
            return
        }
        compare(a.children, b.children)
    }

    private mutating func compare(_ a: [RuleNode], _ b: [RuleNode]) {
        if a.isStorage(of: b) { return }
        if a.count == b.count, a.indices.allSatisfy({ a[$0].eId == b[$0].eId }) {
            for index in a.indices { compare(a[index], b[index]) }
            return
        }
        // Paired by eId, in order: a child found before the last one paired has moved.
        var at: [String: Int] = [:]
        for (index, node) in b.enumerated() {
            if let eId = node.eId, at[eId] == nil { at[eId] = index }
        }
        var paired = [Bool](repeating: false, count: b.count)
        var last = -1
        for node in a {
            if let eId = node.eId, let index = at[eId], index > last {
                paired[index] = true
                last = index
                compare(node, b[index])
            } else {
                note(node)
            }
        }
        for index in b.indices where !paired[index] { note(b[index]) }
    }

    /// The node and its subtree.
    private mutating func note(_ node: RuleNode) {
        if let num = node.num { nums.insert(num) }
        if let eId = node.eId { eIds.insert(eId) }
        for child in node.children { note(child) }
    }
}

/// The citations of one version resolved together (a version's references): what
/// `RuleNode.resolve` answers, with the tree's eIds and each container's numbered units
/// indexed on first use instead of searched for each citation.
public final class Resolver {
    private let index: Locate.Index

    public init(_ root: RuleNode) {
        index = Locate.Index(root)
    }

    /// `root.resolve(path, in: base)`.
    public func resolve(_ path: TargetPath, in base: String? = nil) -> Resolution {
        index.root.resolve(path, in: base, index: index)
    }
}
