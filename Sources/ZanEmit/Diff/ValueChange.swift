import ZanText
import ZanTimeline

/// A rule value that changed between two versions: the same fact (the same unit, kind and
/// number, followed through a move) with another value — a term from 5 to 6 working days, a fee
/// that stops being free. Both provisions' words are kept.
public struct ValueChange: Sendable {
    /// The unit stating the value on the new side.
    public var unit: WorkDiff.Unit
    public var before: Fact
    public var after: Fact
    /// The edit that set the new wording.
    public var provenance: Provenance?
}

extension ValueChange {
    /// The value changes between `old` and `new`; `moves` maps old eIds to new ones.
    static func between(_ old: RuleNode, _ new: RuleNode, moves: [String: String]) -> [ValueChange] {
        let newFacts = ExtractFacts.facts(in: new)
        let byId = Dictionary(newFacts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [ValueChange] = []
        // A reference's value is where it points, which renumbering changes without a change
        // of rule; consistency checks report references, not this section.
        for fact in ExtractFacts.facts(in: old) where fact.kind != .reference {
            let eId = moved(fact.eId, moves)
            let id = eId + fact.id.dropFirst(fact.eId.count)
            guard let after = byId[id], value(fact) != value(after), let chain = UnitLabel.chain(to: eId, in: new) else { continue }
            changes.append(ValueChange(unit: UnitLabel.unit(chain), before: fact, after: after, provenance: chain.last?.provenance))
        }
        let order = Dictionary(newFacts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        return changes.sorted { order[$0.after.id, default: 0] < order[$1.after.id, default: 0] }
    }

    /// An eId after the moves: the unit's own, or one of its ancestors'.
    static func moved(_ eId: String, _ moves: [String: String]) -> String {
        if let to = moves[eId] { return to }
        for (from, to) in moves where eId.hasPrefix(from + "__") { return to + eId.dropFirst(from.count) }
        return eId
    }

    /// The fields that make the value (not how it is written): a term's length, unit and
    /// relation; a fee's amount; a frequency's count and period.
    static func value(_ fact: Fact) -> FactFields {
        fact.fields.filter { !["anchor", "digits", "words"].contains($0.key) }
    }

    /// "6 working days within", "free", "2 MCI", "1 per quarter": for people.
    public static func describe(_ fact: Fact) -> String {
        func field(_ key: String) -> String? {
            switch fact.fields[key] {
            case .int(let value): String(value)
            case .string(let value): value
            case .bool(let value): String(value)
            default: nil
            }
        }
        switch fact.kind {
        case .duration:
            // "6 working days within", "1 month after".
            let unit = (field("unit") ?? "?").replacingOccurrences(of: "_", with: " ") + (field("value") == "1" ? "" : "s")
            return [field("value"), unit, field("relation")?.replacingOccurrences(of: "_", with: " ")]
                .compactMap { $0 }.joined(separator: " ")
        case .fee: return fact.fields["free"] == .bool(true) ? "free" : [field("amount"), field("currency")].compactMap { $0 }.joined(separator: " ")
        case .frequency: return "\(field("count") ?? "?") per \(field("per") ?? "?")"
        case .channel: return [field("channel"), field("name"), field("url")].compactMap { $0 }.joined(separator: " ")
        case .reference: return (fact.fields["cites"].map { $0.serialized() } ?? "") + " → " + (field("status") ?? "?")
        case .service: return (field("field") ?? "?") + ": " + Self.summary(ofService: fact)
        }
    }

    /// A service row's value in a few words: its periods, free or the amount, its forms, or the
    /// number of its items.
    static func summary(ofService fact: Fact) -> String {
        if case .array(let durations)? = fact.fields["durations"] {
            return durations.compactMap { duration -> String? in
                guard case .object(let members) = duration else { return nil }
                let probe = Fact(id: "", kind: .duration, eId: "", paragraph: 0, span: 0..<0, source: "", fields: FactFields(members))
                return describe(probe)
            }.joined(separator: ", ")
        }
        if case .bool(let free)? = fact.fields["free"] {
            return free ? "free" : [fact.fields["amount"], fact.fields["currency"]].compactMap { $0?.serialized() }.joined(separator: " ")
        }
        if case .array(let forms)? = fact.fields["forms"] { return forms.map { $0.serialized() }.joined(separator: ", ") }
        if case .array(let items)? = fact.fields["items"] { return "\(items.count) item\(items.count == 1 ? "" : "s")" }
        if case .string(let value)? = fact.fields["value"] { return value }
        return ""
    }
}
