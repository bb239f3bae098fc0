import Glibc

/// How a paragraph opens, read from its first words: the one place that knows what a point, a
/// subpoint, a chapter or an attachment header looks like.
enum ParagraphClass: Equatable {
    /// "13. …", "13-1. …"
    case point(num: String)
    /// "5) …", "5-1) …"
    case subpoint(num: String)
    /// "2-тарау. Heading", "Глава 2. Heading" (also section, paragraph sign, article)
    case heading(kind: ProvisionKind, num: String, title: String)
    /// Opens with a quotation mark: quoted wording.
    case quoted
    case text

    static func of(_ text: String) -> ParagraphClass {
        // Only the opening scalars are looked at: most paragraphs are long body text.
        let scalars = text.unicodeScalars
        guard let first = scalars.first else { return .text }
        if "\"«“„".unicodeScalars.contains(first) { return .quoted }
        // A number with inner hyphens: "13", "13-1".
        var end = scalars.startIndex
        while end < scalars.endIndex, scalars[end].isASCII {
            let scalar = scalars[end]
            let next = scalars.index(after: end)
            guard scalar.isNumber || (scalar == "-" && next < scalars.endIndex && scalars[next].isNumber) else { break }
            end = next
        }
        guard end > scalars.startIndex else { return russianHeading(text) ?? .text }
        let num = String(text[..<end])
        let rest = text.unicodeScalars[end...]
        var restScalars = rest.makeIterator()
        let mark = restScalars.next(), after = restScalars.next()
        if mark == ".", after == " " { return .point(num: num) }
        if mark == ")", after == nil || after == " " { return .subpoint(num: num) }
        if mark == "-" {
            // "2-тарау. Жалпы ережелер"
            let words = Substring(rest.dropFirst()).words(maxSplits: 1)
            let noun = words.first.map { $0.trimming(".") } ?? ""
            if let kind = kazakhHeadingNouns.first(where: { $0.noun.isWhole(noun) })?.kind {
                let title = words.count > 1 ? String(words[1]) : ""
                return .heading(kind: kind, num: num, title: title)
            }
        }
        return .text
    }

    /// The nouns of a heading, "2-тарау." and "Глава 2.", matched in any case (a dictionary
    /// literal built and the word lowercased at every call were most of this classifier's time).
    private static let kazakhHeadingNouns: [(noun: Phrase, kind: ProvisionKind)] = [
        ("тарау", .chapter), ("бөлім", .section), ("параграф", .paragraphSign), ("бап", .article),
    ]
    private static let russianHeadingNouns: [(noun: Phrase, kind: ProvisionKind)] = [
        ("глава", .chapter), ("раздел", .section), ("параграф", .paragraphSign), ("статья", .article),
    ]

    /// "Глава 2. Общие положения", "Статья 5.", "Раздел 1."
    private static func russianHeading(_ text: String) -> ParagraphClass? {
        // The longest noun, "параграф", is 16 bytes: a text whose first word is longer (nearly
        // every paragraph) is not split into words at all.
        guard let space = text.utf8.firstIndex(of: UInt8(ascii: " ")),
              text.utf8.distance(from: text.utf8.startIndex, to: space) <= 16 else { return nil }
        let words = text[...].words(maxSplits: 2)
        guard words.count >= 2, words[0].utf8.count <= 16 else { return nil }
        guard let kind = russianHeadingNouns.first(where: { $0.noun.isWhole(words[0]) })?.kind else { return nil }
        let num = words[1].trimming(".")
        guard num.first?.isNumber == true else { return nil }
        return .heading(kind: kind, num: num, title: words.count > 2 ? String(words[2]) : "")
    }
}

extension Substring {
    func trimming(_ set: String) -> String {
        var text = self
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        return String(text)
    }
}

extension String {
    /// The text without leading and trailing characters from `set`.
    func trimming(_ set: String) -> String { self[...].trimming(set) }

    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String { String(self[...].withoutOuterSpaces) }
}

extension Substring {
    /// The text's words: the runs between spaces, at most `maxSplits + 1` of them (the last
    /// holding the rest). Cut at the space byte: a space is ASCII, so each cut falls between
    /// characters, and splitting by `Character` walked every grapheme (most of the time of
    /// the classifiers that split).
    func words(maxSplits: Int = .max) -> [Substring] {
        split(atASCII: UInt8(ascii: " "), maxSplits: maxSplits)
    }

    /// The runs between `separator` bytes, as the standard library's `split(separator:maxSplits:
    /// omittingEmptySubsequences:)` gives them. The separator is ASCII, so each cut falls
    /// between characters; it is found with `memchr` on the text's bytes, where `split` stepped
    /// through the UTF-8 view a byte at a time (long table rows took 20,000 instructions each).
    func split(atASCII separator: UInt8, maxSplits: Int = .max, omittingEmptySubsequences: Bool = true) -> [Substring] {
        precondition(separator < 0x80, "an ASCII separator")
        var text = self
        let runs = text.withUTF8 { bytes -> [Range<Int>] in
            var runs: [Range<Int>] = []
            var start = 0
            func append(upTo end: Int) -> Bool {
                if start == end && omittingEmptySubsequences { return false }
                runs.append(start..<end)
                return true
            }
            guard maxSplits > 0, let base = bytes.baseAddress, !bytes.isEmpty else {
                _ = append(upTo: bytes.count)
                return runs
            }
            while start < bytes.count, let found = memchr(base + start, Int32(separator), bytes.count - start) {
                let end = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                let appended = append(upTo: end)
                start = end + 1
                if appended && runs.count == maxSplits { break }
            }
            if start != bytes.count || !omittingEmptySubsequences { runs.append(start..<bytes.count) }
            return runs
        }
        let utf8 = self.utf8
        return runs.map { run in
            let lower = utf8.index(utf8.startIndex, offsetBy: run.lowerBound)
            return self[lower..<utf8.index(lower, offsetBy: run.count)]
        }
    }

    /// The text without leading and trailing spaces and tabs, not copied. Trimmed on its UTF-8
    /// bytes: both are ASCII, so a cut falls between characters.
    var withoutOuterSpaces: Substring {
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[first..<utf8.index(after: last)]  // after a whole character: its last byte is not a space
    }
}

extension StringProtocol {
    /// Whether `needle` occurs in the text, compared by UTF-8 bytes (the text is normalized, so
    /// this is exact) — without Foundation's locale-aware search, which dominates a profile.
    func includes(_ needle: String) -> Bool {
        var haystack = String(self)
        var needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { pattern in
                guard let first = pattern.first, pattern.count <= text.count, let textBase = text.baseAddress,
                      let patternBase = pattern.baseAddress else { return pattern.isEmpty }
                var index = 0
                let last = text.count - pattern.count
                while index <= last {
                    if text[index] == first, memcmp(textBase + index, patternBase, pattern.count) == 0 {
                        return true
                    }
                    index += 1
                }
                return false
            }
        }
    }
}
