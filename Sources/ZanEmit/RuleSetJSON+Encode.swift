import ZanText
import ZanTimeline

/// Writing a work's tables fast: each entry is written straight (no `JSON` value per unit or
/// per fact, whose keys would be sorted again at every level). The bytes are exactly
/// `RuleSetBuild.text` of `RuleSetJSON.units` and `RuleSetJSON.facts` — `RuleSetJSON` stays the
/// definition of the shapes, and tests hold these writers to it.
extension RuleSetJSON {
    /// `RuleSetBuild.text(RuleSetJSON.units(of:_:))`.
    public static func unitsFile(of work: Work, _ units: [UnitEntry]) -> [UInt8] {
        table("units", of: work, units) { $0.unit($1) }
    }

    /// `RuleSetBuild.text(RuleSetJSON.facts(of:_:))`.
    public static func factsFile(of work: Work, _ facts: [Fact]) -> [UInt8] {
        table("facts", of: work, facts) { $0.fact($1) }
    }

    /// A work's table file: `format`, `work`, and the entries under `name`, each by `entry`.
    private static func table<Entry>(_ name: String, of work: Work, _ entries: [Entry],
                                     _ entry: (inout LinesEncoder, Entry) -> Void) -> [UInt8] {
        var out = LinesEncoder()
        out.open("{")
        for key in JSON.sortedKeys([name, "format", "work"]) {
            out.key(key)
            switch key {
            case "format": out.int(format)
            case "work": out.string(work.id)
            default:
                out.open("[")
                for value in entries {
                    out.element()
                    entry(&out, value)
                }
                out.close("]")
            }
        }
        out.close("}")
        out.bytes.append(UInt8(ascii: "\n"))
        return out.bytes
    }
}

/// JSON in `JSON.Style.lines` (every member and element on its own line, nothing indented),
/// written as it goes; the caller gives object keys in code point order.
struct LinesEncoder {
    var bytes: [UInt8] = []
    /// Per open object or array: nothing written in it yet.
    private var empty: [Bool] = []

    mutating func open(_ bracket: Character) {
        bytes.append(bracket == "{" ? UInt8(ascii: "{") : UInt8(ascii: "["))
        empty.append(true)
    }

    mutating func close(_ bracket: Character) {
        if empty.removeLast() == false { bytes.append(UInt8(ascii: "\n")) }
        bytes.append(bracket == "}" ? UInt8(ascii: "}") : UInt8(ascii: "]"))
    }

    /// Before each element of an array.
    mutating func element() {
        if empty[empty.count - 1] { empty[empty.count - 1] = false } else { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Before each member of an object.
    mutating func key(_ key: StaticString) {
        element()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
    }

    /// Before each member of an object, for a key only known at run time (escaped as needed).
    mutating func key(_ key: String) {
        element()
        JSON.writeString(key, to: &bytes)
        bytes.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
    }

    mutating func string(_ value: String) { JSON.writeString(value, to: &bytes) }

    mutating func strings(_ strings: [String]) {
        open("[")
        for string in strings {
            element()
            self.string(string)
        }
        close("]")
    }

    /// An object of `members`, keys sorted, each value written by `value`.
    mutating func object<Value>(_ members: [String: Value], _ value: (inout LinesEncoder, Value) -> Void) {
        open("{")
        // The keys sorted alone: sorting key-value pairs copies every value, each comparison.
        for key in JSON.sortedKeys(members.keys) {
            guard let member = members[key] else { continue }
            self.key(key)
            value(&self, member)
        }
        close("}")
    }

    /// `object`, for an object of many members: they are written in chunks of keys on every
    /// core, then joined in key order (the same bytes). The build index's 30,000 documents (at
    /// 10,000 works) are one.
    mutating func object<Value: Sendable>(inParallel members: [String: Value],
                                          _ value: @escaping @Sendable (inout LinesEncoder, Value) -> Void) {
        let keys = JSON.sortedKeys(members.keys)
        let chunks = min(keys.count / 256, 16)
        guard chunks > 1 else { return object(members, value) }
        let parts = Parallel.map(Array(0..<chunks)) { chunk -> [UInt8] in
            var part = LinesEncoder()
            part.empty = [false]   // every member of a part follows another one
            for key in keys[chunk * keys.count / chunks..<(chunk + 1) * keys.count / chunks] {
                guard let member = members[key] else { continue }
                part.key(key)
                value(&part, member)
            }
            return part.bytes
        }
        open("{")
        for (index, part) in parts.enumerated() {
            // The object's first member is not preceded by a comma.
            bytes.append(contentsOf: index == 0 ? part.dropFirst() : part[...])
        }
        empty[empty.count - 1] = false
        close("}")
    }

    /// `object`, for an object read before from `bytes` (which this encoder wrote) and changed
    /// in a few members since, as `table` noted: the members not changed are copied from
    /// `bytes`, the others written by `value`. The same bytes as `object(table.values, value)`.
    /// False, with nothing written, when the table kept no places to copy from.
    mutating func object<Value>(_ table: RewrittenTable<Value>, copyingFrom bytes: UnsafeRawBufferPointer,
                                _ value: (inout LinesEncoder, Value) -> Void) -> Bool {
        let start = self.bytes.count
        open("{")
        let copied = table.rewrite(by: JSON.codePointOrder, copy: { key, range in
            // The place is the value's: its key is written as `key` writes it.
            self.key(key)
            self.bytes.append(contentsOf: bytes[range])
        }, write: { key, member in
            self.key(key)
            value(&self, member)
        })
        guard copied else {
            self.bytes.removeSubrange(start...)
            empty.removeLast()
            return false
        }
        close("}")
        return true
    }

    mutating func int(_ value: Int) { JSON.writeInt(value, to: &bytes) }
    mutating func bool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }
    mutating func null() { bytes.append(contentsOf: "null".utf8) }

    /// `RuleSetJSON.date`: basis, date, provisional.
    mutating func date(_ date: EffectiveDate) {
        open("{")
        key("basis")
        string(date.basis)
        key("date")
        string(date.date.description)
        key("provisional")
        bool(date.provisional)
        close("}")
    }

    /// `RuleSetJSON.unit`: keys in code point order: depth, eId, heading, kind, num, partial,
    /// provenance, repealed, text, unknown.
    mutating func unit(_ entry: UnitEntry) {
        let node = entry.unit
        open("{")
        key("depth")
        int(entry.depth)
        if let eId = node.eId {
            key("eId")
            string(eId)
        }
        if let heading = node.heading {
            key("heading")
            string(heading)
        }
        key("kind")
        string(node.kind.rawValue)
        if let num = node.num {
            key("num")
            string(num)
        }
        if node.partial {
            key("partial")
            bool(true)
        }
        if let provenance = node.provenance {
            key("provenance")
            self.provenance(provenance)
        }
        if node.repealed {
            key("repealed")
            bool(true)
        }
        key("text")
        strings(node.text)
        if node.unknown {
            key("unknown")
            bool(true)
        }
        close("}")
    }

    /// `RuleSetJSON.provenance`: act, effective, end, file, op, point, start.
    mutating func provenance(_ provenance: Provenance) {
        open("{")
        key("act")
        string(provenance.act)
        if let effective = provenance.effective {
            key("effective")
            date(effective)
        }
        key("end")
        position(provenance.end)
        key("file")
        string(provenance.file)
        if let op = provenance.op {
            key("op")
            string(op.rawValue)
        }
        if let point = provenance.point {
            key("point")
            string(point)
        }
        key("start")
        position(provenance.start)
        close("}")
    }

    /// `Fact.json`: its fields and its own members (which win over a field of the same name),
    /// all in code point order. Building the `JSON` value first, then sorting its members,
    /// was four fifths of writing a work's fact table.
    mutating func fact(_ fact: Fact) {
        fact.withFields { self.fact($0) }
    }

    private mutating func fact(_ fact: UnsafePointer<Fact.Fields>) {
        // The fields are in code point order already (`FactFields`), as are the members: the
        // two merge, and a field named as the member that comes next is left out.
        var next = fact.pointee.fields.startIndex
        /// The fields that come before `key` in code point order, and the field named `key` left
        /// out (all that are left: nil).
        func fields(before key: String?) {
            while next < fact.pointee.fields.endIndex {
                let field = fact.pointee.fields[next]
                if let key, !JSON.codePointOrder(field.key, key) {
                    if field.key.sameBytes(as: key) { next += 1 }
                    return
                }
                self.key(field.key)
                field.value.write(to: &bytes, .lines)
                next += 1
            }
        }
        open("{")
        fields(before: "eId")
        key("eId")
        string(fact.pointee.eId)
        fields(before: "id")
        key("id")
        string(fact.pointee.id)
        fields(before: "kind")
        key("kind")
        string(fact.pointee.kind.rawValue)
        fields(before: "last_paragraph")
        key("last_paragraph")
        int(fact.pointee.lastParagraph)
        fields(before: "notes")
        key("notes")
        strings(fact.pointee.notes)
        fields(before: "paragraph")
        key("paragraph")
        int(fact.pointee.paragraph)
        fields(before: "source")
        key("source")
        string(fact.pointee.source)
        fields(before: "span")
        key("span")
        open("{")
        key("end")
        int(fact.pointee.span.upperBound)
        key("start")
        int(fact.pointee.span.lowerBound)
        close("}")
        fields(before: nil)
        close("}")
    }

    /// `RuleSetJSON.position`: column, line.
    mutating func position(_ position: Provenance.Position) {
        open("{")
        key("column")
        int(position.column)
        key("line")
        int(position.line)
        close("}")
    }
}
