/// Where quoted wording ends: amendment payloads ("13. …";) may span many paragraphs, nest
/// quotes («…"…"…») and carry quotes of their own, so the end is where the quotes balance and a
/// paragraph closes with a quote (`";`, `".`, `»;`, `"`).
public enum QuotedBlock {
    /// The last paragraph (inclusive) of the quoted wording opening at `start`, and whether its
    /// closing quote was found. Unclosed wording runs up to the first paragraph after `start`
    /// that `stopsAt` accepts (not included), or to the end.
    public static func extent(in paragraphs: [Paragraph], from start: Int,
                              stopsAt: (Paragraph) -> Bool) -> (end: Int, closed: Bool) {
        var quotes = Quotes()
        var end = start
        while end < paragraphs.count {
            let text = paragraphs[end].text
            if end > start, quotes.depth > 0 || quotes.straight % 2 == 1, stopsAt(paragraphs[end]) {
                return (end - 1, false)
            }
            quotes.count(in: text)
            // The last character that is not ".", ";" or ",": the closing quote, if it is one.
            if quotes.depth <= 0, quotes.straight % 2 == 0,
               let last = text.last(where: { !".;,".contains($0) }), "\"»“”".contains(last) {
                return (end, true)
            }
            end += 1
        }
        return (paragraphs.count - 1, false)
    }

    /// The quotes seen so far: guillemets and low quotes nest (`depth`; a low quote „ is closed
    /// by “, as Kazakh and Russian texts pair them inside «»: «… „…“ …»), straight quotes pair.
    /// A “ with no low quote open is an English opening quote, and English quotes are not
    /// counted. Counted on the text's UTF-8 bytes, a quote a scalar (with a combining mark over
    /// it, it still counts, as the tokenizer's segments do); iterating the text by `Character`
    /// and comparing each with the quotes was most of the time of finding a payload's end.
    struct Quotes {
        var depth = 0
        var straight = 0
        /// Low quotes „ open and not yet closed by “.
        var low = 0

        mutating func count(in text: String) {
            var text = text
            text.withUTF8 { bytes in
                var index = 0
                while index < bytes.count {
                    switch bytes[index] {
                    case 0x22:  // "
                        straight += 1
                    case 0xC2 where index + 1 < bytes.count:
                        if bytes[index + 1] == 0xAB { depth += 1 }  // «
                        if bytes[index + 1] == 0xBB { depth -= 1 }  // »
                    case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80:
                        if bytes[index + 2] == 0x9E {  // „
                            depth += 1
                            low += 1
                        } else if bytes[index + 2] == 0x9C, low > 0 {  // “ closing a „
                            depth -= 1
                            low -= 1
                        }
                    default:
                        break
                    }
                    index += 1
                }
            }
        }
    }
}
