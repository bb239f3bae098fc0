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
        var cold: [Double] = []
        for run in 0..<21 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: zan)
            process.arguments = ["show", work, "13-тармақ", "--at", "2024-03-15", "--rules", out]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            let start = DispatchTime.now().uptimeNanoseconds
            try process.run()
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            guard process.terminationStatus == 0, String(decoding: output, as: UTF8.self).contains("13.") else {
                throw BenchError("query self-check failed: zan show exited \(process.terminationStatus)")
            }
            if run > 0 { cold.append(elapsed) }   // the first run warms the file cache
        }
        cold.sort()
        print(String(format: "query   cold `zan show` process  median %.1f ms  (%.1f–%.1f)", cold[cold.count / 2], cold.first!, cold.last!))
    }
}
