import Foundation
import Testing
import ZanTestSupport

@Suite("zan edits")
struct EditsCommandTests {
    @Test("zan edits prints the JSON contract (the golden)", arguments: ["V2600038247", "V2500035943"])
    func json(_ id: String) throws {
        let result = try ZanBinary.run(["edits", "corpus/\(id)/kaz.txt"])
        #expect(result.status == 0)
        #expect(result.stdout == Golden.read("edits/seed-\(id)/expected.edits.json"))
        #expect(result.stderr.isEmpty)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["document", "edits", "effective", "diagnostics", "coverage"])
        let edit = try #require((object["edits"] as? [[String: Any]])?.first)
        for key in ["op", "scope", "act", "document", "targets", "new_num", "position", "old_words", "new_words",
                    "after_words", "new_text", "source"] {
            #expect(edit.keys.contains(key), "edit lacks \(key)")
        }
    }

    @Test("--format text prints the listing golden")
    func text() throws {
        let result = try ZanBinary.run(["edits", "corpus/V2600038247/kaz.txt", "--format", "text"])
        #expect(result.status == 0)
        #expect(result.stdout == Golden.read("edits/seed-V2600038247/expected.edits.txt"))
    }

    @Test("a fragment with broken instructions exits 1 and says where and why")
    func broken() throws {
        let result = try ZanBinary.run(["edits", "Tests/Fixtures/edits/fragment-broken/input.txt", "--format", "text"])
        #expect(result.status == 1)
        #expect(result.stderr.contains(
            "Tests/Fixtures/edits/fragment-broken/input.txt:2:1: error: [amend.missing-number] paragraph is cited without a number"))
        #expect(result.stdout.contains("coverage: 8 instruction sentences, 2 understood, 6 diagnosed, 3 edits"))
    }

    @Test("a missing file is an I/O error; an unknown format a usage error")
    func errors() throws {
        #expect(try ZanBinary.run(["edits", "no/such/file.txt"]).status == 1)
        #expect(try ZanBinary.run(["edits", "corpus/V2600038247/kaz.txt", "--format", "yaml"]).status == 64)
    }
}
