/// Dates as legal texts write them: "2026 жылғы 12 шілдеден", "2023 жылғы 8 желтоқсандағы",
/// "12.07.2026 ж.", "12 июля 2026 года". Month names inflect ("наурызда", "сәуірдегі").
public enum Dates {
    static let kazakhMonths: [(String, Int)] = [
        ("қаңтар", 1), ("ақпан", 2), ("наурыз", 3), ("сәуір", 4), ("мамыр", 5), ("маусым", 6),
        ("шілде", 7), ("тамыз", 8), ("қыркүйек", 9), ("қазан", 10), ("қараша", 11), ("желтоқсан", 12),
    ]
    static let russianMonths: [(String, Int)] = [
        ("январ", 1), ("феврал", 2), ("март", 3), ("апрел", 4), ("ма", 5), ("июн", 6), ("июл", 7),
        ("август", 8), ("сентябр", 9), ("октябр", 10), ("ноябр", 11), ("декабр", 12),
    ]
    static let russianMonthEndings: Set<LexiconWord> = ["", "ь", "я", "е", "а", "й", "ю", "ем", "ом"]

    /// The month a word names (lowercase, inflected), or nil.
    public static func month(_ word: String) -> Int? {
        if let month = KazakhMorphology.match(word, stems: kazakhMonths) { return month }
        for (stem, month) in russianMonths {
            if let ending = word.ending(after: stem), russianMonthEndings.contains(LexiconWord(ending)), word.count > 2 { return month }
        }
        return nil
    }

    /// Reads a date starting at token `index`. A well-formed date that names a day that does not
    /// exist ("2025 жылғы 30 ақпан") is not a date: `invalidDate(in:at:)` reports it.
    public static func date(in text: TokenizedText, at index: Int) -> LexiconMatch<CivilDate>? {
        guard startsWithNumber(text, index) else { return nil }
        let reader = TokenReader(text: text)
        guard let written = read(reader, at: index),
              let date = CivilDate(year: written.year, month: written.month, day: written.day) else { return nil }
        return reader.match(date, written.tokens)
    }

    /// A warning when the tokens at `index` are written as a date but name a day that does not exist.
    public static func invalidDate(in text: TokenizedText, at index: Int) -> Diagnostic? {
        guard startsWithNumber(text, index) else { return nil }
        let reader = TokenReader(text: text)
        guard let written = read(reader, at: index),
              CivilDate(year: written.year, month: written.month, day: written.day) == nil else { return nil }
        let match = reader.match((), written.tokens)
        return Diagnostic(TextDiagnostic.invalidDate(year: written.year, month: written.month, day: written.day),
                          at: match.range)
    }

    /// The first date in a text, scanning token by token.
    public static func firstDate(in text: TokenizedText) -> LexiconMatch<CivilDate>? {
        for index in text.tokens.indices {
            if let match = date(in: text, at: index) { return match }
        }
        return nil
    }

    /// Every shape of a date starts with a number token: most tokens are not one, and are
    /// turned away before a reader is made (the durations ask at every token of every new
    /// paragraph of a build).
    private static func startsWithNumber(_ text: TokenizedText, _ index: Int) -> Bool {
        text.tokens.indices.contains(index) && text.tokens[index].kind == .number
    }

    /// The three written shapes of a date, read without checking that the day exists.
    private static func read(_ reader: TokenReader, at index: Int)
        -> (year: Int, month: Int, day: Int, tokens: Range<Int>)? {
        // "12.07.2026" [ж.]
        if reader.kind(index) == .number, let norm = reader.normalized(index),
           let (day, month, year) = dottedDate(norm) {
            var end = index + 1
            if reader.word(end) == "ж", reader.normalized(end + 1) == "." { end += 2 }
            return (year, month, day, index..<end)
        }
        // YYYY жылғы D MONTH (also "жылы", "ж.")
        if let year = reader.integer(index), (1000...2999).contains(year) {
            var cursor = index + 1
            guard let marker = reader.word(cursor) else { return nil }
            if ["жылғы", "жылы"].contains(marker) {
                cursor += 1
            } else if marker == "ж", reader.normalized(cursor + 1) == "." {
                cursor += 2
            } else {
                return nil
            }
            guard let day = reader.integer(cursor), (1...31).contains(day),
                  let word = reader.word(cursor + 1), let month = month(word) else { return nil }
            return (year, month, day, index..<cursor + 2)
        }
        // D MONTH YYYY [года | г.]
        if let day = reader.integer(index), (1...31).contains(day),
           let word = reader.word(index + 1), let month = month(word),
           let year = reader.integer(index + 2), (1000...2999).contains(year) {
            var end = index + 3
            if let next = reader.word(end), ["года", "год", "г"].contains(next) {
                end += 1
                if next == "г", reader.normalized(end) == "." { end += 1 }
            }
            return (year, month, day, index..<end)
        }
        return nil
    }

    /// "12.07.2026": split and counted by bytes (a part that is not ASCII digits is no number,
    /// however its characters are counted).
    static func dottedDate(_ text: String) -> (Int, Int, Int)? {
        let parts = text.utf8.split(separator: UInt8(ascii: "."))
        guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
              let day = Int(Substring(parts[0])), let month = Int(Substring(parts[1])), let year = Int(Substring(parts[2])) else {
            return nil
        }
        return (day, month, year)
    }
}
