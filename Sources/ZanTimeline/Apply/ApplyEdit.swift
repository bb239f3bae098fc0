import Foundation
import ZanAmendments
import ZanDocument
import ZanText

/// An edit ready to apply: what it does, when, and where it came from.
public struct PlannedEdit: Sendable {
    public var edit: Edit
    /// The amended work's id.
    public var work: String
    /// The amending act's id, its date, and the edit's position in it (the order ties are
    /// broken in: act date, act id, position).
    public var act: String
    public var actDate: CivilDate?
    public var index: Int
    public var effective: EffectiveDate
    public var provenance: Provenance
    /// For wording that is an attachment of the amending act, that attachment.
    public var attachment: RuleNode?
    /// The amending act's file, for locating findings.
    public var file: SourceFile
}

/// A work's tree as edits are applied to it, in effective order. Each operation reports what it
/// could not do as diagnostics at the instruction: each target of an edit is applied whole or
/// reported, never changed halfway.
struct WorkState {
    var root: RuleNode
    var work: Work
    /// Set once the work is repealed.
    var repealed: Work.Repeal?
    /// Whether an attachment's heading and an approved document's title an edit gives name
    /// the same document (`TitleMatch`), by heading and title: each of a work's instructions
    /// names the approved document, most the same one, and comparing the two took some
    /// 16,000 instructions each time.
    private var sameTitle: [TitlePair: Bool] = [:]

    private struct TitlePair: Hashable {
        let heading: LexiconWord
        let title: LexiconWord
    }

    init(root: RuleNode, work: Work) {
        self.root = root
        self.work = work
    }

    /// Applies one edit; returns what went wrong, located at the instruction.
    mutating func apply(_ planned: PlannedEdit) -> [Diagnostic] {
        let edit = planned.edit
        var out: [Diagnostic] = []
        func report(_ message: TimelineDiagnostic) { out.append(Diagnostic(message, at: edit.source)) }
        if let repealed {
            report(.repealedTarget(unit: work.id, since: "from \(repealed.from) by \(repealed.by)"))
            return out
        }
        if let exists = work.existsFrom, planned.effective.date < exists.date {
            report(.beforeExistence(work: work.id, effective: planned.effective.description, exists: "from \(exists)"))
            return out
        }
        if edit.op == .repealAct {
            repealed = Work.Repeal(from: planned.effective, by: planned.act)
            return out
        }
        guard let base = documentPath(edit, &out) else { return out }
        let label = edit.document == .approved ? "the approved document of \(work.id)" : work.id
        switch edit.op {
        case .replace:
            replace(planned, base: base, label: label, report)
        case .insert:
            insert(planned, base: base, label: label, report)
        case .delete:
            for target in edit.targets { strike(target, planned, base: base, label: label, report) }
        case .replaceWords, .insertWords, .deleteWords:
            editWords(planned, base: base, label: label, report)
        case .repealAct:
            break
        }
        return out
    }

    // MARK: The document an edit addresses

    /// The path of the document the edit addresses: the work itself, or the document it
    /// approves (its attachment, matched by title; created as unknown when the corpus does not
    /// hold the work).
    mutating func documentPath(_ edit: Edit, _ out: inout [Diagnostic]) -> NodePath? {
        guard edit.document == .approved else { return [] }
        let attachments = root.children.indices.filter { root.children[$0].kind == .attachment }
        if let title = edit.approvedTitle {
            for index in attachments {
                guard let heading = root.children[index].heading else { continue }
                let pair = TitlePair(heading: LexiconWord(heading), title: LexiconWord(title))
                let same = sameTitle[pair] ?? TitleMatch.matches(heading, title)
                sameTitle[pair] = same
                if same { return [index] }
            }
        }
        if !root.partial && !root.unknown {
            if attachments.count == 1 { return [attachments[0]] }
            out.append(Diagnostic(TimelineDiagnostic.approvedDocumentNotFound(title: edit.approvedTitle ?? "(untitled)", work: work.id),
                                  at: edit.source))
            return nil
        }
        // Not in the corpus: the order's first attachment, or the next one for a second title.
        if attachments.count == 1, root.children[attachments[0]].heading == nil || edit.approvedTitle == nil {
            return [attachments[0]]
        }
        let num = String(attachments.count + 1)
        var node = RuleNode.unknown(.attachment, num: num, eId: EId.make(kind: .attachment, num: num, parent: nil, point: nil))
        node.heading = edit.approvedTitle
        let index = Locate.insertionIndex(of: .attachment, num: num, among: root.children)
        root.children.insert(node, at: index)
        return [index]
    }

    // MARK: Units

    /// "… мынадай редакцияда жазылсын": each target takes its new wording, subtree and all.
    mutating func replace(_ planned: PlannedEdit, base: NodePath, label: String, _ report: (TimelineDiagnostic) -> Void) {
        let edit = planned.edit
        let wordings = newWording(planned)
        for (offset, target) in edit.targets.enumerated() {
            if target.last?.unit == .title {
                guard let path = titleOwner(target, base: base, label: label, report) else { continue }
                root[path].heading = edit.newText
                continue
            }
            guard let path = reach(target, base: base, label: label, creating: true, report) else { continue }
            if root[path].repealed {
                report(.repealedTarget(unit: target.description, since: "earlier"))
                continue
            }
            let old = root[path]
            let wording = wordings.first { $0.num != nil && $0.num == old.num && $0.kind == old.kind }
                ?? (offset < wordings.count ? wordings[offset] : nil)
            var node: RuleNode
            if let wording {
                node = wording
            } else if let text = edit.newText, wordings.isEmpty {
                node = RuleNode(kind: old.kind, text: text.components(separatedBy: "\n"))
            } else {
                report(.unsupportedTarget(unit: target.description, operation: "replacing (no wording for it)"))
                continue
            }
            node.kind = old.kind
            node.num = old.num
            node.unknown = false
            node.partial = false
            node.repealed = false
            node = node.stamped(planned.provenance)
            root[path] = readdress(node, at: path)
        }
    }

    /// "… мынадай мазмұндағы 13-1-тармақпен толықтырылсын": a new unit where the instruction
    /// says, or in natural number order.
    mutating func insert(_ planned: PlannedEdit, base: NodePath, label: String, _ report: (TimelineDiagnostic) -> Void) {
        let edit = planned.edit
        let wordings = newWording(planned)
        for (offset, target) in edit.targets.enumerated() {
            guard let last = target.last else {
                report(.unsupportedTarget(unit: "the whole document", operation: "inserting"))
                continue
            }
            guard let parent = reach(target.parent, base: base, label: label, creating: true, report) else { continue }
            guard let kind = Locate.kind(of: last.unit, in: root[parent].kind) else {
                report(.unsupportedTarget(unit: target.description, operation: "inserting"))
                continue
            }
            if last.num != nil, Locate.child(kind, last.num, in: root[parent]) != nil {
                report(.unitExists(unit: "\(target) of \(label)"))
                continue
            }
            var node = wordings.first { $0.num == last.num } ?? (offset < wordings.count ? wordings[offset] : nil)
                ?? RuleNode(kind: kind, text: (edit.newText ?? "").components(separatedBy: "\n"))
            node.kind = kind
            node.num = last.num ?? node.num
            node = node.stamped(planned.provenance)
            let (container, index) = Locate.placement(of: kind, num: node.num, in: root, under: parent, position: edit.position)
            root[container].children.insert(node, at: index)
            root[container + [index]] = readdress(node, at: container + [index])
        }
    }

    /// "… алып тасталсын": the unit keeps its slot as a struck-out stub with the provenance of
    /// the deletion. A unit of a text not in the corpus is recorded as struck out all the same.
    mutating func strike(_ target: TargetPath, _ planned: PlannedEdit, base: NodePath, label: String,
                         _ report: (TimelineDiagnostic) -> Void) {
        if target.last?.unit == .title {
            if let path = titleOwner(target, base: base, label: label, report) { root[path].heading = nil }
            return
        }
        guard let path = reach(target, base: base, label: label, creating: true, report) else { return }
        if root[path].repealed {
            report(.repealedTarget(unit: target.description, since: "earlier"))
            return
        }
        var node = root[path]
        node.text = []
        node.children = []
        node.heading = nil
        node.unknown = false
        node.partial = false
        node.repealed = true
        node.provenance = planned.provenance
        root[path] = node
    }

    // MARK: Words

    /// Word operations act on the known text of each target (with "бүкіл мәтін бойынша", on
    /// every known unit of it). Unknown text stays unknown: a word edit cannot be applied to it.
    mutating func editWords(_ planned: PlannedEdit, base: NodePath, label: String, _ report: (TimelineDiagnostic) -> Void) {
        let edit = planned.edit
        for target in edit.targets {
            let titleOnly = target.last?.unit == .title
            let path: NodePath?
            if titleOnly {
                path = titleOwner(target, base: base, label: label, report)
            } else {
                // In a text not wholly in the corpus the cited unit is made (unknown) so that the
                // version records that this act amended it, even though its words cannot be edited.
                path = reach(target, base: base, label: label, creating: !target.steps.isEmpty, report)
            }
            guard let path else { continue }
            var node = root[path]
            if node.repealed {
                report(.repealedTarget(unit: target.description, since: "earlier"))
                continue
            }
            var rewrite = WordRewrite(edit: edit, provenance: planned.provenance)
            if edit.op == .insertWords, edit.afterWords == nil, edit.beforeWords == nil, !titleOnly {
                // No anchor: the words go at the end of the unit's own text.
                if node.unknown || node.text.isEmpty {
                    report(.baseUnknown(unit: "\(target) of \(label)", work: work.id))
                    if node.unknown, !target.steps.isEmpty {
                        node.provenance = planned.provenance
                        root[path] = node
                    }
                    continue
                }
                node.text[node.text.count - 1] = rewrite.apply(node.text[node.text.count - 1]) ?? node.text[node.text.count - 1]
                node.provenance = planned.provenance
            } else if titleOnly {
                if let heading = node.heading, let changed = rewrite.apply(heading) {
                    node.heading = changed
                    node.provenance = planned.provenance
                }
            } else {
                node = rewrite.walk(node, headings: edit.scope == .wholeText)
            }
            let unit = target.steps.isEmpty ? label : "\(target) of \(label)"
            if rewrite.count == 0 {
                if rewrite.sawUnknown || (titleOnly && node.heading == nil && node.unknown) {
                    report(.baseUnknown(unit: unit, work: work.id))
                    if node.unknown, !titleOnly, !target.steps.isEmpty, edit.scope != .wholeText {
                        // Still unknown, but amended here: the provenance says by whom and when.
                        node.provenance = planned.provenance
                        root[path] = node
                    }
                } else {
                    report(.wordsNotFound(words: rewrite.needle, unit: unit))
                }
                continue
            }
            root[path] = node
        }
    }

    // MARK: Reaching units

    /// The path of a cited unit: found, or (with `creating`, in a text not wholly in the corpus)
    /// created as unknown. Reports a unit missing from a text the corpus holds completely, and
    /// (without `creating`) a unit whose text is not in the corpus.
    mutating func reach(_ target: TargetPath, base: NodePath, label: String, creating: Bool,
                        _ report: (TimelineDiagnostic) -> Void) -> NodePath? {
        switch Locate.locate(target.steps, in: root, from: base) {
        case .found(let path):
            return path
        case .belowStructure(let step):
            report(.unsupportedTarget(unit: "\(step) (\(target))", operation: "acting on"))
            return nil
        case .missing(_, _, let unknown):
            if !unknown {
                report(.targetNotFound(unit: target.description, work: label))
                return nil
            }
            if !creating {
                report(.baseUnknown(unit: target.description, work: label))
                return nil
            }
            return Locate.make(target.steps, in: &root, from: base)
        }
    }

    /// The unit whose heading a title citation names ("2-тараудың атауы", or the document's).
    mutating func titleOwner(_ target: TargetPath, base: NodePath, label: String,
                             _ report: (TimelineDiagnostic) -> Void) -> NodePath? {
        reach(target.parent, base: base, label: label, creating: true, report)
    }

    /// The wording of a replacement or insertion as units: the parsed payload, or the amending
    /// act's attachment.
    func newWording(_ planned: PlannedEdit) -> [RuleNode] {
        if let attachment = planned.attachment {
            var node = attachment
            node.kind = .attachment
            return [node]
        }
        return planned.edit.payload.map { RuleNode($0, provenance: planned.provenance) }
    }

    /// A subtree with eIds rebuilt for the place it is put.
    func readdress(_ node: RuleNode, at path: NodePath) -> RuleNode {
        let context = Locate.addressContext(of: Array(path.dropLast()), in: root)
        return node.readdressed(parent: context.parent, point: context.point)
    }
}

/// Applies one word operation to text, counting what it changed and noticing unknown text.
struct WordRewrite {
    let edit: Edit
    let provenance: Provenance
    private(set) var count = 0
    private(set) var sawUnknown = false

    init(edit: Edit, provenance: Provenance) {
        self.edit = edit
        self.provenance = provenance
    }

    /// The words looked for.
    var needle: String { edit.oldWords ?? edit.afterWords ?? edit.beforeWords ?? "" }

    /// The node with the operation applied to its known text and its descendants'; every unit
    /// that changed takes the edit's provenance.
    mutating func walk(_ node: RuleNode, headings: Bool) -> RuleNode {
        var node = node
        if node.unknown || node.partial { sawUnknown = true }
        if node.repealed { return node }
        var changed = false
        node.text = node.text.map { paragraph in
            guard let new = apply(paragraph) else { return paragraph }
            changed = true
            return new
        }
        if headings, let heading = node.heading, let new = apply(heading) {
            node.heading = new
            changed = true
        }
        node.children = node.children.map { walk($0, headings: headings) }
        if changed { node.provenance = provenance }
        return node
    }

    /// The text with every occurrence changed, or nil when the words are not in it.
    mutating func apply(_ text: String) -> String? {
        // Compared as bytes (`containsBytes`, `replacingBytes`): the texts and the quoted words
        // are NFC. Empty words occur nowhere.
        func occurs(_ words: String) -> Bool { !words.isEmpty && text.containsBytes(words) }
        switch edit.op {
        case .replaceWords:
            guard let old = edit.oldWords, let new = edit.newWords, occurs(old) else { return nil }
            count += 1
            return text.replacingBytes(of: old, with: new)
        case .deleteWords:
            guard let old = edit.oldWords, occurs(old) else { return nil }
            count += 1
            return Self.tidy(text.replacingBytes(of: old, with: ""))
        case .insertWords:
            guard let new = edit.newWords else { return nil }
            let glue = new.first.map { ",;.:)".contains($0) } ?? false ? "" : " "
            if let after = edit.afterWords {
                guard occurs(after) else { return nil }
                count += 1
                return text.replacingBytes(of: after, with: after + glue + new)
            }
            if let before = edit.beforeWords {
                guard occurs(before) else { return nil }
                count += 1
                return text.replacingBytes(of: before, with: new + " " + before)
            }
            count += 1
            return text + glue + new
        default:
            return nil
        }
    }

    /// Spaces left by struck-out words: doubled, or before punctuation.
    static func tidy(_ text: String) -> String {
        var out = text
        while out.containsBytes("  ") { out = out.replacingBytes(of: "  ", with: " ") }
        for mark in [",", ";", ".", ":", ")"] { out = out.replacingBytes(of: " " + mark, with: mark) }
        return out.trimmingCharacters(in: .whitespaces)
    }
}
