import ZanText

/// One physical line of a normalized text, without its terminator, split into chunks of
/// non-space characters (the unit the PDF repairs work on).
struct SourceLine {
    /// 1-based line number in the source file.
    let number: Int
    /// The line's units in the normalized text (terminator excluded).
    let units: Range<Int>
    /// The line's text.
    let text: String
    /// Runs of non-space characters, in order.
    var chunks: [Chunk]
    /// Spaces before the first chunk.
    let indent: Int
    /// True when the line ends with a space (what a wrapped PDF line normally does).
    let endsWithSpace: Bool

    var isBlank: Bool { chunks.isEmpty }
    /// True when the line has a tab: an adilet export's table cells.
    let hasTab: Bool

    /// Splits a normalized text into lines (LF, CRLF or a lone CR end a line).
    static func lines(of text: NormalizedText) -> [SourceLine] {
        var lines: [SourceLine] = []
        text.units.withUnsafeBufferPointer { units in
            var start = 0
            var index = 0
            var number = 1
            while index <= units.count {
                let atEnd = index == units.count
                let unit: UInt16 = atEnd ? 0x0A : units[index]
                if unit == 0x0A || unit == 0x0D {
                    // Like the file's line table, a final newline is followed by an empty line.
                    lines.append(SourceLine(number: number, units: start..<index, in: units))
                    if unit == 0x0D, index + 1 < units.count, units[index + 1] == 0x0A { index += 1 }
                    number += 1
                    start = index + 1
                }
                index += 1
            }
        }
        return lines
    }

    init(number: Int, units range: Range<Int>, in buffer: UnsafeBufferPointer<UInt16>) {
        self.number = number
        self.units = range
        self.text = String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF16.self)
        var chunks: [Chunk] = []
        var gap = 0
        var chunkStart = -1
        var leading = -1
        for index in range {
            let isSpace = buffer[index] == 0x20 || buffer[index] == 0x09
            if isSpace {
                if chunkStart >= 0 {
                    chunks.append(Chunk(buffer, chunkStart..<index, gapBefore: gap))
                    chunkStart = -1
                    gap = 0
                }
                gap += buffer[index] == 0x09 ? 8 : 1
            } else if chunkStart < 0 {
                if leading < 0 { leading = gap }
                chunkStart = index
            }
        }
        if chunkStart >= 0 { chunks.append(Chunk(buffer, chunkStart..<range.upperBound, gapBefore: gap)) }
        self.chunks = chunks
        self.indent = max(leading, 0)
        self.hasTab = buffer[range].contains(0x09)
        self.endsWithSpace = chunkStart < 0 && !chunks.isEmpty
    }
}

/// A run of non-space characters of a line, with where it came from.
struct Chunk: Equatable {
    var text: String
    /// Units in the normalized text.
    var units: Range<Int>
    /// Spaces before it on its line (a tab counts 8).
    var gapBefore: Int

    init(text: String, units: Range<Int>, gapBefore: Int) {
        self.text = text
        self.units = units
        self.gapBefore = gapBefore
    }

    init(_ buffer: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, gapBefore: Int) {
        self.init(text: String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF16.self),
                  units: range, gapBefore: gapBefore)
    }

    /// Chunks as text: a space where a chunk had a gap before it, nothing where it had none.
    static func render(_ chunks: [Chunk]) -> String {
        var text = ""
        for (index, chunk) in chunks.enumerated() {
            if index > 0, chunk.gapBefore > 0 { text += " " }
            text += chunk.text
        }
        return text
    }

    /// Splits at UTF-16 offset `offset` within the chunk.
    func split(at offset: Int) -> (Chunk, Chunk) {
        let utf16 = Array(text.utf16)
        let left = Chunk(text: String(decoding: utf16[..<offset], as: UTF16.self),
                         units: units.lowerBound..<units.lowerBound + offset, gapBefore: gapBefore)
        let right = Chunk(text: String(decoding: utf16[offset...], as: UTF16.self),
                          units: units.lowerBound + offset..<units.upperBound, gapBefore: 0)
        return (left, right)
    }
}
