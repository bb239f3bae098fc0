/// Unit numbers are string keys with a natural order: "13" < "13-1" < "13-2" < "14" (inserted
/// units get hyphenated numbers; nothing is renumbered).
public enum NaturalOrder {
    /// Compares the numbers part by part (parts are cut at hyphens): numerically where both
    /// are numbers, a number before a letter, letters by their text; when one runs out, the
    /// shorter first.
    ///
    /// The parts are cut at the hyphen's byte, one pair at a time: the byte 0x2D is never
    /// part of another character's UTF-8. (Placing an inserted point compares its number with
    /// every point's; cutting the strings into arrays by `Character` made placing 100 points
    /// in 20 generated works cost 53 million instructions, 2 % of their build.)
    public static func precedes(_ a: String, _ b: String) -> Bool {
        let hyphen = UInt8(ascii: "-")
        var x = a.utf8[...], y = b.utf8[...]
        while true {
            let xCut = x.firstIndex(of: hyphen) ?? x.endIndex, yCut = y.firstIndex(of: hyphen) ?? y.endIndex
            let (left, right) = (x[..<xCut], y[..<yCut])
            if !left.elementsEqual(right) {
                let (left, right) = (Substring(left), Substring(right))
                switch (Int(left), Int(right)) {
                case let (i?, j?): return i < j
                case (_?, nil): return true
                case (nil, _?): return false
                case (nil, nil): return left < right
                }
            }
            let (xGoesOn, yGoesOn) = (xCut < x.endIndex, yCut < y.endIndex)
            guard xGoesOn && yGoesOn else { return !xGoesOn && yGoesOn }
            x = x[x.index(after: xCut)...]
            y = y[y.index(after: yCut)...]
        }
    }
}
