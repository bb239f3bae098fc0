import ZanText
import ZanTimeline

/// Writing version files fast: a work's 21 versions share all but a few units, so a build writes
/// each version's bytes straight from the tree (no `JSON` dictionary per node), and copies the
/// bytes of every unit the previous version already wrote unchanged.
///
/// The bytes are exactly `RuleSetBuild.text(RuleSetJSON.version(…))` — `RuleSetJSON` stays the
/// definition of the shapes, and a test holds this writer to it. The `.lines` style indents
/// nothing, so a subtree's bytes do not depend on where it stands, and can be copied.
extension RuleSetJSON {
    /// Writes the version files of one work, in any order (normally oldest first). Not for use
    /// from several threads: a build makes one per work.
    public final class VersionWriter {
        /// The last node written under each eId, and where its bytes are: `files[file][range]`.
        private var units: [String: (node: RuleNode, file: Int, range: Range<Int>)] = [:]
        /// The files written so far, which unchanged units are copied from (the build holds a
        /// work's version files until it publishes them anyway). A unit is written straight into
        /// its file, not into bytes of its own then copied into its parent's: each unit on the
        /// path to an edit was copied once per level above it.
        private var files: [[UInt8]] = []
        /// The size of the last file written.
        private var lastSize = 1 << 16

        public init() {}

        /// The file's bytes, a final newline included. `facts`: the version's runs of the work's
        /// `FactTable`.
        public func write(_ version: Version, of work: Work, facts: [ClosedRange<Int>]) -> [UInt8] {
            var out = LinesEncoder()
            out.bytes.reserveCapacity(lastSize + lastSize / 8)
            out.open("{")
            out.key("amended_by")
            out.strings(version.amendedBy)
            out.key("facts")
            out.open("[")
            for run in facts {
                out.element()
                out.open("[")
                out.element()
                out.int(run.lowerBound)
                out.element()
                out.int(run.upperBound)
                out.close("]")
            }
            out.close("]")
            out.key("format")
            out.int(format)
            out.key("from")
            out.date(version.from)
            out.key("to")
            if let to = version.to { out.date(to) } else { out.null() }
            out.key("tree")
            node(version.root, &out, file: files.count)
            out.key("work")
            out.string(work.id)
            out.close("}")
            out.bytes.append(UInt8(ascii: "\n"))
            lastSize = out.bytes.count
            files.append(out.bytes)
            return out.bytes
        }

        /// A node as `RuleSetJSON.node` has it; a unit unchanged since it was last written is
        /// copied.
        private func node(_ node: RuleNode, _ out: inout LinesEncoder, file: Int) {
            guard let eId = node.eId else { return Self.members(of: node, &out, units: self, file: file) }
            if let known = units[eId], known.node == node {
                if known.file < files.count {
                    files[known.file].withUnsafeBufferPointer { out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[known.range])) }
                } else {
                    // A second unit with the eId in the file being written.
                    out.bytes.append(contentsOf: Array(out.bytes[known.range]))
                }
                return
            }
            let start = out.bytes.count
            Self.members(of: node, &out, units: self, file: file)
            units[eId] = (node, file, start..<out.bytes.count)
        }

        /// Keys in code point order: children, eId, heading, kind, num, partial, provenance,
        /// repealed, text, unknown.
        private static func members(of node: RuleNode, _ out: inout LinesEncoder, units writer: VersionWriter, file: Int) {
            out.open("{")
            out.key("children")
            out.open("[")
            for child in node.children {
                out.element()
                writer.node(child, &out, file: file)
            }
            out.close("]")
            if let eId = node.eId {
                out.key("eId")
                out.string(eId)
            }
            if let heading = node.heading {
                out.key("heading")
                out.string(heading)
            }
            out.key("kind")
            out.string(node.kind.rawValue)
            if let num = node.num {
                out.key("num")
                out.string(num)
            }
            if node.partial {
                out.key("partial")
                out.bool(true)
            }
            if let provenance = node.provenance {
                out.key("provenance")
                out.provenance(provenance)
            }
            if node.repealed {
                out.key("repealed")
                out.bool(true)
            }
            out.key("text")
            out.strings(node.text)
            if node.unknown {
                out.key("unknown")
                out.bool(true)
            }
            out.close("}")
        }
    }
}

extension RuleSetJSON {
    /// `RuleSetBuild.text(RuleSetJSON.facts(of:_:))`, each fact encoded alone: no `JSON` value
    /// of the whole table, whose keys would be sorted again at every level.
    public static func factsFile(of work: Work, _ facts: [Fact]) -> [UInt8] {
        var out = LinesEncoder()
        out.open("{")
        out.key("facts")
        out.open("[")
        for fact in facts {
            out.element()
            out.fact(fact)
        }
        out.close("]")
        out.key("format")
        out.int(format)
        out.key("work")
        out.string(work.id)
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
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":"), UInt8(ascii: " ")])
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

    mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }
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

    /// A fact's own members, which `fact(_:)` writes in this order.
    private static let factMembers: Set<String> = ["eId", "id", "kind", "last_paragraph", "notes", "paragraph", "source", "span"]

    /// `Fact.json`: its fields and its own members (which win over a field of the same name),
    /// all in code point order. Building the `JSON` value first, then sorting its members,
    /// was four fifths of writing a work's fact table.
    mutating func fact(_ fact: Fact) {
        let extra = JSON.sortedKeys(fact.fields.keys.filter { !Self.factMembers.contains($0) })
        var next = extra.startIndex
        /// The fields that come before `key` in code point order (all that are left: nil).
        func fields(before key: String?) {
            while next < extra.endIndex, key.map({ JSON.codePointOrder(extra[next], $0) }) ?? true {
                self.key(extra[next])
                if let value = fact.fields[extra[next]] { bytes.append(contentsOf: value.utf8(.lines)) }
                next += 1
            }
        }
        open("{")
        fields(before: "eId")
        key("eId")
        string(fact.eId)
        fields(before: "id")
        key("id")
        string(fact.id)
        fields(before: "kind")
        key("kind")
        string(fact.kind.rawValue)
        fields(before: "last_paragraph")
        key("last_paragraph")
        int(fact.lastParagraph)
        fields(before: "notes")
        key("notes")
        strings(fact.notes)
        fields(before: "paragraph")
        key("paragraph")
        int(fact.paragraph)
        fields(before: "source")
        key("source")
        string(fact.source)
        fields(before: "span")
        key("span")
        open("{")
        key("end")
        int(fact.span.upperBound)
        key("start")
        int(fact.span.lowerBound)
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
