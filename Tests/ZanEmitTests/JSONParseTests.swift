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

    @Test("not JSON, or not what Zan writes: nil, never a crash")
    func invalid() {
        for text in ["", "{", "[1,]", "{\"a\" 1}", "1.5", "2e3", "tru", "[1] x", "\"open", "\"\u{1}\"", "{\"a\":}"] {
            #expect(parse(text) == nil, "\(text)")
        }
        #expect(parse(String(repeating: "[", count: 100_000)) == nil, "nesting is bounded")
        #expect(parse(String(repeating: "[", count: 100) + String(repeating: "]", count: 100)) != nil)
    }
}
