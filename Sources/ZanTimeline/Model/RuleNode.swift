import ZanDocument
import ZanText

/// One unit of a version of a rules text: the shape of `Provision`, without source offsets (a
/// version mixes text from many files), with what the corpus knows about it and where it came
/// from.
///
/// Text the corpus does not contain is *unknown*, never empty and never invented: a unit whose
/// own wording is not in the corpus has `unknown == true`; a unit some of whose children are not
/// in the corpus has `partial == true` (its `children` are the ones the corpus knows, in order).
public struct RuleNode: Hashable, Sendable {
    public var kind: ProvisionKind
    /// The visible number ("13", "13-1", "5" for "5)"); nil for unnumbered units.
    public var num: String?
    public var eId: String?
    /// A chapter's or attachment's heading, a table row's label.
    public var heading: String?
    /// The unit's own paragraphs, before its children.
    public var text: [String]
    public var children: [RuleNode]
    /// The unit's own wording is not in the corpus.
    public var unknown: Bool
    /// Units under this one exist that the corpus does not contain.
    public var partial: Bool
    /// Struck out ("алып тасталсын"): the slot stays, with the provenance of the deletion.
    public var repealed: Bool
    /// Which act set this unit's wording, where; nil for units nothing in the corpus sets.
    public var provenance: Provenance?

    public init(kind: ProvisionKind, num: String? = nil, eId: String? = nil, heading: String? = nil,
                text: [String] = [], children: [RuleNode] = [], unknown: Bool = false, partial: Bool = false,
                repealed: Bool = false, provenance: Provenance? = nil) {
        self.kind = kind
        self.num = num
        self.eId = eId
        self.heading = heading
        self.text = text
        self.children = children
        self.unknown = unknown
        self.partial = partial
        self.repealed = repealed
        self.provenance = provenance
    }

    /// A unit known only to exist: its wording and its children are not in the corpus.
    public static func unknown(_ kind: ProvisionKind, num: String?, eId: String?, heading: String? = nil) -> RuleNode {
        RuleNode(kind: kind, num: num, eId: eId, heading: heading, unknown: true, partial: true)
    }

    /// A parsed provision and its subtree, every node with `provenance`.
    public init(_ provision: Provision, provenance: Provenance?) {
        self.init(kind: provision.kind, num: provision.num, eId: provision.eId, heading: provision.heading,
                  text: provision.content.map(\.text),
                  children: provision.children.map { RuleNode($0, provenance: provenance) },
                  provenance: provenance)
    }

    /// The unit's text and its descendants', one paragraph per line (headings of descendants
    /// included); unknown stretches are left out, so check `unknown` and `partial` before presenting
    /// it as the whole unit.
    public var fullText: String {
        var lines = text
        for child in children {
            if let heading = child.heading, !heading.isEmpty, child.kind != .row { lines.append(heading) }
            lines.append(child.fullText)
        }
        return lines.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// The first node (self included, document order) with this eId.
    public func find(eId target: String) -> RuleNode? {
        if eId == target { return self }
        for child in children {
            if let found = child.find(eId: target) { return found }
        }
        return nil
    }

    /// The subtree with eIds rebuilt from visible numbers under a container whose eId is
    /// `parent` (and the point `point`), by the scheme of `EId`: wording parsed on its own
    /// ("para_13") takes the address of the place it is put ("att_1__para_13").
    public func readdressed(parent: String?, point: String?) -> RuleNode {
        var node = self
        switch kind {
        case .form: node.eId = (parent.map { $0 + "__" } ?? "") + "form"
        case .quotation: break
        default: node.eId = EId.make(kind: kind, num: num, parent: parent, point: point)
        }
        let childPoint = EId.point(under: kind, eId: node.eId, point: point)
        node.children = children.map { $0.readdressed(parent: node.eId ?? parent, point: childPoint) }
        return node
    }

    /// The subtree with every node's provenance set to `provenance`.
    func stamped(_ provenance: Provenance) -> RuleNode {
        var node = self
        node.provenance = provenance
        node.children = children.map { $0.stamped(provenance) }
        return node
    }
}

extension [RuleNode] {
    /// True when the two arrays are one: the same storage, so the same nodes. A version takes
    /// the children it did not change over from the version before, array and all (an edit
    /// copies only the arrays on its path), so that a subtree taken over is known without a
    /// look. Only while something holds `other`: storage freed can be reused by another array.
    public func isStorage(of other: [RuleNode]) -> Bool {
        withUnsafeBufferPointer { x in other.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
    }
}
