import Foundation

/// File writes that readers never see half done: the bytes go to a temporary file in the same
/// folder, then `rename(2)` puts it in place in one step.
enum AtomicFile {
    struct WriteError: Error, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "cannot write \(path): \(reason)" }
    }

    static func write(_ text: String, to path: String) throws(WriteError) {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: folder, reason: "cannot create the folder")
        }
        let temporary = folder + "/." + (path as NSString).lastPathComponent + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            throw WriteError(path: temporary, reason: "cannot create the file")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw WriteError(path: path, reason: reason)
        }
    }

    static func read(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }
}
