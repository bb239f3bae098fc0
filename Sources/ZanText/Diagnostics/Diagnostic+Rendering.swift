extension Diagnostic {
    /// The one-line form: `path:line:col: severity: [id] message` (notes on following lines,
    /// indented, in the same form when located).
    public func oneLine(in file: SourceFile) -> String {
        var out = "\(file.path):\(position(in: file)): \(severity.rawValue): [\(id)] \(message)"
        for note in notes {
            if let range = note.range {
                out += "\n  \(file.path):\(file.lineColumn(at: range.start)): note: \(note.message)"
            } else {
                out += "\n  note: \(note.message)"
            }
        }
        return out
    }

    /// The one-line form for a diagnostic about a file that could not be decoded or read.
    public func oneLine(path: String) -> String {
        "\(path): \(severity.rawValue): [\(id)] \(message)"
    }

    /// Annotated source, as a compiler prints it:
    /// ```
    /// path:3:9: error: [id] message
    ///  3 | the source line
    ///    |         `- error: message
    /// ```
    public func annotated(in file: SourceFile) -> String {
        var out = oneLine(in: file)
        guard let range else { return out }
        let start = file.lineColumn(at: range.start)
        let lineText = file.lineText(start.line)
        let gutter = String(start.line)
        let pad = String(repeating: " ", count: gutter.count)
        out += "\n \(gutter) | \(lineText.replacingTabs())"
        let end = file.lineColumn(at: range.end)
        let width = end.line == start.line ? max(1, end.column - start.column) : 1
        let indent = String(repeating: " ", count: start.column - 1)
        let underline = width > 1 ? String(repeating: "~", count: width) : "^"
        out += "\n \(pad) | \(indent)\(underline)"
        out += "\n \(pad) | \(indent)`- \(severity.rawValue): \(message)"
        return out
    }

    /// `line:column` of the diagnostic's start, or `1:1` when it has no range.
    func position(in file: SourceFile) -> LineColumn {
        range.map { file.lineColumn(at: $0.start) } ?? LineColumn(line: 1, column: 1)
    }
}

extension String {
    /// Tabs shown as one space each, so the caret under a column stays aligned.
    fileprivate func replacingTabs() -> String {
        String(map { $0 == "\t" ? " " : $0 })
    }
}
