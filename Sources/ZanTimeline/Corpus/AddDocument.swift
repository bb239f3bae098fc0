import Foundation
import ZanAmendments
import ZanDocument
import ZanText

/// `zan add`: a new document into the corpus, under the id its header gives.
public enum AddDocument {
    /// Why a document was refused. Nothing is written when one is thrown.
    public enum Refusal: Error, CustomStringConvertible {
        case unreadable(String)
        case noID(path: String)
        case duplicate(id: String, folder: String)
        case badID(String)
        case io(String)

        public var description: String {
            switch self {
            case .unreadable(let reason): reason
            case .noID(let path):
                "cannot derive the id of \(path): its header gives no date and registration number (\"… № 38247 тіркелді\"); pass --id"
            case let .duplicate(id, folder):
                "\(id) is already in the corpus (\(folder)); remove that folder first to replace it"
            case .badID(let id):
                "\"\(id)\" is not an adilet id (a letter V, P, Z or K and digits, e.g. V2600038247)"
            case .io(let reason): reason
            }
        }
    }

    /// What was added and what it changes.
    public struct Added: Sendable {
        public let id: String
        public let folder: String
        public let read: ReadAct
    }

    /// Copies `file` into `corpus/<id>/kaz.txt` (and `meta.json` with `published`), byte for
    /// byte, after reading its header for the id. Refuses an unreadable file, a file without an
    /// id, and an id already in the corpus.
    public static func add(_ path: String, to corpus: String, published: CivilDate?, id forcedID: String? = nil) throws(Refusal) -> Added {
        let file: SourceFile
        do {
            switch try SourceFile.read(path: path) {
            case .success(let decoded): file = decoded
            case .failure(let unreadable): throw Refusal.unreadable(unreadable.oneLine)
            }
        } catch let error as FileReadError {
            throw .unreadable(error.description)
        } catch let refusal as Refusal {
            throw refusal
        } catch {
            throw .unreadable("cannot read \(path)")
        }
        let document = DocumentParser().parse(file)
        guard let id = forcedID ?? document.metadata.id else { throw .noID(path: path) }
        guard let first = id.first, "VPZK".contains(first), id.count > 1, id.dropFirst().allSatisfy(\.isNumber) else {
            throw .badID(id)
        }
        let folder = corpus + "/" + id
        let manager = FileManager.default
        if manager.fileExists(atPath: folder) { throw .duplicate(id: id, folder: folder) }
        let metaData = published.map { Data(CorpusMeta(published: $0).json.utf8) }
        // Written into a hidden folder first, then renamed: the corpus never holds half a document.
        let staging = corpus + "/." + id + ".adding-\(getpid())"
        do {
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: true)
            guard manager.createFile(atPath: staging + "/" + Corpus.textFile, contents: Data(file.bytes)) else {
                throw Refusal.io("cannot write \(staging)/\(Corpus.textFile)")
            }
            if let metaData {
                guard manager.createFile(atPath: staging + "/" + Corpus.metaFile, contents: metaData) else {
                    throw Refusal.io("cannot write \(staging)/\(Corpus.metaFile)")
                }
            }
            try manager.moveItem(atPath: staging, toPath: folder)
        } catch let refusal as Refusal {
            try? manager.removeItem(atPath: staging)
            throw refusal
        } catch {
            try? manager.removeItem(atPath: staging)
            throw .io("cannot write \(folder): \(error.localizedDescription)")
        }
        return Added(id: id, folder: folder, read: ReadAct(id: id, file: file, published: published))
    }
}
