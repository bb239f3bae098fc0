import ZanText

/// Parses a fragment of structured text — the wording of an amendment, its outer quotes already
/// removed — as units of the kind it replaces or inserts: "13. …" as points (with their parts and
/// subpoints), "1) …" as subpoints, a lead-in with its list as a part, chapters as chapters.
public enum ParseFragment {
    /// The provisions of `paragraphs` read as units of `kind`. Parts take the numbers in
    /// `numbers` in order (a part's number is not printed in the text). Text that opens no
    /// numbered unit becomes an unnumbered unit of `kind`, so nothing is dropped. Kinds below
    /// the part (indents, sentences, words) are text, not structure: the result is empty.
    public static func parse(_ paragraphs: [Paragraph], as kind: ProvisionKind, numbers: [String] = []) -> [Provision] {
        guard let first = paragraphs.first else { return [] }
        let provisions: [Provision]
        switch kind {
        case .part:
            var builder = PointBuilder(num: "", first: first)
            for paragraph in paragraphs.dropFirst() {
                if case .subpoint(let num) = ParagraphClass.of(paragraph.text) {
                    builder.blocks.append(.subpoint(num, paragraph))
                } else {
                    builder.blocks.append(.text(paragraph))
                }
            }
            let point = builder.build()
            var parts = point.children.filter { $0.kind == .part }
            if parts.isEmpty {
                parts = [Provision(kind: .part, num: "1", content: point.content,
                                   children: point.children, line: point.line, range: point.range).extended()]
            }
            provisions = parts.enumerated().map { index, part in
                var part = part
                part.num = index < numbers.count ? numbers[index] : nil
                return part
            }
        case .section, .chapter, .paragraphSign, .article, .paragraph, .subparagraph:
            let (parsed, leading) = ParseProvisions.parse(paragraphs[...])
            var result = parsed
            if !leading.isEmpty {
                let blocks = leading.map(ContentBlock.init)
                result.insert(Provision(kind: kind, content: blocks, line: blocks.first?.line ?? 1,
                                        range: SourceRange.covering(blocks.map(\.range))),
                              at: 0)
            }
            provisions = result
        default:
            return []
        }
        var root = Provision(kind: .document, children: provisions, line: first.line, range: first.range)
        AssignEIds.run(&root)
        return root.children
    }
}
