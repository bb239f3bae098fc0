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
            let words = Substring(rest.dropFirst()).split(separator: " ", maxSplits: 1)
            let noun = words.first.map { $0.trimming(".") } ?? ""
            let kinds: [String: ProvisionKind] = ["тарау": .chapter, "бөлім": .section, "параграф": .paragraphSign, "бап": .article]
            if let kind = kinds[noun.lowercased()] {
                let title = words.count > 1 ? String(words[1]) : ""
                return .heading(kind: kind, num: num, title: title)
            }
        }
        return .text
    }

    /// "Глава 2. Общие положения", "Статья 5.", "Раздел 1."
    private static func russianHeading(_ text: String) -> ParagraphClass? {
        let words = text.split(separator: " ", maxSplits: 2)
        // The longest noun, "параграф", is 16 bytes: longer first words are not lowercased.
        guard words.count >= 2, words[0].utf8.count <= 16 else { return nil }
        let kinds: [String: ProvisionKind] = ["глава": .chapter, "раздел": .section, "параграф": .paragraphSign, "статья": .article]
        guard let kind = kinds[words[0].lowercased()] else { return nil }
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
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
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
