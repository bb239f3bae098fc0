import ZanDocument
import ZanText

/// Quoted wording that follows an instruction: the new text of a unit, over one or more paragraphs.
struct Quotation {
    let paragraphs: [Paragraph]
    let closed: Bool

    var range: SourceRange {
        SourceRange(paragraphs.map(\.range.start).min() ?? 0, paragraphs.map(\.range.end).max() ?? 0)
    }

    /// The first paragraph in which guillemets nest deeper than `Sentence.maximumQuoteDepth`.
    var tooDeepParagraph: Paragraph? {
        var depth = 0
        for paragraph in paragraphs {
            for character in paragraph.text.unicodeScalars {
                if character == "«" || character == "„" { depth += 1 } else if character == "»" { depth = max(0, depth - 1) }
                if depth > Sentence.maximumQuoteDepth { return paragraph }
            }
        }
        return nil
    }

    /// The paragraphs without the outer quotes: the opening quote of the first, and the closing
    /// quote with its punctuation (`";`, `".`, `»;`) of the last.
    func unquoted(in map: SourceMap) -> [Paragraph] {
        var result = paragraphs
        if let first = result.first, let mark = first.text.first, "\"«“„".contains(mark) {
            result[0] = first.slice(1..<first.text.utf16.count, in: map)
        }
        if closed, let last = result.last {
            var units = Array(last.text.utf16)
            while let unit = units.last, [0x3B, 0x2E, 0x2C, 0x20].contains(unit) { units.removeLast() }   // ; . , space
            if let unit = units.last, [0x22, 0xBB, 0x201D, 0x201C].contains(unit) { units.removeLast() }   // " » ” “
            result[result.count - 1] = last.slice(0..<units.count, in: map)
        }
        return result.filter { !$0.text.isEmpty }
    }
}

/// The text of an amending act as the instruction grammar reads it: paragraphs of instruction
/// sentences, and the quoted wording between them. For an order, its numbered points; for a
/// fragment, every paragraph.
enum StreamItem {
    case sentences([Sentence])
    case quotation(Quotation)
}

enum InstructionStream {
    static func build(_ document: Document) -> [StreamItem] {
        items(of: bodyParagraphs(of: document), in: document)
    }

    /// The instructions an attachment carries (a list of amendments a decree approves), after
    /// its header; empty when it carries none (a new edition, a form, a table).
    static func build(_ document: Document, attachment: Provision) -> [StreamItem] {
        let paragraphs = document.paragraphs.filter {
            $0.range.start >= attachment.range.start && $0.range.start < attachment.range.end
        }
        // Most attachments are the text a decree approves, with no instruction verb in any of
        // its words: told before they are split into sentences.
        guard Verb.mayOccur(in: paragraphs.map(\.text)) else { return [] }
        let built = items(of: paragraphs, in: document)
        let carriesInstructions = built.contains { item in
            guard case .sentences(let sentences) = item else { return false }
            return sentences.contains { Verb.find(in: $0) != nil }
        }
        return carriesInstructions ? built : []
    }

    static func items(of paragraphs: [Paragraph], in document: Document) -> [StreamItem] {
        var items: [StreamItem] = []
        var index = 0
        while index < paragraphs.count {
            let paragraph = paragraphs[index]
            let sentences = Sentence.split(paragraph, in: document.sourceMap)
            if opensQuotation(paragraph, sentences) {
                let (end, closed) = QuotedBlock.extent(in: paragraphs, from: index) {
                    isInstruction($0, Sentence.split($0, in: document.sourceMap))
                }
                items.append(.quotation(Quotation(paragraphs: Array(paragraphs[index...end]), closed: closed)))
                index = end + 1
                continue
            }
            items.append(.sentences(sentences))
            index += 1
        }
        return items
    }

    /// The paragraphs that carry instructions: an order's numbered points (from the first to
    /// the last, before the signature and attachments); all paragraphs of anything else.
    static func bodyParagraphs(of document: Document) -> [Paragraph] {
        guard document.isOrder else { return document.paragraphs }
        let points = document.root.children.filter { $0.kind == .paragraph }
        guard let first = points.first, let last = points.last else { return [] }
        let body = SourceRange(first.range.start, last.range.end)
        return document.paragraphs.filter { $0.range.start >= body.start && $0.range.start < body.end }
    }

    /// A paragraph opening with a quote that is not itself an instruction ("«X» деген сөздер …").
    static func opensQuotation(_ paragraph: Paragraph, _ sentences: [Sentence]) -> Bool {
        guard let first = paragraph.text.first, "\"«“„".contains(first) else { return false }
        return !isInstruction(paragraph, sentences)
    }

    /// A paragraph that gives an instruction or a lead-in (an unclosed quotation stops there).
    /// A numbered paragraph ending in ":" is a lead-in only when it names a unit right after its
    /// number ("2) 5-тармақта:", "3) в пункте 5:"): quoted wording has numbered lead-ins of its
    /// own ("7. Тіркеуден бас тарту негіздері:") that must not end the quotation.
    static func isInstruction(_ paragraph: Paragraph, _ sentences: [Sentence]) -> Bool {
        sentences.contains { Verb.find(in: $0) != nil || ReadEntryIntoForce.isClause($0) || Verb.editorialForm(in: $0) != nil }
            || (sentences.first.map(namesUnitAfterEnumerator) == true
                && !(paragraph.text.first.map { "\"«“„".contains($0) } ?? false)
                && paragraph.text.hasSuffix(":"))
    }

    /// "2) 5-тармақта", "3) в пункте 5": a unit named by the first words after the enumerator.
    private static func namesUnitAfterEnumerator(_ sentence: Sentence) -> Bool {
        guard sentence.enumerator != nil else { return false }
        let start = sentence.tokens.lowerBound + 1
        for index in start..<min(start + 2, sentence.tokens.upperBound) {
            if sentence.kind(index) == .unitRef || sentence.unit(index) != nil { return true }
            if sentence.kind(index) == .number || sentence.kind(index) == .itemNumber { continue }
            if index == start, let word = sentence.word(index), ["в", "во"].contains(word) { continue }
            return false
        }
        return false
    }
}
