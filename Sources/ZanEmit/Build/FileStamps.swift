import Foundation
import ZanText
import ZanTimeline

/// What a build knows about the files it read and wrote, so the next build need not read and
/// hash them again: each file's `FileStamp` with its SHA-256 — the published files of `rules/`
/// by their path in it, the corpus documents' by `@corpus/<id>/<file>`.
///
/// Kept in `rules/.stamps`, a private file beside the published ones (hidden, not in the build
/// index, ignored by git); without it, or when it is unreadable, every file is hashed. A stamp
/// taken in the same clock tick as the stamps file itself was written is not trusted (a change
/// in that tick could keep size and times), so such a file is hashed once more next time.
/// `zan build --check` never uses stamps.
struct FileStamps: Sendable {
    typealias Stamp = FileStamp

    /// The key prefix of corpus files (not an id: ids start with a letter or digit).
    static let corpusPrefix = "@corpus/"

    static let fileName = ".stamps"
    static let header = "zan-stamps 1"

    /// Path relative to `rules/` → stamp and SHA-256.
    var entries: [String: (stamp: Stamp, sha256: String)] = [:]

    /// The stamp the file at `out/relative` has now, and its recorded SHA-256 when that stamp
    /// is the one recorded (safely, before the stamps file was written); nil when it must be
    /// hashed. The stamp is taken before any hashing, so an edit during it shows next time.
    func look(_ relative: String, in out: String) -> (stamp: Stamp?, sha256: String?) {
        let now = FileStamp(out + "/" + relative)
        guard let now, let entry = entries[relative], now == entry.stamp else { return (now, nil) }
        return (now, entry.sha256)
    }

    /// The SHA-256 recorded for corpus document `id` when its text and meta.json (or its lack
    /// of one) have the recorded stamps; nil when it must be read.
    func corpusDocument(_ id: String, _ files: CorpusDocument.Stamps) -> String? {
        let prefix = Self.corpusPrefix + id + "/"
        guard let text = entries[prefix + Corpus.textFile], text.stamp == files.text else { return nil }
        let meta = entries[prefix + Corpus.metaFile]
        guard meta?.stamp == files.meta, meta == nil || meta?.sha256 == text.sha256 else { return nil }
        return text.sha256
    }

    /// Records the stamps of corpus document `id`'s files, known to hash to `sha256`.
    mutating func record(corpusDocument id: String, _ files: CorpusDocument.Stamps, sha256: String) {
        let prefix = Self.corpusPrefix + id + "/"
        record(prefix + Corpus.textFile, stamp: files.text, sha256: sha256)
        record(prefix + Corpus.metaFile, stamp: files.meta, sha256: sha256)
    }

    /// Records `stamp` for the file at `relative`, known to hold bytes of `sha256`.
    mutating func record(_ relative: String, stamp: Stamp?, sha256: String) {
        if let stamp { entries[relative] = (stamp, sha256) }
    }

    /// The stamps at `out`, less those too recent to trust; empty when there are none or the
    /// file is not one this build writes. Read as bytes: at 10,000 works it has 200,000 lines.
    static func read(_ out: String) -> FileStamps {
        let path = out + "/" + fileName
        guard let file = FileStamp(path), let data = FileManager.default.contents(atPath: path) else { return FileStamps() }
        var stamps = FileStamps()
        let valid = data.withUnsafeBytes { raw -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            if lines.last?.isEmpty == true { lines.removeLast() }
            guard let first = lines.first, first.elementsEqual(header.utf8) else { return false }
            for line in lines.dropFirst() {
                let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
                guard fields.count == 6, let size = number(fields[1]).flatMap(Int64.init(exactly:)),
                      let modified = number(fields[2]).flatMap(Int64.init(exactly:)),
                      let changed = number(fields[3]).flatMap(Int64.init(exactly:)), let inode = number(fields[4]),
                      fields[5].count == 64, let relative = String(validating: fields[0], as: UTF8.self) else { return false }
                // Racy: changed in the tick the stamps were written, so a later edit could look the same.
                guard modified < file.modified, changed < file.modified else { continue }
                stamps.entries[relative] = (Stamp(size: size, modified: modified, changed: changed, inode: inode),
                                            String(decoding: fields[5], as: UTF8.self))
            }
            return true
        }
        return valid ? stamps : FileStamps()
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

    /// Writes the stamps (sorted: the file is deterministic for the same stamps) atomically.
    func write(_ out: String, staging: String) throws(AtomicFile.WriteError) {
        var bytes = Array((Self.header + "\n").utf8)
        bytes.reserveCapacity(entries.count * 160)
        // Keys sorted alone (paths are ASCII: `<` is byte order), not (key, value) pairs.
        for path in entries.keys.sorted() {
            guard let entry = entries[path] else { continue }
            let s = entry.stamp
            bytes.append(contentsOf: path.utf8)
            for number in [String(s.size), String(s.modified), String(s.changed), String(s.inode), entry.sha256] {
                bytes.append(UInt8(ascii: "\t"))
                bytes.append(contentsOf: number.utf8)
            }
            bytes.append(UInt8(ascii: "\n"))
        }
        try AtomicFile.write(bytes, to: out + "/" + Self.fileName, staging: staging)
    }
}
