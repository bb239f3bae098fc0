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
                == ["duration anchor=\"Мемлекеттік корпорациядан құжаттардың толық жиынтығын қабылдаған күннен бастап\" digits=6 relation=\"within\" unit=\"working_day\" value=6 words=6 «6 (алты) жұмыс күнін»"])
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

    func values(_ facts: [Fact], _ eId: String) -> [String] {
        facts.filter { $0.eId == eId }.map { fact in
            switch fact.kind {
            case .duration: "\(fact.fields["value"]!.serialized()) \(fact.fields["unit"]!.serialized()) \(fact.fields["relation"]!.serialized())"
            case .fee: "fee " + (fact.fields["free"] == .bool(true) ? "free" : fact.fields["amount"]!.serialized())
            case .frequency: "\(fact.fields["count"]!.serialized()) per \(fact.fields["per"]!.serialized())"
            }
        }
    }

    @Test("V2300033763 at 2026-07-12: points 13, 14.2), 5, 17 and the table's fee")
    func rules130() throws {
        let found = try facts("V2300033763", at: "2026-07-12")
        #expect(values(found, "att_1__para_13") == ["6 \"working_day\" \"within\""])
        let point13 = try #require(found.first { $0.eId == "att_1__para_13" })
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

    @Test("every fact of every version in rules/: its span, cut out of its paragraph, is its source")
    func spans() throws {
        let works = try FileManager.default.contentsOfDirectory(atPath: rules).filter { $0.hasPrefix("V") }
        var checked = 0
        for work in works {
            for version in try RuleSetStore.load(work, from: rules).versions {
                for fact in ExtractFacts.facts(in: version.root) {
                    let node = try #require(version.root.find(eId: fact.eId))
                    let paragraph = Array(node.text[fact.paragraph])
                    #expect(String(paragraph[fact.span]) == fact.source, "\(fact.id)")
                    checked += 1
                }
            }
        }
        #expect(checked > 40)
    }
}
