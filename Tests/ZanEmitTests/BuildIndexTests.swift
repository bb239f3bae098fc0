import Foundation
import Testing
@testable import ZanEmit
@testable import ZanTimeline
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

@Suite("The build's stamps (rules/.stamps): a digest per work and per corpus document")
struct FileStampsTests {
    let stamp = FileStamp(size: 10, modified: 1_000, changed: 2_000, inode: 7)

    @Test("a group's digest changes with any stamp field, any name, a missing file; no files is a group too")
    func groups() throws {
        let base = try #require(FileStamps.group([("a.json", stamp), ("b.json", stamp)]))
        #expect(base.latest == 2_000)
        var variants: [FileStamp] = []
        for change in 0..<4 {
            var other = stamp
            switch change {
            case 0: other.size += 1
            case 1: other.modified += 1
            case 2: other.changed += 1
            default: other.inode += 1
            }
            variants.append(other)
        }
        for other in variants {
            #expect(FileStamps.group([("a.json", stamp), ("b.json", other)])?.digest != base.digest)
        }
        #expect(FileStamps.group([("a.json", stamp), ("c.json", stamp)])?.digest != base.digest)
        #expect(FileStamps.group([("a.json", stamp), ("b.json", nil)]) == nil)
        #expect(FileStamps.group([])?.latest == 0)
        // A document without meta.json is not the same group as one with it.
        #expect(FileStamps.group(corpus: .init(text: stamp, meta: nil)) != FileStamps.group(corpus: .init(text: stamp, meta: stamp)))
    }

    @Test("written and read back with the index they go with; not with another index; recent groups distrusted")
    func roundTrip() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zan-stamps-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: folder + "/.staging", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("{}".utf8).write(to: URL(fileURLWithPath: folder + "/index.json"))
        let index = try #require(FileStamp(folder + "/index.json"))
        let old = try #require(FileStamps.group([("a.json", stamp)]))
        let future = try #require(FileStamps.group([("a.json", FileStamp(size: 1, modified: Int64.max / 2, changed: 1, inode: 1))]))
        let empty = try #require(FileStamps.group([]))
        let stamps = FileStamps(groups: ["V1": old, "V2": future, "@corpus/V3": old, "V4": empty])
        try stamps.write(folder, staging: folder + "/.staging", previous: FileStamps())
        let read = FileStamps.read(folder, index: index)
        #expect(read.index == index)
        #expect(read.vouches(for: "V1", old) && read.vouches(for: "@corpus/V3", old) && read.vouches(for: "V4", empty))
        #expect(!read.vouches(for: "V2", future), "a group from after the stamps file was written is not trusted")
        #expect(!read.vouches(for: "V1", future) && !read.vouches(for: "V9", old) && !read.vouches(for: "V1", nil))
        // Another build index (here: its stamp changed): nothing is trusted.
        var other = index
        other.inode += 1
        #expect(FileStamps.read(folder, index: other).groups.isEmpty)
        #expect(FileStamps.read(folder, index: nil).groups.isEmpty)
        // Written again since a group was distrusted, even with the same lines.
        let before = FileStamp(folder + "/.stamps")
        usleep(20_000)
        try stamps.write(folder, staging: folder + "/.staging", previous: read)
        #expect(FileStamp(folder + "/.stamps") != before)
        // Not written when it holds the same lines and trusted them all.
        let again = FileStamp(folder + "/.stamps")
        try stamps.write(folder, staging: folder + "/.staging", previous: FileStamps())
        #expect(FileStamp(folder + "/.stamps") == again)
    }
}
