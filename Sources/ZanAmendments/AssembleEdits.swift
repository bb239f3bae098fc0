import ZanDocument
import ZanText

/// What instructions inherit from the lines above them: the act a point of the amending order
/// names, the document a lead-in switches to ("көрсетілген бұйрықпен бекітілген …
/// Қағидаларында:"), and the units a lead-in narrows to ("5-тармақта:").
struct Scope {
    var act: ActReference?
    var document: DocumentRole = .self
    var approvedTitle: String?
    var path = TargetPath.whole

    /// A cited path read against the scope: the scope's steps that are outer to the citation's
    /// first unit, then the citation ("6-тармақ" under "5-тармақта:" is point 6). Also returns
    /// how many scope steps were kept.
    func resolve(_ cited: TargetPath) -> (path: TargetPath, kept: Int) {
        guard let first = cited.steps.first else { return (path, path.steps.count) }
        guard let depth = first.unit.depth else { return (path.appending(cited), path.steps.count) }
        let kept = path.steps.prefix { ($0.unit.depth ?? Int.max) < depth }
        return (TargetPath(Array(kept)).appending(cited), kept.count)
    }
}

/// Turns one instruction (a read `Clause`, the scope it is under, and the quoted wording after
/// it) into edits — or into an error saying what was not understood. One function per
/// operation family, named for the verb.
struct AssembleEdits {
    let clause: Clause
    let sentence: Sentence
    let scope: Scope
    let quotation: Quotation?
    let attachments: [Provision]
    let document: Document

    struct Result {
        var edits: [Edit] = []
        var diagnostics: [Diagnostic] = []
        /// The scope after the instruction (an instruction at a lead-in's level ends it).
        var scope: Scope
        /// True when the quotation after the instruction was used as its wording.
        var usedQuotation = false
    }

    func run() -> Result {
        var result = Result(scope: scope)
        guard let (verb, at) = clause.verb else { return result }
        let verbWord = sentence.normalized(at)
        if let open = clause.unclosedQuote { return failed(result, .unclosedQuote, sentence.range(of: open..<open + 1)) }
        if let deep = sentence.tooDeepQuote {
            return failed(result, .quotesTooDeep(limit: Sentence.maximumQuoteDepth), sentence.range(of: deep..<deep + 1))
        }
        if expectsWording, let paragraph = quotation?.tooDeepParagraph {
            return failed(result, .quotesTooDeep(limit: Sentence.maximumQuoteDepth), paragraph.range)
        }
        for citation in clause.citations {
            let allowed: (UnitKind) -> Bool = citation.role == .new ? { !$0.mayBeAddedUnnumbered } : { _ in true }
            if let unit = citation.numberless.first(where: allowed) {
                return failed(result, .missingNumber(unit: unit.rawValue), sentence.range(of: citation.tokens))
            }
            if citation.tooMany {
                return failed(result, .tooManyTargets(limit: Citation.maximumPaths), sentence.range(of: citation.tokens))
            }
            if let num = citation.oversized.first {
                return failed(result, .numberTooLong(digits: num.utf8.count), sentence.range(of: citation.tokens))
            }
        }
        switch verb {
        case .state: return state(&result)
        case .supplement: return supplement(&result)
        case .strike: return strike(&result)
        case .substitute: return substitute(&result)
        case .repeal: return repeal(&result)
        case .renumber: return failed(result, .unsupportedOperation(operation: "renumbering (\"\(verbWord)\")"))
        case .amend: return result
        }
    }

    /// The result with an error instead of edits (the announced wording, if any, is used up).
    func failed(_ result: Result, _ message: AmendmentDiagnostic, _ range: SourceRange? = nil) -> Result {
        var failed = result
        failed.edits = []
        failed.diagnostics.append(Diagnostic(message, at: range ?? sentence.range))
        failed.usedQuotation = quotation != nil && expectsWording
        return failed
    }

    /// Whether the instruction's form announces wording that follows it.
    var expectsWording: Bool {
        guard let (verb, _) = clause.verb, clause.attachments.isEmpty else { return false }
        switch verb {
        case .state: return true
        case .supplement: return clause.words.isEmpty
        default: return false
        }
    }

    // MARK: Targets

    /// The document the instruction addresses, its approved name, and the path its citations
    /// are read against.
    var addressed: (role: DocumentRole, title: String?, base: TargetPath) {
        let role = clause.document ?? scope.document
        let title = role == .approved ? (clause.approvedTitle ?? (role == scope.document ? scope.approvedTitle : nil)) : nil
        // A sentence that names its own document starts from the whole of it.
        let base = clause.document == nil || (clause.document == scope.document && clause.act == nil) ? scope.path : .whole
        return (role, title, base)
    }

    func edit(_ op: EditOperation, targets: [TargetPath]) -> Edit {
        let (role, title, _) = addressed
        var edit = Edit(op: op, scope: clause.wholeText ? .wholeText : .unit, act: clause.act ?? scope.act,
                        document: role, approvedTitle: title, targets: targets, source: sentence.range)
        if let quotation, expectsWording {
            edit.source = SourceRange(min(sentence.range.start, quotation.range.start), max(sentence.range.end, quotation.range.end))
        }
        return edit
    }

    /// Cited paths of the given roles, read against the scope (and the scope after them).
    func resolved(_ roles: [Role], _ result: inout Result) -> [TargetPath] {
        var paths: [TargetPath] = []
        let (_, _, base) = addressed
        let local = Scope(act: scope.act, document: scope.document, approvedTitle: scope.approvedTitle, path: base)
        for citation in clause.citations where roles.contains(citation.role) {
            for cited in citation.paths {
                let (path, kept) = local.resolve(cited)
                paths.append(path)
                if base == scope.path, kept < scope.path.steps.count {
                    result.scope.path = TargetPath(Array(scope.path.steps.prefix(kept)))
                }
            }
        }
        return paths
    }

    /// The units a word operation works in: cited locations, else cited subjects, else the scope.
    func wordTargets(_ result: inout Result) -> [TargetPath] {
        let paths = resolved([.location, .subject], &result)
        return paths.isEmpty ? [addressed.base] : paths
    }

    // MARK: Wording

    /// The wording of the quotation after the instruction (or inside it, after a colon).
    func wording(for targets: [TargetPath]) -> (text: String, payload: [Provision])? {
        guard let quotation = quotation ?? inlineQuotation() else { return nil }
        let paragraphs = quotation.unquoted(in: document.sourceMap)
        let text = paragraphs.map(\.text).joined(separator: "\n")
        var payload: [Provision] = []
        if let unit = targets.first?.last?.unit, let kind = ProvisionKind(unit) {
            payload = ParseFragment.parse(paragraphs, as: kind, numbers: targets.compactMap { $0.last?.num })
        }
        return (text, payload)
    }

    /// "… жазылсын: «…»;" on one line.
    func inlineQuotation() -> Quotation? {
        guard let (_, at) = clause.verb, sentence.lower(at + 1) == ":", sentence.kind(at + 2) == .quoteOpen else { return nil }
        let start = sentence.text.tokens[at + 2].units.lowerBound
        let paragraph = sentence.paragraph.slice(start..<sentence.paragraph.text.utf16.count, in: document.sourceMap)
        let closed = QuotedWordsReader(sentence: sentence, russian: clause.russian).closing(of: at + 2) != nil
        return Quotation(paragraphs: [paragraph], closed: closed)
    }

    /// Edits whose wording is an attachment of the amending act ("осы бұйрыққа 1-қосымшаға
    /// сәйкес"): one per target and attachment, paired in order.
    func fromAttachments(_ op: EditOperation, targets: [TargetPath], _ result: inout Result) -> Result {
        guard targets.count == clause.attachments.count || clause.attachments.count == 1 && targets.count == 1 else {
            return failed(result, .pairCountMismatch(left: targets.count, right: clause.attachments.count))
        }
        for (target, number) in zip(targets, clause.attachments) {
            let found = number.map { num in attachments.first { $0.num == num } }
                ?? (attachments.count == 1 ? attachments.first : nil)
            guard let attachment = found else { return failed(result, .missingAttachment(number: number)) }
            var edit = edit(op, targets: [target])
            edit.attachment = attachment.eId
            edit.newText = AttachmentText.text(of: attachment, in: document)
            edit.payload = [attachment]
            if op == .insert { edit.newNum = target.last?.num }
            result.edits.append(edit)
        }
        return result
    }

    // MARK: Operations

    /// "… мынадай редакцияда жазылсын:" / "… жаңа редакцияда жазылсын" / "изложить в … редакции".
    func state(_ result: inout Result) -> Result {
        var targets = resolved([.subject, .location], &result)
        if targets.isEmpty, clause.document != nil, clause.documentRole == .subject || clause.documentRole == .location {
            targets = [.whole]   // the approved Rules as a whole: "… қағидалар … жаңа редакцияда жазылсын"
        }
        guard !targets.isEmpty else { return failed(result, .missingTarget(operation: "replacing")) }
        if !clause.attachments.isEmpty { return fromAttachments(.replace, targets: targets, &result) }
        guard let (text, payload) = wording(for: targets) else { return failed(result, .missingPayload(operation: "replacing")) }
        if let quotation, !quotation.closed { return failed(result, .unclosedQuote, quotation.paragraphs[0].range) }
        var edit = edit(.replace, targets: targets)
        edit.newText = text
        edit.payload = payload
        result.edits.append(edit)
        result.usedQuotation = quotation != nil
        return result
    }

    /// "… мынадай мазмұндағы 13-1-тармақпен толықтырылсын:", "«X» деген сөздерден кейін «Y»
    /// деген сөздермен толықтырылсын", "«…» деген сөйлеммен толықтырылсын".
    func supplement(_ result: inout Result) -> Result {
        let newWords = clause.words(.new)
        if let new = newWords.first, new.unit == nil {
            // Words: after / before given words, or at the end of the unit.
            let after = clause.words(.after).flatMap(\.phrases)
            let before = clause.words(.before).flatMap(\.phrases)
            let phrases = newWords.flatMap(\.phrases)
            let anchors = after.isEmpty ? before : after
            let pairs: [(String?, String)]
            if anchors.isEmpty {
                pairs = phrases.map { (nil, $0) }
            } else if let paired = Self.pair(anchors, phrases) {
                pairs = paired.map { ($0.0, $0.1) }
            } else {
                return failed(result, .pairCountMismatch(left: anchors.count, right: phrases.count))
            }
            let targets = wordTargets(&result)
            for (anchor, phrase) in pairs {
                var edit = edit(.insertWords, targets: targets)
                edit.newWords = phrase
                if after.isEmpty { edit.beforeWords = anchor } else { edit.afterWords = anchor }
                result.edits.append(edit)
            }
            return result
        }
        if newWords.isEmpty, !clause.words.isEmpty {
            return failed(result, .instructionNotUnderstood(
                verb: clause.verb.map { sentence.normalized($0.at) } ?? "",
                reason: "quoted words are given but none says what to add (\"… деген сөздермен\")"))
        }
        // A unit: the new units, their container, and where they go.
        var container = resolved([.subject, .location], &result)
        if container.isEmpty { container = [addressed.base] }
        let anchorsAfter = resolved([.after], &result)
        let anchorsBefore = resolved([.before], &result)
        var newPaths: [TargetPath] = []
        if let new = newWords.first, let unit = new.unit {
            newPaths = [TargetPath([TargetStep(unit, nil)])]
        }
        for citation in clause.citations where citation.role == .new {
            newPaths += citation.paths
        }
        guard !newPaths.isEmpty else { return failed(result, .missingTarget(operation: "supplementing")) }
        let outer = container[0]
        let targets = newPaths.map { Scope(path: outer).resolve($0).path }
        var position: InsertPosition?
        if let anchor = anchorsAfter.first {
            position = InsertPosition(.after, Scope(path: outer).resolve(anchor).path)
        } else if let anchor = anchorsBefore.first {
            position = InsertPosition(.before, Scope(path: outer).resolve(anchor).path)
        } else if let first = targets.first {
            position = Self.inferredPosition(of: first)
        }
        if !clause.attachments.isEmpty {
            var attached = fromAttachments(.insert, targets: targets, &result)
            for index in attached.edits.indices { attached.edits[index].position = position }
            return attached
        }
        var edit = edit(.insert, targets: targets)
        edit.newNum = targets.first?.last?.num
        edit.position = position
        if let new = newWords.first, new.unit != nil {
            edit.newText = new.phrases.joined(separator: "\n")
        } else {
            guard let (text, payload) = wording(for: targets) else { return failed(result, .missingPayload(operation: "supplementing")) }
            if let quotation, !quotation.closed { return failed(result, .unclosedQuote, quotation.paragraphs[0].range) }
            edit.newText = text
            edit.payload = payload
            result.usedQuotation = quotation != nil
        }
        result.edits.append(edit)
        return result
    }

    /// Where a new unit goes when the instruction does not say: "13-1" after "13", "5-2" after
    /// "5-1", "25" after "24"; a unit without a number at the end of its container.
    static func inferredPosition(of path: TargetPath) -> InsertPosition {
        guard let last = path.last, let num = last.num else { return InsertPosition(.end, path.parent) }
        var parts = num.split(separator: "-").map(String.init)
        guard let tail = parts.last.flatMap(Int.init) else { return InsertPosition(.end, path.parent) }
        if tail > 1 {
            parts[parts.count - 1] = String(tail - 1)
        } else if parts.count > 1 {
            parts.removeLast()   // "13-1" goes after "13"
        } else {
            return InsertPosition(.end, path.parent)   // a first unit: at the start of an empty container
        }
        return InsertPosition(.after, path.parent.appending(TargetStep(last.unit, parts.joined(separator: "-"))))
    }

    /// "… алып тасталсын" / "исключить": units, or words.
    func strike(_ result: inout Result) -> Result {
        let words = clause.words(.subject) + clause.words(.location)
        if !words.isEmpty {
            let targets = wordTargets(&result)
            for phrase in words.flatMap(\.phrases) {
                var edit = edit(.deleteWords, targets: targets)
                edit.oldWords = phrase
                result.edits.append(edit)
            }
            return result
        }
        let targets = resolved([.subject], &result)
        guard !targets.isEmpty else { return failed(result, .missingTarget(operation: "striking out")) }
        result.edits.append(edit(.delete, targets: targets))
        return result
    }

    /// "«X» деген сөздер «Y» деген сөздермен ауыстырылсын" (also "тиісінше" lists).
    func substitute(_ result: inout Result) -> Result {
        let old = (clause.words(.subject) + clause.words(.location)).flatMap(\.phrases)
        let new = clause.words(.new).flatMap(\.phrases)
        guard !old.isEmpty, !new.isEmpty else { return failed(result, .missingWords(operation: "replacing words")) }
        guard let pairs = Self.pair(old, new) else {
            return failed(result, .pairCountMismatch(left: old.count, right: new.count))
        }
        let targets = wordTargets(&result)
        for (from, to) in pairs {
            var edit = edit(.replaceWords, targets: targets)
            edit.oldWords = from
            edit.newWords = to
            result.edits.append(edit)
        }
        return result
    }

    /// Lists paired in order ("«A», «B» … тиісінше «C», «D»": A→C, B→D), or every item of the
    /// first with the only item of the second; nil when they do not pair.
    static func pair(_ left: [String], _ right: [String]) -> [(String, String)]? {
        if left.count == right.count { return Array(zip(left, right)) }
        if right.count == 1 { return left.map { ($0, right[0]) } }
        return nil
    }

    /// "… күші жойылды деп танылсын" / "… күші жойылсын": an act, or units of one.
    func repeal(_ result: inout Result) -> Result {
        let targets = resolved([.subject, .location], &result)
        if !targets.isEmpty {
            result.edits.append(edit(.delete, targets: targets))
            return result
        }
        guard clause.act != nil || clause.document == .self || scope.act != nil else {
            return failed(result, .missingTarget(operation: "repealing"))
        }
        var edit = edit(.repealAct, targets: [.whole])
        edit.document = .self
        edit.approvedTitle = nil
        result.edits.append(edit)
        return result
    }
}

extension ProvisionKind {
    /// The provision kind a cited unit parses as, for the structural units.
    init?(_ unit: UnitKind) {
        switch unit {
        case .section: self = .section
        case .chapter: self = .chapter
        case .paragraphSign: self = .paragraphSign
        case .article: self = .article
        case .paragraph: self = .paragraph
        case .subparagraph: self = .subparagraph
        case .part: self = .part
        default: return nil
        }
    }
}

/// The text of an attachment of the amending act that is a new edition of something: its
/// paragraphs after the header line that ties it to the order ("№ 130 бұйрығына 1-қосымша").
enum AttachmentText {
    static func text(of attachment: Provision, in document: Document) -> String {
        let paragraphs = document.paragraphs.filter {
            $0.range.start >= attachment.range.start && $0.range.start < attachment.range.end
        }
        let anchor = paragraphs.prefix(10).lastIndex { AttachmentHeader.isOrderAnchor($0.text) }
        let body = anchor.map { paragraphs[($0 + 1)...] } ?? paragraphs[...]
        return body.map(\.text).joined(separator: "\n")
    }
}
