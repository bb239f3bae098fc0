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

    static let russianEndings: Set<LexiconWord> = [
        "", "а", "у", "е", "ом", "ы", "ов", "ам", "ами", "ах", "и", "ей", "ю", "ью", "ой", "я",
        "ям", "ями", "ях", "ем", "й", "ь", "ья", "ьи", "ье", "ью", "ьей", "ьям", "ьями", "ьях",
        "ок", "ка", "ке", "ком", "ки", "ков", "кам", "ками", "ках",
    ]

    private static let russianEndingUnits: Set<[UInt16]> = Set(russianEndings.map { Array($0.text.utf16) })
    /// Every stem, in the order they are tried: Kazakh longest first, then Russian. The
    /// tokenizer takes it once a text (`unit(of:)` on it), not once a word.
    static let index = StemIndex(
        kazakhStems.map { StemIndex.Stem(units: Array($0.0.utf16), unit: $0.1, russian: false) }
            .sorted { $0.units.count > $1.units.count }
        + russianStems.map { StemIndex.Stem(units: Array($0.0.utf16), unit: $0.1, russian: true) }
            .sorted { $0.units.count > $1.units.count })

    /// Stems grouped by their first letter (all below U+0530), each group in the order the stems
    /// are tried, with their second and third letters beside them. The tokenizer asks this of
    /// every word, and most are rejected on their first two letters as written, by one array
    /// lookup: for each letter, in either case, a mask of the letters, in either case, that
    /// follow it at the start of a stem (bit `letter % 64`, so a few letters share a bit and are
    /// sorted out by the next check); nearly all others by their third, lowercased ("талап" is
    /// not "тармақ" or "тақырып").
    struct StemIndex: Sendable {
        struct Stem {
            let units: [UInt16]
            let unit: UnitKind
            let russian: Bool
        }

        /// Letters below this have a slot in the tables (every stem's letters do).
        private static let letterLimit = 0x0530

        /// The stems that start with lowercase letter `c` are `stems[starts[c]..<starts[c + 1]]`,
        /// their (second, third) letters `pairs[…]` alike.
        private let starts: [Int32]
        private let pairs: [UInt32]
        private let stems: [Stem]
        /// `secondLetters[c]`: bit `s % 64` is set when some stem starts with the lowercase of
        /// `c` and then the lowercase of `s`.
        private let secondLetters: [UInt64]

        init(_ ordered: [Stem]) {
            let limit = Self.letterLimit
            var byFirst = [[Stem]](repeating: [], count: limit)
            for stem in ordered {
                precondition(stem.units.count >= 3 && stem.units.allSatisfy { Int($0) < limit },
                             "a unit stem of three letters, below U+0530")
                byFirst[Int(stem.units[0])].append(stem)
            }
            var starts: [Int32] = [0]
            for group in byFirst { starts.append(starts[starts.count - 1] + Int32(group.count)) }
            self.starts = starts
            stems = byFirst.flatMap { $0 }
            pairs = stems.map { UInt32($0.units[1]) << 16 | UInt32($0.units[2]) }
            // Every letter of the tables' range, grouped under its lowercase.
            var writtenAs = [[UInt16]](repeating: [], count: limit)
            for letter in 0..<UInt16(limit) {
                let lower = Int(CaseMapping.lower(letter))
                if lower < limit { writtenAs[lower].append(letter) }
            }
            var secondLetters = [UInt64](repeating: 0, count: limit)
            for stem in ordered {
                for first in writtenAs[Int(stem.units[0])] {
                    for second in writtenAs[Int(stem.units[1])] { secondLetters[Int(first)] |= 1 << UInt64(second % 64) }
                }
            }
            self.secondLetters = secondLetters
        }

        /// The unit a word (as UTF-16 units) names, or nil.
        ///
        /// The two-letter check that rejects most words is all this does for them; the rest of
        /// the match is kept out of line (`unit(of:startingWith:)`).
        /// - Complexity: O(1) for most words (a two- or three-letter prefix check); O(stems · suffixes) else.
        @inline(__always)
        func unit(of word: Slice<UnsafeBufferPointer<UInt16>>) -> UnitKind? {
            stem(of: word)?.unit
        }

        /// The stem a word (as UTF-16 units) inflects, the first in the order stems are tried,
        /// or nil.
        @inline(__always)
        func stem(of word: Slice<UnsafeBufferPointer<UInt16>>) -> Stem? {
            guard word.count >= 3 else { return nil }
            let first = word[word.startIndex]
            guard Int(first) < secondLetters.count,
                  secondLetters[Int(first)] >> UInt64(word[word.startIndex + 1] % 64) & 1 != 0 else { return nil }
            return stem(of: word, startingWith: CaseMapping.lower(first))
        }

        /// `stem(of:)` for a word whose first two letters may start a stem.
        @inline(never)
        private func stem(of word: Slice<UnsafeBufferPointer<UInt16>>, startingWith first: UInt16) -> Stem? {
            let second = CaseMapping.lower(word[word.startIndex + 1]), third = CaseMapping.lower(word[word.startIndex + 2])
            guard Int(first) < Self.letterLimit else { return nil }
            var lowered: [UInt16] = []
            for position in Int(starts[Int(first)])..<Int(starts[Int(first) + 1])
            where pairs[position] == UInt32(second) << 16 | UInt32(third) {
                let stem = stems[position]
                if lowered.isEmpty { lowered = word.map(CaseMapping.lower) }
                guard lowered.starts(with: stem.units) else { continue }
                let ending = lowered[stem.units.count...]
                if stem.russian ? UnitNouns.russianEndingUnits.contains(Array(ending)) : KazakhMorphology.isInflection(ending) {
                    return stem
                }
            }
            return nil
        }
    }

    /// The unit a word names, or nil. Case-insensitive.
    public static func unit(of word: String) -> UnitKind? {
        let units = Array(word.utf16)
        return units.withUnsafeBufferPointer { index.unit(of: $0[...]) }
    }

    /// The unit a word names and the inflection after its stem ("тармағының" → paragraph,
    /// "ының"; "пунктом" → paragraph, "ом"), or nil. The ending tells the word's case.
    /// The stem is the one `unit(of:)` finds (`StemIndex`: the stems in the same order, Kazakh
    /// longest first, then Russian).
    public static func analyze(_ word: String) -> (unit: UnitKind, ending: String, russian: Bool)? {
        // The word's units on the stack, the stem found case-insensitively among them, and only
        // the ending lowercased (the grammar asks of every unit noun it reads, most of them
        // lowercase already: lowercasing the whole word and copying its units to the heap first
        // were two thirds of the cost).
        withUnsafeTemporaryAllocation(of: UInt16.self, capacity: word.utf16.count) { buffer in
            let count = buffer.initialize(fromContentsOf: word.utf16)
            let units = UnsafeBufferPointer(rebasing: buffer[..<count])
            guard let stem = index.stem(of: units[...]) else { return nil }
            // The stem is whole scalars: its last unit ends one.
            return (stem.unit, CaseMapping.lowercased(UnsafeBufferPointer(rebasing: units[stem.units.count...])), stem.russian)
        }
    }
}
