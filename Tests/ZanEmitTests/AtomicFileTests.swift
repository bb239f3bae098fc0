import Foundation
import Testing
@testable import ZanEmit
import ZanTimeline
import ZanTestSupport

@Suite("Atomic writes of several files with one flush, and the writer of a build's works")
struct AtomicFileTests {
    func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The files (not folders) under `folder`.
    func filesLeft(under folder: String) -> [String] {
        let all = FileManager.default.subpaths(atPath: folder) ?? []
        return all.filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder) && !isFolder.boolValue
        }
    }

    @Test("a path's folder and last component, cut at its slashes, are NSString's")
    func pathParts() {
        for path in ["rules/V1/index.json", "index.json", "/index.json", "a//b.json", "rules/V1/", "./x/y", "/", "a/b/c/d.json",
                     "rules/Қағида/units.json", "../out/V2/facts.json", ""] {
            let parent = (path as NSString).deletingLastPathComponent
            #expect(AtomicFile.folder(of: path) == (parent.isEmpty ? "." : parent), "\(path)")
            #expect(AtomicFile.lastComponent(of: path) == (path as NSString).lastPathComponent, "\(path)")
        }
        // Where Foundation on Linux traps ("a/") or answers oddly ("//"): the slashes at the end do not count.
        #expect(AtomicFile.folder(of: "a/") == "." && AtomicFile.lastComponent(of: "a/") == "a")
        #expect(AtomicFile.folder(of: "//") == "/" && AtomicFile.lastComponent(of: "//") == "/")
    }

    @Test("a folder is made with the folders above it; one there already is fine; a file in its place is an error")
    func folders() throws {
        let scratch = try ScratchFolder("atomic-folders")
        try AtomicFile.makeFolder(scratch.path + "/a/b/c")
        try AtomicFile.makeFolder(scratch.path + "/a/b/c")
        try AtomicFile.makeFolder(scratch.path + "/a/b/c/")
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: scratch.path + "/a/b/c", isDirectory: &isFolder) && isFolder.boolValue)
        #expect(FileManager.default.createFile(atPath: scratch.path + "/a/file", contents: Data("x".utf8)))
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.makeFolder(scratch.path + "/a/file") }
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.makeFolder(scratch.path + "/a/file/below") }
    }

    @Test("every file holds its new bytes, an old one is replaced, new folders are made, and nothing is left in staging, not even a folder")
    func writesAll() throws {
        let scratch = try ScratchFolder("atomic-all")
        let staging = scratch.path + "/.staging"
        try FileManager.default.createDirectory(atPath: scratch.path + "/W1", withIntermediateDirectories: true)
        try AtomicFile.write(Array("old".utf8), to: scratch.path + "/W1/2024-01-01.json")
        let files = [("W1/2024-01-01.json", "new one"), ("W1/2025-02-02.json", "two"), ("W2/sub/2026-03-03.json", "three")]
        try AtomicFile.write(all: files.map { (scratch.path + "/" + $0.0, Array($0.1.utf8)) }, staging: staging)
        for (path, text) in files { #expect(contents(scratch.path + "/" + path) == text, "\(path)") }
        #expect(filesLeft(under: staging).isEmpty)
        // Nor the subfolders the temporary files were made in.
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging) == [])
        try AtomicFile.write(all: [], staging: staging)
    }

    @Test("when one file cannot be written, none is: the old files stay and the temporary files are removed")
    func allOrNone() throws {
        let scratch = try ScratchFolder("atomic-none")
        let staging = scratch.path + "/.staging"
        try AtomicFile.write(Array("old".utf8), to: scratch.path + "/W1/a.json")
        // A file where the second one's folder would be.
        try AtomicFile.write(Array("a file".utf8), to: scratch.path + "/blocked")
        let files = [(scratch.path + "/W1/a.json", Array("new".utf8)), (scratch.path + "/blocked/b.json", Array("b".utf8))]
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write(all: files, staging: staging) }
        #expect(contents(scratch.path + "/W1/a.json") == "old")
        #expect(filesLeft(under: staging).isEmpty)
    }

    @Test("stages: no file of a stage is renamed into place until every file of the stage before it is")
    func stagesInOrder() throws {
        let scratch = try ScratchFolder("atomic-stages")
        let staging = scratch.path + "/.staging"
        for name in ["W1/units.json", "W1/index.json", "W2/index.json"] {
            try AtomicFile.write(Array("old".utf8), to: scratch.path + "/" + name)
        }
        // A folder where W2's table would go: its rename fails after W1's table is in place.
        try FileManager.default.createDirectory(atPath: scratch.path + "/W2/units.json/inside", withIntermediateDirectories: true)
        let tables = [(scratch.path + "/W1/units.json", Array("new".utf8)), (scratch.path + "/W2/units.json", Array("new".utf8))]
        let indexes = [(scratch.path + "/W1/index.json", Array("new".utf8)), (scratch.path + "/W2/index.json", Array("new".utf8))]
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write(stages: [tables, indexes], staging: staging) }
        #expect(contents(scratch.path + "/W1/units.json") == "new")
        #expect(contents(scratch.path + "/W1/index.json") == "old")
        #expect(contents(scratch.path + "/W2/index.json") == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging) == [], "the temporaries and their folders are gone")

        try FileManager.default.removeItem(atPath: scratch.path + "/W2/units.json")
        try AtomicFile.write(stages: [tables, indexes], staging: staging)
        for name in ["W1/units.json", "W1/index.json", "W2/units.json", "W2/index.json"] {
            #expect(contents(scratch.path + "/" + name) == "new", "\(name)")
        }
        // Each temporary was renamed, and the folder it was made in removed.
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging) == [])
    }

    @Test("a stage that goes to more folders than are flushed one by one: every file in place, in each of them")
    func manyFolders() throws {
        let scratch = try ScratchFolder("atomic-many-folders")
        let works = (1...AtomicFile.foldersFlushedOneByOne + 3).map { "W\($0)" }
        let tables = works.map { (scratch.path + "/" + $0 + "/units.json", Array("units of \($0)".utf8)) }
        let indexes = works.map { (scratch.path + "/" + $0 + "/index.json", Array("index of \($0)".utf8)) }
        try AtomicFile.write(stages: [tables, indexes], staging: scratch.path + "/.staging")
        for work in works {
            #expect(contents(scratch.path + "/" + work + "/units.json") == "units of \(work)")
            #expect(contents(scratch.path + "/" + work + "/index.json") == "index of \(work)")
        }
        #expect(filesLeft(under: scratch.path + "/.staging").isEmpty)
    }

    @Test("the writer publishes every work handed to it from several threads, with room for two at a time")
    func writerPublishesAll() throws {
        let scratch = try ScratchFolder("work-writer")
        let writer = WorkWriter(staging: scratch.path + "/.staging", limit: 2)
        let works = (0..<40).map { String(format: "W%03d", $0) }
        // W005 had a file of an older format, which goes.
        try AtomicFile.write(Array("stale".utf8), to: scratch.path + "/W005/2024-01-01.json")
        let root = scratch.path
        let submitted = Parallel.map(works) { work -> Bool in
            var publication = RuleSetBuild.Publication(folder: root + "/" + work, names: ["index.json", "units.json"],
                                                       emitted: .init(work: work, index: "sha of " + work, findings: []))
            publication.tables = [(publication.folder + "/units.json", Array("units of \(work)".utf8))]
            publication.index = Array("index of \(work)".utf8)
            if work == "W005" { publication.stale = ["2024-01-01.json"] }
            writer.submit(publication)
            return true
        }
        #expect(submitted.count == works.count)
        let outcomes = writer.finish()
        #expect(outcomes.keys.sorted() == works)
        for work in works {
            let emitted = try #require(try outcomes[work]?.get())
            #expect(emitted.index == "sha of " + work)
            #expect(emitted.stamps.map(\.name) == ["index.json", "units.json"])
            #expect(emitted.stamps.allSatisfy { $0.stamp != nil }, "\(work)")
            #expect(contents(scratch.path + "/" + work + "/units.json") == "units of \(work)")
            #expect(contents(scratch.path + "/" + work + "/index.json") == "index of \(work)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path + "/W005").sorted() == ["index.json", "units.json"])
    }

    @Test("a work the writer cannot write fails with the path and why, and so does the rest of its batch")
    func writerReportsFailure() throws {
        let scratch = try ScratchFolder("work-writer-fails")
        try AtomicFile.write(Array("a file".utf8), to: scratch.path + "/W1")
        var publication = RuleSetBuild.Publication(folder: scratch.path + "/W1", names: ["index.json"],
                                                   emitted: .init(work: "W1", index: "", findings: []))
        publication.index = Array("index".utf8)
        var other = publication
        other.folder = scratch.path + "/W2"
        other.emitted.work = "W2"
        let outcomes = WorkWriter.publish([other, publication], staging: scratch.path + "/.staging")
        #expect(outcomes.count == 2)
        for outcome in outcomes {
            guard case .failure(let error) = outcome else { Issue.record("written over a file"); continue }
            #expect(error.description.contains(scratch.path + "/W1"))
        }
        #expect(contents(scratch.path + "/W2/index.json") == nil)
    }
}
