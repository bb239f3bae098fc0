import Testing
import ZanCorpusGen
import ZanTestSupport
@testable import ZanText

@Suite("Source files")
struct SourceFileTests {
    @Test("lines end at LF, CRLF and a lone CR; columns count characters, not bytes")
    func lineTable() {
        let file = SourceFile(text: "бір\r\nекі\rүш\nтөрт")
        #expect(file.lineCount == 4)
        #expect(file.lineText(1) == "бір")
        #expect(file.lineText(2) == "екі")
        #expect(file.lineText(3) == "үш")
        #expect(file.lineText(4) == "төрт")
        // "екі" starts after "бір\r\n": 6 + 2 bytes.
        #expect(file.lineColumn(at: 8) == LineColumn(line: 2, column: 1))
        // "і" in "екі" is the 3rd character but byte 4 of the line.
        #expect(file.lineColumn(at: 12) == LineColumn(line: 2, column: 3))
    }

    @Test("a BOM is skipped: the text starts after it, offsets still count it")
    func byteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Тест".utf8)
        let file = try SourceFile.decode(bytes, path: "bom.txt").get()
        #expect(file.text == "Тест")
        #expect(file.textStart == 3)
        #expect(file.lineColumn(at: 3) == LineColumn(line: 1, column: 1))
        #expect(file.lineColumn(at: 5) == LineColumn(line: 1, column: 2))
        #expect(file.lineText(1) == "Тест")
    }

    @Test("invalid UTF-8 is a located error diagnostic, not a crash")
    func invalidUTF8() {
        let bytes: [UInt8] = Array("бір\nекі ".utf8) + [0xFF, 0x41] + Array("\nүш".utf8)
        let result = SourceFile.decode(bytes, path: "bad.txt")
        guard case .failure(let unreadable) = result else {
            Issue.record("decoded invalid UTF-8")
            return
        }
        let diagnostic = unreadable.diagnostic
        #expect(diagnostic.id.description == "text.invalid-utf8")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.range == SourceRange(14, 15))
        #expect(diagnostic.message == "file is not valid UTF-8: byte sequence 0xFF at byte offset 14; nothing was read")
        // Line 2, column 5: after "екі " (4 characters).
        #expect(unreadable.position == LineColumn(line: 2, column: 5))
        #expect(unreadable.oneLine
                == "bad.txt:2:5: error: [text.invalid-utf8] file is not valid UTF-8: byte sequence 0xFF at byte offset 14; nothing was read")
    }

    @Test("a file over the size limit is refused by its size, located at its start")
    func oversized() {
        let bytes = [UInt8](repeating: 0x61, count: SourceFile.maximumSize + 1)
        guard case .failure(let unreadable) = SourceFile.decode(bytes, path: "big.txt") else {
            Issue.record("decoded a file over the limit")
            return
        }
        #expect(unreadable.oneLine == "big.txt:1:1: error: [text.file-too-large] file is 32.0 MiB; Zan reads files up to 32.0 MiB; nothing was read")
        guard case .success = SourceFile.decode(Array(bytes.dropLast()), path: "limit.txt") else {
            Issue.record("refused a file at the limit")
            return
        }
    }

    @Test("a truncated multi-byte sequence at the end is located too")
    func truncatedSequence() {
        let bytes: [UInt8] = Array("ok ".utf8) + [0xD2]
        guard case .failure(let unreadable) = SourceFile.decode(bytes, path: "t.txt") else {
            Issue.record("decoded a truncated sequence")
            return
        }
        #expect(unreadable.diagnostic.range?.start == 3)
        #expect(unreadable.position == LineColumn(line: 1, column: 4))
    }

    @Test("the line/column tracker agrees with the random-access lookup")
    func tracker() {
        let file = SourceFile(text: "Қазақстан Республикасы\n\tмемлекеттік «қызмет»\r\nсоңы")
        var tracker = LineColumnTracker(file)
        // Every character boundary, in order.
        var offsets = [0]
        for scalar in file.text.unicodeScalars { offsets.append(offsets.last! + UTF8.width(scalar)) }
        for offset in offsets {
            #expect(tracker.lineColumn(at: offset) == file.lineColumn(at: offset), "offset \(offset)")
        }
    }

    @Test("text(in:) slices the original bytes")
    func slicing() {
        let file = SourceFile(text: "13-тармақ мынадай")
        #expect(file.text(in: SourceRange(0, 15)) == "13-тармақ")
    }
}

@Suite("Diagnostic rendering")
struct DiagnosticRenderingTests {
    @Test("one line per diagnostic: path:line:col: severity: [id] message")
    func oneLine() {
        let marked = MarkedSource("бірінші жол\nекінші 1️⃣Мемлекеттiк жол")
        let file = SourceFile(text: marked.text, path: "x.txt")
        let diagnostic = Diagnostic(TextDiagnostic.mixedScriptWord(word: "Мемлекеттiк"),
                                    at: SourceRange(marked["1️⃣"], marked["1️⃣"] + 21))
        #expect(diagnostic.oneLine(in: file)
                == "x.txt:2:8: warning: [text.mixed-script-word] word \"Мемлекеттiк\" mixes Latin and Cyrillic letters and was left as it is")
    }

    @Test("annotated source underlines the range under the right column")
    func annotated() {
        let marked = MarkedSource("a\n\tкөрсетілген 1️⃣бұйрық2️⃣ бекітілген")
        let file = SourceFile(text: marked.text, path: "y.txt")
        let diagnostic = Diagnostic(id: DiagnosticID(domain: "test", name: "demo"), severity: .error,
                                    range: SourceRange(marked["1️⃣"], marked["2️⃣"]), message: "here",
                                    notes: [DiagnosticNote("because", at: SourceRange(0, 1))])
        let expected = """
            y.txt:2:14: error: [test.demo] here
              y.txt:1:1: note: because
             2 |  көрсетілген бұйрық бекітілген
               |              ~~~~~~
               |              `- error: here
            """
        #expect(diagnostic.annotated(in: file) == expected)
    }

    @Test("diagnostics sort by location, then severity")
    func ordering() {
        let a = Diagnostic(id: DiagnosticID(domain: "t", name: "a"), severity: .note, range: SourceRange(5, 6), message: "")
        let b = Diagnostic(id: DiagnosticID(domain: "t", name: "b"), severity: .error, range: SourceRange(5, 6), message: "")
        let c = Diagnostic(id: DiagnosticID(domain: "t", name: "c"), severity: .warning, range: SourceRange(1, 2), message: "")
        #expect([a, b, c].sortedByLocation().map(\.id.name) == ["c", "b", "a"])
        #expect([a, c].hasErrors == false)
        #expect([a, b].hasErrors)
    }

    @Test("two lists merged by location give what sorting both together gives, ties first list first")
    func merging() {
        func note(_ name: String, _ start: Int?, _ message: String = "") -> Diagnostic {
            Diagnostic(id: DiagnosticID(domain: "t", name: name), severity: .note,
                       range: start.map { SourceRange($0, $0 + 1) }, message: message)
        }
        let first = [note("file", nil), note("a", 1), note("a", 4), note("tie", 4, "m"), note("z", 9)]
        let second = [note("b", 0), note("a", 4), note("tie", 4, "m"), note("c", 5), note("d", 12)]
        let merged = [Diagnostic].merged(byLocation: first, second)
        #expect(merged == (first + second).sortedByLocation())
        #expect(merged.map(\.id.name) == ["file", "b", "a", "a", "a", "tie", "tie", "c", "z", "d"])
        // An unsorted list is sorted first; an empty one gives the other as it is.
        #expect([Diagnostic].merged(byLocation: second.reversed(), first) == (first + second).sortedByLocation())
        #expect([Diagnostic].merged(byLocation: [], second) == second)
        #expect([Diagnostic].merged(byLocation: first, []) == first)
        // A list in order comes back in order; one out of order is sorted.
        #expect(second.sortedByLocation() == second)
        #expect(Array(second.reversed()).sortedByLocation() == second)
    }
}

@Suite("Line starts")
struct LineStartTests {
    @Test("line starts found eight bytes at a time are the byte-by-byte ones: LF, CR, CRLF at every place of a block, among Cyrillic")
    func lineStarts() {
        func reference(_ bytes: [UInt8]) -> [Int] {
            var starts = [0], index = 0
            while index < bytes.count {
                if bytes[index] == 0x0A {
                    starts.append(index + 1)
                } else if bytes[index] == 0x0D {
                    if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                    starts.append(index + 1)
                }
                index += 1
            }
            return starts
        }
        var inputs: [[UInt8]] = [[], [0x0A], [0x0D], [0x0D, 0x0A], Array("бір\nекі\r\nүш\rтөрт".utf8)]
        for end in ["\n", "\r", "\r\n", "\n\r", "\u{0B}", "\u{0C}", "\u{85}"] {
            for place in 0..<18 {
                inputs.append(Array((String(repeating: "ә", count: place / 2) + String(repeating: "x", count: place % 2) + end + "тармақ мәтіні").utf8))
            }
        }
        for bytes in inputs {
            #expect(SourceFile.computeLineStarts(bytes) == reference(bytes), "\(bytes)")
        }
        for value in UInt8(0)...UInt8(255) {
            for place in 0..<8 {
                let word = UInt64(value) << (8 * UInt64(place)) | (0x4141_4141_4141_4141 & ~(0xFF << (8 * UInt64(place))))
                #expect(SourceFile.endsLine(word) == (value == 0x0A || value == 0x0D), "\(value) at \(place)")
            }
        }
    }
}

@Suite("JSON")
struct JSONTests {
    @Test("keys are sorted, strings escaped, output stable")
    func serialization() {
        let value = JSON.object(["b": .int(2), "a": .array([.string("қ\"\n\u{1}"), .null, .bool(true)]), "ә": .object([:])])
        #expect(value.serialized() == #"{"a":["қ\"\n\u0001",null,true],"b":2,"ә":{}}"#)
        #expect(JSON.object(["x": .array([.int(1)])]).serialized(pretty: true) == "{\n  \"x\": [\n    1\n  ]\n}")
    }

    @Test("a string is escaped as byte by byte: every ASCII byte at every place of an eight-byte block, among Cyrillic, long and short")
    func escapes() {
        func reference(_ text: String) -> [UInt8] {
            var out: [UInt8] = [0x22]
            for byte in text.utf8 {
                switch byte {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x0A: out += [0x5C, UInt8(ascii: "n")]
                case 0x0D: out += [0x5C, UInt8(ascii: "r")]
                case 0x09: out += [0x5C, UInt8(ascii: "t")]
                case ..<0x20: out += Array(String(format: "\\u%04x", byte).utf8)
                default: out.append(byte)
                }
            }
            return out + [0x22]
        }
        var texts = ["", "a", "қ", "осы Қағидалардың 25-тармағына", String(repeating: "мемлекеттік ", count: 9), "\u{7F}\u{80}ÿ"]
        for byte in UInt8(0)..<0x80 {
            let mark = String(decoding: [byte], as: UTF8.self)
            for place in 0..<17 { texts.append(String(repeating: "ә", count: place / 2) + String(repeating: "x", count: place % 2) + mark + "тармақ") }
        }
        var failures: [String] = []
        for text in texts {
            var out: [UInt8] = []
            JSON.writeString(text, to: &out)
            if out != reference(text) { failures.append(text.debugDescription) }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        // The eight-byte test alone: each byte value at each place.
        for value in UInt8(0)...UInt8(255) {
            for place in 0..<8 {
                let word = UInt64(value) << (8 * UInt64(place)) | (place == 0 ? 0x4141_4141_4141_4100 : 0x4141_4141_4141_4141 & ~(0xFF << (8 * UInt64(place))))
                #expect(JSON.needsEscape(word) == (value < 0x20 || value == 0x22 || value == 0x5C), "\(value) at \(place)")
            }
        }
    }

    @Test("the lines style puts every member on its own line, unindented; its bytes are the text's")
    func lines() {
        let value = JSON.object(["x": .array([.int(1), .object(["y": .string("\\\t\r")])]), "e": .array([])])
        let text = "{\n\"e\": [],\n\"x\": [\n1,\n{\n\"y\": \"\\\\\\t\\r\"\n}\n]\n}"
        #expect(value.serialized(.lines) == text)
        #expect(value.utf8(.lines) == Array(text.utf8))
    }

    @Test("keys sort by code point, not by locale or by UTF-16 unit")
    func keyOrder() {
        // U+FB01 (a ligature, 3 UTF-8 bytes) sorts after U+1F600 in UTF-16 but before it by code point.
        let value = JSON.object(["\u{1F600}": .int(2), "\u{FB01}": .int(1), "Z": .int(0), "a": .int(3)])
        #expect(value.serialized() == "{\"Z\":0,\"a\":3,\"\u{FB01}\":1,\"\u{1F600}\":2}")
        // The comparison itself: a prefix first; small (inline) and long (heap) strings alike.
        let long = String(repeating: "V2300100", count: 4)
        let pairs: [(String, String)] = [("", "a"), ("a", "ab"), ("ab", "b"), ("Z", "a"), ("\u{FB01}", "\u{1F600}"),
                                         (long, long + "0"), (long + "0", long + "1"), ("қ", "ә" + long)]
        for (low, high) in pairs {
            #expect(JSON.codePointOrder(low, high) && !JSON.codePointOrder(high, low), "\(low) < \(high)")
            #expect(JSON.codePointOrder(low, high) == low.utf8.lexicographicallyPrecedes(high.utf8))
        }
        #expect(!JSON.codePointOrder(long, long) && !JSON.codePointOrder("", ""))
    }

    /// All-ASCII keys are sorted by the standard library's comparison, others by
    /// `codePointOrder`: the same order, on ids and on random keys of every ASCII byte (CR
    /// before LF, controls, prefixes, short strings stored inline and long ones on the heap).
    @Test("sortedKeys gives code point order, for ASCII keys and others")
    func sortedKeys() {
        var random = SplitMix(seed: 5)
        for round in 0..<200 {
            let keys = (0..<Int(random.next() % 40)).map { _ in
                String(decoding: (0..<Int(random.next() % 24)).map { _ in UInt8(random.next() % 0x80) }, as: UTF8.self)
                    + (round % 2 == 0 ? "" : ["", "қ", "\u{FB01}", "\u{1F600}"][Int(random.next() % 4)])
            }
            #expect(JSON.sortedKeys(keys) == keys.sorted(by: JSON.codePointOrder), "\(keys)")
        }
        let ids = ["V2600038247", "V2300033763", "P2400000001", "V23000337630", "a-1", "A_1", "Z"]
        #expect(JSON.sortedKeys(ids) == ["A_1", "P2400000001", "V2300033763", "V23000337630", "V2600038247", "Z", "a-1"])
    }
}
