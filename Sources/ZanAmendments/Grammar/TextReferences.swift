import ZanDocument
import ZanText

/// A reference a provision makes to units of a legal text: "осы Қағидалардың 25-тармағына",
/// "Қағидаларға 1-қосымшаға сәйкес", "«Мемлекеттік көрсетілетін қызметтер туралы» Қазақстан
/// Республикасы Заңының 25-бабының 2-тармағына", "пунктом 25 настоящих Правил", "статьи 8 Закона
/// Республики Казахстан «О персональных данных»". Read by the citation grammar of amending acts.
public struct TextReference: Hashable, Sendable {
    /// Whose units are cited.
    public enum Owner: Hashable, Sendable {
        /// The document the reference stands in: a bare citation, "осы Қағидалардың …",
        /// "… настоящих Правил".
        case same
        /// The act itself, as opposed to the document it approves: "осы бұйрықтың 2-тармағы",
        /// "осы бұйрыққа 1-қосымша", "пункт 2 настоящего приказа".
        case thisAct
        /// Another act, as named (kind, and title, date and number when written).
        case act(ActReference)
        /// Another approved document, named by its title ("«…» Қағидаларының 5-тармағы",
        /// "… талаптар тізбесінің 9-тармағы").
        case document(title: String?)
        /// The unit of this kind that holds the reference: "осы тармақтың 1) тармақшасы" (of this
        /// point), "подпункт 1) настоящего пункта".
        case enclosing(UnitKind)
    }

    /// The cited units, outer → inner ("9 және 10-тармақтар" cites two).
    public var paths: [TargetPath]
    public var owner: Owner
    /// The bytes of the citation and of the owner's name, in the text read.
    public var range: SourceRange
    /// True when the sentence is an amendment instruction ("… жазылсын", "5-тармақта:"): its
    /// units are those of the act it amends, not of the text it stands in.
    public var inInstruction: Bool
}

public enum TextReferences {
    /// The references of a text (one paragraph), left to right.
    public static func find(in text: String) -> [TextReference] {
        let file = SourceFile(text: text, path: "<text>")
        let read = DocumentReader().read(file)
        let map = SourceMap(read.text)
        var found: [TextReference] = []
        for paragraph in read.paragraphs {
            for sentence in Sentence.split(paragraph, in: map) {
                found += find(in: sentence)
            }
        }
        return found
    }

    /// The references of a paragraph already tokenized from its own text (a provision's
    /// paragraph: clean, one line), left to right, their ranges in that text's bytes. The same
    /// as `find(in:)` on the text, without reading it as a document again and tokenizing it a
    /// second time (a third of reading a referring paragraph's facts).
    public static func find(inTokens text: TokenizedText) -> [TextReference] {
        let lowered = text.tokens.indices.map { text.lowerWord($0) ?? text.text.lowercased(text.tokens[$0].units) }
        var found: [TextReference] = []
        for sentence in Sentence.split(text, lowered: lowered, paragraph: Paragraph(whole: text.text), map: SourceMap(text.text)) {
            found += find(in: sentence)
        }
        return found
    }

    static func find(in sentence: Sentence) -> [TextReference] {
        let russian = ReadClause.isRussian(sentence)
        let reader = CitationReader(sentence: sentence, russian: russian)
        // An instruction: a verb of amendment outside quotes, or a lead-in ("2) 5-тармақта:").
        let instruction = sentence.unquotedWords.contains { Verb.named(sentence.lowered[$0]) != nil }
            || (sentence.lower(sentence.tokens.upperBound - 1) == ":" && reader.isLinkStart(sentence.tokens.lowerBound + (sentence.enumerator == nil ? 0 : 1)))
        var found: [TextReference] = []
        var index = sentence.tokens.lowerBound
        while index < sentence.tokens.upperBound {
            // Every cited unit has its number: "қосымша", "кестесіне", "атауы" alone are words,
            // not references.
            guard reader.isLinkStart(index), let citation = reader.read(at: index), citation.isComplete,
                  !citation.paths.isEmpty, citation.paths.allSatisfy({ $0.steps.allSatisfy { $0.num != nil } }) else {
                index += 1
                continue
            }
            let (owner, span) = russian ? russianOwner(of: citation, in: sentence) : kazakhOwner(of: citation, in: sentence)
            found.append(TextReference(paths: citation.paths, owner: owner, range: sentence.range(of: span), inInstruction: instruction))
            index = max(citation.tokens.upperBound, index + 1)
        }
        return found
    }

    static func isThis(_ word: String?) -> Bool {
        guard let word else { return false }
        return Deixis.this.contains(LexiconWord(word)) || word.hasStem("настоящ")
    }

    /// The nouns of the documents a rules text calls itself without "осы" ("Қағидалардың
    /// 11-тармағына"); any other document noun ("… тізбесінің 9-тармағы") names another document.
    static let ownNouns = ["қағида", "ереже", "нұсқаулық", "нұсқаулығ"]

    /// Kazakh names the owner before the units: "осы Қағидалардың 9-тармағы", "Заңның 25-бабы",
    /// "Заңының (бұдан әрі – Заң) 10-бабының" (a parenthesis between is skipped), "осы тармақтың
    /// 1) тармақшасы" (this point's).
    static func kazakhOwner(of citation: Citation, in sentence: Sentence) -> (TextReference.Owner, Range<Int>) {
        let start = citation.tokens.lowerBound
        var noun = start - 1
        if sentence.lower(noun) == ")" {
            var open = noun - 1
            while open > max(sentence.tokens.lowerBound, noun - 15), sentence.lower(open) != "(" { open -= 1 }
            if sentence.lower(open) == "(" { noun = open - 1 }
        }
        guard let word = sentence.word(noun) else { return (.same, citation.tokens) }
        if let unit = sentence.unit(noun), isThis(sentence.word(noun - 1)) {
            return (.enclosing(unit), noun - 1..<citation.tokens.upperBound)
        }
        if ApprovedNouns.ending(of: word) != nil || ApprovedNouns.kazakh.contains(where: word.hasPrefix) {
            if isThis(sentence.word(noun - 1)) { return (.same, noun - 1..<citation.tokens.upperBound) }
            if sentence.kind(noun - 1) == .quoteClose, let open = quoteOpen(closingAt: noun - 1, in: sentence) {
                return (.document(title: sentence.string(between: open, and: noun - 1)), open..<citation.tokens.upperBound)
            }
            if ownNouns.contains(where: word.hasPrefix) { return (.same, noun..<citation.tokens.upperBound) }
            return (.document(title: nil), noun..<citation.tokens.upperBound)
        }
        guard let (kind, _) = ActNouns.analyze(word) else { return (.same, citation.tokens) }
        if isThis(sentence.word(noun - 1)) { return (.thisAct, noun - 1..<citation.tokens.upperBound) }
        // The act's name: from a quoted title shortly before ("«…» Қазақстан Республикасы Заңының").
        let reader = ActReferenceReader(sentence: sentence)
        var first = noun
        for candidate in stride(from: noun - 1, through: max(sentence.tokens.lowerBound, noun - 12), by: -1)
        where sentence.kind(candidate) == .quoteOpen {
            first = candidate
            break
        }
        if let (reference, end) = reader.readKazakh(at: first), end <= start {
            return (.act(reference), first..<citation.tokens.upperBound)
        }
        return (.act(ActReference(kind: kind, range: sentence.range(of: noun..<noun + 1))), noun..<citation.tokens.upperBound)
    }

    /// Russian names the owner after the units: "пункта 25 настоящих Правил", "статьи 8 Закона …".
    static func russianOwner(of citation: Citation, in sentence: Sentence) -> (TextReference.Owner, Range<Int>) {
        let after = citation.tokens.upperBound
        if isThis(sentence.word(after)), let noun = sentence.word(after + 1) {
            if let unit = sentence.unit(after + 1) { return (.enclosing(unit), citation.tokens.lowerBound..<after + 2) }
            if ApprovedNouns.ending(of: noun) != nil || ApprovedNouns.russian.contains(where: noun.hasPrefix) {
                return (.same, citation.tokens.lowerBound..<after + 2)
            }
            if ActNouns.analyze(noun) != nil { return (.thisAct, citation.tokens.lowerBound..<after + 2) }
        }
        guard let word = sentence.word(after), let (kind, _) = ActNouns.analyze(word), ActNouns.isRussian(word) else {
            return (.same, citation.tokens)
        }
        if let (reference, end) = ActReferenceReader(sentence: sentence).read(at: after) {
            return (.act(reference), citation.tokens.lowerBound..<end)
        }
        return (.act(ActReference(kind: kind, range: sentence.range(of: after..<after + 1))), citation.tokens.lowerBound..<after + 1)
    }

    static func quoteOpen(closingAt close: Int, in sentence: Sentence) -> Int? {
        var index = close - 1
        while index >= max(sentence.tokens.lowerBound, close - 30) {
            if sentence.kind(index) == .quoteOpen { return index }
            index -= 1
        }
        return nil
    }
}
