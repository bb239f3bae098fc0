import Foundation
import Testing
import ZanTestSupport
import ZanText
import ZanTimeline

@Suite("Corpus: the folder and its metadata")
struct CorpusTests {
    /// A corpus in a scratch folder: the real Order 115 under a wrong name, with a meta.json
    /// holding an unknown key and a malformed date, and a folder with no text.
    @Test("a bad meta.json, a folder without text, a folder not named by the header's id")
    func problems() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zan-corpus-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let wrong = folder.appendingPathComponent("V2500099999")
        try FileManager.default.createDirectory(at: wrong, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("V2500000001"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Golden.packageRoot.appendingPathComponent("corpus/V2500035943/kaz.txt"),
                                         to: wrong.appendingPathComponent("kaz.txt"))
        try Data("{\"published\": \"8 April 2025\", \"publisher\": \"adilet\"}".utf8)
            .write(to: wrong.appendingPathComponent("meta.json"))
        let corpus = try Corpus.load(folder.path)
        #expect(corpus.documents.map(\.id) == ["V2500099999"])
        #expect(corpus.documents[0].content?.meta.published == nil)
        let found = corpus.findings.map { "\($0.diagnostic.id) \(URL(fileURLWithPath: $0.location).lastPathComponent)" }.sorted()
        #expect(found == ["corpus.bad-meta meta.json", "corpus.bad-meta meta.json", "corpus.missing-text V2500000001"])
        #expect(corpus.findings.contains { $0.diagnostic.message.contains("unknown key \"publisher\"") })
        #expect(corpus.findings.allSatisfy { $0.oneLine.hasPrefix(folder.path) })
        let read = try #require(ReadAct.read(corpus.documents[0]).0)
        #expect(read.findings.contains { $0.diagnostic.id.description == "corpus.id-mismatch"
            && $0.diagnostic.message.contains("header gives the id V2500035943") })
    }

    @Test("a document is found by its id (a binary search of the sorted list), and only by it")
    func documentByID() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zan-ids-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        // Ids where one is a prefix of another, digits sort before letters, "-" and "_" between.
        let ids = ["A", "A-1", "A1", "A_1", "B", "V1", "V10", "V2", "V2600038247", "a"]
        for id in ids.shuffled() {
            let document = folder.appendingPathComponent(id)
            try FileManager.default.createDirectory(at: document, withIntermediateDirectories: true)
            try Data("«\(id)» бұйрығы\n".utf8).write(to: document.appendingPathComponent("kaz.txt"))
        }
        let corpus = try Corpus.load(folder.path)
        #expect(corpus.documents.map(\.id) == ids.sorted())
        for id in ids { #expect(corpus.document(id)?.id == id, "\(id)") }
        for missing in ["", "0", "A-", "A0", "V", "V100", "V3", "Z", "b", "V2600038248"] {
            #expect(corpus.document(missing) == nil, "\(missing)")
        }
    }

    @Test("the content hash covers the text and meta.json")
    func hash() throws {
        let corpus = try Corpus.load(Golden.packageRoot.appendingPathComponent("corpus").path)
        let order = try #require(corpus.documents.first { $0.id == "V2600038247" })
        #expect(order.sha256 == SHA256.hex(try #require(order.content).file.bytes))
    }

    @Test("a document `known` vouches for by its stamps is listed, not read; loaded() reads it")
    func known() throws {
        let folder = Golden.packageRoot.appendingPathComponent("corpus").path
        let full = try Corpus.load(folder)
        let order = try #require(full.documents.first { $0.id == "V2600038247" })
        let corpus = try Corpus.load(folder) { id, stamps in
            id == "V2600038247" && stamps == order.stamps ? "vouched" : nil
        }
        let listed = try #require(corpus.documents.first { $0.id == "V2600038247" })
        #expect(listed.content == nil && listed.sha256 == "vouched" && !listed.readWhenListed)
        #expect(corpus.documents.filter { $0.content == nil }.count == 1)
        let (loaded, findings) = listed.loaded()
        #expect(findings.isEmpty && loaded?.sha256 == order.sha256 && loaded?.content?.file.bytes == order.content?.file.bytes)
        #expect(ReadAct.read(listed).0?.targets == ReadAct.read(order).0?.targets)
    }

    @Test("a document's text let go (releaseContent): content nil, still read when listed; loaded() reads it again")
    func released() throws {
        let corpus = try Corpus.load(Golden.packageRoot.appendingPathComponent("corpus").path)
        let order = try #require(corpus.document("V2600038247"))
        let bytes = try #require(order.content).file.bytes
        let act = try #require(ReadAct.read(order).0)
        order.releaseContent()
        #expect(order.content == nil && order.readWhenListed)
        let (loaded, findings) = order.loaded()
        #expect(findings.isEmpty && loaded?.sha256 == order.sha256 && loaded?.content?.file.bytes == bytes)
        #expect(ReadAct.read(order).0?.planned.count == act.planned.count)
        #expect(corpus.documents.filter { $0.content == nil }.map(\.id) == ["V2600038247"])
    }

    @Test("a listed document gone before it is read: nothing read, a located missing-text finding")
    func listedThenGone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zan-gone-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("V2600038247"), withIntermediateDirectories: true)
        let text = folder.appendingPathComponent("V2600038247/kaz.txt")
        try FileManager.default.copyItem(at: Golden.packageRoot.appendingPathComponent("corpus/V2600038247/kaz.txt"), to: text)
        let corpus = try Corpus.load(folder.path) { _, _ in "vouched" }
        let listed = try #require(corpus.documents.first)
        try FileManager.default.removeItem(at: text)
        let (act, findings) = ReadAct.read(listed)
        #expect(act == nil)
        #expect(findings.map { "\($0.diagnostic.id) \($0.location)" } == ["corpus.missing-text \(folder.path)/V2600038247"])
    }

    @Test("a folder's listing gives each entry's type without a stat; the corpus takes folders and links to folders, not files")
    func listing() throws {
        let scratch = try ScratchFolder("listing")
        let folder = scratch.path, manager = FileManager.default
        try manager.createDirectory(atPath: folder + "/V2600038247", withIntermediateDirectories: true)
        try manager.copyItem(atPath: Golden.packageRoot.appendingPathComponent("corpus/V2600038247/kaz.txt").path,
                             toPath: folder + "/V2600038247/kaz.txt")
        try Data("not a document".utf8).write(to: URL(fileURLWithPath: folder + "/V2600000001"))
        try manager.createSymbolicLink(atPath: folder + "/V2600000002", withDestinationPath: folder + "/V2600038247")
        try manager.createSymbolicLink(atPath: folder + "/V2600000003", withDestinationPath: folder + "/V2600000001")
        try manager.createDirectory(atPath: folder + "/.hidden", withIntermediateDirectories: true)
        let entries = try #require(FileStamp.entries(in: folder))
        let kinds = Dictionary(uniqueKeysWithValues: entries.map { ($0.name, $0.kind) })
        #expect(kinds.keys.sorted() == [".hidden", "V2600000001", "V2600000002", "V2600000003", "V2600038247"])
        // Where the file system records types (ext4, tmpfs, …) they are these; else nil, and the corpus asks lstat.
        for (name, kind) in [("V2600038247", S_IFDIR), ("V2600000001", S_IFREG), ("V2600000002", S_IFLNK), (".hidden", S_IFDIR)] {
            if let listed = kinds[name] ?? nil { #expect(listed == kind, "\(name)") }
        }
        #expect(FileStamp.entries(in: folder + "/no-such-folder") == nil)
        let corpus = try Corpus.load(folder)
        // The link to a folder inside the corpus is a document (its header names V2600038247,
        // a finding once read); the file and the link to it are not documents.
        #expect(corpus.documents.map(\.id) == ["V2600000002", "V2600038247"])
        #expect(corpus.findings.isEmpty)

        // A document's files stamped by their path from the open corpus folder: what the whole
        // path gives, a link as itself; nothing for a name that is missing or not one name.
        try manager.createSymbolicLink(atPath: folder + "/V2600038247/meta.json", withDestinationPath: folder + "/V2600000001")
        let parent = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        try #require(parent >= 0)
        defer { close(parent) }
        for file in ["kaz.txt", "meta.json"] {
            let inFolder = try #require(FileStamp.entry(file, inFolder: "V2600038247", of: parent))
            let whole = try #require(FileStamp.entry(folder + "/V2600038247/" + file))
            #expect(inFolder.kind == whole.kind && inFolder.stamp == whole.stamp, "\(file)")
        }
        #expect(FileStamp.entry("meta.json", inFolder: "V2600038247", of: parent)?.kind == S_IFLNK)
        #expect(FileStamp.entry("kaz.txt", inFolder: "V2600000002", of: parent)?.stamp
                == FileStamp.entry(folder + "/V2600038247/kaz.txt")?.stamp)
        for (file, inFolder) in [("gone.txt", "V2600038247"), ("kaz.txt", "V9"), ("", "V2600038247"), ("kaz.txt", ""),
                                 ("V2600038247/kaz.txt", "."), ("kaz.txt", "x/../V2600038247")] {
            #expect(FileStamp.entry(file, inFolder: inFolder, of: parent) == nil, "\(inFolder)/\(file)")
        }
        // The corpus reads the document through its open folder as through paths: meta.json
        // is a link to a file inside the corpus, stamped through the link.
        let again = try Corpus.load(folder)
        let document = try #require(again.document("V2600038247"))
        #expect(document.stamps.meta == FileStamp(folder + "/V2600000001"))
        // Listed without being read, then read by its paths (`loaded()`): the same stamps.
        let listed = try #require(try Corpus.load(folder) { _, _ in "vouched" }.document("V2600038247"))
        #expect(listed.content == nil && listed.loaded().0?.stamps == document.stamps)
    }

    @Test("a missing corpus folder is an I/O error, thrown")
    func missing() {
        #expect(throws: FileReadError.self) { try Corpus.load("/no/such/corpus") }
    }
}
