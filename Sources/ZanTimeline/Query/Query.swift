import ZanAmendments
import ZanDocument
import ZanText

/// Which document of a work a citation is read in.
public enum DocumentChoice: String, Sendable, CaseIterable {
    /// The approved Rules when the work is an approving order (as amending orders address
    /// them), else the work itself.
    case auto
    /// The act's own text (its points, its attachments by number).
    case body
    /// The document the act approves.
    case rules
}

/// What a point-in-time question gets.
public enum Answer: Sendable {
    /// The unit, in the version in force on the date.
    case found(RuleNode, Version)
    /// The unit exists or may exist, but its text on that date is not in the corpus.
    case notInCorpus(String, Version?)
    /// Nothing is in force there on that date: the work or the unit does not exist yet, is
    /// repealed, or struck out.
    case notInForce(String, Version?)

    /// The CLI's exit status: 0 found, 3 not in corpus, 4 not in force.
    public var exitCode: Int32 {
        switch self {
        case .found: 0
        case .notInCorpus: 3
        case .notInForce: 4
        }
    }
}

/// Where a citation leads in one version's tree (`WorkHistory.place(of:in:version:)`).
public enum CitedPlace: Sendable {
    /// The unit at this path (child indices from the root).
    case unit([Int])
    /// No unit there: the answer says why.
    case noUnit(Answer)
}

/// A citation of a unit: an eId ("att_1__para_13") or units read by the amendment grammar.
public enum Citation: Sendable, CustomStringConvertible {
    case eId(String)
    case path(TargetPath)

    /// The citations `text` names: an eId as is, a Kazakh or Russian citation by the grammar
    /// ("9 және 10-тармақтар" names two); nil when it is neither.
    public static func parse(_ text: String) -> [Citation]? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }),
           trimmed.contains("_") || trimmed == "preamble" {
            return [.eId(trimmed)]
        }
        return CitationText.parse(trimmed).map { $0.map(Citation.path) }
    }

    public var description: String {
        switch self {
        case .eId(let eId): eId
        case .path(let path): path.description
        }
    }
}

extension WorkHistory {
    /// The version in force on `date`.
    public func version(at date: CivilDate) -> Version? {
        versions.first { $0.contains(date) }
    }

    /// Why no version is in force on `date` (an answer that is never `.found`).
    public func absence(at date: CivilDate) -> Answer {
        Self.absence(of: work, firstFrom: versions.first?.from, at: date)
    }

    /// Why no version of `work`, whose first version starts `firstFrom`, is in force on `date`.
    public static func absence(of work: Work, firstFrom: EffectiveDate?, at date: CivilDate) -> Answer {
        if let repeal = work.repealed, date >= repeal.from.date {
            return (.notInForce("\(work.id) is not in force on \(date): repealed from \(repeal.from) by \(repeal.by)", nil))
        }
        if let first = firstFrom, date < first.date {
            return (.notInForce("\(work.id) is not in force yet on \(date): \(first.provisional ? "from \(first.date) at the earliest" : "in force from \(first.date)") (\(first.basis))", nil))
        }
        return .notInForce("\(work.id) has no version on \(date)", nil)
    }

    /// True when the work approves a document and citations without a qualifier address it:
    /// its title says it approves ("… бекіту туралы", "Об утверждении …"), or the corpus knows it
    /// only through edits to the document it approves.
    public var isApproving: Bool {
        Self.isApproving(work) ?? Self.holdsAttachment(versions.last?.root)
    }

    /// What `isApproving` decides from the work alone; nil when it takes the last version's
    /// tree (`holdsAttachment`): a work not in the corpus whose title does not say.
    public static func isApproving(_ work: Work) -> Bool? {
        let title = (work.title ?? "").lowercased()
        if title.contains("бекіту туралы") || title.contains("об утверждении") { return true }
        return work.inCorpus ? false : nil
    }

    public static func holdsAttachment(_ root: RuleNode?) -> Bool {
        root?.children.contains { $0.kind == .attachment } == true
    }

    /// The unit `citation` names in the version in force on `date`.
    public func lookup(_ citation: Citation, in choice: DocumentChoice = .auto, at date: CivilDate) -> Answer {
        guard let version = version(at: date) else { return absence(at: date) }
        return lookup(citation, in: choice, version: version)
    }

    /// The unit `citation` names in `version`.
    public func lookup(_ citation: Citation, in choice: DocumentChoice, version: Version) -> Answer {
        switch place(of: citation, in: choice, version: version) {
        case .unit(let path): answer(citation, in: choice, node: version.root[path], version: version)
        case .noUnit(let answer): answer
        }
    }

    /// Where `citation` leads in `version`'s tree. Read from its structure alone (kinds,
    /// numbers, eIds, the partial and unknown flags), so a tree without text, headings or
    /// provenance (`RuleSetJSON.outline`) gives the same place.
    public func place(of citation: Citation, in choice: DocumentChoice, version: Version) -> CitedPlace {
        let root = version.root
        let unit = "\(citation) of \(work.id)"
        var path: NodePath?
        var hidden = false
        switch citation {
        case .eId(let eId):
            var prefix = eId
            while true {
                if let found = Self.path(ofEId: prefix, in: root) {
                    if prefix == eId { path = found } else { hidden = root[found].partial || root[found].unknown || Locate.mayHide(.paragraph, in: root[found]) }
                    break
                }
                guard let cut = prefix.range(of: "__", options: .backwards) else {
                    hidden = root.partial || root.unknown
                    break
                }
                prefix = String(prefix[..<cut.lowerBound])
            }
        case .path(let target):
            var base: NodePath = []
            if choice == .rules || (choice == .auto && isApproving) {
                guard let index = root.children.firstIndex(where: { $0.kind == .attachment }) else {
                    if root.partial || root.unknown {
                        return .noUnit(.notInCorpus(notInCorpusMessage(unit, citation, choice, version), version))
                    }
                    return .noUnit(.notInForce("\(work.id) has no approved document", version))
                }
                base = [index]
            }
            switch Locate.locate(target.steps, in: root, from: base) {
            case .found(let found): path = found
            case .missing(_, _, let unknown): hidden = unknown
            case .belowStructure(let step):
                return .noUnit(.notInForce("\(unit): \(step) is below the structure Zan keeps; cite the unit that holds it", version))
            }
        }
        guard let path else {
            if hidden { return .noUnit(.notInCorpus(notInCorpusMessage(unit, citation, choice, version), version)) }
            return .noUnit(.notInForce("\(unit) does not exist in the version in force from \(version.from)", version))
        }
        return .unit(path)
    }

    /// What `citation` gets when it leads to `node` in `version`: the unit, or why its text is
    /// not there (struck out, not in the corpus).
    public func answer(_ citation: Citation, in choice: DocumentChoice, node: RuleNode, version: Version) -> Answer {
        let unit = "\(citation) of \(work.id)"
        if node.repealed {
            return .notInForce("\(unit) is struck out (from \(node.provenance.map { "an edit by \($0.act)" } ?? "an earlier version"))", version)
        }
        if node.unknown {
            let known = node.children.compactMap(\.eId)
            var inside = known.isEmpty ? "" : "; the corpus has units inside it: " + known.joined(separator: ", ")
            if let provenance = node.provenance, let op = provenance.op {
                inside += "; amended by \(provenance.act) (\(op.rawValue))"
                    + (provenance.effective.map { " from \($0.provisional ? "\($0.date) at the earliest" : "\($0.date)")" } ?? "")
            }
            return .notInCorpus(notInCorpusMessage(unit, citation, choice, version) + inside, version)
        }
        return .found(node, version)
    }

    /// "… the text in force on D is not in the corpus; it has it from X, as set by Y".
    func notInCorpusMessage(_ unit: String, _ citation: Citation, _ choice: DocumentChoice, _ version: Version) -> String {
        var message = "\(unit): the text in force from \(version.from.date) is not in the corpus"
        for later in versions where later.from.date > version.from.date {
            if case .found(let node, _) = lookup(citation, in: choice, version: later) {
                message += "; the corpus has it from \(later.from)"
                if let act = node.provenance?.act { message += ", as set by \(act)" }
                break
            }
        }
        return message
    }

    static func path(ofEId eId: String, in root: RuleNode) -> NodePath? {
        if root.eId == eId { return [] }
        // Depth first, by index (no copy of each node), the path built on the way back.
        func find(_ children: [RuleNode]) -> [Int]? {
            for index in children.indices {
                if children[index].eId == eId { return [index] }
                if let found = find(children[index].children) { return found + [index] }
            }
            return nil
        }
        return find(root.children).map { Array($0.reversed()) }
    }

    /// Every distinct wording of the unit over time: runs of versions where it is the same,
    /// with the interval they cover. Versions where the text is not in the corpus are left out.
    public func history(of citation: Citation, in choice: DocumentChoice = .auto) -> [(from: EffectiveDate, to: EffectiveDate?, node: RuleNode)] {
        var runs: [(from: EffectiveDate, to: EffectiveDate?, node: RuleNode)] = []
        var previousFound = false
        for version in versions {
            var node: RuleNode?
            switch lookup(citation, in: choice, version: version) {
            case .found(let found, _): node = found
            case .notInForce: node = struck(citation, choice, version)   // a deletion is a version too
            case .notInCorpus: node = nil
            }
            guard let node else {
                previousFound = false
                continue
            }
            if previousFound, let last = runs.last, last.node == node {
                runs[runs.count - 1].to = version.to
            } else {
                runs.append((version.from, version.to, node))
            }
            previousFound = true
        }
        return runs
    }

    /// The struck-out stub a citation names, so a history shows the deletion.
    private func struck(_ citation: Citation, _ choice: DocumentChoice, _ version: Version) -> RuleNode? {
        let root = version.root
        switch citation {
        case .eId(let eId):
            return root.find(eId: eId).flatMap { $0.repealed ? $0 : nil }
        case .path(let target):
            var base: NodePath = []
            if choice == .rules || (choice == .auto && isApproving) {
                guard let index = root.children.firstIndex(where: { $0.kind == .attachment }) else { return nil }
                base = [index]
            }
            if case .found(let path) = Locate.locate(target.steps, in: root, from: base), root[path].repealed { return root[path] }
            return nil
        }
    }
}
