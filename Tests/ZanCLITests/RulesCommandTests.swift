import Foundation
import Testing
import ZanTestSupport
import ZanText

/// Runs the schema validator on a rules folder (.ci/run installs Python's jsonschema).
func validateRules(_ folder: String) throws -> (status: Int32, output: String) {
    try ExternalTool.validateRules(folder)
}

/// A copy of the bundled corpus in a scratch folder, and `zan build` on it, expected to succeed.
struct BundledCorpusBuild {
    let scratch: ScratchFolder
    let corpus: String, out: String

    init(_ name: String) throws {
        scratch = try ScratchFolder(name)
        corpus = scratch.path + "/corpus"
        out = scratch.path + "/rules"
        try FileManager.default.copyItem(atPath: Golden.packageRoot.appendingPathComponent("corpus").path, toPath: corpus)
    }

    /// `zan build`'s standard output; a failed build is reported where it was asked for.
    func build(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try ZanBinary.run(["build", "--corpus", corpus, "--out", out])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)", sourceLocation: sourceLocation)
        return result.stdout
    }

    /// Replaces the digest recorded in `rules/.stamps` for `key` (a work id, `@corpus/<id>`) by
    /// zeros: the next build cannot trust that group's stamps.
    func spoilStamps(of key: String) throws {
        let path = out + "/.stamps"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix(key + "\t") }, "\(text.prefix(300))")
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        try #require(fields.count == 4, "\(line)")
        let digest = fields[2]
        try Data(text.replacingOccurrences(of: String(digest), with: String(repeating: "0", count: 64)).utf8)
            .write(to: URL(fileURLWithPath: path))
    }
}

@Suite("zan build")
struct BuildCommandTests {
    @Test("the committed rules/ is what a build of the bundled corpus writes (zan build --check)")
    func committedRulesAreFresh() throws {
        let result = try ZanBinary.run(["build", "--check"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("rules/ is up to date"))
    }

    #if os(Linux)
    @Test("zan allocates with jemalloc: a build frees each work as it goes, which fragmented glibc's heap (Sources/ZanMalloc)")
    func allocator() throws {
        // jemalloc prints its statistics at exit when asked; glibc's malloc ignores the variable.
        let result = try ZanBinary.run(["--version"], environment: ["MALLOC_CONF": "stats_print:true"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("jemalloc statistics"), "\(result.stderr.prefix(200))")
        // With its settings (Sources/ZanMalloc): freed pages kept for reuse.
        #expect(result.stderr.contains("opt.dirty_decay_ms: 3600000"))
        #expect(result.stderr.contains("opt.oversize_threshold: 1048576"))
    }
    #endif

    @Test("every file of the committed rules/ validates against the published JSON Schema")
    func committedRulesValidate() throws {
        let result = try validateRules(Golden.packageRoot.appendingPathComponent("rules").path)
        #expect(result.status == 0, "\(result.output) — .ci/run installs python3-jsonschema when missing")
        #expect(result.output.contains("files valid"))
    }

    @Test("the validator fails a file the schema refuses, a run beyond the work's facts.json or units.json, and units that are not one tree")
    func validatorRefuses() throws {
        let scratch = try ScratchFolder("validator")
        let rules = scratch.path + "/rules"
        try FileManager.default.copyItem(atPath: Golden.packageRoot.appendingPathComponent("rules").path, toPath: rules)
        let index = rules + "/V2500035943/index.json", table = rules + "/V2500035943/facts.json", units = rules + "/V2500035943/units.json"
        func count(_ path: String, _ member: String) throws -> Int {
            try #require((try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])?[member] as? [Any]).count
        }
        let facts = try count(table, "facts"), unitCount = try count(units, "units")
        let text = try String(contentsOfFile: index, encoding: .utf8)
        /// The index with `run` put first in the (only) version's `member` runs.
        func withRun(_ member: String, _ run: (Int, Int)) throws {
            var edited = text
            let versions = try #require(edited.range(of: "\"versions\"")).upperBound
            let runs = try #require(edited.range(of: "\"\(member)\": [", range: versions..<edited.endIndex)).upperBound
            edited.insert(contentsOf: "\n[\n\(run.0),\n\(run.1)\n],", at: runs)
            try edited.write(toFile: index, atomically: true, encoding: .utf8)
        }
        try withRun("facts", (facts - 1, facts))
        let beyond = try validateRules(rules)
        #expect(beyond.status == 1)
        #expect(beyond.output.contains("index.json: at /versions/0/facts/0: [\(facts - 1), \(facts)] is not a run of the \(facts) entries of facts.json"), "\(beyond.output)")
        try withRun("units", (unitCount, unitCount))
        let unitsBeyond = try validateRules(rules)
        #expect(unitsBeyond.output.contains("index.json: at /versions/0/units/0: [\(unitCount), \(unitCount)] is not a run of the \(unitCount) entries of units.json"), "\(unitsBeyond.output)")
        try withRun("units", (0, 0))
        let twoRoots = try validateRules(rules)
        #expect(twoRoots.status == 1)
        #expect(twoRoots.output.contains("index.json: at /versions/0/units: the units of units.json these runs give are not one tree"), "\(twoRoots.output)")
        try text.write(toFile: index, atomically: true, encoding: .utf8)
        #expect(try validateRules(rules).status == 0)
        try Data(#"{"format": 8, "work": "V2500035943"}"#.utf8).write(to: URL(fileURLWithPath: table))
        let schema = try validateRules(rules)
        #expect(schema.status == 1)
        #expect(schema.output.contains("facts.json: facts.schema.json: at /: 'facts' is a required property"), "\(schema.output)")
        try Data("{}".utf8).write(to: URL(fileURLWithPath: rules + "/V2500035943/2025-04-15.json"))
        #expect(try validateRules(rules).output.contains("2025-04-15.json: not a file of a rules/ folder"))
    }

    @Test("build, rebuild (no byte changes), check, edit a corpus file, check again")
    func incremental() throws {
        let scratch = try ScratchFolder("build")
        let corpus = scratch.path + "/corpus", out = scratch.path + "/rules"
        try FileManager.default.copyItem(atPath: Golden.packageRoot.appendingPathComponent("corpus").path, toPath: corpus)
        let first = try ZanBinary.run(["build", "--corpus", corpus, "--out", out])
        #expect(first.status == 0, "\(first.stderr)")
        for work in ["V2300033763", "V2500035912", "V2100023983", "V2500035943", "V2600038247"] {
            #expect(FileManager.default.fileExists(atPath: "\(out)/\(work)/index.json"), "no rules for \(work)")
        }
        let index = try #require(FileManager.default.contents(atPath: out + "/V2300033763/index.json"))
        let second = try ZanBinary.run(["build", "--corpus", corpus, "--out", out])
        #expect(second.status == 0)
        #expect(second.stdout.contains("no file changed"))
        #expect(second.stdout.contains("0 documents read"))
        #expect(FileManager.default.contents(atPath: out + "/V2300033763/index.json") == index)
        #expect(try ZanBinary.run(["build", "--corpus", corpus, "--out", out, "--check"]).status == 0)
        #expect(try validateRules(out).status == 0)

        // Order 115 gets a publication date: the works it changes go stale and are rebuilt; others are not.
        try Data("{\"published\": \"2025-04-01\"}\n".utf8).write(to: URL(fileURLWithPath: corpus + "/V2500035943/meta.json"))
        let stale = try ZanBinary.run(["build", "--corpus", corpus, "--out", out, "--check"])
        #expect(stale.status == 1)
        #expect(stale.stdout.contains("stale V2300033763"))
        let rebuilt = try ZanBinary.run(["build", "--corpus", corpus, "--out", out])
        #expect(rebuilt.status == 0)
        #expect(rebuilt.stdout.contains("updated V2100023983"))
        #expect(rebuilt.stdout.contains("updated V2300033763"))
        #expect(!rebuilt.stdout.contains("V2500035912"), "a work Order 115 does not change was rebuilt")
        let versions = try String(contentsOfFile: out + "/V2300033763/index.json", encoding: .utf8)
        #expect(versions.contains("\"2025-04-12\"") && !versions.contains("\"2025-04-15\""), "Order 115's version starts on its new date")

        // A hand-edited output file is caught.
        try Data("{}".utf8).write(to: URL(fileURLWithPath: out + "/V2500035912/units.json"))
        let tampered = try ZanBinary.run(["build", "--corpus", corpus, "--out", out, "--check"])
        #expect(tampered.status == 1)
        #expect(try ZanBinary.run(["build", "--corpus", corpus, "--out", out]).status == 0)
        #expect(try ZanBinary.run(["build", "--corpus", corpus, "--out", out, "--check"]).status == 0)
    }

    @Test("hand-edited files of several kept works are reported in work order; --timings names each phase")
    func tamperedInOrder() throws {
        let bundled = try BundledCorpusBuild("tampered")
        _ = try bundled.build()
        // Edited in the opposite order to the works' (the check takes kept works in any order).
        let edits = ["V2600038247/units.json", "V2500035912/facts.json", "V2300033763/units.json"]
        for file in edits { try Data("{}".utf8).write(to: URL(fileURLWithPath: bundled.out + "/" + file)) }
        let result = try ZanBinary.run(["build", "--corpus", bundled.corpus, "--out", bundled.out, "--timings"])
        #expect(result.status == 0, "\(result.stderr)")
        let rebuilt = result.stdout.split(separator: "\n").filter { $0.hasPrefix("rebuilt ") }.map(String.init)
        #expect(rebuilt == edits.reversed().map { "rebuilt \(bundled.out)/\($0): differs from the index (edited by hand?)" },
                "\(result.stdout)")
        let timings = result.stderr.split(separator: "\n").filter { $0.hasPrefix("timing: ") }
        #expect(timings.count == 9, "\(result.stderr)")
        #expect(timings.first?.hasSuffix(" ms  read the build index and the stamps, list rules/") == true)
        #expect(timings.contains { $0.hasSuffix(" ms  check the files of the works kept (5)") }, "\(timings)")
        #expect(timings.last?.hasSuffix(" ms  total") == true)
        #expect(try ZanBinary.run(["build", "--corpus", bundled.corpus, "--out", bundled.out, "--check"]).status == 0)
    }

    @Test("a rebuild trusts the stamps of files it wrote, and still catches a same-size edit in place")
    func stamps() throws {
        let bundled = try BundledCorpusBuild("stamps")
        let corpus = bundled.corpus, out = bundled.out
        _ = try bundled.build()
        // Stamps from the clock tick the stamps file is written in are not trusted. A second
        // build a second later (coarse file times tick in seconds) hashes those files and
        // writes the stamps file again after that tick: from then on, every stamp is trusted.
        usleep(1_100_000)
        _ = try bundled.build()
        let before = (FileStamp(out + "/index.json"), FileStamp(out + "/.stamps"))
        let trusted = try bundled.build()
        #expect(trusted.contains("; 0 files hashed;") && trusted.contains("no file changed"), "\(trusted)")
        // A rebuild that changed nothing writes nothing, not even the build index or the stamps.
        #expect(before.0 != nil && before.1 != nil)
        #expect(FileStamp(out + "/index.json") == before.0 && FileStamp(out + "/.stamps") == before.1)
        let work = "V2500035912", version = work + "/units.json"
        let files = try FileManager.default.contentsOfDirectory(atPath: out + "/" + work).count

        // Stamps whose digest is not the work's: its files (its index and tables) are hashed,
        // and found intact.
        try bundled.spoilStamps(of: work)
        let distrusted = try bundled.build()
        #expect(distrusted.contains("; \(files) files hashed;") && distrusted.contains("no file changed"), "\(distrusted)")
        // That build wrote the stamps again, with the work's true digest: the next one trusts them.
        let retrusted = try bundled.build()
        #expect(retrusted.contains("; 0 files hashed;") && retrusted.contains("no file changed"), "\(retrusted)")

        // A same-size edit in place changes the change time: hashed, caught, rebuilt.
        usleep(50_000)
        let handle = try #require(FileHandle(forUpdatingAtPath: out + "/" + version))
        try handle.seek(toOffset: 2)
        let original = try #require(try handle.read(upToCount: 1))
        try handle.seek(toOffset: 2)
        try handle.write(contentsOf: Data([original[0] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")]))
        try handle.close()
        let caught = try bundled.build()
        #expect(caught.contains("edited by hand") && caught.contains(version), "\(caught)")
        #expect(try ZanBinary.run(["build", "--corpus", corpus, "--out", out, "--check"]).status == 0)

        // Stamps that go with another build index (here the same bytes, written anew) are not
        // used: every file is hashed, nothing is reported.
        usleep(1_100_000)
        _ = try bundled.build()
        let index = try Data(contentsOf: URL(fileURLWithPath: out + "/index.json"))
        try FileManager.default.removeItem(atPath: out + "/index.json")
        try index.write(to: URL(fileURLWithPath: out + "/index.json"))
        let reindexed = try bundled.build()
        #expect(!reindexed.contains("; 0 files hashed;") && reindexed.contains("no file changed"), "\(reindexed)")

        // No stamps at all: every file is hashed, nothing is reported.
        try FileManager.default.removeItem(atPath: out + "/.stamps")
        let plain = try bundled.build()
        #expect(!plain.contains("; 0 files hashed;") && plain.contains("no file changed"), "\(plain)")
    }

    @Test("a kept work's files are checked through its index: an edited index, a missing unit or fact table, an edit with no stamps; an old version file is removed")
    func keptWorkIndex() throws {
        let bundled = try BundledCorpusBuild("kept-index")
        let corpus = bundled.corpus, out = bundled.out
        _ = try bundled.build()
        let work = "V2500035912", folder = out + "/" + work
        // The build index records the SHA-256 of each work's index, which lists its tables'.
        let workIndex = try Data(contentsOf: URL(fileURLWithPath: folder + "/index.json"))
        let buildIndex = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/index.json"))) as? [String: Any])
        #expect((buildIndex["works"] as? [String: String])?[work] == SHA256.hex([UInt8](workIndex)))
        let facts = try #require((try JSONSerialization.jsonObject(with: workIndex) as? [String: Any])?["facts"] as? [String: String])
        #expect(facts == ["file": "facts.json", "sha256": SHA256.hex([UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/facts.json"))))])
        let units = try #require((try JSONSerialization.jsonObject(with: workIndex) as? [String: Any])?["units"] as? [String: String])
        #expect(units == ["file": "units.json", "sha256": SHA256.hex([UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/units.json"))))])

        /// Flips one byte of `path` in place (same size), so that only its stamp and bytes change.
        func flip(_ path: String, at offset: UInt64) throws {
            usleep(50_000)
            let handle = try #require(FileHandle(forUpdatingAtPath: path))
            try handle.seek(toOffset: offset)
            let original = try #require(try handle.read(upToCount: 1))
            try handle.seek(toOffset: offset)
            try handle.write(contentsOf: Data([original[0] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")]))
            try handle.close()
        }
        // The work's own index, edited in place: caught, rebuilt.
        try flip(folder + "/index.json", at: 2)
        let index = try bundled.build()
        #expect(index.contains("rebuilt \(out)/\(work)/index.json: differs from the index (edited by hand?)"), "\(index)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/index.json")) == workIndex)
        // The unit and fact tables, removed, then edited in place without stamps: each found by
        // its SHA-256 in the work's index, and written again.
        for table in ["units.json", "facts.json"] {
            try FileManager.default.removeItem(atPath: folder + "/" + table)
            #expect(try bundled.build().contains("rebuilt \(out)/\(work)/\(table)"))
            try FileManager.default.removeItem(atPath: out + "/.stamps")
            try flip(folder + "/" + table, at: 2)
            let edited = try bundled.build()
            #expect(edited.contains("rebuilt \(out)/\(work)/\(table)"), "\(edited)")
        }
        // A version file of a format before 10 in a work's folder: removed when the work is
        // rebuilt (as every work is on a new format; here, with no build index).
        try Data("{}".utf8).write(to: URL(fileURLWithPath: folder + "/2026-07-12.json"))
        try FileManager.default.removeItem(atPath: out + "/index.json")
        #expect(try bundled.build().contains("removed 2026-07-12.json"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/2026-07-12.json"))
        #expect(try ZanBinary.run(["build", "--corpus", corpus, "--out", out, "--check"]).status == 0)
    }

    @Test("a rebuild trusts the stamps of corpus documents it read: unchanged ones are not read or hashed; edits, a new meta.json are seen")
    func corpusStamps() throws {
        let bundled = try BundledCorpusBuild("corpus-stamps")
        let corpus = bundled.corpus, out = bundled.out
        _ = try bundled.build()
        usleep(1_100_000)   // past the clock tick of the first stamps file (see the test above)
        #expect(try bundled.build().contains(" 0 documents read"))
        #expect(try bundled.build().contains("; 0 files hashed;"))
        // Stamps whose digest is not the untouched order's: the build hashes its text (proof
        // the stamps, not the bytes, were used before), finds it unchanged and reads nothing.
        try bundled.spoilStamps(of: "@corpus/V2600038247")
        let distrusted = try bundled.build()
        #expect(distrusted.contains("; 1 file hashed;") && distrusted.contains(" 0 documents read"), "\(distrusted)")

        // A same-size edit in place: the change time moves, the document is hashed and read.
        usleep(1_100_000)
        _ = try bundled.build()
        let text = corpus + "/V2600038247/kaz.txt"
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: text)))
        let at = try #require(bytes.indices.dropFirst(bytes.count / 2).first { bytes[$0] == 0xD0 && bytes[$0 + 1] == 0xB0 })   // "а"
        bytes[at + 1] = 0xBE   // "о": the same length
        let handle = try #require(FileHandle(forUpdatingAtPath: text))
        try handle.write(contentsOf: Data(bytes))
        try handle.close()
        let edited = try bundled.build()
        #expect(edited.contains("updated V2600038247") && !edited.contains(" 0 documents read"), "\(edited)")
        // A meta.json where there was none: seen too.
        try Data(#"{"published": "2026-07-01"}"#.utf8).write(to: URL(fileURLWithPath: corpus + "/V2600038247/meta.json"))
        let meta = try bundled.build()
        #expect(meta.contains("rebuilt unchanged") && !meta.contains(" 0 documents read"), "\(meta)")
        #expect(try ZanBinary.run(["build", "--corpus", corpus, "--out", out, "--check"]).status == 0)
    }

    @Test("the synthetic corpus builds with its errors reported, located, exit 1; the output validates")
    func errors() throws {
        let scratch = try ScratchFolder("synthetic")
        let result = try ZanBinary.run(["build", "--corpus", "Tests/Fixtures/timeline/synthetic/corpus", "--out", scratch.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains(
            "Tests/Fixtures/timeline/synthetic/corpus/V2400090002/kaz.txt:15:1: error: [timeline.target-not-found] paragraph 99"))
        #expect(try validateRules(scratch.path).status == 0)
        let index = try #require(FileManager.default.contents(atPath: scratch.path + "/V2400090001/index.json"))
        #expect(String(decoding: index, as: UTF8.self).contains("timeline.words-not-found"))
    }

    @Test("a missing corpus folder is an I/O error")
    func missingCorpus() throws {
        let result = try ZanBinary.run(["build", "--corpus", "no/such/corpus", "--check"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no/such/corpus: no such corpus folder"))
    }
}

@Suite("zan show, history, versions")
struct QueryCommandTests {
    @Test("point 13 on 2026-07-12: Order 130's wording with its provenance")
    func showCurrent() throws {
        let result = try ZanBinary.run(["show", "V2300033763", "13-тармақ", "--at", "2026-07-12"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"цифрлық үкімет\"") && result.stdout.contains("6 (алты) жұмыс күнін құрайды"))
        #expect(result.stdout.contains("provenance: V2600038247 para_1 (replace) V2600038247/kaz.txt:39:1"))
        #expect(!result.stdout.contains("provisional"))
    }

    @Test("point 13 on 2026-07-11: Order 115's wording, provisional, earliest 2025-04-15")
    func showProvisional() throws {
        let result = try ZanBinary.run(["show", "V2300033763", "13-тармақ", "--at", "2026-07-11"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"электрондық үкімет\""))
        #expect(result.stdout.contains("provisional: in force from 2025-04-15 at the earliest"))
        #expect(result.stdout.contains("provenance: V2500035943"))
    }

    @Test("exit codes: 3 not in corpus, 4 not in force, 1 unknown work, 64 usage")
    func exitCodes() throws {
        let before = try ZanBinary.run(["show", "V2300033763", "13-тармақ", "--at", "2025-04-01"])
        #expect(before.status == 3)
        #expect(before.stdout.contains("not in the corpus") && before.stdout.contains("V2500035943"))
        #expect(try ZanBinary.run(["show", "V2500035912", "4-тармақтың бірінші бөлігі", "--at", "2026-07-12"]).status == 3)
        #expect(try ZanBinary.run(["show", "V2300033763", "13-тармақ", "--at", "2020-01-01"]).status == 4)
        #expect(try ZanBinary.run(["show", "V2999999999", "13-тармақ", "--at", "2026-07-12"]).status == 1)
        #expect(try ZanBinary.run(["show", "V2300033763", "13-тармақ", "--at", "12.07.2026"]).status == 64)
        #expect(try ZanBinary.run(["show", "V2300033763", "мынадай редакцияда", "--at", "2026-07-12"]).status == 64)
    }

    @Test("a subpoint, a part with its subpoints, a point of a new edition, an eId, JSON")
    func showOther() throws {
        let sub = try ZanBinary.run(["show", "V2300033763", "24-тармақтың 19) тармақшасы", "--at", "2026-08-01"])
        #expect(sub.status == 0 && sub.stdout.contains("provenance: V2500035943"))
        let part = try ZanBinary.run(["show", "V2500035912", "4-тармақтың екінші бөлігі", "--at", "2026-07-12"])
        #expect(part.status == 0)
        #expect(part.stdout.contains("Уәкілетті орган цифрлық жүйелер арқылы:") && part.stdout.contains("\n3) мемлекеттік мекемелердің"))
        let point = try ZanBinary.run(["show", "V2100023983", "9-тармақтың 2) тармақшасы", "--at", "2025-06-01"])
        #expect(point.status == 0 && point.stdout.contains("provisional") && point.stdout.contains("2) коммуналдық мемлекеттік мекеменің"))
        let json = try ZanBinary.run(["show", "V2300033763", "att_1__para_13", "--at", "2026-07-12", "--format", "json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "found")
        let node = try #require(object["node"] as? [String: Any])
        #expect((node["provenance"] as? [String: Any])?["act"] as? String == "V2600038247")
    }

    @Test("the wording's interval: from the version that set it to the next change of the unit, not the version's")
    func wordingInterval() throws {
        // Subpoint 24.19 keeps Order 115's wording when Order 130's version starts: the wording's
        // interval spans both versions. Point 13 changes in each.
        let kept = try ZanBinary.run(["show", "V2300033763", "24-тармақтың 19) тармақшасы", "--at", "2026-08-01"])
        #expect(kept.status == 0)
        #expect(kept.stdout.contains("version: [2026-07-12, …) amended by V2600038247"))
        #expect(kept.stdout.contains("wording in force: [2025-04-15 (provisional: earliest possible), …)"))
        let changed = try ZanBinary.run(["show", "V2300033763", "13-тармақ", "--at", "2026-07-11"])
        #expect(changed.stdout.contains("wording in force: [2025-04-15 (provisional: earliest possible), 2026-07-12)"))
    }

    @Test("show reads the index and the unit table: the fact table may be gone; a missing unit table is named")
    func showReadsOneVersion() throws {
        let scratch = try ScratchFolder("show-one")
        let rules = Golden.packageRoot.appendingPathComponent("rules").path
        try FileManager.default.createDirectory(atPath: scratch.path + "/rules", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: rules + "/V2300033763", toPath: scratch.path + "/rules/V2300033763")
        let whole = try ZanBinary.run(["show", "V2300033763", "13-тармақ", "--at", "2026-07-12"])
        try FileManager.default.removeItem(atPath: scratch.path + "/rules/V2300033763/facts.json")
        let one = try ZanBinary.run(["show", "V2300033763", "13-тармақ", "--at", "2026-07-12", "--rules", scratch.path + "/rules"])
        #expect(one.status == 0 && one.stdout == whole.stdout)
        #expect(one.stdout.contains("wording in force: [2026-07-12, …)"))
        try FileManager.default.removeItem(atPath: scratch.path + "/rules/V2300033763/units.json")
        #expect(try ZanBinary.run(["versions", "V2300033763", "--rules", scratch.path + "/rules"]).status == 0, "versions reads the index only")
        let missing = try ZanBinary.run(["show", "V2300033763", "13-тармақ", "--at", "2026-07-12", "--rules", scratch.path + "/rules"])
        #expect(missing.status == 1 && missing.stderr.contains("units.json: not a Zan rule-set file (missing)"), "\(missing.stderr)")
    }

    @Test("history lists both wordings of point 13; versions lists the intervals")
    func history() throws {
        let result = try ZanBinary.run(["history", "V2300033763", "13-тармақ"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("paragraph 13: 2 versions"))
        #expect(result.stdout.contains("1. [2025-04-15 (provisional: earliest possible), 2026-07-12) from V2500035943 — provisional"))
        #expect(result.stdout.contains("2. [2026-07-12, …) from V2600038247"))
        let versions = try ZanBinary.run(["versions", "V2300033763"])
        #expect(versions.status == 0)
        #expect(versions.stdout.contains("[2026-07-12, …) amended by V2600038247"))
        #expect(versions.stdout.contains("text not in corpus"))
    }
}

@Suite("zan add")
struct AddCommandTests {
    @Test("adds under the header's id, says what it changes, refuses a duplicate and a file without an id")
    func add() throws {
        let scratch = try ScratchFolder("add")
        let corpus = scratch.path + "/corpus"
        let added = try ZanBinary.run(["add", "corpus/V2500035943/kaz.txt", "--published", "2025-04-08", "--corpus", corpus])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("added V2500035943"))
        #expect(added.stdout.contains("changes V2100023983"))
        #expect(added.stdout.contains("changes V2300033763"))
        #expect(added.stdout.contains("in force from 2025-04-19"))
        #expect(added.stdout.contains("3 instruction sentences: 3 understood, 0 not understood"))
        #expect(FileManager.default.contents(atPath: corpus + "/V2500035943/kaz.txt")
                == FileManager.default.contents(atPath: Golden.packageRoot.appendingPathComponent("corpus/V2500035943/kaz.txt").path))
        let meta = String(decoding: FileManager.default.contents(atPath: corpus + "/V2500035943/meta.json") ?? Data(), as: UTF8.self)
        #expect(meta == "{\n  \"published\": \"2025-04-08\"\n}\n")
        let duplicate = try ZanBinary.run(["add", "corpus/V2500035943/kaz.txt", "--corpus", corpus])
        #expect(duplicate.status == 1 && duplicate.stderr.contains("already in the corpus"))
        let fragment = try ZanBinary.run(["add", "Tests/Fixtures/edits/fragment-broken/input.txt", "--corpus", corpus])
        #expect(fragment.status == 1 && fragment.stderr.contains("cannot derive the id"))
        #expect(try ZanBinary.run(["add", "no/such.txt", "--corpus", corpus]).status == 1)
        #expect(try ZanBinary.run(["add", "corpus/V2500035943/kaz.txt", "--published", "8 April", "--corpus", corpus]).status == 64)
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus)
        #expect(names == ["V2500035943"], "a refused document left something behind: \(names)")
    }
}

@Suite("zan build: consistency of the facts (Tests/Fixtures/facts/synthetic)")
struct FactsConsistencyTests {
    @Test("a point struck out while another cites it: one located warning, exit 0; the term's change is a rule value change")
    func danglingReference() throws {
        let scratch = try ScratchFolder("facts-synthetic")
        let corpus = "Tests/Fixtures/facts/synthetic/corpus"
        let result = try ZanBinary.run(["build", "--corpus", corpus, "--out", scratch.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.components(separatedBy: "[facts.dangling-reference]").count - 1 == 1)
        #expect(result.stderr.contains(corpus + "/V2400092002/kaz.txt:7:1: warning: [facts.dangling-reference] att_1__para_3 refers («Осы Қағидалардың 5-тармағында») to paragraph 5 (by V2400092002), which is struck out in the version in force from 2024-04-01"))
        let index = try #require(FileManager.default.contents(atPath: scratch.path + "/V2400092001/index.json"))
        #expect(String(decoding: index, as: UTF8.self).contains("\"id\": \"facts.dangling-reference\""))
        #expect(try validateRules(scratch.path).status == 0)

        let facts = try ZanBinary.run(["facts", "V2400092001", "--at", "2024-04-01", "--kind", "reference", "--rules", scratch.path])
        #expect(facts.stdout.contains("att_1__para_3  reference  in_act=false scope=\"internal\" status=\"dangling\"  «Осы Қағидалардың 5-тармағында»"))
        let before = try ZanBinary.run(["facts", "V2400092001", "--at", "2024-03-31", "--kind", "reference", "--rules", scratch.path])
        #expect(before.stdout.contains("status=\"resolved\""))

        let diff = try ZanBinary.run(["diff", "V2400092001", "--from", "2024-03-31", "--to", "2024-04-01", "--rules", scratch.path])
        #expect(diff.stdout.contains("3 [att_1__para_3]: duration 5 working days within → 7 working days within"))
        #expect(diff.stdout.contains("2 [att_1__para_2]: channel portal электрондық үкіметтің www.egov.kz → portal цифрлық үкіметтің www.egov.kz"))
    }
}
