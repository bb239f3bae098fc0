/// Line and column of increasing offsets in one forward walk: what printing every token of a
/// large file needs (a fresh `lineColumn(at:)` per token would re-count each line's prefix).
public struct LineColumnTracker {
    let file: SourceFile
    var line = 0
    var lastOffset: Int
    var lastColumn = 1

    public init(_ file: SourceFile) {
        self.file = file
        self.lastOffset = file.textStart
    }

    /// Line and column of `offset`; offsets must not decrease between calls.
    public mutating func lineColumn(at offset: Int) -> LineColumn {
        let newLine = file.lineIndex(containing: offset)
        if newLine != line || offset < lastOffset {
            line = newLine
            lastOffset = max(file.lineStarts[line], line == 0 ? file.textStart : 0)
            lastColumn = 1
        }
        if offset > lastOffset {
            lastColumn += file.bytes[lastOffset..<offset].utf8CharacterCount
            lastOffset = offset
        }
        return LineColumn(line: line + 1, column: lastColumn)
    }
}
