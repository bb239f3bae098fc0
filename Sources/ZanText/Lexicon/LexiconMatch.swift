/// A lexicon reading of a run of tokens: the value, which tokens it used, where it is in the
/// source, and any finding about it (a duration whose digits and words disagree).
public struct LexiconMatch<Value: Sendable>: Sendable {
    public let value: Value
    /// Indices into `TokenizedText.tokens`.
    public let tokens: Range<Int>
    /// The original bytes the match covers.
    public let range: SourceRange
    public let diagnostics: [Diagnostic]
}

/// A read-only window on tokens for the lexicon's readers: lowercased words and integer values.
struct TokenReader {
    let text: TokenizedText

    var count: Int { text.tokens.count }

    func kind(_ index: Int) -> TokenKind? {
        text.tokens.indices.contains(index) ? text.tokens[index].kind : nil
    }

    /// The lowercased normalized text of a word token, else nil.
    func word(_ index: Int) -> String? {
        text.lowerWord(index)
    }

    /// The value of a number token made of digits only.
    func integer(_ index: Int) -> Int? {
        guard kind(index) == .number else { return nil }
        let norm = text.normalized(text.tokens[index])
        // By bytes: counting Characters ran the grapheme rules over every number of a text.
        guard norm.utf8.count <= 9, norm.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        return Int(norm)
    }

    /// The normalized text of any token.
    func normalized(_ index: Int) -> String? {
        text.tokens.indices.contains(index) ? text.normalized(text.tokens[index]) : nil
    }

    /// Lowercased words from `index` on, stopping at the first non-word (at most `limit`).
    func words(from index: Int, limit: Int = 6) -> [String] {
        var words: [String] = []
        var cursor = index
        while words.count < limit, let word = word(cursor) {
            words.append(word)
            cursor += 1
        }
        return words
    }

    func match<Value>(_ value: Value, _ tokens: Range<Int>, diagnostics: [Diagnostic] = []) -> LexiconMatch<Value> {
        let range = SourceRange(text.tokens[tokens.lowerBound].range.start,
                                text.tokens[tokens.upperBound - 1].range.end)
        return LexiconMatch(value: value, tokens: tokens, range: range, diagnostics: diagnostics)
    }
}
