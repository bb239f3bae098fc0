import Foundation
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
public struct CorpusDocument: Sendable {
    public let id: String
    public let file: SourceFile
    /// "V2600038247/kaz.txt": how provenance names the file, wherever the corpus is.
    public let relativePath: String
    public let meta: CorpusMeta
    /// SHA-256 of the text's bytes and meta.json's: what the build compares.
    public let sha256: String

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

    /// The name of a document's text file inside its folder.
    public static let textFile = "kaz.txt"
    public static let metaFile = "meta.json"

    /// Reads the corpus at `directory`. Throws only when the folder itself cannot be read;
    /// a bad document is a finding and is left out.
    public static func load(_ directory: String) throws(FileReadError) -> Corpus {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw FileReadError(path: directory, reason: "no such corpus folder")
        }
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: directory)
        } catch {
            throw FileReadError(path: directory, reason: "cannot list the folder")
        }
        let root = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        // Folders are independent: read, decode and hash them on every core at once; the
        // results (and findings) stay in name order.
        let loaded = Parallel.map(names.sorted().filter { !$0.hasPrefix(".") }) { name in
            document(name, in: directory, root: root)
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
    /// document that cannot be read), with the findings about it.
    static func document(_ name: String, in directory: String, root: String) -> (CorpusDocument?, [Finding]) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        /// True when `path`, with its links followed, is inside the corpus folder.
        func isInside(_ path: String) -> Bool {
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            return resolved.hasPrefix(root + "/")
        }
        let folder = directory + "/" + name
        guard manager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else { return (nil, []) }
        guard isSafeID(name) else {
            return (nil, [Finding(file: nil, diagnostic: Diagnostic(CorpusDiagnostic.badID(folder: name), at: nil), path: folder)])
        }
        let textPath = folder + "/" + textFile
        let metaPath = folder + "/" + metaFile
        // A link may point anywhere: a document is what the corpus holds, not what it links to.
        if let outside = [folder, textPath, metaPath].first(where: { manager.fileExists(atPath: $0) && !isInside($0) }) {
            return (nil, [Finding(file: nil, diagnostic: Diagnostic(CorpusDiagnostic.linkOutside(
                target: URL(fileURLWithPath: outside).resolvingSymlinksInPath().path), at: nil), work: name, path: outside)])
        }
        if let refusal = SourceFile.refusalBySize(textPath) {
            return (nil, [Finding(file: nil, diagnostic: refusal.diagnostic, work: name, path: textPath, position: refusal.position)])
        }
        guard let textData = manager.contents(atPath: textPath) else {
            return (nil, [Finding(file: nil, diagnostic: Diagnostic(CorpusDiagnostic.missingText(folder: name), at: nil),
                                  work: name, path: folder)])
        }
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
        return (CorpusDocument(id: name, file: file, relativePath: name + "/" + textFile, meta: meta,
                               sha256: CorpusDocument.hash(text: textData, meta: metaData)), findings)
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
