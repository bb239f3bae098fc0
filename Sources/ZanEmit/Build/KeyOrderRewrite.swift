/// A file of entries in key order, written again after a few of them changed: the entries read
/// are walked in their order with the changed keys merged in, so that each unchanged entry's
/// bytes are copied and only the changed ones are written anew. The build index and the stamps
/// are such files: at 10,000 works, 60,000 entries each, of which a rebuild after one new order
/// changes a few dozen.
enum KeyOrderRewrite {
    /// Calls `copy` with each entry of `read` (a key, and where its bytes are) whose key is not
    /// in `changed`, and `write` with each key of `changed`, all in key order: `precedes` is the
    /// order `read` is in. `write` returns false for a key it has nothing for (an entry
    /// removed). Returns the number of entries copied or written: a caller compares it with the
    /// number it has, to know the entries read were the ones it was given.
    static func merge(_ read: [(key: String, range: Range<Int>)], changed: Set<String>, by precedes: (String, String) -> Bool,
                      copy: (String, Range<Int>) -> Void, write: (String) -> Bool) -> Int {
        let written = changed.sorted(by: precedes)
        var next = 0, count = 0
        for (key, range) in read {
            while next < written.count, !precedes(key, written[next]) {
                if write(written[next]) { count += 1 }
                next += 1
            }
            guard !changed.contains(key) else { continue }
            copy(key, range)
            count += 1
        }
        for key in written[next...] where write(key) { count += 1 }
        return count
    }
}
