/// What a work's versions share, as one table, each distinct entry once, and each version as
/// runs of its entries. A work's 21 versions state nearly the same facts and hold nearly the
/// same units: a version file lists `[first, last]` runs of the work's tables, in document order
/// (`[[0, 811]]`, then `[[0, 119], [812, 812], [121, 811]]` after the 121st entry changed).
/// The fact table (`FactTable`, `facts.json`) and the unit table (`UnitTable`, `units.json`)
/// are two of these.
///
/// Entries are numbered in the order they are first stated, versions taken oldest first, so
/// the numbering depends on nothing but the versions: a new last version only adds entries, and
/// the earlier versions' runs stay as they were.
public struct RunTable<Entry: Equatable & Sendable>: Sendable {
    /// The entries, in the order they were first stated.
    public private(set) var entries: [Entry] = []
    /// What an entry is looked up by when it is not where the last version had it (a fact's
    /// id, a unit's eId): cheap to hash, and the same for an entry and its changed wording.
    private let key: @Sendable (Entry) -> String
    /// The entries under each key (usually one; more when an entry changed under its key).
    private var keyed: [String: [Int]] = [:]
    /// The entries `runs(of:)` was last given, in order: the next version's are mostly these,
    /// in this order, and are found by one comparison each.
    private var last: [Int] = []

    public init(key: @escaping @Sendable (Entry) -> String) {
        self.key = key
    }

    /// The runs of entries that give `items` in their order, entries added for the items the
    /// table did not hold. Runs are inclusive (`first...last`) and maximal.
    public mutating func runs(of items: [Entry]) -> [ClosedRange<Int>] {
        // The items the last version's give, found where they stand: one comparison each, no
        // hashing of keys. (The comparison still copies both entries: for facts, 2,200 → 1,700
        // instructions a fact in all.) New entries are added after, so they cannot change what
        // matched.
        var found = entries.withUnsafeBufferPointer { table in
            items.withUnsafeBufferPointer { items in Self.aligned(items, with: last, in: table) }
        }
        for index in found.indices where found[index] < 0 { found[index] = entry(of: items[index]) }
        last = found
        var runs: [ClosedRange<Int>] = []
        for entry in found {
            if let last = runs.last, last.upperBound + 1 == entry {
                runs[runs.count - 1] = last.lowerBound...entry
            } else {
                runs.append(entry...entry)
            }
        }
        return runs
    }

    /// The entry of each of `items` that is one of the `last` version's, -1 for the others.
    /// A cursor walks `last`: an item is tried against the entry there and the one after (an
    /// item gone or changed before it). Entries are distinct, so an item equal to one has that
    /// entry.
    private static func aligned(_ items: UnsafeBufferPointer<Entry>, with last: [Int], in table: UnsafeBufferPointer<Entry>) -> [Int] {
        var found = [Int](repeating: -1, count: items.count)
        var cursor = 0
        for index in items.indices {
            if cursor < last.count, table[last[cursor]] == items[index] {
                found[index] = last[cursor]
                cursor += 1
            } else if cursor + 1 < last.count, table[last[cursor + 1]] == items[index] {
                found[index] = last[cursor + 1]
                cursor += 2
            }
        }
        return found
    }

    /// The entry of `item`, added when the table has none equal to it. The latest entry under
    /// its key is tried first: an entry that changed stays changed in the versions after.
    private mutating func entry(of item: Entry) -> Int {
        let key = key(item)
        if let known = keyed[key] {
            for entry in known.reversed() where entries[entry] == item { return entry }
        }
        entries.append(item)
        keyed[key, default: []].append(entries.count - 1)
        return entries.count - 1
    }

    /// The entries `runs` give, in order (what a reader of the table does with a version's
    /// runs); nil when a run is reversed or names an entry the table does not have.
    public func entries(_ runs: [ClosedRange<Int>]) -> [Entry]? {
        var found: [Entry] = []
        for run in runs {
            guard run.lowerBound >= 0, run.upperBound < entries.count else { return nil }
            found += entries[run]
        }
        return found
    }
}

/// The facts of a work's versions (`rules/<work>/facts.json`), looked up by fact id.
public typealias FactTable = RunTable<Fact>

extension RunTable where Entry == Fact {
    public init() {
        self.init { $0.id }
    }
}
