import ZanText
import ZanTimeline

extension WorkDiff {
    /// The diff for a terminal or a file: a header (the versions compared, the acts between
    /// them, a count of changes by kind), then each change with its provenance and either the
    /// redlined wording or its two sides, and "⋯ unchanged" lines between changes.
    ///
    /// Plain text marks deletions `[-like this-]` and insertions `{+like this+}` (as `git diff
    /// --word-diff`); `colored` uses red and green instead, for a terminal.
    public func text(colored: Bool = false) -> String {
        var out = "\(work.id)" + (work.title.map { " — " + $0 } ?? "") + "\n"
        out += "from \(oldDate): version \(Self.interval(old))\n"
        out += "to   \(newDate): version \(Self.interval(new))\n"
        if let order { out += "order: \(order)\n" }
        out += "amended by: " + (amendedBy.isEmpty ? "nothing (the same version)" : amendedBy.joined(separator: ", ")) + "\n"
        out += summaryLine + "\n"
        if !valueChanges.isEmpty {
            out += "\nrule values changed\n"
            for change in valueChanges {
                out += "  \(change.unit.label) [\(change.after.eId)]: \(change.after.kind.rawValue) "
                    + "\(ValueChange.describe(change.before)) → \(ValueChange.describe(change.after))\n"
                out += "    before: «\(change.before.source)» (\(change.before.eId))\n"
                out += "    after:  «\(change.after.source)»\n"
                if let provenance = change.provenance { out += "    " + Self.byLine(provenance) + "\n" }
            }
        }
        var part: String?? = .none
        for entry in entries {
            if part != .some(entry.part) {
                part = .some(entry.part)
                out += "\n" + partTitle(entry.part) + "\n"
            }
            switch entry {
            case .unchanged(let units):
                out += "  ⋯ unchanged: \(Self.list(units.map(\.label)))\n"
            case .change(let change):
                out += "\n" + Self.text(change, colored: colored)
            }
        }
        return out
    }

    /// "12 changed, 1 added, 2 unchanged" (kinds with none left out), or "no changes".
    public var summaryLine: String {
        let changes = changes
        var parts = ProvisionChange.Kind.allCases.compactMap { kind -> String? in
            let count = changes.count { $0.kind == kind }
            return count == 0 ? nil : "\(count) \(kind.rawValue)"
        }
        let unknown = changes.count { $0.before == .notInCorpus }
        if unknown > 0 { parts.append("\(unknown) with no earlier text in the corpus") }
        if !valueChanges.isEmpty { parts.append("\(valueChanges.count) rule value\(valueChanges.count == 1 ? "" : "s") changed") }
        if parts.isEmpty { parts.append("no changes") }
        parts.append("\(unchanged.count) unchanged")
        return parts.joined(separator: ", ")
    }

    /// The heading of a part of the work: "attachment 1 (att_1) — <its heading>", or the act itself.
    public func partTitle(_ part: String?) -> String {
        guard let part else { return "the act itself" }
        let attachment = new.root.children.first { $0.eId == part } ?? old.root.children.first { $0.eId == part }
        let name = attachment.map { "attachment \($0.num ?? "")" } ?? part
        return "\(name) (\(part))" + (attachment?.heading.map { " — " + $0 } ?? "")
    }

    static func text(_ change: ProvisionChange, colored: Bool) -> String {
        let mark = switch change.kind {
        case .added: "+"
        case .removed: "-"
        case .repealed: "×"
        case .changed: "~"
        case .restated: "="
        case .moved: "→"
        }
        var out = "\(mark) \(change.unit.label)"
        if let old = change.oldUnit { out += " (was \(old.label)\(old.part != change.unit.part ? " in \(old.part ?? "the act")" : ""))" }
        out += " — \(change.kind.rawValue)"
        if let eId = change.unit.eId { out += "  [\(eId)]" }
        out += "\n"
        for provenance in change.provenance { out += "  " + byLine(provenance) + "\n" }
        if change.kind == .restated {
            out += "  set again in the same words\n"
        } else if let words = change.words {
            out += indent(redline(words, colored: colored), "    ") + "\n"
        } else {
            out += "  before:" + side(change.before) + "\n"
            out += "  after:" + side(change.after) + "\n"
        }
        return out
    }

    /// "by V2600038247 para_1 (replace), in force 2026-07-12 — V2600038247/kaz.txt:39:1–41:272".
    static func byLine(_ provenance: Provenance) -> String {
        let parts = ProvenanceParts(provenance)
        return "by \(parts.act)\(parts.detail)" + (parts.when.map { ", " + $0 } ?? "") + " — \(parts.location)"
    }

    /// A provenance in words, for each format to set: the act, the point and operation, when it
    /// took effect ("in force from D at the earliest (provisional: basis)" when provisional), and
    /// where the instruction is.
    struct ProvenanceParts {
        let act: String
        /// " para_1 (replace)".
        let detail: String
        let when: String?
        let provisional: Bool
        /// "V2600038247/kaz.txt:39:1–41:272".
        let location: String

        init(_ provenance: Provenance) {
            act = provenance.act
            detail = (provenance.point.map { " " + $0 } ?? "") + (provenance.op.map { " (\($0.rawValue))" } ?? "")
            when = provenance.effective.map { effective in
                effective.provisional
                    ? "in force from \(effective.date) at the earliest (provisional: \(effective.basis))"
                    : "in force \(effective.date)"
            }
            provisional = provenance.effective?.provisional == true
            location = "\(provenance.file):\(provenance.start)–\(provenance.end)"
        }
    }

    static func side(_ side: DiffSide) -> String {
        switch side {
        case .absent: " —"
        case .notInCorpus: " not in corpus"
        case .repealed: " struck out"
        case .text(let lines, let complete):
            (complete ? "" : " (partly not in corpus)") + "\n" + indent(lines.joined(separator: "\n"), "    ")
        }
    }

    static func redline(_ segments: [WordDiff.Segment], colored: Bool) -> String {
        segments.map { segment in
            switch (segment.op, colored) {
            case (.equal, _): segment.text
            case (.delete, false): "[-" + segment.text + "-]"
            case (.insert, false): "{+" + segment.text + "+}"
            case (.delete, true): "\u{1B}[9;31m" + segment.text + "\u{1B}[0m"
            case (.insert, true): "\u{1B}[4;32m" + segment.text + "\u{1B}[0m"
            }
        }.joined()
    }

    static func indent(_ text: String, _ prefix: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }.joined(separator: "\n")
    }

    /// "[2025-04-15, 2026-07-12)", with "(provisional)" after a provisional bound.
    static func interval(_ version: Version) -> String {
        func bound(_ date: EffectiveDate) -> String { "\(date.date)" + (date.provisional ? " (provisional)" : "") }
        return "[\(bound(version.from)), \(version.to.map(bound) ?? "…"))"
    }

    /// A list of labels, the middle elided past a dozen.
    static func list(_ labels: [String]) -> String {
        guard labels.count > 12 else { return labels.joined(separator: ", ") }
        return labels.prefix(6).joined(separator: ", ") + ", … " + labels.suffix(3).joined(separator: ", ")
            + " (\(labels.count) in all)"
    }
}
