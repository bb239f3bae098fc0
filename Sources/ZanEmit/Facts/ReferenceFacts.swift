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
        resolutionsAndBase(of: fact, in: version).resolutions
    }

    /// `resolutions(of:in:)`, and the eId of the unit they were read in (nil: the act).
    private static func resolutionsAndBase(of fact: Fact, in version: Resolver) -> (resolutions: [Resolution], base: String?) {
        var base: String?
        if case .string(let unit)? = fact.fields["within"] {
            guard let enclosing = enclosing(fact.eId, unit) else { return (fact.paths.map { _ in .missing }, nil) }
            base = enclosing
        } else if fact.fields["in_act"] != .bool(true), fact.eId.hasPrefix("att_") {
            base = EId.outermost(of: fact.eId)
        }
        return (fact.paths.map { version.resolve($0, in: base) }, base)
    }

    /// What resolving references read of a version's tree, when a later version with the same
    /// shape there resolves them alike (`ShapeChanges`): the numbers of the units they cite,
    /// and the eIds of the units they were read in and found. Empty for references that read
    /// nothing of the tree (wording of the amended act).
    struct Reads {
        var nums: [String] = []
        var eIds: [String] = []
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
    /// Returns what the resolution read of the tree (`Reads`), or nil when it read more than
    /// that: a unit cited without a number, or one not found (whether it may be hidden reads
    /// every container it could be in).
    static func resolve(_ fact: inout Fact, in version: Resolver, amending: Bool) -> Reads? {
        guard fact.fields["scope"] == .string("internal") else { return Reads() }
        // Wording quoted by an amending act, or attached to it, is the amended document's: so
        // are its references.
        if fact.eId.containsBytes("qstr_") || (amending && fact.eId.hasPrefix("att_")), fact.fields["in_act"] != .bool(true) {
            fact.fields["in_act"] = nil
            fact.fields["within"] = nil
            fact.fields.merge(amended)
            return Reads()
        }
        // Read in the document the unit stands in: its attachment (the approved Rules), or the
        // act itself for "осы бұйрықтың …" and for units of the act's body.
        var targets: [JSON] = []
        var dangling = false, notInCorpus = false
        let (resolutions, base) = resolutionsAndBase(of: fact, in: version)
        var reads: Reads? = Reads(eIds: base.map { [$0] } ?? [])
        for path in fact.paths {
            for step in path.steps {
                if let num = step.num { reads?.nums.append(num) } else { reads = nil }
            }
        }
        for resolution in resolutions {
            switch resolution {
            case .found(let eId), .within(let eId):
                targets.append(.string(eId))
                reads?.eIds.append(eId)
            case .struck(let eId):
                targets.append(.string(eId))
                reads?.eIds.append(eId)
                dangling = true
            case .missing:
                targets.append(.null)
                dangling = true
                reads = nil
            case .notInCorpus:
                targets.append(.null)
                notInCorpus = true
                reads = nil
            }
        }
        // The worst of the cited units: a dangling one makes the reference dangling.
        let status = dangling ? "dangling" : notInCorpus ? "not_in_corpus" : "resolved"
        fact.fields.merge(["status": .string(status), "targets": .array(targets)])
        return reads
    }
}
