import Testing
import ZanAmendments
import ZanText
@testable import ZanTimeline

@Suite("Provenance: one reference, compared member by member")
struct ProvenanceTests {
    static func make(act: String = "V2600000001", point: String? = "para_1", op: EditOperation? = .replace,
                     file: String = "V2600000001/kaz.txt", start: LineColumn = LineColumn(line: 3, column: 1),
                     end: LineColumn = LineColumn(line: 4, column: 9),
                     effective: EffectiveDate? = EffectiveDate(date("2026-07-12"), basis: "fixed date")) -> Provenance {
        Provenance(act: act, point: point, op: op, file: file, start: start, end: end, effective: effective)
    }

    @Test("equal when they are one, or when every member is; a provenance differing in any one member is another")
    func equality() {
        let provenance = Self.make()
        let copy = provenance
        #expect(copy == provenance)
        // Made apart, with the same members: equal, the same hash.
        #expect(Self.make() == provenance && Self.make().hashValue == provenance.hashValue)
        #expect(provenance.act == "V2600000001" && provenance.point == "para_1" && provenance.op == .replace
                && provenance.file == "V2600000001/kaz.txt" && provenance.start == LineColumn(line: 3, column: 1)
                && provenance.end == LineColumn(line: 4, column: 9) && provenance.effective?.basis == "fixed date")
        let others: [(String, Provenance)] = [
            ("act", Self.make(act: "V2600000002")), ("point", Self.make(point: nil)), ("op", Self.make(op: .delete)),
            ("file", Self.make(file: "V2600000001/rus.txt")), ("start", Self.make(start: LineColumn(line: 3, column: 2))),
            ("end", Self.make(end: LineColumn(line: 5, column: 9))), ("effective", Self.make(effective: nil)),
        ]
        for (member, other) in others {
            #expect(other != provenance, "\(member)")
            #expect(Optional(other) != Optional(provenance), "\(member), as a unit holds it")
        }
        // A member added to Provenance must be compared and hashed too.
        #expect(Set(Mirror(reflecting: provenance.storedMembers).children.compactMap(\.label)) == Set(others.map(\.0)))
    }
}
