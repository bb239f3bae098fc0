import Foundation
import ZanCorpusGen
import ZanEmit
import ZanText
import ZanTimeline

/// Point-in-time queries on a large work: one generated work of about 1 MB with 20 rounds of
/// amendments, built once. `zan show` as a new process (cold: load, parse the citation, read the
/// version file, print) and, in the library, lookups of random points on random dates (p50, p99).
enum QuerySuite {
    static func run() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("zan-bench-query-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        let corpus = root.appendingPathComponent("corpus").path, out = root.appendingPathComponent("rules").path
        let generator = CorpusGenerator(.init(works: 1, rounds: 20, worksPerOrder: 1, seed: 7, sizes: 1_000_000...1_000_000))
        let summary = try generator.write(to: corpus)
        let report = try RuleSetBuild(.init(corpus: corpus, out: out)).run()
        RuleSetBuild.waitForReleases()   // not freed while queries are timed
        let work = summary.workIDs[0]
        let history = try RuleSetStore.load(work, from: out)
        guard report.findings.allSatisfy({ $0.diagnostic.severity != .error }), history.versions.count == 21 else {
            throw BenchError("query self-check failed: \(history.versions.count) versions")
        }
        print("query   one work of " + String(format: "%.2f MB", Double(summary.bytes) / 1e6) + ", \(history.versions.count) versions")

        // In the library: random points on random dates, after one load.
        var random = SystemRandomNumberGenerator()
        let points = history.versions.last!.root.children.last!.children.filter { $0.kind == .paragraph }.count
        var samples: [Double] = []
        var found = 0
        for _ in 0..<5_000 {
            let point = Int.random(in: 1...max(1, points), using: &random)
            let date = CivilDate(year: 2024, month: Int.random(in: 3...4, using: &random), day: Int.random(in: 1...28, using: &random))!
            let start = DispatchTime.now().uptimeNanoseconds
            let citation = Citation.parse("\(point)-тармақ")!
            if case .found = history.lookup(citation[0], at: date) { found += 1 }
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        // Self-check: point 1 on the last day has the last round's word.
        guard case .found(let point1, _) = history.lookup(Citation.parse("1-тармақ")![0], at: CivilDate(year: 2030, month: 1, day: 1)!),
              point1.fullText.contains("20-нұсқа"), found > 4_000 else {
            throw BenchError("query self-check failed: \(found) of 5000 lookups found")
        }
        samples.sort()
        print(String(format: "query   in-library lookup (citation parse + version + unit)  p50 %.3f ms  p99 %.3f ms",
                     samples[samples.count / 2], samples[samples.count * 99 / 100]))

        // Cold: `zan show` as a new process, next to this executable.
        let zan = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("zan").path
        guard FileManager.default.isExecutableFile(atPath: zan) else {
            print("query   cold `zan show`: skipped (no zan executable beside zan-bench; run `swift build -c release` first)")
            return
        }
        /// Wall times of `zan ARGUMENTS` as a new process, after one warm-up run. Spawned with
        /// posix_spawn, output to a file: Foundation's `Process` adds tens of milliseconds of
        /// its own from a process this large.
        let outputPath = root.appendingPathComponent("show-output.txt").path
        func coldRuns(_ arguments: [String], check: (Int32, String) -> Bool) throws -> [Double] {
            var times: [Double] = []
            for run in 0..<21 {
                let start = DispatchTime.now().uptimeNanoseconds
                let status = try spawn(zan, arguments, output: outputPath)
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
                guard check(status, output) else {
                    throw BenchError("query self-check failed: zan \(arguments.joined(separator: " ")) exited \(status)")
                }
                if run > 0 { times.append(elapsed) }   // the first run warms the file cache
            }
            return times.sorted()
        }
        let baseline = try coldRuns(["--version"]) { status, _ in status == 0 }
        let cold = try coldRuns(["show", work, "13-тармақ", "--at", "2024-03-15", "--rules", out]) { status, output in
            status == 0 && output.contains("13.") && output.contains("wording in force:")
        }
        print(String(format: "query   cold `zan show` process  median %.1f ms  (%.1f–%.1f); `zan --version` %.1f ms (starting a process)",
                     cold[cold.count / 2], cold.first!, cold.last!, baseline[baseline.count / 2]))
    }

    /// Runs `program` with `arguments`, its stdout to `output`, its stderr to /dev/null; its exit status.
    static func spawn(_ program: String, _ arguments: [String], output: String) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, program, &actions, nil, argv, environ)
        guard result == 0 else { throw BenchError("cannot start \(program): error \(result)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw BenchError("waitpid failed: \(errno)") }
        }
        // Exited normally: the exit code; killed by a signal: 128 + the signal, as a shell says.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
