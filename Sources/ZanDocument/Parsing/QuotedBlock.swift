/// Where quoted wording ends: amendment payloads ("13. …";) may span many paragraphs, nest
/// quotes («…"…"…») and carry quotes of their own, so the end is where the quotes balance and a
/// paragraph closes with a quote (`";`, `".`, `»;`, `"`).
public enum QuotedBlock {
    /// The last paragraph (inclusive) of the quoted wording opening at `start`, and whether its
    /// closing quote was found. Unclosed wording runs up to the first paragraph after `start`
    /// that `stopsAt` accepts (not included), or to the end.
    public static func extent(in paragraphs: [Paragraph], from start: Int,
                              stopsAt: (Paragraph) -> Bool) -> (end: Int, closed: Bool) {
        var depth = 0
        var straight = 0
        var end = start
        while end < paragraphs.count {
            let text = paragraphs[end].text
            if end > start, depth > 0 || straight % 2 == 1, stopsAt(paragraphs[end]) {
                return (end - 1, false)
            }
            for character in text {
                switch character {
                case "«", "„": depth += 1
                case "»": depth -= 1
                case "\"": straight += 1
                default: break
                }
            }
            let trimmed = text.trimming(".;,")
            if depth <= 0, straight % 2 == 0, let last = trimmed.last, "\"»“”".contains(last) {
                return (end, true)
            }
            end += 1
        }
        return (paragraphs.count - 1, false)
    }
}
