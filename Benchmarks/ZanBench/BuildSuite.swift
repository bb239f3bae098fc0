import Foundation
import ZanCorpusGen
import ZanEmit
import ZanICU
import ZanText
import ZanTimeline

/// `zan build` on generated corpora (`ZanCorpusGen`): W works of realistic shape and size, 20
/// rounds of amending orders, each changing 10 works — so 2·W orders and 21 versions per work.
/// Measures the full build (and per order), a second build with nothing changed, the incremental
/// build after one new order (which changes 10 works), growth between corpus sizes, and raw ICU
/// word break over the same text.
enum BuildSuite {
    static let rounds = 20

    static func run(works: [Int]) throws {
        var full: [Int: Double] = [:]
        for count in works { full[count] = try run(works: count) }
        let counts = works.sorted()
        if counts.count >= 2, let small = counts.first, let large = counts.last, let a = full[small], let b = full[large] {
            print(String(format: "build   growth: %d works ÷ %d works  %.1f× the time for %.0f× the works (linear ≈ %.0f)",
                         large, small, b / a, Double(large) / Double(small), Double(large) / Double(small)))
        }
    }

    /// Returns the full build's time.
    static func run(works count: Int) throws -> Double {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("zan-bench-build-\(getpid())-\(count)")
        defer { try? FileManager.default.removeItem(at: root) }
        let corpus = root.appendingPathComponent("corpus").path, out = root.appendingPathComponent("rules").path
        let generator = CorpusGenerator(.init(works: count, rounds: rounds))
        let summary = try generator.write(to: corpus)
        let documents = summary.works + summary.orders
        print("build   generated corpus: \(count) works, \(summary.orders) orders (\(rounds) rounds), "
              + String(format: "%.1f MB", Double(summary.bytes) / 1e6))

        let options = RuleSetBuild.Options(corpus: corpus, out: out)
        var report = RuleSetBuild.Report()
        // Each build timed alone: what the one before held is released before it starts.
        let full = Measure.time(runs: 1, warmUp: 0) { report = (try? RuleSetBuild(options).run()) ?? report }
        RuleSetBuild.waitForReleases()
        // Self-check: no errors, every work has all its versions, point 1 carries every word edit.
        let last = summary.workIDs[summary.workIDs.count - 1]
        guard report.works == documents, report.findings.allSatisfy({ $0.diagnostic.severity != Severity.error }),
              let history = try? RuleSetStore.load(last, from: out),
              history.versions.count == rounds + 1,
              case .found(let point1, _)? = Citation.parse("1-тармақ").map({ history.lookup($0[0], at: CivilDate(year: 2030, month: 1, day: 1)!) }),
              point1.fullText.contains("\(rounds)-нұсқа") else {
            throw BenchError("build self-check failed: \(report.works) works of \(documents), "
                             + "\(report.findings.filter { $0.diagnostic.severity == .error }.prefix(3).map(\.oneLine))")
        }
        let again = Measure.time(runs: 1, warmUp: 0) { report = (try? RuleSetBuild(options).run()) ?? report }
        RuleSetBuild.waitForReleases()
        guard !report.stale, report.changed.isEmpty else { throw BenchError("second build changed files") }
        _ = try generator.writeOrder(summary.nextOrder, to: corpus)
        RuleSetBuild.waitForReleases()
        let incremental = Measure.time(runs: 1, warmUp: 0) { report = (try? RuleSetBuild(options).run()) ?? report }
        RuleSetBuild.waitForReleases()
        let perOrder = generator.options.worksPerOrder
        guard report.changed.count == min(count, perOrder) + 1, report.read <= 2 * (rounds + 2) * perOrder else {
            throw BenchError("incremental build rebuilt \(report.changed.count) works, read \(report.read) documents")
        }
        // Raw ICU word break over the same texts, in the same process.
        var texts: [[UInt16]] = []
        for id in try FileManager.default.contentsOfDirectory(atPath: corpus) {
            if let data = FileManager.default.contents(atPath: corpus + "/" + id + "/kaz.txt") {
                texts.append(Array(String(decoding: data, as: UTF8.self).utf16))
            }
        }
        var status: Int32 = 0
        guard let iterator = zan_brk_open(0, "", &status) else { throw BenchError("ubrk_open failed") }
        defer { zan_brk_close(iterator) }
        let icu = Measure.time(runs: 1, warmUp: 0) { for text in texts { _ = RawICU.boundaries(iterator, text) } }
        let label = "build   \(count) works"
        print("\(label): full build          " + String(format: "%.2f s  (%.0f documents/s, %.2f MB/s, %.1f ms per order)",
                                                          full.median, Double(documents) / full.median,
                                                          Double(summary.bytes) / 1e6 / full.median, full.median * 1000 / Double(summary.orders)))
        print("\(label): rebuild, no change  " + String(format: "%.2f s", again.median))
        print("\(label): add one order       " + String(format: "%.2f s  (%d works rebuilt, %d documents read)",
                                                          incremental.median, report.changed.count, report.read))
        print("\(label): raw ICU word break  " + String(format: "%.2f s  ratio build ÷ raw ICU %.4f", icu.median, icu.median / full.median))
        print(String(format: "\(label): peak RSS so far      %.1f MB", Measure.peakRSSMegabytes()))
        return full.median
    }
}
