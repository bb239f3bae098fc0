import ZanICU

/// Turns a source file into `NormalizedText`: NFC (through ICU), non-ASCII spaces to U+0020,
/// legacy Kazakh font letters repaired (when the document is detected as legacy-encoded) and
/// Latin look-alikes folded to Cyrillic inside Cyrillic-dominant words. Quotes and dashes are
/// kept as they are (tokens classify them). Every edit is recorded as a `TextChange`; every
/// repair of letters is reported as a note.
public struct Normalizer: Sendable {
    public struct Options: Sendable {
        public var foldHomoglyphs = true
        public var repairLegacyFont = true
        public var normalizeSpaces = true
        public init() {}
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Normalizes the whole file.
    /// - Complexity: O(n); one ICU conversion, one NFC quick check, two scans over the units.
    public func normalize(_ file: SourceFile) -> NormalizedText {
        let body = file.bytes.count - file.textStart
        var status: Int32 = 0
        // UTF-16 never needs more units than UTF-8 needs bytes, so `body` units always suffice.
        var units = [UInt16](unsafeUninitializedCapacity: max(body, 1)) { dest, initialized in
            initialized = file.bytes.withUnsafeBufferPointer { src in
                Int(zan_icu_utf8_to_utf16(
                    src.baseAddress.map { $0 + file.textStart }, Int32(body),
                    dest.baseAddress, Int32(body), &status))
            }
        }
        // The file was validated as UTF-8 when it was read: a failure here is a broken
        // invariant, not bad input.
        precondition(status <= 0, "UTF-8 → UTF-16 failed: \(String(cString: zan_icu_error_name(status)))")

        var changes: [TextChange] = []
        var diagnostics: [Diagnostic] = []
        units = Self.composeNFC(units, file: file, changes: &changes, diagnostics: &diagnostics)

        // After NFC, every further edit replaces one unit by one unit, so positions are stable.
        let nfcMap = changes.isEmpty ? nil : NormalizedText(
            source: file, units: units, changes: changes, diagnostics: [], usedLegacyFont: false)
        func originalRange(ofUnit index: Int, previous: UInt16) -> SourceRange {
            let start = nfcMap?.originalOffset(ofUnit: index)
                ?? (file.textStart + OffsetCursor.utf8LengthPrefix(units, index))
            return SourceRange(start, start + UTF8.width(Unicode.Scalar(previous) ?? "\u{FFFD}"))
        }

        var edits: [TextChange] = []
        let legacy = options.repairLegacyFont && LegacyKazakhFont.isLegacy(units)
        if options.normalizeSpaces || legacy || options.foldHomoglyphs {
            var scanner = LetterEditScanner(
                foldHomoglyphs: options.foldHomoglyphs, repairLegacyFont: legacy,
                normalizeSpaces: options.normalizeSpaces)
            scanner.run(&units)
            edits.reserveCapacity(scanner.edits.count)
            // Cheap unit→offset for the no-NFC case: walk forward once.
            var prefixUnit = 0
            var prefixOffset = file.textStart
            for edit in scanner.edits {
                let range: SourceRange
                if nfcMap == nil {
                    // Units between edits are unchanged; an edited unit counts its original width.
                    prefixOffset += OffsetCursor.utf8LengthPrefix(units, edit.unit, from: prefixUnit)
                    range = SourceRange(prefixOffset, prefixOffset + UTF8.width(Unicode.Scalar(edit.previous) ?? "\u{FFFD}"))
                    prefixUnit = edit.unit + 1
                    prefixOffset = range.end
                } else {
                    range = originalRange(ofUnit: edit.unit, previous: edit.previous)
                }
                edits.append(TextChange(kind: edit.kind, original: range, normalized: edit.unit..<edit.unit + 1))
            }
            for word in scanner.words {
                // The word's letters before its first edit are unchanged, so they keep their width.
                let firstEdit = edits[word.firstEdit]
                let start = firstEdit.original.start
                    - OffsetCursor.utf8LengthPrefix(units, firstEdit.normalized.lowerBound, from: word.unit)
                let end = start + word.originalText.utf8.count
                let message: TextDiagnostic = word.legacy
                    ? .legacyFontRepaired(before: word.originalText, after: word.repairedText)
                    : .homoglyphFolded(before: word.originalText, after: word.repairedText)
                diagnostics.append(Diagnostic(message, at: SourceRange(start, end)))
            }
            // A run of control characters (units in a row) is one warning. `edits` and
            // `scanner.edits` are index-aligned.
            var run: [(change: TextChange, scalar: Unicode.Scalar)] = []
            func flush() {
                guard let first = run.first, let last = run.last else { return }
                diagnostics.append(Diagnostic(TextDiagnostic.controlCharacters(scalars: run.map(\.scalar)),
                                              at: SourceRange(first.change.original.start, last.change.original.end)))
                run = []
            }
            for (change, edit) in zip(edits, scanner.edits) where edit.kind == .control {
                if let last = run.last, last.change.normalized.upperBound != change.normalized.lowerBound { flush() }
                run.append((change, Unicode.Scalar(edit.previous) ?? "\u{FFFD}"))
            }
            flush()
            /// The file offset of normalized unit `index` when NFC changed nothing: the units
            /// after the last letter edit before it are as in the file (a folded look-alike is
            /// wider in UTF-8 than the Latin letter it replaced, so counting the edited units
            /// would overshoot).
            func offsetWithoutNFC(_ index: Int) -> Int {
                var low = 0, high = edits.count
                while low < high {
                    let middle = (low + high) / 2
                    if edits[middle].normalized.upperBound <= index { low = middle + 1 } else { high = middle }
                }
                guard low > 0 else { return file.textStart + OffsetCursor.utf8LengthPrefix(units, index) }
                let edit = edits[low - 1]
                return edit.original.end + OffsetCursor.utf8LengthPrefix(units, index, from: edit.normalized.upperBound)
            }
            for word in scanner.unfoldable {
                let start = nfcMap?.originalOffset(ofUnit: word.unit) ?? offsetWithoutNFC(word.unit)
                diagnostics.append(Diagnostic(
                    TextDiagnostic.mixedScriptWord(word: word.text),
                    at: SourceRange(start, start + word.text.utf8.count)))
            }
        }
        if !edits.isEmpty {
            // Merge the two sorted lists; an edit inside an NFC change is already covered by it.
            var merged: [TextChange] = []
            merged.reserveCapacity(changes.count + edits.count)
            var next = 0
            for edit in edits {
                while next < changes.count, changes[next].normalized.upperBound <= edit.normalized.lowerBound {
                    merged.append(changes[next])
                    next += 1
                }
                if next < changes.count, changes[next].normalized.overlaps(edit.normalized) { continue }
                merged.append(edit)
            }
            merged += changes[next...]
            changes = merged
        }
        return NormalizedText(source: file, units: units, changes: changes,
                              diagnostics: diagnostics.sortedByLocation(), usedLegacyFont: legacy)
    }

    /// NFC through ICU, segment by segment, so each recomposed segment becomes one `TextChange`.
    static func composeNFC(_ units: [UInt16], file: SourceFile, changes: inout [TextChange],
                           diagnostics: inout [Diagnostic]) -> [UInt16] {
        var status: Int32 = 0
        let span = units.withUnsafeBufferPointer { Int(zan_icu_nfc_span($0.baseAddress, Int32($0.count), &status)) }
        if span == units.count { return units }
        var output: [UInt16] = []
        output.reserveCapacity(units.count + 16)
        var read = 0          // next input unit to copy
        var readOffset = file.textStart
        var position = span   // first unit that is not certainly NFC
        while position < units.count {
            // Back up to a boundary, then extend to the next boundary after the trouble spot.
            var segmentStart = position
            while segmentStart > read, !boundaryBefore(units, segmentStart) { segmentStart -= 1 }
            var segmentEnd = position + 1
            while segmentEnd < units.count, !boundaryBefore(units, segmentEnd) { segmentEnd += 1 }
            output.append(contentsOf: units[read..<segmentStart])
            readOffset += OffsetCursor.utf8LengthPrefix(units, segmentStart, from: read)
            let segment = Array(units[segmentStart..<segmentEnd])
            let composed = nfc(segment)
            let segmentBytes = OffsetCursor.utf8LengthPrefix(units, segmentEnd, from: segmentStart)
            if composed != segment {
                let original = SourceRange(readOffset, readOffset + segmentBytes)
                changes.append(TextChange(kind: .nfc, original: original,
                                          normalized: output.count..<output.count + composed.count))
                diagnostics.append(Diagnostic(
                    TextDiagnostic.nfcNormalized(before: String(decoding: segment, as: UTF16.self),
                                                 after: String(decoding: composed, as: UTF16.self)),
                    at: original))
            }
            output.append(contentsOf: composed)
            readOffset += segmentBytes
            read = segmentEnd
            let rest = units[read...].withContiguousStorageIfAvailable {
                Int(zan_icu_nfc_span($0.baseAddress, Int32($0.count), &status))
            } ?? 0
            position = read + rest
        }
        output.append(contentsOf: units[read...])
        return output
    }

    private static func boundaryBefore(_ units: [UInt16], _ index: Int) -> Bool {
        let unit = units[index]
        if (unit & 0xFC00) == 0xDC00 { return false } // never split a surrogate pair
        var scalar = Int32(unit)
        if (unit & 0xFC00) == 0xD800, index + 1 < units.count {
            scalar = 0x10000 + ((Int32(unit) - 0xD800) << 10) + (Int32(units[index + 1]) - 0xDC00)
        }
        return zan_icu_nfc_boundary_before(scalar) != 0
    }

    static func nfc(_ segment: [UInt16]) -> [UInt16] {
        var status: Int32 = 0
        var capacity = segment.count * 3 + 8
        while true {
            var out = [UInt16](repeating: 0, count: capacity)
            let written = segment.withUnsafeBufferPointer { src in
                out.withUnsafeMutableBufferPointer { dst in
                    zan_icu_nfc(src.baseAddress, Int32(src.count), dst.baseAddress, Int32(capacity), &status)
                }
            }
            if status > 0, Int(written) > capacity {
                capacity = Int(written)
                continue
            }
            precondition(status <= 0, "NFC failed: \(String(cString: zan_icu_error_name(status)))")
            return Array(out[..<Int(written)])
        }
    }
}

extension OffsetCursor {
    /// UTF-8 length of `units[from..<to]`.
    static func utf8LengthPrefix(_ units: [UInt16], _ to: Int, from: Int = 0) -> Int {
        units.withUnsafeBufferPointer { utf8Length($0, from: from, to: to) }
    }
}
