import Foundation
import ZanText
import ZanTimeline

/// The facts of a version: every known paragraph of every unit with an eId, read by each
/// extractor (one file per kind: `DurationFacts`, `FeeFacts`, `FrequencyFacts`, `ChannelFacts`,
/// `ReferenceFacts`), the rows of state-service tables (`ServiceTableFacts`), and the internal
/// references resolved in the version.
public enum ExtractFacts {
    /// The facts of a tree, in document order; a row's `service` fact comes after the facts
    /// of its paragraphs. A build places a work's versions one after the other (`WorkFacts`),
    /// which gives each version these.
    public static func facts(in root: RuleNode) -> [Fact] {
        let work = WorkFacts()
        let placed = work.place(root)
        return placed.found.map { work.table.entries[$0] }
    }

    /// The facts one paragraph states, left to right, not yet placed in a unit.
    static func read(_ paragraph: String) -> [Fact] {
        let text = Tokenizer().tokenize(SourceFile(text: paragraph)).lowercasingWords()
        var found = DurationFacts.read(text) + FeeFacts.read(text) + FrequencyFacts.read(text) + ChannelFacts.read(text)
        // References need a cited unit: most paragraphs have none, and skip the citation grammar.
        if text.tokens.contains(where: { $0.unit != nil }) { found += ReferenceFacts.read(text) }
        // In order of their first words: each one's span starts where the one before left
        // the count of the paragraph's characters.
        var counted = (bytes: 0, characters: 0)
        return found.sorted { ($0.tokens.lowerBound, $0.kind.rawValue) < ($1.tokens.lowerBound, $1.kind.rawValue) }
            .map { fact($0, in: text, counted: &counted) }
    }

    /// The fact `found` states, its span in characters of the paragraph; `counted` is how many
    /// characters its first bytes hold, moved to where the fact starts.
    static func fact(_ found: FoundFact, in text: TokenizedText, counted: inout (bytes: Int, characters: Int)) -> Fact {
        let bytes = text.source.bytes
        let start = text.tokens[found.tokens.lowerBound].range.start
        let end = text.tokens[found.tokens.upperBound - 1].range.end
        if start < counted.bytes { counted = (0, 0) }
        counted = (start, counted.characters + bytes[counted.bytes..<start].utf8CharacterCount)
        let lower = counted.characters
        let source = String(decoding: bytes[start..<end], as: UTF8.self)
        var fact = Fact(id: "", kind: found.kind, eId: "", paragraph: 0, span: lower..<lower + source.characterCount, source: source,
                        fields: found.fields, notes: found.notes)
        fact.paths = found.paths
        return fact
    }
}

/// Lowercased tokens of a tokenized text, for the extractors (words: `TokenizedText.lowerWord`).
extension TokenizedText {
    func lowerToken(_ index: Int) -> String? {
        guard tokens.indices.contains(index) else { return nil }
        return lowerWord(index) ?? text.lowercased(tokens[index].units)
    }
}
