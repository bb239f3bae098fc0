import ZanAmendments
import ZanText

/// Where a unit's wording comes from: the act, the point of it that holds the instruction (or,
/// for text read from the corpus as it stands, the unit itself), and the exact place in the file.
public struct Provenance: Hashable, Sendable {
    /// The act's id ("V2600038247").
    public var act: String { storage.act }
    /// The eId of the act's point holding the instruction ("para_1__subpara_2"); nil for text
    /// read as it stands in the act's own file.
    public var point: String? { storage.point }
    /// The operation that set the wording; nil for text read as it stands.
    public var op: EditOperation? { storage.op }
    /// The file, relative to the corpus ("V2600038247/kaz.txt").
    public var file: String { storage.file }
    /// The instruction's (or the unit's) range, 1-based lines, columns in characters.
    public var start: Position { storage.start }
    public var end: Position { storage.end }
    /// When the wording took effect in this work (the instruction's entry into force); nil for
    /// text read as it stands.
    public var effective: EffectiveDate? { storage.effective }

    /// A 1-based line and column (columns in characters).
    public typealias Position = LineColumn

    /// The members, held once and never changed: a copy of a provenance is one reference, not
    /// four strings (every unit of every version has one, and versions are compared unit by
    /// unit), and two copies of one compare equal without reading their members.
    private final class Storage: Sendable {
        let act: String
        let point: String?
        let op: EditOperation?
        let file: String
        let start: Position
        let end: Position
        let effective: EffectiveDate?

        init(act: String, point: String?, op: EditOperation?, file: String, start: Position, end: Position,
             effective: EffectiveDate?) {
            self.act = act
            self.point = point
            self.op = op
            self.file = file
            self.start = start
            self.end = end
            self.effective = effective
        }
    }

    private let storage: Storage

    /// The members, held once (for a test that lists them).
    var storedMembers: AnyObject { storage }

    public init(act: String, point: String? = nil, op: EditOperation? = nil, file: String,
                start: Position, end: Position, effective: EffectiveDate? = nil) {
        storage = Storage(act: act, point: point, op: op, file: file, start: start, end: end, effective: effective)
    }

    public static func == (lhs: Provenance, rhs: Provenance) -> Bool {
        let a = lhs.storage, b = rhs.storage
        return a === b || a.start == b.start && a.end == b.end && a.op == b.op && a.act == b.act && a.point == b.point
            && a.file == b.file && a.effective == b.effective
    }

    public func hash(into hasher: inout Hasher) {
        let a = storage
        hasher.combine(a.act)
        hasher.combine(a.point)
        hasher.combine(a.op)
        hasher.combine(a.file)
        hasher.combine(a.start)
        hasher.combine(a.end)
        hasher.combine(a.effective)
    }

    /// "V2600038247 para_1 (replace) V2600038247/kaz.txt:39:1": one line for a person.
    public var summary: String {
        var out = act
        if let point { out += " " + point }
        if let op { out += " (\(op.rawValue))" }
        return out + " " + file + ":" + start.description
    }
}
