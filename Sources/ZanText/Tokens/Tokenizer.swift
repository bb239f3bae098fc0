import ZanICU

/// Splits a normalized text into tokens with ICU word-break rules tailored for legal text
/// (`WordBreakRules`), then classifies each segment: words and the unit nouns among them,
/// numbers, "13-тармақ"-style unit refs, line-start enumerators ("5)", "13."), quotes by
/// direction, dashes, punctuation. Whitespace and control characters produce no token.
public struct Tokenizer: Sendable {
    public init() {}

    /// Normalizes and tokenizes a file.
    public func tokenize(_ file: SourceFile, normalizer: Normalizer = Normalizer()) -> TokenizedText {
        tokenize(normalizer.normalize(file))
    }

    /// Tokenizes a normalized text.
    /// - Complexity: O(n): one ICU iteration, one forward walk of the offset map.
    public func tokenize(_ text: NormalizedText) -> TokenizedText {
        var tokens: [Token] = []
        tokens.reserveCapacity(text.units.count / 6)
        let iterator = WordBreakRules.compiled.makeIterator()
        let nouns = UnitNouns.index
        text.units.withUnsafeBufferPointer { buffer in
            iterator.setText(buffer)
            let handle = iterator.handle
            var cursor = OffsetCursor(changes: text.changes, start: text.source.textStart)
            var start = 0
            var atLineStart = true
            var skipUntil = 0
            while true {
                let boundary = zan_brk_next(handle)
                if boundary < 0 { break }
                let end = Int(boundary)
                defer { start = end }
                // The dot an enumerator took ("13." at a line start), with the spaces after it.
                if start < skipUntil { continue }
                // A segment that starts with a space or a tab is a run of them (no other rule
                // starts with one), known without asking ICU.
                let first = buffer[start]
                if first == 0x20 || first == 0x09 { continue }
                let status = zan_brk_rule_status(handle)
                if status == WordBreakRules.Status.newline.rawValue {
                    atLineStart = true
                    continue
                }
                if status == WordBreakRules.Status.space.rawValue { continue }
                // The spaces the segment took after it are not part of the token.
                var last = end
                while last > start, Segment.isTrailingSpace(buffer[last - 1]) { last -= 1 }
                guard var segment = Segment.classify(buffer, start..<last, status: status,
                                                     atLineStart: atLineStart, nouns: nouns) else { continue }
                if segment.consumesFollowingDot {
                    skipUntil = last + 1
                    segment.units = start..<last + 1
                }
                let originalStart = cursor.advance(to: segment.units.lowerBound, in: buffer)
                let originalEnd = cursor.advance(to: segment.units.upperBound, in: buffer)
                tokens.append(Token(kind: segment.kind, units: segment.units,
                                    range: SourceRange(originalStart, originalEnd),
                                    unit: segment.unit, number: segment.number))
                if segment.kind != .quoteOpen { atLineStart = false }
            }
        }
        withExtendedLifetime(iterator) {}
        return TokenizedText(text: text, tokens: tokens)
    }
}

/// The classification of one ICU segment.
struct Segment {
    var kind: TokenKind
    var units: Range<Int>
    var unit: UnitKind? = nil
    var number: Range<Int>? = nil
    /// "13" at a line start followed by "." becomes the enumerator "13.".
    var consumesFollowingDot = false

    typealias Buffer = UnsafeBufferPointer<UInt16>

    /// Inlined into the tokenizer's loop, which asks it of every token; the status is matched
    /// as the number ICU reports (a status no rule sets is `.other`).
    @inline(__always)
    static func classify(_ buffer: Buffer, _ range: Range<Int>, status: Int32,
                         atLineStart: Bool, nouns: UnitNouns.StemIndex) -> Segment? {
        typealias Status = WordBreakRules.Status
        switch status {
        case Status.newline.rawValue, Status.space.rawValue:
            return nil
        case Status.blank.rawValue:
            return Segment(kind: .blank, units: range)
        case Status.word.rawValue:
            return Segment(kind: .word, units: range, unit: nouns.unit(of: buffer[range]))
        case Status.url.rawValue:
            return Segment(kind: isURL(buffer, range) ? .url : .word, units: range)
        case Status.number.rawValue:
            if atLineStart, isPlainNumbering(buffer, range), range.upperBound < buffer.count,
               buffer[range.upperBound] == 0x2E,
               range.upperBound + 1 == buffer.count || isSpace(buffer[range.upperBound + 1]) {
                return Segment(kind: .enumerator, units: range, number: range, consumesFollowingDot: true)
            }
            return Segment(kind: .number, units: range)
        case Status.parenNumber.rawValue:
            let number = range.lowerBound..<range.upperBound - 1
            return Segment(kind: atLineStart ? .enumerator : .itemNumber, units: range, number: number)
        case Status.numberedWord.rawValue:
            // The word part starts after the last hyphen that follows a digit or ")".
            var hyphen = range.upperBound - 1
            while hyphen > range.lowerBound,
                  !(isHyphen(buffer[hyphen]) && isDigitOrParen(buffer[hyphen - 1])) { hyphen -= 1 }
            let word = hyphen + 1..<range.upperBound
            var numberEnd = hyphen
            if buffer[numberEnd - 1] == 0x29 { numberEnd -= 1 }  // "2)-тармақшалары"
            if let unit = nouns.unit(of: buffer[word]) {
                return Segment(kind: .unitRef, units: range, unit: unit, number: range.lowerBound..<numberEnd)
            }
            return Segment(kind: .number, units: range, number: range.lowerBound..<numberEnd)
        default:
            return classifyCharacter(buffer, range)
        }
    }

    private static func classifyCharacter(_ buffer: Buffer, _ range: Range<Int>) -> Segment? {
        let unit = buffer[range.lowerBound]
        var scalar = Int32(unit)
        if (unit & 0xFC00) == 0xD800, range.count == 2 {
            scalar = 0x10000 + ((Int32(unit) - 0xD800) << 10) + (Int32(buffer[range.lowerBound + 1]) - 0xDC00)
        }
        switch unit {
        case 0x22, 0x27, 0x201C, 0x201D, 0x2018, 0x2019, 0x201F, 0x201B:
            // Straight and English-style quotes point either way: decide from the neighbours.
            return Segment(kind: opens(buffer, range) ? .quoteOpen : .quoteClose, units: range)
        case 0xAB, 0x201E, 0x201A, 0x2039: return Segment(kind: .quoteOpen, units: range)   // « „ ‚ ‹
        case 0xBB, 0x203A: return Segment(kind: .quoteClose, units: range)                   // » ›
        default: break
        }
        switch zan_icu_category(scalar) {
        case Int32(ZAN_CATEGORY_DASH): return Segment(kind: .dash, units: range)
        case Int32(ZAN_CATEGORY_SYMBOL): return Segment(kind: .symbol, units: range)
        case Int32(ZAN_CATEGORY_CONTROL), Int32(ZAN_CATEGORY_SPACE_SEPARATOR): return nil
        case Int32(ZAN_CATEGORY_INITIAL_QUOTE): return Segment(kind: .quoteOpen, units: range)
        case Int32(ZAN_CATEGORY_FINAL_QUOTE): return Segment(kind: .quoteClose, units: range)
        case Int32(ZAN_CATEGORY_LETTER), Int32(ZAN_CATEGORY_MARK):
            return Segment(kind: .word, units: range)
        case Int32(ZAN_CATEGORY_DIGIT): return Segment(kind: .number, units: range)
        default: return Segment(kind: .punct, units: range)
        }
    }

    /// A quote opens when what precedes it is a boundary (start, space, an opening bracket or
    /// quote) and what follows is not (end, space, closing punctuation).
    private static func opens(_ buffer: Buffer, _ range: Range<Int>) -> Bool {
        let before: UInt16? = range.lowerBound > 0 ? buffer[range.lowerBound - 1] : nil
        let after: UInt16? = range.upperBound < buffer.count ? buffer[range.upperBound] : nil
        let boundaryBefore = before.map { isSpace($0) || [0x28, 0x5B, 0x7B, 0xAB, 0x201E, 0x22, 0x2F].contains($0) } ?? true
        let boundaryAfter = after.map { isSpace($0) || [0x2C, 0x2E, 0x3B, 0x3A, 0x29, 0x5D, 0xBB].contains($0) } ?? true
        return boundaryBefore && !boundaryAfter
    }

    private static func isURL(_ buffer: Buffer, _ range: Range<Int>) -> Bool {
        let text = String(decoding: buffer[range], as: UTF16.self).lowercased()
        if text.hasPrefix("www.") || text.hasPrefix("http") { return true }
        let tld = text.split(separator: ".").last.map(String.init) ?? ""
        return ["kz", "ru", "com", "org", "net", "gov", "edu", "info", "io", "uz", "kg"].contains(tld)
    }

    /// Digits and hyphens only: "13", "13-1" (not "12.07.2026").
    private static func isPlainNumbering(_ buffer: Buffer, _ range: Range<Int>) -> Bool {
        buffer[range].allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || isHyphen($0) }
    }

    @inline(__always) static func isSpace(_ unit: UInt16) -> Bool {
        unit == 0x20 || unit == 0x09 || unit == 0x0A || unit == 0x0D || unit == 0xA0
    }
    /// A unit of `WordBreakRules`' `$Space` ([:Zs:] and tab), which a segment takes after it.
    /// Space separators are U+0020, U+00A0 and from U+1680 on: ICU is asked only about those.
    @inline(__always) static func isTrailingSpace(_ unit: UInt16) -> Bool {
        unit == 0x20 || unit == 0x09
            || ((unit == 0xA0 || unit >= 0x1680)
                && zan_icu_category(Int32(unit)) == Int32(ZAN_CATEGORY_SPACE_SEPARATOR))
    }
    @inline(__always) static func isHyphen(_ unit: UInt16) -> Bool {
        unit == 0x2D || unit == 0x2010 || unit == 0x2011
    }
    @inline(__always) static func isDigitOrParen(_ unit: UInt16) -> Bool {
        (unit >= 0x30 && unit <= 0x39) || unit == 0x29
    }
}
