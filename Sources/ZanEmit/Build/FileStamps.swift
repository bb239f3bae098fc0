import Foundation
import ZanText
import ZanTimeline

/// What a build knows about the files it read and wrote, so the next build need not read and
/// hash them again: for each group of files, the digest of their `FileStamp`s (git's index
/// trick) — a work's files (its index and version files) under the work's id, a corpus
/// document's kaz.txt and meta.json under `@corpus/<id>`. Stamps that are the recorded ones
/// vouch for the files' bytes: a corpus document's for the SHA-256 the build index
/// (`rules/index.json`) records, a work's for the SHA-256 of its index that the build index
/// records, and so for the version files' SHA-256s that index lists. A work's group also names
/// its files, so that a rebuild stamps them without reading the work's index; a group per line
/// keeps the file small (at 10,000 works, 40,000 lines, not the 300,000 of a line per file).
///
/// Kept in `rules/.stamps`, a private file beside the published ones (hidden, not in the build
/// index, ignored by git), written after the build index and naming the stamp of the build index
/// it goes with: with another index (a build that stopped between the two writes), without the
/// file, or when it is unreadable, every file is hashed. A group with a stamp taken in the
/// same clock tick as the stamps file was written is not trusted (a change in that tick could
/// keep size and times), so its files are hashed once more next time. `zan build --check`
/// never uses stamps.
struct FileStamps: Sendable {
    /// The key prefix of corpus documents (not an id: ids start with a letter or digit).
    static let corpusPrefix = "@corpus/"

    static let fileName = ".stamps"
    static let header = "zan-stamps 3"

    /// One group's stamps: their digest, the latest time among them (for the tick rule), and
    /// the names of a work's files, in the order stamped (empty for a corpus document, whose
    /// file names are fixed).
    struct Group: Equatable, Sendable {
        var digest: String
        var latest: Int64
        var names: [String] = []
    }

    /// The stamp of the build index these stamps go with.
    var index: FileStamp?
    /// Key (a work id, or `@corpus/<id>`) → its group.
    var groups: [String: Group] = [:]
    /// Groups read but not trusted (from the clock tick the stamps file was written in): the
    /// file is written again, later, even when its lines come out the same.
    private(set) var distrusted = 0

    init(index: FileStamp? = nil, groups: [String: Group] = [:]) {
        self.index = index
        self.groups = groups
    }

    /// The group of the named files' stamps (names sorted by the caller), keeping the names;
    /// nil when a file is missing (a group can only vouch for files that are there).
    static func group(_ files: [(name: String, stamp: FileStamp?)]) -> Group? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(files.count * 48)
        var latest: Int64 = 0   // times of files are after 1970: never below this
        for (name, stamp) in files {
            guard let stamp else { return nil }
            bytes.append(contentsOf: name.utf8)
            bytes.append(0)
            for number in [UInt64(bitPattern: stamp.size), UInt64(bitPattern: stamp.modified),
                           UInt64(bitPattern: stamp.changed), stamp.inode] {
                withUnsafeBytes(of: number.littleEndian) { bytes.append(contentsOf: $0) }
            }
            latest = max(latest, stamp.modified, stamp.changed)
        }
        return Group(digest: SHA256.hex(bytes), latest: latest, names: files.map(\.name))
    }

    /// The group of a corpus document's files: its text, and its meta.json or the lack of one.
    static func group(corpus files: CorpusDocument.Stamps) -> Group? {
        var named: [(name: String, stamp: FileStamp?)] = [(Corpus.textFile, files.text)]
        if let meta = files.meta { named.append((Corpus.metaFile, meta)) }
        guard var group = group(named) else { return nil }
        group.names = []
        return group
    }

    /// The names of the files recorded under `key` (a work's), when the group is trusted.
    func names(of key: String) -> [String]? {
        groups[key]?.names
    }

    /// True when `group` is the one recorded under `key` (and trusted).
    func vouches(for key: String, _ group: Group?) -> Bool {
        guard let group, let recorded = groups[key] else { return false }
        return recorded.digest == group.digest
    }

    /// Records `group` (nil: nothing to record) under `key`.
    mutating func record(_ key: String, _ group: Group?) {
        if let group { groups[key] = group }
    }

    /// The stamps at `out`, less the groups too recent to trust; empty when there are none, the
    /// file is not one this build writes, or it goes with another build index than `index`.
    /// Read as bytes: at 10,000 works it has 40,000 lines.
    /// A line is `key TAB latest TAB digest TAB names`, the names separated by spaces.
    static func read(_ out: String, index: FileStamp?) -> FileStamps {
        let path = out + "/" + fileName
        guard let index, let file = FileStamp(path), let data = FileManager.default.contents(atPath: path) else { return FileStamps() }
        var stamps = FileStamps(index: index)
        let valid = data.withUnsafeBytes { raw -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            if lines.last?.isEmpty == true { lines.removeLast() }
            guard lines.count >= 2, lines[0].elementsEqual(header.utf8), lines[1].elementsEqual(indexLine(index).utf8) else {
                return false
            }
            stamps.groups.reserveCapacity(lines.count - 2)
            for line in lines.dropFirst(2) {
                let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
                guard fields.count == 4, let latest = number(fields[1]).flatMap(Int64.init(exactly:)), fields[2].count == 64,
                      let key = String(validating: fields[0], as: UTF8.self) else { return false }
                var names: [String] = []
                for name in fields[3].split(separator: UInt8(ascii: " ")) {
                    guard let name = String(validating: name, as: UTF8.self) else { return false }
                    names.append(name)
                }
                // Racy: a stamp from the tick the stamps were written in, so a later edit could look the same.
                guard latest < file.modified else {
                    stamps.distrusted += 1
                    continue
                }
                stamps.groups[key] = Group(digest: String(decoding: fields[2], as: UTF8.self), latest: latest, names: names)
            }
            return true
        }
        return valid ? stamps : FileStamps()
    }

    /// The second line: the build index the stamps go with.
    private static func indexLine(_ index: FileStamp) -> String {
        "index\t\(index.size)\t\(index.modified)\t\(index.changed)\t\(index.inode)"
    }

    /// A non-negative decimal that fits in 64 bits.
    private static func number(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64? {
        guard !digits.isEmpty else { return nil }
        var value: UInt64 = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times10.addingReportingOverflow(UInt64(digit - UInt8(ascii: "0")))
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return value
    }

    /// The file's bytes: the groups sorted by key (the file is deterministic for the same stamps).
    func bytes(index: FileStamp) -> [UInt8] {
        var bytes = Array((Self.header + "\n" + Self.indexLine(index) + "\n").utf8)
        bytes.reserveCapacity(groups.count * 200)
        // Keys sorted alone (they are ASCII: `<` is byte order), not (key, value) pairs.
        for key in groups.keys.sorted() {
            guard let group = groups[key] else { continue }
            bytes.append(contentsOf: key.utf8)
            bytes.append(UInt8(ascii: "\t"))
            bytes.append(contentsOf: String(group.latest).utf8)
            bytes.append(UInt8(ascii: "\t"))
            bytes.append(contentsOf: group.digest.utf8)
            bytes.append(UInt8(ascii: "\t"))
            for (position, name) in group.names.enumerated() {
                // Names the build wrote (dates, index.json): a space or a control byte in one
                // would break the line.
                precondition(!name.isEmpty && !name.utf8.contains { $0 <= UInt8(ascii: " ") }, "a file name the stamps cannot hold")
                if position > 0 { bytes.append(UInt8(ascii: " ")) }
                bytes.append(contentsOf: name.utf8)
            }
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    /// Writes the stamps for the build index now at `out` atomically, unless the file already
    /// holds them and trusted every group it held (then it is left alone: a rebuild that
    /// changed nothing writes nothing).
    func write(_ out: String, staging: String, previous: FileStamps) throws(AtomicFile.WriteError) {
        guard let index = FileStamp(out + "/index.json") else { return }
        let bytes = bytes(index: index)
        let path = out + "/" + Self.fileName
        if previous.distrusted == 0, AtomicFile.holds(path, bytes) { return }
        try AtomicFile.write(bytes, to: path, staging: staging)
    }
}
