import Testing
import ZanEmit
import ZanText

@Suite("A fact's fields")
struct FactFieldsTests {
    @Test("kept in code point order however they are set; nil removes; setting again replaces in place")
    func order() {
        var fields: FactFields = ["value": .int(6), "anchor": .null, "unit": .string("working_day")]
        fields["digits"] = .int(6)
        fields["relation"] = .string("within")
        fields["Zeta"] = .bool(true)   // an upper-case letter sorts before the lower-case ones
        #expect(fields.keys == ["Zeta", "anchor", "digits", "relation", "unit", "value"])
        fields["value"] = .int(7)
        fields["anchor"] = nil
        fields["missing"] = nil
        #expect(fields.keys == ["Zeta", "digits", "relation", "unit", "value"])
        #expect(fields["value"] == .int(7) && fields["anchor"] == nil && fields["nothing"] == nil)
        #expect(fields.dictionary == ["Zeta": .bool(true), "digits": .int(6), "relation": .string("within"),
                                      "unit": .string("working_day"), "value": .int(7)])
    }

    @Test("equal when their fields are, whatever order they were set in; merge sets over; filter keeps the order")
    func equalityMergeFilter() {
        var a: FactFields = ["scope": .string("internal"), "cites": .array([.string("paragraph 25")])]
        let b: FactFields = ["cites": .array([.string("paragraph 25")]), "scope": .string("internal")]
        #expect(a == b && a.hashValue == b.hashValue)
        a["status"] = .string("resolved")
        #expect(a != b)
        a.merge(["status": .string("external"), "act": .string("amended")])
        #expect(a.keys == ["act", "cites", "scope", "status"] && a["status"] == .string("external"))
        #expect(a.filter { $0.key.hasPrefix("s") }.keys == ["scope", "status"])
        // Merged in one pass: into nothing, before, between and after, replacing in place.
        var merged = FactFields()
        merged.merge(["b": .int(1), "d": .int(2)])
        merged.merge(["a": .int(0), "c": .int(3), "d": .int(4), "e": .int(5)])
        merged.merge([:])
        #expect(merged.keys == ["a", "b", "c", "d", "e"] && merged["d"] == .int(4) && merged["b"] == .int(1))
        // A fact written to facts.json: the fields and the fact's members in one code point order.
        let fact = Fact(id: "para_1#reference-1", kind: .reference, eId: "para_1", paragraph: 0, span: 0..<2, source: "1)",
                        fields: a)
        #expect(fact.json.serialized() == #"{"act":"amended","cites":["paragraph 25"],"eId":"para_1","id":"para_1#reference-1","kind":"reference","last_paragraph":0,"notes":[],"paragraph":0,"scope":"internal","source":"1)","span":{"end":2,"start":0},"status":"external"}"#)
    }
}
