/// Unit numbers are string keys with a natural order: "13" < "13-1" < "13-2" < "14" (inserted
/// units get hyphenated numbers; nothing is renumbered).
public enum NaturalOrder {
    public static func precedes(_ a: String, _ b: String) -> Bool {
        // Cut at the hyphen's byte: the byte 0x2D is never part of another character's UTF-8.
        // (Cutting the strings by `Character` ran Unicode's grapheme rules on every number:
        // placing 100 inserted units in 20 generated works compared numbers for 53 million
        // instructions, 2 % of the build.)
        let hyphen = UInt8(ascii: "-")
        let left = a.utf8.split(separator: hyphen, omittingEmptySubsequences: false)
        let right = b.utf8.split(separator: hyphen, omittingEmptySubsequences: false)
        for (x, y) in zip(left, right) where !x.elementsEqual(y) {
            let (x, y) = (Substring(x), Substring(y))
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
