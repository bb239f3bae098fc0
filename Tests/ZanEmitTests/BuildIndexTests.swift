import Foundation
import Testing
@testable import ZanEmit
import ZanText

@Suite("The build index (rules/index.json) written and read back")
struct BuildIndexTests {
    func folder(_ index: [UInt8]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zan-index-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(index).write(to: URL(fileURLWithPath: folder + "/index.json"))
        return folder
    }

    @Test("what is written is read back; the bytes are the sorted-key JSON every rule-set file has")
    func roundTrip() throws {
        let index = BuildIndex(
            documents: ["V2": .init(sha256: String(repeating: "b", count: 64), changes: ["V1", "V3"]),
                        "V1": .init(sha256: String(repeating: "a", count: 64), changes: [])],
            works: ["V1": .init(inputs: ["V2": "x", "V1": "y\"z"], files: ["2024-01-01.json": "s", "2023-01-01.json": "t"])])
        let bytes = index.json
        let expected = RuleSetBuild.text(.object([
            "format": .int(RuleSetJSON.format),
            "documents": .object(index.documents.mapValues { .object(["sha256": .string($0.sha256), "changes": .array($0.changes.map(JSON.string))]) }),
            "works": .object(index.works.mapValues { .object(["inputs": .object($0.inputs.mapValues(JSON.string)), "files": .object($0.files.mapValues(JSON.string))]) }),
        ]))
        #expect(bytes == expected)
        let path = try folder(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let read = try #require(BuildIndex.read(path))
        #expect(read.documents.mapValues(\.changes) == index.documents.mapValues(\.changes))
        #expect(read.documents.mapValues(\.sha256) == index.documents.mapValues(\.sha256))
        #expect(read.works.mapValues(\.inputs) == index.works.mapValues(\.inputs) && read.works.mapValues(\.files) == index.works.mapValues(\.files))
    }

    @Test("many works, written in parallel chunks: the same bytes as the JSON value, and read back", arguments: [255, 512, 513, 5_000])
    func manyWorks(count: Int) throws {
        var works: [String: BuildIndex.WorkEntry] = [:]
        for number in 0..<count {
            let id = "V23" + String(100_000 + number * 7)
            works[id] = .init(inputs: [id: String(number), "V24" + String(number % 13): "i\(number)"],
                              files: number % 5 == 0 ? [:] : ["2024-01-\(10 + number % 9).json": "f\(number)"])
        }
        let index = BuildIndex(documents: ["V1": .init(sha256: "a", changes: Array(works.keys.sorted().prefix(3)))], works: works)
        let expected = RuleSetBuild.text(.object([
            "format": .int(RuleSetJSON.format),
            "documents": .object(index.documents.mapValues { .object(["sha256": .string($0.sha256), "changes": .array($0.changes.map(JSON.string))]) }),
            "works": .object(index.works.mapValues { .object(["inputs": .object($0.inputs.mapValues(JSON.string)), "files": .object($0.files.mapValues(JSON.string))]) }),
        ]))
        #expect(index.json == expected)
        let path = try folder(index.json)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(BuildIndex.read(path)?.works == works)
    }

    @Test("an index of another format, cut short, or of the wrong shape is not read (the build rebuilds everything)")
    func refused() throws {
        let good = BuildIndex(documents: ["V1": .init(sha256: "a", changes: [])], works: [:]).json
        let text = String(decoding: good, as: UTF8.self)
        for bad in [text.replacingOccurrences(of: "\"format\": \(RuleSetJSON.format)", with: "\"format\": 1"),
                    String(text.dropLast(4)), text.replacingOccurrences(of: "\"changes\": []", with: "\"changes\": [1]"),
                    text.replacingOccurrences(of: "\"sha256\": \"a\"", with: "\"sha256\": null"), "[]", ""] {
            let path = try folder(Array(bad.utf8))
            defer { try? FileManager.default.removeItem(atPath: path) }
            #expect(BuildIndex.read(path) == nil, "\(bad.prefix(80))")
        }
        let path = try folder(good)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(BuildIndex.read(path)?.documents["V1"]?.sha256 == "a")
    }
}
