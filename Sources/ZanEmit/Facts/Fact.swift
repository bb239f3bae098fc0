import ZanText

/// A machine-readable value stated by a provision — a deadline, a fee, a frequency — with the
/// provision it comes from and the exact words that state it, so that every value a rules
/// engine uses has its legal reference.
public struct Fact: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case duration, fee, frequency
    }

    /// Stable within a version: the unit's eId, the kind and the fact's number among the unit's
    /// facts of that kind ("att_1__para_13#duration-1").
    public var id: String
    public var kind: Kind
    /// The unit that states it.
    public var eId: String
    /// Which of the unit's own paragraphs (0-based index into its `text`).
    public var paragraph: Int
    /// The words that state it: a character range of that paragraph, and the words themselves.
    public var span: Range<Int>
    public var source: String
    /// The value, by field ("value": 6, "unit": "working_day", …).
    public var fields: [String: JSON]
    /// Findings about the wording (digits and words that disagree).
    public var notes: [String]

    public init(id: String, kind: Kind, eId: String, paragraph: Int, span: Range<Int>, source: String,
                fields: [String: JSON], notes: [String] = []) {
        self.id = id
        self.kind = kind
        self.eId = eId
        self.paragraph = paragraph
        self.span = span
        self.source = source
        self.fields = fields
        self.notes = notes
    }
}

/// What an extractor finds in one paragraph: the value and the tokens that state it.
struct FoundFact {
    var kind: Fact.Kind
    var tokens: Range<Int>
    var fields: [String: JSON]
    var notes: [String] = []
}

extension Fact {
    /// `{id, kind, eId, paragraph, span: {start, end}, source, notes, …fields}`; keys sorted.
    public var json: JSON {
        var members = fields
        members["id"] = .string(id)
        members["kind"] = .string(kind.rawValue)
        members["eId"] = .string(eId)
        members["paragraph"] = .int(paragraph)
        members["span"] = .object(["start": .int(span.lowerBound), "end": .int(span.upperBound)])
        members["source"] = .string(source)
        members["notes"] = .array(notes.map(JSON.string))
        return .object(members)
    }

    /// "att_1__para_13  duration  value=6 unit=working_day …  «6 (алты) жұмыс күнін»".
    public var line: String {
        let values = fields.keys.sorted().compactMap { key -> String? in
            switch fields[key]! {
            case .null: nil
            case .string(let text): "\(key)=\"\(text)\""
            case let value: "\(key)=\(value.serialized())"
            }
        }
        return "\(eId)  \(kind.rawValue)  \(values.joined(separator: " "))  «\(source)»"
            + notes.map { "\n    note: " + $0 }.joined()
    }
}
