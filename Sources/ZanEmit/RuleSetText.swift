import ZanText
import ZanTimeline

/// A work's history as reviewable text: each version's interval and the acts behind it, then
/// its tree, one unit per line with its flags, provenance and the start of its text. The golden
/// files of the timeline stage are in this form, so a change in what Zan applies shows as a
/// readable diff.
public enum RuleSetText {
    public static func history(_ history: WorkHistory) -> String {
        let work = history.work
        var out = "work \(work.id)\(work.inCorpus ? "" : " (not in corpus)")\(work.title.map { " \"\($0)\"" } ?? "")\n"
        if let exists = work.existsFrom { out += "  exists from \(exists) — \(exists.basis)\n" }
        if let repeal = work.repealed { out += "  repealed from \(repeal.from) by \(repeal.by)\n" }
        for version in history.versions {
            out += "\nversion [\(version.from), \(version.to.map(\.description) ?? "…"))"
            if !version.amendedBy.isEmpty { out += " amended by " + version.amendedBy.joined(separator: ", ") }
            out += "\n"
            out += tree(version.root, indent: "  ")
        }
        return out
    }

    static func tree(_ node: RuleNode, indent: String) -> String {
        var line = indent + node.kind.rawValue
        if let num = node.num { line += " " + num }
        if let eId = node.eId { line += " " + eId }
        var flags: [String] = []
        if node.unknown { flags.append("unknown") }
        if node.partial { flags.append("partial") }
        if node.repealed { flags.append("repealed") }
        if !flags.isEmpty { line += " [" + flags.joined(separator: ", ") + "]" }
        if let provenance = node.provenance, provenance.op != nil { line += " ← " + provenance.summary }
        if let text = node.text.first {
            line += " «" + String(text.prefix(60)) + (text.count > 60 || node.text.count > 1 ? "…" : "") + "»"
        }
        var out = line + "\n"
        for child in node.children { out += tree(child, indent: indent + "  ") }
        return out
    }
}
