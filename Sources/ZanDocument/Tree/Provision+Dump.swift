import ZanText

extension Document {
    /// The tree as `kind num eId @line:col "heading"` lines with box-drawn children, as
    /// swift-markdown's dump prints it: the main golden of structure parsing.
    public func dumpTree() -> String {
        var out = "document"
        if let id = metadata.id { out += " \(id)" }
        out += " @1:1"
        if let title { out += " \"\(title)\"" }
        out += "\n"
        for note in notes {
            out += "├─ note @\(source.lineColumn(at: note.range.start)) \"\(note.text.replacingNewlines())\"\n"
        }
        for (index, child) in root.children.enumerated() {
            child.dump(in: source, prefix: "", last: index == root.children.count - 1, into: &out)
        }
        return out
    }

    /// The document as JSON (keys sorted): title, shape, metadata, notes, tree.
    public func json() -> JSON {
        .object([
            "title": .string(title),
            "shape": .string(shape.rawValue),
            "metadata": metadata.json(),
            "notes": .array(notes.map { .object(["text": .string($0.text), "line": .int($0.line)]) }),
            "tree": root.json(in: source),
        ])
    }
}

extension Provision {
    /// The subtree as `kind num eId @line:col "heading"` lines with box-drawn children.
    public func dumpTree(in source: SourceFile, prefix: String = "") -> String {
        var out = ""
        dump(in: source, prefix: prefix, last: true, into: &out)
        return out
    }

    func dump(in source: SourceFile, prefix: String, last: Bool, into out: inout String) {
        var line = prefix + (last ? "└─ " : "├─ ") + kind.rawValue
        if let num { line += " \(num)" }
        if let eId { line += " \(eId)" }
        line += " @\(source.lineColumn(at: range.start))"
        if let heading { line += " \"\(heading.prefix(80))\"" }
        out += line + "\n"
        let childPrefix = prefix + (last ? "   " : "│  ")
        for (index, child) in children.enumerated() {
            child.dump(in: source, prefix: childPrefix, last: index == children.count - 1, into: &out)
        }
    }
}

extension DocumentMetadata {
    func json() -> JSON {
        .object([
            "kind": .string(kind), "issuer": .string(issuer), "acting": .bool(acting),
            "date": .string(date?.description), "number": .string(number),
            "registration": .object(["date": .string(registrationDate?.description), "number": .string(registrationNumber)]),
            "id": .string(id),
        ])
    }
}

extension Provision {
    /// The node as JSON: kind, num, eId, heading, content (paragraph texts), children, line and
    /// column, and its original byte range.
    public func json(in file: SourceFile) -> JSON {
        let position = file.lineColumn(at: range.start)
        return .object([
            "kind": .string(kind.rawValue), "num": .string(num), "eId": .string(eId), "heading": .string(heading),
            "content": .array(content.map { .string($0.text) }),
            "children": .array(children.map { $0.json(in: file) }),
            "line": .int(position.line), "column": .int(position.column),
            "range": .object(["start": .int(range.start), "end": .int(range.end)]),
        ])
    }
}

extension String {
    func replacingNewlines() -> String {
        String(map { $0 == "\n" ? " " : $0 }).prefix(80).description
    }
}
