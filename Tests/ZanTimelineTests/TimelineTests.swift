import Foundation
import Synchronization
import Testing
import ZanAmendments
import ZanEmit
import ZanTestSupport
import ZanText
import ZanTimeline

/// Builds the timeline of a corpus folder (relative to the package root).
func timeline(of corpus: String) throws -> Timeline {
    let loaded = try Corpus.load(Golden.packageRoot.appendingPathComponent(corpus).path)
    #expect(loaded.findings.isEmpty)
    return Timeline.build(loaded.documents.compactMap { ReadAct.read($0).0 })
}

/// The timeline as golden text: every work's history, then every finding.
func dump(_ timeline: Timeline) -> String {
    var out = timeline.histories.keys.sorted().map { RuleSetText.history(timeline.histories[$0]!) }.joined(separator: "\n")
    out += "\nfindings:\n"
    for finding in timeline.findings {
        let line = finding.oneLine.replacingOccurrences(of: Golden.packageRoot.path + "/", with: "")
        out += line + "\n"
    }
    return out
}

func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

@Suite("Timeline: the bundled corpus")
struct SeedTimelineTests {
    @Test("the seeds' timeline matches its golden")
    func golden() throws {
        Golden.check(dump(try timeline(of: "corpus")), "timeline/seeds/expected.timeline.txt")
    }

    @Test("point 13 of V2300033763: Order 115's wording (provisional), then Order 130's")
    func point13() throws {
        let history = try #require(try timeline(of: "corpus").histories["V2300033763"])
        let cite = try #require(Citation.parse("13-тармақ")?.first)
        guard case .found(let now, let current) = history.lookup(cite, at: date("2026-07-12")) else {
            Issue.record("point 13 not found on 2026-07-12"); return
        }
        #expect(now.fullText.contains("\"цифрлық үкімет\"") && now.fullText.contains("6 (алты) жұмыс күнін құрайды"))
        #expect(now.provenance?.act == "V2600038247" && now.provenance?.op == .replace)
        #expect(current.from == EffectiveDate(date("2026-07-12"), basis: "fixed date in the act"))
        guard case .found(let before, let earlier) = history.lookup(cite, at: date("2026-07-11")) else {
            Issue.record("point 13 not found on 2026-07-11"); return
        }
        #expect(before.fullText.contains("\"электрондық үкімет\""))
        #expect(before.provenance?.act == "V2500035943")
        #expect(earlier.from.provisional && earlier.from.date == date("2025-04-15"))
        guard case .notInCorpus(let message, _) = history.lookup(cite, at: date("2025-04-01")) else {
            Issue.record("2025-04-01 should be not in corpus"); return
        }
        #expect(message.contains("not in the corpus") && message.contains("V2500035943"))
        #expect(history.lookup(cite, at: date("2025-04-01")).exitCode == 3)
        #expect(history.lookup(cite, at: date("2020-01-01")).exitCode == 4)
        let runs = history.history(of: cite)
        #expect(runs.map(\.from.date) == [date("2025-04-15"), date("2026-07-12")])
        #expect(runs.map(\.node.provenance?.act) == ["V2500035943", "V2600038247"])
        #expect(runs[0].from.provisional && !runs[1].from.provisional)
    }

    @Test("a subpoint, a part, a point of a whole new edition")
    func otherCitations() throws {
        let built = try timeline(of: "corpus")
        let rules117 = try #require(built.histories["V2300033763"])
        guard case .found(let sub19, _) = rules117.lookup(Citation.parse("24-тармақтың 19) тармақшасы")![0], at: date("2026-08-01")) else {
            Issue.record("24.19) not found"); return
        }
        #expect(sub19.provenance?.act == "V2500035943" && sub19.eId == "att_1__para_24__subpara_19")
        let privatization = try #require(built.histories["V2100023983"])
        guard case .found(let point9, let version) = privatization.lookup(Citation.parse("9-тармақтың 2) тармақшасы")![0], at: date("2025-06-01")) else {
            Issue.record("9.2) not found"); return
        }
        #expect(point9.eId == "att_1__chp_2__para_9__subpara_2" && version.from.provisional)
        let housing = try #require(built.histories["V2500035912"])
        guard case .found(let part2, _) = housing.lookup(Citation.parse("4-тармақтың екінші бөлігі")![0], at: date("2026-07-12")) else {
            Issue.record("4 part 2 not found"); return
        }
        #expect(part2.text.first?.hasPrefix("Уәкілетті орган цифрлық жүйелер арқылы") == true)
        #expect(part2.children.compactMap(\.num) == ["1", "2", "3"])
        #expect(housing.lookup(Citation.parse("4-тармақтың бірінші бөлігі")![0], at: date("2026-07-12")).exitCode == 3)
        // --in body: the order's own points, which the corpus does not hold.
        #expect(rules117.lookup(Citation.parse("13-тармақ")![0], in: .body, at: date("2026-07-12")).exitCode == 3)
    }

    @Test("with a publication date, Order 115's changes are in force from D+11 and not provisional")
    func published() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zan-published-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        for id in ["V2500035943", "V2600038247"] {
            let target = folder.appendingPathComponent(id)
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Golden.packageRoot.appendingPathComponent("corpus/\(id)/kaz.txt"),
                                             to: target.appendingPathComponent("kaz.txt"))
        }
        try Data("{\"published\": \"2025-04-08\"}\n".utf8).write(to: folder.appendingPathComponent("V2500035943/meta.json"))
        let corpus = try Corpus.load(folder.path)
        let history = try #require(Timeline.build(corpus.documents.compactMap { ReadAct.read($0).0 }).histories["V2300033763"])
        let runs = history.history(of: Citation.parse("13-тармақ")![0])
        #expect(runs.first?.from.date == date("2025-04-19"))
        #expect(runs.first?.from.provisional == false)
    }
}

@Suite("Timeline: synthetic corpus (every operation, every check)")
struct SyntheticTimelineTests {
    static let corpus = "Tests/Fixtures/timeline/synthetic/corpus"

    @Test("the synthetic timeline matches its golden")
    func golden() throws {
        Golden.check(dump(try timeline(of: Self.corpus)), "timeline/synthetic/expected.timeline.txt")
    }

    @Test("every check of the timeline fires once where the corpus provokes it")
    func checks() throws {
        let found = try timeline(of: Self.corpus).findings.map { ($0.diagnostic.id.description, $0.file.map { URL(fileURLWithPath: $0.path).deletingLastPathComponent().lastPathComponent } ?? "") }
        let expected: [(String, String)] = [
            ("timeline.before-existence", "V2300090004"),
            ("timeline.target-not-found", "V2400090002"),
            ("timeline.words-not-found", "V2400090002"),
            ("timeline.same-day-conflict", "V2400090003"),
            ("timeline.repealed-target", "V2400090003"),
            ("timeline.base-unknown", "V2400090005"),
            ("timeline.repealed-target", "V2500090007"),
        ]
        #expect(found.map { "\($0.0) \($0.1)" }.sorted() == expected.map { "\($0.0) \($0.1)" }.sorted())
    }

    @Test("every operation on a complete base")
    func operations() throws {
        let history = try #require(try timeline(of: Self.corpus).histories["V2400090001"])
        #expect(history.versions.map(\.from.date) == [date("2024-01-21"), date("2024-03-01")])
        #expect(history.versions[0].from.provisional == false)
        #expect(history.versions[1].amendedBy == ["V2400090002", "V2400090003"])
        #expect(history.work.repealed?.from.date == date("2025-01-01") && history.work.repealed?.by == "V2400090006")
        #expect(history.versions[1].to?.date == date("2025-01-01"))
        func text(_ citation: String, _ on: String) -> String? {
            if case .found(let node, _) = history.lookup(Citation.parse(citation)![0], at: date(on)) { return node.fullText }
            return nil
        }
        // Replace: the later act of the same day wins.
        #expect(text("2-тармақ", "2024-06-01") == "2. Қызметті Министрліктің аумақтық бөлімшелері көрсетеді.")
        #expect(text("2-тармақ", "2024-02-01") == "2. Қызметті Министрлік көрсетеді.")
        // Insert: 3-1 lands after 3, inside chapter 1.
        let chapter1 = history.versions[1].root.find(eId: "att_1__chp_1")
        #expect(chapter1?.children.compactMap(\.num) == ["1", "2", "3", "3-1"])
        // Delete: the slot stays, struck out, with the deletion's provenance.
        let point4 = history.versions[1].root.find(eId: "att_1__chp_2__para_4")
        #expect(point4?.repealed == true && point4?.text.isEmpty == true && point4?.provenance?.op == .delete)
        #expect(history.lookup(Citation.parse("4-тармақ")![0], at: date("2024-06-01")).exitCode == 4)
        let point4History = history.history(of: Citation.parse("4-тармақ")![0])
        #expect(point4History.map(\.node.repealed) == [false, true], "a deletion is a version of the unit")
        #expect(point4History.last?.to?.date == date("2025-01-01"))
        // Words: replaced, inserted after, struck out; whole text.
        #expect(text("5-тармақ", "2024-06-01") == "5. Көрсетілетін қызметті алушы жаңа сөз арқылы жүгінеді.")
        #expect(text("6-тармақтың 2) тармақшасы", "2024-06-01") == "2) құжаттарды және мәліметтерді тексереді;")
        #expect(text("6-тармақтың 3) тармақшасы", "2024-06-01") == "3) нәтижені.")
        #expect(text("1-тармақ", "2024-06-01") == "1. Осы Қағидалар тексеру қызметін көрсету тәртібін айқындайды.")
        // Repeal: nothing is in force after.
        #expect(history.lookup(Citation.parse("5-тармақ")![0], at: date("2025-06-01")).exitCode == 4)
        #expect(history.lookup(Citation.parse("1-тармақ")![0], at: date("2024-01-01")).exitCode == 4)
    }

    @Test("one work at a time (Timeline.Inputs): the works wanted in id order, each built once, as the whole timeline builds it")
    func oneWorkAtATime() throws {
        let loaded = try Corpus.load(Golden.packageRoot.appendingPathComponent(Self.corpus).path)
        let acts = loaded.documents.compactMap { ReadAct.read($0).0 }
        let whole = Timeline.build(acts)
        // A work in the corpus, a stub only cited, an id nothing is or changes.
        let only: Set = ["V2400090001", "V2000020099", "V9999999999"]
        let inputs = Timeline.Inputs(acts, only: only)
        let works = inputs.works.map(\.id), documentFindings = inputs.findings
        #expect(works == ["V2000020099", "V2400090001"])
        #expect(documentFindings.allSatisfy { $0.work.map(only.contains) ?? true })
        let calls = Mutex(0)
        let built = inputs.histories { history, found in
            calls.withLock { $0 += 1 }
            return (RuleSetText.history(history), found.map(\.oneLine))
        }
        #expect(calls.withLock { $0 } == 2)
        for (work, (text, _)) in zip(["V2000020099", "V2400090001"], built) {
            #expect(text == RuleSetText.history(try #require(whole.histories[work])))
        }
        // The documents' findings and those of applying the edits: the whole timeline's, for
        // these works.
        let wanted = { (finding: Finding) in finding.work.map(only.contains) ?? false }
        let found = documentFindings.filter(wanted).map(\.oneLine) + built.flatMap(\.1)
        #expect(found.sorted() == whole.findings.filter(wanted).map(\.oneLine).sorted())
        #expect(!built[1].1.isEmpty, "applying edits to V2400090001 finds something")
    }

    @Test("a work not in the corpus: set units known, the rest unknown, a struck unit recorded")
    func partialBase() throws {
        let history = try #require(try timeline(of: Self.corpus).histories["V2000020099"])
        #expect(!history.work.inCorpus && history.work.existsFrom?.provisional == true)
        #expect(history.versions.count == 2 && history.versions[1].from.date == date("2024-05-14") && history.versions[1].from.provisional)
        #expect(history.lookup(Citation.parse("3-тармақ")![0], at: date("2024-06-01")).exitCode == 0)
        #expect(history.lookup(Citation.parse("7-тармақ")![0], at: date("2024-06-01")).exitCode == 3)
        // Words edited in point 7, whose text is not in the corpus: still unknown, but on record.
        guard case .notInCorpus(let message, _) = history.lookup(Citation.parse("7-тармақ")![0], at: date("2024-06-01")) else {
            Issue.record("point 7 should be not in corpus"); return
        }
        #expect(message.hasSuffix("amended by V2400090005 (replace_words) from 2024-05-14 at the earliest"))
        #expect(history.lookup(Citation.parse("8-тармақ")![0], at: date("2024-06-01")).exitCode == 4)
        #expect(history.lookup(Citation.parse("3-тармақ")![0], at: date("2024-05-01")).exitCode == 3)
        let rules = try #require(history.versions[1].root.children.first)
        #expect(rules.eId == "att_1" && rules.unknown && rules.partial && rules.heading == "Басқа қағидалары")
    }
}

@Suite("Timeline: building blocks")
struct TimelineBlocksTests {
    @Test("SHA-256 matches FIPS 180-4 test vectors")
    func sha256() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // Several blocks, and a message whose padding needs a block of its own (1280 bytes, checked with Python's hashlib).
        #expect(SHA256.hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        #expect(SHA256.hex(Array((0..<5).flatMap { _ in (0...255).map(UInt8.init) }))
                == "d414b085826eb06778483ba35564dc849e643359f69ed9747878ba6e54985bed")
        // FIPS 180-4's long message (a million "a"), and bytes without contiguous storage.
        #expect(SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(SHA256.hex("abc".utf8.lazy.map { $0 }) == SHA256.hex("abc"))
        #expect(SHA256.digest([UInt8]()).count == 32)
    }

    @Test("SHA-256 from many threads at once, each reusing its digest context: every digest the one computed alone")
    func sha256Threads() {
        // Inputs of every length up to two blocks and more, so a reused context that kept
        // anything of the last message (its length, a partial block) shows.
        let inputs = (0..<600).map { length in (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ length) } }
        let alone = inputs.map { SHA256.hex($0) }
        let together = Parallel.map(Array(inputs.indices) + Array(inputs.indices.reversed())) { SHA256.hex(inputs[$0]) }
        #expect(together == alone + alone.reversed())
        #expect(SHA256.hex(inputs[3]) == alone[3] && SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("unit numbers sort naturally", arguments: [("13", "13-1"), ("13-1", "13-2"), ("13-2", "14"), ("9", "10"), ("5-1", "5-1-1"), ("13-1", "13-10"),
                                                    ("13-а", "13-б"), ("13-1", "13-а"), ("13", "13-а"), ("2", "10-а"), ("I", "II")])
    func naturalOrder(_ pair: (String, String)) {
        #expect(NaturalOrder.precedes(pair.0, pair.1))
        #expect(!NaturalOrder.precedes(pair.1, pair.0))
        #expect(!NaturalOrder.precedes(pair.0, pair.0))
    }

    @Test("unit numbers compared on their bytes as part by part with Int(_:) and String's order, over every pair of odd and ordinary numbers")
    func naturalOrderAsParts() {
        /// The order by its definition: parts cut at hyphens, numbers by `Int(_:)`, the others
        /// as strings.
        func reference(_ a: String, _ b: String) -> Bool {
            let (x, y) = (a.split(separator: "-", omittingEmptySubsequences: false), b.split(separator: "-", omittingEmptySubsequences: false))
            for (left, right) in zip(x, y) where left != right {
                switch (Int(left), Int(right)) {
                case let (i?, j?): return i < j
                case (_?, nil): return true
                case (nil, _?): return false
                case (nil, nil): return left < right
                }
            }
            return x.count < y.count
        }
        let numbers = ["", "-", "1", "2", "9", "10", "13", "13-1", "13-10", "13-2", "13-а", "13-б", "05", "5", "+5", "+", "5-",
                       "-5", "9223372036854775807", "9223372036854775808", "99999999999999999999", "1-1-1", "1--1", "а", "б",
                       "I", "II", "5а", "13-1-а", "ә", "е\u{301}", "é", "2)", "٣"]
        var disagreements: [String] = []
        for a in numbers {
            for b in numbers where NaturalOrder.precedes(a, b) != reference(a, b) { disagreements.append("\(a) \(b)") }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }

    @Test("citations a person types read by the amendment grammar")
    func citations() {
        func paths(_ text: String) -> [String]? { CitationText.parse(text)?.map(\.description) }
        #expect(paths("13-тармақ") == ["paragraph 13"])
        #expect(paths("14-тармақтың 2) тармақшасы") == ["paragraph 14 › subparagraph 2"])
        #expect(paths("4-тармақтың екінші бөлігі") == ["paragraph 4 › part 2"])
        #expect(paths("1-қосымша") == ["appendix 1"])
        #expect(paths("9 және 10-тармақтар") == ["paragraph 9", "paragraph 10"])
        #expect(paths("подпункт 2) пункта 14") == ["paragraph 14 › subparagraph 2"])
        #expect(paths("мынадай редакцияда") == nil)
        #expect(paths("13-тармақ жазылсын") == nil)
        if case .eId(let eId)? = Citation.parse("att_1__para_13")?.first { #expect(eId == "att_1__para_13") } else { Issue.record("eId not read") }
    }

    @Test("effective dates: D+N+1 with a publication date, registration + N + 1 without")
    func effectiveDates() throws {
        let loaded = try Corpus.load(Golden.packageRoot.appendingPathComponent("corpus").path)
        let order115 = try #require(loaded.documents.first { $0.id == "V2500035943" })
        let read = try #require(ReadAct.read(order115).0)
        #expect(read.work.existsFrom?.date == date("2025-04-15") && read.work.existsFrom?.provisional == true)
        #expect(read.work.existsFrom?.basis.contains("registration 2025-04-04 + 11") == true)
    }
}
