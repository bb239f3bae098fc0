import ZanAmendments
import ZanText

/// A machine-readable value stated by a provision — a deadline, a fee, a frequency, a channel, a
/// reference, a row of a state-service table — with the provision it comes from and the exact
/// words that state it, so that every value a rules engine uses has its legal reference.
public struct Fact: Hashable, @unchecked Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case duration, fee, frequency, channel, reference, service
    }

    /// What a fact is, held once: a fact is copied into every version's table that keeps it, so
    /// a copy is one reference, not its ten fields. Copy on write, as `RuleNode`'s (hence
    /// `@unchecked Sendable`: the fields are written only through a fact holding them alone).
    struct Fields: Hashable {
        var id: String
        var kind: Kind
        var eId: String
        var paragraph: Int
        var lastParagraph: Int
        var span: Range<Int>
        var source: String
        var fields: FactFields
        var notes: [String]
        var paths: [TargetPath]

        /// `==` member by member, read in place (`==` of two values read through pointers
        /// copied both first), the ones most likely to differ first.
        static func same(_ a: UnsafeMutablePointer<Fields>, _ b: UnsafeMutablePointer<Fields>) -> Bool {
            a.pointee.kind == b.pointee.kind && a.pointee.paragraph == b.pointee.paragraph
                && a.pointee.lastParagraph == b.pointee.lastParagraph && a.pointee.span == b.pointee.span
                && a.pointee.id == b.pointee.id && a.pointee.eId == b.pointee.eId && a.pointee.source == b.pointee.source
                && a.pointee.fields == b.pointee.fields && a.pointee.notes == b.pointee.notes && a.pointee.paths == b.pointee.paths
        }
    }

    /// A `ManagedBuffer` with no elements: its header is read and written in place.
    private typealias Storage = ManagedBuffer<Fields, Void>
    private var storage: Storage

    /// The fact's fields, one value (for a test that lists them).
    var storedFields: Fields { storage.header }

    /// `body` of the fact's fields, read in place: a member read through its getter is a copy,
    /// its strings and arrays retained (writing a fact table read each member once).
    func withFields<Result>(_ body: (UnsafePointer<Fields>) -> Result) -> Result {
        storage.withUnsafeMutablePointerToHeader { body(UnsafePointer($0)) }
    }

    /// Gives this fact fields of its own before it changes them.
    @inline(__always)
    private mutating func unique() {
        if !isKnownUniquelyReferenced(&storage) {
            let fields = storage.header
            storage = Storage.create(minimumCapacity: 0) { _ in fields }
        }
    }

    /// Stable within a version: the unit's eId, the kind and the fact's number among the unit's
    /// facts of that kind ("att_1__para_13#duration-1").
    public var id: String {
        get { storage.header.id }
        _modify { unique(); yield &storage.header.id }
    }
    public var kind: Kind {
        get { storage.header.kind }
        set { unique(); storage.header.kind = newValue }
    }
    /// The unit that states it.
    public var eId: String {
        get { storage.header.eId }
        _modify { unique(); yield &storage.header.eId }
    }
    /// Which of the unit's own paragraphs (0-based index into its `text`) the words start in.
    public var paragraph: Int {
        get { storage.header.paragraph }
        set { unique(); storage.header.paragraph = newValue }
    }
    /// The paragraph they end in: `paragraph` but for a fact that spans several (a table row).
    public var lastParagraph: Int {
        get { storage.header.lastParagraph }
        set { unique(); storage.header.lastParagraph = newValue }
    }
    /// The words that state it: characters from `span.lowerBound` of `paragraph` to
    /// `span.upperBound` of `lastParagraph` (paragraphs joined by a line break), and the words.
    public var span: Range<Int> {
        get { storage.header.span }
        set { unique(); storage.header.span = newValue }
    }
    public var source: String {
        get { storage.header.source }
        _modify { unique(); yield &storage.header.source }
    }
    /// The value, by field ("value": 6, "unit": "working_day", …).
    public var fields: FactFields {
        get { storage.header.fields }
        _modify { unique(); yield &storage.header.fields }
    }
    /// Findings about the wording (digits and words that disagree).
    public var notes: [String] {
        get { storage.header.notes }
        _modify { unique(); yield &storage.header.notes }
    }
    /// For a reference: the units it cites, to resolve in a version.
    var paths: [TargetPath] {
        get { storage.header.paths }
        _modify { unique(); yield &storage.header.paths }
    }

    public init(id: String, kind: Kind, eId: String, paragraph: Int, lastParagraph: Int? = nil, span: Range<Int>,
                source: String, fields: FactFields, notes: [String] = []) {
        let fields = Fields(id: id, kind: kind, eId: eId, paragraph: paragraph, lastParagraph: lastParagraph ?? paragraph,
                            span: span, source: source, fields: fields, notes: notes, paths: [])
        storage = Storage.create(minimumCapacity: 0) { _ in fields }
    }

    /// Equal when they are one fact (a kept fact is the one placed before), or when every field
    /// is equal.
    public static func == (lhs: Fact, rhs: Fact) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.withUnsafeMutablePointerToHeader { left in
            rhs.storage.withUnsafeMutablePointerToHeader { right in Fields.same(left, right) }
        }
    }

    public func hash(into hasher: inout Hasher) {
        storage.withUnsafeMutablePointerToHeader { hasher.combine($0.pointee) }
    }
}

/// What an extractor finds in one paragraph: the value and the tokens that state it.
struct FoundFact {
    var kind: Fact.Kind
    var tokens: Range<Int>
    var fields: FactFields
    var notes: [String] = []
    var paths: [TargetPath] = []
}

extension Fact {
    /// The words the fact's span covers in a unit's paragraphs (nil when it is out of range):
    /// what `source` must read.
    public func cut(from text: [String]) -> String? {
        guard paragraph <= lastParagraph, text.indices.contains(paragraph), text.indices.contains(lastParagraph) else { return nil }
        let joined = Array(text[paragraph...lastParagraph].joined(separator: "\n"))
        let end = joined.count - text[lastParagraph].count + span.upperBound
        guard span.lowerBound >= 0, span.lowerBound <= end, end <= joined.count else { return nil }
        return String(joined[span.lowerBound..<end])
    }

    /// `{id, kind, eId, paragraph, last_paragraph, span: {start, end}, source, notes, …fields}`;
    /// keys sorted.
    public var json: JSON {
        var members = fields.dictionary
        members["id"] = .string(id)
        members["kind"] = .string(kind.rawValue)
        members["eId"] = .string(eId)
        members["paragraph"] = .int(paragraph)
        members["last_paragraph"] = .int(lastParagraph)
        members["span"] = .object(["start": .int(span.lowerBound), "end": .int(span.upperBound)])
        members["source"] = .string(source)
        members["notes"] = .array(notes.map(JSON.string))
        return .object(members)
    }

    /// "att_1__para_13  duration  value=6 unit=working_day …  «6 (алты) жұмыс күнін»": scalar
    /// fields on the line, then lists one entry per line; the words of a fact that spans
    /// several paragraphs (a table row) are its unit's text and are not repeated.
    public var line: String {
        var scalars: [String] = []
        var lists: [String] = []
        for (key, value) in fields {
            switch value {
            case .null: continue
            case .string(let text): scalars.append("\(key)=\"\(text)\"")
            case .array(let entries):
                guard !entries.isEmpty else { continue }
                lists.append("    \(key):")
                lists += entries.map { "      - " + Self.plain($0) }
            case let value: scalars.append("\(key)=\(value.serialized())")
            }
        }
        var out = "\(eId)  \(kind.rawValue)  \(scalars.joined(separator: " "))"
        if paragraph == lastParagraph { out += "  «\(source)»" }
        return ([out] + lists + notes.map { "    note: " + $0 }).joined(separator: "\n")
    }

    /// A list entry for people: a string as is, an object as `key=value` pairs (nested lists
    /// in brackets).
    static func plain(_ value: JSON) -> String {
        switch value {
        case .string(let text): return text
        case .object(let members):
            return members.sorted(by: { $0.key < $1.key }).compactMap { key, value -> String? in
                switch value {
                case .null: nil
                case .string(let text): "\(key)=\"\(text)\""
                case .array(let entries): "\(key)=[" + entries.map(plain).joined(separator: "; ") + "]"
                case let other: "\(key)=\(other.serialized())"
                }
            }.joined(separator: " ")
        default: return value.serialized()
        }
    }
}
