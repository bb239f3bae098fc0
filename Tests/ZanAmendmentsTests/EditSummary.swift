import Foundation
import ZanAmendments
import ZanText

/// One line per edit, for table tests: "op document [target] + [target] key=value …".
enum EditSummary {
    static func line(_ edit: Edit) -> String {
        var parts = [edit.op.rawValue, edit.document.rawValue]
        if edit.scope == .wholeText { parts.append("whole_text") }
        parts.append(edit.targets.map { "[\($0)]" }.joined(separator: " + "))
        if let num = edit.newNum { parts.append("new_num=\(num)") }
        if let position = edit.position { parts.append("\(position.place.rawValue) [\(position.target)]") }
        if let words = edit.oldWords { parts.append("old=«\(words)»") }
        if let words = edit.afterWords { parts.append("after=«\(words)»") }
        if let words = edit.beforeWords { parts.append("before=«\(words)»") }
        if let words = edit.newWords { parts.append("new=«\(words)»") }
        if let text = edit.newText { parts.append("text=«\(text.replacingOccurrences(of: "\n", with: "⏎"))»") }
        if let id = edit.act?.id { parts.append("act=\(id)") }
        return parts.joined(separator: " ")
    }

    /// Edits, then error and warning IDs with their line ("amend.missing-number@1").
    static func lines(_ amendments: Amendments) -> [String] {
        amendments.edits.map(line) + amendments.diagnostics.filter { $0.id.domain == "amend" }.map {
            "\($0.severity.rawValue) \($0.id)@\($0.range.map { amendments.source.lineColumn(at: $0.start).line } ?? 0)"
        }
    }
}
