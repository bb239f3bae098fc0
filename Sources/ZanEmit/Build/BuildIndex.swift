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

    private(set) var documents: [String: Document]
    /// Work → the SHA-256 of its index (`rules/<work>/index.json`), which lists each version
    /// file's SHA-256: one hash per work vouches for all its files.
    private(set) var works: [String: String]
    /// True once `set` added, changed or removed an entry.
    private(set) var changed = false

    /// The bytes the index was read from, and where each entry's value is in them, in the
    /// file's order (key order); nil for an index made in memory.
    private var source: Source?
    /// The ids of the entries `set` changed since the index was read (their bytes in `source`
    /// are not theirs any more).
    private var edited: (documents: Set<String>, works: Set<String>) = ([], [])

    private struct Source {
        let bytes: Data
        var documents: [(key: String, range: Range<Int>)] = []
        var works: [(key: String, range: Range<Int>)] = []
    }

    init(documents: [String: Document] = [:], works: [String: String] = [:]) {
        self.documents = documents
        self.works = works
    }

    /// Sets (or, with nil, removes) a document's entry.
    mutating func set(document id: String, _ document: Document?) {
        let previous = if let document { documents.updateValue(document, forKey: id) } else { documents.removeValue(forKey: id) }
        guard previous != document else { return }
        changed = true
        if source != nil { edited.documents.insert(id) }
    }

    /// Sets (or, with nil, removes) a work's entry.
    mutating func set(work id: String, _ sha256: String?) {
        let previous = if let sha256 { works.updateValue(sha256, forKey: id) } else { works.removeValue(forKey: id) }
        guard previous != sha256 else { return }
        changed = true
        if source != nil { edited.works.insert(id) }
    }

    /// `{documents: {id: {changes, sha256}}, format, works: {id: sha256}}`, keys sorted, in the
    /// style of every rule-set file. Written straight to bytes.
    var json: [UInt8] { json(reusingRead: false) }

    /// `json`; with `reusingRead`, the entries not changed since the index was read are copied
    /// from the bytes read, which must be bytes `json` wrote (the build's stamps vouch for the
    /// file): the same bytes either way.
    func json(reusingRead: Bool) -> [UInt8] { encode(reusingRead: reusingRead).bytes }

    /// `json(reusingRead:)`, and whether every entry not changed was copied (false when there
    /// was nothing to copy from, or the entries were not what was read and all were written anew).
    func encode(reusingRead: Bool) -> (bytes: [UInt8], copied: Bool) {
        var out = LinesEncoder()
        var copied = reusingRead && source != nil
        if reusingRead, let source { out.bytes.reserveCapacity(source.bytes.count + 4096) }
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
        if reusingRead, let source {
            copied = source.bytes.withUnsafeBytes {
                out.object(documents, copying: source.documents, from: $0, except: edited.documents, document)
            }
        } else {
            out.object(inParallel: documents, document)
        }
        out.key("format")
        out.int(RuleSetJSON.format)
        out.key("works")
        if reusingRead, let source {
            let works = source.bytes.withUnsafeBytes {
                out.object(self.works, copying: source.works, from: $0, except: edited.works) { $0.string($1) }
            }
            copied = copied && works
        } else {
            out.object(works) { $0.string($1) }
        }
        out.close("}")
        out.bytes.append(UInt8(ascii: "\n"))
        return (out.bytes, copied)
    }

    /// The index at `out`, or nil when there is none, it is of another format, or it is not
    /// what a build writes. Read by the pull reader (no `JSON` value per entry); the bytes are
    /// kept, with where each entry's value is, for `json(reusingRead:)`.
    static func read(_ out: String) -> BuildIndex? {
        guard let data = AtomicFile.read(out + "/index.json") else { return nil }
        var source = Source(bytes: data)
        let index = data.withUnsafeBytes { raw -> BuildIndex? in
            var reader = JSONReader(bytes: raw.bindMemory(to: UInt8.self))
            var index = BuildIndex()
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
                        let key = id.string
                        index.documents[key] = Document(sha256: sha256, changes: changes)
                        source.documents.append((key, start..<reader.index))
                        return true
                    }
                case "works":
                    return reader.members(depth: 1) { reader, id in
                        reader.skipSpace()
                        let start = reader.index
                        guard let sha256 = reader.string() else { return false }
                        let key = id.string
                        index.works[key] = sha256
                        source.works.append((key, start..<reader.index))
                        return true
                    }
                default: return reader.skipValue(depth: 1)
                }
            }
            guard read, reader.atEnd(), format == RuleSetJSON.format else { return nil }
            return index
        }
        guard var index else { return nil }
        // Copied only in key order, once each (a file with a key twice is not one `json` wrote).
        let ordered = { (entries: [(key: String, range: Range<Int>)], count: Int) in
            entries.count == count && zip(entries, entries.dropFirst()).allSatisfy { JSON.codePointOrder($0.key, $1.key) }
        }
        if ordered(source.documents, index.documents.count), ordered(source.works, index.works.count) { index.source = source }
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
