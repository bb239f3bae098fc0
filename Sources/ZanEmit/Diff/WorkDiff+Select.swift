import ZanText
import ZanTimeline

extension WorkDiff {
    /// Why two versions could not be chosen; `exitCode` is the CLI's (4: not in force on a date,
    /// 1: the order does not amend the work).
    public struct SelectionError: Error, CustomStringConvertible {
        public let description: String
        public let exitCode: Int32
    }

    /// The versions in force on `from` and on `to`.
    public static func between(_ history: WorkHistory, from: CivilDate, to: CivilDate) -> Result<WorkDiff, SelectionError> {
        func version(_ date: CivilDate) -> Result<Version, SelectionError> {
            if let version = history.version(at: date) { return .success(version) }
            if case .notInForce(let message, _) = history.absence(at: date) {
                return .failure(SelectionError(description: message, exitCode: 4))
            }
            return .failure(SelectionError(description: "\(history.work.id) has no version on \(date)", exitCode: 4))
        }
        return version(from).flatMap { old in
            version(to).map { new in WorkDiff(history, old: old, oldDate: from, new: new, newDate: to) }
        }
    }

    /// The version just before `order` took effect in the work and the version it starts (the
    /// first, when its points take effect on several dates).
    public static func order(_ history: WorkHistory, _ order: String) -> Result<WorkDiff, SelectionError> {
        let id = history.work.id
        guard let index = history.versions.firstIndex(where: { $0.amendedBy.contains(order) }) else {
            let acts = Self.acts(history.versions)
            return .failure(SelectionError(
                description: "\(order) does not amend \(id) in the corpus; " + (acts.isEmpty
                    ? "nothing amends \(id)" : "the acts that amend it: \(acts.joined(separator: ", "))"),
                exitCode: 1))
        }
        guard index > 0 else {
            return .failure(SelectionError(
                description: "\(order) starts the first version of \(id) in the corpus; there is no earlier version to compare with",
                exitCode: 4))
        }
        let new = history.versions[index], old = history.versions[index - 1]
        var diff = WorkDiff(history, old: old, oldDate: new.from.date.adding(days: -1), new: new, newDate: new.from.date)
        diff.order = order
        return .success(diff)
    }

    /// The diff of two versions of `history`.
    public init(_ history: WorkHistory, old: Version, oldDate: CivilDate, new: Version, newDate: CivilDate) {
        self.work = history.work
        self.old = old
        self.oldDate = oldDate
        self.new = new
        self.newDate = newDate
        self.amendedBy = Self.acts(history.versions.filter { $0.from.date > old.from.date && $0.from.date <= new.from.date })
        let entries = CompareVersions.entries(old.root, new.root)
        let chain = history.versions.filter { $0.from.date >= old.from.date && $0.from.date <= new.from.date }
        self.entries = chain.count > 2 ? Self.traced(entries, through: chain) : entries
        var moves: [String: String] = [:]
        for entry in entries {
            if case .change(let change) = entry, change.kind == .moved, let from = change.oldUnit?.eId, let to = change.unit.eId {
                moves[from] = to
            }
        }
        self.valueChanges = ValueChange.between(old.root, new.root, moves: moves)
    }

    /// Between the two versions compared a provision may have been amended more than once: each
    /// change is followed back through the diffs of consecutive versions (under the eId it had
    /// at each step, as it may have moved), and every edit that touched it — or a unit inside or
    /// around it — is named, in order of effect.
    static func traced(_ entries: [Entry], through chain: [Version]) -> [Entry] {
        let steps = zip(chain, chain.dropFirst()).map { old, new in
            CompareVersions.entries(old.root, new.root).compactMap { entry -> ProvisionChange? in
                if case .change(let change) = entry { return change }
                return nil
            }
        }
        func related(_ a: String, _ b: String) -> Bool { a == b || a.hasPrefix(b + "__") || b.hasPrefix(a + "__") }
        return entries.map { entry in
            guard case .change(var change) = entry, let eId = change.unit.eId else { return entry }
            // The unit's eIds after the step being read; a removed unit is first looked for among
            // the step's removals, under the eId it had before it went.
            var names: Set<String> = change.kind == .removed ? [] : [eId]
            var gone: Set<String> = change.kind == .removed ? [eId] : []
            var found: [[Provenance]] = []
            for step in steps.reversed() {
                var earlier = names
                var here: [Provenance] = []
                for candidate in step {
                    guard let unit = candidate.unit.eId else { continue }
                    if candidate.kind == .removed, gone.contains(where: { related($0, unit) }) {
                        here += candidate.provenance
                        if gone.remove(unit) != nil { earlier.insert(unit) }
                        continue
                    }
                    guard names.contains(where: { related($0, unit) }) else { continue }
                    here += candidate.provenance
                    if let before = candidate.oldUnit?.eId, names.contains(unit) {
                        earlier.remove(unit)
                        earlier.insert(before)
                    }
                }
                found.append(here)
                names = earlier
            }
            var seen = Set<Provenance>()
            let all = found.reversed().flatMap { $0 }.filter { seen.insert($0).inserted }
            if !all.isEmpty { change.provenance = all }
            return .change(change)
        }
    }

    /// The other entry dates of the diff's order in the work, after the one compared.
    public func laterDates(of order: String, in history: WorkHistory) -> [EffectiveDate] {
        history.versions.filter { $0.amendedBy.contains(order) && $0.from.date > new.from.date }.map(\.from)
    }

    private static func acts(_ versions: [Version]) -> [String] {
        var seen = Set<String>()
        return versions.flatMap(\.amendedBy).filter { seen.insert($0).inserted }
    }
}
