import Foundation
import ZanText

extension JSON {
    /// Parses JSON text (RFC 8259) into `JSON`; nil for anything that is not JSON or holds a
    /// non-integer number (no Zan file has one). A byte-level reader: Foundation's parser on
    /// Linux bridges every value through NSObject, which made loading a large rule set take a
    /// minute.
    public static func parse(_ data: Data) -> JSON? {
        data.withUnsafeBytes { raw in
            var reader = JSONReader(bytes: raw.bindMemory(to: UInt8.self))
            guard let value = reader.value(depth: 0), reader.atEnd() else { return nil }
            return value
        }
    }

    public subscript(key: String) -> JSON? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var int: Int? {
        if case .int(let value) = self { return value }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var array: [JSON]? {
        if case .array(let value) = self { return value }
        return nil
    }

    public var object: [String: JSON]? {
        if case .object(let value) = self { return value }
        return nil
    }
}

/// An object's key as `JSONReader.members` hands it: an ASCII key (every key Zan writes) is
/// compared to the names a decoder expects on its bytes, without making a `String` of it.
/// Valid only inside the `members` call that hands it.
enum JSONKey {
    case ascii(UnsafeBufferPointer<UInt8>)
    /// A key with an escape or a non-ASCII character, decoded.
    case decoded(String)

    var string: String {
        switch self {
        case .ascii(let bytes): String(decoding: bytes, as: UTF8.self)
        case .decoded(let string): string
        }
    }

    /// `case "kind":` in a `switch` over a key.
    static func ~= (name: StaticString, key: JSONKey) -> Bool {
        switch key {
        case .ascii(let bytes):
            guard bytes.count == name.utf8CodeUnitCount else { return false }
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return true }
            return memcmp(base, name.utf8Start, bytes.count) == 0
        case .decoded(let string):
            return string == name.description
        }
    }
}

/// The reader behind `JSON.parse`: recursive descent over UTF-8 bytes, nesting bounded. Its
/// pull primitives (`members`, `items`, `string`, `integer`, `bool`) let a decoder build its own
/// values without an intermediate `JSON` (`RuleSetJSON.decodeUnits`).
struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    static let maxDepth = 512

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// True after the value when the rest is only whitespace.
    mutating func atEnd() -> Bool {
        skipSpace()
        return index == bytes.count
    }

    mutating func literal(_ word: StaticString, _ value: JSON) -> JSON? {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return nil }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return nil }
        index += count
        return value
    }

    /// True when the next value is `null` (and steps over it).
    mutating func null() -> Bool {
        skipSpace()
        return literal("null", .null) != nil
    }

    mutating func bool() -> Bool? {
        skipSpace()
        guard index < bytes.count else { return nil }
        return bytes[index] == UInt8(ascii: "t") ? literal("true", .bool(true))?.bool : literal("false", .bool(false))?.bool
    }

    /// Reads an object at nesting `depth`, handing each key to `member`, which must read the
    /// member's value. False when the text is not an object or `member` returns false.
    mutating func members(depth: Int, _ member: (inout JSONReader, JSONKey) -> Bool) -> Bool {
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{"), depth < Self.maxDepth else { return false }
        index += 1
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return true }
        while true {
            skipSpace()
            guard let key = key() else { return false }
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
            index += 1
            guard member(&self, key) else { return false }
            skipSpace()
            guard index < bytes.count else { return false }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return true }
            return false
        }
    }

    /// Reads an array at nesting `depth`, `item` reading each value. False when the text is
    /// not an array or `item` returns false.
    mutating func items(depth: Int, _ item: (inout JSONReader) -> Bool) -> Bool {
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "["), depth < Self.maxDepth else { return false }
        index += 1
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return true }
        while true {
            guard item(&self) else { return false }
            skipSpace()
            guard index < bytes.count else { return false }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return true }
            return false
        }
    }

    mutating func value(depth: Int) -> JSON? {
        skipSpace()
        guard index < bytes.count, depth < Self.maxDepth else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            var members: [String: JSON] = [:]
            let read = self.members(depth: depth) { reader, key in
                guard let item = reader.value(depth: depth + 1) else { return false }
                members[key.string] = item
                return true
            }
            return read ? .object(members) : nil
        case UInt8(ascii: "["):
            var items: [JSON] = []
            let read = self.items(depth: depth) { reader in
                guard let item = reader.value(depth: depth + 1) else { return false }
                items.append(item)
                return true
            }
            return read ? .array(items) : nil
        case UInt8(ascii: "\""): return string().map(JSON.string)
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        default: return integer().map(JSON.int)
        }
    }

    /// Steps over a value, checking its brackets and strings but building nothing.
    mutating func skipValue(depth: Int) -> Bool {
        skipSpace()
        guard index < bytes.count, depth < Self.maxDepth else { return false }
        var nesting = 0
        repeat {
            guard index < bytes.count else { return false }
            switch bytes[index] {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                nesting += 1
                guard depth + nesting < Self.maxDepth else { return false }
                index += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                nesting -= 1
                guard nesting >= 0 else { return false }
                index += 1
            case UInt8(ascii: "\""):
                guard skipString() else { return false }
            default:
                index += 1
            }
        } while nesting > 0
        return true
    }

    /// Steps over a string: to the next quote (memchr, fast over a long text) not escaped by
    /// an odd run of backslashes before it.
    mutating func skipString() -> Bool {
        guard let base = bytes.baseAddress else { return false }
        index += 1
        while index < bytes.count {
            guard let quote = memchr(base + index, Int32(UInt8(ascii: "\"")), bytes.count - index) else { return false }
            let end = UnsafePointer(quote.assumingMemoryBound(to: UInt8.self)) - base
            var backslashes = 0
            while end - backslashes - 1 >= index, bytes[end - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
            index = end + 1
            if backslashes % 2 == 0 { return true }
        }
        return false
    }

    /// An integer; a fraction or an exponent is not one (nil).
    mutating func integer() -> Int? {
        skipSpace()
        let start = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let digits = index
        var magnitude = 0
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            magnitude = magnitude &* 10 &+ Int(bytes[index] &- UInt8(ascii: "0"))
            index += 1
        }
        guard index > digits, index - digits <= 18 else { return nil }
        if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) { return nil }
        return bytes[start] == UInt8(ascii: "-") ? -magnitude : magnitude
    }

    /// A member's key: its bytes where it has no escape (every key Zan writes), else decoded.
    mutating func key() -> JSONKey? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        var end = index + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20, bytes[end] < 0x80 {
            end += 1
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            let key = JSONKey.ascii(UnsafeBufferPointer(rebasing: bytes[index + 1..<end]))
            index = end + 1
            return key
        }
        return string().map(JSONKey.decoded)
    }

    /// A string: bytes copied as they are until an escape, escapes decoded (surrogate pairs
    /// joined; a lone surrogate is invalid).
    mutating func string() -> String? {
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        index += 1
        // Most strings have no escape: made straight from the bytes, no buffer.
        var end = index
        var bits: UInt8 = 0   // every byte's bits: below 0x80, the run is ASCII
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 {
            bits |= bytes[end]
            end += 1
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            let run = UnsafeBufferPointer(rebasing: bytes[index..<end])
            index = end + 1
            // ASCII is valid UTF-8: made without the generic validation (ids, hashes, file
            // names: nearly every string of a build index).
            return bits < 0x80 ? String(decoding: run, as: UTF8.self) : String(validating: run, as: UTF8.self)
        }
        var out: [UInt8] = []
        var runStart = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                index += 1
                return String(validating: out, as: UTF8.self)
            }
            if byte < 0x20 { return nil }
            if byte != UInt8(ascii: "\\") { index += 1; continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            index += 1
            guard index < bytes.count else { return nil }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard var scalar = hex4() else { return nil }
                if (0xD800..<0xDC00).contains(scalar) {
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else { return nil }
                    index += 2
                    guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let character = Unicode.Scalar(scalar) else { return nil }
                out.append(contentsOf: Array(String(Character(character)).utf8))
            default: return nil
            }
            runStart = index
        }
        return nil
    }

    mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }
}
