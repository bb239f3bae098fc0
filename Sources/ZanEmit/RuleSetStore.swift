import Foundation
import Synchronization
import ZanText
import ZanTimeline

/// Reading published rule sets back from `rules/`: what `zan show`, `zan history` and
/// `zan versions` answer from, so a query sees exactly what was published.
public enum RuleSetStore {
    public enum LoadError: Error, CustomStringConvertible {
        case noWork(String, rules: String)
        case badID(String)
        case decode(RuleSetJSON.DecodeError)

        public var description: String {
            switch self {
            case let .noWork(id, rules):
                "no rule set for \(id) in \(rules)/ (run `zan build`, or check the id: \(rules)/ has a folder per work)"
            case let .badID(id):
                "\"\(id)\" is not a work id (letters, digits, \"_\" and \"-\", e.g. V2300033763)"
            case let .decode(error):
                error.description
            }
        }
    }

    /// The work `id` and every version of it.
    public static func load(_ id: String, from rules: String) throws(LoadError) -> WorkHistory {
        try open(id, from: rules).history()
    }

    /// The work `id` as its index describes it; its unit table is read on demand.
    public static func open(_ id: String, from rules: String) throws(LoadError) -> PublishedWork {
        // The id names a folder: never let it name one outside `rules` ("../x", "a/b").
        guard Corpus.isSafeID(id) else { throw .badID(id) }
        let folder = rules + "/" + id
        let indexPath = folder + "/index.json"
        guard let data = FileManager.default.contents(atPath: indexPath) else { throw .noWork(id, rules: rules) }
        guard let index = JSON.parse(data) else {
            throw .decode(RuleSetJSON.DecodeError(path: indexPath, reason: "not JSON"))
        }
        do throws(RuleSetJSON.DecodeError) {
            let work = try RuleSetJSON.decodeWork(index, indexPath)
            var entries: [PublishedWork.Entry] = []
            for entry in index["versions"]?.array ?? [] {
                guard let from = try RuleSetJSON.decodeDate(entry["from"], indexPath), let changed = entry["changed"]?.array,
                      let units = RuleSetJSON.decodeRuns(entry["units"]) else {
                    throw RuleSetJSON.DecodeError(path: indexPath, reason: "a version without a start, its changed units or its runs of units")
                }
                entries.append(PublishedWork.Entry(
                    from: from, to: try RuleSetJSON.decodeDate(entry["to"], indexPath),
                    amendedBy: entry["amended_by"]?.array?.compactMap(\.string) ?? [],
                    units: units, changed: Set(changed.compactMap(\.string))))
            }
            guard let units = index["units"]?["file"]?.string, units == RuleSetJSON.unitsFileName else {
                throw RuleSetJSON.DecodeError(path: indexPath, reason: "no unit table (\(RuleSetJSON.unitsFileName)) listed")
            }
            return PublishedWork(work: work, entries: entries, index: indexPath, units: folder + "/" + units,
                                 unitsSHA256: index["units"]?["sha256"]?.string ?? "")
        } catch {
            throw .decode(error)
        }
    }
}

/// A published work: its index read, its unit table read when a version is asked for. A
/// point-in-time query reads the index and the outline of the unit table, then the units it
/// needs in full, not the whole history.
public struct PublishedWork: Sendable {
    /// One version as the index lists it.
    public struct Entry: Sendable {
        public var from: EffectiveDate
        public var to: EffectiveDate?
        public var amendedBy: [String]
        /// The version's tree as runs of the work's unit table.
        public var units: [ClosedRange<Int>]
        /// The eIds of the units this version changed (`Version.changedUnits(since:)`).
        public var changed: Set<String>

        /// True when `date` is in `[from, to)`.
        public func contains(_ date: CivilDate) -> Bool {
            Version.contains(date, from: from, to: to)
        }
    }

    public let work: Work
    public let entries: [Entry]
    /// The work's index, which lists the versions' runs.
    public let indexPath: String
    /// The work's unit table (`units.json`), which each version's tree is runs of, and the
    /// SHA-256 the index lists for it.
    public let unitsPath: String
    public let unitsSHA256: String
    /// The unit table as read so far (full, or its outline), shared by the copies of this value:
    /// a query reads the table once for however many versions it looks at.
    private let tables = Tables()

    private final class Tables: Sendable {
        let units = Mutex<[UnitEntry]?>(nil)
        let outline = Mutex<UnitsOutline?>(nil)
    }

    public init(work: Work, entries: [Entry], index: String, units: String, unitsSHA256: String) {
        self.work = work
        self.entries = entries
        self.indexPath = index
        self.unitsPath = units
        self.unitsSHA256 = unitsSHA256
    }

    /// The index of the version in force on `date`.
    public func index(at date: CivilDate) -> Int? {
        entries.firstIndex { $0.contains(date) }
    }

    /// Why no version is in force on `date` (as `WorkHistory.absence(at:)`).
    public func absence(at date: CivilDate) -> Answer {
        WorkHistory.absence(of: work, firstFrom: entries.first?.from, at: date)
    }

    /// Version `index`, its tree from the unit table.
    public func version(_ index: Int) throws(RuleSetStore.LoadError) -> Version {
        let units = try self.units()
        let entry = entries[index]
        do throws(RuleSetJSON.DecodeError) {
            return Version(from: entry.from, to: entry.to, amendedBy: entry.amendedBy,
                           root: try RuleSetJSON.tree(entry.units, units: units, indexPath))
        } catch {
            throw .decode(error)
        }
    }

    /// Version `index` as an outline: the structure of its tree, any unit readable in full.
    public func outline(_ index: Int) throws(RuleSetStore.LoadError) -> VersionOutline {
        let units = try unitsOutline()
        let entry = entries[index]
        do throws(RuleSetJSON.DecodeError) {
            let version = Version(from: entry.from, to: entry.to, amendedBy: entry.amendedBy, root: RuleNode(kind: .document))
            return try RuleSetJSON.outline(version, runs: entry.units, units: units, indexPath)
        } catch {
            throw .decode(error)
        }
    }

    /// The unit table, every entry in full.
    func units() throws(RuleSetStore.LoadError) -> [UnitEntry] {
        if let units = tables.units.withLock({ $0 }) { return units }
        let units = try decoded(unitsPath, unitsSHA256, RuleSetJSON.decodeUnits)
        tables.units.withLock { $0 = units }
        return units
    }

    /// The unit table as an outline.
    func unitsOutline() throws(RuleSetStore.LoadError) -> UnitsOutline {
        if let outline = tables.outline.withLock({ $0 }) { return outline }
        let outline = try decoded(unitsPath, unitsSHA256, RuleSetJSON.decodeUnitsOutline)
        tables.outline.withLock { $0 = outline }
        return outline
    }

    /// The file at `path` through `decode`, once its bytes are those the index lists (`sha256`).
    /// The index's runs mean something only with the unit table they were written with, and a
    /// build replaces the two one after the other: read between the two, they would give a tree
    /// nobody published. The bytes are mapped rather than copied: a query reads a few units
    /// of a table of megabytes, and `zan build` replaces a file by renaming a new one over it,
    /// so a mapping keeps the bytes it was made with.
    func decoded<T>(_ path: String, _ sha256: String,
                    _ decode: (Data, String) throws(RuleSetJSON.DecodeError) -> T) throws(RuleSetStore.LoadError) -> T {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "missing"
            throw .decode(RuleSetJSON.DecodeError(path: path, reason: reason))
        }
        guard data.withUnsafeBytes({ SHA256.hex($0.bindMemory(to: UInt8.self)) }) == sha256 else {
            throw .decode(RuleSetJSON.DecodeError(path: path, reason: "its SHA-256 is not the one its work's index lists: a build replaced it after the index was read (ask again), or it was edited by hand"))
        }
        do throws(RuleSetJSON.DecodeError) {
            return try decode(data, path)
        } catch {
            throw .decode(error)
        }
    }

    /// The unit `citation` names in version `index`, read from that version's file alone: its
    /// outline to find the unit, then the unit in full. The same answer as
    /// `WorkHistory.lookup(_:in:version:)` when it is `.found`; any other answer is left to
    /// the whole history (nil), whose messages name the later versions that have the unit.
    /// The version in the answer has the outline for its tree. `outline` (of version `index`)
    /// spares reading the file again for a second citation; resolve `.auto` once (`resolved`)
    /// for several.
    public func lookup(_ citation: Citation, in choice: DocumentChoice, at index: Int,
                       outline: VersionOutline? = nil) throws(RuleSetStore.LoadError) -> Answer? {
        let outline = if let outline { outline } else { try self.outline(index) }
        // A history of one version would read `.auto` by that version, not by the last one.
        let choice = try resolved(choice, last: index == entries.count - 1 ? outline.version : nil)
        let single = WorkHistory(work: work, versions: [outline.version])
        guard case .unit(let path) = single.place(of: citation, in: choice, version: outline.version) else { return nil }
        let node: RuleNode
        do throws(RuleSetJSON.DecodeError) {
            node = try outline.node(at: path)
        } catch {
            throw .decode(error)
        }
        let answer = single.answer(citation, in: choice, node: node, version: outline.version)
        guard case .found = answer else { return nil }
        return answer
    }

    /// Every version: the unit table read once, then each version's tree from it.
    public func history() throws(RuleSetStore.LoadError) -> WorkHistory {
        var versions: [Version] = []
        for index in entries.indices { versions.append(try version(index)) }
        return WorkHistory(work: work, versions: versions)
    }

    /// `choice` with `.auto` decided as `WorkHistory.isApproving` decides it (reading the last
    /// version only when the work alone does not say, and `last` is not it already): the same
    /// answers from one version.
    public func resolved(_ choice: DocumentChoice, last: Version? = nil) throws(RuleSetStore.LoadError) -> DocumentChoice {
        guard choice == .auto else { return choice }
        if let approving = WorkHistory.isApproving(work) { return approving ? .rules : .body }
        guard !entries.isEmpty else { return .body }
        // The structure decides (`holdsAttachment`): the outline is enough.
        let root = if let last { last.root } else { try outline(entries.count - 1).version.root }
        return WorkHistory.holdsAttachment(root) ? .rules : .body
    }

    /// The interval over which the unit `eId` has the node it has in version `index`, from the
    /// changed units the index lists.
    public func wording(of eId: String, at index: Int) -> (from: EffectiveDate, to: EffectiveDate?) {
        let run = WorkHistory.wordingRun(of: eId, at: index, versions: entries.count) { entries[$0].changed }
        return (entries[run.lowerBound].from, entries[run.upperBound].to)
    }
}
