/// The inflectional endings of Kazakh nouns, shared by every lexicon entry that inflects (unit
/// nouns, months, ordinals, duration units). A stem's ending is a chain of at most four suffixes
/// from this list: тармақ·тар·ы·н, тармағ·ы·ның, қосымша·лар·ға, наурыз·да·ғы, шілде·ден.
public enum KazakhMorphology {
    /// Plural, possessive (3rd person), the six cases and the -ғы/-гі adjectivizer, in every
    /// vowel-harmony and consonant-assimilation variant.
    public static let suffixes: [String] = [
        "лар", "лер", "дар", "дер", "тар", "тер",                 // plural
        "ы", "і", "сы", "сі",                                     // possessive
        "ның", "нің", "дың", "дің", "тың", "тің",                 // genitive
        "ға", "ге", "қа", "ке", "на", "не", "а", "е",             // dative
        "ны", "ні", "ды", "ді", "ты", "ті", "н",                  // accusative
        "да", "де", "та", "те", "нда", "нде",                     // locative
        "дан", "ден", "тан", "тен", "нан", "нен",                 // ablative
        "мен", "бен", "пен", "менен",                             // instrumental
        "ғы", "гі", "қы", "кі",                                   // adjectivizer
    ]

    static let suffixUnits: [[UInt16]] = suffixes.map { Array($0.utf16) }

    /// True when `ending` (lowercase) is a chain of at most `maxSuffixes` suffixes.
    public static func isInflection(_ ending: String, maxSuffixes: Int = 4) -> Bool {
        isInflection(Array(ending.utf16)[...], maxSuffixes: maxSuffixes)
    }

    static func isInflection(_ rest: ArraySlice<UInt16>, maxSuffixes: Int = 4) -> Bool {
        if rest.isEmpty { return true }
        if maxSuffixes == 0 { return false }
        for suffix in suffixUnits where rest.starts(with: suffix) {
            if isInflection(rest.dropFirst(suffix.count), maxSuffixes: maxSuffixes - 1) { return true }
        }
        return false
    }

    /// The value of the first stem (in the order given: put longer stems first) that `word`
    /// (lowercase) inflects.
    static func match<Value>(_ word: String, stems: [(String, Value)], maxSuffixes: Int = 4) -> Value? {
        for (stem, value) in stems where word.hasPrefix(stem) {
            let ending = word.dropFirst(stem.count)
            if isInflection(String(ending), maxSuffixes: maxSuffixes) { return value }
        }
        return nil
    }
}
