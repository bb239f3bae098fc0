import Foundation
import ZanText

/// `rules/index.json`: what the last build read and wrote, for the next one to compare with.
///
/// A build changes entries through `set`, which notes what changed: a rebuild that changed
/// nothing need not write the index, and one that changed a few entries copies the others'
/// bytes from the file it read (at 10,000 works the index has 60,000 entries, 8.9 MB; encoding
/// them all was a tenth of a rebuild after one new order).
struct BuildIndex {
    struct Document: Equatable {
        var sha256: String
        /// The works the document's edits change.
        var changes: [String]
    }

    private var documentTable: RewrittenTable<Document>
    /// Work → the SHA-256 of its index (`rules/<work>/index.json`), which lists each version
    /// file's SHA-256: one hash per work vouches for all its files.
    private var workTable: RewrittenTable<String>
    /// The bytes the index was read from (nil for an index made in memory).
    private var bytes: Data?

    var documents: [String: Document] { documentTable.values }
    var works: [String: String] { workTable.values }
    /// True once `set` added, changed or removed an entry.
    var changed: Bool { documentTable.changed || workTable.changed }

    init(documents: [String: Document] = [:], works: [String: String] = [:]) {
        documentTable = RewrittenTable(documents)
        workTable = RewrittenTable(works)
    }

    /// Sets (or, with nil, removes) a document's entry.
    mutating func set(document id: String, _ document: Document?) { documentTable.set(id, document) }

    /// Sets (or, with nil, removes) a work's entry.
    mutating func set(work id: String, _ sha256: String?) { workTable.set(id, sha256) }

    /// `{documents: {id: {changes, sha256}}, format, works: {id: sha256}}`, keys sorted, in the
    /// style of every rule-set file. Written straight to bytes.
    var json: [UInt8] { json(reusingRead: false) }

    /// `json`; with `reusingRead`, the entries not changed since the index was read are copied
    /// from the bytes read, which must be bytes `json` wrote (the build's stamps vouch for the
    /// file): the same bytes either way.
    func json(reusingRead: Bool) -> [UInt8] { encode(reusingRead: reusingRead).bytes }

    /// `json(reusingRead:)`, and whether the entries not changed were copied (false when there
    /// was nothing to copy from: an index made in memory, or read from a file not in key order).
    func encode(reusingRead: Bool) -> (bytes: [UInt8], copied: Bool) {
        var out = LinesEncoder()
        let source = reusingRead ? bytes : nil
        if let source { out.bytes.reserveCapacity(source.count + 4096) }
        out.open("{")
        out.key("documents")
        let document: @Sendable (inout LinesEncoder, Document) -> Void = { out, document in
            out.open("{")
            out.key("changes")
            out.strings(document.changes)
            out.key("sha256")
            out.string(document.sha256)
            out.close("}")
        }
        let copiedDocuments = source?.withUnsafeBytes { out.object(documentTable, copyingFrom: $0, document) } ?? false
        if !copiedDocuments { out.object(inParallel: documents, document) }
        out.key("format")
        out.int(RuleSetJSON.format)
        out.key("works")
        let copiedWorks = source?.withUnsafeBytes { out.object(workTable, copyingFrom: $0) { $0.string($1) } } ?? false
        if !copiedWorks { out.object(works) { $0.string($1) } }
        out.close("}")
        out.bytes.append(UInt8(ascii: "\n"))
        return (out.bytes, copiedDocuments && copiedWorks)
    }

    /// The index at `out`, or nil when there is none, it is of another format, or it is not
    /// what a build writes. Read by the pull reader (no `JSON` value per entry); the bytes are
    /// kept, with where each entry's value is, for `json(reusingRead:)`.
    static func read(_ out: String) -> BuildIndex? {
        guard let data = AtomicFile.read(out + "/index.json") else { return nil }
        var index = BuildIndex()
        index.bytes = data
        // About 150 bytes a document and 85 a work: room for all without growing the tables.
        index.documentTable.startReading(count: data.count / 235)
        index.workTable.startReading(count: data.count / 235)
        let read = data.withUnsafeBytes { raw -> Bool in
            var reader = JSONReader(bytes: raw.bindMemory(to: UInt8.self))
            var format: Int?
            let read = reader.members(depth: 0) { reader, key in
                switch key {
                case "format":
                    format = reader.integer()
                    return format != nil
                case "documents":
                    return reader.members(depth: 1) { reader, id in
                        reader.skipSpace()
                        let start = reader.index
                        var sha256: String?, changes: [String] = []
                        let read = reader.members(depth: 2) { reader, key in
                            switch key {
                            case "sha256":
                                sha256 = reader.string()
                                return sha256 != nil
                            case "changes": return reader.strings(depth: 3, into: &changes)
                            default: return reader.skipValue(depth: 3)
                            }
                        }
                        guard read, let sha256 else { return false }
                        index.documentTable.append(id.string, Document(sha256: sha256, changes: changes), at: start..<reader.index)
                        return true
                    }
                case "works":
                    return reader.members(depth: 1) { reader, id in
                        reader.skipSpace()
                        let start = reader.index
                        guard let sha256 = reader.string() else { return false }
                        index.workTable.append(id.string, sha256, at: start..<reader.index)
                        return true
                    }
                default: return reader.skipValue(depth: 1)
                }
            }
            return read && reader.atEnd() && format == RuleSetJSON.format
        }
        guard read else { return nil }
        // Copied only in key order, once each (a file with a key twice is not one `json` wrote).
        index.documentTable.endReading(by: JSON.codePointOrder)
        index.workTable.endReading(by: JSON.codePointOrder)
        return index
    }
}

extension JSONReader {
    /// An array of strings, appended to `strings`.
    mutating func strings(depth: Int, into strings: inout [String]) -> Bool {
        items(depth: depth) { reader in
            guard let string = reader.string() else { return false }
            strings.append(string)
            return true
        }
    }
}
