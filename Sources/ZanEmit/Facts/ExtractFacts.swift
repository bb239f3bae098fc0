import Foundation
import ZanText
import ZanTimeline

/// The facts of a version: every known paragraph of every unit with an eId, read by each
/// extractor (one file per kind: `DurationFacts`, `FeeFacts`, `FrequencyFacts`, `ChannelFacts`,
/// `ReferenceFacts`), the rows of state-service tables (`ServiceTableFacts`), and the internal
/// references resolved in the version.
public enum ExtractFacts {
    /// The facts read from paragraphs already seen: the versions of a work share most of their
    /// text, so a build reads each distinct paragraph once. Not for use from several threads.
    public final class Cache {
        /// Paragraph → its facts, without unit, paragraph index or id.
        var paragraphs: [ParagraphKey: [Fact]] = [:]
        /// Per eId, the unit's own facts the last time it was read (before references are
        /// resolved): a function of its paragraphs and its row's service fact, so a unit the
        /// next version did not change is not walked again.
        var units: [String: (text: [String], service: Fact?, facts: [Fact])] = [:]
        /// Per table eId ("" for a table without one), the last rows read and their service
        /// facts by row index, without ids (`ServiceTableFacts` reads only the rows).
        var tables: [String: (rows: [RuleNode], facts: [Int: Fact])] = [:]
        /// The last tree whose references were resolved, whether it was an amending act's, and
        /// its references by id, as read and as resolved: a version that resolves alike
        /// (`RuleNode.resolvesAlike`: only wording changed) takes a reference read as before
        /// with its resolution, which is most of a version's facts to place otherwise.
        var resolved: (root: RuleNode, amending: Bool, references: [String: (read: Fact, resolved: Fact)])?
        public init() {}

        /// A paragraph as a key, hashed and compared by its UTF-8 bytes: `String`'s own hashing
        /// normalizes non-ASCII text first, which made the lookups a tenth of a build.
        struct ParagraphKey: Hashable {
            var string: String

            func hash(into hasher: inout Hasher) {
                var string = string
                string.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            }

            static func == (a: ParagraphKey, b: ParagraphKey) -> Bool {
                var a = a.string, b = b.string
                return a.withUTF8 { x in
                    b.withUTF8 { y in
                        guard x.count == y.count, let p = x.baseAddress, let q = y.baseAddress else { return x.count == y.count }
                        return memcmp(p, q, x.count) == 0
                    }
                }
            }
        }
    }

    /// The facts of a tree, in document order; a row's `service` fact comes after the facts
    /// of its paragraphs.
    public static func facts(in root: RuleNode, cache: Cache? = nil) -> [Fact] {
        var facts: [Fact] = []
        func walk(_ node: RuleNode, service: Fact? = nil) {
            if let eId = node.eId, !node.unknown, !node.repealed,
               let known = cache?.units[eId], known.text == node.text, known.service == service {
                facts += known.facts
            } else if let eId = node.eId, !node.unknown, !node.repealed {
                let first = facts.count
                var counts: [Fact.Kind: Int] = [:]
                func add(_ fact: Fact) {
                    var fact = fact
                    let count = counts[fact.kind, default: 0] + 1
                    counts[fact.kind] = count
                    fact.id = "\(eId)#\(fact.kind.rawValue)-\(count)"
                    fact.eId = eId
                    facts.append(fact)
                }
                for (index, paragraph) in node.text.enumerated() {
                    let read: [Fact]
                    if let cache {
                        let key = Cache.ParagraphKey(string: paragraph)
                        if let known = cache.paragraphs[key] {
                            read = known
                        } else {
                            read = Self.read(paragraph)
                            cache.paragraphs[key] = read
                        }
                    } else {
                        read = Self.read(paragraph)
                    }
                    for var fact in read {
                        fact.paragraph = index
                        fact.lastParagraph = index
                        add(fact)
                    }
                }
                service.map(add)
                cache?.units[eId] = (node.text, service, Array(facts[first...]))
            }
            var rows: [Int: Fact] = [:]
            if node.kind == .table && !node.unknown && !node.repealed {
                if let known = cache?.tables[node.eId ?? ""], known.rows == node.children {
                    rows = known.facts
                } else {
                    rows = Dictionary(ServiceTableFacts.read(node).map { ($0.row, $0.fact) }, uniquingKeysWith: { first, _ in first })
                    cache?.tables[node.eId ?? ""] = (node.children, rows)
                }
            }
            for (index, child) in node.children.enumerated() { walk(child, service: rows[index]) }
        }
        walk(root)
        // An act whose own points amend another: its attachments are wording of the amended
        // document ("… қағидаларына 1-қосымша" in the new wording), and so are their references.
        let amending = facts.contains { $0.fields["act"] == .string("amended") && !$0.eId.hasPrefix("att_") }
        let resolver = Resolver(root)
        let earlier = cache?.resolved.flatMap { $0.amending == amending && $0.root.resolvesAlike(root) ? $0.references : nil }
        var references: [String: (read: Fact, resolved: Fact)] = [:]
        for index in facts.indices where facts[index].kind == .reference {
            let read = facts[index]
            if let known = earlier?[read.id], known.read == read {
                facts[index] = known.resolved
            } else {
                ReferenceFacts.resolve(&facts[index], in: resolver, amending: amending)
            }
            if cache != nil { references[read.id] = (read, facts[index]) }
        }
        cache?.resolved = (root, amending, references)
        return facts
    }

    /// The facts one paragraph states, left to right, not yet placed in a unit.
    static func read(_ paragraph: String) -> [Fact] {
        let text = Tokenizer().tokenize(SourceFile(text: paragraph)).lowercasingWords()
        var found = DurationFacts.read(text) + FeeFacts.read(text) + FrequencyFacts.read(text) + ChannelFacts.read(text)
        // References need a cited unit: most paragraphs have none, and skip the citation grammar.
        if text.tokens.contains(where: { $0.unit != nil }) { found += ReferenceFacts.read(paragraph, text) }
        return found.sorted { ($0.tokens.lowerBound, $0.kind.rawValue) < ($1.tokens.lowerBound, $1.kind.rawValue) }.map { fact($0, in: text) }
    }

    static func fact(_ found: FoundFact, in text: TokenizedText) -> Fact {
        let bytes = text.source.bytes
        let start = text.tokens[found.tokens.lowerBound].range.start
        let end = text.tokens[found.tokens.upperBound - 1].range.end
        let lower = characterCount(String(decoding: bytes[..<start], as: UTF8.self))
        let source = String(decoding: bytes[start..<end], as: UTF8.self)
        var fact = Fact(id: "", kind: found.kind, eId: "", paragraph: 0, span: lower..<lower + characterCount(source), source: source,
                        fields: found.fields, notes: found.notes)
        fact.paths = found.paths
        return fact
    }
}

extension ExtractFacts {
    /// `text.count` (its characters: grapheme clusters), counted by scalars where every scalar
    /// is a character of its own: printable ASCII, tab and line feed (no carriage return, which
    /// joins a line feed), Latin-1 to the spacing modifiers (below the combining marks at
    /// U+0300), Cyrillic without its combining marks (U+0483–U+0489), and the dashes, quotes and
    /// other general punctuation (not the joiners U+200B–U+200F and U+2060–U+206F). Counting
    /// characters runs Unicode's grapheme rules over the whole paragraph before each fact.
    static func characterCount(_ text: String) -> Int {
        var scalars = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let alone = (value >= 0x20 && value < 0x7F) || value == 0x09 || value == 0x0A || (value >= 0xA0 && value < 0x300)
                || (value >= 0x400 && value < 0x483) || (value >= 0x48A && value < 0x530)
                || (value >= 0x2010 && value < 0x2028) || (value >= 0x2030 && value < 0x205F)
            guard alone else { return text.count }
            scalars += 1
        }
        return scalars
    }
}

/// Lowercased tokens of a tokenized text, for the extractors (words: `TokenizedText.lowerWord`).
extension TokenizedText {
    func lowerToken(_ index: Int) -> String? {
        guard tokens.indices.contains(index) else { return nil }
        return lowerWord(index) ?? text.lowercased(tokens[index].units)
    }
}
