import ZanAmendments
import ZanDocument
import ZanText
import ZanTimeline

/// References to other units: internal ("осы Қағидалардың 25-тармағына", "Қағидаларға
/// 1-қосымшаға сәйкес", "пунктом 25 настоящих Правил"), resolved to the eIds of the same version;
/// and external (a law's article and point, another order), with the act's adilet id when the
/// reference says enough to build it (date and number, or the registration number).
///
/// Reading a paragraph gives the cited units; `resolve` places them in a version: `resolved`,
/// `dangling` (the unit does not exist, or is struck out, in that version — a consistency
/// warning after an amendment), `not_in_corpus` (the text where it would be is unknown), or
/// `external`.
enum ReferenceFacts {
    static func read(_ text: TokenizedText) -> [FoundFact] {
        TextReferences.find(inTokens: text).compactMap { reference in
            guard let tokens = tokenRange(of: reference.range, in: text) else { return nil }
            var fields: FactFields = ["cites": .array(reference.paths.map { .string($0.description) })]
            if reference.inInstruction, reference.owner == .same {
                fields.merge(amended)
                return FoundFact(kind: .reference, tokens: tokens, fields: fields, paths: reference.paths)
            }
            switch reference.owner {
            case .same, .thisAct, .enclosing:
                fields["scope"] = .string("internal")
                fields["in_act"] = .bool(reference.owner == .thisAct)
                if case .enclosing(let unit) = reference.owner { fields["within"] = .string(unit.rawValue) }
            case .act(let act):
                fields["scope"] = .string("external")
                fields["act"] = .string(act.kind?.rawValue)
                fields["title"] = .string(act.title)
                fields["work"] = .string(act.id)
                fields["status"] = .string("external")
            case .document(let title):
                fields["scope"] = .string("external")
                fields["act"] = .string("document")
                fields["title"] = .string(title)
                fields["work"] = .null
                fields["status"] = .string("external")
            }
            return FoundFact(kind: .reference, tokens: tokens, fields: fields, paths: reference.paths)
        }
    }

    /// The fields of a reference to units of the act an instruction amends (or of the wording
    /// it quotes): another act, resolved by the timeline, not in this text.
    static let amended: FactFields = [
        "scope": .string("external"), "act": .string("amended"), "title": .null, "work": .null, "status": .string("external"),
    ]

    /// Where each unit an internal reference cites is in `root`: read in the document the
    /// citing unit stands in (its attachment — the approved Rules), in the act itself for "осы
    /// бұйрықтың …" and for units of the act's body, or in the citing unit's own point for
    /// "осы тармақтың …".
    static func resolutions(of fact: Fact, in version: Resolver) -> [Resolution] {
        var base: String?
        if case .string(let unit)? = fact.fields["within"] {
            guard let enclosing = enclosing(fact.eId, unit) else { return fact.paths.map { _ in .missing } }
            base = enclosing
        } else if fact.fields["in_act"] != .bool(true), fact.eId.hasPrefix("att_") {
            base = EId.outermost(of: fact.eId)
        }
        return fact.paths.map { version.resolve($0, in: base) }
    }

    /// The eId of the unit of kind `unit` ("paragraph") that holds the unit `eId`, itself included.
    static func enclosing(_ eId: String, _ unit: String) -> String? {
        let prefixes = ["paragraph": "para_", "subparagraph": "subpara_", "part": "part_", "article": "art_",
                        "chapter": "chp_", "section": "sec_", "appendix": "app_"]
        guard let prefix = prefixes[unit] else { return nil }
        // The steps joined again give the eId's prefix up to that step (they were cut at "__").
        let steps = EId.steps(of: eId)
        guard let last = steps.lastIndex(where: { $0.hasPrefixBytes(prefix) }) else { return nil }
        return steps[...last].joined(separator: "__")
    }

    /// The tokens covering a byte range.
    static func tokenRange(of range: SourceRange, in text: TokenizedText) -> Range<Int>? {
        guard let first = text.tokens.firstIndex(where: { $0.range.end > range.start }),
              let last = text.tokens.lastIndex(where: { $0.range.start < range.end }), first <= last else { return nil }
        return first..<last + 1
    }

    /// Places an internal reference in `root`: each cited unit's eId (null when it has none in
    /// this version) and the reference's status.
    /// `amending`: the version is of an act that amends another (its attachments are wording of
    /// the amended document).
    static func resolve(_ fact: inout Fact, in version: Resolver, amending: Bool) {
        guard fact.fields["scope"] == .string("internal") else { return }
        // Wording quoted by an amending act, or attached to it, is the amended document's: so
        // are its references.
        if fact.eId.containsBytes("qstr_") || (amending && fact.eId.hasPrefix("att_")), fact.fields["in_act"] != .bool(true) {
            fact.fields["in_act"] = nil
            fact.fields["within"] = nil
            fact.fields.merge(amended)
            return
        }
        // Read in the document the unit stands in: its attachment (the approved Rules), or the
        // act itself for "осы бұйрықтың …" and for units of the act's body.
        var targets: [JSON] = []
        var dangling = false, notInCorpus = false
        for resolution in resolutions(of: fact, in: version) {
            switch resolution {
            case .found(let eId), .within(let eId):
                targets.append(.string(eId))
            case .struck(let eId):
                targets.append(.string(eId))
                dangling = true
            case .missing:
                targets.append(.null)
                dangling = true
            case .notInCorpus:
                targets.append(.null)
                notInCorpus = true
            }
        }
        // The worst of the cited units: a dangling one makes the reference dangling.
        let status = dangling ? "dangling" : notInCorpus ? "not_in_corpus" : "resolved"
        fact.fields.merge(["status": .string(status), "targets": .array(targets)])
    }
}
