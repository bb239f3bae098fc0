/// A source text as read from disk: the exact bytes, their decoded text and a line table.
///
/// Every offset in Zan is a UTF-8 byte offset into `bytes`, the file as it is on disk (a BOM
/// included), so a location printed by any stage can be found in the original file.
/// Lines and columns are computed on demand from the line table.
public struct SourceFile: Sendable {
    /// The path the file was read from (or a name given to in-memory text).
    public let path: String
    /// The file's bytes, unchanged.
    public let bytes: [UInt8]
    /// The decoded text, without the byte-order mark if the file had one.
    public let text: String
    /// Offset of `text` within `bytes`: 3 when the file starts with a UTF-8 BOM, else 0.
    public let textStart: Int
    /// Byte offsets at which lines start. A line ends at LF, CRLF or a lone CR.
    let lineStarts: [Int]

    /// The largest file Zan reads (32 MiB). A document is read whole and its paragraphs, tokens
    /// and tree are held in memory (about 25 bytes per byte of text at worst), so a bound on the
    /// input bounds memory. The largest acts on adilet (codes) are a few MiB of text.
    public static let maximumSize = 32 << 20

    /// Decodes `bytes` as UTF-8. Invalid UTF-8 and an oversized file are bad input, not a crash:
    /// the result is a diagnostic located at the first offending byte.
    public static func decode(_ bytes: [UInt8], path: String) -> Result<SourceFile, UnreadableText> {
        if bytes.count > maximumSize { return .failure(refusal(oversized: bytes.count, path: path)) }
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        let start = hasBOM ? 3 : 0
        let body = bytes[start...]
        if let text = String(validating: body, as: UTF8.self) {
            return .success(SourceFile(path: path, bytes: bytes, text: text, textStart: start))
        }
        // Slow path, only for broken input: find the first invalid sequence to say where.
        let (offset, length) = UTF8Validation.firstInvalidSequence(in: bytes, from: start)
        // The line table of the valid prefix locates the error.
        let prefix = SourceFile(
            path: path, bytes: Array(bytes[..<offset]),
            text: String(decoding: bytes[start..<offset], as: UTF8.self), textStart: start)
        let shown = bytes[offset..<min(bytes.count, offset + max(length, 1))]
        let diagnostic = Diagnostic(
            TextDiagnostic.invalidUTF8(bytes: Array(shown), offset: offset),
            at: SourceRange(offset, offset + max(length, 1)))
        return .failure(UnreadableText(diagnostic: diagnostic, prefix: prefix))
    }

    /// The refusal of a file of `size` bytes, more than `maximumSize`.
    static func refusal(oversized size: Int, path: String) -> UnreadableText {
        let diagnostic = Diagnostic(TextDiagnostic.fileTooLarge(size: size, limit: maximumSize), at: SourceRange(0, 0))
        return UnreadableText(diagnostic: diagnostic, prefix: SourceFile(text: "", path: path))
    }

    /// A source file for in-memory text (tests, fragments). The bytes are the text's UTF-8.
    public init(text: String, path: String = "<memory>") {
        self.init(path: path, bytes: Array(text.utf8), text: text, textStart: 0)
    }

    init(path: String, bytes: [UInt8], text: String, textStart: Int) {
        self.path = path
        self.bytes = bytes
        self.text = text
        self.textStart = textStart
        self.lineStarts = SourceFile.computeLineStarts(bytes)
    }

    /// - Complexity: O(n), one pass over the bytes, eight at a time where none ends a line (a
    /// build makes a source of every paragraph it tokenizes, one line each).
    static func computeLineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            let count = buffer.count
            while index < count {
                if index + 8 <= count, let base = buffer.baseAddress,
                   !endsLine(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = buffer[index]
                if byte == 0x0A {
                    starts.append(index + 1)
                } else if byte == 0x0D {
                    if index + 1 < count, buffer[index + 1] == 0x0A { index += 1 }
                    starts.append(index + 1)
                }
                index += 1
            }
        }
        return starts
    }

    /// True when one of the eight bytes of `word` is a line feed or a carriage return
    /// (`WordBytes`).
    @inline(__always)
    static func endsLine(_ word: UInt64) -> Bool {
        WordBytes.contain(0x0A, in: word) || WordBytes.contain(0x0D, in: word)
    }

    /// The number of lines (a final line without a newline counts; an empty file has one).
    public var lineCount: Int { lineStarts.count }

    /// Line and column (both 1-based) of a byte offset. Columns count characters, not bytes.
    /// - Complexity: O(log lines + length of the line prefix).
    public func lineColumn(at offset: Int) -> LineColumn {
        let clamped = max(0, min(offset, bytes.count))
        let line = lineIndex(containing: clamped)
        let lineStart = max(lineStarts[line], line == 0 ? textStart : 0)
        let prefix = clamped > lineStart ? bytes[lineStart..<clamped] : []
        let column = prefix.utf8CharacterCount + 1
        return LineColumn(line: line + 1, column: column)
    }

    /// The 0-based index of the line containing `offset`.
    func lineIndex(containing offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The text of 1-based line `line`, without its line terminator.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        var start = lineStarts[line - 1]
        if line == 1 { start = max(start, textStart) }
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The text of a byte range of the file.
    public func text(in range: SourceRange) -> String {
        let start = max(range.start, textStart)
        let end = min(max(range.end, start), bytes.count)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

/// A 1-based line and column; the column counts characters.
public struct LineColumn: Hashable, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public var description: String { "\(line):\(column)" }
}

/// A half-open range of UTF-8 byte offsets into a `SourceFile`'s bytes.
public struct SourceRange: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let start: Int
    public let end: Int
    public init(_ start: Int, _ end: Int) {
        precondition(start <= end, "SourceRange start \(start) after end \(end)")
        self.start = start
        self.end = end
    }
    public var isEmpty: Bool { start == end }
    public var count: Int { end - start }

    /// The smallest range that covers all of `ranges` (an empty range at 0 when there are none).
    public static func covering(_ ranges: some Sequence<SourceRange>) -> SourceRange {
        var start = Int.max, end = Int.min
        for range in ranges {
            start = Swift.min(start, range.start)
            end = Swift.max(end, range.end)
        }
        return start <= end ? SourceRange(start, end) : SourceRange(0, 0)
    }
    public static func < (lhs: SourceRange, rhs: SourceRange) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
    public var description: String { "\(start)..<\(end)" }
}

enum UTF8Validation {
    /// The offset and length of the first invalid UTF-8 sequence at or after `start`.
    static func firstInvalidSequence(in bytes: [UInt8], from start: Int) -> (offset: Int, length: Int) {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes[start...].makeIterator()
        var offset = start
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
            case .error(let length):
                return (offset, length)
            case .emptyInput:
                return (bytes.count, 0)
            }
        }
    }
}

/// Why a file's bytes are not a text Zan reads: not UTF-8, or too large. Located: `prefix` is the
/// valid text before the problem, whose line table gives the diagnostic its line and column.
public struct UnreadableText: Error, Sendable {
    public let diagnostic: Diagnostic
    /// The file up to the offending byte (empty for a file refused by its size).
    public let prefix: SourceFile

    public init(diagnostic: Diagnostic, prefix: SourceFile) {
        self.diagnostic = diagnostic
        self.prefix = prefix
    }

    /// Line and column of the offending byte (1:1 for a file refused by its size).
    public var position: LineColumn {
        prefix.lineColumn(at: min(diagnostic.range?.start ?? 0, prefix.bytes.count))
    }

    /// "path:9:14: error: [text.invalid-utf8] …".
    public var oneLine: String { diagnostic.oneLine(path: "\(prefix.path):\(position)") }
}
