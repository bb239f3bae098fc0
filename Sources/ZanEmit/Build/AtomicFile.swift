import Foundation
import Synchronization
import ZanSystem

/// File writes that readers never see half done, and that survive a crash: the bytes go to a
/// temporary file, which is flushed to disk (`fsync`), then `rename(2)` puts it in place in one
/// step, and the folder is flushed so the rename itself is durable. A process killed at any
/// moment leaves the old file or the new one, never a mix.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Writes `text` to `path`. The temporary file is made in `staging` (a folder on the same
    /// file system, which a build empties before it starts, so a killed build leaves no litter
    /// among the published files) or, without one, beside the file under a hidden name.
    public static func write(_ text: String, to path: String, staging: String? = nil) throws(WriteError) {
        try write(Array(text.utf8), to: path, staging: staging)
    }

    /// Writes `bytes` to `path`, as `write(_:to:staging:)` does text.
    public static func write(_ bytes: [UInt8], to path: String, staging: String? = nil) throws(WriteError) {
        let folder = folder(of: path)
        try makeFolder(folder)
        let name = lastComponent(of: path)
        let temporary: String
        if let staging {
            try makeFolder(staging)
            temporary = Self.temporary(for: path, in: staging)
        } else {
            temporary = folder + "/." + name + ".tmp-\(getpid())"
        }
        do throws(WriteError) {
            try writeFile(bytes, to: temporary)
            guard rename(temporary, path) == 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        } catch {
            unlink(temporary)
            throw error
        }
        syncFolder(folder)
    }

    /// Writes several files as `write(_:to:staging:)` writes one, with one flush of the file
    /// system for all of their bytes instead of one per file: `write(stages:staging:)` with one
    /// stage.
    public static func write(all files: [(path: String, bytes: [UInt8])], staging: String) throws(WriteError) {
        try write(stages: [files], staging: staging)
    }

    /// Writes files in stages, with one flush of the file system for all of their bytes: each
    /// file's bytes go to a temporary file, then the file system is flushed (`syncfs`; where the
    /// system has none, each temporary file), then the files of each stage are renamed into
    /// place in the order given, and each folder they went to flushed once (past a few folders,
    /// the file system once), before the next stage's are renamed. A process killed at any
    /// moment leaves each file old or new, never a mix, and no file of a stage renamed before
    /// every file of the stages before it is in place. A build publishes works' tables as one
    /// stage and their indexes as the next, so an index never names a table not yet there.
    /// Each `fsync` waits for the disk: a full build of 100 generated works (then 2,100 version
    /// files) went from 652 of them to 192 and 60 flushes of the file system, 7.8 → 6.9 s.
    ///
    /// The temporary files are made in a subfolder of `staging` of the write's own, removed
    /// when it is done: ext4 looks for a file's inode near its folder, and places each new
    /// folder apart. With one staging folder for every write, the kernel searching one block
    /// group for free inodes was a quarter of the CPU samples of a 100-work build on this
    /// machine's ext4, which has no journal and so skips inodes freed in the last minute. With a
    /// subfolder per work, a build made two folders a work, and the works of orders (one small
    /// version each) waited on the kernel placing them: a 10,000-work build ended with its
    /// cores half idle for 7–13 s.
    ///
    /// The flush covers the whole file system, so it also waits for whatever else is being
    /// written there. The fallback (no `syncfs`: not Linux) is not exercised by the tests.
    public static func write(stages: [[(path: String, bytes: [UInt8])]], staging: String) throws(WriteError) {
        guard stages.contains(where: { !$0.isEmpty }) else { return }
        try makeFolder(staging)
        let subfolder = staging + "/" + "write.\(processID).\(nextSerial())"
        try makeFolder(subfolder)
        var temporaries: [[String]] = []
        var made: Set<String> = []
        do throws(WriteError) {
            for files in stages {
                temporaries.append([])
                for file in files {
                    let folder = folder(of: file.path)
                    if made.insert(folder).inserted { try makeFolder(folder) }
                    let temporary = Self.temporary(for: file.path, in: subfolder)
                    temporaries[temporaries.count - 1].append(temporary)
                    try writeFile(file.bytes, to: temporary, flush: false)
                }
            }
            try flushFileSystem(holding: staging, else: Array(temporaries.joined()))
            for (files, stage) in zip(stages, temporaries) {
                var folders: [String] = [], renamedIn: Set<String> = []
                for (file, temporary) in zip(files, stage) {
                    guard rename(temporary, file.path) == 0 else { throw WriteError(path: file.path, reason: String(cString: strerror(errno))) }
                    let folder = folder(of: file.path)
                    if renamedIn.insert(folder).inserted { folders.append(folder) }
                }
                // Each folder flushed on its own, or the file system once when the stage went to
                // more than a few (a batch of works). By `strace` on this machine, a folder's
                // `fsync` took 0.4–0.7 ms, a `syncfs` 1.7–2.3 ms.
                if folders.count <= Self.foldersFlushedOneByOne {
                    for folder in folders { syncFolder(folder) }
                } else {
                    try flushFileSystem(holding: staging, else: folders)
                }
            }
        } catch {
            for temporary in temporaries.joined() { unlink(temporary) }
            rmdir(subfolder)
            throw error
        }
        rmdir(subfolder)
    }

    /// Up to this many folders renamed into by a stage are flushed one by one; more, with one
    /// flush of the file system.
    static let foldersFlushedOneByOne = 2

    /// Flushes the file system that holds `folder`; where that cannot be asked, each file of
    /// `files` on its own.
    static func flushFileSystem(holding folder: String, else files: [String]) throws(WriteError) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw WriteError(path: folder, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        if zan_sync_file_system(descriptor) == 0 { return }
        guard errno == ENOSYS else { throw WriteError(path: folder, reason: "syncfs: " + String(cString: strerror(errno))) }
        for file in files {
            let descriptor = open(file, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw WriteError(path: file, reason: String(cString: strerror(errno))) }
            defer { close(descriptor) }
            guard fsync(descriptor) == 0 else { throw WriteError(path: file, reason: "fsync: " + String(cString: strerror(errno))) }
        }
    }

    /// A temporary file in `staging` for `path`: its name, the process and a serial number, so
    /// that the threads of a build (and two processes, though the build lock keeps them apart)
    /// never share one.
    static func temporary(for path: String, in staging: String) -> String {
        staging + "/" + lastComponent(of: path) + ".\(processID).\(nextSerial())"
    }

    /// This process's id, asked once.
    private static let processID = getpid()

    /// The folder a file's path names ("." for a bare name, "/" at the root), as `NSString`'s
    /// `deletingLastPathComponent` gives it, cut at the "/" bytes: `NSString`'s path methods
    /// bridged the path of each file a build writes, three times (80,000 instructions a file).
    static func folder(of path: String) -> String {
        let bytes = path.utf8
        let end = endTrimmingSlashes(path, bytes.endIndex)
        if end == bytes.startIndex { return path.isEmpty ? "." : "/" }
        guard let slash = bytes[..<end].lastIndex(of: UInt8(ascii: "/")) else { return "." }
        let parent = endTrimmingSlashes(path, slash)
        return parent == bytes.startIndex ? "/" : String(path[..<parent])
    }

    /// The last component of a path ("index.json" of "rules/V1/index.json"), as `NSString`'s
    /// `lastPathComponent` gives it.
    static func lastComponent(of path: String) -> String {
        let bytes = path.utf8
        let end = endTrimmingSlashes(path, bytes.endIndex)
        if end == bytes.startIndex { return path.isEmpty ? "" : "/" }
        let start = bytes[..<end].lastIndex(of: UInt8(ascii: "/")).map(bytes.index(after:)) ?? bytes.startIndex
        return String(path[start..<end])
    }

    /// `end` moved back over the slashes just before it.
    private static func endTrimmingSlashes(_ path: String, _ end: String.Index) -> String.Index {
        var end = end
        while end > path.utf8.startIndex, path.utf8[path.utf8.index(before: end)] == UInt8(ascii: "/") {
            end = path.utf8.index(before: end)
        }
        return end
    }

    /// Creates the file, writes every byte, flushes it to disk when `flush` (a batch flushes its
    /// files together), closes it.
    static func writeFile(_ bytes: [UInt8], to path: String, flush: Bool = true) throws(WriteError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress.map { $0 + written }, bytes.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw WriteError(path: path, reason: String(cString: strerror(errno)))
            }
            written += count
        }
        guard !flush || fsync(descriptor) == 0 else { throw WriteError(path: path, reason: "fsync: " + String(cString: strerror(errno))) }
    }

    /// Flushes a folder's entries (a rename or an unlink in it) to disk. Best effort: some
    /// file systems refuse fsync on a folder, and the data itself is already safe.
    public static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// Makes the folder and those above it that are missing; nothing when it is there. One
    /// `mkdir` for a folder whose parent is there (a work's folder, a staging subfolder):
    /// Foundation's `createDirectory` looked at each component first.
    static func makeFolder(_ folder: String) throws(WriteError) {
        if mkdir(folder, 0o755) == 0 { return }
        let error = errno
        var status = stat()
        if error == EEXIST, stat(folder, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { return }
        guard error == ENOENT else { throw WriteError(path: folder, reason: "cannot create the folder: " + String(cString: strerror(error))) }
        let parent = Self.folder(of: folder)
        guard parent != folder else { throw WriteError(path: folder, reason: "cannot create the folder") }
        try makeFolder(parent)
        if mkdir(folder, 0o755) == 0 || errno == EEXIST && stat(folder, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR { return }
        throw WriteError(path: folder, reason: "cannot create the folder: " + String(cString: strerror(errno)))
    }

    private static let serial = Mutex(0)
    private static func nextSerial() -> Int { serial.withLock { $0 += 1; return $0 } }

    static func read(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// True when the file at `path` holds exactly `bytes` (its size is compared first).
    static func holds(_ path: String, _ bytes: [UInt8]) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0, Int(status.st_size) == bytes.count, let data = read(path) else { return false }
        return data.withUnsafeBytes { file in
            bytes.withUnsafeBytes { expected in
                guard let a = file.baseAddress, let b = expected.baseAddress else { return bytes.isEmpty }
                return memcmp(a, b, bytes.count) == 0
            }
        }
    }
}
