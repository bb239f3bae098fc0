import Foundation
import Testing
import ZanCorpusGen
import ZanEmit
import ZanText
import ZanTimeline

@Suite("The benchmarks' corpus generator (smoke test; the benchmarks themselves are not run by swift test)")
struct CorpusGeneratorTests {
    func scratch() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zan-gen-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("deterministic, sized as asked; every formula applies: 3 works × 8 rounds build with no error")
    func smoke() throws {
        let options = CorpusGenerator.Options(works: 3, rounds: 8, worksPerOrder: 2, seed: 42, sizes: 5_000...20_000)
        let first = try scratch(), second = try scratch()
        defer { try? FileManager.default.removeItem(atPath: first); try? FileManager.default.removeItem(atPath: second) }
        let summary = try CorpusGenerator(options).write(to: first + "/corpus")
        _ = try CorpusGenerator(options).write(to: second + "/corpus")
        #expect(summary.works == 3 && summary.orders == 16)
        for id in summary.workIDs {
            let a = try #require(FileManager.default.contents(atPath: first + "/corpus/" + id + "/kaz.txt"))
            let b = try #require(FileManager.default.contents(atPath: second + "/corpus/" + id + "/kaz.txt"))
            #expect(a == b, "same seed, same text")
            #expect((5_000...22_000).contains(a.count), "\(id): \(a.count) bytes")
        }

        let report = try RuleSetBuild(.init(corpus: first + "/corpus", out: first + "/rules")).run()
        #expect(report.findings.filter { $0.diagnostic.severity == .error }.map(\.oneLine) == [])
        for id in summary.workIDs {
            let history = try RuleSetStore.load(id, from: first + "/rules")
            #expect(history.versions.count == 9, "\(id): an approval and 8 rounds")
            guard case .found(let point1, _) = history.lookup(Citation.parse("1-тармақ")![0], at: CivilDate(year: 2030, month: 1, day: 1)!) else {
                Issue.record("\(id): point 1 not found")
                continue
            }
            #expect(point1.fullText.contains("8-нұсқа"))
            // The state-service table of appendix 1 is read as one.
            let facts = ExtractFacts.facts(in: history.versions.last!.root).filter { $0.kind == .service }
            #expect(facts.count == 7, "\(id)")
        }
    }
}
