import ZanAmendments
import ZanDocument
import ZanText

/// One corpus document read for the timeline: its tree, its edits planned with their dates and
/// provenance, the work it is, and the works it names.
///
/// Neither the parsed `Document` (its paragraphs, their map to the file, its provisions) nor the
/// `Amendments` read from it (which hold the file) are kept: a build holds the documents it
/// read until their works are rendered. Measured on a full build of 1,000 generated works,
/// without the `Document` it peaked at 701 MB, not 796 MB; without the `Amendments`, at 437 MB,
/// not 501 MB. The file stays only with what cites it (the planned edits, the findings).
public struct ReadAct: Sendable {
    public let id: String
    /// The document's title, as its header gives it.
    public let title: String?
    /// The document's own tree, every unit with the provenance of its place in the file.
    public let tree: RuleNode
    /// How many instruction sentences the document has, and how many became edits.
    public let coverage: Coverage
    /// The work the document itself is.
    public let work: Work
    /// Stubs for the works its edits target, from the references (title, date, number, id).
    public let referenced: [Work]
    public let planned: [PlannedEdit]
    /// The amending stage's diagnostics and the edits that could not be planned.
    public let findings: [Finding]
    /// The file, relative to the corpus ("V2600038247/kaz.txt").
    public let relativePath: String

    /// The ids of the works the document's edits change.
    public let targets: Set<String>

    /// A corpus document and its content (`read(_:)` reads it when `Corpus.load` did not).
    public init(_ entry: CorpusDocument, _ content: CorpusDocument.Content) {
        let document = DocumentParser().parse(content.file)
        let amendments = AmendmentReader().read(document)
        self.init(id: entry.id, relativePath: entry.relativePath, published: content.meta.published,
                  document: document, amendments: amendments)
    }

    /// A corpus document, read now if `Corpus.load` did not (nil, with findings, when it can no
    /// longer be read).
    public static func read(_ entry: CorpusDocument) -> (ReadAct?, [Finding]) {
        let (loaded, findings) = entry.loaded()
        guard let loaded, let content = loaded.content else { return (nil, findings) }
        return (ReadAct(loaded, content), findings)
    }

    /// A document read from memory under `id` (as if it were `corpus/<id>/kaz.txt`).
    public init(id: String, file: SourceFile, published: CivilDate? = nil) {
        let document = DocumentParser().parse(file)
        self.init(id: id, relativePath: id + "/" + Corpus.textFile, published: published, document: document,
                  amendments: AmendmentReader().read(document))
    }

    init(id: String, relativePath: String, published: CivilDate?, document: Document, amendments: Amendments) {
        self.id = id
        title = document.title
        tree = Self.tree(of: document, id: id, relativePath: relativePath)
        coverage = amendments.coverage
        self.relativePath = relativePath
        let file = document.source
        var findings = amendments.diagnostics.map { Finding(file: file, diagnostic: $0, work: id) }
        let metadata = document.metadata
        if let header = metadata.id, header != id {
            findings.append(Finding(file: file, diagnostic: Diagnostic(CorpusDiagnostic.idMismatch(folder: id, header: header), at: nil),
                                    work: id))
        }
        let dates = EffectiveDates(clause: amendments.effective, metadata: metadata, published: published, act: id)
        var existsFrom = dates.main
        if existsFrom == nil, let date = metadata.registrationDate ?? metadata.date {
            existsFrom = EffectiveDate(date, provisional: true,
                                       basis: "entry into force not stated; earliest possible: \(metadata.registrationDate == nil ? "adoption" : "registration") on \(date)")
        }
        work = Work(id: id, kind: metadata.kind, title: document.title, date: metadata.date, number: metadata.number,
                    registration: metadata.registrationNumber, inCorpus: true, existsFrom: existsFrom)
        var referenced: [String: Work] = [:]
        var planned: [PlannedEdit] = []
        let points = PointIndex(document.root)
        for (index, edit) in amendments.edits.enumerated() {
            guard let reference = edit.act, let target = reference.id else {
                findings.append(Finding(file: file, diagnostic: Diagnostic(TimelineDiagnostic.unidentifiedAct, at: edit.source), work: id))
                continue
            }
            guard target != id else {
                findings.append(Finding(file: file, diagnostic: Diagnostic(TimelineDiagnostic.selfAmendment(act: id), at: edit.source), work: id))
                continue
            }
            let point = points.point(containing: edit.source.start)
            let indent = points.topLevel(containing: edit.source.start).map { point in
                document.paragraphs.filter { $0.range.start >= point.range.start && $0.range.start <= edit.source.start }.count
            }
            guard let effective = dates.effective(forPoint: point?.steps ?? [], indent: indent) else {
                findings.append(Finding(file: file, diagnostic: Diagnostic(TimelineDiagnostic.noEffectiveDate(act: id), at: edit.source),
                                        work: target))
                continue
            }
            if referenced[target] == nil, target != id, let date = reference.date {
                referenced[target] = Work(
                    id: target, kind: reference.kind?.rawValue, title: reference.title, date: date, number: reference.number,
                    registration: reference.registration, inCorpus: false,
                    existsFrom: EffectiveDate(date, provisional: true,
                                              basis: "adopted on \(date); its entry into force is not in the corpus"))
            }
            let start = file.lineColumn(at: edit.source.start), end = file.lineColumn(at: edit.source.end)
            let provenance = Provenance(act: id, point: point?.eId, op: edit.op, file: relativePath,
                                        start: start, end: end, effective: effective)
            var attachment: RuleNode?
            if let eId = edit.attachment, let provision = document.root.find(eId: eId) {
                attachment = RuleNode(provision, provenance: provenance)
            }
            planned.append(PlannedEdit(edit: edit, work: target, act: id, actDate: metadata.date, index: index,
                                       effective: effective, provenance: provenance, attachment: attachment, file: file))
        }
        self.referenced = referenced.keys.sorted().compactMap { referenced[$0] }
        self.planned = planned
        self.targets = Set(planned.map(\.work))
        self.findings = findings
    }

    /// The tree of a parsed document, every unit with the provenance of its place in the file.
    static func tree(of document: Document, id: String, relativePath: String) -> RuleNode {
        let file = document.source
        func convert(_ provision: Provision) -> RuleNode {
            let start = file.lineColumn(at: provision.range.start), end = file.lineColumn(at: provision.range.end)
            let provenance = Provenance(act: id, file: relativePath, start: start, end: end)
            return RuleNode(kind: provision.kind, num: provision.num, eId: provision.eId, heading: provision.heading,
                            text: provision.content.map(\.text), children: provision.children.map(convert),
                            provenance: provenance)
        }
        var root = convert(document.root)
        root.heading = root.heading ?? document.title
        return root
    }
}

/// The points of an act, to say which one holds an instruction.
struct PointIndex {
    struct Point {
        let eId: String
        /// The point as a citation path of the act ("paragraph 1 › subparagraph 3").
        let steps: [TargetStep]
        let range: SourceRange
    }

    private var points: [Point] = []

    init(_ root: Provision) {
        // A point runs until the next unit at its level starts (its own range may stop at its
        // last quotation, before the instructions that follow it).
        func walk(_ node: Provision, _ steps: [TargetStep], end: Int) {
            let children = node.children.filter { $0.kind != .quotation }.sorted { $0.range.start < $1.range.start }
            for (index, child) in children.enumerated() {
                let childEnd = index + 1 < children.count ? children[index + 1].range.start : max(end, child.range.end)
                var steps = steps
                switch child.kind {
                case .paragraph: steps.append(TargetStep(.paragraph, child.num))
                case .subparagraph: steps.append(TargetStep(.subparagraph, child.num))
                case .attachment: steps.append(TargetStep(.appendix, child.num))
                default: break
                }
                if [.paragraph, .subparagraph].contains(child.kind), let eId = child.eId {
                    points.append(Point(eId: eId, steps: steps, range: SourceRange(child.range.start, max(childEnd, child.range.start))))
                }
                walk(child, steps, end: childEnd)
            }
        }
        walk(root, [], end: root.range.end)
    }

    /// The outermost point whose range holds `offset`.
    func topLevel(containing offset: Int) -> Point? {
        points.filter { $0.range.start <= offset && offset < max($0.range.end, $0.range.start + 1) }
            .min { $0.steps.count < $1.steps.count }
    }

    /// The innermost point whose range holds `offset`.
    func point(containing offset: Int) -> Point? {
        points.filter { $0.range.start <= offset && offset < max($0.range.end, $0.range.start + 1) }
            .max { $0.steps.count < $1.steps.count }
    }
}
