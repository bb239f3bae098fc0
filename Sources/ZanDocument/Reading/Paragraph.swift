import ZanText

/// A clean paragraph of a document: its text with page breaks, hard wraps and displaced links
/// repaired, and, for every piece of it, where it came from.
public struct Paragraph: Hashable, Sendable {
    /// The repaired text; for a table row, the cells joined by tabs.
    public let text: String
    /// The 1-based source line the paragraph starts on.
    public let line: Int
    /// The original bytes it spans (from its first to its last piece; a repaired paragraph may
    /// take its pieces in another order than the file has them).
    public let range: SourceRange
    /// Pieces of `text` (UTF-16 offset in `text`) and the normalized units they came from. Words
    /// that follow each other in the file with one unit between them (a space, a line break) are
    /// one piece, the space in the text standing for that unit: a line is mostly one piece.
    /// (Declared before `isTableRow`, which fits in its padding: 56 bytes a paragraph, not 64.)
    let pieces: Pieces
    /// True for a row of a flattened table: `text` is its cells joined by tabs.
    public let isTableRow: Bool
    /// For a row of a flattened table, its cells (markup residue removed). Cut from `text` when
    /// asked for, not kept beside it (a cell never holds a tab: the row was split at tabs).
    public var cells: [String]? { isTableRow ? Self.cells(of: text) : nil }

    /// 12 bytes, not 24: a document has about five pieces per paragraph, all kept while it is
    /// parsed (texts are at most `Int32.max` units: files are refused far below that).
    struct Piece: Hashable, Sendable {
        private let start: Int32, end: Int32, at: Int32

        init(offset: Int, units: Range<Int>) {
            precondition(units.lowerBound >= 0 && units.upperBound <= Int32.max && (0...Int(Int32.max)).contains(offset),
                         "a text of more than \(Int32.max) UTF-16 units")
            start = Int32(truncatingIfNeeded: units.lowerBound)
            end = Int32(truncatingIfNeeded: units.upperBound)
            at = Int32(truncatingIfNeeded: offset)
        }

        var offset: Int { Int(at) }
        var units: Range<Int> { Int(start)..<Int(end) }
    }

    /// A paragraph's pieces. Most paragraphs are one piece (a line of an adilet export, a
    /// one-line paragraph of a PDF), kept in the paragraph itself: an array of one would cost its
    /// 32-byte header and an allocation for each (a 30 MB document has 82,000 paragraphs).
    struct Pieces: RandomAccessCollection, Hashable, Sendable {
        private enum Storage: Hashable, Sendable {
            case one(Piece)
            /// None, or two and more.
            case many([Piece])
        }

        private let storage: Storage

        init(_ pieces: [Piece]) {
            storage = pieces.count == 1 ? .one(pieces[0]) : .many(pieces)
        }

        init(_ piece: Piece) {
            storage = .one(piece)
        }

        var startIndex: Int { 0 }

        var endIndex: Int {
            switch storage {
            case .one: 1
            case .many(let pieces): pieces.count
            }
        }

        subscript(index: Int) -> Piece {
            switch storage {
            case .one(let piece):
                precondition(index == 0, "piece \(index) of a paragraph of one piece")
                return piece
            case .many(let pieces):
                return pieces[index]
            }
        }
    }

    /// A paragraph of `chunks`; a table row's text is given (its cells cleaned, joined by tabs).
    /// `cursor` is the caller's walk through the text (see `Chunk.verbatim`).
    init(chunks: [Chunk], line: Int, tableRow: String? = nil, in text: NormalizedText, cursor: inout OffsetCursor) {
        // Adjacent chunks merge into one piece, gathered in a temporary buffer in one pass: the
        // array of a paragraph of several is then allocated once at its exact size (it lives as
        // long as the paragraph).
        let spaced = tableRow == nil  // a table row's cells are joined by tabs, not spaces
        let pieces = withUnsafeTemporaryAllocation(of: Piece.self, capacity: chunks.count) { buffer -> Pieces in
            var count = 0
            var start = 0, end = 0, at = 0  // the piece being extended
            var offset = 0  // UTF-16 offset in the rendered text (a chunk's text is its units)
            for (index, chunk) in chunks.enumerated() {
                let space = index > 0 && spaced && chunk.gapBefore > 0 ? 1 : 0
                offset += space
                if index > 0 && end + space == chunk.units.lowerBound {
                    end = chunk.units.upperBound
                } else {
                    if index > 0 {
                        buffer.initializeElement(at: count, to: Piece(offset: at, units: start..<end))
                        count += 1
                    }
                    (start, end, at) = (chunk.units.lowerBound, chunk.units.upperBound, offset)
                }
                offset += chunk.units.count
            }
            if !chunks.isEmpty {
                buffer.initializeElement(at: count, to: Piece(offset: at, units: start..<end))
                count += 1
            }
            return count == 1 ? Pieces(buffer[0]) : Pieces(Array(buffer[..<count]))
        }
        let verbatim = tableRow == nil ? Chunk.verbatim(chunks, in: text, cursor: &cursor) : nil
        self.text = tableRow ?? verbatim?.text ?? Chunk.render(chunks, in: text)
        self.line = line
        self.isTableRow = tableRow != nil
        self.pieces = pieces
        if let verbatim {
            self.range = verbatim.range
        } else {
            let start = chunks.map(\.units.lowerBound).min() ?? 0
            let end = chunks.map(\.units.upperBound).max() ?? start
            self.range = text.originalRange(ofUnits: start..<end)
        }
    }

    /// A paragraph that is all of `text`, one line (a provision's paragraph read on its own,
    /// already clean, not a line of a file to repair): its units are the text's own.
    public init(whole text: NormalizedText) {
        let units = 0..<text.units.count
        self.init(text: text.string(units), line: 1, range: text.originalRange(ofUnits: units), isTableRow: false,
                  pieces: Pieces(Piece(offset: 0, units: units)))
    }

    init(text: String, line: Int, range: SourceRange, isTableRow: Bool, pieces: Pieces) {
        self.text = text
        self.line = line
        self.range = range
        self.isTableRow = isTableRow
        self.pieces = pieces
    }

    /// The cells of a table row's text. Split on its UTF-8 bytes: a tab is ASCII, never part of
    /// another character, and splitting by `Character` walked every grapheme of long rows.
    static func cells(of text: String) -> [String] {
        text[...].split(atASCII: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map(String.init)
    }

    /// The normalized unit that UTF-16 offset `offset` of `text` came from (a repaired
    /// paragraph's pieces may come from anywhere on their lines): the per-character link back to the file.
    func unit(at offset: Int) -> Int? {
        guard let piece = pieces.last(where: { $0.offset <= offset }) else { return nil }
        return min(piece.units.lowerBound + (offset - piece.offset), piece.units.upperBound)
    }

    /// The original bytes that the UTF-16 offsets `offsets` of `text` came from. A repaired
    /// paragraph's pieces may come from anywhere on their lines, so the range spans the lowest
    /// to the highest byte of those characters.
    public func sourceRange(of offsets: Range<Int>, in map: SourceMap) -> SourceRange {
        var low = Int.max, high = Int.min
        for piece in pieces where piece.offset < offsets.upperBound && piece.offset + piece.units.count > offsets.lowerBound {
            low = min(low, piece.units.lowerBound + max(0, offsets.lowerBound - piece.offset))
            high = max(high, piece.units.lowerBound + min(piece.units.count, offsets.upperBound - piece.offset))
        }
        guard low < high else {
            let at = unit(at: offsets.lowerBound).map { map.originalOffset(ofUnit: $0) } ?? range.start
            return SourceRange(at, at)
        }
        return map.originalRange(ofUnits: low..<high)
    }

    /// The paragraph made of the UTF-16 offsets `offsets` of `text` (quoted wording without its
    /// outer quotes), keeping every character's link to the file.
    public func slice(_ offsets: Range<Int>, in map: SourceMap) -> Paragraph {
        let utf16 = Array(text.utf16)
        let clamped = offsets.clamped(to: 0..<utf16.count)
        let sliced = String(decoding: utf16[clamped], as: UTF16.self)
        var kept: [Piece] = []
        for piece in pieces {
            let from = max(piece.offset, clamped.lowerBound), to = min(piece.offset + piece.units.count, clamped.upperBound)
            guard from < to else { continue }
            let units = (piece.units.lowerBound + from - piece.offset)..<(piece.units.lowerBound + to - piece.offset)
            kept.append(Piece(offset: from - clamped.lowerBound, units: units))
        }
        let range = sourceRange(of: clamped, in: map)
        return Paragraph(text: sliced, line: map.source.lineColumn(at: range.start).line, range: range,
                         isTableRow: false, pieces: Pieces(kept))
    }
}
