import Foundation

/// Reading a file failed for a reason outside the text: it is missing, unreadable, a folder.
public struct FileReadError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let reason: String
    public var description: String { "cannot read \(path): \(reason)" }

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

extension SourceFile {
    /// Reads and decodes a file. I/O failures throw `FileReadError`; text that is not UTF-8 or
    /// is larger than `maximumSize` is bad input and comes back as a located diagnostic (a file
    /// too large is refused by its size, before it is read).
    public static func read(path: String) throws(FileReadError) -> Result<SourceFile, UnreadableText> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw FileReadError(path: path, reason: "no such file")
        }
        if isDirectory.boolValue { throw FileReadError(path: path, reason: "it is a directory") }
        if let refusal = refusalBySize(path) { return .failure(refusal) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileReadError(path: path, reason: "permission denied or unreadable")
        }
        return decode([UInt8](data), path: path)
    }

    /// The refusal of the file at `path` when it is larger than `maximumSize`, from its size
    /// alone: an oversized file is never read into memory.
    public static func refusalBySize(_ path: String) -> UnreadableText? {
        guard let size = FileStamp(path, followingLinks: true)?.size else { return nil }
        return refusalBySize(Int(size), path: path)
    }

    /// The refusal of a file of `size` bytes when it is larger than `maximumSize`.
    public static func refusalBySize(_ size: Int, path: String) -> UnreadableText? {
        size > maximumSize ? refusal(oversized: size, path: path) : nil
    }
}
