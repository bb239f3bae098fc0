import ZanDocument
import ZanTimeline

/// Short names of provisions for people: "13", "2.5)" (subpoint 5 of point 2), "6 › part 2",
/// "appendix 1 › form › table 1 › row 2", "chapter 3". Names are relative to the attachment a
/// provision is in (the attachment is its `part`). Chapters and sections are left out above a
/// point or article: points and articles are numbered through the whole document.
enum UnitLabel {
    /// The unit at the end of `chain` (ancestors first, the document root excluded or not).
    static func unit(_ chain: [RuleNode]) -> WorkDiff.Unit {
        let path = chain.filter { $0.kind != .document }
        let attachmentIndex = path.lastIndex { $0.kind == .attachment }
        let part = attachmentIndex.flatMap { path[$0].eId }
        var inner = attachmentIndex.map { Array(path[($0 + 1)...]) } ?? path
        guard let node = chain.last else { return WorkDiff.Unit(eId: nil, label: "", part: nil) }
        if inner.isEmpty {
            // The attachment itself, or the document.
            let label = node.kind == .attachment ? "attachment \(node.num ?? "")" : "the whole act"
            return WorkDiff.Unit(eId: node.eId, label: label, part: part)
        }
        if inner.contains(where: { [.paragraph, .article].contains($0.kind) }) {
            inner.removeAll { [.section, .chapter, .paragraphSign].contains($0.kind) }
        }
        var segments: [String] = []
        var previous: ProvisionKind?
        for unit in inner {
            let segment = name(unit)
            if unit.kind == .subparagraph, previous == .paragraph || previous == .article, !segments.isEmpty {
                segments[segments.count - 1] += "." + segment
            } else {
                segments.append(segment)
            }
            previous = unit.kind
        }
        return WorkDiff.Unit(eId: node.eId, label: segments.joined(separator: " › "), part: part)
    }

    static func name(_ node: RuleNode) -> String {
        let num = node.num
        switch node.kind {
        case .paragraph: return num ?? "point"
        case .subparagraph: return (num ?? "?") + ")"
        case .part: return "part " + (num ?? "?")
        case .article: return "article " + (num ?? "?")
        case .paragraphSign: return "§ " + (num ?? "?")
        case .preamble: return "preamble"
        default: return node.kind.rawValue + (num.map { " " + $0 } ?? "")
        }
    }
}

extension UnitLabel {
    /// The units from `root` down to the node with `eId` (both included), if it is there.
    static func chain(to eId: String, in root: RuleNode) -> [RuleNode]? {
        if root.eId == eId { return [root] }
        for child in root.children {
            if let found = chain(to: eId, in: child) { return [root] + found }
        }
        return nil
    }
}
