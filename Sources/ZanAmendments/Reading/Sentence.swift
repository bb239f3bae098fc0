import ZanDocument
import ZanText

/// One sentence of instruction text, tokenized: the grammar's unit of work. Tokens come from the
/// repaired paragraph text (a displaced link is back in place), and every token maps back to the
/// bytes of the file it came from.
struct Sentence {
    /// The paragraph's tokens (all of them; `tokens` selects this sentence).
    let text: TokenizedText
    /// Indices into `text.tokens`.
    let tokens: Range<Int>
    let paragraph: Paragraph
    /// Maps the paragraph's units back to the file.
    let map: SourceMap
    /// Lowercased normalized text of every token of the paragraph.
    let lowered: [String]
    /// The number of the amending act's point (or subpoint) the sentence opens, if it opens one.
    let enumerator: String?

    /// True when the sentence opens a numbered point ("2. …"), not a subpoint ("2) …").
    var opensPoint: Bool {
        enumerator != nil && text.normalized(text.tokens[0]).hasSuffix(".")
    }

    /// The sentence's original bytes.
    var range: SourceRange { range(of: tokens) }

    /// The original bytes of a run of tokens.
    func range(of run: Range<Int>) -> SourceRange {
        guard !run.isEmpty else { return SourceRange(range(of: tokens).start, range(of: tokens).start) }
        let units = text.tokens[run.lowerBound].units.lowerBound..<text.tokens[run.upperBound - 1].units.upperBound
        return paragraph.sourceRange(of: units, in: map)
    }

    /// The paragraph text of a run of tokens, as written (spaces included).
    func string(_ run: Range<Int>) -> String {
        guard !run.isEmpty else { return "" }
        return text.text.string(text.tokens[run.lowerBound].units.lowerBound..<text.tokens[run.upperBound - 1].units.upperBound)
    }

    /// The text strictly between two tokens (the wording inside a pair of quotes).
    func string(between open: Int, and close: Int) -> String {
        text.text.string(text.tokens[open].units.upperBound..<text.tokens[close].units.lowerBound)
    }

    /// The deepest quotes nest in an instruction or its wording (a limit of Zan's: real texts
    /// nest three deep at most, «… «… „…“ …» …»). Deeper nesting is refused with a diagnostic.
    static let maximumQuoteDepth = 16

    /// The first quote mark deeper than `maximumQuoteDepth`, if any.
    var tooDeepQuote: Int? {
        quoteDepths.first { $0.depth > Self.maximumQuoteDepth }?.index
    }

    /// The sentence's tokens with how deep inside quotes each is (0: outside; a quote mark
    /// counts as inside its own quotation).
    var quoteDepths: [(index: Int, depth: Int)] {
        var depth = 0
        return tokens.map { index in
            switch kind(index) {
            case .quoteOpen?: depth += 1; return (index, depth)
            case .quoteClose?: defer { depth = max(0, depth - 1) }; return (index, depth)
            default: return (index, depth)
            }
        }
    }

    /// Word tokens outside quotes: the instruction's own words, not the wording it quotes.
    var unquotedWords: [Int] {
        quoteDepths.filter { $0.depth == 0 && kind($0.index) == .word }.map(\.index)
    }

    /// The sentence as written.
    var string: String { string(tokens) }

    func kind(_ index: Int) -> TokenKind? { tokens.contains(index) ? text.tokens[index].kind : nil }
    func word(_ index: Int) -> String? { kind(index) == .word ? lowered[index] : nil }
    func lower(_ index: Int) -> String? { tokens.contains(index) ? lowered[index] : nil }
    func unit(_ index: Int) -> UnitKind? { tokens.contains(index) ? text.tokens[index].unit : nil }
    func number(_ index: Int) -> String? { tokens.contains(index) ? text.number(text.tokens[index]) : nil }
    func normalized(_ index: Int) -> String { text.normalized(text.tokens[index]) }
}

extension Sentence {
    /// Splits a paragraph into sentences: at ";" and at a full stop that ends a sentence (the
    /// next token opens a new one), never inside quotes.
    static func split(_ paragraph: Paragraph, in map: SourceMap) -> [Sentence] {
        var options = Normalizer.Options()
        options.foldHomoglyphs = false
        options.repairLegacyFont = false
        options.normalizeSpaces = false
        // The paragraph text is normalized already; this pass only has to find its tokens.
        let file = SourceFile(text: paragraph.text, path: map.source.path)
        let text = Tokenizer().tokenize(file, normalizer: Normalizer(options: options))
        return split(text, lowered: text.tokens.map { text.text.lowercased($0.units) }, paragraph: paragraph, map: map)
    }

    /// Splits a tokenized paragraph into sentences; `lowered` is every token lowercased.
    static func split(_ text: TokenizedText, lowered: [String], paragraph: Paragraph, map: SourceMap) -> [Sentence] {
        var sentences: [Sentence] = []
        var start = 0
        var depth = 0
        var enumerator: String?
        // "2) …" opens a subpoint of the amending act; "2) тармақша …" cites a subpoint.
        if let first = text.tokens.first, first.kind == .enumerator,
           !(text.tokens.count > 1 && text.tokens[1].kind == .word && text.tokens[1].unit != nil) {
            enumerator = text.number(first)
            start = 1
        }
        func close(_ end: Int) {
            if end > start {
                sentences.append(Sentence(text: text, tokens: start..<end, paragraph: paragraph, map: map,
                                          lowered: lowered, enumerator: sentences.isEmpty ? enumerator : nil))
            }
            start = end
        }
        for (index, token) in text.tokens.enumerated() where index >= start {
            switch token.kind {
            case .quoteOpen: depth += 1
            case .quoteClose: depth = max(0, depth - 1)
            case .punct where depth == 0 && index + 1 < text.tokens.count:
                let mark = lowered[index]
                if mark == ";" || (mark == "." && endsSentence(at: index, in: text, lowered)) {
                    close(index + 1)
                }
            default: break
            }
        }
        close(text.tokens.count)
        return sentences
    }

    /// A full stop ends a sentence when the word before it is not an abbreviation ("м.а.",
    /// "ж.") and the next token opens a sentence (a capital, a number, a unit reference).
    private static func endsSentence(at index: Int, in text: TokenizedText, _ lowered: [String]) -> Bool {
        guard index > 0 else { return false }
        if text.tokens[index - 1].kind == .word && lowered[index - 1].count < 3 { return false }
        let next = text.tokens[index + 1]
        switch next.kind {
        case .number, .unitRef, .enumerator, .itemNumber, .quoteOpen: return true
        case .word: return text.normalized(next).first?.isUppercase ?? false
        default: return false
        }
    }
}
