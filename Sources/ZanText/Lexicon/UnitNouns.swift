import ZanICU

/// Recognizes unit nouns in any inflected form: "тармақ", "тармағының", "тармақтарын",
/// "қосымшаларға", "бабының", "пунктом", "статьи" …
///
/// A word is a unit noun when it is a known stem followed by a chain of inflectional suffixes
/// that `KazakhMorphology` accepts (Russian: one of the noun endings below) — not by prefix alone, so "бөлімше" (a subdivision) is not a
/// section and "атаулы" (targeted) is not a title.
public enum UnitNouns {
    /// Kazakh stems with their alternants before a vowel (тармақ/тармағ, бап/баб, бөлік/бөліг).
    static let kazakhStems: [(String, UnitKind)] = [
        ("тармақша", .subparagraph), ("тармақ", .paragraph), ("тармағ", .paragraph),
        ("бөлім", .section), ("бөлік", .part), ("бөліг", .part),
        ("тарау", .chapter), ("параграф", .paragraphSign),
        ("бап", .article), ("баб", .article),
        ("абзац", .indent), ("сөйлем", .sentence), ("қосымша", .appendix),
        ("кіріспе", .preamble), ("преамбула", .preamble),
        ("атау", .title), ("тақырып", .title), ("тақырыб", .title),
        ("кесте", .table), ("жол", .row), ("баған", .column),
    ]

    /// Russian stems; their endings come from `russianEndings`.
    static let russianStems: [(String, UnitKind)] = [
        ("подпункт", .subparagraph), ("пункт", .paragraph), ("раздел", .section),
        ("глав", .chapter), ("параграф", .paragraphSign), ("стат", .article),
        ("част", .part), ("абзац", .indent), ("предложени", .sentence),
        ("приложени", .appendix), ("преамбул", .preamble), ("заголов", .title),
        ("наименовани", .title), ("таблиц", .table), ("строк", .row), ("граф", .column),
    ]

    static let russianEndings: Set<String> = [
        "", "а", "у", "е", "ом", "ы", "ов", "ам", "ами", "ах", "и", "ей", "ю", "ью", "ой", "я",
        "ям", "ями", "ях", "ем", "й", "ь", "ья", "ьи", "ье", "ью", "ьей", "ьям", "ьями", "ьях",
        "ок", "ка", "ке", "ком", "ки", "ков", "кам", "ками", "ках",
    ]

    private static let kazakhStemsLongestFirst = kazakhStems.sorted { $0.0.count > $1.0.count }
    private static let russianStemsLongestFirst = russianStems.sorted { $0.0.count > $1.0.count }
    private static let kazakhStemUnits: [([UInt16], UnitKind)] =
        kazakhStems.map { (Array($0.0.utf16), $0.1) }.sorted { $0.0.count > $1.0.count }
    private static let russianStemUnits: [([UInt16], UnitKind)] =
        russianStems.map { (Array($0.0.utf16), $0.1) }.sorted { $0.0.count > $1.0.count }
    private static let russianEndingUnits: Set<[UInt16]> = Set(russianEndings.map { Array($0.utf16) })
    /// Second and third letters of the stems, indexed by first letter (lowercase; all stems'
    /// first letters are below U+0530): most words are rejected by one array lookup on their
    /// first letter, nearly all others by their next two ("талап" is not "тармақ" or "тақырып").
    private static let nextLetters: [[UInt32]] = {
        var table = [[UInt32]](repeating: [], count: 0x0530)
        for (stem, _) in kazakhStems + russianStems {
            let units = Array(stem.utf16)
            let next = UInt32(units[1]) << 16 | UInt32(units[2])
            if !table[Int(units[0])].contains(next) { table[Int(units[0])].append(next) }
        }
        return table
    }()

    /// The unit a word names, or nil. Case-insensitive.
    public static func unit(of word: String) -> UnitKind? {
        let units = Array(word.utf16)
        return units.withUnsafeBufferPointer { unit(of: $0[...]) }
    }

    /// The unit a word names and the inflection after its stem ("тармағының" → paragraph,
    /// "ының"; "пунктом" → paragraph, "ом"), or nil. The ending tells the word's case.
    public static func analyze(_ word: String) -> (unit: UnitKind, ending: String, russian: Bool)? {
        let lowered = word.lowercased()
        guard unit(of: lowered) != nil else { return nil }
        for (stem, unit) in kazakhStemsLongestFirst {
            if let ending = lowered.ending(after: stem), KazakhMorphology.isInflection(ending) { return (unit, ending, false) }
        }
        for (stem, unit) in russianStemsLongestFirst {
            if let ending = lowered.ending(after: stem), russianEndings.contains(ending) { return (unit, ending, true) }
        }
        return nil
    }

    /// The unit a word (as UTF-16 units) names, or nil.
    /// - Complexity: O(1) for most words (a three-letter prefix check); O(stems · suffixes) else.
    static func unit(of word: Slice<UnsafeBufferPointer<UInt16>>) -> UnitKind? {
        guard word.count >= 3 else { return nil }
        let first = lower(word[word.startIndex])
        guard Int(first) < nextLetters.count, !nextLetters[Int(first)].isEmpty,
              nextLetters[Int(first)].contains(UInt32(lower(word[word.startIndex + 1])) << 16 | UInt32(lower(word[word.startIndex + 2])))
        else { return nil }
        let lowered = word.map(lower)
        for (stem, unit) in kazakhStemUnits where lowered.starts(with: stem) {
            if KazakhMorphology.isInflection(lowered[stem.count...]) { return unit }
        }
        for (stem, unit) in russianStemUnits where lowered.starts(with: stem) {
            if russianEndingUnits.contains(Array(lowered[stem.count...])) { return unit }
        }
        return nil
    }

    @inline(__always)
    static func lower(_ unit: UInt16) -> UInt16 {
        if unit < 0x80 { return unit >= 0x41 && unit <= 0x5A ? unit | 0x20 : unit }
        // а–я, ѐ–џ are lowercase already, А–Я and Ѐ–Џ are one step from it: no need to ask
        // ICU (most words start with one of them).
        if unit >= 0x0430 && unit <= 0x045F { return unit }
        if unit >= 0x0410 && unit <= 0x042F { return unit + 0x20 }
        if unit >= 0x0400 && unit <= 0x040F { return unit + 0x50 }
        if (unit & 0xF800) == 0xD800 { return unit }
        return UInt16(truncatingIfNeeded: zan_icu_to_lower(Int32(unit)))
    }
}
