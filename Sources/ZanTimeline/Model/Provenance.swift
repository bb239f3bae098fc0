import ZanAmendments
import ZanText

/// Where a unit's wording comes from: the act, the point of it that holds the instruction (or,
/// for text read from the corpus as it stands, the unit itself), and the exact place in the file.
public struct Provenance: Hashable, Sendable {
    /// The act's id ("V2600038247").
    public var act: String
    /// The eId of the act's point holding the instruction ("para_1__subpara_2"); nil for text
    /// read as it stands in the act's own file.
    public var point: String?
    /// The operation that set the wording; nil for text read as it stands.
    public var op: EditOperation?
    /// The file, relative to the corpus ("V2600038247/kaz.txt").
    public var file: String
    /// The instruction's (or the unit's) range, 1-based lines, columns in characters.
    public var start: Position
    public var end: Position
    /// When the wording took effect in this work (the instruction's entry into force); nil for
    /// text read as it stands.
    public var effective: EffectiveDate?

    /// A 1-based line and column (columns in characters).
    public typealias Position = LineColumn

    public init(act: String, point: String? = nil, op: EditOperation? = nil, file: String,
                start: Position, end: Position, effective: EffectiveDate? = nil) {
        self.act = act
        self.point = point
        self.op = op
        self.file = file
        self.start = start
        self.end = end
        self.effective = effective
    }

    /// "V2600038247 para_1 (replace) V2600038247/kaz.txt:39:1": one line for a person.
    public var summary: String {
        var out = act
        if let point { out += " " + point }
        if let op { out += " (\(op.rawValue))" }
        return out + " " + file + ":" + start.description
    }
}
