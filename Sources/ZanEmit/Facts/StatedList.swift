import ZanText

/// A list a provision states, as the cells of state-service tables write them: numbered items
/// ("1) …; 2) …", inline or one per line), items without numbers (one per line, or "…; …"), and
/// numbered items that head a group ("1) Мемлекеттік корпорацияға: <item>; <item>; …", "бірінші
/// кезең: …"). In a numbered list, text after the last item's first sentence ("… көшірмесі.
/// Жеке басын …") is a remark, not part of the item.
struct StatedList {
    struct Item {
        /// The item's number as written ("1" for "1)"); nil for unnumbered items.
        var number: String?
        /// The words before the group's colon ("Мемлекеттік корпорацияға"), when the item is a group.
        var label: String?
        /// The item's words, without its number and final punctuation.
        var text: String
        /// Token indices the item covers (its number excluded).
        var tokens: Range<Int>
        /// The group's items, when the item is a group.
        var items: [Item] = []
        /// The words before a colon that opens the item ("үшінші кезең" in "үшінші кезең: …").
        var lead: String?
    }

    var items: [Item]
    /// Text after the last item that is not part of it.
    var remarks: String?

    /// Every item, groups flattened into their items.
    var leaves: [Item] { items.flatMap { $0.items.isEmpty ? [$0] : $0.items } }

    /// Reads the list of a text whose paragraphs are joined by line breaks.
    init(_ text: TokenizedText) {
        let reader = ListReader(text: text)
        let numbered = reader.numberedItems()
        var segments: [(number: String?, tokens: Range<Int>)]
        if numbered.isEmpty {
            segments = reader.pieces(in: 0..<text.tokens.count).map { (nil, $0) }
        } else {
            segments = []
            for (offset, start) in numbered.enumerated() {
                let end = offset + 1 < numbered.count ? numbered[offset + 1].number : text.tokens.count
                segments.append((String(offset + 1), start.item..<end))
            }
        }
        var items: [Item] = []
        var remarks: String?
        for (offset, segment) in segments.enumerated() {
            var tokens = segment.tokens
            // Items numbered "1)" are phrases ending with ";" or "."; a sentence after the last
            // one is a remark. (Items numbered "1." are sentences themselves.)
            if let first = numbered.first, reader.token(first.number).hasSuffix(")"), offset == segments.count - 1, let cut = reader.finalSentenceEnd(in: tokens) {
                remarks = reader.string(cut..<tokens.upperBound)
                tokens = tokens.lowerBound..<cut
            }
            guard !tokens.isEmpty else { continue }
            var item = Item(number: segment.number, label: nil, text: reader.string(tokens), tokens: tokens)
            if let (label, rest) = reader.group(in: tokens) {
                item.label = reader.string(label)
                item.items = reader.pieces(in: rest).map {
                    Item(number: nil, text: reader.string($0), tokens: $0, lead: reader.lead(in: $0).map(reader.string))
                }
            } else {
                item.lead = reader.lead(in: tokens).map(reader.string)
            }
            if !item.text.isEmpty { items.append(item) }
        }
        self.items = items
        self.remarks = remarks.flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// The token work behind `StatedList`.
private struct ListReader {
    let text: TokenizedText
    /// Quote depth at each token (quote marks count as inside).
    let depths: [Int]

    init(text: TokenizedText) {
        self.text = text
        var depth = 0
        depths = text.tokens.map { token in
            switch token.kind {
            case .quoteOpen: depth += 1; return depth
            case .quoteClose: defer { depth = max(0, depth - 1) }; return depth
            default: return depth
            }
        }
    }

    func token(_ index: Int) -> String { text.normalized(text.tokens[index]) }

    /// True when a line break separates token `index` from the one before.
    func startsLine(_ index: Int) -> Bool {
        guard index > 0 else { return true }
        let bytes = text.source.bytes
        return bytes[text.tokens[index - 1].range.end..<text.tokens[index].range.start].contains(UInt8(ascii: "\n"))
    }

    /// The numbers that open items: "1)", then "2)", … in sequence (or "1.", "2.", … — one style
    /// per list), each at the start of a line or after ";", "." or ":", outside quotes. Each
    /// is (the number's first token, the item's first token).
    func numberedItems() -> [(number: Int, item: Int)] {
        var starts: [(Int, Int)] = []
        var style: String?
        for index in text.tokens.indices where depths[index] == 0 {
            let expected = String(starts.count + 1)
            let token = text.tokens[index]
            var item: Int?
            var mark: String?
            if token.kind == .enumerator || token.kind == .itemNumber, text.number(token) == expected,
               let last = self.token(index).last, last == ")" || last == "." {
                item = index + 1
                mark = String(last)
            } else if token.kind == .number, self.token(index) == expected, index + 2 < text.tokens.count,
                      self.token(index + 1) == ".", text.tokens[index + 2].kind == .word,
                      self.token(index + 2).first?.isUppercase == true {
                item = index + 2   // "… бар. 2. Көрсетілетін …": a number and a full stop mid-paragraph
                mark = "."
            }
            guard let item, style == nil || style == mark,
                  startsLine(index) || [";", ".", ":"].contains(self.token(index - 1)) else { continue }
            style = mark
            starts.append((index, item))
        }
        return starts
    }

    /// A run of tokens cut at ";" (outside quotes) and at line breaks; empty pieces dropped.
    func pieces(in range: Range<Int>) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = range.lowerBound
        for index in range {
            if index > start, startsLine(index) {
                pieces.append(start..<index)
                start = index
            }
            if token(index) == ";", depths[index] == 0 {
                pieces.append(start..<index + 1)
                start = index + 1
            }
        }
        if start < range.upperBound { pieces.append(start..<range.upperBound) }
        return pieces.filter { !string($0).isEmpty }
    }

    /// "LABEL: item; item" — a colon outside quotes near the start, followed by at least two
    /// items (or by a line break): the label and the items' tokens.
    func group(in range: Range<Int>) -> (label: Range<Int>, rest: Range<Int>)? {
        for index in range.prefix(25) where token(index) == ":" && depths[index] == 0 && index > range.lowerBound {
            let rest = index + 1..<range.upperBound
            if pieces(in: rest).count >= 2 || (index + 1 < range.upperBound && startsLine(index + 1)) {
                return (range.lowerBound..<index, rest)
            }
            return nil
        }
        return nil
    }

    /// The words before a colon (outside quotes) among the first 12 tokens.
    func lead(in range: Range<Int>) -> Range<Int>? {
        for index in range.prefix(12) where token(index) == ":" && depths[index] == 0 && index > range.lowerBound {
            return range.lowerBound..<index
        }
        return nil
    }

    /// Where a remark starts in the last item: after a full stop (outside quotes) followed by a
    /// capitalized word; nil when the item is one sentence.
    func finalSentenceEnd(in range: Range<Int>) -> Int? {
        for index in range.dropLast() where token(index) == "." && depths[index] == 0 {
            let next = text.tokens[index + 1]
            if next.kind == .word, token(index + 1).first?.isUppercase == true { return index + 1 }
        }
        return nil
    }

    /// The words of a run of tokens as written: lines joined by spaces, without a leading dash
    /// or the final ";", "," or ".".
    func string(_ range: Range<Int>) -> String {
        var range = range
        while let first = range.first, ["-", "–", "—"].contains(token(first)) || text.tokens[first].kind == .dash {
            range = range.dropFirst()
        }
        while let last = range.last, [";", ",", ".", ":"].contains(token(last)) { range = range.dropLast() }
        guard let first = range.first, let last = range.last else { return "" }
        let bytes = text.source.bytes[text.tokens[first].range.start..<text.tokens[last].range.end]
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").joined(separator: " ")
    }
}
