import Synchronization
import ZanICU

/// A source file's text after normalization, as UTF-16 (ICU's encoding), with the map back to
/// the original file's bytes.
///
/// The map is the sorted list of `changes` plus a checkpoint every `checkpointStride` units, so a
/// random lookup walks at most one stride, and a forward `OffsetCursor` walks each unit once.
public struct NormalizedText: Sendable {
    /// The file this text was normalized from.
    public let source: SourceFile
    /// The normalized text in UTF-16 code units.
    public let units: [UInt16]
    /// Every edit the normalizer made, sorted by position; non-overlapping.
    public let changes: [TextChange]
    /// Notes for each repair and warnings for what could not be repaired.
    public let diagnostics: [Diagnostic]
    /// True when the document was detected as written in a legacy Kazakh font and repaired.
    public let usedLegacyFont: Bool

    /// 256: a paragraph's range and each diagnostic look up two offsets, so a lookup is on the
    /// structure parse's path (1024 made it 7 % of the parse); a checkpoint is 8 bytes per 256 units.
    static let checkpointStride = 256
    /// `(original byte offset of unit k·stride, index of the first change at or after it)`,
    /// built on the first random lookup: forward walks (the tokenizer) never need it.
    private let checkpoints = CheckpointTable()

    init(source: SourceFile, units: [UInt16], changes: [TextChange], diagnostics: [Diagnostic],
         usedLegacyFont: Bool) {
        self.source = source
        self.units = units
        self.changes = changes
        self.diagnostics = diagnostics
        self.usedLegacyFont = usedLegacyFont
    }

    /// The checkpoints, built on first use. The table is handed the parts it builds from, not
    /// a closure over `self`: that copied the whole text (a retain of each of its arrays) at
    /// every offset lookup.
    var builtCheckpoints: [Checkpoint] { checkpoints.get(units: units, changes: changes, start: source.textStart) }

    /// The original byte offset of normalized unit `index` (`units.count` maps to the end).
    /// - Complexity: O(checkpointStride) at most.
    public func originalOffset(ofUnit index: Int) -> Int {
        // Taken out before the closure, which would otherwise copy the whole text value per lookup.
        let checkpoints = builtCheckpoints, changes = changes
        return units.withUnsafeBufferPointer {
            OffsetCursor.offset(ofUnit: index, checkpoints: checkpoints, changes: changes, widths: $0)
        }
    }

    /// A forward cursor standing at normalized unit `index` (clamped to `0...units.count`), to
    /// read the original offsets of later units without a lookup each.
    public func cursor(at index: Int) -> OffsetCursor {
        // At the start, without the checkpoints: a walk from there may never need them built.
        if index <= 0 { return OffsetCursor(changes: changes, start: source.textStart) }
        let checkpoints = builtCheckpoints, changes = changes
        return units.withUnsafeBufferPointer {
            OffsetCursor.cursor(atUnit: index, checkpoints: checkpoints, changes: changes, widths: $0)
        }
    }

    /// Whether the original bytes of `range` (from `originalRange(ofUnits:)`) are its units'
    /// UTF-8, byte for byte: no change of the normalizer has a unit in it or deleted bytes at
    /// its start or inside it.
    /// - Complexity: O(log changes), and the changes in the range.
    public func isVerbatim(_ range: Range<Int>) -> Bool {
        // The first change that ends at or after the range's start (changes are sorted and do
        // not overlap, so their ends are sorted too).
        var low = 0, high = changes.count
        while low < high {
            let middle = (low + high) / 2
            if changes[middle].normalized.upperBound < range.lowerBound { low = middle + 1 } else { high = middle }
        }
        while low < changes.count, changes[low].normalized.lowerBound < range.upperBound {
            let change = changes[low].normalized
            // A change that only ends where the range starts leaves it alone; one that deleted
            // bytes there put them before the range's first unit, in its original bytes.
            if change.upperBound > range.lowerBound || change.isEmpty { return false }
            low += 1
        }
        return true
    }

    /// The original byte range of a normalized unit range.
    public func originalRange(ofUnits range: Range<Int>) -> SourceRange {
        SourceRange(originalOffset(ofUnit: range.lowerBound), originalOffset(ofUnit: range.upperBound))
    }

    /// The normalized text of a unit range.
    public func string(_ range: Range<Int>) -> String {
        units.withUnsafeBufferPointer { String.fromUTF16(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The lowercase of the normalized text of a unit range (`String.lowercased()`'s, faster:
    /// `CaseMapping`).
    public func lowercased(_ range: Range<Int>) -> String {
        units.withUnsafeBufferPointer { CaseMapping.lowercased(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The whole normalized text.
    public var string: String { string(0..<units.count) }
}

/// Walks normalized UTF-16 units forward, keeping the matching original byte offset.
/// Between changes each unit stands for the same character in the original, so the offset grows
/// by that character's UTF-8 length; a change maps its units onto its original range (units inside
/// a change map to the change's start).
public struct OffsetCursor: Sendable {
    let changes: [TextChange]
    public private(set) var unit: Int
    public private(set) var offset: Int
    private(set) var nextChange: Int {
        didSet { nextChangeStart = Self.start(of: nextChange, in: changes) }
    }
    /// Where the next change's units start (`Int.max` after the last): a step that ends at or
    /// before it crosses no change.
    private var nextChangeStart: Int

    init(changes: [TextChange], start: Int) {
        self.init(changes: changes, unit: 0, offset: start, nextChange: 0)
    }

    init(changes: [TextChange], unit: Int, offset: Int, nextChange: Int) {
        self.changes = changes
        self.unit = unit
        self.offset = offset
        self.nextChange = nextChange
        nextChangeStart = Self.start(of: nextChange, in: changes)
    }

    private static func start(of change: Int, in changes: [TextChange]) -> Int {
        change < changes.count ? changes[change].normalized.lowerBound : Int.max
    }

    /// Advances to unit `target` (≥ the current unit) and returns its original byte offset.
    ///
    /// The tokenizer steps a token at a time, a few units each, and most steps cross no change:
    /// a step of up to 32 units that crosses none is summed here, a unit at a time, without the
    /// general walk's setup, which was most of the tokenizer's own time (45 of 74 M
    /// instructions on 3 MB of seeds); longer steps, and steps that reach a change, walk as before.
    /// - Complexity: O(target − unit).
    @inline(__always)
    public mutating func advance(to target: Int, in units: UnsafeBufferPointer<UInt16>) -> Int {
        if target <= nextChangeStart, target >= unit, target &- unit <= 32, target <= units.count,
           let base = units.baseAddress {
            var offset = self.offset
            var next = base + unit
            let end = base + target
            while next < end {
                offset &+= Self.utf8Width(next.pointee)
                next += 1
            }
            self.offset = offset
            unit = target
            return offset
        }
        return advance(to: target, widths: units)
    }

    /// The UTF-8 length one unit stands for: 1 below U+0080, 3 from U+0800 except a half of a
    /// surrogate pair (U+D800–U+DFFF, 2: 4 for the pair), 2 else. Bit `k` of the mask tells
    /// whether units `k·0x800 ..< (k + 1)·0x800` take 3.
    @inline(__always)
    static func utf8Width(_ unit: UInt16) -> Int {
        let value = UInt32(unit)
        return Int(2 &+ ((0xF7FF_FFFE as UInt32) >> (value >> 11)) & 1) &- (value < 0x80 ? 1 : 0)
    }

    /// `advance(to:in:)` over any measure of the units' UTF-8 widths: the units themselves while
    /// the text is at hand, the original bytes after (`SourceMap`).
    mutating func advance<Widths: UTF8Widths>(to target: Int, widths: Widths) -> Int {
        precondition(target >= unit, "OffsetCursor only moves forward")
        while unit < target {
            if nextChange < changes.count {
                let change = changes[nextChange]
                if change.normalized.lowerBound <= unit {
                    if target < change.normalized.upperBound {
                        // Inside a change: the offset stays at the change's original start.
                        unit = target
                        offset = change.original.start
                        return offset
                    }
                    unit = change.normalized.upperBound
                    offset = change.original.end
                    nextChange += 1
                    continue
                }
                // Plain units up to the next change (or the target).
                let stop = min(target, change.normalized.lowerBound)
                offset += widths.utf8Length(of: unit..<stop, at: offset)
                unit = stop
            } else {
                offset += widths.utf8Length(of: unit..<target, at: offset)
                unit = target
            }
        }
        return offset
    }

    /// `(original offset, next change)` at every `NormalizedText.checkpointStride`-th unit of
    /// `count` units, `count` itself included when it falls on one.
    static func checkpoints<Widths: UTF8Widths>(changes: [TextChange], start: Int, count: Int,
                                               widths: Widths) -> [Checkpoint] {
        var checkpoints: [Checkpoint] = []
        checkpoints.reserveCapacity(count / NormalizedText.checkpointStride + 1)
        var cursor = OffsetCursor(changes: changes, start: start)
        var index = 0
        while index <= count {
            checkpoints.append(Checkpoint(offset: cursor.advance(to: index, widths: widths), change: cursor.nextChange))
            index += NormalizedText.checkpointStride
        }
        return checkpoints
    }

    /// The original byte offset of unit `index` (clamped to `0...count`, the count being what
    /// the checkpoints cover): from the checkpoint before it, at most one stride of units.
    static func offset<Widths: UTF8Widths>(ofUnit index: Int, checkpoints: [Checkpoint], changes: [TextChange],
                                          widths: Widths) -> Int {
        cursor(atUnit: index, checkpoints: checkpoints, changes: changes, widths: widths).offset
    }

    /// A cursor at unit `index` (clamped to `0...count`), walked from the checkpoint before it.
    static func cursor<Widths: UTF8Widths>(atUnit index: Int, checkpoints: [Checkpoint], changes: [TextChange],
                                          widths: Widths) -> OffsetCursor {
        let stride = NormalizedText.checkpointStride
        let clamped = max(0, min(index, widths.count))
        let checkpoint = checkpoints[clamped / stride]
        var cursor = OffsetCursor(changes: changes, unit: (clamped / stride) * stride,
                                  offset: checkpoint.offset, nextChange: checkpoint.change)
        _ = cursor.advance(to: clamped, widths: widths)
        return cursor
    }

    /// UTF-8 length of units[from..<to]; a surrogate pair counts 4 (2 + 2).
    ///
    /// Every offset lookup walks up to a checkpoint stride of units through this, so it is kept
    /// free of branches, which lets the compiler vectorize it (5× the branching loop): a unit
    /// takes 1 byte, one more from U+0080, one more from U+0800, one less for a surrogate.
    /// Summed in 32 bits a block at a time (a block adds at most 2 per unit).
    static func utf8Length(_ units: UnsafeBufferPointer<UInt16>, from: Int, to: Int) -> Int {
        precondition(from >= 0 && to <= units.count, "units \(from)..<\(to) outside a text of \(units.count)")
        guard from < to, let base = units.baseAddress else { return 0 }
        var extra = 0
        var unit = base + from
        let end = base + to
        while unit < end {
            let blockEnd = unit + min(end - unit, 1 << 20)
            var blockExtra: UInt32 = 0
            while unit < blockEnd {
                let value = UInt32(unit.pointee)
                blockExtra &+= (value &+ 0xFF80) >> 16  // 1 from U+0080
                blockExtra &+= (value &+ 0xF800) >> 16  // 1 from U+0800
                blockExtra &-= (value & 0xF800) == 0xD800 ? 1 : 0  // a surrogate is 2 bytes, not 3
                unit += 1
            }
            extra += Int(blockExtra)
        }
        return (to - from) + extra
    }
}

/// How many bytes of UTF-8 a run of a normalized text's units takes, however it is measured.
protocol UTF8Widths {
    /// The number of units of the text.
    var count: Int { get }
    /// The UTF-8 length of `units`, plain units (outside every change) of which the first
    /// stands for the original character at byte `offset`.
    func utf8Length(of units: Range<Int>, at offset: Int) -> Int
}

/// Measured on the normalized units themselves.
extension UnsafeBufferPointer: UTF8Widths where Element == UInt16 {
    func utf8Length(of units: Range<Int>, at offset: Int) -> Int {
        OffsetCursor.utf8Length(self, from: units.lowerBound, to: units.upperBound)
    }
}

/// 8 bytes: a file is at most `SourceFile.maximumSize` bytes, so its offsets and its number of
/// changes fit in 32 bits (kept as long as the document: a million units is 31 KB of them).
struct Checkpoint: Sendable {
    private let storedOffset: Int32
    private let storedChange: Int32

    init(offset: Int, change: Int) {
        precondition(offset <= Int32.max && change <= Int32.max, "a text of more than \(Int32.max) bytes")
        storedOffset = Int32(truncatingIfNeeded: offset)
        storedChange = Int32(truncatingIfNeeded: change)
    }

    var offset: Int { Int(storedOffset) }
    var change: Int { Int(storedChange) }
}

/// The checkpoints of a `NormalizedText`, computed once on first use, safely across threads.
final class CheckpointTable: Sendable {
    private let table = Mutex<[Checkpoint]?>(nil)

    /// The checkpoints of a text of `units` whose `changes` and first byte (`start`) these are,
    /// built on the first call.
    func get(units: [UInt16], changes: [TextChange], start: Int) -> [Checkpoint] {
        table.withLock { table in
            if let table { return table }
            let built = units.withUnsafeBufferPointer {
                OffsetCursor.checkpoints(changes: changes, start: start, count: $0.count, widths: $0)
            }
            table = built
            return built
        }
    }
}

extension String {
    /// The text of UTF-16 units, transcoded by ICU (the standard library's UTF-16 path is a
    /// generic, slow one). Unpaired surrogates become U+FFFD. The string is allocated at its
    /// exact size: texts built here are kept (paragraphs), and a worst-case 3 bytes per unit
    /// left half of every Cyrillic paragraph's storage unused.
    public static func fromUTF16(_ units: UnsafeBufferPointer<UInt16>) -> String {
        guard let base = units.baseAddress, !units.isEmpty else { return "" }
        guard units.count < Int(Int32.max) / 3 else { return String(decoding: units, as: UTF16.self) }
        // A surrogate counts 2 bytes (a pair makes 4); an unpaired one grows to U+FFFD's 3, so a
        // text that has one is transcoded again with room for that.
        func transcode(capacity: Int) -> String? {
            var status: Int32 = 0
            let text = String(unsafeUninitializedCapacity: capacity) { bytes in
                let written = zan_icu_utf16_to_utf8(base, Int32(units.count), bytes.baseAddress, Int32(capacity), &status)
                return status > 0 ? 0 : Int(written)
            }
            return status > 0 ? nil : text
        }
        return transcode(capacity: OffsetCursor.utf8Length(units, from: 0, to: units.count))
            ?? transcode(capacity: units.count * 3)
            // ICU failed for another reason than room: the standard library's (slower) path.
            ?? String(decoding: units, as: UTF16.self)
    }
}
