import ZanAmendments
import ZanDocument
import ZanText

/// A node of a tree, by the child indices that lead to it from the root.
typealias NodePath = [Int]

extension RuleNode {
    subscript(path: NodePath) -> RuleNode {
        get { withNode(at: path[...]) { $0 } }
        set {
            guard let first = path.first else { self = newValue; return }
            children[first][Array(path.dropFirst())] = newValue
        }
    }

    /// `body` of the node at `path`, read in place: a node copied at each level, or once at
    /// the end, retains and releases each of its fields.
    func withNode<T>(at path: ArraySlice<Int>, _ body: (RuleNode) -> T) -> T {
        guard let first = path.first else { return body(self) }
        return children.withUnsafeBufferPointer { $0[first].withNode(at: path.dropFirst(), body) }
    }
}

/// Where a cited unit is in a version's tree.
enum Located: Equatable {
    /// The unit is at this path.
    case found(NodePath)
    /// The unit is not in the tree. `container` is the deepest unit of the citation that was
    /// found; `remaining` the steps still to go. `unknown` is true when the corpus does not
    /// hold that container completely (the unit may exist, unseen), false when it certainly
    /// does not exist.
    case missing(container: NodePath, remaining: [TargetStep], unknown: Bool)
    /// The citation goes below the units kept as structure (an indent, a sentence, a cell).
    case belowStructure(TargetStep)
}

enum Locate {
    /// The node kind a cited unit has inside a container of kind `container`: an appendix of
    /// an order is its attachment; of anything else, an appendix.
    static func kind(of unit: UnitKind, in container: ProvisionKind) -> ProvisionKind? {
        switch unit {
        case .appendix: container == .document ? .attachment : .appendix
        case .section: .section
        case .chapter: .chapter
        case .paragraphSign: .paragraphSign
        case .article: .article
        case .paragraph: .paragraph
        case .subparagraph: .subparagraph
        case .part: .part
        case .preamble: .preamble
        case .table: .table
        case .row: .row
        case .indent, .sentence, .column, .title: nil
        }
    }

    /// True when a search for a unit of `target` kind looks inside a child of kind `child`:
    /// points are numbered through sections and chapters; subpoints sit in a point's parts.
    static func isTransparent(_ child: ProvisionKind, for target: ProvisionKind) -> Bool {
        switch child {
        case .section, .chapter, .paragraphSign:
            [.paragraph, .article, .paragraphSign, .chapter].contains(target) && child != target
        case .part: target == .subparagraph
        default: false
        }
    }

    /// The path of the unit `steps` cite, starting in the node at `start`. With `index` (of
    /// `root`), numbered units are looked up instead of searched for.
    static func locate(_ steps: [TargetStep], in root: RuleNode, from start: NodePath, index: Index? = nil) -> Located {
        var path = start
        for (offset, step) in steps.enumerated() {
            let next: Located? = root.withNode(at: path[...]) { container in
                guard let kind = kind(of: step.unit, in: container.kind) else { return .belowStructure(step) }
                let found = if let index, let num = step.num { index.child(kind, num, at: path, in: container) } else { child(kind, step.num, in: container) }
                guard let found else {
                    return .missing(container: path, remaining: Array(steps[offset...]), unknown: mayHide(kind, in: container))
                }
                path += found
                return nil
            }
            if let next { return next }
        }
        return .found(path)
    }

    /// The relative path of the child (looking through transparent containers) of `kind`
    /// numbered `num`; an unnumbered cite matches the only unit of that kind.
    static func child(_ kind: ProvisionKind, _ num: String?, in container: RuleNode) -> NodePath? {
        var candidates: [NodePath] = []
        // By index, not `for child in`: a search passes over every point of a chapter, and a
        // copied node retains and releases each of its fields.
        func search(_ children: [RuleNode], _ prefix: NodePath) {
            for index in children.indices {
                let childKind = children[index].kind
                if childKind == kind && (num == nil || children[index].num == num) {
                    candidates.append(prefix + [index])
                    if num != nil { return }
                } else if isTransparent(childKind, for: kind) {
                    search(children[index].children, prefix + [index])
                }
                if num != nil, !candidates.isEmpty { return }
            }
        }
        search(container.children, [])
        if num == nil { return candidates.count == 1 ? candidates[0] : nil }
        return candidates.first
    }

    /// Many citations located in one tree (the references of a version): each container's
    /// numbered units of a kind are listed once, by the walk `child` makes, so a lookup finds
    /// the unit `child` would. Not for use from several threads.
    final class Index {
        private struct Key: Hashable {
            var container: NodePath
            var kind: ProvisionKind
        }

        /// Per container and kind: its numbered units.
        private var units: [Key: Listing] = [:]
        /// eId → path of the first node with it in document order (nil: none), as searched.
        private var eIdPaths: [String: NodePath?] = [:]
        let root: RuleNode

        init(_ root: RuleNode) {
            self.root = root
        }

        /// `Locate.child(kind, num, in: container)`, where `container` is the node at `path`.
        func child(_ kind: ProvisionKind, _ num: String, at path: NodePath, in container: RuleNode) -> NodePath? {
            let key = Key(container: path, kind: kind)
            if let known = units[key] { return known.path(of: num) }
            let listing = Listing(kind, in: container)
            units[key] = listing
            return listing.path(of: num)
        }

        /// A container's numbered units of one kind, as `child` finds them: the first unit with
        /// each number, by the index of its path's prefix (the transparent units it is in) and
        /// its own index there. (A path made for each unit listed, and the dictionary asked
        /// twice a unit, made listing 74 of the 161 million instructions of resolving the
        /// references of 20 generated works; 50 now.)
        struct Listing {
            private var prefixes: [NodePath] = [[]]
            private var first: [String: (prefix: Int, index: Int)] = [:]

            /// The walk of `child`, last unit to first: a unit of the kind is listed (and not
            /// entered), a transparent one is entered. Each number ends on the unit listed last,
            /// which is the first in document order: the one a search finds.
            init(_ kind: ProvisionKind, in container: RuleNode) {
                func walk(_ children: [RuleNode], prefix: Int) {
                    for index in children.indices.reversed() {
                        let childKind = children[index].kind
                        if childKind == kind {
                            if let num = children[index].num { first[num] = (prefix, index) }
                        } else if isTransparent(childKind, for: kind) {
                            prefixes.append(prefixes[prefix] + [index])
                            walk(children[index].children, prefix: prefixes.count - 1)
                        }
                    }
                }
                walk(container.children, prefix: 0)
            }

            /// The relative path of the first unit numbered `num`.
            func path(of num: String) -> NodePath? {
                first[num].map { prefixes[$0.prefix] + [$0.index] }
            }
        }

        /// `WorkHistory.path(ofEId:in:)` in `root`, each eId searched once. A version's
        /// references ask for few distinct ones (the attachment they stand in, the point that
        /// holds them), so a search that stops at the first match costs less than a map of
        /// every eId of the tree.
        func path(ofEId eId: String) -> NodePath? {
            if let known = eIdPaths[eId] { return known }
            let found = WorkHistory.path(ofEId: eId, in: root)
            eIdPaths[eId] = .some(found)
            return found
        }
    }

    /// True when a unit of `kind` could be in `container` without the corpus showing it: the
    /// container, or a transparent unit inside it, is partial or unknown.
    static func mayHide(_ kind: ProvisionKind, in container: RuleNode) -> Bool {
        if container.partial || container.unknown { return true }
        return container.children.contains { isTransparent($0.kind, for: kind) && mayHide(kind, in: $0) }
    }

    /// Where a new child of `kind` numbered `num` goes among `siblings`: after the units that
    /// come before it (earlier kinds, and same-kind units with lower numbers in natural order).
    static func insertionIndex(of kind: ProvisionKind, num: String?, among siblings: [RuleNode]) -> Int {
        var index = 0
        for (offset, sibling) in siblings.enumerated() {
            let before: Bool
            if rank(sibling.kind) != rank(kind) {
                before = rank(sibling.kind) < rank(kind)
            } else if let num, let other = sibling.num {
                before = NaturalOrder.precedes(other, num)
            } else {
                before = true
            }
            if before { index = offset + 1 }
        }
        return index
    }

    /// Where a new unit of `kind` numbered `num` goes under the node at `parent`: next to the
    /// anchor the instruction names ("13-тармақтан кейін"), else after the unit of its kind with
    /// the greatest number before it in natural order, else before the first one after it —
    /// looking through chapters and sections, so "13-1" lands in the chapter that holds "13".
    /// Returns the container's path and the index among its children.
    static func placement(of kind: ProvisionKind, num: String?, in root: RuleNode, under parent: NodePath,
                          position: InsertPosition?) -> (NodePath, Int) {
        if let position, position.place != .end, let anchor = position.target.last,
           let anchorKind = Locate.kind(of: anchor.unit, in: root[parent].kind),
           let found = child(anchorKind, anchor.num, in: root[parent]), let last = found.last {
            let container = parent + found.dropLast()
            return (container, last + (position.place == .after ? 1 : 0))
        }
        if let num {
            var before: NodePath?
            var after: NodePath?
            func search(_ node: RuleNode, _ prefix: NodePath) {
                for (index, child) in node.children.enumerated() {
                    if child.kind == kind, let other = child.num {
                        if NaturalOrder.precedes(other, num) { before = prefix + [index] }
                        else if after == nil { after = prefix + [index] }
                    } else if isTransparent(child.kind, for: kind) {
                        search(child, prefix + [index])
                    }
                }
            }
            search(root[parent], [])
            if let before, let last = before.last { return (parent + before.dropLast(), last + 1) }
            if let after, let last = after.last { return (parent + after.dropLast(), last) }
        }
        return (parent, insertionIndex(of: kind, num: num, among: root[parent].children))
    }

    /// Document order of kinds among siblings: the preamble, the units, the signature and
    /// approval, the attachments.
    static func rank(_ kind: ProvisionKind) -> Int {
        switch kind {
        case .preamble: 0
        case .signature: 2
        case .approval: 3
        case .attachment, .appendix: 4
        default: 1
        }
    }

    /// What a child of the node at `path` hangs its eId off: that node's eId and the eId of the
    /// point (or article) above it, for subpoints and parts.
    static func addressContext(of path: NodePath, in root: RuleNode) -> (parent: String?, point: String?) {
        var point: String?
        var node = root
        for index in path {
            point = EId.point(under: node.kind, eId: node.eId, point: point)
            node = node.children[index]
        }
        return (node.eId, EId.point(under: node.kind, eId: node.eId, point: point))
    }

    /// The eId a new unit of `kind` numbered `num` gets as a child of the node at `path`.
    static func eId(of kind: ProvisionKind, num: String?, under path: NodePath, in root: RuleNode) -> String? {
        let context = addressContext(of: path, in: root)
        return EId.make(kind: kind, num: num, parent: context.parent, point: context.point)
    }

    /// The path of the unit `steps` cite, creating every missing unit as *unknown* in a
    /// container the corpus does not hold completely; nil when a step is missing from a
    /// container the corpus holds completely, or goes below the structure.
    static func make(_ steps: [TargetStep], in root: inout RuleNode, from start: NodePath) -> NodePath? {
        switch locate(steps, in: root, from: start) {
        case .found(let path):
            return path
        case .belowStructure:
            return nil
        case let .missing(container, remaining, unknown):
            guard unknown else { return nil }
            var path = container
            for step in remaining {
                guard let kind = kind(of: step.unit, in: root[path].kind) else { return nil }
                let eId = eId(of: kind, num: step.num, under: path, in: root)
                let index = insertionIndex(of: kind, num: step.num, among: root[path].children)
                root[path].children.insert(.unknown(kind, num: step.num, eId: eId), at: index)
                path.append(index)
            }
            return path
        }
    }
}
