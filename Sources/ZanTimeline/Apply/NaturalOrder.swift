/// Unit numbers are string keys with a natural order: "13" < "13-1" < "13-2" < "14" (inserted
/// units get hyphenated numbers; nothing is renumbered).
public enum NaturalOrder {
    public static func precedes(_ a: String, _ b: String) -> Bool {
        let left = a.split(separator: "-", omittingEmptySubsequences: false)
        let right = b.split(separator: "-", omittingEmptySubsequences: false)
        for (x, y) in zip(left, right) where x != y {
            switch (Int(x), Int(y)) {
            case let (i?, j?): return i < j
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return x < y
            }
        }
        return left.count < right.count
    }
}
