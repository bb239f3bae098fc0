import ZanAmendments
import ZanText

/// Every version of every work the corpus documents are or change.
///
/// Edits apply in order of entry into force; ties go by the amending act's date, then its id,
/// then the edit's position in it. All edits taking effect on one day make one version;
/// versions are half-open intervals `[from, to)`.
public struct Timeline: Sendable {
    public var histories: [String: WorkHistory]
    /// What could not be applied or looks wrong, per file and location.
    public var findings: [Finding]

    /// The timeline of `acts` (every corpus document that is, or changes, the works wanted),
    /// for the works in `only` (all works when nil).
    public static func build(_ acts: [ReadAct], only: Set<String>? = nil) -> Timeline {
        var works: [String: Work] = [:]
        var bases: [String: ReadAct] = [:]
        for act in acts {
            works[act.id] = act.work
            bases[act.id] = act
        }
        for act in acts {
            for stub in act.referenced where works[stub.id] == nil { works[stub.id] = stub }
        }
        var findings = (acts.flatMap(\.findings) + AmendmentCycles.findings(acts)).filter { finding in
            guard let only, let work = finding.work else { return true }
            return only.contains(work)
        }
        var planned: [String: [PlannedEdit]] = [:]
        for act in acts {
            for edit in act.planned { planned[edit.work, default: []].append(edit) }
        }
        // Works are independent: consolidate them on every core at once (in id order for the findings).
        var histories: [String: WorkHistory] = [:]
        let wanted = works.filter { only?.contains($0.key) ?? true }.sorted { $0.key < $1.key }.map(\.value)
        let (allBases, allPlanned) = (bases, planned)
        for (work, (history, found)) in zip(wanted, Parallel.map(wanted, { work in
            Self.history(of: work, base: allBases[work.id], edits: allPlanned[work.id] ?? [])
        })) {
            let id = work.id
            histories[id] = history
            findings += found
        }
        return Timeline(histories: histories, findings: findings)
    }

    static func history(of work: Work, base: ReadAct?, edits: [PlannedEdit]) -> (WorkHistory, [Finding]) {
        let root = base?.tree ?? RuleNode.unknown(.document, num: nil, eId: nil, heading: work.title)
        var state = WorkState(root: root, work: work)
        var findings: [Finding] = []
        let ordered = edits.sorted { a, b in
            if a.effective.date != b.effective.date { return a.effective.date < b.effective.date }
            if a.actDate != b.actDate {
                // An act without a date sorts first.
                guard let left = a.actDate else { return true }
                guard let right = b.actDate else { return false }
                return left < right
            }
            if a.act != b.act { return a.act < b.act }
            return a.index < b.index
        }
        let start = work.existsFrom ?? ordered.first?.effective
        guard let start else { return (WorkHistory(work: work, versions: []), findings) }
        var versions = [Version(from: start, root: root)]
        var index = 0
        while index < ordered.count {
            let day = ordered[index].effective.date
            var group: [PlannedEdit] = []
            while index < ordered.count, ordered[index].effective.date == day {
                group.append(ordered[index])
                index += 1
            }
            let before = state.root
            let wasRepealed = state.repealed != nil
            var changedBy: [String] = []
            var touched: [String: String] = [:]
            for edit in group {
                let previous = state.root
                let diagnostics = state.apply(edit)
                findings += diagnostics.map { Finding(file: edit.file, diagnostic: $0, work: work.id) }
                // An edit with several targets may apply to some and fail on others.
                if state.root != previous, !changedBy.contains(edit.act) { changedBy.append(edit.act) }
                if diagnostics.contains(where: { $0.severity == .error }) { continue }
                for key in unitKeys(edit.edit) {
                    if let other = touched[key], other != edit.act {
                        findings.append(Finding(file: edit.file, diagnostic: Diagnostic(
                            TimelineDiagnostic.sameDayConflict(unit: key, other: other, date: day.description),
                            at: edit.edit.source), work: work.id))
                    } else {
                        touched[key] = edit.act
                    }
                }
            }
            let effective = (group.first { $0.effective.provisional })?.effective ?? group[0].effective
            if let repeal = state.repealed, !wasRepealed {
                versions[versions.count - 1].to = repeal.from
                state.work.repealed = repeal
                continue
            }
            guard state.root != before, !wasRepealed else { continue }
            if versions[versions.count - 1].from.date == day {
                versions[versions.count - 1].root = state.root
                versions[versions.count - 1].amendedBy += changedBy
            } else {
                versions[versions.count - 1].to = effective
                versions.append(Version(from: effective, amendedBy: changedBy, root: state.root))
            }
        }
        return (WorkHistory(work: state.work, versions: versions), findings)
    }

    /// What an edit changes, as keys for noticing two acts changing one unit on one day.
    static func unitKeys(_ edit: Edit) -> [String] {
        let document = edit.document == .approved ? "approved document" : "the act"
        return edit.targets.map { "\($0) of \(document)" }
    }
}
