import ZanDocument
import ZanText

extension Amendments {
    /// A readable listing: one block per edit (location, operation, act, targets, wording and
    /// its parsed structure), then entry into force and coverage. The golden of this stage.
    public func text() -> String {
        var out = ""
        if let act {
            out += "document \(act.id ?? "?") \(act.date?.description ?? "?") № \(act.number ?? "?")"
            if let title = act.title { out += " \"\(title)\"" }
            out += "\n"
        }
        for (index, edit) in edits.enumerated() {
            let at = source.lineColumn(at: edit.source.start)
            out += "\nedit \(index + 1) @\(at): \(edit.op.rawValue)"
            if edit.scope == .wholeText { out += " (whole text)" }
            out += " in \(edit.act?.id ?? "?") \(edit.document.rawValue)"
            out += "\n  targets: " + edit.targets.map { "[\($0)]" }.joined(separator: " + ")
            if let approved = edit.approvedTitle { out += "\n  approved: \(approved)" }
            if let num = edit.newNum { out += "\n  new number: \(num)" }
            if let position = edit.position { out += "\n  position: \(position.place.rawValue) [\(position.target)]" }
            if let words = edit.oldWords { out += "\n  old words: «\(words)»" }
            if let words = edit.afterWords { out += "\n  after words: «\(words)»" }
            if let words = edit.beforeWords { out += "\n  before words: «\(words)»" }
            if let words = edit.newWords { out += "\n  new words: «\(words)»" }
            if let attachment = edit.attachment { out += "\n  wording: attachment \(attachment) of the amending act" }
            if let text = edit.newText {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                out += "\n  new text (\(lines.count) paragraph\(lines.count == 1 ? "" : "s")): «\((lines.first ?? "").prefix(60))…\((lines.last ?? "").suffix(40))»"
            }
            for provision in edit.payload where edit.attachment == nil {
                out += "\n" + provision.dumpTree(in: source, prefix: "  ").dropLast()
            }
            out += "\n"
        }
        if let effective {
            out += "\neffective: \(effective.summary)\n"
            for exception in effective.exceptions {
                out += "  except " + exception.targets.map { "[\($0)]" }.joined(separator: " + ")
                out += ": " + (exception.rule?.summary ?? "rule not stated") + "\n"
            }
        }
        out += "\ncoverage: \(coverage.instructionSentences) instruction sentences, \(coverage.understood) understood, "
        out += "\(coverage.diagnosed) diagnosed, \(coverage.edits) edits\n"
        return out
    }
}

extension EntryIntoForce {
    /// "fixed 2026-07-12", "after_publication 10 calendar days".
    public var summary: String {
        var text = kind.rawValue
        if let date { text += " \(date)" }
        if let days { text += " \(days)\(calendar == true ? " calendar" : "") days" }
        return text
    }
}
