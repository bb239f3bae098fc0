import Foundation
import ZanText
import ZanTimeline

/// What a build knows about the files it read and wrote, so the next build need not read and
/// hash them again: for each group of files, the digest of their `FileStamp`s (git's index
/// trick) — a work's files (its index and tables) under the work's id, a corpus
/// document's kaz.txt and meta.json under `@corpus/<id>`. Stamps that are the recorded ones
/// vouch for the files' bytes: a corpus document's for the SHA-256 the build index
/// (`rules/index.json`) records, a work's for the SHA-256 of its index that the build index
/// records, and so for the tables' SHA-256s that index lists. A work's group also names
/// its files, so that a rebuild stamps them without reading the work's index; a group per line
/// keeps the file small (at 10,000 works, 60,000 lines, not the 320,000 of a line per file).
///
/// Kept in `rules/.stamps`, a private file beside the published ones (hidden, not in the build
/// index, ignored by git), written after the build index and naming the stamp of the build index
/// it goes with: with another index (a build that stopped between the two writes), without the
/// file, or when it is unreadable, every file is hashed. A group with a stamp taken in the
/// same clock tick as the stamps file was written is not trusted (a change in that tick could
/// keep size and times), so its files are hashed once more next time. `zan build --check`
/// never uses stamps.
struct FileStamps: Sendable {
    /// The key prefix of corpus documents in the file (not an id: ids start with a letter or digit).
    static let corpusPrefix = "@corpus/"

    static let fileName = ".stamps"
    static let header = "zan-stamps 3"

    /// The SHA-256 of a group's stamps, as a value (no array, no hex string per group).
    struct Digest: Hashable, Sendable {
        /// The 32 bytes, big-endian, eight to a word.
        var words: (UInt64, UInt64, UInt64, UInt64)

        init(_ bytes: [UInt8]) {
            precondition(bytes.count == 32, "a SHA-256 digest has 32 bytes")
            func word(_ lane: Int) -> UInt64 {
                bytes[(lane * 8)..<(lane * 8 + 8)].reduce(0) { $0 << 8 | UInt64($1) }
            }
            words = (word(0), word(1), word(2), word(3))
        }

        /// From 64 lowercase hex digits; nil for anything else.
        init?(hex: Slice<UnsafeBufferPointer<UInt8>>) {
            guard hex.count == 64 else { return nil }
            /// The 16 digits from `start` as a word; nil if one is not a lowercase hex digit. By
            /// a table, without a branch per digit: digits and letters come in random order (ten
            /// to six), which no branch predictor follows, and a rebuild reads 60,000 digests.
            func word(_ start: Int) -> UInt64? {
                Self.hexValues.withUnsafeBufferPointer { values in
                    var word: UInt64 = 0, bad: UInt8 = 0
                    for digit in hex[start..<(start + 16)] {
                        let value = values[Int(digit)]
                        bad |= value
                        word = word << 4 | UInt64(value & 0xF)
                    }
                    return bad & 0x80 == 0 ? word : nil
                }
            }
            let start = hex.startIndex
            guard let a = word(start), let b = word(start + 16), let c = word(start + 32), let d = word(start + 48) else { return nil }
            words = (a, b, c, d)
        }

        /// Each byte's value as a lowercase hex digit; 0xFF for a byte that is none.
        private static let hexValues: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
            switch byte {
            case 0x30...0x39: UInt8(byte - 0x30)
            case 0x61...0x66: UInt8(byte - 0x61 + 10)
            default: 0xFF
            }
        }

        static func == (a: Digest, b: Digest) -> Bool { a.words == b.words }

        func hash(into hasher: inout Hasher) {
            hasher.combine(words.0)
            hasher.combine(words.1)
            hasher.combine(words.2)
            hasher.combine(words.3)
        }

        /// 64 lowercase hex digits.
        func appendHex(to bytes: inout [UInt8]) {
            for word in [words.0, words.1, words.2, words.3] {
                for shift in stride(from: 60, through: 0, by: -4) {
                    let digit = UInt8(truncatingIfNeeded: word >> UInt64(shift)) & 0xf
                    bytes.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
                }
            }
        }
    }

    /// One group's stamps: their digest, the latest time among them (for the tick rule), and
    /// a work's files, their names separated by spaces in the order stamped (empty for a
    /// corpus document, whose file names are fixed).
    struct Group: Equatable, Sendable {
        var digest: Digest
        var latest: Int64
        var names = ""
    }

    /// The stamp of the build index these stamps go with.
    var index: FileStamp?
    /// Work id → the group of its files (its index and tables); each group's line in
    /// the file read, when read.
    private var workTable: RewrittenTable<Group>
    /// Corpus document id → the group of its kaz.txt and meta.json.
    private var corpusTable: RewrittenTable<Group>
    /// The bytes the stamps were read from (nil for stamps made in memory): `lines()` copies
    /// the lines of the groups not changed since.
    private var bytes: Data?
    /// Groups read but not trusted (from the clock tick the stamps file was written in): the
    /// file is written again, later, even when its lines come out the same.
    private(set) var distrusted = 0

    var works: [String: Group] { workTable.values }
    var corpus: [String: Group] { corpusTable.values }
    /// True once `set` changed a group: stamps that did not change need not be written (a
    /// rebuild that changed nothing compares no 60,000 groups to know it).
    var changed: Bool { workTable.changed || corpusTable.changed }

    init(index: FileStamp? = nil, works: [String: Group] = [:], corpus: [String: Group] = [:]) {
        self.index = index
        workTable = RewrittenTable(works)
        corpusTable = RewrittenTable(corpus)
    }

    /// Sets (or, with nil, removes) the group of a work's files or of a corpus document's.
    mutating func set(work id: String, _ group: Group?) { workTable.set(id, group) }
    mutating func set(corpus id: String, _ group: Group?) { corpusTable.set(id, group) }

    /// Appends what a group's digest covers for one file: its name, a NUL, its stamp's four numbers.
    private static func append(name: UnsafeBufferPointer<UInt8>, _ stamp: FileStamp, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: name)
        bytes.append(0)
        for number in [UInt64(bitPattern: stamp.size), UInt64(bitPattern: stamp.modified),
                       UInt64(bitPattern: stamp.changed), stamp.inode] {
            withUnsafeBytes(of: number.littleEndian) { bytes.append(contentsOf: $0) }
        }
    }

    /// The group of the named files' stamps (names sorted by the caller; none holds a space or
    /// a control character); nil when a file is missing (a group can only vouch for files that
    /// are there).
    static func group(_ files: [(name: String, stamp: FileStamp?)]) -> Group? {
        guard var group = digest(files) else { return nil }
        group.names = files.map(\.name).joined(separator: " ")
        return group
    }

    /// `group`, without the names.
    private static func digest(_ files: [(name: String, stamp: FileStamp?)]) -> Group? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(files.count * 48)
        var latest: Int64 = 0   // times of files are after 1970: never below this
        for (name, stamp) in files {
            guard let stamp else { return nil }
            // Names the build wrote (dates, index.json): a space or a control byte in one would
            // break the stamps file's line.
            precondition(!name.isEmpty && !name.utf8.contains { $0 <= UInt8(ascii: " ") }, "a file name the stamps cannot hold")
            var name = name
            name.withUTF8 { append(name: $0, stamp, to: &bytes) }
            latest = max(latest, stamp.modified, stamp.changed)
        }
        return Group(digest: Digest(SHA256.digest(bytes)), latest: latest)
    }

    /// The group of the files `names` (as a group holds them: separated by spaces) in the folder
    /// `folder` of the open folder `parent`, stamped now; nil when the folder or a file is
    /// missing. The same group `group(_:)` gives for those names and stamps, in one pass: no
    /// array of names or stamps. Each file is stamped by its path from `parent` ("id/name"):
    /// at 10,000 works, opening and closing each work's folder to stamp its files there was
    /// 60,000 calls more, each dearer than a stamp.
    static func group(inFolder folder: String, of parent: Int32, names: String) -> Group? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(names.utf8.count * 3)
        var latest: Int64 = 0
        var path = [CChar](repeating: 0, count: folder.utf8.count + 1 + Int(NAME_MAX) + 1)
        var folder = folder, names = names
        // A folder name and file names as the build wrote them (the stamps file is only trusted
        // so far: a name that would leave its folder is not stamped).
        let prefix = folder.withUTF8 { folder -> Int? in
            guard !folder.isEmpty, !folder.contains(UInt8(ascii: "/")),
                  !folder.elementsEqual(".".utf8), !folder.elementsEqual("..".utf8) else { return nil }
            for (index, byte) in folder.enumerated() { path[index] = CChar(bitPattern: byte) }
            path[folder.count] = CChar(bitPattern: UInt8(ascii: "/"))
            return folder.count + 1
        }
        guard let prefix else { return nil }
        let complete = names.withUTF8 { all -> Bool in
            var start = 0
            while start < all.count {
                var end = start
                while end < all.count, all[end] != UInt8(ascii: " ") { end += 1 }
                let name = UnsafeBufferPointer(rebasing: all[start..<end])
                start = end + 1
                guard !name.isEmpty, prefix + name.count < path.count, !name.contains(UInt8(ascii: "/")) else { return false }
                var status = stat()
                let found = path.withUnsafeMutableBufferPointer { path -> Bool in
                    guard let base = path.baseAddress else { return false }
                    for (index, byte) in name.enumerated() { path[prefix + index] = CChar(bitPattern: byte) }
                    path[prefix + name.count] = 0
                    return fstatat(parent, base, &status, AT_SYMLINK_NOFOLLOW) == 0
                }
                guard found else { return false }
                let stamp = FileStamp(status)
                append(name: name, stamp, to: &bytes)
                latest = max(latest, stamp.modified, stamp.changed)
            }
            return true
        }
        guard complete else { return nil }
        return Group(digest: Digest(SHA256.digest(bytes)), latest: latest, names: names)
    }

    /// The group of a corpus document's files: its text, and its meta.json or the lack of one.
    static func group(corpus files: CorpusDocument.Stamps) -> Group? {
        var named: [(name: String, stamp: FileStamp?)] = [(Corpus.textFile, files.text)]
        if let meta = files.meta { named.append((Corpus.metaFile, meta)) }
        return digest(named)
    }

    /// The stamps at `out`, less the groups too recent to trust; empty when there are none, the
    /// file is not one this build writes, or it goes with another build index than `index`.
    /// Read as bytes: at 10,000 works it has 60,000 lines.
    /// A line is `key TAB latest TAB digest TAB names`, the names separated by spaces.
    static func read(_ out: String, index: FileStamp?) -> FileStamps {
        let path = out + "/" + fileName
        guard let index, let file = FileStamp(path), let data = FileManager.default.contents(atPath: path) else { return FileStamps() }
        var stamps = FileStamps(index: index)
        stamps.bytes = data
        let valid = data.withUnsafeBytes { raw -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lines = LineReader(bytes)
            guard let first = lines.next(), first.elementsEqual(header.utf8),
                  let second = lines.next(), second.elementsEqual(indexLine(index).utf8) else { return false }
            // Room for every line in each table (a line is a group): no table grown as it fills.
            let groups = lines.count
            stamps.workTable.startReading(count: groups)
            stamps.corpusTable.startReading(count: groups)
            while let line = lines.next() {
                // key TAB latest TAB digest TAB names
                guard let keyEnd = line.firstIndex(of: UInt8(ascii: "\t")),
                      let latestEnd = line[(keyEnd + 1)...].firstIndex(of: UInt8(ascii: "\t")),
                      latestEnd + 65 < line.endIndex, line[latestEnd + 65] == UInt8(ascii: "\t"),
                      let latest = number(line[(keyEnd + 1)..<latestEnd]).flatMap(Int64.init(exactly:)),
                      let digest = Digest(hex: line[(latestEnd + 1)..<(latestEnd + 65)]) else { return false }
                var key = line[..<keyEnd], isCorpus = false
                if key.starts(with: corpusPrefix.utf8) {
                    key = key.dropFirst(corpusPrefix.utf8.count)
                    isCorpus = true
                }
                guard let id = String(validating: key, as: UTF8.self),
                      let names = String(validating: line[(latestEnd + 66)...], as: UTF8.self) else { return false }
                // Racy: a stamp from the tick the stamps were written in, so a later edit could look the same.
                guard latest < file.modified else {
                    stamps.distrusted += 1
                    continue
                }
                let group = Group(digest: digest, latest: latest, names: names)
                // The line with its newline, which every line the stamps write ends with.
                let whole = line.endIndex < bytes.count && bytes[line.endIndex] == UInt8(ascii: "\n")
                let range = whole ? line.startIndex..<(line.endIndex + 1) : nil
                if isCorpus {
                    stamps.corpusTable.append(id, group, at: range)
                } else {
                    stamps.workTable.append(id, group, at: range)
                }
            }
            return true
        }
        guard valid else { return FileStamps() }
        // Lines are copied only in key order, each once, as `lines()` writes them.
        stamps.workTable.endReading(by: <)
        stamps.corpusTable.endReading(by: <)
        return stamps
    }

    /// The lines of a buffer, each found with `memchr`; a last line without a newline counts.
    private struct LineReader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        /// The lines not read yet, counted (not read).
        var count: Int {
            var copy = self, count = 0
            while copy.next() != nil { count += 1 }
            return count
        }

        mutating func next() -> Slice<UnsafeBufferPointer<UInt8>>? {
            guard position < bytes.count, let base = bytes.baseAddress else { return nil }
            let start = position
            if let newline = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) {
                position = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
                return bytes[start..<(position - 1)]
            }
            position = bytes.count
            return bytes[start...]
        }
    }

    /// The second line: the build index the stamps go with.
    private static func indexLine(_ index: FileStamp) -> String {
        "index\t\(index.size)\t\(index.modified)\t\(index.changed)\t\(index.inode)"
    }

    /// `number` in decimal (a time: never negative).
    private static func appendDecimal(_ number: Int64, to bytes: inout [UInt8]) {
        precondition(number >= 0, "a file time before 1970")
        DecimalDigits.append(UInt64(number), to: &bytes)
    }

    /// A non-negative decimal that fits in 64 bits.
    private static func number(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64? {
        DecimalDigits.value(of: digits)
    }

    /// The file's lines after the two of its head: the corpus documents' groups, then the
    /// works', each sorted by id (the file is deterministic for the same stamps). The lines of
    /// groups not changed since the stamps were read are copied from the file.
    func lines() -> [UInt8] { encodeLines().bytes }

    /// `lines()`, and whether the lines of the groups not changed were copied (false when there
    /// was nothing to copy from: stamps made in memory, or read from a file not in key order).
    func encodeLines() -> (bytes: [UInt8], copied: Bool) {
        var bytes: [UInt8] = []
        if let source = self.bytes {
            bytes.reserveCapacity(source.count + 4096)
        } else {
            bytes.reserveCapacity(corpus.count * 110 + works.reduce(0) { $0 + $1.value.names.utf8.count + 100 })
        }
        var copied = true
        for (prefix, table) in [(Self.corpusPrefix, corpusTable), ("", workTable)] {
            func append(_ key: String, _ group: Group) {
                bytes.append(contentsOf: prefix.utf8)
                bytes.append(contentsOf: key.utf8)
                bytes.append(UInt8(ascii: "\t"))
                Self.appendDecimal(group.latest, to: &bytes)
                bytes.append(UInt8(ascii: "\t"))
                group.digest.appendHex(to: &bytes)
                bytes.append(UInt8(ascii: "\t"))
                bytes.append(contentsOf: group.names.utf8)
                bytes.append(UInt8(ascii: "\n"))
            }
            let rewritten = self.bytes?.withUnsafeBytes { file in
                table.rewrite(by: <, copy: { _, range in bytes.append(contentsOf: file[range]) }, write: append)
            } ?? false
            if rewritten { continue }
            copied = false
            // Keys sorted alone (they are ASCII: `<` is byte order), not (key, value) pairs.
            for key in table.values.keys.sorted() {
                if let group = table[key] { append(key, group) }
            }
        }
        return (bytes, copied)
    }

    /// Writes the stamps for the build index now at `out` atomically: its head, then `lines`
    /// (`lines()`, made beforehand). Unless the file already holds them and trusted every
    /// group it held: then it is left alone (a rebuild that changed nothing writes nothing).
    /// `distrusted`: the groups the file held that were not trusted (`distrusted` of the stamps read).
    func write(_ out: String, lines: [UInt8], staging: String, distrusted: Int) throws(AtomicFile.WriteError) {
        guard let index = FileStamp(out + "/index.json") else { return }
        var bytes = Array((Self.header + "\n" + Self.indexLine(index) + "\n").utf8)
        bytes.append(contentsOf: lines)
        let path = out + "/" + Self.fileName
        if distrusted == 0, AtomicFile.holds(path, bytes) { return }
        try AtomicFile.write(bytes, to: path, staging: staging)
    }
}
