import ZanAmendments
import ZanDocument
import ZanText
import ZanTimeline

/// The rule-set files of `rules/` as JSON, and back: per work, the units and the facts of all
/// its versions (`rules/<work>/units.json`, `rules/<work>/facts.json`) and its index
/// (`rules/<work>/index.json`: its versions, each as runs of the two tables). The shapes
/// are published as JSON Schema (`RuleSetSchema`) and documented in README. Keys are sorted, no
/// timestamps: the same corpus gives the same bytes.
public enum RuleSetJSON {
    /// Bumped when the shape of any file changes; a build rebuilds everything on a new format.
    public static let format = 10

    // MARK: Encoding

    /// A unit and its subtree (`zan show --format json`).
    public static func node(_ node: RuleNode) -> JSON {
        var members = ownMembers(of: node)
        members["children"] = .array(node.children.map(Self.node))
        return .object(members)
    }

    /// A unit's own members: all but its children.
    static func ownMembers(of node: RuleNode) -> [String: JSON] {
        var members: [String: JSON] = [
            "kind": .string(node.kind.rawValue),
            "text": .array(node.text.map(JSON.string)),
        ]
        if let eId = node.eId { members["eId"] = .string(eId) }
        if let num = node.num { members["num"] = .string(num) }
        if let heading = node.heading { members["heading"] = .string(heading) }
        if node.unknown { members["unknown"] = .bool(true) }
        if node.partial { members["partial"] = .bool(true) }
        if node.repealed { members["repealed"] = .bool(true) }
        if let provenance = node.provenance { members["provenance"] = Self.provenance(provenance) }
        return members
    }

    public static func provenance(_ provenance: Provenance) -> JSON {
        var members: [String: JSON] = [
            "act": .string(provenance.act),
            "file": .string(provenance.file),
            "start": position(provenance.start),
            "end": position(provenance.end),
        ]
        if let point = provenance.point { members["point"] = .string(point) }
        if let op = provenance.op { members["op"] = .string(op.rawValue) }
        if let effective = provenance.effective { members["effective"] = date(effective) }
        return .object(members)
    }

    static func position(_ position: Provenance.Position) -> JSON {
        .object(["line": .int(position.line), "column": .int(position.column)])
    }

    public static func date(_ date: EffectiveDate) -> JSON {
        .object(["date": .string(date.date.description), "provisional": .bool(date.provisional), "basis": .string(date.basis)])
    }

    static func runs(_ runs: [ClosedRange<Int>]) -> JSON {
        .array(runs.map { .array([.int($0.lowerBound), .int($0.upperBound)]) })
    }

    /// The name of a work's unit table, beside its index.
    public static let unitsFileName = "units.json"

    /// `rules/<work>/units.json`: every unit of the work's versions, each once, in the order
    /// first stated (`UnitTable`), with its depth in the tree.
    public static func units(of work: Work, _ units: [UnitEntry]) -> JSON {
        .object([
            "format": .int(format),
            "work": .string(work.id),
            "units": .array(units.map(unit)),
        ])
    }

    /// An entry of the unit table: the node without `children`, and `depth`.
    public static func unit(_ entry: UnitEntry) -> JSON {
        var members = ownMembers(of: entry.unit)
        members["depth"] = .int(entry.depth)
        return .object(members)
    }

    /// The name of a work's fact table, beside its index.
    public static let factsFileName = "facts.json"

    /// `rules/<work>/facts.json`: every fact the work's versions state (`ExtractFacts`:
    /// durations, fees, frequencies, channels, references, service-table rows, each with its
    /// unit and words), each once, in the order first stated (`FactTable`).
    public static func facts(of work: Work, _ facts: [Fact]) -> JSON {
        .object([
            "format": .int(format),
            "work": .string(work.id),
            "facts": .array(facts.map(\.json)),
        ])
    }

    /// `rules/<work>/index.json`: the work; its versions, each with the units it changed and
    /// its tree and facts as runs of the work's unit and fact tables (`UnitTable`: units in
    /// pre-order; `FactTable`: in document order; each run `[first, last]`, both included); the
    /// tables' SHA-256; and what the build could not apply to it. Per version (oldest first):
    /// `changed` (`WorkHistory.changedUnits`, as the unit table gives them), `units` and `facts`
    /// runs. `files`: table file name → SHA-256.
    public static func index(_ history: WorkHistory, changed: [[String]], units: [[ClosedRange<Int>]], facts: [[ClosedRange<Int>]],
                             files: [String: String], findings: [Finding]) -> JSON {
        let work = history.work
        var about: [String: JSON] = [
            "id": .string(work.id),
            "kind": .string(work.kind),
            "title": .string(work.title),
            "date": .string(work.date?.description),
            "number": .string(work.number),
            "registration": .string(work.registration),
            "in_corpus": .bool(work.inCorpus),
            "exists_from": work.existsFrom.map(date) ?? .null,
        ]
        about["repealed"] = work.repealed.map { .object(["from": date($0.from), "by": .string($0.by)]) } ?? .null
        let versions: [JSON] = history.versions.indices.map { index in
            let version = history.versions[index]
            return .object([
                "changed": .array(changed[index].map(JSON.string)),
                "from": date(version.from),
                "to": version.to.map(date) ?? .null,
                "provisional": .bool(version.from.provisional || version.to?.provisional == true),
                "amended_by": .array(version.amendedBy.map(JSON.string)),
                "units": runs(units[index]),
                "facts": runs(facts[index]),
            ])
        }
        return .object([
            "format": .int(format),
            "work": .object(about),
            "versions": .array(versions),
            "units": .object(["file": .string(unitsFileName), "sha256": .string(files[unitsFileName] ?? "")]),
            "facts": .object(["file": .string(factsFileName), "sha256": .string(files[factsFileName] ?? "")]),
            "diagnostics": .array(findings.map(Self.finding)),
        ])
    }

    public static func finding(_ finding: Finding) -> JSON {
        var members: [String: JSON] = [
            "id": .string(finding.diagnostic.id.description),
            "severity": .string(finding.diagnostic.severity.rawValue),
            "message": .string(finding.diagnostic.message),
        ]
        if let file = finding.file {
            members["file"] = .string(file.path)
            if let range = finding.diagnostic.range {
                let start = file.lineColumn(at: range.start)
                members["line"] = .int(start.line)
                members["column"] = .int(start.column)
            }
        } else if let path = finding.path {
            members["file"] = .string(path)
            if let position = finding.position {
                members["line"] = .int(position.line)
                members["column"] = .int(position.column)
            }
        }
        return .object(members)
    }
}
