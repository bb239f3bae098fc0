import ZanText

/// The catalogue of ZanTimeline's diagnostics: edits that could not be applied to the works they
/// target (errors: the edit changed nothing) and what applying them revealed (warnings). Each is
/// located at the instruction, in the amending act's file. The case name is the ID
/// (`timeline.<kebab-case name>`).
public enum TimelineDiagnostic: DiagnosticMessage, Hashable {
    /// The cited unit is not in a base text the corpus holds completely.
    case targetNotFound(unit: String, work: String)
    /// The quoted words are not in the unit's text (which the corpus holds completely).
    case wordsNotFound(words: String, unit: String)
    /// A word edit to a unit whose wording is not in the corpus: it can be set, not edited in place.
    case baseUnknown(unit: String, work: String)
    /// Two acts change the same unit of a work on the same day.
    case sameDayConflict(unit: String, other: String, date: String)
    /// An edit to a unit already struck out, or to a work no longer in force.
    case repealedTarget(unit: String, since: String)
    /// An edit that takes effect before the work it changes exists.
    case beforeExistence(work: String, effective: String, exists: String)
    /// An insertion of a unit the work already has.
    case unitExists(unit: String)
    /// The amending act's entry into force is not known, so its edits have no date.
    case noEffectiveDate(act: String)
    /// The edit names no act Zan can identify (no registration number, no date).
    case unidentifiedAct
    /// The approved document the edit names is not among the work's attachments.
    case approvedDocumentNotFound(title: String, work: String)
    /// A target below the units Zan keeps as structure (an indent, a sentence, a table cell) for
    /// an operation that needs a unit.
    case unsupportedTarget(unit: String, operation: String)
    /// An act's instruction names the act itself as the act it amends.
    case selfAmendment(act: String)
    /// Acts of the corpus amend each other in a cycle (A → B → … → A).
    case amendmentCycle(cycle: [String])

    public var id: DiagnosticID {
        let name: String = switch self {
        case .targetNotFound: "target-not-found"
        case .wordsNotFound: "words-not-found"
        case .baseUnknown: "base-unknown"
        case .sameDayConflict: "same-day-conflict"
        case .repealedTarget: "repealed-target"
        case .beforeExistence: "before-existence"
        case .unitExists: "unit-exists"
        case .noEffectiveDate: "no-effective-date"
        case .unidentifiedAct: "unidentified-act"
        case .approvedDocumentNotFound: "approved-document-not-found"
        case .unsupportedTarget: "unsupported-target"
        case .selfAmendment: "self-amendment"
        case .amendmentCycle: "amendment-cycle"
        }
        return DiagnosticID(domain: "timeline", name: name)
    }

    public var severity: Severity {
        switch self {
        case .targetNotFound, .wordsNotFound, .repealedTarget, .beforeExistence, .unitExists, .noEffectiveDate,
             .unidentifiedAct, .approvedDocumentNotFound, .unsupportedTarget, .selfAmendment:
            .error
        case .baseUnknown, .sameDayConflict, .amendmentCycle:
            .warning
        }
    }

    public var message: String {
        switch self {
        case let .targetNotFound(unit, work):
            "\(unit) is not in \(work), whose text the corpus holds completely; the edit was not applied"
        case let .wordsNotFound(words, unit):
            "the words \"\(words)\" are not in the text of \(unit); the edit was not applied"
        case let .baseUnknown(unit, _):
            "the wording of \(unit) is not in the corpus: it can be set, not edited in place; it stays unknown"
        case let .sameDayConflict(unit, other, date):
            "\(unit) is also changed by \(other) on the same day (\(date)); both were applied, in order of act date and position"
        case let .repealedTarget(unit, since):
            "\(unit) was struck out or repealed \(since); the edit was not applied"
        case let .beforeExistence(work, effective, exists):
            "the edit takes effect on \(effective), before \(work) exists (\(exists)); the edit was not applied"
        case let .unitExists(unit):
            "\(unit) already exists; the insertion was not applied"
        case let .noEffectiveDate(act):
            "it is not known when \(act) (or this part of it) comes into force; its edits were not applied"
        case .unidentifiedAct:
            "the amended act is not identified (no registration number or date in the reference); the edit was not applied"
        case let .approvedDocumentNotFound(title, work):
            "\(work) approves no document named \"\(title)\"; the edit was not applied"
        case let .unsupportedTarget(unit, operation):
            "\(operation) of \(unit) (below the structure Zan keeps) is not supported yet; the edit was not applied"
        case let .selfAmendment(act):
            "the instruction amends \(act), the act it is in; an act does not amend itself (a wrong date or number in the reference?); the edit was not applied"
        case let .amendmentCycle(cycle):
            "acts amend each other in a cycle (\(cycle.joined(separator: " → "))); each act is read as published: edits to an amending act's text do not change what it amends"
        }
    }
}

/// A diagnostic and the file it is located in: the timeline reports on many files at once.
public struct Finding: Hashable, Sendable {
    public let file: SourceFile?
    public let diagnostic: Diagnostic
    /// The work the finding is about, when it is about one.
    public let work: String?
    /// For a finding about a file that could not be read as text (a corpus folder, a
    /// meta.json), or located by a provenance rather than in a file read, that file's path.
    public let path: String?
    /// With `path`: the line and column (a provenance's start).
    public let position: LineColumn?

    public init(file: SourceFile?, diagnostic: Diagnostic, work: String? = nil, path: String? = nil,
                position: LineColumn? = nil) {
        self.file = file
        self.diagnostic = diagnostic
        self.work = work
        self.path = path
        self.position = position
    }

    /// The path the finding is reported at.
    public var location: String { file?.path ?? path ?? work ?? "<corpus>" }

    /// `path:line:col: severity: [id] message`.
    public var oneLine: String {
        file.map { diagnostic.oneLine(in: $0) }
            ?? diagnostic.oneLine(path: location + (position.map { ":\($0)" } ?? ""))
    }

    public static func == (lhs: Finding, rhs: Finding) -> Bool {
        lhs.location == rhs.location && lhs.diagnostic == rhs.diagnostic && lhs.work == rhs.work
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(location)
        hasher.combine(diagnostic)
        hasher.combine(work)
    }
}
