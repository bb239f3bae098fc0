import Synchronization
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
        let inputs = Inputs(acts, only: only)
        let works = inputs.works
        var findings = inputs.findings
        var histories: [String: WorkHistory] = [:]
        for (work, (history, found)) in zip(works, inputs.histories { ($0, $1) }) {
            histories[work.id] = history
            findings += found
        }
        return Timeline(histories: histories, findings: findings)
    }

    /// What the histories of a timeline's works are built from, before any is built: the works
    /// wanted and the documents' own findings (their diagnostics, the edits that could not be
    /// planned, amendment cycles). `histories` builds them, and lets each work's inputs (its
    /// base's tree, the edits to it) go as soon as its history is built: a caller that keeps
    /// only what it makes of each history (`zan build` renders it) holds the works under way,
    /// not every version of every work. Not copyable: the histories are built once.
    public struct Inputs: ~Copyable {
        /// The works wanted, by id.
        public let works: [Work]
        /// The documents' own findings and amendment cycles, for the works wanted (and those
        /// of no work).
        public let findings: [Finding]
        /// Each work's inputs, in the order of `works`, until its history is built.
        private let pending: Pending

        /// The inputs of `acts` (every corpus document that is, or changes, the works wanted),
        /// for the works in `only` (all works when nil).
        public init(_ acts: [ReadAct], only: Set<String>? = nil) {
            var works: [String: Work] = [:]
            var trees: [String: RuleNode] = [:]
            for act in acts {
                works[act.id] = act.work
                trees[act.id] = act.tree
            }
            for act in acts {
                for stub in act.referenced where works[stub.id] == nil { works[stub.id] = stub }
            }
            findings = (acts.flatMap(\.findings) + AmendmentCycles.findings(acts)).filter { finding in
                guard let only, let work = finding.work else { return true }
                return only.contains(work)
            }
            // Each work's edits are its amending acts' lists, held as they are (one reference
            // each), not copied edit by edit here, on one core: an edit holds some twenty
            // references, and at 10,000 works that copy took 1.6 s. The thread that builds the
            // work's history gathers them.
            var planned: [String: [Pending.Edits]] = [:]
            for act in acts {
                let whole = act.targets.count == 1
                for target in act.targets { planned[target, default: []].append(Pending.Edits(all: act.planned, whole: whole)) }
            }
            self.works = works.filter { only?.contains($0.key) ?? true }.sorted { $0.key < $1.key }.map(\.value)
            pending = Pending(self.works.map { (trees[$0.id], planned[$0.id] ?? []) })
        }

        /// Builds each work's history on every core at once and hands it to `body`, with the
        /// findings of applying its edits; returns what `body` made of each, in the order of
        /// `works`. A work's inputs and its history are let go when `body` returns.
        public consuming func histories<Output: Sendable>(_ body: @Sendable (WorkHistory, [Finding]) -> Output) -> [Output] {
            let works = self.works, pending = self.pending
            return Parallel.map(Array(works.indices), order: Self.interleaved(amended: pending.amended)) { index in
                let work = works[index]
                let (tree, edits) = pending.take(index, of: work.id)
                let (history, found) = Timeline.history(of: work, tree: tree, edits: edits)
                return body(history, found)
            }
        }

        /// The order the works' histories are built in: the works with edits (many versions,
        /// long to build and render, three files) spread evenly among those without (one
        /// version, quick, three files as well), each kind in id order. In id order, a
        /// corpus's amending orders (each a work of one version) came last, all together: the
        /// cores rendered them faster than their files could be written, and waited for the
        /// writer, half idle, for the last seconds of a build (7 s of 60 at 10,000 works).
        static func interleaved(amended: [Bool]) -> [Int] {
            let heavy = amended.indices.filter { amended[$0] }, light = amended.indices.filter { !amended[$0] }
            var order: [Int] = []
            order.reserveCapacity(amended.count)
            var taken = 0   // light works taken so far
            for (position, work) in heavy.enumerated() {
                order.append(work)
                // As many light works as keeps them in step: after the n-th heavy one, n/heavy
                // of them.
                let due = light.count * (position + 1) / heavy.count
                order += light[taken..<due]
                taken = due
            }
            order += light[taken...]
            return order
        }

        /// The works' inputs (the tree of the document a work is, when the corpus has it; the
        /// edits to it), each taken once, by the thread that builds its history: not the
        /// documents, whose edits of other works go when those works are built.
        private final class Pending: Sendable {
            /// An amending act's edits: all of them when they all change one work (`whole`),
            /// else those of the work that takes them.
            struct Edits {
                var all: [PlannedEdit]
                var whole: Bool
            }

            private let slots: Mutex<[(tree: RuleNode?, edits: [Edits])?]>
            /// Per work, whether any edit changes it.
            let amended: [Bool]

            init(_ inputs: [(tree: RuleNode?, edits: [Edits])]) {
                amended = inputs.map { !$0.edits.isEmpty }
                slots = Mutex(inputs)
            }

            /// The inputs of the work at `index` (its id `work`), let go by this list.
            func take(_ index: Int, of work: String) -> (tree: RuleNode?, edits: [PlannedEdit]) {
                guard let (tree, lists) = slots.withLock({ $0[index].take() }) else { return (nil, []) }
                if lists.count == 1, lists[0].whole { return (tree, lists[0].all) }
                var edits: [PlannedEdit] = []
                for list in lists {
                    if list.whole { edits += list.all } else { edits += list.all.lazy.filter { $0.work == work } }
                }
                return (tree, edits)
            }
        }
    }

    /// The history of `work` from its own tree (nil: the corpus does not have it) and the
    /// edits to it.
    static func history(of work: Work, tree: RuleNode?, edits: [PlannedEdit]) -> (WorkHistory, [Finding]) {
        let root = tree ?? RuleNode.unknown(.document, num: nil, eId: nil, heading: work.title)
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
