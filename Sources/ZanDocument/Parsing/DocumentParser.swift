import ZanText

/// Parses an act into a `Document`: title, header facts, editorial notes, preamble, numbered
/// points (with quoted amendment wording kept as quotation blocks), signature, approval block and
/// attachments (each with its header and a structured body, a form or a table). Never throws:
/// what it cannot place is kept as text and reported.
public struct DocumentParser: Sendable {
    public init() {}

    public func parse(_ file: SourceFile) -> Document {
        let (shape, paragraphs, normalization, repairs, sourceMap) = Self.read(file)
        var parser = OrderParser(paragraphs: paragraphs)
        parser.diagnostics = .merged(byLocation: normalization, repairs)
        var (title, metadata, notes, root) = parser.parse(fileRange: SourceRange(file.textStart, file.bytes.count))
        AssignEIds.run(&root)
        return Document(source: file, sourceMap: sourceMap, shape: shape, paragraphs: paragraphs,
                        isOrder: parser.isOrder, title: title, metadata: metadata, notes: notes,
                        root: root, diagnostics: parser.diagnostics.sortedByLocation())
    }
}

extension DocumentParser {
    /// Reads the file and keeps what the parse needs: the normalized text (two bytes a unit) is
    /// released when this returns, and only its map (8 bytes per 256 units, over the file's own
    /// bytes) is kept. Reading is where a parse peaks, so the normalizer's and the reading's
    /// diagnostics are merged after, not while the text is held.
    private static func read(_ file: SourceFile) -> (InputShape, [Paragraph], normalization: [Diagnostic],
                                                     repairs: [Diagnostic], SourceMap) {
        let read = DocumentReader().readUnmerged(file)
        return (read.shape, read.paragraphs, read.text.diagnostics, read.repairs, SourceMap(read.text))
    }
}

/// The state of one parse over an order's paragraphs.
struct OrderParser {
    let paragraphs: [Paragraph]
    var index = 0
    var diagnostics: [Diagnostic] = []
    /// Whether the text is an act with an enacting formula ("БҰЙЫРАМЫН:") and numbered points.
    var isOrder = false

    init(paragraphs: [Paragraph]) {
        self.paragraphs = paragraphs
    }

    static let enactingFormulas: Set<String> = ["БҰЙЫРАМЫН:", "ПРИКАЗЫВАЮ:", "ҚАУЛЫ ЕТЕДІ:", "ПОСТАНОВЛЯЕТ:", "ШЕШІМ ҚАБЫЛДАДЫ:", "РЕШИЛ:"]
    static let approvalMarks: Set<String> = ["КЕЛІСІЛДІ", "СОГЛАСОВАНО"]

    mutating func parse(fileRange: SourceRange) -> (String?, DocumentMetadata, [EditorialNote], Provision) {
        var root = Provision(kind: .document, line: 1, range: fileRange)
        guard !paragraphs.isEmpty else { return (nil, DocumentMetadata(), [], root) }
        var title: String?
        var metadata = DocumentMetadata()
        var notes: [EditorialNote] = []

        if !ParseHeader.isHeader(paragraphs[0].text) {
            title = paragraphs[0].text
            index = 1
        }
        if index < paragraphs.count, ParseHeader.isHeader(paragraphs[index].text) {
            let (parsed, missing) = ParseHeader.parse(paragraphs[index].text)
            metadata = parsed
            for fact in missing {
                diagnostics.append(Diagnostic(DocumentDiagnostic.headerIncomplete(missing: fact), at: paragraphs[index].range))
            }
            index += 1
        }

        // An order ("БҰЙЫРАМЫН:") has numbered points that carry instructions and quotations;
        // anything else (a Rules text, a fragment) is structured text from its first unit on.
        isOrder = paragraphs[index...].prefix(16).contains { Self.enactingFormulas.contains($0.text) }
        let isOrder = isOrder
        func startsBody(_ text: String) -> Bool {
            switch ParagraphClass.of(text) {
            case .point(let num): return isOrder ? num == "1" : true
            case .heading, .subpoint: return !isOrder
            case .quoted, .text: return false
            }
        }

        // Notes and the preamble, up to the first point.
        var preamble: [ContentBlock] = []
        while index < paragraphs.count, !startsBody(paragraphs[index].text) {
            let paragraph = paragraphs[index]
            if Self.isNoteMarker(paragraph.text) {
                var text = paragraph.text
                if index + 1 < paragraphs.count, !Self.enactingFormulas.contains(paragraphs[index + 1].text),
                   ParagraphClass.of(paragraphs[index + 1].text) == .text {
                    text += "\n" + paragraphs[index + 1].text
                    index += 1
                }
                notes.append(EditorialNote(text: text, line: paragraph.line, range: paragraph.range))
            } else if paragraph.text.hasPrefix("Ескерту.") || paragraph.text.hasPrefix("Сноска.") {
                notes.append(EditorialNote(text: paragraph.text, line: paragraph.line, range: paragraph.range))
            } else {
                preamble.append(ContentBlock(paragraph))
            }
            index += 1
        }
        if !preamble.isEmpty {
            root.children.append(Provision(kind: .preamble, content: preamble, line: preamble.first?.line ?? 1,
                                           range: SourceRange.covering(preamble.map(\.range))))
        }

        if isOrder {
            root.children += parseBody()
        } else {
            let end = nextAttachmentStart(from: index)
            let (provisions, leading) = ParseProvisions.parse(paragraphs[index..<end])
            root.children += provisions
            for paragraph in leading {
                diagnostics.append(Diagnostic(DocumentDiagnostic.unplacedParagraph(text: paragraph.text), at: paragraph.range))
            }
            index = end
        }
        if let signature = parseBlock(kind: .signature, until: { parser, at in
            Self.approvalMarks.contains(parser.paragraphs[at].text.trimming("\"«»"))
                || parser.attachmentHeaderStart(at) == at
        }) {
            root.children.append(signature)
        }
        if index < paragraphs.count, Self.approvalMarks.contains(paragraphs[index].text.trimming("\"«»")),
           let approval = parseBlock(kind: .approval, until: { parser, at in parser.attachmentHeaderStart(at) == at }) {
            root.children.append(approval)
        }
        root.children += parseAttachments()
        while index < paragraphs.count {
            diagnostics.append(Diagnostic(DocumentDiagnostic.unplacedParagraph(text: paragraphs[index].text),
                                          at: paragraphs[index].range))
            index += 1
        }
        return (title, metadata, notes, root)
    }

    static func isNoteMarker(_ text: String) -> Bool {
        text.hasPrefix("ЗҚАИ-ның ескертпесі") || text.hasPrefix("Примечание ИЗПИ")
    }

    // MARK: Body

    /// Numbered points 1, 2, 3 … with their paragraphs, quotations and subpoints, up to the
    /// signature or the first attachment.
    mutating func parseBody() -> [Provision] {
        var points: [Provision] = []
        var expected = 1
        while index < paragraphs.count, ParagraphClass.of(paragraphs[index].text) == .point(num: String(expected)) {
            let first = paragraphs[index]
            var point = Provision(kind: .paragraph, num: String(expected), content: [ContentBlock(first)],
                                  line: first.line, range: first.range)
            index += 1
            var subpoints: [Provision] = []
            while index < paragraphs.count {
                let paragraph = paragraphs[index]
                let kind = ParagraphClass.of(paragraph.text)
                if kind == .point(num: String(expected + 1)) || isSignatureStart(index) || attachmentHeaderStart(index) != nil {
                    break
                }
                if kind == .quoted, let quotation = parseQuotation(nextPoint: expected + 1) {
                    point.children.append(quotation)
                    continue
                }
                if case .subpoint(let num) = kind {
                    subpoints.append(Provision(kind: .subparagraph, num: num, content: [ContentBlock(paragraph)],
                                               line: paragraph.line, range: paragraph.range))
                } else if subpoints.isEmpty {
                    point.content.append(ContentBlock(paragraph))
                } else {
                    subpoints[subpoints.count - 1].content.append(ContentBlock(paragraph))
                }
                index += 1
            }
            point.children += subpoints
            points.append(point.extended())
            expected += 1
        }
        return points
    }

    /// A quotation block: from an opening quote to the paragraph where quotes balance and the
    /// text ends with a closing quote (`";`, `".`, `»;` …). Unclosed: up to the next point.
    mutating func parseQuotation(nextPoint: Int) -> Provision? {
        let start = index
        let (last, closed) = QuotedBlock.extent(in: paragraphs, from: start) {
            ParagraphClass.of($0.text) == .point(num: String(nextPoint))
        }
        let blocks = paragraphs[start...last].map(ContentBlock.init)
        index = last + 1
        if !closed {
            diagnostics.append(Diagnostic(DocumentDiagnostic.unclosedQuotation, at: paragraphs[start].range))
        }
        return Provision(kind: .quotation, content: blocks, line: blocks.first?.line ?? paragraphs[start].line,
                         range: SourceRange.covering(blocks.map(\.range)))
    }

    /// A signature starts after a sentence ends, with a paragraph naming the signing official
    /// that is not itself a sentence (or, in adilet exports, in bold asterisks).
    func isSignatureStart(_ at: Int) -> Bool {
        guard at > 0, paragraphs[at - 1].text.hasSuffix(".") || paragraphs[at - 1].text.hasSuffix(".\"") else { return false }
        let text = paragraphs[at].text
        if text.hasPrefix("*") { return true }
        guard ParagraphClass.of(text) == .text, let last = text.last, !".;:".contains(last) else { return false }
        let lower = text.lowercased()
        return ["министр", "әкім", "төраға", "премьер", "председател", "аким"].contains { lower.includes($0) }
    }

    // MARK: Blocks and attachments

    /// Paragraphs from here until `stop` says so, as one block of `kind`.
    mutating func parseBlock(kind: ProvisionKind, until stop: (OrderParser, Int) -> Bool) -> Provision? {
        guard index < paragraphs.count else { return nil }
        let start = index
        while index < paragraphs.count, index == start || !stop(self, index) { index += 1 }
        let blocks = paragraphs[start..<index].map(ContentBlock.init)
        return Provision(kind: kind, content: blocks, line: blocks.first?.line ?? 1,
                         range: SourceRange.covering(blocks.map(\.range)))
    }

    /// If an attachment header begins at `at`, `at`: the header is the short issuer lines before
    /// an anchor such as "№ 130 бұйрығына 1-қосымша", from the last "Қазақстан Республикасы…" line.
    func attachmentHeaderStart(_ at: Int) -> Int? {
        var anchor = at
        while anchor < paragraphs.count, anchor < at + 8 {
            if AttachmentHeader.isOrderAnchor(paragraphs[anchor].text) {
                return headerStart(ofAnchor: anchor, notBefore: at) == at ? at : nil
            }
            guard AttachmentHeader.isHeaderLine(paragraphs[anchor].text) else { return nil }
            anchor += 1
        }
        return nil
    }

    /// Where the header ending at `anchor` begins: back over at most six short header lines,
    /// then forward to the last line naming the issuer ("Қазақстан Республикасы…"), if any.
    func headerStart(ofAnchor anchor: Int, notBefore lower: Int) -> Int {
        var start = anchor
        while start > lower, anchor - start < 6, AttachmentHeader.isHeaderLine(paragraphs[start - 1].text) {
            start -= 1
        }
        return (start...anchor).last { paragraphs[$0].text.hasPrefix("Қазақстан Республикасы") } ?? start
    }

    /// The order's attachments, each to the next one's header.
    mutating func parseAttachments() -> [Provision] {
        var attachments: [Provision] = []
        while index < paragraphs.count {
            guard let headerEnd = (index..<min(index + 8, paragraphs.count)).first(where: {
                AttachmentHeader.isOrderAnchor(paragraphs[$0].text)
            }) else { break }
            var header = Array(paragraphs[index...headerEnd])
            index = headerEnd + 1
            // "Тұрғын үй көмегін көрсету / қағидаларына 1-қосымша": which appendix of the Rules
            // this attachment is a new edition of; "нысан": it is a form.
            var isForm = false
            var lookahead = index
            while lookahead < paragraphs.count, lookahead < index + 3 {
                let text = paragraphs[lookahead].text
                if AttachmentHeader.isRulesAnchor(text) || AttachmentHeader.isHeaderLine(text) && lookahead + 1 < paragraphs.count
                    && AttachmentHeader.isRulesAnchor(paragraphs[lookahead + 1].text) {
                    header.append(paragraphs[lookahead])
                    lookahead += 1
                    continue
                }
                break
            }
            index = lookahead
            if index < paragraphs.count, AttachmentHeader.isFormMarker(paragraphs[index].text) {
                header.append(paragraphs[index])
                isForm = true
                index += 1
            }
            let number = AttachmentHeader.number(in: header.first { AttachmentHeader.isOrderAnchor($0.text) }?.text ?? "")
                ?? String(attachments.count + 1)
            let end = nextAttachmentStart(from: index)
            let body = paragraphs[index..<end]
            index = end
            var attachment = AttachmentBody.build(kind: .attachment, num: number, header: header, body: body,
                                                  isForm: isForm, diagnostics: &diagnostics)
            attachment.heading = attachment.heading ?? header.map(\.text).joined(separator: " ")
            attachments.append(attachment)
        }
        return attachments
    }

    func nextAttachmentStart(from start: Int) -> Int {
        guard let anchor = (start..<paragraphs.count).first(where: { AttachmentHeader.isOrderAnchor(paragraphs[$0].text) }) else {
            return paragraphs.count
        }
        return headerStart(ofAnchor: anchor, notBefore: start)
    }
}

/// How attachment headers read.
public enum AttachmentHeader {
    /// "№ 130 бұйрығына 1-қосымша", "бұйрығына қосымша", "№ 437 бұйрығымен бекітілген",
    /// "приложение 1 к приказу", "утверждены приказом".
    public static func isOrderAnchor(_ text: String) -> Bool {
        // The tests that look at one end of the text go first, then its length (counting the
        // scalars of a long paragraph is most of what asking every paragraph of a body costs);
        // a scan of the whole text last.
        let appendix = Phrases.appendix.isSuffix(of: text), appendixRu = Phrases.appendixRu.isPrefix(of: text)
        guard appendix || appendixRu || Phrases.approved.isSuffix(of: text) || Phrases.approvedRu.isPrefix(of: text),
              isShorter(text, than: 301) else { return false }
        return (appendix && Phrases.toOrder.occurs(in: text))
            || Phrases.approved.isSuffix(of: text)
            || (appendixRu && Phrases.toOrderRu.occurs(in: text))
            || Phrases.approvedRu.isPrefix(of: text)
    }

    /// "қағидаларына 1-қосымша", "Қағидаларға 2-қосымша", "2-қосымша Нысан", "приложение 1 к Правилам".
    static func isRulesAnchor(_ text: String) -> Bool {
        // Every anchor has a word ending in "-қосымша" or opens with "приложение": one scan
        // rejects the body text that makes up nearly every paragraph asked.
        let numbered = Phrases.numberedAppendix.occurs(in: text)
        guard numbered || Phrases.appendixRu.isPrefix(of: text), isShorter(text, than: 400),
              !Phrases.toOrder.occurs(in: text) else { return false }
        if numbered {
            // Words cut at the space byte and compared in any case: neither lowercasing nor
            // splitting by `Character` walks the whole text again.
            let words = text[...].words()
            if let anchor = words.firstIndex(where: Phrases.numberedAppendix.isSuffix) {
                // Only "нысан" may follow the anchor word.
                return words[(anchor + 1)...].allSatisfy(Phrases.form.isWhole)
                    && (anchor == 0 || Phrases.rules.occurs(in: text))
            }
        }
        // Without a word ending in "-қосымша", only the Russian form is an anchor.
        return Phrases.appendixRu.isPrefix(of: text) && Phrases.rulesRu.occurs(in: text)
    }

    /// "2-қосымша …": the first word ends in "-қосымша" (in any case).
    static func opensWithNumberedAppendix(_ text: String) -> Bool {
        text[...].words(maxSplits: 1).first.map(Phrases.numberedAppendix.isSuffix) == true
    }

    /// The words that mark attachment headers, matched in any case.
    enum Phrases {
        static let toOrder: Phrase = "бұйрығына"
        static let appendix: Phrase = "қосымша"
        static let numberedAppendix: Phrase = "-қосымша"
        static let approved: Phrase = "бекітілген"
        static let rules: Phrase = "қағидалар"
        static let appendixRu: Phrase = "приложение"
        static let toOrderRu: Phrase = "приказу"
        static let approvedRu: Phrase = "утвержден"
        static let rulesRu: Phrase = "правилам"
        static let form: Phrase = "нысан"
        static let formOf: Phrase = "нысаны"
        static let formRu: Phrase = "форма"
        static let toRules: Phrase = "қағидаларға"
    }

    /// True when `text` has fewer than `limit` characters (Unicode scalars), counted on its
    /// UTF-8 bytes only when the byte count cannot decide: headers are short, and most
    /// paragraphs tested are long body text.
    static func isShorter(_ text: some StringProtocol, than limit: Int) -> Bool {
        let bytes = text.utf8.count
        if bytes < limit { return true }
        if bytes >= 4 * limit { return false }  // a scalar takes at most 4 bytes
        // Scalars are the bytes that do not continue one (not 0b10xx_xxxx).
        return Phrase.withBytes(text) { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count < limit
        }
    }

    static func isFormMarker(_ text: String) -> Bool {
        [Phrases.form, Phrases.formOf, Phrases.formRu].contains { $0.isWhole(text) }
    }

    /// A short line of a header block: no sentence end, not a numbered unit.
    static func isHeaderLine(_ text: String) -> Bool {
        guard isShorter(text, than: 121), let last = text.last, !".;:".contains(last), !text.includes("\t") else { return false }
        return ParagraphClass.of(text) == .text
    }

    /// The attachment number in an anchor ("1-қосымша" → "1"), or nil for a single attachment.
    static func number(in text: String) -> String? {
        for word in text[...].words().reversed() where word.hasSuffix("-қосымша") {
            let digits = word.dropLast("-қосымша".count)
            if !digits.isEmpty, digits.allSatisfy(\.isNumber) { return String(digits) }
        }
        if let range = text.range(of: "Приложение "), let number = text[range.upperBound...].words(maxSplits: 1).first,
           number.allSatisfy(\.isNumber) {
            return String(number)
        }
        return nil
    }
}
