import ZanText

/// What one sentence says, read into its constituents: the act and document it names, the
/// units it cites and in what role, quoted words, the attachment its new wording comes from,
/// "бүкіл мәтіні бойынша" (throughout the text) and its verb. Lists pair in order whether or
/// not "тиісінше" (respectively) says so; "мынадай мазмұндағы" (of the following content) is
/// glue: the verb and the instrumental case already say a unit is added. How the
/// constituents combine into edits is `AssembleEdits`' business.
struct Clause {
    var russian = false
    var verb: (verb: Verb, at: Int)?
    var act: ActReference?
    /// The document the sentence names ("көрсетілген бұйрықпен бекітілген … Қағидаларында",
    /// "көрсетілген бұйрықтың"), with the case of its noun.
    var document: DocumentRole?
    var documentRole: Role?
    var approvedTitle: String?
    /// Attachments of the amending act the new wording comes from ("осы бұйрыққа 1-қосымшаға
    /// сәйкес"); nil numbers mean "the attachment" (the only one).
    var attachments: [String?] = []
    var citations: [Citation] = []
    var words: [QuotedWords] = []
    var wholeText = false
    /// The token of a quote that never closes.
    var unclosedQuote: Int?

    func citations(_ role: Role) -> [Citation] { citations.filter { $0.role == role } }
    func words(_ role: Role) -> [QuotedWords] { words.filter { $0.role == role } }
}

/// Reads a sentence into a `Clause`, left to right: at each token the first reader that
/// recognizes something there consumes it; tokens no reader wants ("мынадай", "редакцияда")
/// are glue.
struct ReadClause {
    let sentence: Sentence

    /// Russian when no word outside quotes has a Kazakh letter (ә ғ қ ң ө ұ ү һ і) and some
    /// word is Russian grammar: a Russian verb of the formulas, preposition or unit noun.
    static func isRussian(_ sentence: Sentence) -> Bool {
        var russian = false
        for (index, depth) in sentence.quoteDepths where depth == 0 {
            if sentence.kind(index) == .unitRef { return false }   // "13-тармақ": a number glued to its noun is Kazakh
            guard let word = sentence.word(index) else { continue }
            if word.unicodeScalars.contains(where: Self.kazakhLetters.contains) { return false }
            if russianMarkers.contains(LexiconWord(word)) || UnitNouns.analyze(word)?.russian == true { russian = true }
        }
        return russian
    }

    /// The lowercase letters of the Kazakh alphabet that Russian has not, compared as scalars
    /// (as Characters, each word's grapheme clusters were searched in a String: 13 thousand
    /// instructions a sentence).
    static let kazakhLetters = Set("әғқңөұүһі".unicodeScalars)

    static let russianMarkers: Set<LexiconWord> = [
        "изложить", "дополнить", "исключить", "заменить", "признать", "внести", "считать", "вводится",
        "в", "и", "следующей", "следующего", "редакции", "слова", "словами", "после", "настоящий", "настоящего",
    ]

    func read() -> Clause {
        var clause = Clause()
        clause.russian = Self.isRussian(sentence)
        clause.verb = Verb.find(in: sentence)
        let citations = CitationReader(sentence: sentence, russian: clause.russian)
        let quoted = QuotedWordsReader(sentence: sentence, russian: clause.russian)
        let acts = ActReferenceReader(sentence: sentence)
        var index = sentence.tokens.lowerBound
        while index < sentence.tokens.upperBound {
            if index == clause.verb?.at {
                index += 1
                continue
            }
            // An act named in full: at the start of the sentence, at a quoted title, or (Russian)
            // at its noun ("признать утратившим силу приказ …").
            if clause.act == nil, index == sentence.tokens.lowerBound || sentence.kind(index) == .quoteOpen
                || sentence.word(index).map(ActNouns.isRussian) == true,
               let (act, end) = acts.read(at: index) {
                clause.act = act
                clause.document = .self
                clause.documentRole = role(afterNoun: end - 1)
                index = end
                continue
            }
            if sentence.kind(index) == .quoteOpen {
                if !clause.russian, let words = quoted.readKazakh(at: index) {
                    clause.words.append(words)
                    index = words.tokens.upperBound
                } else if let close = quoted.closing(of: index) {
                    index = close + 1   // a quoted name the readers above did not claim
                } else {
                    clause.unclosedQuote = index
                    break
                }
                continue
            }
            if clause.russian, let words = quoted.readRussian(at: index) {
                clause.words.append(words)
                index = words.tokens.upperBound
                continue
            }
            if let end = readDocument(at: index, into: &clause) {
                index = end
                continue
            }
            if let end = readMarker(at: index, into: &clause) {
                index = end
                continue
            }
            if let citation = citations.read(at: index) {
                clause.citations.append(citation)
                index = citation.tokens.upperBound
                continue
            }
            index += 1
        }
        return clause
    }

    /// The role of what an act or document noun at `noun` names, from its case.
    func role(afterNoun noun: Int) -> Role {
        let word = sentence.lowered[noun]
        let ending = ActNouns.analyze(word)?.ending ?? ApprovedNouns.ending(of: word) ?? ""
        switch KazakhMorphology.grammaticalCase(ofEnding: ending) {
        case .locative: return .location
        case .dative: return .dative
        case .instrumental: return .new
        case .genitive: return sentence.kind(noun + 1) == .unitRef || sentence.unit(noun + 1) != nil ? .location : .subject
        default: return .subject
        }
    }

    // MARK: Documents

    /// "көрсетілген бұйрықпен бекітілген <name> қағидаларында", "көрсетілген бұйрықтың",
    /// "көрсетілген Қағидаға", "осы бұйрыққа 1-қосымшаға сәйкес", "согласно приложению 1 к
    /// настоящему приказу", "в Правилах …, утвержденных указанным приказом".
    func readDocument(at index: Int, into clause: inout Clause) -> Int? {
        guard let word = sentence.word(index) else { return nil }
        // "осы бұйрыққа 1-қосымшаға сәйкес" (according to appendix 1 to this order).
        if Deixis.this.contains(LexiconWord(word)), let next = sentence.word(index + 1), ActNouns.analyze(next) != nil {
            if let citation = CitationReader(sentence: sentence, russian: false).read(at: index + 2),
               citation.paths.allSatisfy({ $0.last?.unit == .appendix }), sentence.word(citation.tokens.upperBound) == "сәйкес" {
                clause.attachments = citation.paths.map { $0.last?.num }
                return citation.tokens.upperBound + 1
            }
            return index + 2
        }
        // "согласно приложению 1 к настоящему приказу".
        if word == "согласно", let citation = CitationReader(sentence: sentence, russian: true).read(at: index + 1),
           citation.paths.allSatisfy({ $0.last?.unit == .appendix }) {
            var end = citation.tokens.upperBound
            if sentence.word(end) == "к", let this = sentence.word(end + 1), Deixis.this.contains(LexiconWord(this)) { end += 3 }
            clause.attachments = citation.paths.map { $0.last?.num }
            return end
        }
        if Deixis.said.contains(LexiconWord(word)), let next = sentence.word(index + 1) {
            if ActNouns.analyze(next) != nil {
                // "көрсетілген бұйрықпен бекітілген …" (approved by the said order), also "көрсетілген
                // бұйрыққа 1-қосымшамен бекітілген …" (approved by its appendix 1).
                var approvedAt = index + 2
                if sentence.kind(approvedAt) == .unitRef, sentence.unit(approvedAt) == .appendix { approvedAt += 1 }
                if let approved = sentence.word(approvedAt), approved.hasStem("бекітілген") || approved.hasStem("утвержд") {
                    return readApprovedName(from: approvedAt + 1, into: &clause) ?? approvedAt + 1
                }
                clause.document = .self
                clause.documentRole = role(afterNoun: index + 1)
                return index + 2
            }
            if ApprovedNouns.ending(of: next) != nil {
                clause.document = .approved
                clause.documentRole = role(afterNoun: index + 1)
                return index + 2
            }
        }
        // "… бұйрығымен бекітілген <name>" after an act named in full.
        if word.hasStem("бекітілген"), clause.act != nil, index > sentence.tokens.lowerBound {
            return readApprovedName(from: index + 1, into: &clause)
        }
        // "Қағидаларға", "Правилах" capitalized: the approved document named before.
        if ApprovedNouns.ending(of: word) != nil, ["қағида", "ереже", "нұсқаулық", "правил"].contains(where: word.hasPrefix),
           sentence.normalized(index).first?.isUppercase == true {
            clause.document = .approved
            clause.documentRole = clause.russian ? .location : role(afterNoun: index)
            if clause.russian, let end = (index + 1..<sentence.tokens.upperBound).first(where: { sentence.lowered[$0].hasStem("утвержденн") }) {
                clause.approvedTitle = sentence.string(index..<end).trimmingCharacters(in: " ,")
                return end + 1 + (Deixis.said.contains(LexiconWord(sentence.lower(end + 1) ?? "")) ? 2 : 0)
            }
            return index + 1
        }
        return nil
    }

    /// The name of an approved document from `start` to its noun ("Тұрғын үй көмегін беру
    /// қағидаларында"), quotes included.
    func readApprovedName(from start: Int, into clause: inout Clause) -> Int? {
        let quotes = QuotedWordsReader(sentence: sentence, russian: false)
        var index = start
        while sentence.tokens.contains(index), index < start + 40 {
            if sentence.kind(index) == .quoteOpen, let close = quotes.closing(of: index) {
                index = close + 1
                continue
            }
            if let word = sentence.word(index), ApprovedNouns.ending(of: word) != nil {
                clause.document = .approved
                clause.documentRole = role(afterNoun: index)
                let form = ApprovedNouns.citationForm(of: sentence.normalized(index))
                clause.approvedTitle = start < index ? sentence.string(start..<index) + " " + form : form
                return index + 1
            }
            if sentence.kind(index) == .unitRef || sentence.lower(index) == ":" { break }
            index += 1
        }
        clause.document = .approved
        return nil
    }

    // MARK: Markers

    /// "бүкіл мәтіні бойынша" / "по всему тексту" (throughout the text).
    func readMarker(at index: Int, into clause: inout Clause) -> Int? {
        guard let word = sentence.word(index) else { return nil }
        switch word {
        case "бүкіл" where sentence.word(index + 1)?.hasStem("мәтін") == true:
            clause.wholeText = true
            return index + (sentence.word(index + 2) == "бойынша" ? 3 : 2)
        case "мәтіні" where sentence.word(index + 1) == "бойынша", "мәтін" where sentence.word(index + 1) == "бойынша":
            clause.wholeText = true
            return index + 2
        case "по" where sentence.word(index + 1) == "всему" && sentence.word(index + 2) == "тексту":
            clause.wholeText = true
            return index + 3
        default:
            return nil
        }
    }
}
