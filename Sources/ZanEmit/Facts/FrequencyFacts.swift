import ZanText

/// How often something may or must be done: "тоқсанына бір рет" (once a quarter), "жылына екі
/// рет", "один раз в квартал", "не чаще одного раза в квартал", "раз в год".
enum FrequencyFacts {
    /// Kazakh "per …" words (dative of the period) and Russian periods after "в".
    static let kazakhPeriods: [LexiconWord: String] = [
        "күніне": "day", "тәулігіне": "day", "аптасына": "week", "айына": "month", "тоқсанына": "quarter",
        "жартыжылдығына": "half_year", "жылына": "year",
    ]
    static let russianPeriods: [LexiconWord: String] = [
        "день": "day", "сутки": "day", "неделю": "week", "месяц": "month", "квартал": "quarter", "полугодие": "half_year",
        "год": "year",
    ]
    static let russianCounts: [LexiconWord: Int] = ["один": 1, "одного": 1, "два": 2, "двух": 2, "три": 3, "трех": 3, "трёх": 3]

    /// The count words after a Kazakh period, and the Russian "раз".
    static let kazakhTimes = ["рет", "мәрте"], russianTimes = ["раз", "раза"]

    /// The words a frequency is found at: a Kazakh period ("тоқсанына") or the Russian "раз".
    /// A word that is neither is turned away with one hash of its bytes.
    static let anchors = LexiconFilter(Array(kazakhPeriods.keys) + russianTimes.map { LexiconWord($0) })

    /// Every frequency in the text. Runs for every word of every paragraph: words are compared
    /// and looked up as bytes (`sameBytes`, `LexiconWord`).
    static func read(_ text: TokenizedText) -> [FoundFact] {
        var found: [FoundFact] = []
        for index in text.tokens.indices {
            guard text.lowerWord(index, passes: anchors), let word = text.lowerWord(index) else { continue }
            // Kazakh: PERIOD-на COUNT рет.
            if let per = kazakhPeriods[LexiconWord(word)] {
                var cursor = index + 1
                var count: Int?
                if text.tokens.indices.contains(cursor), text.tokens[cursor].kind == .number {
                    count = Int(text.normalized(text.tokens[cursor]))
                    cursor += 1
                } else {
                    let words = (cursor..<min(cursor + 3, text.tokens.count)).compactMap { text.lowerWord($0) }
                    if let parsed = NumberWords.parseCardinal(words) {
                        count = parsed.value
                        cursor += parsed.count
                    }
                }
                if let count, let times = text.lowerWord(cursor), kazakhTimes.contains(where: times.sameBytes) {
                    found.append(FoundFact(kind: .frequency, tokens: index..<cursor + 1,
                                           fields: ["count": .int(count), "per": .string(per)]))
                }
            }
            // Russian: [COUNT] раз в PERIOD.
            if russianTimes.contains(where: word.sameBytes), text.lowerWord(index + 1).sameBytes(as: "в"),
               let per = text.lowerWord(index + 2).flatMap({ russianPeriods[LexiconWord($0)] }) {
                let count = text.lowerWord(index - 1).flatMap { russianCounts[LexiconWord($0)] }
                let start = count == nil ? index : index - 1
                found.append(FoundFact(kind: .frequency, tokens: start..<index + 3,
                                       fields: ["count": .int(count ?? 1), "per": .string(per)]))
            }
        }
        return found
    }
}
