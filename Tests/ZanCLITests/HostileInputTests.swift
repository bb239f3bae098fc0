import Foundation
import Testing
import ZanTestSupport

/// Inputs nobody should write, which Zan still reads like a compiler: no crash, no hang, a
/// located diagnostic and the exit code that says what happened. Each case is a file (or a
/// corpus) made here from the synthetic order of Tests/Fixtures/facts/synthetic.
@Suite("Hostile inputs: located diagnostics and exit codes")
struct HostileInputTests {
    static let synthetic = "Tests/Fixtures/facts/synthetic/corpus"

    /// The synthetic order (V2400092002) with its three instructions replaced by `body`.
    static func order(_ body: String) throws -> String {
        let text = try #require(Golden.source(synthetic + "/V2400092002/kaz.txt")?.text)
        let lead = "көрсетілген бұйрықпен бекітілген Сынақ куәлігін беру қағидаларында:\n"
        let start = try #require(text.range(of: lead)).upperBound
        let end = try #require(text.range(of: "2. Осы бұйрық")).lowerBound
        return text.replacingCharacters(in: start..<end, with: body)
    }

    /// The lines of `zan edits --format text` that describe edits ("edit 1 @6:1: …" and below).
    static func edits(_ output: String) -> [String] {
        output.split(separator: "\n").map(String.init).filter { $0.hasPrefix("edit ") || $0.hasPrefix("  targets:") }
    }

    func write(_ bytes: [UInt8], _ name: String, in scratch: ScratchFolder) throws {
        try Data(bytes).write(to: scratch.url.appendingPathComponent(name))
    }

    // MARK: Bytes

    @Test("invalid UTF-8: one located error, nothing read, exit 1")
    func invalidUTF8() throws {
        let scratch = try ScratchFolder("hostile")
        let text = try Self.order("2-тармақ алып тасталсын.\n")
        let cut = try #require(text.range(of: "алып")).lowerBound
        try write(Array(text[..<cut].utf8) + [0xC0, 0xAF] + Array(text[cut...].utf8), "bad.txt", in: scratch)
        let result = try ZanBinary.run(["edits", "bad.txt"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "bad.txt:6:10: error: [text.invalid-utf8] file is not valid UTF-8: byte sequence 0xC0 at byte offset 1075; nothing was read\n")
    }

    @Test("NUL and other control characters: replaced by spaces, warned about where they are, the edits still read; exit 0")
    func controlCharacters() throws {
        let scratch = try ScratchFolder("hostile")
        let clean = try Self.order("2-тармақ алып тасталсын.\n5-тармақ алып тасталсын.\n")
        try write(Array(clean.utf8), "clean.txt", in: scratch)
        try write(Array(clean.replacingOccurrences(of: "5-тармақ алып", with: "5-тармақ\u{0}\u{0}алып").utf8), "nul.txt", in: scratch)
        let result = try ZanBinary.run(["edits", "nul.txt", "--format", "text"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stderr == "nul.txt:7:9: warning: [text.control-characters] control characters U+0000 U+0000 replaced by spaces (not text: a damaged extraction?)\n")
        let reference = try ZanBinary.run(["edits", "clean.txt", "--format", "text"], in: scratch.url)
        #expect(Self.edits(result.stdout).count == 4)
        #expect(Self.edits(result.stdout) == Self.edits(reference.stdout))
    }

    @Test("a BOM, CRLF line ends, lone CR line ends: the same edits at the same lines and columns; exit 0", arguments: ["bom", "crlf", "cr"])
    func lineEnds(_ variant: String) throws {
        let scratch = try ScratchFolder("hostile")
        let clean = try Self.order("2-тармақ алып тасталсын.\n3-тармақтағы «5 (бес)» деген сөздер «7 (жеті)» деген сөздермен ауыстырылсын.\n")
        try write(Array(clean.utf8), "clean.txt", in: scratch)
        let bytes: [UInt8] = switch variant {
        case "bom": [0xEF, 0xBB, 0xBF] + Array(clean.utf8)
        case "crlf": Array(clean.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        default: Array(clean.replacingOccurrences(of: "\n", with: "\r").utf8)
        }
        try write(bytes, variant + ".txt", in: scratch)
        let result = try ZanBinary.run(["edits", variant + ".txt", "--format", "text"], in: scratch.url)
        let reference = try ZanBinary.run(["edits", "clean.txt", "--format", "text"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(Self.edits(result.stdout) == ["edit 1 @6:1: delete in V2400092001 approved", "  targets: [paragraph 2]",
                                              "edit 2 @7:1: replace_words in V2400092001 approved", "  targets: [paragraph 3]"])
        #expect(Self.edits(result.stdout) == Self.edits(reference.stdout))
    }

    @Test("a 100 MB file is refused by its size before it is read: located at 1:1, exit 1")
    func hundredMegabytes() throws {
        let scratch = try ScratchFolder("hostile")
        let path = scratch.path + "/huge.txt"
        // A sparse file: 100 MB long, no disk or memory spent making it.
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(truncate(path, 100 << 20) == 0)
        let result = try ZanBinary.run(["edits", "huge.txt"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stderr == "huge.txt:1:1: error: [text.file-too-large] file is 100.0 MiB; Zan reads files up to 32.0 MiB; nothing was read\n")
        // In a corpus, the same diagnostic and the document skipped.
        try FileManager.default.createDirectory(atPath: scratch.path + "/corpus/V2400092009", withIntermediateDirectories: true)
        #expect(rename(path, scratch.path + "/corpus/V2400092009/kaz.txt") == 0)
        let build = try ZanBinary.run(["build", "--corpus", "corpus", "--out", "rules"], in: scratch.url)
        #expect(build.status == 1)
        #expect(build.stderr.contains("corpus/V2400092009/kaz.txt:1:1: error: [text.file-too-large]"))
    }

    @Test("a line of 10 MB is read as one paragraph, whole; exit 0")
    func tenMegabyteLine() throws {
        let scratch = try ScratchFolder("hostile")
        let words = String(repeating: "мемлекеттік қызмет ", count: 10_000_000 / 36)
        try write(Array(("1. " + words + "\n2. Соңғы тармақ.\n").utf8), "line.txt", in: scratch)
        let result = try ZanBinary.run(["text", "line.txt"], in: scratch.url)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.utf8.count == ("1. " + words).trimmingCharacters(in: .whitespaces).utf8.count)
        #expect(lines.last == "2. Соңғы тармақ.")
    }

    // MARK: Instructions

    @Test("10,000 targets in one instruction: one edit with all of them; exit 0")
    func tenThousandTargets() throws {
        let scratch = try ScratchFolder("hostile")
        let list = (1...10_000).map { "\($0)-тармақ" }.joined(separator: ", ")
        try write(Array(try Self.order(list + " алып тасталсын.\n").utf8), "many.txt", in: scratch)
        let result = try ZanBinary.run(["edits", "many.txt"], in: scratch.url)
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let edits = try #require(json["edits"] as? [[String: Any]])
        #expect(edits.count == 1)
        let targets = try #require(edits.first?["targets"] as? [[[String: Any]]])
        #expect(targets.count == 10_000)
        #expect(targets.last?.first?["num"] as? String == "10000")
    }

    @Test("quotes nested 1,000 deep: refused past 16 levels, located at the quotation; exit 1")
    func deepQuotes() throws {
        let scratch = try ScratchFolder("hostile")
        let body = "5-тармақ мынадай редакцияда жазылсын:\n" + String(repeating: "«", count: 1000) + "5. Мәтін."
            + String(repeating: "»", count: 1000) + ".\n"
        try write(Array(try Self.order(body).utf8), "deep.txt", in: scratch)
        let result = try ZanBinary.run(["edits", "deep.txt", "--format", "text"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stderr == "deep.txt:7:1: error: [amend.quotes-too-deep] quotes nest deeper than 16 levels here; Zan reads at most 16; no edit was made\n")
        #expect(Self.edits(result.stdout).isEmpty)
    }

    @Test("a quote that never closes: located at its opening mark, the next instruction still read; exit 1")
    func unclosedQuote() throws {
        let scratch = try ScratchFolder("hostile")
        let body = "2-тармақтағы «электрондық деген сөз «цифрлық» деген сөзбен ауыстырылсын;\n6-тармақ алып тасталсын.\n"
        try write(Array(try Self.order(body).utf8), "open.txt", in: scratch)
        let result = try ZanBinary.run(["edits", "open.txt", "--format", "text"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("open.txt:6:"))
        #expect(result.stderr.contains("error: [amend.unclosed-quote]"))
        #expect(Self.edits(result.stdout) == ["edit 1 @7:1: delete in V2400092001 approved", "  targets: [paragraph 6]"])
    }

    @Test("a citation with a number of 10,000 digits: refused in an instruction (exit 1) and in a query (exit 64)")
    func tenThousandDigits() throws {
        let scratch = try ScratchFolder("hostile")
        let digits = String(repeating: "9", count: 10_000)
        try write(Array(try Self.order("5-тармақтың \(digits)) тармақшасы алып тасталсын.\n").utf8), "digits.txt", in: scratch)
        let result = try ZanBinary.run(["edits", "digits.txt", "--format", "text"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stderr == "digits.txt:6:1: error: [amend.number-too-long] a unit number of 10000 characters is cited; unit numbers have at most 6 digits; no edit was made\n")
        let query = try ZanBinary.run(["show", "V2300033763", "\(digits)-тармақ", "--at", "2026-07-12"])
        #expect(query.status == 64)
        #expect(query.stderr.hasPrefix("Error: \"\(String(repeating: "9", count: 60))…(10007 characters)\" is not a citation: a unit number has 10000 digits (at most 6)\n"))
    }

    // MARK: Corpora

    /// A corpus folder with the synthetic rules (V2400092001) and the given orders.
    func corpus(_ orders: [String: String], in scratch: ScratchFolder) throws {
        let manager = FileManager.default
        let base = Golden.packageRoot.appendingPathComponent(Self.synthetic + "/V2400092001").path
        try manager.createDirectory(atPath: scratch.path + "/corpus", withIntermediateDirectories: true)
        try manager.copyItem(atPath: base, toPath: scratch.path + "/corpus/V2400092001")
        for (id, text) in orders {
            try manager.createDirectory(atPath: scratch.path + "/corpus/" + id, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: scratch.url.appendingPathComponent("corpus/\(id)/kaz.txt"))
        }
    }

    /// The synthetic order, renamed (number, registration) and pointed at another act.
    static func order(number: String, registration: String, amends: (number: String, registration: String), body: String) throws -> String {
        try order(body)
            .replacingOccurrences(of: "наурыздағы № 230 бұйрығы. Қазақстан Республикасының Әділет министрлігінде 2024 жылғы 4 наурызда № 92002",
                                  with: "наурыздағы № \(number) бұйрығы. Қазақстан Республикасының Әділет министрлігінде 2024 жылғы 4 наурызда № \(registration)")
            .replacingOccurrences(of: "2024 жылғы 10 қаңтардағы № 201 бұйрығына (Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № 92001",
                                  with: "2024 жылғы 1 наурыздағы № \(amends.number) бұйрығына (Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № \(amends.registration)")
            .replacingOccurrences(of: "көрсетілген бұйрықпен бекітілген Сынақ куәлігін беру қағидаларында:\n", with: "")
    }

    @Test("an order amending itself: located error, the edit not applied; exit 1")
    func selfAmendment() throws {
        let scratch = try ScratchFolder("hostile")
        let text = try Self.order(number: "230", registration: "92002", amends: ("230", "92002"), body: "2-тармақ алып тасталсын.\n")
        try corpus(["V2400092002": text], in: scratch)
        let result = try ZanBinary.run(["build", "--corpus", "corpus", "--out", "rules"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("corpus/V2400092002/kaz.txt:5:1: error: [timeline.self-amendment] the instruction amends V2400092002, the act it is in; an act does not amend itself (a wrong date or number in the reference?); the edit was not applied\n"))
        // Its own point 2 (entry into force) is still there.
        let show = try ZanBinary.run(["show", "V2400092002", "2-тармақ", "--at", "2024-04-01", "--rules", "rules", "--in", "body"], in: scratch.url)
        #expect(show.status == 0)
        #expect(show.stdout.contains("қолданысқа енгізіледі"))
    }

    @Test("two orders amending each other: a warning at each, located; both built; exit 0")
    func cycle() throws {
        let scratch = try ScratchFolder("hostile")
        let a = try Self.order(number: "230", registration: "92002", amends: ("231", "92003"), body: "1-тармақ алып тасталсын.\n")
        let b = try Self.order(number: "231", registration: "92003", amends: ("230", "92002"), body: "1-тармақ алып тасталсын.\n")
        try corpus(["V2400092002": a, "V2400092003": b], in: scratch)
        let result = try ZanBinary.run(["build", "--corpus", "corpus", "--out", "rules"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        let warning = "warning: [timeline.amendment-cycle] acts amend each other in a cycle (V2400092002 → V2400092003 → V2400092002); each act is read as published: edits to an amending act's text do not change what it amends\n"
        #expect(result.stderr == "corpus/V2400092002/kaz.txt:5:1: " + warning + "corpus/V2400092003/kaz.txt:5:1: " + warning)
    }

    @Test("a corpus folder that is a link out of the corpus: refused, located; exit 1")
    func linkOut() throws {
        let scratch = try ScratchFolder("hostile")
        try corpus([:], in: scratch)
        let outside = scratch.path + "/elsewhere/V2400092002"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Golden.packageRoot.appendingPathComponent(Self.synthetic + "/V2400092002/kaz.txt").path,
                                         toPath: outside + "/kaz.txt")
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/corpus/V2400092002", withDestinationPath: outside)
        let result = try ZanBinary.run(["build", "--corpus", "corpus", "--out", "rules"], in: scratch.url)
        #expect(result.status == 1)
        let resolved = URL(fileURLWithPath: outside).resolvingSymlinksInPath().path
        #expect(result.stderr == "corpus/V2400092002: error: [corpus.link-outside] a link out of the corpus (to \(resolved)); the document was skipped\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/rules/V2400092002"))
    }

    @Test("meta.json with a day that does not exist (2025-02-30): located at the key; exit 1")
    func malformedDate() throws {
        let scratch = try ScratchFolder("hostile")
        try corpus([:], in: scratch)
        try Data("{\n  \"published\": \"2025-02-30\"\n}\n".utf8).write(to: scratch.url.appendingPathComponent("corpus/V2400092001/meta.json"))
        let result = try ZanBinary.run(["build", "--corpus", "corpus", "--out", "rules"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stderr == "corpus/V2400092001/meta.json:2:3: error: [corpus.bad-meta] meta.json: \"published\" is \"2025-02-30\", a day that does not exist; its facts were not used\n")
    }

    @Test("ids like ../../etc or with a slash: refused by every command that takes one", arguments: ["../../etc", "V23/00033763", ".."])
    func pathIDs(_ id: String) throws {
        let show = try ZanBinary.run(["show", id, "13-тармақ", "--at", "2026-07-12"])
        #expect(show.status == 1)
        #expect(show.stderr == "zan: error: \"\(id)\" is not a work id (letters, digits, \"_\" and \"-\", e.g. V2300033763)\n")
        let history = try ZanBinary.run(["history", id, "13-тармақ"])
        #expect(history.status == 1)
        let scratch = try ScratchFolder("hostile")
        let add = try ZanBinary.run(["add", "corpus/V2600038247/kaz.txt", "--corpus", scratch.path + "/corpus", "--id", id])
        #expect(add.status != 0)
        #expect(add.stderr.contains("is not an adilet id"))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: scratch.path + "/corpus")) ?? [] == [])
    }
}
