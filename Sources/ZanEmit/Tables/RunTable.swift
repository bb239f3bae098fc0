/// What a work's versions share, as one table, each distinct entry once, and each version as
/// runs of its entries. A work's 21 versions state nearly the same facts and hold nearly the
/// same units: each version (in the work's index) lists `[first, last]` runs of the work's
/// tables, in order (`[[0, 811]]`, then `[[0, 119], [812, 812], [121, 811]]` after the 121st
/// entry changed).
/// The fact table (`FactTable`, `facts.json`) and the unit table (`UnitTable`, `units.json`)
/// are two of these.
///
/// Entries are numbered in the order they are first stated, versions taken oldest first, so
/// the numbering depends on nothing but the versions: a new last version only adds entries, and
/// the earlier versions' runs stay as they were.
public struct RunTable<Entry: Equatable & Sendable>: Sendable {
    /// The entries, in the order they were first stated.
    public private(set) var entries: [Entry] = []
    /// The entries under each key (usually one; more when an entry changed under its key). A
    /// key is what an entry is looked up by when it is not where the last version had it (a
    /// fact's id, a unit's eId): cheap to hash, and the same for an entry and its changed
    /// wording; `place` is given it.
    private var keyed: [String: [Int]] = [:]
    /// The entries of the last version placed, in order: the next version's are mostly these,
    /// in this order, and are found by one comparison each.
    private var last: [Int] = []

    public init() {}

    /// One version's entries as they are placed (`place`), and where it stands in the last
    /// version's.
    struct Placing {
        var found: [Int] = []
        var cursor = 0
        /// Where the item placed last stands among the last version's entries, when the cursor
        /// found it there (nil when it was looked up by key, or is new).
        var matched: Int?
    }

    /// Places the next item of a version: `matching` tells an entry equal to it, `key` is its
    /// key, `entry` makes its entry when the table has none equal to it. For items that are not
    /// entries yet (a unit of a tree, compared where it stands), so that only new ones are made.
    ///
    /// The item is tried where the last version's entries stand, one comparison, no hashing of
    /// its key: a cursor walks them, and an item is tried against the entry there and the one
    /// after (an item gone or changed before it). Entries are distinct, so an item equal to one
    /// has that entry. Otherwise it is looked up by key; the latest entry under it is tried
    /// first (an entry that changed stays changed in the versions after), and a new entry is
    /// added when none is equal. New entries are not the last version's, so the cursor never
    /// meets them.
    mutating func place(_ version: inout Placing, matching: (Entry) -> Bool, key: () -> String, entry make: () -> Entry) {
        let cursor = version.cursor
        if cursor < last.count, matching(entries[last[cursor]]) {
            version.found.append(last[cursor])
            version.cursor += 1
            version.matched = cursor
            return
        }
        if cursor + 1 < last.count, matching(entries[last[cursor + 1]]) {
            version.found.append(last[cursor + 1])
            version.cursor += 2
            version.matched = cursor + 1
            return
        }
        version.matched = nil
        // The key is hashed once: its entries are looked through in place, and the new entry's
        // number is added there when none is equal (a version's new units and facts, every one
        // of a work's first, were each hashed twice).
        let next = entries.count
        let found = Self.entry(under: &keyed[key(), default: []], matching: matching, in: entries, else: next)
        if found == next { entries.append(make()) }
        version.found.append(found)
    }

    /// The latest of `list`'s entries equal to the item (`matching`), else `next`, then added
    /// to the list.
    private static func entry(under list: inout [Int], matching: (Entry) -> Bool, in entries: [Entry], else next: Int) -> Int {
        if let entry = list.last(where: { matching(entries[$0]) }) { return entry }
        list.append(next)
        return next
    }

    /// Makes room for `count` more keys (a version's items about to be placed in an empty
    /// table): the table of keys does not grow, and hash every key again, as they come.
    mutating func reserveKeys(_ count: Int) {
        keyed.reserveCapacity(keyed.count + count)
    }

    /// Places the next items of a version known to be the last version's entries at
    /// `positions` (a part that did not change), without comparing them.
    mutating func place(_ version: inout Placing, lastPositions positions: Range<Int>) {
        version.found += last[positions]
        version.cursor = positions.upperBound
        version.matched = nil
    }

    /// Places the next item of a version known to be `entry` (its entry in an earlier
    /// version: an item that did not change), without comparing it.
    mutating func place(_ version: inout Placing, entry: Int) {
        let cursor = version.cursor
        if cursor < last.count, last[cursor] == entry {
            version.cursor += 1
        } else if cursor + 1 < last.count, last[cursor + 1] == entry {
            version.cursor += 2
        }
        version.found.append(entry)
    }

    /// The runs of a version placed item by item (`place`); the next version is matched
    /// against it.
    mutating func placed(_ version: Placing) -> [ClosedRange<Int>] {
        last = version.found
        var runs: [ClosedRange<Int>] = []
        for entry in version.found {
            if let last = runs.last, last.upperBound + 1 == entry {
                runs[runs.count - 1] = last.lowerBound...entry
            } else {
                runs.append(entry...entry)
            }
        }
        return runs
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

