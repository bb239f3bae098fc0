import ZanAmendments
import ZanDocument
import ZanText
import ZanTimeline

/// The rule-set files of `rules/` as JSON, and back: one file per version of a work
/// (`rules/<work>/<from>.json`), the units and the facts of all its versions
/// (`rules/<work>/units.json`, `rules/<work>/facts.json`) and the work's index
/// (`rules/<work>/index.json`). The shapes
/// are published as JSON Schema (`RuleSetSchema`) and documented in README. Keys are sorted, no
/// timestamps: the same corpus gives the same bytes.
public enum RuleSetJSON {
    /// Bumped when the shape of any file changes; a build rebuilds everything on a new format.
    public static let format = 9

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

    /// The file name of a version: its first day.
    public static func fileName(of version: Version) -> String { version.from.date.description + ".json" }

    /// `rules/<work>/<from>.json`: one version, its tree as runs of the work's unit table
    /// (`UnitTable`: units in pre-order) and the facts it states as runs of its fact table
    /// (`FactTable`: in document order); each run `[first, last]`, both included.
    public static func version(_ version: Version, of work: Work, units: [ClosedRange<Int>], facts: [ClosedRange<Int>]) -> JSON {
        .object([
            "format": .int(format),
            "work": .string(work.id),
            "from": Self.date(version.from),
            "to": version.to.map(Self.date) ?? .null,
            "amended_by": .array(version.amendedBy.map(JSON.string)),
            "units": runs(units),
            "facts": runs(facts),
        ])
    }

    static func runs(_ runs: [ClosedRange<Int>]) -> JSON {
        .array(runs.map { .array([.int($0.lowerBound), .int($0.upperBound)]) })
    }

    /// The name of a work's unit table, beside its version files.
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

    /// The name of a work's fact table, beside its version files.
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

    /// `rules/<work>/index.json`: the work, its versions (with each file's SHA-256 and the units
    /// it changed), its unit and fact tables' SHA-256, and what the build could not apply to it.
    /// `files`: file name → SHA-256; `changed`: each version's changed units
    /// (`WorkHistory.changedUnits`, as the unit table gives them).
    public static func index(_ history: WorkHistory, changed: [[String]], files: [String: String], findings: [Finding]) -> JSON {
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
        let versions: [JSON] = zip(history.versions, changed).map { version, changed in
            let name = fileName(of: version)
            return .object([
                "changed": .array(changed.map(JSON.string)),
                "from": date(version.from),
                "to": version.to.map(date) ?? .null,
                "provisional": .bool(version.from.provisional || version.to?.provisional == true),
                "amended_by": .array(version.amendedBy.map(JSON.string)),
                "file": .string(name),
                "sha256": .string(files[name] ?? ""),
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
