import Foundation
import ZanTimeline

/// What a build knows about the files it wrote, so the next build need not hash them again:
/// each file's size, modification and change times and inode, with its SHA-256. A file whose
/// stamp is unchanged still holds those bytes; any write, rename or `touch` changes the change
/// time, which no user can set back. (This is git's index trick.)
///
/// Kept in `rules/.stamps`, a private file beside the published ones (hidden, not in the build
/// index, ignored by git); without it, or when it is unreadable, every file is hashed. A stamp
/// taken in the same clock tick as the stamps file itself was written is not trusted (a change
/// in that tick could keep size and times), so such a file is hashed once more next time.
/// `zan build --check` never uses stamps.
struct FileStamps: Sendable {
    struct Stamp: Equatable, Sendable {
        var size: Int64
        var modified: Int64   // nanoseconds since 1970
        var changed: Int64    // nanoseconds since 1970
        var inode: UInt64
    }

    static let fileName = ".stamps"
    static let header = "zan-stamps 1"

    /// Path relative to `rules/` → stamp and SHA-256.
    var entries: [String: (stamp: Stamp, sha256: String)] = [:]

    /// The stamp the file at `out/relative` has now, and its recorded SHA-256 when that stamp
    /// is the one recorded (safely, before the stamps file was written); nil when it must be
    /// hashed. The stamp is taken before any hashing, so an edit during it shows next time.
    func look(_ relative: String, in out: String) -> (stamp: Stamp?, sha256: String?) {
        let now = Self.stamp(out + "/" + relative)
        guard let now, let entry = entries[relative], now == entry.stamp else { return (now, nil) }
        return (now, entry.sha256)
    }

    /// Records `stamp` for the file at `relative`, known to hold bytes of `sha256`.
    mutating func record(_ relative: String, stamp: Stamp?, sha256: String) {
        if let stamp { entries[relative] = (stamp, sha256) }
    }

    /// Records the stamp the file at `out/relative` has now, known to hold bytes of `sha256`.
    mutating func record(_ relative: String, in out: String, sha256: String) {
        record(relative, stamp: Self.stamp(out + "/" + relative), sha256: sha256)
    }

    /// The stamps at `out`, less those too recent to trust; empty when there are none.
    static func read(_ out: String) -> FileStamps {
        let path = out + "/" + fileName
        guard let file = stamp(path), let data = FileManager.default.contents(atPath: path) else { return FileStamps() }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        guard lines.first == Substring(header) else { return FileStamps() }
        var stamps = FileStamps()
        for line in lines.dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 6, let size = Int64(fields[1]), let modified = Int64(fields[2]), let changed = Int64(fields[3]),
                  let inode = UInt64(fields[4]), fields[5].utf8.count == 64 else { return FileStamps() }
            // Racy: changed in the tick the stamps were written, so a later edit could look the same.
            guard modified < file.modified, changed < file.modified else { continue }
            stamps.entries[String(fields[0])] = (Stamp(size: size, modified: modified, changed: changed, inode: inode), String(fields[5]))
        }
        return stamps
    }

    /// Writes the stamps (sorted: the file is deterministic for the same stamps) atomically.
    func write(_ out: String, staging: String) throws(AtomicFile.WriteError) {
        var text = Self.header + "\n"
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
            let s = entry.stamp
            text += "\(path)\t\(s.size)\t\(s.modified)\t\(s.changed)\t\(s.inode)\t\(entry.sha256)\n"
        }
        try AtomicFile.write(Array(text.utf8), to: out + "/" + Self.fileName, staging: staging)
    }

    /// The stamp of the file at `path` (links not followed), or nil when it does not exist.
    static func stamp(_ path: String) -> Stamp? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return Stamp(size: Int64(status.st_size),
                     modified: Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec),
                     changed: Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec),
                     inode: UInt64(status.st_ino))
    }
}
