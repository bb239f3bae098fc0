import ZanText

/// Names of acts and of the documents they approve, Kazakh and Russian: "«…» … министрінің
/// 2023 жылғы 8 желтоқсандағы № 117 бұйрығына (… № 33763 болып тіркелген)", "көрсетілген
/// бұйрықпен бекітілген … Қағидаларында", "осы бұйрыққа 1-қосымшаға сәйкес".
enum ActNouns {
    /// Act nouns: бұйрық (order), қаулы (decree), шешім (decision), заң (law), кодекс (code),
    /// жарлық (presidential decree).
    static let kazakh: [(String, ActReference.Kind)] = [
        ("бұйрық", .order), ("бұйрығ", .order), ("қаулы", .decree), ("шешім", .decision),
        ("заң", .law), ("кодекс", .code), ("жарлық", .decree), ("жарлығ", .decree),
    ]
    static let russian: [(String, ActReference.Kind)] = [
        ("приказ", .order), ("постановлени", .decree), ("решени", .decision), ("закон", .law),
        ("кодекс", .code), ("указ", .decree),
    ]
    static let russianEndings: Set<String> = ["", "а", "у", "ом", "е", "я", "ю", "ем", "и", "ы", "ов"]

    /// The kind of act a word names (any case), its inflection, and whether it is Russian.
    static func analyze(_ word: String) -> (kind: ActReference.Kind, ending: String)? {
        for (stem, kind) in kazakh where word.hasPrefix(stem) {
            let ending = String(word.dropFirst(stem.count))
            if KazakhMorphology.isInflection(ending) { return (kind, ending) }
        }
        for (stem, kind) in russian where word.hasPrefix(stem) {
            let ending = String(word.dropFirst(stem.count))
            if russianEndings.contains(ending) { return (kind, ending) }
        }
        return nil
    }
}

/// Nouns naming a document an act approves: қағида (rules), ереже (regulations), нұсқаулық
/// (instruction), тәртіп (procedure), тізбе (list), әдістеме (methodology), стандарт,
/// регламент; правила, положение, инструкция, порядок, перечень, методика.
enum ApprovedNouns {
    static let kazakh: [String] = ["қағида", "ереже", "нұсқаулық", "нұсқаулығ", "тәртіп", "тәртіб", "тізбе",
                                   "әдістеме", "стандарт", "регламент"]
    static let russian: [String] = ["правил", "положени", "инструкци", "порядк", "порядок", "перечн", "перечень",
                                    "методик", "стандарт", "регламент"]

    /// A document noun in the form titles use ("қағидаларында" → "қағидалары", "Қағидаға" →
    /// "Қағида"): the stem, and for a plural its plural and possessive suffixes.
    static func citationForm(of word: String) -> String {
        let lowered = word.lowercased()
        guard let ending = ending(of: lowered), !ending.isEmpty, kazakh.contains(where: { lowered.hasPrefix($0) }) else { return word }
        let stem = String(word.prefix(word.count - ending.count))
        for plural in ["лар", "лер", "дар", "дер", "тар", "тер"] where ending.hasPrefix(plural) {
            return stem + plural + (plural.contains("а") ? "ы" : "і")
        }
        return stem
    }

    /// The inflection of a word naming an approved document, or nil.
    static func ending(of word: String) -> String? {
        for stem in kazakh where word.hasPrefix(stem) {
            let ending = String(word.dropFirst(stem.count))
            if KazakhMorphology.isInflection(ending) { return ending }
        }
        for stem in russian where word.hasPrefix(stem) {
            let ending = String(word.dropFirst(stem.count))
            if ending.count <= 3, ending.allSatisfy({ "аеиоуыяюйьхмв".contains($0) }) { return ending }
        }
        return nil
    }
}

/// Deictic words that point back at an act or document named before ("көрсетілген" the said,
/// "аталған" the mentioned, "указанный") or at the amending act itself ("осы" this, "настоящий").
enum Deixis {
    static let said: Set<String> = ["көрсетілген", "аталған", "указанный", "указанного", "указанным", "указанном",
                                    "указанному", "указанных", "указанными", "указанные", "указанная", "указанной"]
    static let this: Set<String> = ["осы", "настоящему", "настоящего", "настоящим", "настоящий", "настоящей"]
}

struct ActReferenceReader {
    let sentence: Sentence

    /// An act reference whose span starts at `start` (a quoted title, the start of the sentence,
    /// or an issuer's first word) and ends at its act noun (and the registration note after it).
    func read(at start: Int) -> (ActReference, end: Int)? {
        var index = start
        var title: String?
        var afterTitle = start
        let quotes = QuotedWordsReader(sentence: sentence, russian: false)
        if sentence.kind(start) == .quoteOpen {
            guard let close = quotes.closing(of: start) else { return nil }
            title = sentence.string(between: start, and: close)
            index = close + 1
            afterTitle = index
        }
        // Find the act noun ahead, before anything that ends a name.
        var noun: Int?
        var scanned = 0
        while sentence.tokens.contains(index), scanned < 60 {
            if sentence.kind(index) == .quoteOpen, let close = quotes.closing(of: index) {
                index = close + 1
                continue
            }
            if let word = sentence.word(index) {
                if word == "деген" || Deixis.said.contains(word) || Deixis.this.contains(word) || Verb.words[word] != nil { return nil }
                if ActNouns.analyze(word) != nil { noun = index; break }
            } else if sentence.kind(index) == .unitRef || sentence.lower(index) == ":" || sentence.lower(index) == ";" {
                return nil
            }
            index += 1
            scanned += 1
        }
        guard let noun, let (kind, _) = ActNouns.analyze(sentence.lowered[noun]) else { return nil }
        // Straight quotes collapse a title that opens with a quoted name ("«X» туралы» written
        // `"X" туралы"`): an unmatched closing quote before the noun ends the title there.
        if title != nil, let unmatched = unmatchedClose(in: afterTitle..<noun) {
            title = "\"" + sentence.string(between: start, and: unmatched)   // the collapsed opening quote
            afterTitle = unmatched + 1
        }
        var date: CivilDate?
        var dateTokens: Range<Int>?
        var number: String?
        var numberStart: Int?
        for at in afterTitle..<noun {
            if date == nil, let match = Dates.date(in: sentence.text, at: at), match.tokens.upperBound <= noun {
                date = match.value
                dateTokens = match.tokens
            }
            if sentence.lower(at) == "№", numberStart == nil {
                numberStart = at
                let written = sentence.string(at + 1..<noun).trimmingCharacters(in: " ")
                number = written.isEmpty ? nil : written
            }
        }
        let isCapitalizedNoun = sentence.normalized(noun).first?.isUppercase ?? false
        guard title != nil || date != nil || number != nil || (isCapitalizedNoun && (kind == .law || kind == .code)) else {
            return nil
        }
        // The issuer: the words between the title and the date / number / noun.
        let issuerEnd = [dateTokens?.lowerBound, numberStart, noun].compactMap { $0 }.min()!
        var issuer = afterTitle < issuerEnd ? sentence.string(afterTitle..<issuerEnd) : ""
        // "… 2021 жылғы 12 тамыздағы Қазақстан Республикасының Заңы": the issuer after the date.
        if issuer.isEmpty, let dateTokens, dateTokens.upperBound < (numberStart ?? noun) {
            issuer = sentence.string(dateTokens.upperBound..<(numberStart ?? noun))
        }
        var end = noun + 1
        var registration: String?
        if sentence.lower(end) == "(" {
            var close = end + 1
            while sentence.tokens.contains(close), sentence.lower(close) != ")" { close += 1 }
            let inner = end + 1..<min(close, sentence.tokens.upperBound)
            let words = inner.map { sentence.lowered[$0] }
            if words.contains(where: { $0.hasPrefix("тіркелген") || $0.hasPrefix("зарегистрирован") || $0.hasPrefix("тізілім") || $0.hasPrefix("реестр") }),
               let mark = inner.first(where: { sentence.lower($0) == "№" }), sentence.kind(mark + 1) == .number {
                registration = sentence.normalized(mark + 1)
            }
            if registration != nil { end = min(close + 1, sentence.tokens.upperBound) }
        }
        var reference = ActReference(kind: kind, title: title, issuer: issuer.isEmpty ? nil : issuer, date: date,
                                     number: number, registration: registration, range: sentence.range(of: start..<end))
        if kind == .order, let issuer = reference.issuer, issuer.lowercased().contains("үкімет") || issuer.lowercased().contains("правительств") {
            reference.kind = .decree
        }
        return (reference, end)
    }
}

extension ActReferenceReader {
    /// The first closing quote in `tokens` that no opening quote there matches.
    func unmatchedClose(in tokens: Range<Int>) -> Int? {
        var depth = 0
        for index in tokens {
            switch sentence.kind(index) {
            case .quoteOpen?: depth += 1
            case .quoteClose?:
                if depth == 0 { return index }
                depth -= 1
            default: break
            }
        }
        return nil
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var text = self[...]
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
