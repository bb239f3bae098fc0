/// Gives every addressable node an eId built from visible numbers (README documents the scheme):
/// `para_13`, `para_13-1`, `para_14__subpara_2`, `para_4__part_2`, `chp_2`, `att_1`,
/// `att_1__chp_2__para_9__subpara_1`, `att_1__app_1`, `att_2__table_1__row_8`, `para_1__qstr_3`.
/// Subpoints and parts hang off their point's eId, whatever part holds a subpoint.
enum AssignEIds {
    /// In place: the tree is not copied node by node (it is as large as the document's text).
    static func run(_ root: inout Provision) {
        assign(&root.children, parent: nil, point: nil)
    }

    /// The eId prefix of a numbered unit of `kind`, nil for the kinds `EId.make` names otherwise
    /// or not at all (a switch: a dictionary hashed the kind for every node of every tree).
    static func prefix(of kind: ProvisionKind) -> String? {
        switch kind {
        case .section: "sec"
        case .chapter: "chp"
        case .paragraphSign: "subsec"
        case .article: "art"
        case .paragraph: "para"
        case .attachment: "att"
        case .appendix: "app"
        case .table: "table"
        case .row: "row"
        case .document, .preamble, .subparagraph, .part, .quotation, .signature, .approval, .form: nil
        }
    }

    private static func assign(_ nodes: inout [Provision], parent: String?, point: String?) {
        var quotations = 0
        for index in nodes.indices {
            let kind = nodes[index].kind
            let eId: String?
            switch kind {
            case .quotation:
                quotations += 1
                eId = (parent.map { $0 + "__" } ?? "") + "qstr_" + String(quotations)
            case .form:
                eId = (parent.map { $0 + "__" } ?? "") + "form"
            default:
                eId = EId.make(kind: kind, num: nodes[index].num, parent: parent, point: point)
            }
            nodes[index].eId = eId
            assign(&nodes[index].children, parent: eId ?? parent, point: EId.point(under: kind, eId: eId, point: point))
        }
    }
}

/// The eId scheme (README): a unit's eId is its container's eId, "__", a prefix for its kind and
/// its visible number; subpoints and parts hang off their point's eId, whatever part holds them.
public enum EId {
    /// The eId of a unit of `kind` numbered `num` inside the unit whose eId is `parent`, under the
    /// point (or article) whose eId is `point`; nil for units that are not addressable or have no
    /// number.
    public static func make(kind: ProvisionKind, num: String?, parent: String?, point: String?) -> String? {
        let base = parent.map { $0 + "__" } ?? ""
        switch kind {
        case .preamble:
            return "preamble"
        case .subparagraph:
            guard let num else { return nil }
            return (point.map { $0 + "__" } ?? base) + "subpara_" + num
        case .part:
            guard let num, let point else { return nil }
            return point + "__part_" + num
        case .signature, .approval, .document, .quotation, .form:
            return nil
        default:
            guard let prefix = AssignEIds.prefix(of: kind), let num else { return nil }
            return base + prefix + "_" + num
        }
    }

    /// The point eId the children of a unit hang their subpoints and parts off: the unit's own
    /// for a point or article, the inherited one for a part or subpoint, none below anything else.
    public static func point(under kind: ProvisionKind, eId: String?, point: String?) -> String? {
        switch kind {
        case .paragraph, .article: eId
        case .part, .subparagraph: point
        default: nil
        }
    }

    /// The steps of an eId ("att_1__chp_2__para_9" → "att_1", "chp_2", "para_9"): the text
    /// between each "__", cut from the left as `components(separatedBy: "__")` cuts it. Read on
    /// the bytes: Foundation's `components` bridged every eId to an `NSString`, and the
    /// references of every version of a build ask it of their unit.
    public static func steps(of eId: String) -> [String] {
        cut(eId) { bytes, start, end in String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) }
    }

    /// The first step of an eId, the eId of the outermost unit that holds it ("att_1__chp_2"
    /// → "att_1"): `steps(of:)`'s first, without cutting the others.
    public static func outermost(of eId: String) -> String {
        var eId = eId
        return eId.withUTF8 { bytes in
            var index = 0
            while index + 1 < bytes.count, !(bytes[index] == 0x5F && bytes[index + 1] == 0x5F) { index += 1 }
            let end = index + 1 < bytes.count ? index : bytes.count
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
        }
    }

    /// The eIds of the units that hold `eId`, itself included, from the outermost
    /// ("att_1__chp_2" → "att_1", "att_1__chp_2").
    public static func prefixes(of eId: String) -> [String] {
        cut(eId) { bytes, _, end in String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self) }
    }

    /// `make(bytes, start, end)` for each step, `start..<end` its bytes in `eId`'s UTF-8.
    private static func cut(_ eId: String, _ make: (UnsafeBufferPointer<UInt8>, Int, Int) -> String) -> [String] {
        var eId = eId
        return eId.withUTF8 { bytes in
            var steps: [String] = []
            var start = 0, index = 0
            while index < bytes.count {
                if bytes[index] == 0x5F, index + 1 < bytes.count, bytes[index + 1] == 0x5F {  // "__"
                    steps.append(make(bytes, start, index))
                    index += 2
                    start = index
                } else {
                    index += 1
                }
            }
            steps.append(make(bytes, start, bytes.count))
            return steps
        }
    }
}
