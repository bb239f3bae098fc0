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
    public static func match<Value>(_ word: String, stems: [(String, Value)], maxSuffixes: Int = 4) -> Value? {
        for (stem, value) in stems {
            if let ending = word.ending(after: stem), isInflection(ending, maxSuffixes: maxSuffixes) { return value }
        }
        return nil
    }

    /// The case an inflectional ending (the suffix chain after a stem) puts a noun in, read from
    /// its last suffix: "ының" genitive, "пен" instrumental, "ында"/"ындағы" locative …
    public static func grammaticalCase(ofEnding ending: String) -> GrammaticalCase {
        // On bytes (the lexicon and the texts are NFC): `hasSuffix` compares Cyrillic characters
        // under canonical equivalence, and these lists took 38 thousand instructions a call.
        func ends(_ suffixes: [String]) -> Bool { suffixes.contains { ending.hasSuffixBytes($0) } }
        if ends(["мен", "бен", "пен", "менен"]) { return .instrumental }
        if ends(["дан", "ден", "тан", "тен", "нан", "нен"]) { return .ablative }
        if ends(["ғы", "гі", "қы", "кі"]) { return .locative }
        if ends(["да", "де", "та", "те"]) { return .locative }
        if ends(["ның", "нің", "дың", "дің", "тың", "тің"]) { return .genitive }
        if ends(["ға", "ге", "қа", "ке", "на", "не"]) || ((ending.sameBytes(as: "а") || ending.sameBytes(as: "е"))) { return .dative }
        if ends(["ны", "ні", "ды", "ді", "ты", "ті"]) || ending.hasSuffixBytes("н") { return .accusative }
        return .nominative
    }
}

/// The case of a noun, as far as instruction grammar needs it: who is acted on (nominative,
/// accusative), where (locative), with what (instrumental), after what (ablative + "кейін"),
/// of what (genitive: the chain goes on), to what (dative).
public enum GrammaticalCase: String, Sendable {
    case nominative, genitive, dative, accusative, locative, ablative, instrumental
}
