import ZanText
import ZanTimeline

/// The facts of a work's versions, placed one version after the other in the work's fact table
/// (`FactTable`, `facts.json`): each version's runs give what `ExtractFacts.facts(in:)` gives
/// that version read on its own, without doing again what the version before it did.
///
/// - A paragraph is read once (`ExtractFacts.read`), however many units and versions state it.
/// - A unit whose paragraphs (and table row) did not change keeps the facts read from them.
///   Those no version resolves (all but internal references) keep their entries in the table,
///   which are not compared again.
/// - While a version resolves its references as the one before it did (only wording changed:
///   `RuleNode.resolvesAlike`, and the act amends another in both or in neither), an unchanged
///   unit keeps the entries of its resolved references as well.
/// - When the tree changed shape, an unchanged unit still keeps them if its references found
///   every unit they cite and read none of the numbers and eIds where it changed
///   (`ShapeChanges`): on generated works, nine references in ten.
///
/// A version's consistency check (`ReferenceCheck`) needs only the references resolved anew in
/// it (`Placed.resolved`): a kept reference is the one the version before resolved and checked.
///
/// A class, not a value: its units' records are shared with the versions placed, and updated
/// in place. Not for use from several threads.
public final class WorkFacts {
    public private(set) var table = FactTable()
    /// What the versions placed so far leave for the next: the paragraphs read, the units met,
    /// the tables' rows. A value `place` takes over while it places (and gives back): each
    /// access to a class's property is checked at run time for exclusivity, and the walk of
    /// a version's tree made hundreds of thousands of them.
    private struct Known {
        /// Paragraph → its facts, without unit, paragraph index or id. Keyed by its UTF-8 bytes
        /// (`LexiconWord`): `String`'s own hashing normalizes non-ASCII text first, which made
        /// the lookups a tenth of a build.
        /// (Nil only while the paragraph is being read.)
        var paragraphs: [LexiconWord: [Fact]?] = [:]
        /// The units met, by eId (`unitNumbers`); a unit that changed replaces its eId's record.
        var units: [UnitFacts?] = []
        var unitNumbers: [String: Int] = [:]
        /// Per table eId ("" for a table without one), the last rows read and their service
        /// facts by row index, without ids (`ServiceTableFacts` reads only the rows).
        var tables: [String: (rows: [RuleNode], facts: [Int: Fact])] = [:]
        /// The last version's units, as placed.
        var lastSlots: [Slot] = []
    }
    private var known = Known()
    /// The last version placed, and whether its act amends another (`amends`).
    private var last: (root: RuleNode, amending: Bool)?
    /// The number of versions placed.
    private var placedVersions = 0

    public init() {}

    /// What placing one version gave.
    public struct Placed {
        /// The version's facts as runs of the table's entries.
        public var runs: [ClosedRange<Int>]
        /// The internal references resolved in this version, in document order: the ones
        /// whose resolution may differ from the version before's.
        public var resolved: [Fact]
        /// The version's facts as the table's entries, in order.
        var found: [Int]
    }

    /// A unit's facts, as read from its paragraphs and its table row, and where they were
    /// placed last. A class: the versions' slots share it, and placing updates it in place.
    private final class UnitFacts {
        let text: [String]
        let service: Fact?
        /// Ids set, references not resolved.
        let facts: [Fact]
        /// True when one of them is resolved in each version (an internal reference).
        let resolves: Bool
        /// True when one of them cites the act the version's act amends, outside its
        /// attachments: the act is an amending one.
        let amends: Bool
        /// The entries of its facts, resolved, in version `placedIn` (-1: not placed yet).
        var entries: [Int] = []
        /// What resolving its references read of version `placedIn`'s tree (nil: more than a
        /// later version's `ShapeChanges` can vouch for).
        var reads: ReferenceFacts.Reads?
        var placedIn = -1
        /// In version `placedIn` (set as it is placed: a version's walk reads the last
        /// version's): where its slot stood among the version's, how many slots its subtree's
        /// units took after it, and its array of children.
        var position = 0
        var size = 0
        var children: [RuleNode] = []

        init(text: [String], service: Fact?, facts: [Fact]) {
            self.text = text
            self.service = service
            self.facts = facts
            resolves = facts.contains(where: WorkFacts.resolves)
            amends = facts.contains { $0.fields["act"] == .string("amended") && !$0.eId.hasPrefix("att_") }
        }
    }

    /// A unit of a version, in document order.
    private struct Slot {
        var number: Int
        var unit: UnitFacts
        var changed: Bool
        /// How many slots its subtree's units take after it, and its array of children.
        var size = 0
        var children: [RuleNode] = []
    }

    /// Places the facts of a work's next version (`root`, its tree) in the table.
    public func place(_ root: RuleNode) -> Placed {
        // The table and what is known are this function's while it places (see `Known`).
        var table = FactTable(), known = Known()
        swap(&table, &self.table)
        swap(&known, &self.known)
        defer {
            swap(&table, &self.table)
            swap(&known, &self.known)
        }
        // Room for the first version's paragraphs at once (growing, the cache hashed every
        // paragraph's bytes again at each step).
        if placedVersions == 0 { known.paragraphs.reserveCapacity(Self.paragraphCount(root)) }
        var slots: [Slot] = []
        Self.walk(root, service: nil, into: &slots, known: &known, version: placedVersions)
        // An act whose own points amend another: its attachments are wording of the amended
        // document ("… қағидаларына 1-қосымша" in the new wording), and so are their references.
        let amending = slots.contains { $0.unit.amends }
        let sameAmending = last?.amending == amending
        let alike = last.map { sameAmending && $0.root.resolvesAlike(root) } ?? false
        // Where the tree changed shape, when it did: only references that read there are
        // resolved again (made on first need).
        var changes: ShapeChanges?
        func resolvesAsBefore(_ reads: ReferenceFacts.Reads?) -> Bool {
            guard sameAmending, let reads, let last else { return false }
            if changes == nil { changes = ShapeChanges(from: last.root, to: root) }
            return changes?.touch(nums: reads.nums, eIds: reads.eIds) == false
        }
        let version = placedVersions
        if version == 0 { table.reserveKeys(slots.reduce(0) { $0 + $1.unit.facts.count }) }
        let resolver = Resolver(root)
        var placing = FactTable.Placing()
        var resolved: [Fact] = []
        // By index, each slot read in place: a slot copied is two references retained (and
        // released), a version's units each version.
        for position in slots.indices {
            let unit = slots[position].unit
            let kept = !slots[position].changed && unit.placedIn >= 0
                && (!unit.resolves || (unit.placedIn == version - 1 && (alike || resolvesAsBefore(unit.reads))))
            if kept {
                for entry in unit.entries { table.place(&placing, entry: entry) }
            } else {
                unit.entries = []
                var reads: ReferenceFacts.Reads? = ReferenceFacts.Reads()
                for var fact in unit.facts {
                    if Self.resolves(fact) {
                        let read = ReferenceFacts.resolve(&fact, in: resolver, amending: amending)
                        if let read { reads?.nums += read.nums; reads?.eIds += read.eIds } else { reads = nil }
                        resolved.append(fact)
                    }
                    table.place(&placing, matching: { $0 == fact }, key: { fact.id }, entry: { fact })
                    unit.entries.append(placing.found[placing.found.count - 1])
                }
                unit.reads = reads
            }
            unit.placedIn = version
            unit.position = position
            unit.size = slots[position].size
            // Most units keep their array of children and their record: not set again.
            if !unit.children.isStorage(of: slots[position].children) { unit.children = slots[position].children }
            let number = slots[position].number
            if known.units[number] !== unit { known.units[number] = unit }
            slots[position].changed = false
        }
        known.lastSlots = slots
        last = (root, amending)
        placedVersions += 1
        return Placed(runs: table.placed(placing), resolved: resolved, found: placing.found)
    }

    /// Collects the units of `node`'s subtree that state facts, reading the paragraphs of
    /// those that changed.
    /// `version`: the number of versions placed before this one.
    private static func walk(_ node: RuleNode, service: Fact?, into slots: inout [Slot], known records: inout Known, version: Int) {
        var own: Int?   // this unit's slot
        if let eId = node.eId, !node.unknown, !node.repealed {
            let number = records.unitNumbers[eId] ?? {
                records.units.append(nil)
                records.unitNumbers[eId] = records.units.count - 1
                return records.units.count - 1
            }()
            if let known = records.units[number], known.placedIn >= 0, known.text == node.text, known.service == service {
                slots.append(Slot(number: number, unit: known, changed: false))
                // The unit, unchanged, with the very array of children it had in the last
                // version: the version took its subtree over (an edit copies only the arrays
                // on its path), and the units below are the last version's.
                if known.placedIn == version - 1, !node.children.isEmpty, node.children.isStorage(of: known.children) {
                    slots[slots.count - 1].size = known.size
                    slots[slots.count - 1].children = known.children
                    slots += records.lastSlots[known.position + 1..<known.position + 1 + known.size]
                    return
                }
            } else {
                let unit = read(node, eId: eId, service: service, paragraphs: &records.paragraphs)
                records.units[number] = unit
                slots.append(Slot(number: number, unit: unit, changed: true))
            }
            own = slots.count - 1
        }
        defer {
            if let own {
                slots[own].size = slots.count - own - 1
                slots[own].children = node.children
            }
        }
        var rows: [Int: Fact] = [:]
        if node.kind == .table && !node.unknown && !node.repealed {
            if let known = records.tables[node.eId ?? ""], known.rows == node.children {
                rows = known.facts
            } else {
                rows = Dictionary(ServiceTableFacts.read(node).map { ($0.row, $0.fact) }, uniquingKeysWith: { first, _ in first })
                records.tables[node.eId ?? ""] = (node.children, rows)
            }
        }
        for (index, child) in node.children.enumerated() {
            walk(child, service: rows[index], into: &slots, known: &records, version: version)
        }
    }

    /// A unit's facts: those of its paragraphs, in order, then its row's service fact, each
    /// numbered among the unit's facts of its kind.
    /// `paragraphs`: the work's paragraphs read so far, and their facts (`Known.paragraphs`).
    private static func read(_ node: RuleNode, eId: String, service: Fact?, paragraphs: inout [LexiconWord: [Fact]?]) -> UnitFacts {
        var facts: [Fact] = []
        for (index, paragraph) in node.text.enumerated() {
            // One lookup: the entry is made (nil) as the paragraph is looked up, and filled in.
            let read = Self.facts(of: paragraph, in: &paragraphs[LexiconWord(paragraph), default: nil])
            for var fact in read {
                fact.paragraph = index
                fact.lastParagraph = index
                facts.append(fact)
            }
        }
        if let service { facts.append(service) }
        // Numbered by kind, in `Fact.Kind.allCases` order (a dictionary keyed by the kind hashed
        // its name).
        var counts = [Int](repeating: 0, count: Fact.Kind.allCases.count)
        for index in facts.indices {
            let kind = Fact.Kind.allCases.firstIndex(of: facts[index].kind) ?? 0
            counts[kind] += 1
            facts[index].id = Self.id(eId, facts[index].kind, counts[kind])
            facts[index].eId = eId
        }
        return UnitFacts(text: node.text, service: service, facts: facts)
    }

    /// The paragraphs of a tree's units.
    private static func paragraphCount(_ node: RuleNode) -> Int {
        node.children.reduce(node.text.count) { $0 + paragraphCount($1) }
    }

    /// The facts of `paragraph`, read into `known` unless it holds them already.
    private static func facts(of paragraph: String, in known: inout [Fact]?) -> [Fact] {
        if let known { return known }
        let read = ExtractFacts.read(paragraph)
        known = read
        return read
    }

    /// "att_1__para_13#duration-1": the unit's eId, the kind and the fact's number among the
    /// unit's facts of that kind. Made as bytes: joining the strings looked for grapheme
    /// clusters across each of the four joins.
    static func id(_ eId: String, _ kind: Fact.Kind, _ number: Int) -> String {
        var bytes = Array(eId.utf8)
        bytes.append(UInt8(ascii: "#"))
        bytes += kind.rawValue.utf8
        bytes.append(UInt8(ascii: "-"))
        bytes += String(number).utf8
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True for a fact a version resolves (`ReferenceFacts.resolve`): an internal reference.
    fileprivate static func resolves(_ fact: Fact) -> Bool {
        fact.kind == .reference && fact.fields["scope"] == .string("internal")
    }
}
