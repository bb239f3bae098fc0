/// A JSON value that serializes deterministically: object keys sorted by code point, laid out
/// in one of three styles (`Style`).
/// Every Zan output that is JSON goes through this, so the same input gives the same bytes.
public enum JSON: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    /// A string, or null when `value` is nil.
    public static func string(_ value: String?) -> JSON { value.map(JSON.string) ?? .null }
    /// An integer, or null when `value` is nil.
    public static func int(_ value: Int?) -> JSON { value.map(JSON.int) ?? .null }

    /// How a value is laid out. Every style is deterministic (object keys sorted by code point).
    public enum Style: Sendable {
        /// No whitespace at all.
        case compact
        /// Every member and element on its own line, indented two spaces per level: for
        /// outputs people read.
        case pretty
        /// Every member and element on its own line, not indented: line-based diffs of a
        /// changed file stay exact, at a third less than `pretty` for deep trees.
        case lines
    }

    /// The serialized text.
    public func serialized(pretty: Bool = false) -> String {
        serialized(pretty ? .pretty : .compact)
    }

    /// The serialized text in `style`.
    public func serialized(_ style: Style) -> String {
        String(decoding: utf8(style), as: UTF8.self)
    }

    /// The serialized text's UTF-8 bytes (no `String` in between: large outputs are written
    /// and hashed as bytes).
    public func utf8(_ style: Style) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4_096)
        write(to: &out, style: style, depth: 0)
        return out
    }

    /// Appends the serialized text's UTF-8 bytes to `out` (a value inside a larger text that is
    /// written as it goes: `utf8` makes an array of its own, with room for 4 KB).
    public func write(to out: inout [UInt8], _ style: Style) {
        write(to: &out, style: style, depth: 0)
    }

    private func write(to out: inout [UInt8], style: Style, depth: Int) {
        switch self {
        case .null: out.append(contentsOf: JSON.nullBytes)
        case .bool(let value): out.append(contentsOf: value ? JSON.trueBytes : JSON.falseBytes)
        case .int(let value): JSON.writeInt(value, to: &out)
        case .string(let value): JSON.writeString(value, to: &out)
        case .array(let values):
            if values.isEmpty { out.append(contentsOf: JSON.emptyArray); return }
            out.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSON.newline(&out, style, depth + 1)
                value.write(to: &out, style: style, depth: depth + 1)
            }
            JSON.newline(&out, style, depth)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out.append(contentsOf: JSON.emptyObject); return }
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.sorted(by: { JSON.codePointOrder($0.key, $1.key) }).enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSON.newline(&out, style, depth + 1)
                JSON.writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                if style != .compact { out.append(UInt8(ascii: " ")) }
                value.write(to: &out, style: style, depth: depth + 1)
            }
            JSON.newline(&out, style, depth)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let nullBytes = Array("null".utf8), trueBytes = Array("true".utf8), falseBytes = Array("false".utf8)
    private static let emptyArray = Array("[]".utf8), emptyObject = Array("{}".utf8)

    private static func newline(_ out: inout [UInt8], _ style: Style, _ depth: Int) {
        switch style {
        case .compact: return
        case .lines: out.append(UInt8(ascii: "\n"))
        case .pretty:
            out.append(UInt8(ascii: "\n"))
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
        }
    }

    /// `keys` in `codePointOrder`. When every key is ASCII (ids and field names are), sorted by
    /// the standard library's comparison, which for ASCII is byte order and compares a short
    /// string in place: at 10,000 works, sorting the build index's 60,000 ids by
    /// `codePointOrder` was a third of encoding it.
    public static func sortedKeys(_ keys: some Sequence<String>) -> [String] {
        var keys = Array(keys)
        if keys.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) {
            keys.sort()
        } else {
            keys.sort(by: codePointOrder)
        }
        return keys
    }

    /// Keys compare by Unicode scalar values, independent of locale (UTF-8 byte order is
    /// code point order).
    ///
    /// Compared on the strings' contiguous bytes where they have them (native strings do):
    /// the generic comparison of two UTF-8 views was half the time of writing the build index.
    public static func codePointOrder(_ a: String, _ b: String) -> Bool {
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Bool in
                var index = 0
                let common = min(x.count, y.count)
                while index < common {
                    if x[index] != y[index] { return x[index] < y[index] }
                    index += 1
                }
                return x.count < y.count
            }
        }
        if let fast, let result = fast { return result }
        return a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Appends `value` as a string literal (quoted, escaped) to `out`: runs of bytes that need
    /// no escape are copied whole, and looked through eight at a time (`needsEscape`): the
    /// byte-by-byte test was half of writing a work's tables.
    public static func writeString(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        value.withBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            var run = 0   // the first byte not written yet
            var index = 0
            while index < bytes.count {
                if index + 8 <= bytes.count, !needsEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = bytes[index]
                index += 1
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index - 1]))
                run = index
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case UInt8(ascii: "\n"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case UInt8(ascii: "\r"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case UInt8(ascii: "\t"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                            hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Writes `value` in decimal (`DecimalDigits`: made as a `String` first, an integer cost
    /// about as much as a short string).
    public static func writeInt(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        DecimalDigits.append(UInt64(value.magnitude), to: &out)
    }

    /// True when one of the eight bytes of `word` needs an escape in a string literal: below
    /// 0x20, a quote or a backslash (`WordBytes`).
    @inline(__always)
    static func needsEscape(_ word: UInt64) -> Bool {
        WordBytes.contain(below: 0x20, in: word) || WordBytes.contain(UInt8(ascii: "\""), in: word)
            || WordBytes.contain(UInt8(ascii: "\\"), in: word)
    }
}
