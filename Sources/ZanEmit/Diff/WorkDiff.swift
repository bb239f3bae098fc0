import ZanDocument
import ZanText
import ZanTimeline

/// What changed in a work between two of its versions: the changed provisions in document
/// order, each with both sides, a word-level diff where both wordings are known, and the
/// provenance of the change; runs of unchanged provisions between them, collapsed.
public struct WorkDiff: Sendable {
    /// The work compared.
    public var work: Work
    /// The version compared from, and the date it was asked for.
    public var old: Version
    public var oldDate: CivilDate
    /// The version compared to, and the date it was asked for.
    public var new: Version
    public var newDate: CivilDate
    /// The acts that start the versions after `old` up to `new`: whatever changed, changed by them.
    public var amendedBy: [String]
    /// The order the diff was asked for (`zan diff --order`), if it was.
    public var order: String?
    /// Changes and unchanged runs, in document order.
    public var entries: [Entry]
    /// Rule values (facts) that changed, in the new version's order.
    public var valueChanges: [ValueChange]

    public enum Entry: Sendable {
        case change(ProvisionChange)
        /// Provisions whose wording (and provenance) is the same on both sides, all in one part.
        case unchanged([Unit])

        /// The attachment the entry is in (nil: the body of the act).
        public var part: String? {
            switch self {
            case .change(let change): change.unit.part
            case .unchanged(let units): units.first?.part
            }
        }
    }

    /// The changes alone, in document order.
    public var changes: [ProvisionChange] {
        entries.compactMap { if case .change(let change) = $0 { change } else { nil } }
    }

    /// The unchanged provisions alone, in document order.
    public var unchanged: [Unit] {
        entries.flatMap { entry -> [Unit] in
            if case .unchanged(let units) = entry { return units }
            return []
        }
    }

    /// A provision named for a person and for a machine.
    public struct Unit: Hashable, Sendable {
        /// Its eId in its version ("att_1__para_13").
        public var eId: String?
        /// "13", "2.5)", "6 › part 2", "appendix 1", relative to `part`.
        public var label: String
        /// The attachment it is in ("att_1"), nil in the body of the act.
        public var part: String?
        public init(eId: String?, label: String, part: String?) {
            self.eId = eId
            self.label = label
            self.part = part
        }
    }
}

/// One changed provision.
public struct ProvisionChange: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// New: it did not exist before (its parent's text was complete, or an insert created it).
        case added
        /// Gone: a new wording of its parent no longer has it.
        case removed
        /// Struck out ("алып тасталсын"): the slot stays.
        case repealed
        /// Its wording changed, or its earlier wording is not in the corpus.
        case changed
        /// Set again by an order in the same words.
        case restated
        /// Renumbered or moved: the same provision (the same or similar wording) at another address.
        case moved
    }

    /// What happened to the provision.
    public var kind: Kind
    /// The provision (on the new side; on the old side for `removed`).
    public var unit: WorkDiff.Unit
    /// Where a moved provision was.
    public var oldUnit: WorkDiff.Unit?
    /// The provision in the version compared from.
    public var before: DiffSide
    /// The provision in the version compared to.
    public var after: DiffSide
    /// The word-level diff, when both wordings are known in full.
    public var words: [WordDiff.Segment]?
    /// The edits behind the change, in order of effect (usually one; more when the provision was
    /// amended again between the two versions): act, point, operation, entry into force.
    public var provenance: [Provenance]
}

/// One side of a change.
public enum DiffSide: Sendable, Equatable {
    /// The provision does not exist on this side.
    case absent
    /// It exists (or may) but its wording on this side is not in the corpus.
    case notInCorpus
    /// Struck out.
    case repealed
    /// Its wording, one line per paragraph (headings included); `complete` is false when parts
    /// of it are not in the corpus (the lines then carry `RuleText`'s markers).
    case text([String], complete: Bool)
}
