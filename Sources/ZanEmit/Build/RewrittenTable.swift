/// Entries by id, read from a file that holds them in key order (or made in memory), that note
/// what changes, so that the file can be written again with the unchanged entries' bytes copied
/// and only the changed ones written anew. The build index's two tables and the stamps' two are
/// such: at 10,000 works, 60,000 entries in each file, of which a rebuild after one new order
/// changes a few dozen.
struct RewrittenTable<Value: Equatable & Sendable>: Sendable {
    private(set) var values: [String: Value]
    /// True once `set` added, changed or removed an entry.
    private(set) var changed = false
    /// Each entry read, its key and where its bytes are in the file, in the file's order; nil
    /// for a table made in memory (or read out of key order: then nothing is copied).
    private var read: [(key: String, range: Range<Int>)]?
    /// The ids `set` changed since the table was read: their bytes in the file are not theirs.
    private var edited: Set<String> = []

    init(_ values: [String: Value] = [:]) {
        self.values = values
    }

    subscript(id: String) -> Value? { values[id] }

    /// While reading: an entry, and where its bytes are (nil: they cannot be copied, and then
    /// none are).
    mutating func append(_ id: String, _ value: Value, at range: Range<Int>?) {
        values[id] = value
        if let range { read?.append((id, range)) } else { read = nil }
    }

    /// Before reading: room for `count` entries, and the entries' places to be kept.
    mutating func startReading(count: Int) {
        values.reserveCapacity(count)
        read = []
        read?.reserveCapacity(count)
    }

    /// After reading: the places are kept only when the entries came in key order (`precedes`),
    /// each once, as a writer of the file writes them.
    mutating func endReading(by precedes: (String, String) -> Bool) {
        guard let entries = read else { return }
        let ordered = entries.count == values.count && zip(entries, entries.dropFirst()).allSatisfy { precedes($0.key, $1.key) }
        if !ordered { read = nil }
    }

    /// Sets (or, with nil, removes) an entry.
    mutating func set(_ id: String, _ value: Value?) {
        let previous = if let value { values.updateValue(value, forKey: id) } else { values.removeValue(forKey: id) }
        guard previous != value else { return }
        changed = true
        if read != nil { edited.insert(id) }
    }

    /// Writes the entries in key order (`precedes`, the file's): `copy` with the id and the
    /// place of each entry read and not changed since, `write` with each other id and its value.
    /// False, and nothing done, when no places were kept (write the table whole instead).
    func rewrite(by precedes: (String, String) -> Bool, copy: (String, Range<Int>) -> Void,
                 write: (String, Value) -> Void) -> Bool {
        guard let read else { return false }
        let written = edited.sorted(by: precedes)
        var next = 0
        func writeNew(_ id: String) {
            if let value = values[id] { write(id, value) }
        }
        for (key, range) in read {
            while next < written.count, !precedes(key, written[next]) {
                writeNew(written[next])
                next += 1
            }
            if !edited.contains(key) { copy(key, range) }
        }
        for id in written[next...] { writeNew(id) }
        return true
    }
}
