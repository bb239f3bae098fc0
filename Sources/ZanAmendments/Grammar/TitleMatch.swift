/// Whether two names of the same document agree, allowing for inflection and small wording
/// changes ("Тұрғын үй көмегін беру қағидалары" / "Тұрғын үй көмегін көрсету қағидаларына").
public enum TitleMatch {
    /// Words compared by their first five letters (Kazakh inflects at the end), quotes and
    /// punctuation ignored, "бекіту туралы" (on approving) dropped.
    static func stems(_ title: String) -> [String] {
        let ignored: Set<String> = ["бекіту", "туралы", "об", "утверждении", "және", "и", "мен"]
        return title.lowercased()
            .split { !$0.isLetter && !$0.isNumber }
            .map(String.init)
            .filter { !ignored.contains($0) }
            .map { String($0.prefix(5)) }
    }

    /// Dice similarity of the two titles' stems, 0…1.
    public static func similarity(_ a: String, _ b: String) -> Double {
        let left = stems(a), right = stems(b)
        guard !left.isEmpty, !right.isEmpty else { return 0 }
        var pool = right
        var common = 0
        for stem in left {
            if let index = pool.firstIndex(of: stem) {
                common += 1
                pool.remove(at: index)
            }
        }
        return 2 * Double(common) / Double(left.count + right.count)
    }

    /// True when `a` and `b` name the same document.
    public static func matches(_ a: String, _ b: String) -> Bool { similarity(a, b) >= 0.6 }
}
