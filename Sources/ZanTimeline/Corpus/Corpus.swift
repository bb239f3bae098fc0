import Foundation
import Synchronization
import ZanText

/// Facts about a corpus document that its text lacks, from `corpus/<id>/meta.json`.
public struct CorpusMeta: Hashable, Sendable {
    /// The date of first official publication.
    public var published: CivilDate?

    /// The keys meta.json may have; anything else is reported, not ignored.
    public static let keys: Set<String> = ["published"]

    public init(published: CivilDate? = nil) {
        self.published = published
    }

    /// The meta.json text for these facts (sorted keys, one per line).
    public var json: String {
        var members: [String: JSON] = [:]
        if let published { members["published"] = .string(published.description) }
        return JSON.object(members).serialized(pretty: true) + "\n"
    }
}

/// One document of the corpus: `corpus/<id>/kaz.txt` and its optional `meta.json`.
///
/// A class: a build passes 30,000 of them (at 10,000 works) through lists, filters and
/// parallel maps, and a copy is then one reference counted, not each of its fields. Immutable
/// but for letting its text go (`releaseContent()`).
public final class CorpusDocument: Sendable {
    public let id: String
    /// "V2600038247/kaz.txt": how provenance names the file, wherever the corpus is.
    public var relativePath: String { id + "/" + Corpus.textFile }
    /// SHA-256 of the text's bytes and meta.json's: what the build compares.
    public let sha256: String
    /// The stamps of the text and of meta.json (nil: there is none), taken before reading them.
    public let stamps: Stamps
    /// The text and its facts; nil for a document a caller vouched for by its stamps and that
    /// was not read (`loaded()` reads it), and once `releaseContent()` let it go.
    public var content: Content? { held.withLock { $0 } }
    /// True when the files were read (and hashed) when the corpus was listed: the document was
    /// not vouched for.
    public let readWhenListed: Bool
    private let held: Mutex<Content?>
    /// Where it was read from (the corpus folder, and that folder with links resolved).
    let directory: String, root: String

    public struct Stamps: Equatable, Sendable {
        public var text: FileStamp
        public var meta: FileStamp?
    }

    public struct Content: Sendable {
        public let file: SourceFile
        public let meta: CorpusMeta
    }

    init(id: String, sha256: String, stamps: Stamps, content: Content?, directory: String, root: String) {
        self.id = id
        self.sha256 = sha256
        self.stamps = stamps
        held = Mutex(content)
        readWhenListed = content != nil
        self.directory = directory
        self.root = root
    }

    /// The document with its content, read now when it was not; nil with findings when it can
    /// no longer be read (changed on disk since the corpus was listed).
    public func loaded() -> (CorpusDocument?, [Finding]) {
        content == nil ? Corpus.document(id, in: directory, root: root) : (self, [])
    }

    /// Lets the text go, for a caller that has made what it needs of it: a build, once the
    /// document is read, holds the corpus to the end, and the texts' bytes and strings were a
    /// quarter of its peak memory. `content` is nil after, and `loaded()` reads the files again.
    public func releaseContent() {
        held.withLock { $0 = nil }
    }

    /// The content hash of a document's text and its meta.json.
    static func hash(text: Data, meta: Data?) -> String {
        var bytes = [UInt8](text)
        if let meta { bytes += [0] + [UInt8](meta) }
        return SHA256.hex(bytes)
    }
}

/// The input folder: one subfolder per document, named by its id.
public struct Corpus: Sendable {
    public let directory: String
    /// Sorted by id.
    public let documents: [CorpusDocument]
    /// Problems with the folder's contents: unreadable text, a bad meta.json, a folder name
    /// that is not the id the header gives.
    public let findings: [Finding]

    /// The document with this id, found by binary search (`documents` is sorted by id): no
    /// dictionary of the corpus's 30,000 documents to build at 10,000 works.
    public func document(_ id: String) -> CorpusDocument? {
        var low = 0, high = documents.count
        while low < high {
            let middle = (low + high) / 2
            if documents[middle].id < id { low = middle + 1 } else { high = middle }
        }
        return low < documents.count && documents[low].id == id ? documents[low] : nil
    }

    /// The name of a document's text file inside its folder.
    public static let textFile = "kaz.txt"
    public static let metaFile = "meta.json"

    /// What a caller knows of documents read before: given a document's id and the stamps of
    /// its files, the SHA-256 recorded for exactly those stamps, or nil.
    public typealias Known = @Sendable (_ id: String, _ stamps: CorpusDocument.Stamps) -> String?

    /// Reads the corpus at `directory`. Throws only when the folder itself cannot be read;
    /// a bad document is a finding and is left out. A document `known` vouches for (its files'
    /// stamps are the recorded ones) is listed with that SHA-256 and not read (`content` nil).
    public static func load(_ directory: String, known: Known? = nil) throws(FileReadError) -> Corpus {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw FileReadError(path: directory, reason: "no such corpus folder")
        }
        guard let entries = FileStamp.entries(in: directory) else {
            throw FileReadError(path: directory, reason: "cannot list the folder")
        }
        let root = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        // Folders are independent: read, decode and hash them on every core at once; the
        // results (and findings) stay in name order.
        let names = entries.filter { !$0.name.hasPrefix(".") }.sorted { $0.name < $1.name }
        // Documents' files are stamped by their paths from the corpus folder, opened once.
        let parent = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if parent >= 0 { close(parent) } }
        let loaded = Parallel.map(names) { name, kind in
            document(name, in: directory, root: root, kind: kind, parent: parent, known: known)
        }
        var documents: [CorpusDocument] = []
        var findings: [Finding] = []
        for (document, problems) in loaded {
            if let document { documents.append(document) }
            findings += problems
        }
        return Corpus(directory: directory, documents: documents, findings: findings)
    }

    /// One corpus folder: its document, or nil (for a folder that is not a document, or a
    /// document that cannot be read), with the findings about it. `kind` is the entry's type
    /// as its folder's listing gives it, if it does.
    /// `parent` is the corpus folder opened, or -1.
    static func document(_ name: String, in directory: String, root: String, kind listed: mode_t? = nil, parent: Int32 = -1,
                         known: Known? = nil) -> (CorpusDocument?, [Finding]) {
        let manager = FileManager.default
        // Paths made only where needed: a document vouched for by its stamps needs none.
        var folder: String { directory + "/" + name }
        func path(_ file: String) -> String { folder + "/" + file }
        // Each path is looked at itself first (`lstat`, unless the listing gave its type); only
        // a link is looked at again, through it: a corpus without links costs two calls per
        // document.
        guard let folderKind = listed ?? FileStamp.entry(folder)?.kind,
              folderKind == S_IFDIR || folderKind == S_IFLNK && kind(of: folder, followingLinks: true) == S_IFDIR else {
            return (nil, [])
        }
        guard isSafeID(name) else {
            return (nil, [Finding(file: nil, diagnostic: Diagnostic(CorpusDiagnostic.badID(folder: name), at: nil), path: folder)])
        }
        // Stamped by their paths from the open corpus folder, when it is.
        func entry(_ file: String) -> (kind: mode_t, stamp: FileStamp)? {
            parent >= 0 ? FileStamp.entry(file, inFolder: name, of: parent) : FileStamp.entry(path(file))
        }
        let textEntry = entry(textFile), metaEntry = entry(metaFile)
        // A link may point anywhere: a document is what the corpus holds, not what it links to.
        // Only a link can lead out (the folder is a child of the corpus folder, the files
        // children of it), so only links are resolved.
        var links: [String] = []
        if folderKind == S_IFLNK { links.append(folder) }
        if textEntry?.kind == S_IFLNK { links.append(path(textFile)) }
        if metaEntry?.kind == S_IFLNK { links.append(path(metaFile)) }
        for path in links where manager.fileExists(atPath: path) {
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            guard resolved.hasPrefix(root + "/") else {
                return (nil, [Finding(file: nil, diagnostic: Diagnostic(CorpusDiagnostic.linkOutside(target: resolved), at: nil),
                                      work: name, path: path)])
            }
        }
        func missing() -> Finding {
            Finding(file: nil, diagnostic: Diagnostic(CorpusDiagnostic.missingText(folder: name), at: nil), work: name, path: folder)
        }
        // Stamps first (of the files links name): an edit made while a file is read changes
        // them, and shows next time.
        func stamp(_ entry: (kind: mode_t, stamp: FileStamp)?, _ file: String) -> FileStamp? {
            entry?.kind == S_IFLNK ? FileStamp(path(file), followingLinks: true) : entry?.stamp
        }
        guard let textStamp = stamp(textEntry, textFile) else { return (nil, [missing()]) }
        if let refusal = SourceFile.refusalBySize(Int(textStamp.size), path: path(textFile)) {
            return (nil, [Finding(file: nil, diagnostic: refusal.diagnostic, work: name, path: path(textFile), position: refusal.position)])
        }
        let stamps = CorpusDocument.Stamps(text: textStamp, meta: stamp(metaEntry, metaFile))
        if let known, let sha256 = known(name, stamps) {
            return (CorpusDocument(id: name, sha256: sha256, stamps: stamps, content: nil,
                                   directory: directory, root: root), [])
        }
        let textPath = path(textFile), metaPath = path(metaFile)
        guard let textData = manager.contents(atPath: textPath) else { return (nil, [missing()]) }
        let file: SourceFile
        switch SourceFile.decode([UInt8](textData), path: textPath) {
        case .success(let decoded): file = decoded
        case .failure(let unreadable):
            return (nil, [Finding(file: nil, diagnostic: unreadable.diagnostic, work: name, path: textPath, position: unreadable.position)])
        }
        var meta = CorpusMeta()
        var findings: [Finding] = []
        let metaData = manager.contents(atPath: metaPath)
        if let metaData {
            let (read, problems) = readMeta(metaData)
            meta = read
            findings += problems.map { Finding(file: nil, diagnostic: Diagnostic($0.problem, at: nil), work: name, path: metaPath,
                                               position: $0.position) }
        }
        return (CorpusDocument(id: name, sha256: CorpusDocument.hash(text: textData, meta: metaData),
                               stamps: stamps, content: .init(file: file, meta: meta), directory: directory, root: root), findings)
    }

    /// The file type (`S_IFDIR`, `S_IFREG`, `S_IFLNK`, …) at `path`; nil when nothing is there.
    static func kind(of path: String, followingLinks: Bool) -> mode_t? {
        var status = stat()
        guard (followingLinks ? stat(path, &status) : lstat(path, &status)) == 0 else { return nil }
        return status.st_mode & S_IFMT
    }

    /// The longest id Zan accepts.
    public static let maximumIDLength = 64

    /// True for an id that can name a folder and a file safely: ASCII letters, digits, "_" and
    /// "-", starting with a letter or digit, at most 64 characters (so never "..", "a/b" or "").
    /// Adilet ids (V2600038247) are such ids.
    public static func isSafeID(_ id: String) -> Bool {
        guard let first = id.utf8.first, id.utf8.count <= maximumIDLength, isAlphanumeric(first) else { return false }
        return id.utf8.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }

    /// The facts of a meta.json, and its problems, each at the line and column of its key.
    static func readMeta(_ data: Data) -> (CorpusMeta, [(problem: CorpusDiagnostic, position: LineColumn)]) {
        let text = SourceFile(text: String(decoding: data, as: UTF8.self), path: metaFile)
        func position(of key: String?) -> LineColumn {
            guard let key, let range = text.text.range(of: "\"\(key)\"") else { return LineColumn(line: 1, column: 1) }
            return text.lineColumn(at: text.text.utf8.distance(from: text.text.startIndex, to: range.lowerBound))
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return (CorpusMeta(), [(.badMeta(reason: "not a JSON object"), position(of: nil))])
        }
        var meta = CorpusMeta()
        var problems: [(CorpusDiagnostic, LineColumn)] = []
        for key in object.keys.sorted() where !CorpusMeta.keys.contains(key) {
            problems.append((.badMeta(reason: "unknown key \"\(key)\" (known: \(CorpusMeta.keys.sorted().joined(separator: ", ")))"),
                             position(of: key)))
        }
        if let value = object["published"] {
            if let text = value as? String, let date = CivilDate(iso: text) {
                meta.published = date
            } else if let text = value as? String, Self.isDateShaped(text) {
                problems.append((.badMeta(reason: "\"published\" is \"\(text)\", a day that does not exist"), position(of: "published")))
            } else {
                problems.append((.badMeta(reason: "\"published\" must be a date YYYY-MM-DD"), position(of: "published")))
            }
        }
        return (meta, problems)
    }

    /// "2025-02-30": YYYY-MM-DD with a month 01–12 and a day 01–31, which may still not exist.
    static func isDateShaped(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2, Int(parts[0]) != nil,
              let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}

/// What can be wrong with the corpus folder itself.
public enum CorpusDiagnostic: DiagnosticMessage, Hashable {
    case missingText(folder: String)
    case badMeta(reason: String)
    case idMismatch(folder: String, header: String)
    case badID(folder: String)
    case linkOutside(target: String)

    public var id: DiagnosticID {
        let name: String = switch self {
        case .missingText: "missing-text"
        case .badMeta: "bad-meta"
        case .idMismatch: "id-mismatch"
        case .badID: "bad-id"
        case .linkOutside: "link-outside"
        }
        return DiagnosticID(domain: "corpus", name: name)
    }

    public var severity: Severity {
        switch self {
        case .missingText, .badMeta, .badID, .linkOutside: .error
        case .idMismatch: .warning
        }
    }

    public var message: String {
        switch self {
        case let .missingText(folder): "corpus folder \(folder) has no \(Corpus.textFile); it was skipped"
        case let .badMeta(reason): "meta.json: \(reason); its facts were not used"
        case let .idMismatch(folder, header): "the folder is named \(folder) but the header gives the id \(header)"
        case let .badID(folder):
            "corpus folder \"\(folder)\" is not an id (letters, digits, \"_\" and \"-\", at most \(Corpus.maximumIDLength), e.g. V2600038247); it was skipped"
        case let .linkOutside(target): "a link out of the corpus (to \(target)); the document was skipped"
        }
    }
}
