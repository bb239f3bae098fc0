import ZanAmendments
import ZanDocument
import ZanText

/// When the edits of an act take effect, from its entry-into-force clause and what the corpus
/// knows about it (the publication date, from meta.json).
///
/// "N days after first official publication" reads as DESIGN.md has it: with publication day D,
/// the N full days D+1 … D+N pass and the act is in force from D+N+1. Without D the date is
/// provisional: the earliest possible, counted from the registration date (an act cannot be
/// published before it is registered), or from adoption when the registration is unknown.
struct EffectiveDates {
    let main: EffectiveDate?
    let exceptions: [(targets: [TargetPath], date: EffectiveDate?)]

    init(clause: EntryIntoForce?, metadata: DocumentMetadata, published: CivilDate?, act: String) {
        main = clause.flatMap { Self.resolve($0, metadata: metadata, published: published) }
        exceptions = clause?.exceptions.map { exception in
            (exception.targets, exception.rule.flatMap { Self.resolve($0, metadata: metadata, published: published) })
        } ?? []
    }

    /// The date for an edit in the act's point `point` (its citation path): an exception's when
    /// the clause excepts that point, else the act's.
    /// `indent` is the number of the paragraph (абзац) of the act's top-level point holding the
    /// edit, counted from the point's first line, for exceptions that name one ("1-тармақтың он
    /// бірінші абзацын қоспағанда").
    func effective(forPoint point: [TargetStep], indent: Int?) -> EffectiveDate? {
        for exception in exceptions {
            let matches = exception.targets.contains { target in
                if target.last?.unit == .indent {
                    let container = Array(target.steps.dropLast())
                    return point.starts(with: container) && target.last?.num == indent.map(String.init)
                }
                return point.starts(with: target.steps)
            }
            if matches { return exception.date }
        }
        return main
    }

    static func resolve(_ clause: EntryIntoForce, metadata: DocumentMetadata, published: CivilDate?) -> EffectiveDate? {
        let anchor = metadata.registrationDate.map { ("registration", $0) } ?? metadata.date.map { ("adoption", $0) }
        func relative(_ offset: Int, _ what: String) -> EffectiveDate? {
            if let published {
                return EffectiveDate(published.adding(days: offset), basis: "\(what); published \(published)")
            }
            guard let (name, date) = anchor else { return nil }
            return EffectiveDate(date.adding(days: offset), provisional: true,
                                 basis: "\(what); publication date not in corpus: earliest possible, \(name) \(date) + \(offset) day(s)")
        }
        switch clause.kind {
        case .fixed:
            return clause.date.map { EffectiveDate($0, basis: "fixed date in the act") }
        case .afterPublication:
            guard let days = clause.days else { return nil }
            return relative(days + 1, "\(days)\(clause.calendar == true ? " calendar" : "") days after first official publication (in force on day D+\(days + 1))")
        case .onPublication:
            return relative(0, "from the day of first official publication")
        case .dayAfterPublication:
            return relative(1, "from the day after first official publication")
        case .onSigning:
            return metadata.date.map { EffectiveDate($0, basis: "from signing (the act's date)") }
        }
    }
}
