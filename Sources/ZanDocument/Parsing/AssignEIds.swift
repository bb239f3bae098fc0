/// Gives every addressable node an eId built from visible numbers (README documents the scheme):
/// `para_13`, `para_13-1`, `para_14__subpara_2`, `para_4__part_2`, `chp_2`, `att_1`,
/// `att_1__chp_2__para_9__subpara_1`, `att_1__app_1`, `att_2__table_1__row_8`, `para_1__qstr_3`.
/// Subpoints and parts hang off their point's eId, whatever part holds a subpoint.
enum AssignEIds {
    static func run(_ root: Provision) -> Provision {
        var root = root
        root.children = assign(root.children, parent: nil, point: nil)
        return root
    }

    static let prefixes: [ProvisionKind: String] = [
        .section: "sec", .chapter: "chp", .paragraphSign: "subsec", .article: "art",
        .paragraph: "para", .attachment: "att", .appendix: "app", .table: "table", .row: "row",
    ]

    private static func assign(_ nodes: [Provision], parent: String?, point: String?) -> [Provision] {
        var quotations = 0
        return nodes.map { node in
            var node = node
            let base = parent.map { $0 + "__" } ?? ""
            switch node.kind {
            case .preamble:
                node.eId = "preamble"
            case .subparagraph:
                if let num = node.num { node.eId = (point.map { $0 + "__" } ?? base) + "subpara_" + num }
            case .part:
                if let num = node.num, let point { node.eId = point + "__part_" + num }
            case .quotation:
                quotations += 1
                node.eId = base + "qstr_" + String(quotations)
            case .form:
                node.eId = base + "form"
            case .signature, .approval, .document:
                node.eId = nil
            default:
                if let prefix = prefixes[node.kind], let num = node.num { node.eId = base + prefix + "_" + num }
            }
            let isPoint = node.kind == .paragraph || node.kind == .article
            let childPoint = isPoint ? node.eId : (node.kind == .part ? point : (node.kind == .subparagraph ? point : nil))
            node.children = assign(node.children, parent: node.eId ?? parent, point: childPoint)
            return node
        }
    }
}
