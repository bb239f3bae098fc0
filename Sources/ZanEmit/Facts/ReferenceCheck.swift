import ZanDocument
import ZanText
import ZanTimeline

/// The catalogue of diagnostics about the facts of consolidated versions (`facts.<name>`).
public enum FactsDiagnostic: DiagnosticMessage, Hashable {
    /// An internal reference whose cited unit does not exist, or is struck out, in a version:
    /// typically left dangling by an amendment that renumbered or deleted the unit.
    case danglingReference(unit: String, words: String, missing: [String], struck: [String], from: String)

    public var id: DiagnosticID {
        switch self {
        case .danglingReference: DiagnosticID(domain: "facts", name: "dangling-reference")
        }
    }

    public var severity: Severity { .warning }

    public var message: String {
        switch self {
        case let .danglingReference(unit, words, missing, struck, from):
            "\(unit) refers («\(words)») to "
                + [missing.isEmpty ? nil : missing.joined(separator: ", ") + (missing.count == 1 ? ", which does not exist" : ", which do not exist"),
                   struck.isEmpty ? nil : struck.joined(separator: ", ") + (struck.count == 1 ? ", which is struck out" : ", which are struck out")]
                    .compactMap { $0 }.joined(separator: ", and ")
                + " in the version in force from \(from)"
        }
    }
}

/// Consistency of a work's versions after consolidation: every internal reference that dangles
/// is a warning, once (at the first version where it dangles), located where the citing unit's
/// wording comes from. References into text the corpus does not hold are not warnings: their
/// status says "not_in_corpus".
public enum ReferenceCheck {
    /// The warnings for `facts` of `version`; `reported` keeps what earlier versions reported.
    /// Files are named as provenances name them, under `corpus` when given.
    public static func findings(_ facts: [Fact], of version: Version, work: String, corpus: String? = nil,
                                reported: inout Set<String>) -> [Finding] {
        var findings: [Finding] = []
        let resolver = Resolver(version.root)
        for fact in facts where fact.kind == .reference && fact.fields["status"] == .string("dangling") {
            guard reported.insert(fact.id + "\u{0}" + fact.source).inserted else { continue }
            var missing: [String] = []
            var struck: [String] = []
            for (path, resolution) in zip(fact.paths, ReferenceFacts.resolutions(of: fact, in: resolver)) {
                switch resolution {
                case .missing: missing.append(path.description)
                case .struck(let eId):
                    let by = version.root.find(eId: eId)?.provenance.map { " (by \($0.act))" } ?? ""
                    struck.append(path.description + by)
                case .found, .within, .notInCorpus: continue
                }
            }
            let diagnostic = Diagnostic(FactsDiagnostic.danglingReference(
                unit: fact.eId, words: fact.source, missing: missing, struck: struck, from: version.from.date.description), at: nil)
            let provenance = provenance(of: fact.eId, in: version.root)
            let path = provenance.map { file in corpus.map { $0 + "/" + file.file } ?? file.file }
            findings.append(Finding(file: nil, diagnostic: diagnostic, work: work, path: path, position: provenance?.start))
        }
        return findings
    }

    /// The provenance of a unit's wording: its own, or the nearest unit above it that has one.
    static func provenance(of eId: String, in root: RuleNode) -> Provenance? {
        for unit in EId.prefixes(of: eId).reversed() {
            if let provenance = root.find(eId: unit)?.provenance { return provenance }
        }
        return root.provenance
    }
}
