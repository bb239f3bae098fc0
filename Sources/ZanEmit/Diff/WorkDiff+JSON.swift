import ZanText
import ZanTimeline

extension WorkDiff {
    /// Bumped when the shape of the diff JSON changes (`rules/schema/diff.schema.json`).
    public static let jsonFormat = 1

    /// The diff as JSON (shape: `DiffSchema`): the versions compared, the acts between them, a
    /// count by kind, every change with both sides, its word diff and provenance, and the
    /// unchanged provisions. Keys sorted, no timestamps.
    public func json() -> JSON {
        func end(_ date: CivilDate, _ version: Version) -> JSON {
            .object([
                "date": .string(date.description),
                "version": .object(["from": RuleSetJSON.date(version.from), "to": version.to.map(RuleSetJSON.date) ?? .null]),
            ])
        }
        var summary: [String: JSON] = [:]
        let changes = changes
        for kind in ProvisionChange.Kind.allCases { summary[kind.rawValue] = .int(changes.count { $0.kind == kind }) }
        summary["unchanged"] = .int(unchanged.count)
        summary["not_in_corpus_before"] = .int(changes.count { $0.before == .notInCorpus })
        summary["values_changed"] = .int(valueChanges.count)
        return .object([
            "format": .int(Self.jsonFormat),
            "work": .object(["id": .string(work.id), "title": .string(work.title)]),
            "from": end(oldDate, old),
            "to": end(newDate, new),
            "order": .string(order),
            "amended_by": .array(amendedBy.map(JSON.string)),
            "summary": .object(summary),
            "changes": .array(changes.map(Self.json)),
            "unchanged": .array(unchanged.map(Self.json)),
            "values_changed": .array(valueChanges.map { change in
                .object([
                    "eId": .string(change.unit.eId), "label": .string(change.unit.label), "part": .string(change.unit.part),
                    "kind": .string(change.after.kind.rawValue),
                    "before": change.before.json, "after": change.after.json,
                    "provenance": change.provenance.map(RuleSetJSON.provenance) ?? .null,
                ])
            }),
        ])
    }

    static func json(_ unit: Unit) -> JSON {
        .object(["eId": .string(unit.eId), "label": .string(unit.label), "part": .string(unit.part)])
    }

    static func json(_ change: ProvisionChange) -> JSON {
        var members: [String: JSON] = [
            "change": .string(change.kind.rawValue),
            "eId": .string(change.unit.eId),
            "label": .string(change.unit.label),
            "part": .string(change.unit.part),
            "was": change.oldUnit.map(json) ?? .null,
            "before": json(change.before),
            "after": json(change.after),
            "provenance": .array(change.provenance.map(RuleSetJSON.provenance)),
        ]
        members["words"] = change.words.map { words in
            .array(words.map { .object(["op": .string($0.op.rawValue), "text": .string($0.text)]) })
        } ?? .null
        return .object(members)
    }

    static func json(_ side: DiffSide) -> JSON {
        switch side {
        case .absent: .object(["status": .string("absent")])
        case .notInCorpus: .object(["status": .string("not_in_corpus")])
        case .repealed: .object(["status": .string("repealed")])
        case .text(let lines, let complete):
            .object(["status": .string("text"), "text": .array(lines.map(JSON.string)), "complete": .bool(complete)])
        }
    }
}
