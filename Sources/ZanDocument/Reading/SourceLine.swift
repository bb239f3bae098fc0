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

    /// Calls `body` with each line of a normalized text, in order (LF, CRLF or a lone CR end a
    /// line; like the file's line table, a final newline is followed by an empty line), built
    /// one at a time: a document is read line by line, never holding all its lines' chunks at
    /// once.
    ///
    /// One pass over the units finds both the lines and their chunks; most units are above
    /// U+0020 and only extend the chunk they are in (two passes, one for the lines and one for
    /// each line's chunks, were a tenth of the parse).
    static func forEach(in text: NormalizedText, _ body: (SourceLine) -> Void) {
        text.units.withUnsafeBufferPointer { units in
            // The line's chunks are gathered here and copied out at the line's exact size.
            var scratch: [Chunk] = []
            scratch.reserveCapacity(64)
            var number = 1, lineStart = 0
            var chunkStart = -1, gap = 0, hasTab = false
            func endLine(at end: Int) {
                if chunkStart >= 0 { scratch.append(Chunk(units: chunkStart..<end, gapBefore: gap)) }
                body(SourceLine(number: number, units: lineStart..<end, chunks: Array(scratch[...]),
                                indent: scratch.first?.gapBefore ?? 0,  // the spaces before the first chunk
                                endsWithSpace: chunkStart < 0 && !scratch.isEmpty, hasTab: hasTab))
                scratch.removeAll(keepingCapacity: true)
                (chunkStart, gap, hasTab) = (-1, 0, false)
                number += 1
            }
            var index = 0
            while index < units.count {
                let unit = units[index]
                if unit > 0x20 {
                    if chunkStart < 0 { chunkStart = index }
                    index += 1
                    continue
                }
                switch unit {
                case 0x20, 0x09:
                    if chunkStart >= 0 {
                        scratch.append(Chunk(units: chunkStart..<index, gapBefore: gap))
                        (chunkStart, gap) = (-1, 0)
                    }
                    if unit == 0x09 { hasTab = true }
                    gap += unit == 0x09 ? 8 : 1
                case 0x0A, 0x0D:
                    endLine(at: index)
                    if unit == 0x0D, index + 1 < units.count, units[index + 1] == 0x0A { index += 1 }
                    lineStart = index + 1
                default:
                    if chunkStart < 0 { chunkStart = index }  // another control character
                }
                index += 1
            }
            endLine(at: units.count)
        }
    }

    /// All the lines of a normalized text.
    static func lines(of text: NormalizedText) -> [SourceLine] {
        var lines: [SourceLine] = []
        forEach(in: text) { lines.append($0) }
        return lines
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

    /// The text `render` gives, copied from the file's own text rather than transcoded from the
    /// units, and the original bytes from the first chunk to the last; nil when the chunks are
    /// not in the order of the text or a change of the normalizer touches them (`render` then).
    ///
    /// Chunks that follow each other with one space or nothing between them are copied as one
    /// run: a line is mostly one copy, with a space where it joins the next. Copying a slice of
    /// a string neither transcodes nor validates it, which building a paragraph's text from its
    /// UTF-16 units did (a tenth of the parse). `cursor` is the caller's walk through the text:
    /// paragraphs come in the order of the text, so it rarely has to be placed anew.
    static func verbatim(_ chunks: [Chunk], in text: NormalizedText,
                         cursor: inout OffsetCursor) -> (text: String, range: SourceRange)? {
        guard let first = chunks.first else { return nil }
        if first.units.lowerBound < cursor.unit { cursor = text.cursor(at: first.units.lowerBound) }
        let textStart = text.source.textStart
        return text.units.withUnsafeBufferPointer { units in
            withUnsafeTemporaryAllocation(of: CopiedRun.self, capacity: chunks.count) { runs -> (text: String, range: SourceRange)? in
                // The runs' original bytes, found first: the text is then allocated at its size.
                var count = 0, size = 0
                func add(_ run: Range<Int>) -> Bool {
                    guard text.isVerbatim(run), !UTF16.isTrailSurrogate(units[run.lowerBound]),
                          !UTF16.isLeadSurrogate(units[run.upperBound - 1]) else { return false }
                    let from = cursor.advance(to: run.lowerBound, in: units) - textStart
                    let to = cursor.advance(to: run.upperBound, in: units) - textStart
                    runs[count] = CopiedRun(bytes: from..<to, spaceAfter: false)
                    count += 1
                    size += to - from
                    return true
                }
                var run = first.units
                for chunk in chunks.dropFirst() {
                    let gap = chunk.units.lowerBound - run.upperBound
                    if chunk.gapBefore > 0 ? gap == 1 && units[run.upperBound] == 0x20 : gap == 0 {
                        run = run.lowerBound..<chunk.units.upperBound
                        continue
                    }
                    guard gap > 0, add(run) else { return nil }
                    if chunk.gapBefore > 0 {
                        runs[count - 1].spaceAfter = true
                        size += 1
                    }
                    run = chunk.units
                }
                guard add(run) else { return nil }
                let utf8 = text.source.text.utf8
                var result = ""
                result.reserveCapacity(size)
                for run in runs[..<count] {
                    let lower = utf8.index(utf8.startIndex, offsetBy: run.bytes.lowerBound)
                    result.append(contentsOf: Substring(utf8[lower..<utf8.index(lower, offsetBy: run.bytes.count)]))
                    if run.spaceAfter { result.append(" ") }
                }
                return (result, SourceRange(runs[0].bytes.lowerBound + textStart, cursor.offset))
            }
        }
    }

    /// A run of chunks `verbatim` copies: its bytes in the file's text, and whether a space
    /// follows it in the paragraph.
    private struct CopiedRun {
        var bytes: Range<Int>
        var spaceAfter: Bool
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
