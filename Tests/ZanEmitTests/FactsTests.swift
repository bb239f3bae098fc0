import Foundation
import Testing
@testable import ZanEmit
import ZanTestSupport
import ZanText
import ZanTimeline

/// The facts one paragraph states, as "kind field=value …" lines (null fields left out).
func facts(_ paragraph: String) -> [String] {
    let node = RuleNode(kind: .paragraph, num: "1", eId: "para_1", text: [paragraph])
    return ExtractFacts.facts(in: node).map { fact in
        let values = fact.fields.keys.sorted().compactMap { key -> String? in
            fact.fields[key] == .null ? nil : "\(key)=\(fact.fields[key]!.serialized())"
        }
        return ([fact.kind.rawValue] + values).joined(separator: " ") + " «\(fact.source)»"
    }
}

@Suite("Facts: one paragraph")
struct FactParagraphTests {
    @Test("a term: value, unit, 'within' from 'мерзімі … құрайды', and the event it runs from")
    func term() {
        #expect(facts("13. Мемлекеттік корпорациядан құжаттардың толық жиынтығын қабылдаған күннен бастап шешім қабылдау мерзімі 6 (алты) жұмыс күнін құрайды.")
                == ["channel channel=\"state_corporation\" «Мемлекеттік корпорациядан»",
                    "duration anchor=\"Мемлекеттік корпорациядан құжаттардың толық жиынтығын қабылдаған күннен бастап\" digits=6 relation=\"within\" unit=\"working_day\" value=6 words=6 «6 (алты) жұмыс күнін»"])
    }

    @Test("relations and units: within, no later than, after; calendar days, months")
    func relations() {
        #expect(facts("Өтініш 2 (екі) жұмыс күні ішінде қаралады.")
                == ["duration digits=2 relation=\"within\" unit=\"working_day\" value=2 words=2 «2 (екі) жұмыс күні ішінде»"])
        #expect(facts("Шешім күнтізбелік 30 күннен кешіктірмей беріледі.")
                == ["duration digits=30 relation=\"no_later_than\" unit=\"calendar_day\" value=30 «күнтізбелік 30 күннен кешіктірмей»"])
        #expect(facts("Бұйрық алты ай өткен соң қолданысқа енгізіледі.")
                == ["duration relation=\"after\" unit=\"month\" value=6 words=6 «алты ай өткен соң»"])
        #expect(facts("Решение принимается в течение 5 (пяти) рабочих дней.")
                == ["duration digits=5 relation=\"within\" unit=\"working_day\" value=5 words=5 «5 (пяти) рабочих дней»"])
    }

    @Test("digits and words that disagree: the digits are the value, with a note")
    func mismatch() throws {
        let node = RuleNode(kind: .paragraph, num: "1", eId: "para_1", text: ["Мерзімі 6 (бес) жұмыс күні."])
        let fact = try #require(ExtractFacts.facts(in: node).first)
        #expect(fact.fields["value"] == .int(6) && fact.fields["words"] == .int(5))
        #expect(fact.notes.count == 1 && fact.notes[0].hasPrefix("text.duration-mismatch"))
    }

    @Test("fees: free in Kazakh and Russian, amounts in tenge and MCI; a surname is not a fee")
    func fees() {
        #expect(facts("Тегін") == ["fee free=true «Тегін»"])
        #expect(facts("Қызмет ақысыз негізде көрсетіледі.") == ["fee free=true «ақысыз»"])
        #expect(facts("Мемлекеттік қызмет тегін көрсетіледі.") == ["fee free=true «тегін»"])
        #expect(facts("Услуга оказывается бесплатно.") == ["fee free=true «бесплатно»"])
        #expect(facts("Алым мөлшері 2 АЕК құрайды.") == ["fee amount=2 currency=\"MCI\" free=false «2 АЕК»"])
        #expect(facts("Төлем 1000 теңге.") == ["fee amount=1000 currency=\"KZT\" free=false «1000 теңге»"])
        #expect(facts("Өтініш берушінің тегін, атын және әкесінің атын көрсетеді.").isEmpty)
    }

    @Test("frequencies: once a quarter, twice a year, Russian 'раз в'")
    func frequencies() {
        #expect(facts("Алушы тоқсанына бір рет жүгінуге құқылы.") == ["frequency count=1 per=\"quarter\" «тоқсанына бір рет»"])
        #expect(facts("Тексеру жылына екі рет жүргізіледі.") == ["frequency count=2 per=\"year\" «жылына екі рет»"])
        #expect(facts("Обращаться не чаще один раз в квартал.") == ["frequency count=1 per=\"quarter\" «один раз в квартал»"])
        #expect(facts("Отчет представляется раз в год.") == ["frequency count=1 per=\"year\" «раз в год»"])
        #expect(facts("Не чаще одного раза в квартал.") == ["frequency count=1 per=\"quarter\" «одного раза в квартал»"])
    }

    @Test("ids are stable: the unit's eId, the kind, the number among the unit's facts of that kind")
    func ids() {
        let node = RuleNode(kind: .paragraph, num: "2", eId: "para_2",
                            text: ["2 (екі) жұмыс күні ішінде қарайды.", "5 (бес) жұмыс күні ішінде тексереді, тегін негізде."])
        #expect(ExtractFacts.facts(in: node).map(\.id) == ["para_2#duration-1", "para_2#duration-2", "para_2#fee-1"])
        #expect(ExtractFacts.facts(in: node).map(\.paragraph) == [0, 1, 1])
    }
}

@Suite("Facts: the bundled corpus (committed rules/)")
struct SeedFactTests {
    let rules = Golden.packageRoot.appendingPathComponent("rules").path

    func facts(_ work: String, at date: String) throws -> [Fact] {
        let history = try RuleSetStore.load(work, from: rules)
        let version = try #require(history.version(at: CivilDate(iso: date)!))
        return ExtractFacts.facts(in: version.root)
    }

    /// The values of a unit's facts of the given kinds (durations, fees, frequencies unless told).
    func values(_ facts: [Fact], _ eId: String, _ kinds: Set<Fact.Kind> = [.duration, .fee, .frequency]) -> [String] {
        facts.filter { $0.eId == eId && kinds.contains($0.kind) }.map { fact in
            switch fact.kind {
            case .duration: "\(fact.fields["value"]!.serialized()) \(fact.fields["unit"]!.serialized()) \(fact.fields["relation"]!.serialized())"
            case .fee: "fee " + (fact.fields["free"] == .bool(true) ? "free" : fact.fields["amount"]!.serialized())
            case .frequency: "\(fact.fields["count"]!.serialized()) per \(fact.fields["per"]!.serialized())"
            case .channel, .reference, .service: ValueChange.describe(fact)
            }
        }
    }

    @Test("V2300033763 at 2026-07-12: points 13, 14.2), 5, 17 and the table's fee")
    func rules130() throws {
        let found = try facts("V2300033763", at: "2026-07-12")
        #expect(values(found, "att_1__para_13") == ["6 \"working_day\" \"within\""])
        let point13 = try #require(found.first { $0.eId == "att_1__para_13" && $0.kind == .duration })
        #expect(point13.fields["anchor"] == .string("Мемлекеттік корпорациядан құжаттардың толық жиынтығын қабылдаған күннен бастап"))
        #expect(values(found, "att_1__para_14__subpara_2") == ["2 \"working_day\" \"within\"", "5 \"working_day\" \"within\""])
        #expect(values(found, "att_1__para_5") == ["1 per \"quarter\""])
        #expect(values(found, "att_1__para_17") == ["3 \"working_day\" \"within\""])
        #expect(values(found, "att_1__app_2__table_1__row_7") == ["fee free"])
        Golden.check(found.map(\.line).joined(separator: "\n") + "\n", "facts/seeds/V2300033763-2026-07-12/expected.txt")
    }

    @Test("V2100023983 at 2025-06-01: point 13's 5 and 15 working days for complaints, the table's stages, free")
    func privatization() throws {
        let found = try facts("V2100023983", at: "2025-06-01")
        #expect(values(found, "att_1__chp_3__para_13__part_2") == ["5 \"working_day\" \"within\""])
        #expect(values(found, "att_1__chp_3__para_13__part_3") == ["15 \"working_day\" \"within\""])
        let stages = values(found, "att_1__app_1__table_1__row_3")
        #expect(stages.contains("30 \"calendar_day\" \"within\"") && stages.contains("5 \"working_day\" \"within\"")
                && stages.contains("15 \"calendar_day\" \"within\""))
        #expect(values(found, "att_1__chp_1__para_2") == ["fee free"])
        Golden.check(found.map(\.line).joined(separator: "\n") + "\n", "facts/seeds/V2100023983-2025-06-01/expected.txt")
    }

    @Test("every fact in the published rules/: the runs of each version (in the work's index) give its facts from facts.json; each an eId of the version, and a span that, cut out of the text, is its source")
    func spans() throws {
        let works = try FileManager.default.contentsOfDirectory(atPath: rules).filter { $0.hasPrefix("V") }
        var checked = 0
        for work in works {
            let table = try #require(JSON.parse(try Data(contentsOf: URL(fileURLWithPath: rules + "/" + work + "/facts.json")))?["facts"]?.array)
            let path = rules + "/" + work + "/index.json"
            let listed = try #require(JSON.parse(try Data(contentsOf: URL(fileURLWithPath: path)))?["versions"]?.array)
            for (version, entry) in zip(try RuleSetStore.load(work, from: rules).versions, listed) {
                var facts: [JSON] = []
                for run in try #require(entry["facts"]?.array) {
                    let first = try #require(run.array?.first?.int), last = try #require(run.array?.last?.int)
                    try #require(first <= last && last < table.count, "\(path): run \(first)...\(last) of \(table.count)")
                    facts += table[first...last]
                }
                #expect(facts == ExtractFacts.facts(in: version.root).map(\.json), "\(path): the runs give the version's facts")
                for fact in facts {
                    let eId = try #require(fact["eId"]?.string)
                    let node = try #require(version.root.find(eId: eId), "\(path): \(eId)")
                    let found = Fact(id: "", kind: .duration, eId: eId, paragraph: try #require(fact["paragraph"]?.int),
                                     lastParagraph: try #require(fact["last_paragraph"]?.int),
                                     span: try #require(fact["span"]?["start"]?.int)..<(try #require(fact["span"]?["end"]?.int)),
                                     source: "", fields: [:])
                    #expect(found.cut(from: node.text) == fact["source"]?.string, "\(path): \(fact["id"]?.string ?? "?")")
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
    }

    @Test("V2300033763 at 2026-07-12: the state-service table (appendix 2), row by row")
    func serviceTable130() throws {
        let found = try facts("V2300033763", at: "2026-07-12").filter { $0.kind == .service }
        func row(_ field: String) throws -> Fact { try #require(found.first { $0.fields["field"] == .string(field) }, "\(field)") }
        #expect(found.allSatisfy { $0.eId.hasPrefix("att_1__app_2__table_1__row_") })
        #expect(try row("provider").fields["value"]?.string?.hasSuffix("жергілікті атқарушы органдары") == true)
        #expect(try row("channels").fields["channels"] == .array([
            .object(["channel": .string("state_corporation")]),
            .object(["channel": .string("portal"), "name": .string("цифрлық үкіметтің"), "url": .string("www.egov.kz")]),
        ]))
        #expect(try row("term").fields["durations"] == .array([
            .object(["value": .int(6), "unit": .string("working_day"), "relation": .string("within")]),
        ]))
        #expect(try row("form").fields["forms"] == .array([.string("electronic"), .string("paper")]))
        #expect(try row("result").fields["items"]?.array?.count == 1)
        #expect(try row("fee").fields["free"] == .bool(true))
        #expect(try row("schedule").fields["channels"]?.array?.count == 3)
        let documents = try row("documents")
        let groups = try #require(documents.fields["groups"]?.array)
        #expect(groups.map { $0["channel"] } == [.string("state_corporation"), .string("portal")])
        #expect(groups.map { $0["items"]?.array?.count } == [10, 9])
        #expect(groups[1]["items"]?.array?.first == .string("мемлекеттік қызметті алушының ЭЦҚ-сымен куәландырылған электрондық құжат нысанындағы сұрау салу"))
        #expect(try row("refusal_grounds").fields["items"]?.array?.count == 4)
        #expect(try row("requirements").fields["items"]?.array?.count == 2)
    }

    @Test("V2100023983 at 2025-06-01: appendix 1's table — term stages, free, channels, results, 9 documents, 5 refusal grounds")
    func serviceTablePrivatization() throws {
        let found = try facts("V2100023983", at: "2025-06-01").filter { $0.kind == .service }
        func row(_ field: String) throws -> Fact { try #require(found.first { $0.fields["field"] == .string(field) }, "\(field)") }
        let stages = try #require(row("term").fields["durations"]?.array)
        #expect(stages.prefix(3).map { "\($0["value"]!.serialized()) \($0["unit"]!.serialized()) \($0["stage"]!.serialized())" } == [
            "30 \"calendar_day\" \"бірінші және екінші кезең\"", "5 \"working_day\" \"үшінші кезең\"",
            "30 \"calendar_day\" \"бірінші және екінші кезең\"",
        ])
        #expect(stages[3]["value"] == .int(15) && stages[3]["case"]?.string?.hasPrefix("2) коммуналдық мемлекеттік мекеменің") == true)
        #expect(try row("fee").fields["free"] == .bool(true))
        #expect(try row("channels").fields["channels"]?.array?.map { $0["channel"] } == [.string("state_corporation"), .string("portal")])
        #expect(try row("result").fields["groups"]?.array?.map { $0["items"]?.array?.count } == [2, 3])
        let documents = try row("documents")
        #expect(documents.fields["items"]?.array?.count == 9)
        #expect(documents.fields["remarks"]?.string?.hasPrefix("Жеке басын куәландыратын құжаттардың") == true)
        #expect(try row("refusal_grounds").fields["items"]?.array?.count == 5)
        #expect(try row("schedule").fields["channels"]?.array?.map { $0["channel"] } == [.string("provider"), .string("state_corporation"), .string("portal")])
    }

    @Test("references of the seeds: resolved to eIds of the version, into unknown text, to laws")
    func seedReferences() throws {
        let found = try facts("V2300033763", at: "2026-07-12").filter { $0.kind == .reference }
        func reference(_ eId: String, _ words: String) throws -> Fact {
            try #require(found.first { $0.eId == eId && $0.source == words }, "\(eId) «\(words)»")
        }
        let appendix = try reference("att_1__para_6__part_1", "осы Қағидаларға 1-қосымшаға")
        #expect(appendix.fields["status"] == .string("resolved") && appendix.fields["targets"] == .array([.string("att_1__app_1")]))
        let unknown = try reference("att_1__para_14__subpara_2", "Қағиданың 25-тармағына")
        #expect(unknown.fields["status"] == .string("not_in_corpus") && unknown.fields["targets"] == .array([.null]))
        let law = try reference("att_1__app_2__table_1__row_9", "\"Тұрғын үй қатынастары туралы\" Қазақстан Республикасының Заңының 10-2-бабының 9-1) тармақшасына")
        #expect(law.fields["act"] == .string("law") && law.fields["title"] == .string("Тұрғын үй қатынастары туралы")
                && law.fields["cites"] == .array([.string("article 10-2 › subparagraph 9-1")]))
        // Nothing dangles in the bundled corpus: the build reports no facts warning.
        #expect(!found.contains { $0.fields["status"] == .string("dangling") })
        // The amending order's instructions cite the amended Rules, not the order.
        let order = try self.facts("V2600038247", at: "2026-07-12").filter { $0.kind == .reference }
        #expect(order.first { $0.source == "13-тармақ" }?.fields["act"] == .string("amended"))
        #expect(order.first { $0.source == "осы бұйрыққа 1-қосымшаға" }?.fields["targets"] == .array([.string("att_1")]))
    }
}
