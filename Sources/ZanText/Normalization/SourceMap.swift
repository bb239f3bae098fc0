/// Where each unit of a normalized text came from in the file, without the text itself.
///
/// A parsed document keeps this instead of its `NormalizedText`: its paragraphs carry their own
/// text, and the map only has to turn their unit positions into byte offsets. Between two
/// changes a normalized unit stands for the same character in the file, so the file's own
/// bytes measure it: the map is the text's changes and checkpoints (8 bytes per 256 units)
/// over the source file, where the normalized text takes 2 bytes per unit.
public struct SourceMap: Sendable {
    /// The file the text was normalized from.
    public let source: SourceFile
    let changes: [TextChange]
    let checkpoints: [Checkpoint]
    let bytes: OriginalWidths

    /// The map of `text`: the same offsets as `text` gives, for every unit.
    public init(_ text: NormalizedText) {
        source = text.source
        changes = text.changes
        checkpoints = text.builtCheckpoints
        bytes = OriginalWidths(bytes: text.source.bytes, count: text.units.count)
    }

    /// The number of units of the text it maps.
    public var unitCount: Int { bytes.count }

    /// The original byte offset of normalized unit `index` (`unitCount` maps to the end), as
    /// `NormalizedText.originalOffset(ofUnit:)` gives it.
    /// - Complexity: O(checkpointStride) at most.
    public func originalOffset(ofUnit index: Int) -> Int {
        OffsetCursor.offset(ofUnit: index, checkpoints: checkpoints, changes: changes, widths: bytes)
    }

    /// The original byte range of a normalized unit range.
    public func originalRange(ofUnits range: Range<Int>) -> SourceRange {
        SourceRange(originalOffset(ofUnit: range.lowerBound), originalOffset(ofUnit: range.upperBound))
    }
}

/// Plain units measured on the file's bytes: a character of 1–3 bytes is one unit, one of 4
/// bytes is two (a surrogate pair, 2 bytes each, as `OffsetCursor.utf8Length` counts them).
struct OriginalWidths: UTF8Widths, Sendable {
    let bytes: [UInt8]
    /// The number of normalized units.
    let count: Int

    func utf8Length(of units: Range<Int>, at offset: Int) -> Int {
        bytes.withUnsafeBufferPointer { bytes in
            var remaining = units.count
            var end = offset
            while remaining > 0 {
                // Past the end, the map and its file disagree: a broken invariant, not bad input
                // (the buffer's subscript is unchecked in an optimized build).
                precondition(end < bytes.count, "unit \(units.upperBound - remaining) maps past the file's \(bytes.count) bytes")
                let lead = bytes[end]
                if lead >= 0xF0 && remaining >= 2 {
                    // A character outside the BMP: both its surrogates.
                    end += 4
                    remaining -= 2
                } else {
                    // 0x80..<0xC0 is the second half of a character outside the BMP, reached by
                    // a unit range that ended between its surrogates: 2 bytes, as its low
                    // surrogate counts; so does its high surrogate alone (lead ≥ 0xF0).
                    end += lead < 0x80 ? 1 : lead < 0xE0 || lead >= 0xF0 ? 2 : 3
                    remaining -= 1
                }
            }
            return end - offset
        }
    }
}
