import Foundation
import Testing
import ZanCorpusGen
import ZanTestSupport

/// `zan build` as a pipeline runs it: killed at any moment, run twice at once, given ids that
/// try to leave the output folder.
@Suite("zan build: atomic, locked, never outside --out", .serialized)
struct BuildReliabilityTests {
    /// A scratch folder with a generated corpus: `old` (the first half of the orders) and `new`
    /// (all of them), and the rules a clean build of `new` writes.
    struct Scene {
        let root: String
        let old: String
        let new: String
        let reference: String
        let oldRules: String

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("zan-kill-\(UUID().uuidString)").path
            new = root + "/corpus-new"
            old = root + "/corpus-old"
            reference = root + "/rules-reference"
            oldRules = root + "/rules-old"
            let options = CorpusGenerator.Options(works: 6, rounds: 4, worksPerOrder: 3, seed: 9, sizes: 6_000...20_000)
            let summary = try CorpusGenerator(options).write(to: new)
            let manager = FileManager.default
            try manager.copyItem(atPath: new, toPath: old)
            let orders = try manager.contentsOfDirectory(atPath: new).filter { !summary.workIDs.contains($0) }.sorted()
            for order in orders.suffix(orders.count / 2) { try manager.removeItem(atPath: old + "/" + order) }
            #expect(try ZanBinary.run(["build", "--corpus", new, "--out", reference]).status == 0)
            #expect(try ZanBinary.run(["build", "--corpus", old, "--out", oldRules]).status == 0)
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    /// Every published file under `folder` (not the private `.lock`, `.stamps`, `.staging/`),
    /// relative path → bytes.
    static func files(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !path.hasPrefix(".") else { continue }
            files[path] = FileManager.default.contents(atPath: folder + "/" + path)
        }
        return files
    }

    @Test("kill -9 at random moments: every file whole, every table a work's index names present; --check says stale; the next build completes the set byte for byte")
    func killLoop() throws {
        let scene = try Scene()
        defer { scene.remove() }
        let manager = FileManager.default
        // How long the build to be killed takes, to kill it anywhere from its start to its end.
        let timing = scene.root + "/rules-timing"
        try manager.copyItem(atPath: scene.oldRules, toPath: timing)
        let started = Date()
        #expect(try ZanBinary.run(["build", "--corpus", scene.new, "--out", timing]).status == 0)
        let duration = Date().timeIntervalSince(started)
        var random = SplitMix(seed: 2026)
        var killedMidway = 0
        // Eight rounds, or more (up to 16) until three kills have landed midway: the kill times are
        // drawn against one timed build, and under the load of the whole test suite the builds
        // of the loop can run faster than that one did.
        for round in 0..<16 where round < 8 || killedMidway < 3 {
            let rules = scene.root + "/rules-\(round)"
            try manager.copyItem(atPath: scene.oldRules, toPath: rules)
            let process = Process()
            process.executableURL = ZanBinary.url
            process.arguments = ["build", "--corpus", scene.new, "--out", rules]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(Double.random(in: 0.05...1.0, using: &random) * duration * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let killed = process.terminationReason == .uncaughtSignal

            // Every published file is whole JSON; every table a work's index names is there.
            for (path, data) in Self.files(rules) {
                #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "round \(round): \(path) is not whole JSON")
                guard path.hasSuffix("/index.json"), path.contains("/"),
                      let index = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
                let folder = (path as NSString).deletingLastPathComponent
                for table in ["units", "facts"] {
                    let file = (index[table] as? [String: Any])?["file"] as? String ?? "?"
                    #expect(manager.fileExists(atPath: rules + "/" + folder + "/" + file), "round \(round): \(folder)/index.json names \(file), which is missing")
                }
            }
            // --check tells a finished build from an unfinished one.
            let check = try ZanBinary.run(["build", "--corpus", scene.new, "--out", rules, "--check"])
            let complete = Self.files(rules).filter { !$0.key.hasPrefix(".staging/") } == Self.files(scene.reference)
            #expect(check.status == (complete ? 0 : 1), "round \(round): --check said \(check.stdout)")
            if killed && !complete { killedMidway += 1 }
            // The next build completes the set: byte for byte what a clean build writes.
            let rebuild = try ZanBinary.run(["build", "--corpus", scene.new, "--out", rules])
            #expect(rebuild.status == 0, "round \(round): \(rebuild.stderr)")
            #expect(Self.files(rules) == Self.files(scene.reference), "round \(round): the set differs after the rebuild")
            #expect(try ZanBinary.run(["build", "--corpus", scene.new, "--out", rules, "--check"]).status == 0)
            try? manager.removeItem(atPath: rules)
        }
        // The loop is worth something only if some kills landed while files were being written.
        #expect(killedMidway >= 3, "only \(killedMidway) kills left an unfinished set")
    }

    @Test("a second build while one holds rules/.lock exits 75 at once and says who holds it; --check too")
    func lock() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("zan-lock-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/rules", withIntermediateDirectories: true)
        // This test process plays the running build: it holds the lock.
        let descriptor = open(root + "/rules/.lock", O_RDWR | O_CREAT, 0o644)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        _ = "4242\n".withCString { write(descriptor, $0, 5) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let corpus = Golden.packageRoot.appendingPathComponent("corpus").path
        let build = try ZanBinary.run(["build", "--corpus", corpus, "--out", root + "/rules"])
        #expect(build.status == 75)
        #expect(build.stderr == "zan: error: zan build (pid 4242) is writing \(root)/rules/ (it holds \(root)/rules/.lock); wait for it to finish, then run again\n")
        #expect(!FileManager.default.fileExists(atPath: root + "/rules/index.json"), "nothing written")
        let check = try ZanBinary.run(["build", "--corpus", corpus, "--out", root + "/rules", "--check"])
        #expect(check.status == 75)
        // Released: the build runs.
        flock(descriptor, LOCK_UN)
        #expect(try ZanBinary.run(["build", "--corpus", corpus, "--out", root + "/rules"]).status == 0)
    }

    @Test("a corpus whose folder names try to leave: nothing is written outside --out")
    func onlyInsideOut() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("zan-out-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let manager = FileManager.default
        try manager.createDirectory(atPath: root + "/work/corpus", withIntermediateDirectories: true)
        let seed = Golden.packageRoot.appendingPathComponent("corpus/V2600038247/kaz.txt").path
        for name in ["V2600038247", "V26\u{2215}etc", "with space", "-leading-dash", String(repeating: "V", count: 65)] {
            try manager.createDirectory(atPath: root + "/work/corpus/" + name, withIntermediateDirectories: true)
            try manager.copyItem(atPath: seed, toPath: root + "/work/corpus/" + name + "/kaz.txt")
        }
        let before = Set(try manager.subpathsOfDirectory(atPath: root).filter { !$0.hasPrefix("work/rules") })
        let result = try ZanBinary.run(["build", "--corpus", "corpus", "--out", "rules"], in: URL(fileURLWithPath: root + "/work"))
        #expect(result.status == 1)
        for name in ["V26\u{2215}etc", "with space", "-leading-dash", String(repeating: "V", count: 65)] {
            #expect(result.stderr.contains("corpus/\(name): error: [corpus.bad-id] corpus folder \"\(name)\" is not an id"))
        }
        let after = Set(try manager.subpathsOfDirectory(atPath: root).filter { !$0.hasPrefix("work/rules") })
        #expect(after == before, "written outside rules/: \(after.subtracting(before).sorted())")
        #expect(try manager.contentsOfDirectory(atPath: root + "/work/rules").sorted() == [".lock", ".stamps", "V2300033763", "V2500035912", "V2600038247", "index.json", "schema"])
    }
}
