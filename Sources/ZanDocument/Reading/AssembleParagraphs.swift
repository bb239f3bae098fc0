import Foundation
import ZanText

/// Joins lines into paragraphs: hard wraps within a paragraph, sentences broken by page breaks
/// (blank lines), and, for adilet exports, one paragraph per line with tab-separated table rows.
struct AssembleParagraphs {
    let shape: InputShape
    let text: NormalizedText

    static let terminal: ScalarSet = [".", ";", ":", "!", "?"]
    static let openers: ScalarSet = ["(", "«", "\"", "„", "“", "["]
    static let closers: ScalarSet = ["\"", "»", "”", ")"]
    /// What a sentence that goes on across a page break may start with, besides a lowercase letter.
    static let continuations: ScalarSet = ["-", ",", ";", ")"]
    /// What a wrapped line may start with and not be spaced from the line before.
    static let unspacedAfterWrap: ScalarSet = [",", ".", ";", ":", ")", "»", "”"]
    /// What a lone quote that closes the text before may be followed by.
    static let afterClosingQuote: ScalarSet = [",", ".", ";", ":", ")"]

    /// The paragraphs finished so far.
    private var paragraphs: [Paragraph] = []
    /// The chunks of the paragraph being assembled, and the line it starts on.
    private var current: [Chunk] = []
    private var currentLine = 0
    /// Blank lines since the last non-blank one, and where they start.
    private var blankRun = 0
    private var blankStart = 0
    /// Where the paragraphs' original bytes were last read (they come in the order of the text).
    private var cursor: OffsetCursor

    init(shape: InputShape, text: NormalizedText) {
        self.shape = shape
        self.text = text
        cursor = text.cursor(at: 0)
    }

    /// The paragraphs of `lines`, all at once.
    func run(_ lines: [SourceLine], diagnostics: inout [Diagnostic]) -> [Paragraph] {
        var assembler = self
        for line in lines { assembler.add(line, diagnostics: &diagnostics) }
        return assembler.finish()
    }

    /// Takes the next line of the document.
    mutating func add(_ line: SourceLine, diagnostics: inout [Diagnostic]) {
        if line.isBlank {
            if blankRun == 0 { blankStart = line.units.lowerBound }
            blankRun += 1
            return
        }
        defer { blankRun = 0 }
        if line.hasTab {
            flush()
            paragraphs.append(tableRow(line, diagnostics: &diagnostics))
            return
        }
        var chunks = line.chunks
        let continues: Bool
        if current.isEmpty {
            continues = false
        } else if blankRun > 0 {
            continues = continuesAcrossBreak(current, chunks) && (shape == .adilet || line.indent < 2)
            if continues {
                diagnostics.append(Diagnostic(DocumentDiagnostic.pageBreakJoined(lines: blankRun),
                                              at: text.originalRange(ofUnits: blankStart..<line.units.lowerBound)))
            }
        } else {
            continues = shape == .pdf && line.indent < 2
        }
        if continues {
            let last = current[current.count - 1]
            chunks[0].gapBefore = joinsWithSpace(last, chunks[0]) ? 1 : 0
            current += chunks
        } else {
            flush()
            current = chunks
            currentLine = line.number
        }
    }

    /// The paragraphs, once every line is in.
    mutating func finish() -> [Paragraph] {
        flush()
        // Not copied to its exact size: a copy would double the list at the moment reading
        // peaks, and the spare capacity of a large list is address space that was never touched.
        defer { paragraphs = [] }
        return paragraphs
    }

    private mutating func flush() {
        // The cursor is moved out while the paragraph reads it: `text` and `cursor` used at once
        // had Swift copy the whole text (to keep the two accesses to `self` apart).
        var cursor = self.cursor
        if !current.isEmpty { paragraphs.append(Paragraph(chunks: current, line: currentLine, in: text, cursor: &cursor)) }
        self.cursor = cursor
        current = []
    }

    /// A sentence goes on across blank lines when the text before does not end one and the line
    /// after starts in the middle of one (lowercase, a suffix hyphen, a comma, a closing bracket).
    func continuesAcrossBreak(_ before: [Chunk], _ after: [Chunk]) -> Bool {
        guard let lastChunk = before.last, let firstChunk = after.first,
              let first = text.firstScalar(in: firstChunk.units) else { return false }
        // The last scalar that is not a closing quote or bracket (or the last one).
        guard let lastOfChunk = text.lastScalar(in: lastChunk.units) else { return false }
        let last = Self.closers.contains(lastOfChunk)
            ? text.reversedScalars(in: lastChunk.units).first { !Self.closers.contains($0) } ?? lastOfChunk
            : lastOfChunk
        if Self.terminal.contains(last) { return false }
        guard first.isLowercase || Self.continuations.contains(first) else { return false }
        // A table's row label stands alone even when the export broke content around it.
        return !isLabel(before) && !isLabel(after)
    }

    /// A row label is short: only short chunk runs are rendered and looked at.
    func isLabel(_ chunks: [Chunk]) -> Bool {
        var length = 0
        for chunk in chunks {
            length += chunk.units.count + 1
            if length > StateServiceField.maximumLabelLength { return false }
        }
        // A label starts with a capital: a lowercase start (as a sentence going on has) is not
        // rendered and looked at.
        if let first = chunks.first.flatMap({ text.firstScalar(in: $0.units) }), first.isLowercase { return false }
        return StateServiceField.field(ofLabel: Chunk.render(chunks, in: text)) != nil
    }

    /// Whether a hard wrap between two chunks stands for a space: not after an opening quote or
    /// bracket, not before a closing one or punctuation, not inside a hyphenated word or number.
    func joinsWithSpace(_ before: Chunk, _ after: Chunk) -> Bool {
        if text.isScalar(before.units, in: Self.openers) { return false }
        let (first, second) = text.firstTwoScalars(in: after.units)
        if let first, Self.unspacedAfterWrap.contains(first) { return false }
        // A quote that stands alone, or is followed by punctuation, closes what came before.
        if first == "\"" && (second == nil || second.map(Self.afterClosingQuote.contains) == true) {
            return false
        }
        let (last, beforeLast) = text.lastTwoScalars(in: before.units)
        if last == "-", let beforeLast, beforeLast.isLetter || beforeLast.isNumber {
            return false  // "23-" + "тармағында", "9.00-" + "ден"
        }
        if last?.isNumber == true, first == "-", second?.isLetter == true {
            return false  // "1" + "-қосымшада"
        }
        return true
    }

    /// A tab-separated line of an adilet export: its cells, with `<p>` residue removed.
    private mutating func tableRow(_ line: SourceLine, diagnostics: inout [Diagnostic]) -> Paragraph {
        var residue: [String: Int] = [:]
        let range = text.originalRange(ofUnits: line.units)
        // Cleaned from the file's own bytes where the normalizer changed nothing in the row (not
        // transcoded from its units first).
        let row: String
        if text.isVerbatim(line.units) {
            row = Self.cleanRow(text.source.bytes[range.start..<range.end], residue: &residue)
        } else {
            row = Self.cleanRow(text.string(line.units).utf8, residue: &residue)
        }
        if !residue.isEmpty {
            let counts = residue.map { "\($0.value) × \($0.key)" }.sorted()
            diagnostics.append(Diagnostic(DocumentDiagnostic.markupRemoved(residue: counts.joined(separator: ", ")),
                                          at: range))
        }
        var cursor = self.cursor
        defer { self.cursor = cursor }
        return Paragraph(chunks: line.chunks, line: line.number, tableRow: row, in: text, cursor: &cursor)
    }

    static let residueTags: [[UInt8]] = [Array("<p>".utf8), Array("</p>".utf8)]

    /// A row's text: each of its tab-separated cells cleaned, joined by tabs, built in one
    /// buffer. A cell has each `<p>` and `</p>` read as a space (and counted in `residue`), runs
    /// of spaces made one, and no space at either end. On UTF-8 bytes: the tags, the tab and the
    /// space are ASCII, which never occurs inside another character's encoding.
    static func cleanRow(_ row: some Collection<UInt8>, residue: inout [String: Int]) -> String {
        let bytes = Array(row)
        var cleaned: [UInt8] = []
        cleaned.reserveCapacity(bytes.count)
        var cellStart = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\t") {
            clean(bytes[cellStart..<index], into: &cleaned, residue: &residue)
            cleaned.append(UInt8(ascii: "\t"))
            cellStart = index + 1
        }
        clean(bytes[cellStart...], into: &cleaned, residue: &residue)
        return String(decoding: cleaned, as: UTF8.self)
    }

    /// One cell of `cleanRow`, appended to `cleaned`.
    private static func clean(_ bytes: ArraySlice<UInt8>, into cleaned: inout [UInt8], residue: inout [String: Int]) {
        let start = cleaned.count
        var pendingSpace = false
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "<"),
               let tag = residueTags.first(where: { bytes[index...].starts(with: $0) }) {
                residue[String(decoding: tag, as: UTF8.self), default: 0] += 1
                pendingSpace = true
                index += tag.count
                continue
            }
            if bytes[index] == UInt8(ascii: " ") {
                pendingSpace = true
            } else {
                if pendingSpace, cleaned.count > start { cleaned.append(UInt8(ascii: " ")) }
                pendingSpace = false
                cleaned.append(bytes[index])
            }
            index += 1
        }
    }
}
