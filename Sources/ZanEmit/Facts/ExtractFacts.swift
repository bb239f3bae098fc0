import ZanText
import ZanTimeline

/// The facts of a version: every known paragraph of every unit with an eId, read by each
/// extractor (one file per kind: `DurationFacts`, `FeeFacts`, `FrequencyFacts`).
public enum ExtractFacts {
    /// The facts read from paragraphs already seen: the versions of a work share most of their
    /// text, so a build reads each distinct paragraph once. Not for use from several threads.
    public final class Cache {
        /// Paragraph → its facts, without unit, paragraph index or id.
        var paragraphs: [String: [Fact]] = [:]
        public init() {}
    }

    /// The facts of a tree, in document order.
    public static func facts(in root: RuleNode, cache: Cache? = nil) -> [Fact] {
        var facts: [Fact] = []
        func walk(_ node: RuleNode) {
            if let eId = node.eId, !node.unknown, !node.repealed {
                var counts: [Fact.Kind: Int] = [:]
                for (index, paragraph) in node.text.enumerated() {
                    let read = cache?.paragraphs[paragraph] ?? Self.read(paragraph)
                    cache?.paragraphs[paragraph] = read
                    for var fact in read {
                        counts[fact.kind, default: 0] += 1
                        fact.id = "\(eId)#\(fact.kind.rawValue)-\(counts[fact.kind]!)"
                        fact.eId = eId
                        fact.paragraph = index
                        facts.append(fact)
                    }
                }
            }
            node.children.forEach(walk)
        }
        walk(root)
        return facts
    }

    /// The facts one paragraph states, left to right, not yet placed in a unit.
    static func read(_ paragraph: String) -> [Fact] {
        let text = Tokenizer().tokenize(SourceFile(text: paragraph))
        return read(text).map { fact($0, in: text) }
    }

    /// The facts one paragraph states, left to right.
    static func read(_ text: TokenizedText) -> [FoundFact] {
        let found = DurationFacts.read(text) + FeeFacts.read(text) + FrequencyFacts.read(text)
        return found.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    static func fact(_ found: FoundFact, in text: TokenizedText) -> Fact {
        let bytes = text.source.bytes
        let start = text.tokens[found.tokens.lowerBound].range.start
        let end = text.tokens[found.tokens.upperBound - 1].range.end
        let lower = String(decoding: bytes[..<start], as: UTF8.self).count
        let source = String(decoding: bytes[start..<end], as: UTF8.self)
        return Fact(id: "", kind: found.kind, eId: "", paragraph: 0, span: lower..<lower + source.count, source: source,
                    fields: found.fields, notes: found.notes)
    }
}

/// Lowercased words of a tokenized text, for the extractors.
extension TokenizedText {
    func lowerWord(_ index: Int) -> String? {
        guard tokens.indices.contains(index), tokens[index].kind == .word else { return nil }
        return normalized(tokens[index]).lowercased()
    }

    func lowerToken(_ index: Int) -> String? {
        tokens.indices.contains(index) ? normalized(tokens[index]).lowercased() : nil
    }
}
