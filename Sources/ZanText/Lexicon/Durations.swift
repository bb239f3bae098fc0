/// A period of time as a legal text states it: "6 (алты) жұмыс күні", "күнтізбелік 30 (отыз)
/// күн ішінде", "бес жұмыс күні", "в течение 5 (пяти) рабочих дней".
public struct Duration: Hashable, Sendable {
    public enum Unit: String, Sendable, Codable {
        case workingDay = "working_day", calendarDay = "calendar_day", day, week, month, year, hour
    }
    /// How the period relates to its anchor event, when the text says.
    public enum Relation: String, Sendable, Codable {
        case within, after, before
        case noLaterThan = "no_later_than"
    }

    /// The value: the digits when written, else the words.
    public let value: Int
    public let unit: Unit
    public let relation: Relation?
    /// The value as written in digits ("6" in "6 (алты)"), if it was.
    public let digits: Int?
    /// The value as written in words ("алты" in "6 (алты)"), if it was.
    public let words: Int?

    public init(value: Int, unit: Unit, relation: Relation? = nil, digits: Int? = nil, words: Int? = nil) {
        self.value = value
        self.unit = unit
        self.relation = relation
        self.digits = digits
        self.words = words
    }
}

/// Reads durations from tokens.
public enum Durations {
    static let kazakhUnits: [(String, Duration.Unit)] = [
        ("сағат", .hour), ("апта", .week), ("күн", .day), ("жыл", .year), ("ай", .month),
    ]
    static let russianUnits: [LexiconWord: Duration.Unit] = [
        "день": .day, "дня": .day, "дней": .day, "дни": .day, "дням": .day, "днях": .day,
        "неделя": .week, "недели": .week, "недель": .week, "неделю": .week,
        "месяц": .month, "месяца": .month, "месяцев": .month, "месяцу": .month,
        "год": .year, "года": .year, "лет": .year, "году": .year,
        "час": .hour, "часа": .hour, "часов": .hour,
    ]
    static let workingMarkers: Set<LexiconWord> = ["жұмыс", "рабочих", "рабочий", "рабочие", "рабочего"]
    static let calendarMarkers: Set<LexiconWord> = [
        "күнтізбелік", "календарных", "календарный", "календарные", "календарного",
    ]
    /// The words that can start a duration: calendar markers and number words.
    static let startWords = LexiconFilter(Array(calendarMarkers) + NumberWords.kazakhCardinals.keys + NumberWords.russianCardinals.keys)
    static let relationsAfter: [LexiconWord: Duration.Relation] = [
        "ішінде": .within, "кейін": .after, "бұрын": .before,
        "кешіктірмей": .noLaterThan, "кешіктірілмей": .noLaterThan,
    ]

    /// Reads a duration starting at token `index` (its first token is a number, a number word or
    /// a calendar marker). A value whose digits and words disagree is still read (the digits
    /// win) and carries a `text.duration-mismatch` warning.
    public static func duration(in text: TokenizedText, at index: Int) -> LexiconMatch<Duration>? {
        // Most tokens start none: only a number, a calendar marker or a number word can.
        guard text.tokens.indices.contains(index) else { return nil }
        switch text.tokens[index].kind {
        case .number: break
        case .word:
            guard text.lowerWord(index, passes: startWords), let word = text.lowerWord(index),
                  calendarMarkers.contains(LexiconWord(word)) || NumberWords.cardinal(word) != nil else { return nil }
        default: return nil
        }
        let reader = TokenReader(text: text)
        var cursor = index
        var calendar = false
        var working = false
        if let word = reader.word(cursor), calendarMarkers.contains(LexiconWord(word)) {
            calendar = true
            cursor += 1
        }
        var digits: Int?
        var words: Int?
        var wordsText = ""
        if let value = reader.integer(cursor) {
            digits = value
            cursor += 1
            // "(алты)", "(он бес)", "(пяти)"
            if reader.normalized(cursor) == "(" {
                let inner = reader.words(from: cursor + 1)
                if let parsed = NumberWords.parseCardinal(inner), reader.normalized(cursor + 1 + parsed.count) == ")" {
                    words = parsed.value
                    wordsText = inner[..<parsed.count].joined(separator: " ")
                    cursor += parsed.count + 2
                }
            }
        } else if let parsed = NumberWords.parseCardinal(reader.words(from: cursor)) {
            words = parsed.value
            cursor += parsed.count
        } else {
            return nil
        }
        while let word = reader.word(cursor).map({ LexiconWord($0) }), workingMarkers.contains(word) || calendarMarkers.contains(word) {
            if workingMarkers.contains(word) { working = true } else { calendar = true }
            cursor += 1
        }
        guard let unitWord = reader.word(cursor), var unit = self.unit(unitWord) else { return nil }
        cursor += 1
        if unit == .day { unit = working ? .workingDay : calendar ? .calendarDay : .day }
        var relation: Duration.Relation?
        if let next = reader.word(cursor), let found = relationsAfter[LexiconWord(next)] {
            relation = found
            cursor += 1
        } else if reader.word(cursor).sameBytes(as: "өткен"), reader.word(cursor + 1).sameBytes(as: "соң") {
            relation = .after
            cursor += 2
        } else if reader.word(index - 1).sameBytes(as: "течение"), reader.word(index - 2).sameBytes(as: "в") {
            relation = .within
        } else if reader.word(index - 1).sameBytes(as: "позднее"), reader.word(index - 2).sameBytes(as: "не") {
            relation = .noLaterThan
        }
        guard let value = digits ?? words else { return nil }
        let duration = Duration(value: value, unit: unit, relation: relation, digits: digits, words: words)
        var match = reader.match(duration, index..<cursor)
        if let digits, let words, digits != words {
            match = reader.match(duration, index..<cursor, diagnostics: [Diagnostic(
                TextDiagnostic.durationMismatch(digits: digits, words: words, wordText: wordsText),
                at: match.range)])
        }
        return match
    }

    /// Every duration in a text, left to right; dates are skipped so "2026 жылғы" is not a year.
    public static func all(in text: TokenizedText) -> [LexiconMatch<Duration>] {
        var matches: [LexiconMatch<Duration>] = []
        var index = 0
        while index < text.tokens.count {
            if let date = Dates.date(in: text, at: index) {
                index = date.tokens.upperBound
            } else if let match = duration(in: text, at: index) {
                matches.append(match)
                index = match.tokens.upperBound
            } else {
                index += 1
            }
        }
        return matches
    }

    /// The unit a word names: "күні", "күнін", "айдан", "жұмыс" is not one; "жылғы" (of the
    /// year, a date) is not a duration.
    static func unit(_ word: String) -> Duration.Unit? {
        if let unit = russianUnits[LexiconWord(word)] { return unit }
        guard let unit = KazakhMorphology.match(word, stems: kazakhUnits, maxSuffixes: 3) else { return nil }
        if ["ғы", "гі", "қы", "кі"].contains(where: { word.hasSuffixBytes($0) }) { return nil }
        return unit
    }
}
