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
    static let russianEndings: Set<LexiconWord> = ["", "а", "у", "ом", "е", "я", "ю", "ем", "и", "ы", "ов"]

    /// True when `word` is a Russian act noun ("приказ", "постановления").
    static func isRussian(_ word: String) -> Bool {
        russian.contains { stem, _ in word.ending(after: stem).map { russianEndings.contains(LexiconWord($0)) } ?? false }
    }

    /// The kind of act a word names (any case) and its inflection.
    static func analyze(_ word: String) -> (kind: ActReference.Kind, ending: String)? {
        for (stem, kind) in kazakh {
            if let ending = word.ending(after: stem), KazakhMorphology.isInflection(ending) { return (kind, ending) }
        }
        for (stem, kind) in russian {
            if let ending = word.ending(after: stem), russianEndings.contains(LexiconWord(ending)) { return (kind, ending) }
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
        let lowered = CaseMapping.lowercased(word)
        guard let ending = ending(of: lowered), !ending.isEmpty, kazakh.contains(where: { lowered.hasStem($0) }) else { return word }
        let stem = String(word.prefix(word.count - ending.count))
        for plural in ["лар", "лер", "дар", "дер", "тар", "тер"] where ending.hasStem(plural) {
            return stem + plural + (plural.contains("а") ? "ы" : "і")
        }
        return stem
    }

    /// The inflection of a word naming an approved document, or nil.
    static func ending(of word: String) -> String? {
        for stem in kazakh {
            if let ending = word.ending(after: stem), KazakhMorphology.isInflection(ending) { return ending }
        }
        for stem in russian {
            guard let ending = word.ending(after: stem) else { continue }
            if ending.count <= 3, ending.allSatisfy({ "аеиоуыяюйьхмв".contains($0) }) { return ending }
        }
        return nil
    }
}

/// Deictic words that point back at an act or document named before ("көрсетілген" the said,
/// "аталған" the mentioned, "указанный") or at the amending act itself ("осы" this, "настоящий").
enum Deixis {
    static let said: Set<LexiconWord> = ["көрсетілген", "аталған", "указанный", "указанного", "указанным", "указанном",
                                    "указанному", "указанных", "указанными", "указанные", "указанная", "указанной"]
    static let this: Set<LexiconWord> = ["осы", "настоящему", "настоящего", "настоящим", "настоящий", "настоящей"]
}

struct ActReferenceReader {
    let sentence: Sentence

    /// An act reference whose span starts at `start`: Kazakh names end at their act noun ("«…»
    /// … министрінің 2023 жылғы 8 желтоқсандағы № 117 бұйрығына"), Russian ones start with it
    /// ("приказ Министра … от 8 декабря 2023 года № 117 «Об утверждении …»"); either may be
    /// followed by its registration note ("(… № 33763 болып тіркелген)").
    func read(at start: Int) -> (ActReference, end: Int)? {
        var first = start
        if let word = sentence.word(first), word == "в" || word == "во" { first += 1 }
        if let word = sentence.word(first), let (kind, _) = ActNouns.analyze(word), ActNouns.isRussian(word) {
            return readRussian(noun: first, kind: kind, start: start)
        }
        return readKazakh(at: start)
    }

    private var quotes: QuotedWordsReader { QuotedWordsReader(sentence: sentence, russian: false) }

    func readKazakh(at start: Int) -> (ActReference, end: Int)? {
        var index = start
        var title: (String, Range<Int>)?
        if sentence.kind(start) == .quoteOpen {
            guard let close = quotes.closing(of: start) else { return nil }
            title = (sentence.string(between: start, and: close), start..<close + 1)
            index = close + 1
        }
        // Find the act noun ahead, before anything that ends a name.
        var noun: Int?
        while sentence.tokens.contains(index), index < start + 60 {
            if sentence.kind(index) == .quoteOpen, let close = quotes.closing(of: index) {
                if title == nil { title = (sentence.string(between: index, and: close), index..<close + 1) }
                index = close + 1
                continue
            }
            if let word = sentence.word(index) {
                if word.sameBytes(as: "деген") || Deixis.said.contains(LexiconWord(word)) || Deixis.this.contains(LexiconWord(word)) || Verb.named(word) != nil {
                    return nil
                }
                if ActNouns.analyze(word) != nil { noun = index; break }
            } else if sentence.kind(index) == .unitRef || sentence.lower(index) == ":" || sentence.lower(index) == ";" {
                return nil
            }
            index += 1
        }
        guard let noun, let (kind, _) = ActNouns.analyze(sentence.lowered[noun]) else { return nil }
        // Straight quotes collapse a title that opens with a quoted name ("«X» туралы» written
        // `"X" туралы"`): an unmatched closing quote before the noun ends the title there.
        if let (_, tokens) = title, tokens.lowerBound == start, let unmatched = unmatchedClose(in: tokens.upperBound..<noun) {
            title = ("\"" + sentence.string(between: start, and: unmatched), start..<unmatched + 1)   // the collapsed opening quote
        }
        var facts = Facts(kind: kind)
        facts.title = title?.0
        let named = (title.flatMap { $0.1.lowerBound == start ? $0.1.upperBound : nil } ?? start)..<noun
        facts.read(in: named, of: sentence, skipping: title?.1)
        let isCapitalizedNoun = sentence.normalized(noun).first?.isUppercase ?? false
        guard facts.title != nil || facts.date != nil || facts.number != nil
                || (isCapitalizedNoun && (kind == .law || kind == .code)) else { return nil }
        // The issuer: the words before the date / number / noun, else those after the date
        // ("… 1997 жылғы 16 сәуірдегі Қазақстан Республикасының Заңы").
        let issuerEnd = [facts.dateTokens?.lowerBound, facts.numberStart, title.map { $0.1.lowerBound > named.lowerBound ? $0.1.lowerBound : noun }, noun]
            .compactMap { $0 }.min() ?? noun
        if named.lowerBound < issuerEnd {
            facts.issuer = sentence.string(named.lowerBound..<issuerEnd)
        } else if let dates = facts.dateTokens, dates.upperBound < (facts.numberStart ?? noun) {
            facts.issuer = sentence.string(dates.upperBound..<(facts.numberStart ?? noun))
        }
        let (registration, end) = registrationNote(after: noun + 1)
        facts.registration = registration
        return (facts.reference(range: sentence.range(of: start..<end)), end)
    }

    /// "приказ Министра … от 8 декабря 2023 года № 117 «Об утверждении …» (зарегистрирован в
    /// Реестре … под № 33763)".
    func readRussian(noun: Int, kind: ActReference.Kind, start: Int) -> (ActReference, end: Int)? {
        var index = noun + 1
        var title: (String, Range<Int>)?
        while sentence.tokens.contains(index), index < noun + 60 {
            if sentence.kind(index) == .quoteOpen, let close = quotes.closing(of: index) {
                title = (sentence.string(between: index, and: close), index..<close + 1)
                index = close + 1
                break   // the title ends the name
            }
            if let word = sentence.word(index), Verb.named(word) != nil || word == "следующие" || word == "следующее" { break }
            if sentence.lower(index) == "(" || sentence.lower(index) == ":" { break }
            index += 1
        }
        var facts = Facts(kind: kind)
        facts.title = title?.0
        let named = noun + 1..<(title?.1.lowerBound ?? index)
        facts.read(in: named, of: sentence, skipping: nil)
        guard facts.title != nil || facts.date != nil || facts.number != nil else { return nil }
        let issuerEnd = [facts.dateTokens.map { sentence.word($0.lowerBound - 1) == "от" ? $0.lowerBound - 1 : $0.lowerBound },
                         facts.numberStart].compactMap { $0 }.reduce(named.upperBound, min)
        if named.lowerBound < issuerEnd { facts.issuer = sentence.string(named.lowerBound..<issuerEnd) }
        let (registration, end) = registrationNote(after: title.map { $0.1.upperBound } ?? index)
        facts.registration = registration
        return (facts.reference(range: sentence.range(of: start..<end)), end)
    }

    /// "(Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № 33763 болып
    /// тіркелген)", "(зарегистрирован в Реестре … под № 33763)": the number, and where the note ends.
    func registrationNote(after index: Int) -> (String?, end: Int) {
        guard sentence.lower(index) == "(" else { return (nil, index) }
        // The note ends at ")" — or inside its last token, when that is "33763)".
        var close = index + 1
        while sentence.tokens.contains(close), sentence.lower(close) != ")", sentence.kind(close) != .itemNumber { close += 1 }
        if sentence.kind(close) == .itemNumber { close += 1 }
        let inner = index + 1..<min(close, sentence.tokens.upperBound)
        let isRegistration = inner.contains { at in
            let word = sentence.lowered[at]
            return ["тіркелген", "зарегистрирован", "тізілім", "реестр"].contains { word.hasStem($0) }
        }
        guard isRegistration, let mark = inner.first(where: { sentence.lower($0) == "№" }),
              let number = sentence.kind(mark + 1) == .number ? sentence.normalized(mark + 1) : sentence.number(mark + 1) else {
            return (nil, index)
        }
        let end = sentence.lower(close) == ")" ? close + 1 : close
        return (number, min(end, sentence.tokens.upperBound))
    }

    /// The facts of a name read between its bounds: the date and the number.
    struct Facts {
        let kind: ActReference.Kind
        var title: String?
        var issuer: String?
        var date: CivilDate?
        var dateTokens: Range<Int>?
        var number: String?
        var numberStart: Int?
        var registration: String?

        init(kind: ActReference.Kind) { self.kind = kind }

        mutating func read(in tokens: Range<Int>, of sentence: Sentence, skipping title: Range<Int>?) {
            for at in tokens where !(title?.contains(at) ?? false) {
                if date == nil, let match = Dates.date(in: sentence.text, at: at), match.tokens.upperBound <= tokens.upperBound {
                    date = match.value
                    dateTokens = match.tokens
                }
                if numberStart == nil, sentence.lower(at) == "№" {
                    numberStart = at
                    // "№ 117", "№ ҚР ДСМ-175/2020", "№ 18-123": up to a quote, a bracket or the name's end.
                    var end = at + 1
                    while end < tokens.upperBound, sentence.kind(end) != .quoteOpen, sentence.lower(end) != "(",
                          !(title?.contains(end) ?? false) {
                        end += 1
                    }
                    let written = sentence.string(at + 1..<end).trimmingCharacters(in: " ,")
                    number = written.isEmpty ? nil : written
                }
            }
        }

        func reference(range: SourceRange) -> ActReference {
            var reference = ActReference(kind: kind, title: title, issuer: issuer.map { $0.trimmingCharacters(in: " ,") },
                                         date: date, number: number, registration: registration, range: range)
            if kind == .order, let issuer = reference.issuer.map(CaseMapping.lowercased),
               issuer.containsBytes("үкімет") || issuer.containsBytes("правительств") {
                reference.kind = .decree
            }
            return reference
        }
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
