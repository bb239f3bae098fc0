import ZanDocument
import ZanText

extension Amendments {
    /// The JSON contract of `zan edits` (keys sorted; absent values are null).
    public func json() -> JSON {
        .object([
            "document": act.map { act in
                .object(["id": .string(act.id), "title": .string(act.title), "date": .string(act.date?.description),
                         "number": .string(act.number), "registration": .string(act.registration)])
            } ?? .null,
            "edits": .array(edits.map { $0.json(in: source) }),
            "effective": effective.map { $0.json(in: source) } ?? .null,
            "diagnostics": .array(diagnostics.map { diagnostic in
                let at = diagnostic.range.map { source.lineColumn(at: $0.start) }
                return .object(["severity": .string(diagnostic.severity.rawValue), "id": .string(diagnostic.id.description),
                                "message": .string(diagnostic.message), "line": .int(at?.line), "column": .int(at?.column)])
            }),
            "coverage": .object(["instruction_sentences": .int(coverage.instructionSentences), "edits": .int(coverage.edits),
                                 "diagnosed": .int(coverage.diagnosed)]),
        ])
    }
}

extension Edit {
    func json(in source: SourceFile) -> JSON {
        .object([
            "op": .string(op.rawValue),
            "scope": .string(scope.rawValue),
            "act": act.map { $0.json() } ?? .null,
            "document": .string(document.rawValue),
            "approved_title": .string(approvedTitle),
            "targets": .array(targets.map { $0.json() }),
            "new_num": .string(newNum),
            "position": position.map { .object(["where": .string($0.place.rawValue), "target": $0.target.json()]) } ?? .null,
            "old_words": .string(oldWords),
            "new_words": .string(newWords),
            "after_words": .string(afterWords),
            "before_words": .string(beforeWords),
            "new_text": .string(newText),
            "attachment": .string(attachment),
            "source": source.json(of: self.source),
        ])
    }
}

extension ActReference {
    func json() -> JSON {
        .object(["id": .string(id), "title": .string(title), "date": .string(date?.description), "number": .string(number),
                 "registration": .string(registration), "kind": .string(kind?.rawValue), "issuer": .string(issuer)])
    }
}

extension TargetPath {
    func json() -> JSON {
        .array(steps.map { .object(["unit": .string($0.unit.rawValue), "num": .string($0.num)]) })
    }
}

extension EntryIntoForce {
    func json(in source: SourceFile) -> JSON {
        .object([
            "kind": .string(kind.rawValue),
            "date": .string(date?.description),
            "days": .int(days),
            "calendar": calendar.map(JSON.bool) ?? .null,
            "exceptions": .array(exceptions.map { exception in
                .object(["targets": .array(exception.targets.map { $0.json() }),
                         "rule": exception.rule.map { $0.json(in: source) } ?? .null,
                         "source": source.json(of: exception.range)])
            }),
            "text": .string(text),
            "source": source.json(of: range),
        ])
    }
}

extension SourceFile {
    /// A source range as 1-based line and column of its start and end.
    func json(of range: SourceRange) -> JSON {
        let start = lineColumn(at: range.start), end = lineColumn(at: range.end)
        return .object(["line": .int(start.line), "column": .int(start.column),
                        "end_line": .int(end.line), "end_column": .int(end.column)])
    }
}
