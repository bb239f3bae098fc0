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
        var documents: [CorpusDocument] = []
        var findings: [Finding] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let folder = directory + "/" + name
            guard manager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            let textPath = folder + "/" + textFile
            guard let textData = manager.contents(atPath: textPath) else {
                findings.append(Finding(file: nil, diagnostic: Diagnostic(CorpusDiagnostic.missingText(folder: name), at: nil),
                                        work: name, path: folder))
                continue
            }
            let file: SourceFile
            switch SourceFile.decode([UInt8](textData), path: textPath) {
            case .success(let decoded): file = decoded
            case .failure(let unreadable):
                findings.append(Finding(file: nil, diagnostic: unreadable.diagnostic, work: name, path: textPath,
                                        position: unreadable.position))
                continue
            }
            var meta = CorpusMeta()
            let metaPath = folder + "/" + metaFile
            let metaData = manager.contents(atPath: metaPath)
            if let metaData {
                let (read, problems) = readMeta(metaData)
                meta = read
                findings += problems.map { Finding(file: nil, diagnostic: Diagnostic($0, at: nil), work: name, path: metaPath) }
            }
            documents.append(CorpusDocument(id: name, file: file, relativePath: name + "/" + textFile, meta: meta,
                                            sha256: CorpusDocument.hash(text: textData, meta: metaData)))
        }
        return Corpus(directory: directory, documents: documents, findings: findings)
    }

    static func readMeta(_ data: Data) -> (CorpusMeta, [CorpusDiagnostic]) {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return (CorpusMeta(), [.badMeta(reason: "not a JSON object")])
        }
        var meta = CorpusMeta()
        var problems: [CorpusDiagnostic] = []
        for key in object.keys.sorted() where !CorpusMeta.keys.contains(key) {
            problems.append(.badMeta(reason: "unknown key \"\(key)\" (known: \(CorpusMeta.keys.sorted().joined(separator: ", ")))"))
        }
        if let value = object["published"] {
            if let text = value as? String, let date = CivilDate(iso: text) {
                meta.published = date
            } else {
                problems.append(.badMeta(reason: "\"published\" must be a date YYYY-MM-DD"))
            }
        }
        return (meta, problems)
    }
}

/// What can be wrong with the corpus folder itself.
public enum CorpusDiagnostic: DiagnosticMessage, Hashable {
    case missingText(folder: String)
    case badMeta(reason: String)
    case idMismatch(folder: String, header: String)

    public var id: DiagnosticID {
        let name: String = switch self {
        case .missingText: "missing-text"
        case .badMeta: "bad-meta"
        case .idMismatch: "id-mismatch"
        }
        return DiagnosticID(domain: "corpus", name: name)
    }

    public var severity: Severity {
        switch self {
        case .missingText, .badMeta: .error
        case .idMismatch: .warning
        }
    }

    public var message: String {
        switch self {
        case let .missingText(folder): "corpus folder \(folder) has no \(Corpus.textFile); it was skipped"
        case let .badMeta(reason): "meta.json: \(reason); its facts were not used"
        case let .idMismatch(folder, header): "the folder is named \(folder) but the header gives the id \(header)"
        }
    }
}
