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

    @Test("not JSON, or not what Zan writes: nil, never a crash")
    func invalid() {
        for text in ["", "{", "[1,]", "{\"a\" 1}", "1.5", "2e3", "tru", "[1] x", "\"open", "\"\u{1}\"", "{\"a\":}"] {
            #expect(parse(text) == nil, "\(text)")
        }
        #expect(parse(String(repeating: "[", count: 100_000)) == nil, "nesting is bounded")
        #expect(parse(String(repeating: "[", count: 100) + String(repeating: "]", count: 100)) != nil)
    }
}
