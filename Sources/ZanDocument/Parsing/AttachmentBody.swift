import ZanText

/// Builds an attachment (or a Rules appendix) from its header and body paragraphs: a structured
/// body (chapters, points), a form, or a table; and, inside the approved Rules, their own
/// appendices ("қағидаларға 1-қосымша").
enum AttachmentBody {
    static func build(kind: ProvisionKind, num: String, header: [Paragraph], body: ArraySlice<Paragraph>,
                      isForm: Bool, diagnostics: inout [Diagnostic]) -> Provision {
        let first = header.first ?? body.first
        var node = Provision(kind: kind, num: num, content: header.map(ContentBlock.init),
                             line: first?.line ?? 0, range: first?.range ?? SourceRange(0, 0))
        // The Rules' own appendices split the body.
        var anchors: [Int] = []
        if kind == .attachment {
            for position in body.indices where AttachmentHeader.isRulesAnchor(body[position].text) {
                anchors.append(position)
            }
        }
        let mainEnd = anchors.first.map { appendixHeaderStart($0, in: body) } ?? body.endIndex
        let main = body[body.startIndex..<mainEnd]
        var (heading, children, content) = parseMain(main, isForm: isForm, diagnostics: &diagnostics)
        node.heading = heading
        node.content += content
        for (offset, anchor) in anchors.enumerated() {
            let start = appendixHeaderStart(anchor, in: body)
            let end = offset + 1 < anchors.count ? appendixHeaderStart(anchors[offset + 1], in: body) : body.endIndex
            var appendixHeader = Array(body[start...anchor])
            var bodyStart = anchor + 1
            var form = AttachmentHeader.Phrases.form.isSuffix(of: body[anchor].text)
            if bodyStart < end, AttachmentHeader.isFormMarker(body[bodyStart].text) {
                appendixHeader.append(body[bodyStart])
                bodyStart += 1
                form = true
            }
            let number = AttachmentHeader.number(in: body[anchor].text) ?? String(offset + 1)
            children.append(build(kind: .appendix, num: number, header: appendixHeader,
                                  body: body[bodyStart..<max(bodyStart, end)], isForm: form, diagnostics: &diagnostics))
        }
        node.children = children
        return node.extended()
    }

    /// An anchor's header may start one line earlier: "«…» қызметті көрсету жөніндегі
    /// қағидаларға" + "2-қосымша".
    static func appendixHeaderStart(_ anchor: Int, in body: ArraySlice<Paragraph>) -> Int {
        if AttachmentHeader.opensWithNumberedAppendix(body[anchor].text), anchor > body.startIndex,
           AttachmentHeader.isHeaderLine(body[anchor - 1].text) || AttachmentHeader.Phrases.toRules.isSuffix(of: body[anchor - 1].text) {
            return anchor - 1
        }
        return anchor
    }

    /// The part of an attachment before any appendix: title and body.
    static func parseMain(_ paragraphs: ArraySlice<Paragraph>, isForm: Bool, diagnostics: inout [Diagnostic])
        -> (heading: String?, children: [Provision], content: [ContentBlock]) {
        guard let first = paragraphs.first else { return (nil, [], []) }
        if isForm {
            return (nil, [form(paragraphs)], [])
        }
        var rest = paragraphs.dropFirst()
        var title: String? = first.text
        if let cells = first.cells {
            if cells.first?.allSatisfy(\.isNumber) == true && !(cells.first ?? "").isEmpty {
                title = nil
                rest = paragraphs[...]
            } else {
                title = cells.filter { !$0.isEmpty }.joined(separator: " ")
            }
        } else if ParagraphClass.of(first.text) != .text && ParagraphClass.of(first.text) != .quoted {
            title = nil
            rest = paragraphs[...]
        }
        // A table first: its cells may hold numbered text of their own ("1. …").
        let labels = rest.filter { StateServiceField.field(ofLabel: $0.text) != nil || rowAnchorLabel($0.text) }.count
        if rest.contains(where: { $0.cells != nil }) || labels >= 3 {
            return (title, [table(rest, diagnostics: &diagnostics)], [])
        }
        let classes = rest.map { ParagraphClass.of($0.text) }
        let structured = classes.contains { if case .heading = $0 { true } else if case .point = $0 { true } else { false } }
        if structured {
            let (provisions, leading) = ParseProvisions.parse(rest)
            return (title, provisions, leading.map(ContentBlock.init))
        }
        return (title, [], rest.map(ContentBlock.init))
    }

    /// "3 Мемлекеттік қызмет көрсету мерзімі": a row number with its label.
    static func rowAnchorLabel(_ text: String) -> Bool {
        let digits = text.leadingNumbers
        let rest = text[digits.endIndex...]
        guard !digits.isEmpty, digits.count <= 2, rest.first == " " else { return false }
        return StateServiceField.field(ofLabel: String(rest.dropFirst())) != nil
    }

    static func table(_ paragraphs: ArraySlice<Paragraph>, diagnostics: inout [Diagnostic]) -> Provision {
        let rows = RecoverTable.rows(Array(paragraphs), diagnostics: &diagnostics).map { row in
            Provision(kind: .row, num: row.num, heading: row.label, content: row.content.map(ContentBlock.init),
                      line: row.line, range: row.range).extended()
        }
        let first = paragraphs.first
        return Provision(kind: .table, num: "1", children: rows, line: first?.line ?? 0,
                         range: first?.range ?? SourceRange(0, 0)).extended()
    }

    /// A form: its text, with runs of tab-separated rows as tables.
    static func form(_ paragraphs: ArraySlice<Paragraph>) -> Provision {
        var form = Provision(kind: .form, line: paragraphs.first?.line ?? 0,
                             range: paragraphs.first?.range ?? SourceRange(0, 0))
        var tableCount = 0
        var pendingRows: [Paragraph] = []
        func flushRows() {
            guard !pendingRows.isEmpty else { return }
            tableCount += 1
            // A row is numbered by its first cell when that is a number (a header row is not).
            let rows = pendingRows.map { paragraph in
                let first = paragraph.cells?.first?.trimmingSpaces() ?? ""
                return Provision(kind: .row, num: !first.isEmpty && first.allSatisfy(\.isNumber) ? first : nil,
                                 content: [ContentBlock(paragraph)], line: paragraph.line, range: paragraph.range)
            }
            form.children.append(Provision(kind: .table, num: String(tableCount), children: rows,
                                           line: rows[0].line, range: rows[0].range).extended())
            pendingRows = []
        }
        for paragraph in paragraphs {
            if paragraph.cells != nil {
                pendingRows.append(paragraph)
            } else {
                flushRows()
                if form.children.isEmpty {
                    form.content.append(ContentBlock(paragraph))
                } else {
                    // Text after a table stays in order: as a row-less block after it.
                    form.children.append(Provision(kind: .part, content: [ContentBlock(paragraph)],
                                                   line: paragraph.line, range: paragraph.range))
                }
            }
        }
        flushRows()
        return form.extended()
    }
}
