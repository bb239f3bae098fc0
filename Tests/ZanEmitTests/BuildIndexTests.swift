import Foundation
import Testing
import ZanCorpusGen
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
            works: ["V1": String(repeating: "c", count: 64), "V2": "y\"z"])
        let bytes = index.json
        let expected = RuleSetBuild.text(.object([
            "format": .int(RuleSetJSON.format),
            "documents": .object(index.documents.mapValues { .object(["sha256": .string($0.sha256), "changes": .array($0.changes.map(JSON.string))]) }),
            "works": .object(index.works.mapValues(JSON.string)),
        ]))
        #expect(bytes == expected)
        let path = try folder(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let read = try #require(BuildIndex.read(path))
        #expect(read.documents.mapValues(\.changes) == index.documents.mapValues(\.changes))
        #expect(read.documents.mapValues(\.sha256) == index.documents.mapValues(\.sha256))
        #expect(read.works == index.works)
    }

    @Test("many documents, written in parallel chunks: the same bytes as the JSON value, and read back", arguments: [255, 512, 513, 5_000])
    func manyDocuments(count: Int) throws {
        var documents: [String: BuildIndex.Document] = [:]
        var works: [String: String] = [:]
        for number in 0..<count {
            let id = "V23" + String(100_000 + number * 7)
            documents[id] = .init(sha256: "s\(number)", changes: number % 5 == 0 ? [] : [id, "V24" + String(number % 13)])
            if number % 3 != 0 { works[id] = "w\(number)" }
        }
        let index = BuildIndex(documents: documents, works: works)
        let expected = RuleSetBuild.text(.object([
            "format": .int(RuleSetJSON.format),
            "documents": .object(index.documents.mapValues { .object(["sha256": .string($0.sha256), "changes": .array($0.changes.map(JSON.string))]) }),
            "works": .object(index.works.mapValues(JSON.string)),
        ]))
        #expect(index.json == expected)
        let path = try folder(index.json)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let read = try #require(BuildIndex.read(path))
        #expect(read.documents == documents && read.works == works)
    }

    @Test("an index read back and changed in a few entries writes the unchanged ones as read: the bytes of writing it whole", arguments: 0..<12)
    func reusingRead(seed: UInt64) throws {
        var random = SplitMix(seed: seed)
        func id() -> String { ["V23", "V24", "V2", "Ä", "V23-1_"][Int(random.next() % 5)] + String(random.next() % 400) }
        func document() -> BuildIndex.Document {
            .init(sha256: SHA256.hex(String(random.next())), changes: (0..<Int(random.next() % 3)).map { _ in id() }.sorted())
        }
        var written = BuildIndex()
        for _ in 0..<(seed == 0 ? 0 : 300) {
            written.set(document: id(), document())
            if random.next() % 3 != 0 { written.set(work: id(), SHA256.hex(String(random.next()))) }
        }
        let path = try folder(written.json)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var index = try #require(BuildIndex.read(path))
        #expect(!index.changed && index.encode(reusingRead: true) == (written.json, true))
        // Entries set to what they hold already are no change.
        for (key, value) in written.documents.prefix(5) { index.set(document: key, value) }
        for (key, value) in written.works.prefix(5) { index.set(work: key, value) }
        #expect(!index.changed)
        // Added, changed and removed entries, anywhere in key order (before the first, after the last).
        let edits = Int(seed % 4) * 7
        for _ in 0..<edits {
            let key = random.next() % 4 == 0 ? (index.documents.keys.sorted().randomElement(using: &random) ?? id()) : id()
            switch random.next() % 4 {
            case 0: index.set(document: key, nil)
            case 1: index.set(work: key, nil)
            case 2: index.set(work: key, SHA256.hex(String(random.next())))
            default: index.set(document: key, document())
            }
        }
        index.set(document: "0", document())
        index.set(work: "ÿ", "last")
        #expect(index.changed)
        let whole = BuildIndex(documents: index.documents, works: index.works).json
        #expect(index.encode(reusingRead: true) == (whole, true))
        #expect(index.json == whole)
    }

    @Test("an index read from a file not in key order (not one a build wrote) is written whole, in key order")
    func reusingUnordered() throws {
        let text = "{\n\"documents\": {\n\"V2\": {\n\"changes\": [],\n\"sha256\": \"b\"\n},\n\"V1\": {\n\"changes\": [],\n\"sha256\": \"a\"\n}\n},\n"
            + "\"format\": \(RuleSetJSON.format),\n\"works\": {}\n}\n"
        let path = try folder(Array(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var index = try #require(BuildIndex.read(path))
        index.set(work: "V1", "c")
        let whole = BuildIndex(documents: index.documents, works: index.works).json
        #expect(index.encode(reusingRead: true) == (whole, false))
    }

    @Test("a work's index lists its unit and fact tables with their SHA-256; a name outside the folder is refused")
    func versionFiles() throws {
        func index(units: (String, String)? = ("units.json", "u"), facts: (String, String)? = ("facts.json", "f")) -> Data {
            var members: [String: JSON] = ["versions": .array([.object(["units": .array([]), "facts": .array([])])])]
            if let units { members["units"] = .object(["file": .string(units.0), "sha256": .string(units.1)]) }
            if let facts { members["facts"] = .object(["file": .string(facts.0), "sha256": .string(facts.1)]) }
            return Data(RuleSetBuild.text(.object(members)))
        }
        #expect(RuleSetBuild.filesListed(in: index()) == ["units.json": "u", "facts.json": "f"])
        for bad in ["../x.json", "a/b.json", ".stamps", "", "index.json"] {
            #expect(RuleSetBuild.filesListed(in: index(units: (bad, "u"))) == nil, "units \(bad)")
            #expect(RuleSetBuild.filesListed(in: index(facts: (bad, "f"))) == nil, "facts \(bad)")
        }
        #expect(RuleSetBuild.filesListed(in: index(units: nil)) == nil, "no unit table")
        #expect(RuleSetBuild.filesListed(in: index(facts: nil)) == nil, "no fact table")
        #expect(RuleSetBuild.filesListed(in: Data("{}".utf8)) == nil)
        #expect(RuleSetBuild.filesListed(in: Data("{\"units\": {\"file\": \"units.json\"}}".utf8)) == nil)
    }

    @Test("an index of another format, cut short, or of the wrong shape is not read (the build rebuilds everything)")
    func refused() throws {
        let good = BuildIndex(documents: ["V1": .init(sha256: "a", changes: [])], works: [:]).json
        let text = String(decoding: good, as: UTF8.self)
        for bad in [text.replacingOccurrences(of: "\"format\": \(RuleSetJSON.format)", with: "\"format\": 1"),
                    String(text.dropLast(4)), text.replacingOccurrences(of: "\"changes\": []", with: "\"changes\": [1]"),
                    text.replacingOccurrences(of: "\"sha256\": \"a\"", with: "\"sha256\": null"),
                    text.replacingOccurrences(of: "\"works\": {}", with: "\"works\": {\"V1\": {\"files\": {}}}"), "[]", ""] {
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
        // A work's group keeps its files' names; a corpus document's names are fixed, not kept.
        #expect(base.names == "a.json b.json")
        #expect(FileStamps.group(corpus: .init(text: stamp, meta: stamp))?.names == "")
        // A document without meta.json is not the same group as one with it.
        #expect(FileStamps.group(corpus: .init(text: stamp, meta: nil)) != FileStamps.group(corpus: .init(text: stamp, meta: stamp)))
    }

    @Test("a work's files stamped in one pass from the names a group holds, by their paths from the open rules folder: the group the stamps give; nil when one is missing")
    func groupInFolder() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("zan-group-\(UUID().uuidString)").path
        let work = "V2400000001", folder = parent + "/V2400000001"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let opened = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        try #require(opened >= 0)
        defer { close(opened) }
        let names = ["2024-01-01.json", "2025-02-03.json", "index.json"]
        for (number, name) in names.enumerated() {
            try Data(repeating: UInt8(number), count: number * 100).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        func group(_ names: String, in folder: String = work) -> FileStamps.Group? {
            FileStamps.group(inFolder: folder, of: opened, names: names)
        }
        let expected = try #require(FileStamps.group(names.map { ($0, FileStamp(folder + "/" + $0)) }))
        #expect(expected.names == "2024-01-01.json 2025-02-03.json index.json")
        #expect(group(expected.names) == expected)
        #expect(group("index.json") == FileStamps.group([("index.json", FileStamp(folder + "/index.json"))]))
        #expect(group("") == FileStamps.group([]))
        // A name that leaves the folder is refused even when it names a file that is there.
        for bad in ["2024-01-01.json gone.json", "2024-01-01.json  index.json", "../x", "./index.json",
                    "../" + work + "/index.json", String(repeating: "a", count: 5_000)] {
            #expect(group(bad) == nil, "\(bad)")
        }
        // So is a folder that is not one name in the rules folder.
        for bad in ["no-such-folder", "", ".", "..", work + "/.", "../" + URL(fileURLWithPath: parent).lastPathComponent + "/" + work] {
            #expect(group("index.json", in: bad) == nil, "\(bad)")
        }
        // A change to any file is a change to the group.
        usleep(20_000)
        try Data("changed".utf8).write(to: URL(fileURLWithPath: folder + "/2025-02-03.json"))
        #expect(group(expected.names)?.digest != expected.digest)
    }

    @Test("setting a group notes a change only when the group differs: added, replaced, removed")
    func setNotesChanges() throws {
        let group = try #require(FileStamps.group([("a.json", stamp)]))
        var other = stamp
        other.size += 1
        let changed = try #require(FileStamps.group([("a.json", other)]))
        var stamps = FileStamps(works: ["V1": group], corpus: ["V1": group])
        stamps.set(work: "V1", group)
        stamps.set(corpus: "V1", group)
        stamps.set(work: "V2", nil)
        #expect(!stamps.changed)
        for change in 0..<4 {
            var copy = stamps
            switch change {
            case 0: copy.set(work: "V1", changed)
            case 1: copy.set(corpus: "V2", group)
            case 2: copy.set(corpus: "V1", nil)
            default: copy.set(work: "V1", nil)
            }
            #expect(copy.changed, "\(change)")
        }
        #expect(!stamps.changed)
    }

    @Test("stamps read back and changed in a few groups write the others' lines as read: the lines of writing them whole", arguments: 0..<8)
    func linesReusingRead(seed: UInt64) throws {
        var random = SplitMix(seed: seed)
        func id() -> String { ["V23", "V24", "V2", "A-", "V23_"][Int(random.next() % 5)] + String(random.next() % 300) }
        func group() throws -> FileStamps.Group {
            let names = (0..<Int(random.next() % 4)).map { "202\($0)-01-0\(random.next() % 9 + 1).json" } + ["index.json"]
            let stamp = FileStamp(size: Int64(random.next() % 5_000), modified: Int64(random.next() % 1_000_000),
                                  changed: 1_000_000, inode: random.next() % 99_999)
            return try #require(FileStamps.group(names.map { ($0, stamp) }))
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zan-stamps-lines-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/.staging", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("{}".utf8).write(to: URL(fileURLWithPath: folder + "/index.json"))
        var written = FileStamps()
        for _ in 0..<(seed == 0 ? 0 : 200) {
            written.set(work: id(), try group())
            written.set(corpus: id(), FileStamps.group(corpus: .init(text: stamp, meta: random.next() % 2 == 0 ? nil : stamp)))
        }
        try written.write(folder, lines: written.lines(), staging: folder + "/.staging", distrusted: 0)
        var stamps = FileStamps.read(folder, index: FileStamp(folder + "/index.json"))
        #expect(stamps.works == written.works && stamps.corpus == written.corpus)
        #expect(stamps.encodeLines() == (written.lines(), true))
        for _ in 0..<Int(seed % 4) * 9 {
            let key = random.next() % 3 == 0 ? (stamps.works.keys.sorted().randomElement(using: &random) ?? id()) : id()
            switch random.next() % 4 {
            case 0: stamps.set(work: key, nil)
            case 1: stamps.set(corpus: key, nil)
            case 2: stamps.set(corpus: key, FileStamps.group(corpus: .init(text: stamp, meta: nil)))
            default: stamps.set(work: key, try group())
            }
        }
        stamps.set(work: "0", try group())
        stamps.set(corpus: "zz", try group())
        #expect(stamps.encodeLines() == (FileStamps(works: stamps.works, corpus: stamps.corpus).lines(), true))
        #expect(FileStamps(works: stamps.works, corpus: stamps.corpus).encodeLines().copied == false)
    }

    @Test("a digest is written as 64 lowercase hex digits and read back; anything else is refused")
    func digestHex() throws {
        let digest = FileStamps.Digest(SHA256.digest(Array("stamps".utf8)))
        var hex: [UInt8] = []
        digest.appendHex(to: &hex)
        #expect(String(decoding: hex, as: UTF8.self) == SHA256.hex(Array("stamps".utf8)))
        func read(_ text: String) -> FileStamps.Digest? {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { FileStamps.Digest(hex: $0[...]) }
        }
        #expect(read(String(decoding: hex, as: UTF8.self)) == digest)
        let text = String(decoding: hex, as: UTF8.self)
        for bad in [text.uppercased(), String(text.dropLast()), text + "0", String(text.dropLast()) + "g", String(text.dropLast()) + "/", ""] {
            #expect(read(bad) == nil, "\(bad)")
        }
        #expect(read(String(repeating: "0", count: 64)) != digest)
        // Every byte in the first and the last place: taken exactly when a lowercase hex digit,
        // as its value.
        for byte in UInt8(0)...UInt8(255) {
            for place in [0, 63] {
                var bytes = Array(repeating: UInt8(ascii: "0"), count: 64)
                bytes[place] = byte
                let parsed = bytes.withUnsafeBufferPointer { FileStamps.Digest(hex: $0[...]) }
                let value: UInt64? = switch byte {
                case 0x30...0x39: UInt64(byte - 0x30)
                case 0x61...0x66: UInt64(byte - 0x61 + 10)
                default: nil
                }
                let expected = value.map { place == 0 ? ($0 << 60, UInt64(0), UInt64(0), UInt64(0)) : (0, 0, 0, $0) }
                #expect(parsed?.words.0 == expected?.0 && parsed?.words.3 == expected?.3 && (parsed == nil) == (value == nil),
                        "byte \(byte) at \(place)")
            }
        }
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
        let corpus = try #require(FileStamps.group(corpus: .init(text: stamp, meta: nil)))
        // A document and a work may have the same id: they are kept apart.
        let stamps = FileStamps(works: ["V1": old, "V2": future, "V3": old, "V4": empty], corpus: ["V3": corpus, "V1": corpus])
        try stamps.write(folder, lines: stamps.lines(), staging: folder + "/.staging", distrusted: 0)
        let read = FileStamps.read(folder, index: index)
        #expect(read.index == index)
        // A group from after the stamps file was written is not trusted (V2).
        #expect(read.works == ["V1": old, "V3": old, "V4": empty])
        #expect(read.corpus == ["V3": corpus, "V1": corpus])
        #expect(read.works["V1"]?.names == "a.json" && read.works["V4"]?.names == "")
        // Another build index (here: its stamp changed): nothing is trusted.
        var other = index
        other.inode += 1
        #expect(FileStamps.read(folder, index: other).works.isEmpty && FileStamps.read(folder, index: other).corpus.isEmpty)
        #expect(FileStamps.read(folder, index: nil).works.isEmpty)
        // A damaged line: nothing is trusted.
        let text = try String(contentsOfFile: folder + "/.stamps", encoding: .utf8)
        for damaged in [text.replacingOccurrences(of: "\ta.json", with: ""), text.replacingOccurrences(of: "@corpus/V3\t", with: "@corpus/V3\tx"),
                        text.replacingOccurrences(of: "zan-stamps", with: "zan-stamp")] {
            try Data(damaged.utf8).write(to: URL(fileURLWithPath: folder + "/.stamps"))
            let again = FileStamps.read(folder, index: index)
            #expect(again.works.isEmpty && again.corpus.isEmpty, "\(damaged.prefix(200))")
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/.stamps"))
        // Written again since a group was distrusted, even with the same lines.
        let before = FileStamp(folder + "/.stamps")
        usleep(20_000)
        try stamps.write(folder, lines: stamps.lines(), staging: folder + "/.staging", distrusted: read.distrusted)
        #expect(FileStamp(folder + "/.stamps") != before)
        // Not written when it holds the same lines and trusted them all.
        let again = FileStamp(folder + "/.stamps")
        try stamps.write(folder, lines: stamps.lines(), staging: folder + "/.staging", distrusted: 0)
        #expect(FileStamp(folder + "/.stamps") == again)
    }
}
