extension TokenizedText {
    /// A token as the JSON object `zan tokens --format jsonl` prints: text, norm, kind, start,
    /// end (original byte offsets), line, column, and unit/num when it has them.
    public func json(_ token: Token, at position: LineColumn) -> JSON {
        var object: [String: JSON] = [
            "text": .string(original(token)),
            "norm": .string(normalized(token)),
            "kind": .string(token.kind.rawValue),
            "start": .int(token.range.start),
            "end": .int(token.range.end),
            "line": .int(position.line),
            "column": .int(position.column),
        ]
        if let unit = token.unit { object["unit"] = .string(unit.rawValue) }
        if let number = number(token) { object["num"] = .string(number) }
        return .object(object)
    }

    /// A token as one aligned line: `line:col  kind  text [→ norm] [unit num]`.
    public func tableRow(_ token: Token, at position: LineColumn) -> String {
        let originalText = original(token)
        let normalizedText = normalized(token)
        var columns = [padded("\(position)", 8), padded(token.kind.rawValue, 12), originalText]
        if normalizedText != originalText { columns.append("→ \(normalizedText)") }
        if let unit = token.unit {
            columns.append("[\(unit.rawValue)\(number(token).map { " \($0)" } ?? "")]")
        } else if let number = number(token) {
            columns.append("[\(number)]")
        }
        return columns.joined(separator: " ")
    }

    /// Every token as a table row, one per line: the golden form of tokenization.
    public func table() -> String {
        var tracker = LineColumnTracker(source)
        var out = ""
        for token in tokens {
            out += tableRow(token, at: tracker.lineColumn(at: token.range.start)) + "\n"
        }
        return out
    }

    private func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
