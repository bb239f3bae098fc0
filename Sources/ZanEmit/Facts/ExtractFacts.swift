import ZanText
import ZanTimeline

/// The facts of a version: every known paragraph of every unit with an eId, read by each
/// extractor (one file per kind: `DurationFacts`, `FeeFacts`, `FrequencyFacts`).
public enum ExtractFacts {
    /// The facts of a tree, in document order.
    public static func facts(in root: RuleNode) -> [Fact] {
        var facts: [Fact] = []
        func walk(_ node: RuleNode) {
            if let eId = node.eId, !node.unknown, !node.repealed {
                var counts: [Fact.Kind: Int] = [:]
                for (index, paragraph) in node.text.enumerated() {
                    let text = Tokenizer().tokenize(SourceFile(text: paragraph))
                    for found in read(text) {
                        counts[found.kind, default: 0] += 1
                        facts.append(fact(found, number: counts[found.kind]!, eId: eId, paragraph: index, in: text))
                    }
                }
            }
            node.children.forEach(walk)
        }
        walk(root)
        return facts
    }

    /// The facts one paragraph states, left to right.
    static func read(_ text: TokenizedText) -> [FoundFact] {
        let found = DurationFacts.read(text) + FeeFacts.read(text) + FrequencyFacts.read(text)
        return found.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    static func fact(_ found: FoundFact, number: Int, eId: String, paragraph: Int, in text: TokenizedText) -> Fact {
        let bytes = text.source.bytes
        let start = text.tokens[found.tokens.lowerBound].range.start
        let end = text.tokens[found.tokens.upperBound - 1].range.end
        let lower = String(decoding: bytes[..<start], as: UTF8.self).count
        let source = String(decoding: bytes[start..<end], as: UTF8.self)
        return Fact(id: "\(eId)#\(found.kind.rawValue)-\(number)", kind: found.kind, eId: eId, paragraph: paragraph,
                    span: lower..<lower + source.count, source: source, fields: found.fields, notes: found.notes)
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
