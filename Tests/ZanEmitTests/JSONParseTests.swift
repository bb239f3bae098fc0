import Foundation
import Testing
import ZanEmit
import ZanText

@Suite("JSON.parse: the reader of published rule sets")
struct JSONParseTests {
    func parse(_ text: String) -> JSON? { JSON.parse(Data(text.utf8)) }

    @Test("what JSON.serialized writes reads back the same, pretty or not")
    func roundTrip() {
        let value: JSON = .object([
            "text": .string("«Тегін» \"quoted\" \\ back\nline\ttab \u{1}"), "n": .int(-42), "ok": .bool(true), "none": .null,
            "list": .array([.int(0), .string(""), .object([:]), .array([])]),
        ])
        #expect(parse(value.serialized()) == value)
        #expect(parse(value.serialized(pretty: true)) == value)
    }

    @Test("escapes: \\u with surrogate pairs, \\/; whitespace around")
    func escapes() {
        #expect(parse(" \"\\u0430\\ud83d\\ude00\\/\" ") == .string("а😀/"))
        #expect(parse("\"\\ud83d\"") == nil, "a lone surrogate")
    }

    @Test("strings without escapes: ASCII, UTF-8, and bytes that are not UTF-8 (refused)")
    func plainStrings() {
        #expect(JSON.parse(Data("[\"V2300100000\", \"2024-03-12.json\", \"\"]".utf8))
                == .array([.string("V2300100000"), .string("2024-03-12.json"), .string("")]))
        #expect(JSON.parse(Data("\"қағида 😀\"".utf8)) == .string("қағида 😀"))
        for bytes: [UInt8] in [[0x22, 0xC3, 0x28, 0x22], [0x22, 0x61, 0xFF, 0x22], [0x22, 0xD2, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22]] {
            #expect(JSON.parse(Data(bytes)) == nil, "\(bytes)")
        }
    }

    @Test("keys: ASCII keys compared on their bytes, keys with escapes or other letters decoded first")
    func keys() {
        #expect(parse(#"{"ab": 1, "a\u0063": 2, "қ": 3, "": 4}"#) == .object(["ab": .int(1), "ac": .int(2), "қ": .int(3), "": .int(4)]))
        #expect(parse(#"{"a\"b": 1}"#) == .object(["a\"b": .int(1)]))
        #expect(parse(#"{"a"#) == nil && parse(#"{"a\u00": 1}"#) == nil)
        // The unit table's decoder names the members it knows by the same comparison.
        let escaped = #"{"form\u0061t": \#(RuleSetJSON.format), "units": [{"d\u0065pth": 0, "k\u0069nd": "document", "text": ["т"]}]}"#
        let units = try? RuleSetJSON.decodeUnits(Data(escaped.utf8), "units.json")
        #expect(units?.first?.unit.kind == .document && units?.first?.unit.text == ["т"] && units?.count == 1)
        let unknown = #"{"format": \#(RuleSetJSON.format), "units": [{"depth": 0, "kinds": "document", "text": []}]}"#
        #expect((try? RuleSetJSON.decodeUnits(Data(unknown.utf8), "units.json")) == nil, "a key that only starts like a known one is not it")
    }

    @Test("not JSON, or not what Zan writes: nil, never a crash")
    func invalid() {
        for text in ["", "{", "[1,]", "{\"a\" 1}", "1.5", "2e3", "tru", "[1] x", "\"open", "\"\u{1}\"", "{\"a\":}"] {
            #expect(parse(text) == nil, "\(text)")
        }
        #expect(parse(String(repeating: "[", count: 100_000)) == nil, "nesting is bounded")
        #expect(parse(String(repeating: "[", count: 100) + String(repeating: "]", count: 100)) != nil)
    }
}
