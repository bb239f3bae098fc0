import ZanText

/// Whether two names of the same document agree, allowing for inflection and small wording
/// changes ("Тұрғын үй көмегін беру қағидалары" / "Тұрғын үй көмегін көрсету қағидаларына").
public enum TitleMatch {
    /// Words dropped from a name: "бекіту туралы" (on approving) and conjunctions.
    static let ignored: Set<LexiconWord> = ["бекіту", "туралы", "об", "утверждении", "және", "и", "мен"]

    /// Words compared by their first five letters (Kazakh inflects at the end), quotes and
    /// punctuation ignored, "бекіту туралы" (on approving) dropped. A word is a run of
    /// characters that are letters or numbers.
    static func stems(_ title: String) -> [String] {
        var stems: [String] = []
        // A name in ASCII and Cyrillic letters (no combining mark among them) is read a scalar
        // at a time: each is a character, and every Cyrillic one a letter. Lowercasing the
        // whole name and cutting it into `Character`s was 90 thousand instructions a name,
        // and the build compares a few names for each instruction that names an act.
        guard title.unicodeScalars.allSatisfy(isPlain) else { return stemsOfCharacters(title) }
        // The word lowercased, as UTF-8 (every plain scalar lowercases to one below U+0800), and
        // where its fifth scalar ends.
        var word: [UInt8] = []
        var scalars = 0, stemEnd = 0
        func end() {
            defer { word.removeAll(keepingCapacity: true); scalars = 0 }
            guard !word.isEmpty else { return }
            if !ignored.contains(LexiconWord(String(decoding: word, as: UTF8.self))) {
                stems.append(String(decoding: word[..<(scalars > 5 ? stemEnd : word.count)], as: UTF8.self))
            }
        }
        for unit in title.utf16 {
            let isWord = unit >= 0x80 || (0x30...0x39).contains(unit) || (0x41...0x5A).contains(unit & ~0x20)
            guard isWord else { end(); continue }
            let lower = CaseMapping.lower(unit)
            if lower < 0x80 {
                word.append(UInt8(lower))
            } else {
                word.append(UInt8(0xC0 | lower >> 6))
                word.append(UInt8(0x80 | lower & 0x3F))
            }
            scalars += 1
            if scalars == 5 { stemEnd = word.count }
        }
        end()
        return stems
    }

    /// True for a scalar that is a character on its own and whose lowercase is one scalar below
    /// U+0800: ASCII and the Cyrillic letters (not the thousands sign and combining marks U+0482–U+0489).
    private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 || (0x0400...0x0481).contains(scalar.value) || (0x048A...0x052F).contains(scalar.value)
    }

    /// `stems` for any name, by `Character`.
    static func stemsOfCharacters(_ title: String) -> [String] {
        title.lowercased()
            .split { !$0.isLetter && !$0.isNumber }
            .map(String.init)
            .filter { !ignored.contains(LexiconWord($0)) }
            .map { String($0.prefix(5)) }
    }

    /// Dice similarity of the two titles' stems, 0…1.
    public static func similarity(_ a: String, _ b: String) -> Double {
        let left = stems(a), right = stems(b)
        guard !left.isEmpty, !right.isEmpty else { return 0 }
        var pool = right
        var common = 0
        for stem in left {
            if let index = pool.firstIndex(where: { $0.sameBytes(as: stem) }) {
                common += 1
                pool.remove(at: index)
            }
        }
        return 2 * Double(common) / Double(left.count + right.count)
    }

    /// True when `a` and `b` name the same document.
    public static func matches(_ a: String, _ b: String) -> Bool { similarity(a, b) >= 0.6 }
}
