import Foundation
import Testing
import ZanTestSupport

@Suite("zan text and zan parse")
struct DocumentCommandTests {
    @Test("zan text prints the repaired paragraphs, one per line (the golden)")
    func text() throws {
        let result = try ZanBinary.run(["text", "corpus/V2500035943/kaz.txt"])
        #expect(result.status == 0)
        #expect(result.stdout == Golden.read("text/seed-V2500035943/expected.text.txt"))
        #expect(result.stdout.contains("\n13-тармақ мынадай редакцияда жазылсын:\n"))
        #expect(result.stderr.isEmpty)
    }

    @Test("zan text --diagnostics lists every repair as a note")
    func repairs() throws {
        let result = try ZanBinary.run(["text", "corpus/V2500035943/kaz.txt", "--diagnostics"])
        #expect(result.status == 0)
        #expect(result.stderr == Golden.read("text/seed-V2500035943/expected.diagnostics.txt"))
        #expect(result.stderr.contains("corpus/V2500035943/kaz.txt:22:1: note: [document.displaced-link-repaired] displaced link words put back: \"мынадай редакцияда жазылсын:13-тармақ\" → \"13-тармақ мынадай редакцияда жазылсын:\""))
    }

    @Test("zan parse prints the tree golden; --format json the document", arguments: ["V2600038247", "V2500035943"])
    func parse(_ id: String) throws {
        let tree = try ZanBinary.run(["parse", "corpus/\(id)/kaz.txt"])
        #expect(tree.status == 0)
        #expect(tree.stdout == Golden.read("parse/seed-\(id)/expected.tree.txt"))
        let json = try ZanBinary.run(["parse", "corpus/\(id)/kaz.txt", "--format", "json"])
        #expect(json.status == 0)
        #expect(json.stdout == Golden.read("parse/seed-\(id)/expected.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["metadata"] as? [String: Any])?["id"] as? String == id)
    }
}
