import ZanText

/// Quoted wording inside an instruction: "«X» деген сөздер" (the words X), "«X», «Y» деген
/// сөздермен" (with the words X, Y), "слова «X»", "после слов «X»". The noun after "деген"
/// (Kazakh) or before the quotes (Russian) says what the wording is to the instruction.
struct QuotedWords {
    var phrases: [String]
    var role: Role
    /// When the wording is a whole new unit ("«…» деген сөйлеммен толықтырылсын": with the
    /// sentence "…"), that unit.
    var unit: UnitKind?
    var tokens: Range<Int>
}

struct QuotedWordsReader {
    let sentence: Sentence
    let russian: Bool

    /// Nouns naming wording: сөз (word), цифр (digit), сан (number), таңба (sign), белгі (mark),
    /// әріп (letter), тіркес (phrase), аббревиатура; Russian слово, цифра, число, знак, буква.
    static let kazakhNouns: [(String, Bool)] = [
        ("аббревиатура", true), ("символ", true), ("тіркес", true), ("таңба", true), ("белгі", true),
        ("цифр", true), ("әріп", true), ("әрп", true), ("сөз", true), ("сан", true),
    ]
    static let russianNouns: [LexiconWord: Role] = [
        "слова": .subject, "слово": .subject, "цифры": .subject, "цифру": .subject, "число": .subject,
        "числа": .subject, "знак": .subject, "знаки": .subject, "буквы": .subject, "букву": .subject,
        "аббревиатуру": .subject, "аббревиатуры": .subject,
        "словами": .new, "словом": .new, "цифрами": .new, "цифрой": .new, "числом": .new, "числами": .new,
        "знаком": .new, "знаками": .new, "буквами": .new, "буквой": .new, "предложением": .new,
        "слов": .after, "цифр": .after, "знака": .after, "знаков": .after,
    ]

    /// The end of the quotation opening at `open` (its closing quote), nested quotes included.
    func closing(of open: Int) -> Int? {
        var depth = 0
        var index = open
        while sentence.tokens.contains(index) {
            switch sentence.kind(index) {
            case .quoteOpen?: depth += 1
            case .quoteClose?:
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
            index += 1
        }
        return nil
    }

    /// Quoted phrases from `start` (an opening quote), separated by commas or "және"/"и".
    func phrases(at start: Int) -> (phrases: [String], end: Int)? {
        var phrases: [String] = []
        var index = start
        while sentence.kind(index) == .quoteOpen, let close = closing(of: index) {
            phrases.append(sentence.string(between: index, and: close))
            index = close + 1
            if let mark = sentence.lower(index), [",", "және", "мен", "и"].contains(mark), sentence.kind(index + 1) == .quoteOpen {
                index += 1
                continue
            }
            break
        }
        return phrases.isEmpty ? nil : (phrases, index)
    }

    /// Kazakh: quoted phrases at `start`, then "деген" and a wording noun (or a unit noun).
    func readKazakh(at start: Int) -> QuotedWords? {
        guard let (phrases, end) = phrases(at: start) else { return nil }
        // "«X» деп ауыстырылсын / толықтырылсын" (be replaced / supplemented as "X").
        if sentence.word(end).sameBytes(as: "деп"), let verb = sentence.word(end + 1), Verb.named(verb) != nil {
            return QuotedWords(phrases: phrases, role: .new, unit: nil, tokens: start..<end + 1)
        }
        guard sentence.word(end).sameBytes(as: "деген"), let noun = sentence.word(end + 1) else { return nil }
        let unit: UnitKind?
        let ending: String
        if let analysis = UnitNouns.analyze(noun), !analysis.russian {
            unit = analysis.unit
            ending = analysis.ending
        } else if let stem = Self.kazakhNouns.first(where: { noun.hasStem($0.0) && KazakhMorphology.isInflection(String(noun.dropFirst($0.0.count))) }) {
            unit = nil
            ending = String(noun.dropFirst(stem.0.count))
        } else {
            return nil
        }
        var last = end + 2
        let next = sentence.word(last)
        let role: Role
        switch KazakhMorphology.grammaticalCase(ofEnding: ending) {
        case .instrumental: role = .new
        case .ablative where next.sameBytes(as: "кейін"): role = .after; last += 1
        case .genitive where next.sameBytes(as: "алдынан") || next.sameBytes(as: "алдына") || next.sameBytes(as: "алдында"): role = .before; last += 1
        case .locative: role = .location
        default: role = .subject
        }
        return QuotedWords(phrases: phrases, role: role, unit: unit, tokens: start..<last)
    }

    /// Russian: a wording noun ("слова", "после слов"), then quoted phrases.
    func readRussian(at start: Int) -> QuotedWords? {
        var index = start
        var preposition: String?
        if let word = sentence.word(index), word == "после" || word == "перед" {
            preposition = word
            index += 1
        }
        guard let noun = sentence.word(index), var role = Self.russianNouns[LexiconWord(noun)],
              sentence.kind(index + 1) == .quoteOpen, let (phrases, end) = phrases(at: index + 1) else { return nil }
        if preposition == "после" { role = .after }
        if preposition == "перед" { role = .before }
        return QuotedWords(phrases: phrases, role: role, unit: noun == "предложением" ? .sentence : nil, tokens: start..<end)
    }
}
