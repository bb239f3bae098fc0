import Foundation
import Testing
@testable import ZanEmit
import ZanTestSupport

@Suite("Atomic writes of several files with one flush")
struct AtomicFileTests {
    func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("every file holds its new bytes, an old one is replaced, new folders are made, and nothing is left in staging")
    func writesAll() throws {
        let scratch = try ScratchFolder("atomic-all")
        let staging = scratch.path + "/.staging"
        try FileManager.default.createDirectory(atPath: scratch.path + "/W1", withIntermediateDirectories: true)
        try AtomicFile.write(Array("old".utf8), to: scratch.path + "/W1/2024-01-01.json")
        let files = [("W1/2024-01-01.json", "new one"), ("W1/2025-02-02.json", "two"), ("W2/sub/2026-03-03.json", "three")]
        try AtomicFile.write(all: files.map { (scratch.path + "/" + $0.0, Array($0.1.utf8)) }, staging: staging)
        for (path, text) in files { #expect(contents(scratch.path + "/" + path) == text, "\(path)") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging).isEmpty)
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
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging).isEmpty)
    }
}
