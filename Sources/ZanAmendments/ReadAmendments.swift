import ZanDocument
import ZanText

/// The amending act's own identity, from its header sentence.
public struct ActIdentity: Hashable, Sendable {
    public var id: String?
    public var title: String?
    public var date: CivilDate?
    public var number: String?
    public var registration: String?
}

/// How every instruction sentence ended: as edits or as an error saying why not.
public struct Coverage: Hashable, Sendable {
    /// Sentences with an instruction verb (жазылсын, толықтырылсын, алып тасталсын …).
    public var instructionSentences = 0
    /// Edits made.
    public var edits = 0
    /// Instruction sentences that gave an error instead of edits.
    public var diagnosed = 0
    /// Instruction sentences that gave at least one edit.
    public var understood = 0

    public init(instructionSentences: Int = 0, edits: Int = 0, diagnosed: Int = 0, understood: Int = 0) {
        self.instructionSentences = instructionSentences
        self.edits = edits
        self.diagnosed = diagnosed
        self.understood = understood
    }

    /// True when every instruction sentence ended as edits or as an error.
    public var isComplete: Bool { understood + diagnosed == instructionSentences }
}

/// What an amending act changes: its edits in order, when it comes into force, and everything
/// noticed on the way.
public struct Amendments: Sendable {
    public let source: SourceFile
    /// The amending act, when the input has its header (nil for a fragment).
    public var act: ActIdentity?
    public var edits: [Edit]
    public var effective: EntryIntoForce?
    /// Reading repairs and instruction findings, sorted by location.
    public var diagnostics: [Diagnostic]
    public var coverage: Coverage
}

/// Reads the instructions of an amending act (a whole order or a fragment of instructions) into
/// edits. Never throws: every instruction sentence becomes edits or an error diagnostic at its
/// location; editorial past-tense forms become notes.
public struct AmendmentReader: Sendable {
    public init() {}

    public func read(_ file: SourceFile) -> Amendments {
        read(DocumentParser().parse(file))
    }

    public func read(_ document: Document) -> Amendments {
        var state = ReadState(document: document)
        state.run()
        var act: ActIdentity?
        if document.metadata.date != nil || document.metadata.number != nil {
            let metadata = document.metadata
            act = ActIdentity(id: metadata.id, title: document.title, date: metadata.date, number: metadata.number,
                              registration: metadata.registrationNumber)
        }
        // The amendments stage reports unclosed quotes itself, with what they cost.
        let inherited = document.diagnostics.filter { $0.id != DocumentDiagnostic.unclosedQuotation.id }
        state.coverage.edits = state.edits.count
        return Amendments(source: document.source, act: act, edits: state.edits, effective: state.effective,
                          diagnostics: (inherited + state.diagnostics).sortedByLocation(), coverage: state.coverage)
    }
}

/// One pass over the instruction stream.
struct ReadState {
    let document: Document
    var scope = Scope()
    var edits: [Edit] = []
    var effective: EntryIntoForce?
    var diagnostics: [Diagnostic] = []
    var coverage = Coverage()

    init(document: Document) {
        self.document = document
    }

    mutating func run() {
        let attachments = document.root.children.filter { $0.kind == .attachment }
        process(InstructionStream.build(document), attachments: attachments)
        // A decree often approves its amendments as an attachment ("Қоса беріліп отырған …
        // енгізілетін өзгерістер бекітілсін"): attachments that are not new wording and that
        // carry instructions are read as instructions too.
        let used = Set(edits.compactMap(\.attachment))
        for attachment in attachments where !used.contains(attachment.eId ?? "") {
            let items = InstructionStream.build(document, attachment: attachment)
            guard !items.isEmpty else { continue }
            scope = Scope()
            process(items, attachments: [])
        }
        effective = combine(entryRules)
        crossCheckEffective()
        if effective == nil, document.isOrder, !edits.isEmpty {
            diagnostics.append(Diagnostic(AmendmentDiagnostic.noEntryIntoForce, at: nil))
        }
    }

    var entryRules: [(EntryIntoForce, [TargetPath])] = []

    /// Reads a stream of instruction paragraphs and quotations, in order.
    mutating func process(_ items: [StreamItem], attachments: [Provision]) {
        var index = 0
        while index < items.count {
            defer { index += 1 }
            guard case .sentences(let sentences) = items[index] else {
                if case .quotation(let quotation) = items[index] {
                    diagnostics.append(Diagnostic(quotation.closed ? AmendmentDiagnostic.unattachedQuotation : .unclosedQuote,
                                                  at: quotation.paragraphs[0].range))
                }
                continue
            }
            for (position, sentence) in sentences.enumerated() {
                if sentence.opensPoint {
                    scope = Scope()   // a new point of the amending order starts afresh
                }
                if ReadEntryIntoForce.isClause(sentence) {
                    if let read = ReadEntryIntoForce(sentence: sentence).read() {
                        entryRules.append((read.rule, read.subject))
                    } else {
                        diagnostics.append(Diagnostic(AmendmentDiagnostic.entryIntoForceNotUnderstood, at: sentence.range))
                    }
                    continue
                }
                // Prose (no instruction verb, no lead-in colon) needs no clause reading: only the
                // check for an editorial note. Most sentences of a rules text are prose.
                if Verb.find(in: sentence) == nil, sentence.lower(sentence.tokens.upperBound - 1) != ":" {
                    if let past = Verb.editorialForm(in: sentence) {
                        diagnostics.append(Diagnostic(AmendmentDiagnostic.editorialForm(word: sentence.normalized(past)),
                                                      at: sentence.range(of: past..<past + 1)))
                    }
                    continue
                }
                let clause = ReadClause(sentence: sentence).read()
                guard let (verb, verbAt) = clause.verb, verb != .amend else {
                    if let past = Verb.editorialForm(in: sentence) {
                        diagnostics.append(Diagnostic(AmendmentDiagnostic.editorialForm(word: sentence.normalized(past)),
                                                      at: sentence.range(of: past..<past + 1)))
                    } else if clause.verb != nil || sentence.lower(sentence.tokens.upperBound - 1) == ":" {
                        leadIn(clause, sentence)
                    }
                    continue
                }
                coverage.instructionSentences += 1
                let isLast = position == sentences.count - 1
                var quotation: Quotation?
                if isLast, index + 1 < items.count, case .quotation(let next) = items[index + 1] { quotation = next }
                let assemble = AssembleEdits(clause: clause, sentence: sentence, scope: scope, quotation: quotation,
                                             attachments: attachments, document: document)
                let result = assemble.run()
                edits += result.edits
                diagnostics += result.diagnostics
                scope = result.scope
                if result.usedQuotation { index += 1 }
                if result.edits.isEmpty {
                    coverage.diagnosed += 1
                    if result.diagnostics.allSatisfy({ $0.severity != .error }) {
                        diagnostics.append(Diagnostic(AmendmentDiagnostic.instructionNotUnderstood(
                            verb: sentence.normalized(verbAt), reason: "no edit could be formed"), at: sentence.range))
                    }
                } else {
                    coverage.understood += 1
                }
            }
        }
    }

    /// A line ending in ":" (or naming an act to amend): it sets the scope of what follows.
    mutating func leadIn(_ clause: Clause, _ sentence: Sentence) {
        if let act = clause.act {
            scope = Scope(act: act)
        }
        if let role = clause.document, clause.act == nil {
            scope.document = role
            scope.approvedTitle = role == .approved ? clause.approvedTitle : nil
            scope.path = .whole
            if role == .approved, let named = clause.approvedTitle, let title = scope.act?.title,
               !TitleMatch.matches(named, title) {
                diagnostics.append(Diagnostic(AmendmentDiagnostic.approvedTitleMismatch(named: named, act: title),
                                              at: sentence.range))
            }
        }
        for citation in clause.citations where citation.role == .location || citation.role == .subject {
            if let path = citation.paths.first { scope.path = scope.resolve(path).path }
        }
    }

    /// The act's rule with its exceptions' own rules filled in from the sentences about them.
    func combine(_ rules: [(EntryIntoForce, [TargetPath])]) -> EntryIntoForce? {
        guard var main = rules.first(where: { $0.1.isEmpty })?.0 ?? rules.first?.0 else { return nil }
        for (rule, subject) in rules where !subject.isEmpty && rule != main {
            if let index = main.exceptions.firstIndex(where: { $0.targets == subject }) {
                if main.exceptions[index].rule == nil { main.exceptions[index].rule = rule }
            } else {
                main.exceptions.append(EntryIntoForce.Exception(targets: subject, rule: rule, range: rule.range))
            }
        }
        return main
    }

    /// The adilet editorial note ("Осы бұйрық 12.07.2026 ж. бастап қолданысқа енгізіледі")
    /// is a cross-check of the clause, never its source.
    mutating func crossCheckEffective() {
        for note in document.notes {
            let lines = Set(note.text.split(separator: "\n").map(String.init))
            for paragraph in document.paragraphs where paragraph.range.start >= note.range.start && lines.contains(paragraph.text) {
                for sentence in Sentence.split(paragraph, in: document.sourceMap) where ReadEntryIntoForce.isClause(sentence) {
                    guard let noted = ReadEntryIntoForce(sentence: sentence).read()?.rule, let effective,
                          noted.kind == .fixed, effective.kind == .fixed, noted.date != effective.date else { continue }
                    diagnostics.append(Diagnostic(AmendmentDiagnostic.entryIntoForceNoteMismatch(
                        note: noted.date?.description ?? "?", clause: effective.date?.description ?? "?"), at: sentence.range))
                }
            }
        }
    }
}
