import Testing
@testable import ZanEmit
import ZanAmendments
import ZanText
import ZanTimeline

extension RunTable {
    /// The runs of entries that give `items` in their order, entries added for the items the
    /// table did not hold, each placed by equality and its key (what `WorkFacts` and
    /// `UnitTable` do with carried entries and units in place). Runs are inclusive and maximal.
    mutating func runs(of items: [Entry], key: (Entry) -> String) -> [ClosedRange<Int>] {
        var version = Placing()
        for item in items {
            place(&version, matching: { $0 == item }, key: { key(item) }, entry: { item })
        }
        return placed(version)
    }
}

extension RunTable where Entry == Fact {
    mutating func runs(of facts: [Fact]) -> [ClosedRange<Int>] { runs(of: facts, key: \.id) }
}

/// `FactTable`: a work's facts once each, and every version's facts as runs of its entries.
@Suite("The fact table of a work (facts.json) and its versions' runs")
struct FactTableTests {
    /// A duration fact of a point; `days` makes its value differ under the same id.
    static func fact(_ number: Int, days: Int = 5, eId: String? = nil) -> Fact {
        Fact(id: "\(eId ?? "att_1__para_\(number)")#duration-1", kind: .duration, eId: eId ?? "att_1__para_\(number)",
             paragraph: 0, lastParagraph: 0, span: 0..<8, source: "\(days) күн", fields: ["value": .int(days)])
    }

    @Test("two facts are equal when they are one, or when every member is: a fact differing in any one member is another")
    func equality() {
        let fact = Self.fact(1)
        var copy = fact
        #expect(copy == fact)
        copy.notes = []   // the same value written again: its own fields now, still equal
        #expect(copy == fact && copy.hashValue == fact.hashValue)
        let changes: [(String, (inout Fact) -> Void)] = [
            ("id", { $0.id += "x" }), ("kind", { $0.kind = .fee }), ("eId", { $0.eId = "para_9" }), ("paragraph", { $0.paragraph = 1 }),
            ("lastParagraph", { $0.lastParagraph = 1 }), ("span", { $0.span = 0..<9 }), ("source", { $0.source += " " }),
            ("fields", { $0.fields["value"] = .int(6) }), ("notes", { $0.notes = ["a note"] }),
            ("paths", { $0.paths = [TargetPath([TargetStep(.paragraph, "1")])] }),
        ]
        for (member, change) in changes {
            var changed = fact
            change(&changed)
            #expect(changed != fact, "\(member)")
            #expect(fact == Self.fact(1), "changing a copy leaves the fact as it was (\(member))")
        }
        // A member added to Fact must be compared by `Fields.same` too.
        #expect(Set(Mirror(reflecting: fact.storedFields).children.compactMap(\.label)) == Set(changes.map(\.0)))
    }

    @Test("runs are inclusive and maximal; a changed fact is a new entry; a fact changed back finds its old entry")
    func runs() {
        var table = FactTable()
        let first = (1...4).map { Self.fact($0) }
        #expect(table.runs(of: first) == [0...3])
        #expect(table.runs(of: first) == [0...3], "an unchanged version adds nothing")
        var second = first
        second[1] = Self.fact(2, days: 10)
        #expect(table.runs(of: second) == [0...0, 4...4, 2...3])
        #expect(table.entries.count == 5)
        // Point 3 struck out, point 5 inserted after point 4.
        let third = [first[0], second[1], first[3], Self.fact(5)]
        #expect(table.runs(of: third) == [0...0, 4...4, 3...3, 5...5])
        // Point 2 back to its first wording: the entry of that wording, not a new one.
        #expect(table.runs(of: first) == [0...3])
        #expect(table.entries.count == 6)
        #expect(table.runs(of: []) == [])
    }

    @Test("the facts a version's runs give are its facts; runs out of the table give nil")
    func facts() {
        let versions = [(1...3).map { Self.fact($0) }, [Self.fact(1, days: 7), Self.fact(3)], [Self.fact(3), Self.fact(1)]]
        var table = FactTable()
        for facts in versions {
            let runs = table.runs(of: facts)
            #expect(table.entries(runs) == facts)
        }
        #expect(table.entries == [Self.fact(1), Self.fact(2), Self.fact(3), Self.fact(1, days: 7)])
        var again = FactTable()
        for facts in versions { _ = again.runs(of: facts) }
        #expect(again.entries == table.entries, "the numbering depends on the versions' facts alone")
        #expect(table.entries([0...4]) == nil)
        #expect(table.entries([3...4]) == nil)
        #expect(table.entries([-1...0]) == nil)
        #expect(table.entries([3...3, 0...0]) == [Self.fact(1, days: 7), Self.fact(1)])
    }

    @Test("two units with one eId (so one fact id) and different facts keep an entry each")
    func sharedIDs() {
        var table = FactTable()
        let a = Self.fact(1, days: 5, eId: "att_1__para_1"), b = Self.fact(1, days: 9, eId: "att_1__para_1")
        #expect(table.runs(of: [a, b]) == [0...1])
        #expect(table.runs(of: [b, a]) == [1...1, 0...0])
        #expect(table.runs(of: [a, a]) == [0...0, 0...0])
        #expect(table.entries == [a, b])
    }

    @Test("integers written straight are their decimal digits, at every digit boundary and at the limits")
    func integers() {
        let values = [0, 1, 9, 10, 11, 99, 100, 101, 999, 1_000, 65_535, 1_000_000, 9_999_999_999, Int.max, -1, -9, -10, -100, Int.min]
        for value in values {
            var out = LinesEncoder()
            out.int(value)
            #expect(out.bytes == Array(String(value).utf8), "\(value)")
        }
    }

    @Test("the fact table's bytes written straight are the definition's: fields before, between and after a fact's own members, nested, and some named as members")
    func factsFileBytes() throws {
        var fact = Self.fact(1)
        fact.fields = ["amount": .int(1), "eId": .string("not the unit"), "fee": .null, "kind": .string("not the kind"), "kinds": .array([.string("a"), .object(["b": .bool(true)])]),
                       "mode": .string("«тырнақша» \"quoted\""), "partly": .bool(false), "sp": .int(0), "span": .int(7), "status": .string("resolved"),
                       "words": .object(["z": .int(1), "a": .array([])]), "Ω": .string("not ASCII")]
        fact.notes = ["a note"]
        let work = Work(id: "V2300000001", kind: "order", title: nil, date: nil, number: nil, registration: nil, inCorpus: true, existsFrom: nil)
        for facts in [[], [fact], [fact, Self.fact(2)]] {
            #expect(RuleSetJSON.factsFile(of: work, facts) == RuleSetBuild.text(RuleSetJSON.facts(of: work, facts)))
        }
        #expect(String(decoding: RuleSetJSON.factsFile(of: work, [fact]), as: UTF8.self).contains("\"eId\": \"att_1__para_1\""))
    }
}
