/// The facts of a work's versions as one table, each distinct fact once (`rules/<work>/facts.json`),
/// and each version's facts as runs of its entries. A work's 21 versions state nearly the same
/// facts, and facts were 57 % of every version file: a version file now lists
/// `[first, last]` runs of the table, in document order (`[[0, 811]]`, then
/// `[[0, 119], [812, 812], [121, 811]]` after the 121st fact changed).
///
/// Entries are numbered in the order they are first stated, versions taken oldest first, so
/// the numbering depends on nothing but the versions' facts: a new last version only adds
/// entries, and the earlier versions' runs stay as they were.
public struct FactTable: Sendable {
    /// The entries, in the order they were first stated.
    public private(set) var facts: [Fact] = []
    /// The entries of each fact id (usually one; more when a fact changed under its id).
    private var entries: [String: [Int]] = [:]
    /// The entries of the facts `runs(of:)` was last given, in order: the next version's facts
    /// are mostly these, in this order, and are found by one comparison each.
    private var last: [Int] = []

    public init() {}

    /// The runs of entries that give `facts` in their order, entries added for the facts the
    /// table did not hold. Runs are inclusive (`first...last`) and maximal.
    public mutating func runs(of facts: [Fact]) -> [ClosedRange<Int>] {
        // The facts the last version's give, found where they stand: one comparison each, no
        // hashing of ids. (The comparison still copies both facts: 2,200 → 1,700 instructions
        // a fact in all.) New entries are added after, so they cannot change what matched.
        var entries = self.facts.withUnsafeBufferPointer { table in
            facts.withUnsafeBufferPointer { facts in Self.aligned(facts, with: last, in: table) }
        }
        for index in entries.indices where entries[index] < 0 { entries[index] = entry(of: facts[index]) }
        last = entries
        var runs: [ClosedRange<Int>] = []
        for entry in entries {
            if let last = runs.last, last.upperBound + 1 == entry {
                runs[runs.count - 1] = last.lowerBound...entry
            } else {
                runs.append(entry...entry)
            }
        }
        return runs
    }

    /// The entry of each of `facts` that is one of the `last` version's, -1 for the others.
    /// A cursor walks `last`: a fact is tried against the entry there and the one after (a fact
    /// gone or changed before it). Entries are distinct, so a fact equal to one has that entry.
    private static func aligned(_ facts: UnsafeBufferPointer<Fact>, with last: [Int], in table: UnsafeBufferPointer<Fact>) -> [Int] {
        var entries = [Int](repeating: -1, count: facts.count)
        var cursor = 0
        for index in facts.indices {
            if cursor < last.count, table[last[cursor]] == facts[index] {
                entries[index] = last[cursor]
                cursor += 1
            } else if cursor + 1 < last.count, table[last[cursor + 1]] == facts[index] {
                entries[index] = last[cursor + 1]
                cursor += 2
            }
        }
        return entries
    }

    /// The entry of `fact`, added when the table has none equal to it. The latest entry under
    /// its id is tried first: a fact that changed stays changed in the versions after.
    private mutating func entry(of fact: Fact) -> Int {
        if let known = entries[fact.id] {
            for entry in known.reversed() where facts[entry] == fact { return entry }
        }
        facts.append(fact)
        entries[fact.id, default: []].append(facts.count - 1)
        return facts.count - 1
    }

    /// The facts `runs` give, in order (what a reader of `facts.json` does with a version's
    /// runs); nil when a run is reversed or names an entry the table does not have.
    public func facts(_ runs: [ClosedRange<Int>]) -> [Fact]? {
        var found: [Fact] = []
        for run in runs {
            guard run.lowerBound >= 0, run.upperBound < facts.count else { return nil }
            found += facts[run]
        }
        return found
    }
}
