import Foundation

/// What the file system says about a file without reading it: size, modification and change
/// times, inode. A file whose stamp is unchanged still holds the same bytes: any write, rename
/// or `touch` changes the change time, which no user can set back (git's index trick). The
/// build keeps the stamps of the files it read and wrote (`FileStamps`) so the next build need
/// not read and hash them again.
public struct FileStamp: Equatable, Sendable {
    public var size: Int64
    public var modified: Int64   // nanoseconds since 1970
    public var changed: Int64    // nanoseconds since 1970
    public var inode: UInt64

    public init(size: Int64, modified: Int64, changed: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
    }

    /// The stamp of the file at `path`, or nil when it does not exist. A link is stamped as
    /// itself unless `followingLinks` (then as the file it names: an edit there shows).
    public init?(_ path: String, followingLinks: Bool = false) {
        var status = stat()
        guard (followingLinks ? stat(path, &status) : lstat(path, &status)) == 0 else { return nil }
        self.init(status)
    }

    /// The stamp `stat` (or `fstatat`, `lstat`) gave.
    public init(_ status: stat) {
        self.init(size: Int64(status.st_size),
                  modified: Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec),
                  changed: Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec),
                  inode: UInt64(status.st_ino))
    }

    /// What is at `path` itself (a link is not followed): its type (`S_IFREG`, `S_IFDIR`,
    /// `S_IFLNK`, …) and its stamp; nil when nothing is there. For a file that is not a link,
    /// the stamp is the one `followingLinks` gives, without asking twice.
    public static func entry(_ path: String) -> (kind: mode_t, stamp: FileStamp)? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return (status.st_mode & S_IFMT, FileStamp(status))
    }

    /// `entry(_:)` for the file `file` in the folder `folder` of the open folder `parent`
    /// (`fstatat`): a path of two names, not the whole path from the working folder (at 10,000
    /// works, the 60,000 files of a corpus's 30,000 documents are stamped on every build). Nil
    /// when nothing is there, or the path would not be those two names.
    public static func entry(_ file: String, inFolder folder: String, of parent: Int32) -> (kind: mode_t, stamp: FileStamp)? {
        var folder = folder, file = file
        return folder.withUTF8 { folder in
            file.withUTF8 { file in
                guard !folder.isEmpty, !file.isEmpty, !folder.contains(UInt8(ascii: "/")), !file.contains(UInt8(ascii: "/")),
                      !folder.contains(0), !file.contains(0) else { return nil }
                let count = folder.count + 1 + file.count + 1
                return withUnsafeTemporaryAllocation(of: CChar.self, capacity: count) { path -> (kind: mode_t, stamp: FileStamp)? in
                    guard let base = path.baseAddress, let folderBase = folder.baseAddress, let fileBase = file.baseAddress else { return nil }
                    memcpy(base, folderBase, folder.count)
                    base[folder.count] = CChar(bitPattern: UInt8(ascii: "/"))
                    memcpy(base + folder.count + 1, fileBase, file.count)
                    base[count - 1] = 0
                    var status = stat()
                    guard fstatat(parent, base, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
                    return (status.st_mode & S_IFMT, FileStamp(status))
                }
            }
        }
    }

    /// The names in `folder` ("." and ".." left out), each with its type as the folder itself
    /// records it (`S_IFDIR`, `S_IFREG`, `S_IFLNK`, …), which costs no `stat` per name; the type
    /// is nil where the file system does not record it. Nil when the folder cannot be read.
    public static func entries(in folder: String) -> [(name: String, kind: mode_t?)]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var entries: [(name: String, kind: mode_t?)] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else { return errno == 0 ? entries : nil }
            let name = withUnsafePointer(to: &entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) { String(cString: $0) }
            }
            guard name != ".", name != ".." else { continue }
            let kind: mode_t? = switch Int(entry.pointee.d_type) {
            case Int(DT_DIR): S_IFDIR
            case Int(DT_REG): S_IFREG
            case Int(DT_LNK): S_IFLNK
            case Int(DT_UNKNOWN): nil
            default: S_IFIFO   // a socket, a device, a pipe: neither a folder nor a link
            }
            entries.append((name, kind))
        }
    }

    /// The stamps of the files `names` in `folder` (links not followed), nil for each one not
    /// there: the folder is opened once and each name looked up in it, not each whole path.
    public static func stamps(in folder: String, _ names: [String]) -> [FileStamp?] {
        let directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else { return names.map { _ in nil } }
        defer { close(directory) }
        return names.map { name in
            var status = stat()
            guard fstatat(directory, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
            return FileStamp(status)
        }
    }
}
