import ZanText

/// The catalogue of ZanAmendments' diagnostics: what the instruction grammar could not
/// understand (errors: the instruction gave no edit) and what it noticed (warnings, notes).
/// The case name is the ID (`amend.<kebab-case name>`).
public enum AmendmentDiagnostic: DiagnosticMessage, Hashable {
    /// An instruction verb was found but the sentence around it fits no formula.
    case instructionNotUnderstood(verb: String, reason: String)
    /// An operation with nothing to act on: no unit, no words, no document.
    case missingTarget(operation: String)
    /// A unit noun with no number where one is needed ("тармақ мынадай редакцияда жазылсын").
    case missingNumber(unit: String)
    /// A cited number longer than `TargetStep.maximumDigits`.
    case numberTooLong(digits: Int)
    /// A citation naming more than `Citation.maximumPaths` units.
    case tooManyTargets(limit: Int)
    /// Quotes nested deeper than `Sentence.maximumQuoteDepth`.
    case quotesTooDeep(limit: Int)
    /// Quoted wording whose closing quote is missing.
    case unclosedQuote
    /// A new wording announced ("мынадай редакцияда жазылсын:") but no quoted wording follows.
    case missingPayload(operation: String)
    /// "осы бұйрыққа N-қосымшаға сәйкес" names an attachment the amending act does not have.
    case missingAttachment(number: String?)
    /// A word operation without its quoted words.
    case missingWords(operation: String)
    /// Lists paired by "тиісінше" (respectively) of different lengths.
    case pairCountMismatch(left: Int, right: Int)
    /// An operation Zan recognizes but does not model (renumbering).
    case unsupportedOperation(operation: String)
    /// Quoted wording that no instruction introduces.
    case unattachedQuotation
    /// A past-tense form ("ауыстырылды", "жаңа редакцияда – … бұйрығымен"): an editorial
    /// note about an earlier change, not an instruction.
    case editorialForm(word: String)
    /// The document a lead-in names does not match the title of the act it is approved by.
    case approvedTitleMismatch(named: String, act: String)
    /// A clause about entry into force Zan could not read.
    case entryIntoForceNotUnderstood
    /// An amending act with instructions but no entry-into-force clause.
    case noEntryIntoForce
    /// The editorial note on entry into force disagrees with the act's own clause.
    case entryIntoForceNoteMismatch(note: String, clause: String)

    public var id: DiagnosticID {
        let name: String = switch self {
        case .instructionNotUnderstood: "instruction-not-understood"
        case .missingTarget: "missing-target"
        case .missingNumber: "missing-number"
        case .numberTooLong: "number-too-long"
        case .quotesTooDeep: "quotes-too-deep"
        case .tooManyTargets: "too-many-targets"
        case .unclosedQuote: "unclosed-quote"
        case .missingPayload: "missing-payload"
        case .missingAttachment: "missing-attachment"
        case .missingWords: "missing-words"
        case .pairCountMismatch: "pair-count-mismatch"
        case .unsupportedOperation: "unsupported-operation"
        case .unattachedQuotation: "unattached-quotation"
        case .editorialForm: "editorial-form"
        case .approvedTitleMismatch: "approved-title-mismatch"
        case .entryIntoForceNotUnderstood: "entry-into-force-not-understood"
        case .noEntryIntoForce: "no-entry-into-force"
        case .entryIntoForceNoteMismatch: "entry-into-force-note-mismatch"
        }
        return DiagnosticID(domain: "amend", name: name)
    }

    public var severity: Severity {
        switch self {
        case .instructionNotUnderstood, .missingTarget, .missingNumber, .numberTooLong, .quotesTooDeep, .tooManyTargets, .unclosedQuote, .missingPayload,
             .missingAttachment, .missingWords, .pairCountMismatch, .unsupportedOperation, .entryIntoForceNotUnderstood:
            .error
        case .unattachedQuotation, .approvedTitleMismatch, .noEntryIntoForce, .entryIntoForceNoteMismatch:
            .warning
        case .editorialForm:
            .note
        }
    }

    public var message: String {
        switch self {
        case let .instructionNotUnderstood(verb, reason):
            "instruction with \"\(verb)\" not understood: \(reason); no edit was made"
        case let .missingTarget(operation):
            "\(operation) names no unit, words or document to act on; no edit was made"
        case let .missingNumber(unit):
            "\(unit) is cited without a number, so it is not known which one; no edit was made"
        case let .numberTooLong(digits):
            "a unit number of \(digits) characters is cited; unit numbers have at most \(TargetStep.maximumDigits) digits; no edit was made"
        case let .tooManyTargets(limit):
            "the citation names more than \(limit) units (its lists of numbers multiply); no edit was made"
        case let .quotesTooDeep(limit):
            "quotes nest deeper than \(limit) levels here; Zan reads at most \(limit); no edit was made"
        case .unclosedQuote:
            "quoted words open here and are never closed; no edit was made"
        case let .missingPayload(operation):
            "\(operation) announces new wording but no quoted wording follows; no edit was made"
        case let .missingAttachment(number):
            "the new wording is \(number.map { "attachment \($0)" } ?? "the attachment") of this act, which the input does not contain; no edit was made"
        case let .missingWords(operation):
            "\(operation) needs quoted words (\"…\" деген сөздер) and has none; no edit was made"
        case let .pairCountMismatch(left, right):
            "\(left) wording(s) are to be replaced by \(right): the lists do not pair up; no edit was made"
        case let .unsupportedOperation(operation):
            "\(operation) is recognized but not supported by Zan yet; no edit was made"
        case .unattachedQuotation:
            "quoted wording that no instruction introduces; it was not used"
        case let .editorialForm(word):
            "past-tense \"\(word)\" records an earlier change (an editorial note), not an instruction"
        case let .approvedTitleMismatch(named, act):
            "the document named here (\"\(named)\") does not match the title of the amended act (\"\(act)\")"
        case .entryIntoForceNotUnderstood:
            "clause on entry into force not understood (no date, period or event found)"
        case .noEntryIntoForce:
            "the amending act has instructions but no clause saying when it comes into force"
        case let .entryIntoForceNoteMismatch(note, clause):
            "the editorial note says the act is in force \(note), its own clause says \(clause)"
        }
    }
}
