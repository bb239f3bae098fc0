import Foundation
import ZanText
import ZanTimeline

/// `zan build`: the corpus in, `rules/` out, rebuilding only the works whose inputs changed.
///
/// `rules/index.json` records each corpus document's SHA-256 and the works it changes, and each
/// work's index's SHA-256. A work is rebuilt when a document it is or that changes it changed,
/// appeared or went away; the documents read are the changed ones and the inputs of the works
/// to rebuild, never the whole corpus (unless there is no index yet, it has another format, or
/// `force` is set).
public struct RuleSetBuild: Sendable {
    public struct Options: Sendable {
        public var corpus: String
        public var out: String
        /// Compare only; write nothing.
        public var check: Bool
        /// Rebuild every work.
        public var force: Bool

        public init(corpus: String = "corpus", out: String = "rules", check: Bool = false, force: Bool = false) {
            self.corpus = corpus
            self.out = out
            self.check = check
            self.force = force
        }
    }

    /// What a build did (or, with `check`, would do).
    public struct Report: Sendable {
        /// Works whose files changed, with a line saying how.
        public var changed: [(work: String, summary: String)] = []
        /// Works rebuilt that came out byte-identical.
        public var unchanged: [String] = []
        /// Work folders removed (no corpus document is or changes them any more).
        public var removed: [String] = []
        /// Files under `rules/` that differ from what the index says (edited by hand).
        public var tampered: [String] = []
        public var findings: [Finding] = []
        /// Corpus documents read.
        public var read = 0
        /// Files read and hashed because their stamps were not the recorded ones: corpus
        /// documents' kaz.txt and meta.json, and the published files of the works kept (to
        /// check they are what the indexes say). Without stamps (a first build, `--check`,
        /// `--force`), every one.
        public var hashed = 0
        /// Works in `rules/` after the build.
        public var works = 0
        /// The wall time of each phase.
        public var timings = BuildTimings()

        /// True when `rules/` did not match the corpus (before writing, or with `check`).
        public var stale: Bool { !changed.isEmpty || !removed.isEmpty || !tampered.isEmpty || sharedFilesChanged }
        /// The build index or a schema differed.
        var sharedFilesChanged = false

        public init() {}
    }

    public struct BuildError: Error, CustomStringConvertible {
        public let description: String
        /// True when another build holds the lock (try again later), not an I/O failure.
        public var busy = false
    }

    let options: Options

    public init(_ options: Options) {
        self.options = options
    }

    /// The folder inside `out` where files are written before they are renamed into place.
    static let stagingFolder = ".staging"

    /// Runs the build. Throws only for I/O (an unreadable corpus folder, an unwritable `rules/`)
    /// and when another build holds `rules/.lock`.
    ///
    /// A build killed at any moment leaves every file whole (the old one or the new one), and
    /// every table a work's index names present: the tables are written first, then the
    /// work's index, then stale files removed; `rules/index.json` is written last, so until
    /// then the next build (or `--check`) sees the works it had not finished as changed.
    public func run() throws(BuildError) -> Report {
        // What the build held to the end (at 10,000 works: 30,000 corpus documents, the index's
        // 60,000 entries and as many stamps; the works' histories and documents went as the
        // works were rendered) is released on another thread once the build is done: freeing it took 40–60 ms after the last file was
        // written, before `zan build` could report. (A process that exits first never waits
        // for it.) The build returns first, so its own references are gone and the other
        // thread's are the last.
        let leftovers = Leftovers()
        let report = try build(keeping: leftovers)
        leftovers.releaseElsewhere()
        return report
    }

    /// Returns once what finished builds held is released. A process that runs builds one
    /// after another and times them (the benchmark) calls it between them, so that a build's
    /// time does not include freeing the one before.
    public static func waitForReleases() {
        Leftovers.queue.sync {}
    }

    /// Values to release on another thread.
    final class Leftovers: @unchecked Sendable {
        private var values: [any Sendable] = []
        /// Where they are released, one build's after another's.
        static let queue = DispatchQueue(label: "zan.build.release", qos: .utility)

        /// Keeps `value` until `releaseElsewhere` (called on the thread that made this).
        func keep(_ value: any Sendable) { values.append(value) }

        func releaseElsewhere() {
            let values = self.values
            self.values = []
            Self.queue.async { withExtendedLifetime(values) {} }
        }
    }

    private func build(keeping leftovers: Leftovers) throws(BuildError) -> Report {
        var timings = BuildTimings()
        let lock = try BuildLock.acquire(options.out, exclusive: !options.check)
        defer { withExtendedLifetime(lock) {} }
        if !options.check { try? FileManager.default.removeItem(atPath: options.out + "/" + Self.stagingFolder) }
        // A check compares everything (a changed Zan can change the output of unchanged
        // inputs); a build trusts the index unless forced, and the stamps of the files the
        // last build read and wrote: a corpus document whose files have the recorded stamps is
        // not read unless a work to rebuild needs it.
        let out = options.out
        // The build index and the stamps are independent: read at once, and the rules folder's
        // names with them (the strays among them are known only at the end). Stamps only go
        // with an index.
        let trusting = !options.force && !options.check
        let (readIndex, (recorded, listing)) = Parallel.both({ trusting ? BuildIndex.read(out) : nil }, {
            (trusting ? FileStamps.read(out, index: FileStamp(out + "/index.json")) : FileStamps(), FileStamp.entries(in: out))
        })
        // Consumed: the index and the stamps are taken over below, and a second reference to
        // their tables would copy them at the first change (and free both at the end).
        var old = consume readIndex
        var stamps = old == nil ? FileStamps() : consume recorded
        timings.end("read the build index and the stamps, list rules/")
        var known: Corpus.Known?
        if let documents = old?.documents {
            let groups = stamps.corpus
            known = { id, files in
                guard let recorded = groups[id], recorded == FileStamps.group(corpus: files) else { return nil }
                return documents[id]?.sha256
            }
        }
        let corpus: Corpus
        do {
            corpus = try Corpus.load(options.corpus, known: known)
        } catch {
            throw BuildError(description: error.description)
        }
        known = nil   // it holds the old index's documents, which the new index takes over below
        timings.end("list the corpus (\(corpus.documents.count) documents)")
        var report = Report()
        report.findings = corpus.findings
        for document in corpus.documents where document.readWhenListed {
            report.hashed += document.stamps.meta == nil ? 1 : 2
        }

        // 1. Which documents changed, and which works that touches.
        var reads: [String: ReadAct] = [:]
        // The works each document read changes: kept for the index after the documents go.
        var targetsRead: [String: Set<String>] = [:]
        var unreadable = Set<String>()   // read, and failed: reported once, not read again
        func record(_ entry: CorpusDocument, _ read: (act: ReadAct?, findings: [Finding])) {
            entry.releaseContent()   // what the build needs of the text is in the act now
            report.findings += read.findings
            if let act = read.act {
                reads[entry.id] = act
                targetsRead[entry.id] = act.targets
            } else {
                unreadable.insert(entry.id)
            }
        }
        func read(_ id: String) -> ReadAct? {
            if let cached = reads[id] { return cached }
            guard !unreadable.contains(id), let entry = corpus.document(id) else { return nil }
            record(entry, ReadAct.read(entry))
            return reads[id]
        }
        // Documents are independent: read those not read yet on every core at once, each
        // text let go as soon as its act is made (not once all are: at 10,000 works the texts
        // not yet read and the acts made weigh about as much).
        func read(_ entries: [CorpusDocument]) {
            let unread = entries.filter { reads[$0.id] == nil && !unreadable.contains($0.id) }
            let acts = Parallel.map(unread) { entry in
                defer { entry.releaseContent() }
                return ReadAct.read(entry)
            }
            for (entry, read) in zip(unread, acts) { record(entry, read) }
        }
        /// The works a document changes: as read in this build, else as `recorded` says (the
        /// old index's entry), else read now; sorted.
        func changes(of id: String, recorded: BuildIndex.Document?) -> [String] {
            if let targets = targetsRead[id] { return targets.sorted() }
            if let recorded { return recorded.changes }
            return read(id)?.targets.sorted() ?? []
        }
        var changed: [CorpusDocument] = []
        var affected = Set<String>()
        var changedDocuments = Set<String>()
        // Each corpus document's entry in the old index, in corpus order: looked up once (at
        // 10,000 works, each pass of 30,000 lookups in the index's dictionary costs 10 ms).
        var recordedAt: [BuildIndex.Document?] = []
        // True when every document the old index records is still in the corpus.
        var noneGone = true
        do {
            let recorded = old?.documents ?? [:]
            recordedAt.reserveCapacity(corpus.documents.count)
            var found = 0
            for entry in corpus.documents {
                let document = recorded[entry.id]
                recordedAt.append(document)
                if let document {
                    found += 1
                    if document.sha256 == entry.sha256 { continue }
                }
                changed.append(entry)
            }
            read(changed)
            for entry in changed {
                changedDocuments.insert(entry.id)
                affected.insert(entry.id)
                affected.formUnion(read(entry.id)?.targets ?? [])
                affected.formUnion(recorded[entry.id]?.changes ?? [])
            }
            noneGone = found == recorded.count
            if !noneGone {
                for (id, gone) in recorded where corpus.document(id) == nil {
                    changedDocuments.insert(id)
                    affected.insert(id)
                    affected.formUnion(gone.changes)
                }
            }
        }
        if old == nil { for entry in corpus.documents { affected.formUnion((read(entry.id)?.targets ?? []).union([entry.id])) } }

        timings.end("read the changed documents (\(reads.count))")

        // Works not otherwise rebuilt: their files must still be what the indexes say; a
        // hand-edited file is reported (and, unless checking, rebuilt). A file whose stamp
        // (size, times, inode) is the one the last build recorded is not hashed again.
        // (In any order: each is checked alone, and what is found is sorted.)
        var kept: [(id: String, index: String)] = []
        for (id, index) in old?.works ?? [:] where !affected.contains(id) { kept.append((id, index)) }
        // Kept works' files are stamped by their paths from `out`, opened once.
        let outFolder = open(out, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if outFolder >= 0 { close(outFolder) } }
        let verified = Parallel.map(kept) { [stamps] id, indexSHA256 in
            Self.verify(id, index: indexSHA256, in: out, folder: outFolder, stamps: stamps)
        }
        // The next build's stamps: these, with the groups updated where files were read,
        // written or found changed (a rebuild that changed one work updates a few groups).
        // Taken over, not copied: 60,000 groups at 10,000 works.
        let distrusted = stamps.distrusted, stampedIndex = stamps.index
        var newStamps = stamps
        stamps = FileStamps()
        var tampered: [(id: String, files: [String])] = []
        for (files, (id, _)) in zip(verified, kept) where !files.asRecorded {
            report.hashed += files.hashed
            if files.tampered.isEmpty {
                newStamps.set(work: id, files.group)
            } else {
                tampered.append((id, files.tampered))
                affected.insert(id)
            }
        }
        for (_, files) in tampered.sorted(by: { $0.id < $1.id }) { report.tampered += files }
        // Documents read cleanly (a document with findings is read again, to report them again).
        let reported = Set(corpus.findings.compactMap(\.work))
        for document in corpus.documents where document.readWhenListed || reported.contains(document.id) {
            newStamps.set(corpus: document.id, reported.contains(document.id) ? nil : FileStamps.group(corpus: document.stamps))
        }

        timings.end("check the files of the works kept (\(kept.count))")

        // 2. Every input of the works to rebuild.
        // (Documents are listed in id order.)
        let inputs = corpus.documents.indices.filter { index in
            let entry = corpus.documents[index]
            if affected.contains(entry.id) { return true }
            if let targets = targetsRead[entry.id] { return !targets.isDisjoint(with: affected) }
            if let recorded = recordedAt[index] { return recorded.changes.contains { affected.contains($0) } }
            return read(entry.id)?.targets.isDisjoint(with: affected) == false
        }.map { corpus.documents[$0] }
        read(inputs)
        let acts = inputs.compactMap { read($0.id) }
        report.read = targetsRead.count
        // The documents are the timeline's from here: each goes once the works it is or
        // changes are rendered.
        reads = [:]
        let timeline = Timeline.Inputs(consume acts, only: affected)
        report.findings += timeline.findings
        timings.end("read the inputs of the works to rebuild (\(targetsRead.count) documents in all)")

        // 3. Each work's history, built and rendered on the core that takes it, and its files
        // compared with what is there. Works are independent; a history goes once its files
        // are made, so the build holds the works under way, not every version of every work.
        var findingsOf: [String: [Finding]] = [:]
        for finding in timeline.findings { findingsOf[finding.work ?? "", default: []].append(finding) }
        var emitted: [String: String] = [:]   // work → its index's SHA-256
        // Written by the writer's thread while the cores render the next works (at most 64
        // works' files wait in memory); the outcomes are reported in id order.
        let findingsByWork = findingsOf, corpusFolder = options.corpus
        let ids = affected.sorted()
        // Ids come from corpus folder names and references, both checked; a build writes only
        // inside `out`, whatever an id holds.
        if let unsafe = ids.first(where: { !Corpus.isSafeID($0) }) {
            throw BuildError(description: "refusing to write work \"\(unsafe)\": not an id")
        }
        let writer = options.check ? nil : WorkWriter(staging: out + "/" + Self.stagingFolder)
        // The work folders there when the build started (nil: not known, each is looked at):
        // a work whose folder was not has no files to compare with (a full build's 30,000).
        let folders = listing.map { Set($0.map(\.name)) }
        let works = timeline.works
        // Per work: the findings of applying its edits; whether it has versions (a work with
        // none has no folder); what publishing it did, with `check` (else the writer says).
        let built = (consume timeline).histories { history, found -> (found: [Finding], rendered: Bool, planned: Emitted?) in
            guard !history.versions.isEmpty else { return (found, false, nil) }
            let id = history.work.id
            let rendered = Self.render(history, findings: (findingsByWork[id] ?? []) + found, corpus: corpusFolder)
            let publication = self.plan(rendered, into: out + "/" + id, isNew: folders.map { !$0.contains(id) } ?? false)
            guard let writer else { return (found, true, publication.emitted) }
            writer.submit(publication)
            return (found, true, nil)
        }
        let written = writer?.finish() ?? [:]
        var outcomeOf: [String: Emitted] = [:]
        for (work, built) in zip(works, built) {
            report.findings += built.found
            guard built.rendered else { continue }
            let outcome: Result<Emitted, BuildError> = built.planned.map { .success($0) }
                ?? written[work.id] ?? .failure(BuildError(description: "\(work.id) was not written"))
            outcomeOf[work.id] = try outcome.get()
        }
        for id in ids {
            guard let outcome = outcomeOf[id] else {
                let folder = out + "/" + id
                if FileManager.default.fileExists(atPath: folder) {
                    report.removed.append(id)
                    if !options.check { try remove(folder) }
                }
                continue
            }
            report.findings += outcome.findings
            if let summary = outcome.summary { report.changed.append((id, summary)) } else { report.unchanged.append(id) }
            emitted[id] = outcome.index
            if !options.check { newStamps.set(work: id, FileStamps.group(outcome.stamps)) }
        }

        timings.end("build, render and write the works rebuilt (\(outcomeOf.count))")

        // 4. The index: every document, every work; the old index's entries stand for the
        // documents not read again and the works not rebuilt. The old index is taken over, not
        // copied (60,000 entries at 10,000 works), and whether an entry changed is noted as it
        // is set.
        let hadIndex = old != nil
        var index = old.take() ?? BuildIndex()
        // Set anew: the documents read, and those whose SHA-256 is not the recorded one (the
        // changed ones); the others' entries stand.
        for entry in changed + targetsRead.keys.sorted().compactMap(corpus.document) {
            let recorded = index.documents[entry.id]
            index.set(document: entry.id, .init(sha256: entry.sha256, changes: changes(of: entry.id, recorded: recorded)))
        }
        for id in changedDocuments where corpus.document(id) == nil { index.set(document: id, nil) }
        for id in affected { index.set(work: id, emitted[id]) }
        // Work folders no corpus document is or changes any more (the folder as listed when
        // the build started: what this build wrote is in the index).
        let strays = (listing ?? []).filter { entry in
            entry.name != "schema" && entry.name.utf8.first != UInt8(ascii: ".") && index.works[entry.name] == nil
                && !report.removed.contains(entry.name)
        }
        for (name, kind) in strays.sorted(by: { $0.name < $1.name }) where kind != S_IFREG {
            var isDirectory: ObjCBool = false
            guard kind == S_IFDIR || FileManager.default.fileExists(atPath: options.out + "/" + name, isDirectory: &isDirectory)
                    && isDirectory.boolValue else { continue }
            report.removed.append(name)
            if !options.check { try remove(options.out + "/" + name) }
        }
        report.works = index.works.count
        for (name, schema) in RuleSetSchema.files {
            try write(Array(schema.utf8), to: options.out + "/schema/" + name, &report)
        }
        // Schemas of files this format no longer has (`version.schema.json` before format 10).
        let schemas = Set(RuleSetSchema.files.map(\.0))
        for name in (try? FileManager.default.contentsOfDirectory(atPath: options.out + "/schema")) ?? []
        where name.hasSuffix(".schema.json") && !schemas.contains(name) {
            report.sharedFilesChanged = true
            if !options.check { try remove(options.out + "/schema/" + name) }
        }
        // Last: the index says the build is complete. Unless no entry changed and the file is
        // the one the last build wrote (its stamp is the one the stamps go with): encoding and
        // comparing 200,000 entries was most of a rebuild that changed nothing.
        let sameIndex = hadIndex && stampedIndex != nil && !index.changed
        // Only groups of what is there: not of works no longer in the index (removed), nor of
        // documents gone from the corpus (looked for only when some went: the stamps read hold
        // groups only of documents the old index records).
        let goneWorks = newStamps.works.keys.filter { index.works[$0] == nil }
        for id in goneWorks { newStamps.set(work: id, nil) }
        if !noneGone {
            let goneDocuments = newStamps.corpus.keys.filter { corpus.document($0) == nil }
            for id in goneDocuments { newStamps.set(corpus: id, nil) }
        }
        // The stamps file already says it all when the index it goes with stays and its groups
        // are the ones read, every one trusted (a rebuild that changed nothing): its 60,000
        // lines at 10,000 works are then neither made nor compared with the file.
        let sameStamps = sameIndex && distrusted == 0 && !newStamps.changed
        timings.end("update the build index, remove strays, write the schemas")
        // The stamps' lines are made while the index is written (they do not depend on it).
        // Entries not changed are copied from the file read when the stamps vouch for it.
        let indexBytes = sameIndex ? nil : index.json(reusingRead: stampedIndex != nil), finalStamps = newStamps, skipStamps = options.check || sameStamps
        let (wroteIndex, stampLines) = Parallel.both({
            Result { () throws(BuildError) in
                guard let indexBytes else { return false }
                return try self.update(indexBytes, at: out + "/index.json")
            }
        }, { skipStamps ? [] : finalStamps.lines() })
        if try wroteIndex.get() { report.sharedFilesChanged = true }
        if !options.check {
            // The stamps only spare the next build some hashing: without them it hashes.
            if !sameStamps {
                try? newStamps.write(options.out, lines: stampLines, staging: options.out + "/" + Self.stagingFolder,
                                     distrusted: distrusted)
            }
            try? FileManager.default.removeItem(atPath: options.out + "/" + Self.stagingFolder)
        }
        timings.end("write the build index and the stamps")
        report.findings = Self.sorted(report.findings)
        for value: any Sendable in [corpus, index, newStamps, targetsRead, verified, recordedAt] {
            leftovers.keep(value)
        }
        report.timings = timings
        return report
    }

    /// The files of one work, rendered: its unit and fact tables, its index, and the findings
    /// of the consistency check. A pure function of the history, so works render in parallel.
    struct Rendered: Sendable {
        var work: String
        var versions: Int
        var texts: [String: [UInt8]] = [:]
        /// The SHA-256 of the work's index (which lists its tables'), for the build index.
        var index = ""
        var findings: [Finding] = []
    }

    static func render(_ history: WorkHistory, findings: [Finding], corpus: String) -> Rendered {
        var rendered = Rendered(work: history.work.id, versions: history.versions.count)
        var findings = findings
        var reported = Set<String>()
        // Versions oldest first: the tables' numbering.
        var units = UnitTable()
        let facts = WorkFacts()
        var changed: [[String]] = [], unitRuns: [[ClosedRange<Int>]] = [], factRuns: [[ClosedRange<Int>]] = []
        for version in history.versions {
            let placed = facts.place(version.root)
            let consistency = ReferenceCheck.findings(placed.resolved, of: version, work: history.work.id, corpus: corpus, reported: &reported)
            findings += consistency
            rendered.findings += consistency
            unitRuns.append(units.runs(of: version.root))
            factRuns.append(placed.runs)
            changed.append(units.changed)
        }
        var files: [String: String] = [:]   // table → SHA-256, for the work's index
        for (name, text) in [(RuleSetJSON.unitsFileName, RuleSetJSON.unitsFile(of: history.work, units.entries)),
                             (RuleSetJSON.factsFileName, RuleSetJSON.factsFile(of: history.work, facts.table.entries))] {
            rendered.texts[name] = text
            files[name] = SHA256.hex(text)
        }
        let index = Self.text(RuleSetJSON.index(history, changed: changed, units: unitRuns, facts: factRuns, files: files,
                                                findings: Self.sorted(findings)))
        rendered.texts[Self.workIndex] = index
        rendered.index = SHA256.hex(index)
        return rendered
    }

    /// What publishing one work's files did.
    struct Emitted: Sendable {
        var work: String
        /// The SHA-256 of the work's index, for the build index.
        var index: String
        /// The findings of the consistency check.
        var findings: [Finding]
        /// How the work's files changed (versions, files written and removed); nil when they
        /// came out byte-identical.
        var summary: String?
        /// The stamp of each of the work's files, by name in order (none with `check`).
        var stamps: [(name: String, stamp: FileStamp?)] = []
    }

    /// What publishing a work changes in its folder (with `check`, all there is to do): the
    /// tables and the index that differ from the files there, and the stale files (version
    /// files of formats before 10). Reads the folder, writes nothing; called from several
    /// threads at once, for different works. `WorkWriter` writes what it finds.
    /// `isNew`: the folder was not there when the build started (its files are not looked for).
    func plan(_ rendered: Rendered, into folder: String, isNew: Bool = false) -> Publication {
        let texts = rendered.texts
        var publication = Publication(folder: folder, names: texts.keys.sorted(),
                                      emitted: Emitted(work: rendered.work, index: rendered.index, findings: rendered.findings))
        var written: [String] = []
        for name in publication.names where name != Self.workIndex {
            guard let text = texts[name], isNew || !AtomicFile.holds(folder + "/" + name, text) else { continue }
            written.append(name)
            publication.tables.append((folder + "/" + name, text))
        }
        if let index = texts[Self.workIndex], isNew || !AtomicFile.holds(folder + "/" + Self.workIndex, index) {
            written.append(Self.workIndex)
            publication.index = index
        }
        let existing = isNew ? [] : (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        publication.stale = existing.filter { $0.hasSuffix(".json") && texts[$0] == nil }.sorted()
        if !written.isEmpty || !publication.stale.isEmpty {
            let versions = rendered.versions
            var summary = "\(versions) version\(versions == 1 ? "" : "s")"
            let newFiles = written.filter { $0 != Self.workIndex }
            if !newFiles.isEmpty { summary += "; wrote " + newFiles.joined(separator: ", ") }
            if !publication.stale.isEmpty { summary += "; removed " + publication.stale.joined(separator: ", ") }
            publication.emitted.summary = summary
        }
        return publication
    }

    /// A work's own index, beside its tables.
    static let workIndex = "index.json"

    /// What checking a kept work's files found.
    struct Verified: Sendable {
        /// The stamps of the work's files as found (nil when one is missing).
        var group: FileStamps.Group?
        /// True when they are the ones recorded (nothing was read).
        var asRecorded = false
        /// Files read and hashed.
        var hashed = 0
        /// Files (`<work>/<name>`) that are not what the indexes say.
        var tampered: [String] = []
    }

    /// Checks that a kept work's files are still the ones the last build wrote: the work's
    /// index has the SHA-256 the build index records, and each table the SHA-256 the work's
    /// index lists. When the stamps of the files the last build recorded are unchanged,
    /// nothing is read. Stamps are taken before bytes are read: an edit made while a file is
    /// hashed changes its stamp, and shows next time.
    /// `out` is the rules folder, `outFolder` the same folder opened (or -1: then every file
    /// is hashed).
    static func verify(_ id: String, index sha256: String, in out: String, folder outFolder: Int32,
                       stamps: FileStamps) -> Verified {
        if let recorded = stamps.works[id], outFolder >= 0,
           let group = FileStamps.group(inFolder: id, of: outFolder, names: recorded.names),
           group.digest == recorded.digest {
            return Verified(group: group, asRecorded: true)
        }
        let folder = out + "/" + id
        let indexStamp = FileStamp.stamps(in: folder, [workIndex])[0]
        guard let data = AtomicFile.read(folder + "/" + workIndex), SHA256.hex([UInt8](data)) == sha256,
              let files = filesListed(in: data) else {
            return Verified(group: nil, hashed: 1, tampered: [id + "/" + workIndex])
        }
        let names = files.keys.sorted()
        var found: [(name: String, stamp: FileStamp?)] = Array(zip(names, FileStamp.stamps(in: folder, names)))
        found.append((workIndex, indexStamp))
        let tampered = names.filter { name in
            files[name] != SHA256.hex([UInt8](AtomicFile.read(folder + "/" + name) ?? Data()))
        }
        return Verified(group: FileStamps.group(found.sorted { $0.name < $1.name }), hashed: names.count + 1,
                        tampered: tampered.map { id + "/" + $0 })
    }

    /// The files a work's index lists (its unit and fact tables), with their SHA-256; nil when
    /// it lists them another way or names a file outside the work's folder.
    static func filesListed(in data: Data) -> [String: String]? {
        guard let index = JSON.parse(data), let units = index["units"], let facts = index["facts"] else { return nil }
        var files: [String: String] = [:]
        for listed in [units, facts] {
            guard let name = listed["file"]?.string, let sha256 = listed["sha256"]?.string,
                  !name.isEmpty, !name.contains("/"), !name.hasPrefix("."), name != workIndex else { return nil }
            files[name] = sha256
        }
        return files
    }

    /// Writes a file outside the work folders (the build index, a schema) when it differs.
    func write(_ text: [UInt8], to path: String, _ report: inout Report) throws(BuildError) {
        if try update(text, at: path) { report.sharedFilesChanged = true }
    }

    /// Writes `text` to `path` (with `check`, only compares); true when the file differed.
    func update(_ text: [UInt8], at path: String) throws(BuildError) -> Bool {
        guard !AtomicFile.holds(path, text) else { return false }
        if !options.check { try write(text, to: path) }
        return true
    }

    func write(_ text: [UInt8], to path: String) throws(BuildError) {
        do {
            try AtomicFile.write(text, to: path, staging: options.out + "/" + Self.stagingFolder)
        } catch {
            throw BuildError(description: error.description)
        }
    }

    func remove(_ path: String) throws(BuildError) {
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw BuildError(description: "cannot remove \(path)")
        }
    }

    /// A rule-set file's bytes: one member per line, not indented (line diffs stay exact; a
    /// deep tree indented would be half again as large), and a final newline.
    static func text(_ json: JSON) -> [UInt8] {
        var bytes = json.utf8(.lines)
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    static func sorted(_ findings: [Finding]) -> [Finding] {
        findings.sorted { a, b in
            let pathA = a.location, pathB = b.location
            if pathA != pathB { return pathA < pathB }
            let startA = a.diagnostic.range?.start ?? -1, startB = b.diagnostic.range?.start ?? -1
            if startA != startB { return startA < startB }
            if a.diagnostic.id != b.diagnostic.id { return a.diagnostic.id < b.diagnostic.id }
            if a.work != b.work { return (a.work ?? "") < (b.work ?? "") }
            return a.diagnostic.message < b.diagnostic.message
        }
    }
}
