import ZanICU

/// One pass over the units that makes the one-for-one letter and space edits: spaces and control
/// characters to U+0020, legacy-font letters (when the document is legacy), Latin look-alikes in
/// Cyrillic words.
struct LetterEditScanner {
    struct Edit {
        let unit: Int
        let previous: UInt16
        let kind: TextChange.Kind
    }
    /// A word whose letters were repaired, for its note.
    struct RepairedWord {
        let unit: Int
        let firstEdit: Int
        let originalText: String
        let repairedText: String
        let legacy: Bool
    }
    /// A mixed-script word left alone, for its warning.
    struct UnfoldableWord {
        let unit: Int
        let text: String
    }

    let foldHomoglyphs: Bool
    let repairLegacyFont: Bool
    let normalizeSpaces: Bool
    private(set) var edits: [Edit] = []
    private(set) var words: [RepairedWord] = []
    private(set) var unfoldable: [UnfoldableWord] = []

    init(foldHomoglyphs: Bool, repairLegacyFont: Bool, normalizeSpaces: Bool) {
        self.foldHomoglyphs = foldHomoglyphs
        self.repairLegacyFont = repairLegacyFont
        self.normalizeSpaces = normalizeSpaces
    }

    private enum Class { case latin, cyrillic, otherLetter, space, other }

    @inline(__always)
    private static func classify(_ unit: UInt16) -> Class {
        if unit < 0x80 {
            let lower = unit | 0x20
            return lower >= 0x61 && lower <= 0x7A ? .latin : .other
        }
        if unit >= 0x0400 && unit < 0x0530 { return .cyrillic }
        if (unit & 0xF800) == 0xD800 { return .otherLetter }
        let category = zan_icu_category(Int32(unit))
        if category == Int32(ZAN_CATEGORY_SPACE_SEPARATOR) { return .space }
        guard category == Int32(ZAN_CATEGORY_LETTER) || category == Int32(ZAN_CATEGORY_MARK) else {
            return .other
        }
        switch zan_icu_script(Int32(unit)) {
        case Int32(ZAN_SCRIPT_LATIN): return .latin
        case Int32(ZAN_SCRIPT_CYRILLIC): return .cyrillic
        default: return .otherLetter
        }
    }

    /// - Complexity: O(n). Most units are basic Cyrillic, ASCII digits, spaces or punctuation,
    /// which need no edit and start no suspicious word: two comparisons each. Only a word holding
    /// a Latin letter or a rarer letter is looked at as a whole.
    mutating func run(_ array: inout [UInt16]) {
        array.withUnsafeMutableBufferPointer { units in
            let count = units.count
            var index = 0
            while index < count {
                // Runs of units that need nothing: basic Cyrillic (Kazakh's letters among them),
                // and printable ASCII that is not a letter. Most of a text, skipped in a loop of
                // a few instructions a unit (the general test below, on registers it shares with
                // the rest, took three times as many).
                if !repairLegacyFont {
                    index = Self.skipped.withUnsafeBufferPointer { skipped in
                        var index = index
                        while index < count, skipped[Int(units[index] >> 6)] & (1 << UInt64(units[index] & 63)) != 0 { index += 1 }
                        return index
                    }
                    if index == count { break }
                }
                let unit = units[index]
                if Self.isPlain(unit) && !(repairLegacyFont && LegacyKazakhFont.repairs[unit] != nil) {
                    if unit < 0x20 || unit == 0x7F, Self.isControl(unit) {
                        edits.append(Edit(unit: index, previous: unit, kind: .control))
                        units[index] = 0x20
                    }
                    index += 1
                    continue
                }
                let kind = Self.classify(unit)
                if kind == .space {
                    if normalizeSpaces, unit != 0x20 {
                        edits.append(Edit(unit: index, previous: unit, kind: .space))
                        units[index] = 0x20
                    }
                    index += 1
                    continue
                }
                guard kind != .other else {
                    if Self.isControl(unit) {
                        edits.append(Edit(unit: index, previous: unit, kind: .control))
                        units[index] = 0x20
                    }
                    index += 1
                    continue
                }
                // A letter worth a look: take its whole word.
                var start = index
                while start > 0, Self.isLetter(Self.classify(units[start - 1])) { start -= 1 }
                var end = index + 1
                while end < count, Self.isLetter(Self.classify(units[end])) { end += 1 }
                var latin = 0
                var cyrillic = 0
                var legacyLetters = 0
                for position in start..<end {
                    switch Self.classify(units[position]) {
                    case .latin: latin += 1
                    case .cyrillic:
                        cyrillic += 1
                        if repairLegacyFont, LegacyKazakhFont.repairs[units[position]] != nil { legacyLetters += 1 }
                    default: break
                    }
                }
                if legacyLetters > 0 || (latin > 0 && cyrillic > 0) {
                    finishWord(units, start..<end, latin: latin, cyrillic: cyrillic, legacyLetters: legacyLetters)
                }
                index = end
            }
        }
    }

    /// The units the run loop steps over, a bit each: basic Cyrillic, and printable ASCII that
    /// is not a letter. One test a unit: comparing ranges branched on which kind of unit came
    /// next, and a text alternates between letters and spaces every few units (a mispredicted
    /// branch at nearly every word: a tenth of the parse's).
    static let skipped: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for unit in UInt16(0x20)..<0x7F where isPlain(unit) { bits[Int(unit >> 6)] |= 1 << UInt64(unit & 63) }
        for unit in UInt16(0x0400)..<0x0530 { bits[Int(unit >> 6)] |= 1 << UInt64(unit & 63) }
        return bits
    }()

    /// Basic Cyrillic (Kazakh's letters among them) or ASCII that is not a letter: no look-alike
    /// to fold and no suspicious word starts here (a control still needs its check).
    @inline(__always)
    static func isPlain(_ unit: UInt16) -> Bool {
        unit < 0x80 ? UInt16(unit | 0x20) &- 0x61 >= 26 : unit &- 0x0400 < 0x0130
    }

    /// C0 controls but tab, LF and CR; DEL; C1 controls (the Cc category, fixed by Unicode).
    @inline(__always)
    static func isControl(_ unit: UInt16) -> Bool {
        (unit < 0x20 && unit != 0x09 && unit != 0x0A && unit != 0x0D) || (unit >= 0x7F && unit <= 0x9F)
    }

    @inline(__always)
    private static func isLetter(_ kind: Class) -> Bool {
        kind == .latin || kind == .cyrillic || kind == .otherLetter
    }

    private mutating func finishWord(_ units: UnsafeMutableBufferPointer<UInt16>, _ range: Range<Int>, latin: Int,
                                     cyrillic: Int, legacyLetters: Int) {
        let original = String(decoding: UnsafeBufferPointer(rebasing: units[range]), as: UTF16.self)
        let firstEdit = edits.count
        var legacyWord = false
        if legacyLetters > 0 {
            for index in range {
                if let repaired = LegacyKazakhFont.repairs[units[index]] {
                    edits.append(Edit(unit: index, previous: units[index], kind: .legacyFont))
                    units[index] = repaired
                    legacyWord = true
                }
            }
        }
        if latin > 0, cyrillic > 0 {
            let foldable = foldHomoglyphs && cyrillic > latin && range.allSatisfy { index in
                Self.classify(units[index]) != .latin || Homoglyphs.latinToCyrillic[units[index]] != nil
            }
            if foldable {
                for index in range {
                    let unit = units[index]
                    if Self.classify(unit) == .latin, let cyrillicUnit = Homoglyphs.latinToCyrillic[unit] {
                        edits.append(Edit(unit: index, previous: unit, kind: .homoglyph))
                        units[index] = cyrillicUnit
                    }
                }
            } else {
                unfoldable.append(UnfoldableWord(unit: range.lowerBound, text: original))
            }
        }
        if edits.count > firstEdit {
            // Legacy letters and look-alikes were edited in two passes; offsets are computed
            // walking forward, so the word's edits must be in text order.
            edits[firstEdit...].sort { $0.unit < $1.unit }
            words.append(RepairedWord(
                unit: range.lowerBound, firstEdit: firstEdit, originalText: original,
                repairedText: String(decoding: UnsafeBufferPointer(rebasing: units[range]), as: UTF16.self), legacy: legacyWord))
        }
    }
}
