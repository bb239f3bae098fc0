/// Numbers written in words, Kazakh and Russian: cardinals ("он бес" = 15), ordinals
/// ("бірінші" = 1, "он екінші" = 12, "второй" = 2).
public enum NumberWords {
    /// Kazakh cardinal words.
    static let kazakhCardinals: [LexiconWord: Int] = [
        "нөл": 0, "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7,
        "сегіз": 8, "тоғыз": 9, "он": 10, "жиырма": 20, "отыз": 30, "қырық": 40, "елу": 50,
        "алпыс": 60, "жетпіс": 70, "сексен": 80, "тоқсан": 90, "жүз": 100, "мың": 1000,
        "миллион": 1_000_000,
    ]

    /// Kazakh ordinal stems (cardinal + -ыншы/-інші/-ншы/-нші, with the stem changes that
    /// take: қырық → қырқыншы, жиырма → жиырмасыншы).
    static let kazakhOrdinals: [(String, Int)] = [
        ("бірінші", 1), ("екінші", 2), ("үшінші", 3), ("төртінші", 4), ("бесінші", 5),
        ("алтыншы", 6), ("жетінші", 7), ("сегізінші", 8), ("тоғызыншы", 9), ("оныншы", 10),
        ("жиырмасыншы", 20), ("отызыншы", 30), ("қырқыншы", 40), ("елуінші", 50),
        ("алпысыншы", 60), ("жетпісінші", 70), ("сексенінші", 80), ("тоқсаныншы", 90),
        ("жүзінші", 100), ("мыңыншы", 1000),
    ]

    /// Russian cardinal words, nominative and oblique forms (durations use "пяти", "десяти").
    static let russianCardinals: [LexiconWord: Int] = {
        var table: [LexiconWord: Int] = [:]
        let forms: [(Int, [String])] = [
            (1, ["один", "одна", "одно", "одного", "одной", "одному"]),
            (2, ["два", "две", "двух", "двум"]), (3, ["три", "трех", "трёх", "трем"]),
            (4, ["четыре", "четырех", "четырёх"]), (5, ["пять", "пяти"]), (6, ["шесть", "шести"]),
            (7, ["семь", "семи"]), (8, ["восемь", "восьми"]), (9, ["девять", "девяти"]),
            (10, ["десять", "десяти"]), (11, ["одиннадцать", "одиннадцати"]),
            (12, ["двенадцать", "двенадцати"]), (13, ["тринадцать", "тринадцати"]),
            (14, ["четырнадцать", "четырнадцати"]), (15, ["пятнадцать", "пятнадцати"]),
            (16, ["шестнадцать", "шестнадцати"]), (17, ["семнадцать", "семнадцати"]),
            (18, ["восемнадцать", "восемнадцати"]), (19, ["девятнадцать", "девятнадцати"]),
            (20, ["двадцать", "двадцати"]), (30, ["тридцать", "тридцати"]), (40, ["сорок", "сорока"]),
            (50, ["пятьдесят", "пятидесяти"]), (60, ["шестьдесят", "шестидесяти"]),
            (70, ["семьдесят", "семидесяти"]), (80, ["восемьдесят", "восьмидесяти"]),
            (90, ["девяносто", "девяноста"]), (100, ["сто", "ста"]),
        ]
        for (value, words) in forms { for word in words { table[LexiconWord(word)] = value } }
        return table
    }()

    /// Russian ordinal stems; endings are the adjective endings below.
    static let russianOrdinalStems: [(String, Int)] = [
        ("перв", 1), ("втор", 2), ("трет", 3), ("четверт", 4), ("пят", 5), ("шест", 6),
        ("седьм", 7), ("восьм", 8), ("девят", 9), ("десят", 10),
    ]
    static let russianAdjectiveEndings: Set<LexiconWord> = [
        "ый", "ой", "ая", "ое", "ую", "ого", "ому", "ом", "ые", "ых", "ым", "ыми",
        "ий", "ья", "ье", "ью", "ьего", "ьему", "ьей", "ьи", "ьих", "ьим", "ьем",
    ]

    /// The first characters of every ordinal stem, Kazakh and Russian.
    static let ordinalStarts = StemFilter(kazakhOrdinals.map(\.0) + russianOrdinalStems.map(\.0))

    /// The value of one cardinal word (lowercase), or nil.
    public static func cardinal(_ word: String) -> Int? {
        let key = LexiconWord(word)
        return kazakhCardinals[key] ?? russianCardinals[key]
    }

    /// The value of one ordinal word (lowercase, possibly inflected: "екіншісі", "второго").
    public static func ordinal(_ word: String) -> Int? {
        guard ordinalStarts.mayStart(word) else { return nil }
        if let value = KazakhMorphology.match(word, stems: kazakhOrdinals, maxSuffixes: 2) { return value }
        for (stem, value) in russianOrdinalStems {
            if let ending = word.ending(after: stem), russianAdjectiveEndings.contains(LexiconWord(ending)) { return value }
        }
        return nil
    }

    /// Reads a compound cardinal from the start of `words` (lowercase): "он бес" → 15,
    /// "екі жүз он" → 210, "жиырма бес" → 25. Returns the value and how many words it used.
    public static func parseCardinal(_ words: [String]) -> (value: Int, count: Int)? {
        var total = 0
        var current = 0
        var used = 0
        var lastAdded = Int.max
        for word in words {
            guard let value = cardinal(word) else { break }
            switch value {
            case 100:
                current = max(current, 1) * 100
                lastAdded = Int.max
            case 1000, 1_000_000:
                total += max(current, 1) * value
                current = 0
                lastAdded = Int.max
            default:
                // "он бес": a smaller number follows a larger one; "бес он" is two numbers.
                if value >= lastAdded && current > 0 { return used > 0 ? (total + current, used) : nil }
                current += value
                lastAdded = value
            }
            used += 1
        }
        return used > 0 ? (total + current, used) : nil
    }

    /// Reads a compound ordinal: cardinal words, then an ordinal word ("он екінші" → 12).
    public static func parseOrdinal(_ words: [String]) -> (value: Int, count: Int)? {
        for end in stride(from: min(words.count, 6), through: 1, by: -1) {
            guard let last = ordinal(words[end - 1]) else { continue }
            if end == 1 { return (last, 1) }
            guard let prefix = parseCardinal(Array(words[..<(end - 1)])), prefix.count == end - 1 else {
                continue
            }
            return (prefix.value + last, end)
        }
        return nil
    }
}
