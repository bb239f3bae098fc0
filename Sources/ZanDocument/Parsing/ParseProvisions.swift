import ZanText

/// Parses structured text — a Rules body, or a quoted fragment of one — into chapters, points,
/// subpoints and parts. One grammar for every level: a paragraph's opening (`ParagraphClass`)
/// says what it starts.
struct ParseProvisions {
    /// Provisions in order, and paragraphs before the first numbered unit.
    static func parse(_ paragraphs: ArraySlice<Paragraph>) -> (provisions: [Provision], leading: [Paragraph]) {
        var provisions: [Provision] = []
        var leading: [Paragraph] = []
        var chapter: Provision?
        var point: PointBuilder?
        var loose: [PointBuilder.Block] = []   // subpoints (and their text) outside any point

        func closePoint() {
            guard let built = point?.build() else { return }
            point = nil
            if chapter != nil { chapter?.children.append(built) } else { provisions.append(built) }
        }
        func closeLoose() {
            if !loose.isEmpty {
                provisions += PointBuilder.looseSubpoints(loose)
                loose = []
            }
        }
        func closeChapter() {
            closePoint()
            if let built = chapter { provisions.append(built.extended()) }
            chapter = nil
        }

        for paragraph in paragraphs {
            switch ParagraphClass.of(paragraph.text) {
            case let .heading(kind, num, title):
                closeLoose()
                closeChapter()
                chapter = Provision(kind: kind, num: num, heading: title, line: paragraph.line, range: paragraph.range)
            case .point(let num):
                closeLoose()
                closePoint()
                point = PointBuilder(num: num, first: paragraph)
            case .subpoint(let num):
                if point != nil {
                    point?.blocks.append(.subpoint(num, paragraph))
                } else {
                    loose.append(.subpoint(num, paragraph))
                }
            case .quoted, .text:
                if point != nil {
                    point?.blocks.append(.text(paragraph))
                } else if !loose.isEmpty {
                    loose.append(.text(paragraph))
                } else if chapter?.children.isEmpty == true {
                    chapter?.content.append(ContentBlock(paragraph))
                } else {
                    leading.append(paragraph)
                }
            }
        }
        closeLoose()
        closeChapter()
        return (provisions, leading)
    }
}

/// Collects one point's paragraphs, then decides its parts: each text paragraph of a point is a
/// part (the first one, with the number, is part 1); a lead-in ending with ":" owns the
/// subpoints under it; text after a subpoint belongs to it while the list goes on (more
/// subpoints follow, or the item's text has not ended with a full stop).
struct PointBuilder {
    enum Block {
        case text(Paragraph)
        case subpoint(String, Paragraph)
    }

    let num: String
    let first: Paragraph
    var blocks: [Block] = []

    init(num: String, first: Paragraph) {
        self.num = num
        self.first = first
    }

    func build() -> Provision {
        var parts: [Provision] = [Provision(kind: .part, num: "1", content: [ContentBlock(first)],
                                            line: first.line, range: first.range)]
        var direct: [Provision] = []          // subpoints with no lead-in
        let leadIn = first.text.hasSuffixBytes(":")
        var ownerIsLeadIn = leadIn
        var lastSubpoint: (inPart: Bool, index: Int)?
        for (index, block) in blocks.enumerated() {
            switch block {
            case let .subpoint(num, paragraph):
                let subpoint = Provision(kind: .subparagraph, num: num, content: [ContentBlock(paragraph)],
                                         line: paragraph.line, range: paragraph.range)
                if ownerIsLeadIn {
                    parts[parts.count - 1].children.append(subpoint)
                    lastSubpoint = (true, parts[parts.count - 1].children.count - 1)
                } else {
                    direct.append(subpoint)
                    lastSubpoint = (false, direct.count - 1)
                }
            case .text(let paragraph):
                let moreSubpointsFollow = blocks[(index + 1)...].contains { if case .subpoint = $0 { true } else { false } }
                // A list item is still open while its text ends with ":" or ";" (its own list).
                let lastText: String? = lastSubpoint.map { last in
                    (last.inPart ? parts[parts.count - 1].children[last.index] : direct[last.index]).content.last?.text ?? ""
                }
                let itemOpen = lastText.map { !$0.hasSuffixBytes(".") && !$0.hasSuffixBytes(".\"") } ?? false
                if let last = lastSubpoint, moreSubpointsFollow || !ownerIsLeadIn || itemOpen {
                    // Still inside the list: a further paragraph of the last subpoint.
                    if last.inPart {
                        parts[parts.count - 1].children[last.index].content.append(ContentBlock(paragraph))
                    } else {
                        direct[last.index].content.append(ContentBlock(paragraph))
                    }
                } else {
                    parts.append(Provision(kind: .part, num: String(parts.count + 1), content: [ContentBlock(paragraph)],
                                           line: paragraph.line, range: paragraph.range))
                    ownerIsLeadIn = paragraph.text.hasSuffixBytes(":")
                    lastSubpoint = nil
                }
            }
        }
        var point = Provision(kind: .paragraph, num: num, line: first.line, range: first.range)
        if parts.count == 1 && parts[0].children.isEmpty {
            point.content = parts[0].content
            point.children = direct
        } else if parts.count == 1 {
            // One lead-in with its list: the lead-in is the point's text, the list its children.
            point.content = parts[0].content
            point.children = parts[0].children + direct
        } else {
            point.children = parts + direct
        }
        return point.extended()
    }

    /// Subpoints outside any point (a quoted fragment "1) …; 2) …").
    static func looseSubpoints(_ blocks: [Block]) -> [Provision] {
        var result: [Provision] = []
        for block in blocks {
            switch block {
            case let .subpoint(num, paragraph):
                result.append(Provision(kind: .subparagraph, num: num, content: [ContentBlock(paragraph)],
                                        line: paragraph.line, range: paragraph.range))
            case .text(let paragraph):
                if result.isEmpty {
                    result.append(Provision(kind: .part, num: nil, content: [ContentBlock(paragraph)],
                                            line: paragraph.line, range: paragraph.range))
                } else {
                    result[result.count - 1].content.append(ContentBlock(paragraph))
                }
            }
        }
        return result.map { $0.extended() }
    }
}

extension Provision {
    /// The node with its range grown to cover its content and children.
    func extended() -> Provision {
        var copy = self
        let ranges = content.map(\.range) + children.map(\.range) + [range]
        copy.range = SourceRange.covering(ranges)
        return copy
    }
}
