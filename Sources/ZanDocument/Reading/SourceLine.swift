import ZanText

/// One physical line of a normalized text, without its terminator, split into chunks of
/// non-space characters (the unit the PDF repairs work on). Lines and chunks are ranges of the
/// normalized units; their text is read from there when needed.
struct SourceLine {
    /// 1-based line number in the source file.
    let number: Int
    /// The line's units in the normalized text (terminator excluded).
    let units: Range<Int>
    /// Runs of non-space characters, in order.
    var chunks: [Chunk]
    /// Spaces before the first chunk.
    let indent: Int
    /// True when the line ends with a space (what a wrapped PDF line normally does).
    let endsWithSpace: Bool

    var isBlank: Bool { chunks.isEmpty }
    /// True when the line has a tab: an adilet export's table cells.
    let hasTab: Bool

    /// Calls `body` with the number and units of each line of a normalized text, in order (LF,
    /// CRLF or a lone CR end a line; like the file's line table, a final newline is followed by
    /// an empty line).
    static func forEachRange(in text: NormalizedText,
                             _ body: (_ number: Int, _ units: Range<Int>, _ buffer: UnsafeBufferPointer<UInt16>) -> Void) {
        text.units.withUnsafeBufferPointer { units in
            var start = 0
            var index = 0
            var number = 1
            while index <= units.count {
                let atEnd = index == units.count
                let unit: UInt16 = atEnd ? 0x0A : units[index]
                if unit == 0x0A || unit == 0x0D {
                    body(number, start..<index, units)
                    if unit == 0x0D, index + 1 < units.count, units[index + 1] == 0x0A { index += 1 }
                    number += 1
                    start = index + 1
                }
                index += 1
            }
        }
    }

    /// Calls `body` with each line of a normalized text, in order, built one at a time: a
    /// document is read line by line, never holding all its lines' chunks at once.
    static func forEach(in text: NormalizedText, _ body: (SourceLine) -> Void) {
        forEachRange(in: text) { number, units, buffer in body(SourceLine(number: number, units: units, in: buffer)) }
    }

    /// All the lines of a normalized text.
    static func lines(of text: NormalizedText) -> [SourceLine] {
        var lines: [SourceLine] = []
        forEach(in: text) { lines.append($0) }
        return lines
    }

    init(number: Int, units range: Range<Int>, in buffer: UnsafeBufferPointer<UInt16>) {
        self.number = number
        self.units = range
        var chunks: [Chunk] = []
        // A word and its space take about 8 units: one allocation for most lines, not four.
        chunks.reserveCapacity(range.count / 5 + 1)
        var gap = 0
        var chunkStart = -1
        var hasTab = false
        for index in range {
            let unit = buffer[index]
            if unit == 0x20 || unit == 0x09 {
                if unit == 0x09 { hasTab = true }
                if chunkStart >= 0 {
                    chunks.append(Chunk(units: chunkStart..<index, gapBefore: gap))
                    chunkStart = -1
                    gap = 0
                }
                gap += unit == 0x09 ? 8 : 1
            } else if chunkStart < 0 {
                chunkStart = index
            }
        }
        if chunkStart >= 0 { chunks.append(Chunk(units: chunkStart..<range.upperBound, gapBefore: gap)) }
        self.chunks = chunks
        self.indent = chunks.first?.gapBefore ?? 0  // the spaces before the first chunk
        self.hasTab = hasTab
        self.endsWithSpace = chunkStart < 0 && !chunks.isEmpty
    }
}

/// A run of non-space characters of a line: where it is in the normalized text.
struct Chunk: Equatable {
    /// Units in the normalized text.
    var units: Range<Int>
    /// Spaces before it on its line (a tab counts 8).
    var gapBefore: Int

    /// Chunks as UTF-16 units: a space where a chunk had a gap before it, nothing where it had none.
    static func renderUnits(_ chunks: [Chunk], in text: NormalizedText) -> [UInt16] {
        [UInt16](unsafeUninitializedCapacity: renderedCount(chunks)) { buffer, count in
            count = render(chunks, in: text, into: buffer)
        }
    }

    /// Chunks as text: a space where a chunk had a gap before it, nothing where it had none.
    /// Rendered in a temporary buffer (on the stack when small): a paragraph's units are only
    /// the way to its text.
    static func render(_ chunks: [Chunk], in text: NormalizedText) -> String {
        withUnsafeTemporaryAllocation(of: UInt16.self, capacity: renderedCount(chunks)) { buffer in
            let count = render(chunks, in: text, into: buffer)
            return String.fromUTF16(UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    private static func renderedCount(_ chunks: [Chunk]) -> Int {
        var count = 0
        for (index, chunk) in chunks.enumerated() { count += chunk.units.count + (index > 0 && chunk.gapBefore > 0 ? 1 : 0) }
        return count
    }

    /// Writes the rendered units at the start of `buffer` (at least `renderedCount` long);
    /// returns how many.
    private static func render(_ chunks: [Chunk], in text: NormalizedText, into buffer: UnsafeMutableBufferPointer<UInt16>) -> Int {
        text.units.withUnsafeBufferPointer { units in
            var count = 0
            for (index, chunk) in chunks.enumerated() {
                if index > 0, chunk.gapBefore > 0 {
                    buffer[count] = 0x20
                    count += 1
                }
                let source = UnsafeBufferPointer(rebasing: units[chunk.units])
                _ = UnsafeMutableBufferPointer(rebasing: buffer[count..<(count + source.count)]).initialize(fromContentsOf: source)
                count += source.count
            }
            return count
        }
    }

    /// Splits at UTF-16 offset `offset` within the chunk.
    func split(at offset: Int) -> (Chunk, Chunk) {
        (Chunk(units: units.lowerBound..<units.lowerBound + offset, gapBefore: gapBefore),
         Chunk(units: units.lowerBound + offset..<units.upperBound, gapBefore: 0))
    }
}
