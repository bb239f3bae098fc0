import ZanDocument
import ZanText

/// One unit of a version of a rules text: the shape of `Provision`, without source offsets (a
/// version mixes text from many files), with what the corpus knows about it and where it came
/// from.
///
/// Text the corpus does not contain is *unknown*, never empty and never invented: a unit whose
/// own wording is not in the corpus has `unknown == true`; a unit some of whose children are not
/// in the corpus has `partial == true` (its `children` are the ones the corpus knows, in order).
public struct RuleNode: Hashable, @unchecked Sendable {
    /// What a unit is, held once: a copy of a node is one reference, not its dozen fields (a
    /// version shares most of its nodes with the version before, and a build copies nodes as it
    /// walks trees). Copy on write: a node changed while another holds its fields gets fields of
    /// its own first (`unique`), so a value never changes under whoever holds it, and no two
    /// threads ever write the same fields (hence `@unchecked Sendable`: the fields are written only
    /// through a node holding them alone).
    @usableFromInline
    struct Fields: Hashable {
        @usableFromInline var kind: ProvisionKind
        @usableFromInline var num: String?
        @usableFromInline var eId: String?
        @usableFromInline var heading: String?
        @usableFromInline var text: [String]
        @usableFromInline var children: [RuleNode]
        @usableFromInline var unknown: Bool
        @usableFromInline var partial: Bool
        @usableFromInline var repealed: Bool
        @usableFromInline var provenance: Provenance?
    }

    /// A `ManagedBuffer` with no elements: its header is read and written in place, through its
    /// address, without the run-time exclusivity checks of a class's stored property. The
    /// members below are inlinable, so that the other modules read a flag in place (called,
    /// a getter took about 90 instructions).
    @usableFromInline typealias Storage = ManagedBuffer<Fields, Void>
    @usableFromInline var storage: Storage

    /// The node's fields, one value (for a test that lists them).
    var fields: Fields { storage.header }

    @usableFromInline
    static func store(_ fields: Fields) -> Storage {
        Storage.create(minimumCapacity: 0) { _ in fields }
    }

    /// Gives this node fields of its own before it changes them.
    @inlinable @inline(__always)
    mutating func unique() {
        if !isKnownUniquelyReferenced(&storage) { storage = Self.store(storage.header) }
    }

    @inlinable public var kind: ProvisionKind {
        get { storage.header.kind }
        set { unique(); storage.header.kind = newValue }
    }
    /// The visible number ("13", "13-1", "5" for "5)"); nil for unnumbered units.
    @inlinable public var num: String? {
        get { storage.header.num }
        _modify { unique(); yield &storage.header.num }
    }
    @inlinable public var eId: String? {
        get { storage.header.eId }
        _modify { unique(); yield &storage.header.eId }
    }
    /// A chapter's or attachment's heading, a table row's label.
    @inlinable public var heading: String? {
        get { storage.header.heading }
        _modify { unique(); yield &storage.header.heading }
    }
    /// The unit's own paragraphs, before its children.
    @inlinable public var text: [String] {
        get { storage.header.text }
        _modify { unique(); yield &storage.header.text }
    }
    @inlinable public var children: [RuleNode] {
        get { storage.header.children }
        _modify { unique(); yield &storage.header.children }
    }
    /// The unit's own wording is not in the corpus.
    @inlinable public var unknown: Bool {
        get { storage.header.unknown }
        set { unique(); storage.header.unknown = newValue }
    }
    /// Units under this one exist that the corpus does not contain.
    @inlinable public var partial: Bool {
        get { storage.header.partial }
        set { unique(); storage.header.partial = newValue }
    }
    /// Struck out ("алып тасталсын"): the slot stays, with the provenance of the deletion.
    @inlinable public var repealed: Bool {
        get { storage.header.repealed }
        set { unique(); storage.header.repealed = newValue }
    }
    /// Which act set this unit's wording, where; nil for units nothing in the corpus sets.
    @inlinable public var provenance: Provenance? {
        get { storage.header.provenance }
        _modify { unique(); yield &storage.header.provenance }
    }

    public init(kind: ProvisionKind, num: String? = nil, eId: String? = nil, heading: String? = nil,
                text: [String] = [], children: [RuleNode] = [], unknown: Bool = false, partial: Bool = false,
                repealed: Bool = false, provenance: Provenance? = nil) {
        storage = Self.store(Fields(kind: kind, num: num, eId: eId, heading: heading, text: text, children: children,
                                    unknown: unknown, partial: partial, repealed: repealed, provenance: provenance))
    }

    /// Equal when they are one node (the same fields, as a version's nodes taken over from the
    /// version before are), or when every field is equal.
    public static func == (lhs: RuleNode, rhs: RuleNode) -> Bool {
        lhs.same(as: rhs, children: true)
    }

    /// True when the two have the same members but for their children (the same node, or
    /// equal kind, number, eId, heading, text, flags and provenance), compared in place: a
    /// member read through its getter is a copy, its strings and arrays retained.
    public func sameOwnMembers(as other: RuleNode) -> Bool {
        same(as: other, children: false)
    }

    /// Member by member, read in place (`==` of the two fields values read through their
    /// pointers copied both first), the flags first; the children too when `children`.
    private func same(as other: RuleNode, children: Bool) -> Bool {
        if storage === other.storage { return true }
        return storage.withUnsafeMutablePointerToHeader { a in
            other.storage.withUnsafeMutablePointerToHeader { b in
                a.pointee.kind == b.pointee.kind && a.pointee.unknown == b.pointee.unknown && a.pointee.partial == b.pointee.partial
                    && a.pointee.repealed == b.pointee.repealed && a.pointee.num == b.pointee.num && a.pointee.eId == b.pointee.eId
                    && a.pointee.heading == b.pointee.heading && a.pointee.text == b.pointee.text
                    && a.pointee.provenance == b.pointee.provenance && (!children || a.pointee.children == b.pointee.children)
            }
        }
    }

    public func hash(into hasher: inout Hasher) {
        storage.withUnsafeMutablePointerToHeader { hasher.combine($0.pointee) }
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
