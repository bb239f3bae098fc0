import Foundation
import Testing
@testable import ZanEmit
import ZanTestSupport
import ZanText
import ZanTimeline

/// The facts of one kind in a paragraph, as `facts(_:)` prints them.
func facts(_ paragraph: String, _ kind: Fact.Kind) -> [String] {
    facts(paragraph).filter { $0.hasPrefix(kind.rawValue + " ") }
}

@Suite("Facts: channels and actors")
struct ChannelFactTests {
    @Test("Kazakh: the State Corporation, the portal with its name and address, the provider, the contact centre")
    func kazakh() {
        #expect(facts("Өтінішті Мемлекеттік корпорация арқылы не \"электрондық үкіметтің\" веб-порталы: www.egov.kz арқылы береді.", .channel) == [
            "channel channel=\"state_corporation\" «Мемлекеттік корпорация»",
            "channel channel=\"portal\" name=\"электрондық үкіметтің\" url=\"www.egov.kz\" «\"электрондық үкіметтің\" веб-порталы: www.egov.kz»",
        ])
        #expect(facts("Көрсетілетін қызметті беруші 1414 Бірыңғай байланыс орталығы арқылы хабарлайды.", .channel) == [
            "channel channel=\"provider\" «Көрсетілетін қызметті беруші»",
            "channel channel=\"contact_center\" «Бірыңғай байланыс орталығы»",
        ])
    }

    @Test("Russian: Государственная корпорация, the portal named after it, the service provider, the post")
    func russian() {
        #expect(facts("Заявление подается через Государственную корпорацию или веб-портал \"электронного правительства\" www.egov.kz.", .channel) == [
            "channel channel=\"state_corporation\" «Государственную корпорацию»",
            "channel channel=\"portal\" name=\"электронного правительства\" url=\"www.egov.kz\" «веб-портал \"электронного правительства\" www.egov.kz»",
        ])
        #expect(facts("Услугодатель направляет ответ почтой.", .channel) == [
            "channel channel=\"provider\" «Услугодатель»", "channel channel=\"post\" «почтой»",
        ])
    }

    @Test("every first word a mention can start with is read, in any case; the filter in front turns the words of ordinary paragraphs away",
          arguments: [("Госкорпорацияға жүгінеді.", "state_corporation"), ("Звонок в Единый контакт-центр.", "contact_center"),
                      ("Жауап поштамен жіберіледі.", "post"), ("Ответ направляется почтовым отправлением.", "post"),
                      ("Ақпарат порталда орналастырылады.", "portal"), ("Мемлекеттік корпорацияның бөлімі.", "state_corporation"),
                      ("ГОСУДАРСТВЕННАЯ КОРПОРАЦИЯ принимает.", "state_corporation")])
    func everyFirstWord(_ paragraph: String, _ channel: String) {
        #expect(facts(paragraph, .channel).map { $0.split(separator: " ")[1] } == ["channel=\"\(channel)\""])
    }

    @Test("the first-word filter passes every stem it was made of and turns most other words away")
    func firstWordFilter() {
        let words = ["өтініш", "қабылдау", "мерзімі", "жұмыс", "күні", "құжаттар", "заявление", "срок", "рабочих", "дней",
                     "тармағына", "сәйкес", "услуги", "документов", "результат", "оказания", "бас", "тарту", "негіздер", "туралы"]
        #expect(words.filter(ChannelFacts.firstWords.mayStart).count <= 2, "\(words.filter(ChannelFacts.firstWords.mayStart))")
        for stem in ["мемлекеттік", "государственн", "госкорпораци", "веб-портал", "портал", "көрсетілетін", "услугодател",
                     "бірыңғай", "един", "пошта", "почта", "почтой", "почтовым", "почтовой"] {
            #expect(ChannelFacts.firstWords.mayStart(stem), "\(stem)")
        }
    }

    @Test("one fact per channel per paragraph; words that only look alike are not channels")
    func once() {
        #expect(facts("Мемлекеттік корпорация қабылдайды, Мемлекеттік корпорацияның қызметкері тексереді.", .channel).count == 1)
        #expect(facts("Мемлекеттік органның қызметкері портфолионы тексереді.", .channel).isEmpty)
    }
}

@Suite("Facts: references resolved in a version")
struct ReferenceFactTests {
    /// An approving act: body point 1, and the Rules (att_1) with points 1–3, point 3 with subpoints.
    static let root = RuleNode(kind: .document, children: [
        RuleNode(kind: .paragraph, num: "1", eId: "para_1", text: ["1. Қоса беріліп отырған Қағидалар бекітілсін, осы бұйрыққа 1-қосымшаға сәйкес."]),
        RuleNode(kind: .attachment, num: "1", eId: "att_1", children: [
            RuleNode(kind: .paragraph, num: "1", eId: "att_1__para_1", text: ["1. Осы Қағидалардың 2-тармағында және 9-тармағында көрсетілген құжаттар."]),
            RuleNode(kind: .paragraph, num: "2", eId: "att_1__para_2", text: ["2. Құжаттар тізбесі."]),
            RuleNode(kind: .paragraph, num: "3", eId: "att_1__para_3", text: ["3. Негіздер:"], children: [
                RuleNode(kind: .subparagraph, num: "1", eId: "att_1__para_3__subpara_1", text: ["1) бірінші;"]),
                RuleNode(kind: .subparagraph, num: "2", eId: "att_1__para_3__subpara_2", text: ["2) осы тармақтың 1) тармақшасына ұқсас."]),
            ]),
            RuleNode(kind: .paragraph, num: "4", eId: "att_1__para_4", text: ["4. Осы Қағидалардың 3-тармағы."], repealed: true),
            RuleNode(kind: .paragraph, num: "5", eId: "att_1__para_5", text: ["5. Осы Қағидалардың 4-тармағына сәйкес."]),
        ]),
    ])

    func references() -> [String] {
        ExtractFacts.facts(in: Self.root).filter { $0.kind == .reference }.map { fact in
            "\(fact.eId) «\(fact.source)» \(fact.fields["status"]!.serialized()) \(fact.fields["targets"]?.serialized() ?? "")"
        }
    }

    @Test("internal: to a point of the same Rules, to an appendix of the act, relative to the citing point; dangling and struck out")
    func resolution() {
        #expect(references() == [
            "para_1 «осы бұйрыққа 1-қосымшаға» \"resolved\" [\"att_1\"]",
            "att_1__para_1 «Осы Қағидалардың 2-тармағында және 9-тармағында» \"dangling\" [\"att_1__para_2\",null]",
            "att_1__para_3__subpara_2 «осы тармақтың 1) тармақшасына» \"resolved\" [\"att_1__para_3__subpara_1\"]",
            "att_1__para_5 «Осы Қағидалардың 4-тармағына» \"dangling\" [\"att_1__para_4\"]",
        ])
    }

    @Test("into a document the corpus holds in part: not in corpus, not dangling")
    func unknownText() {
        var root = Self.root
        root.children[1].partial = true
        root.children[1].children.removeLast(2)
        let statuses = ExtractFacts.facts(in: root).filter { $0.kind == .reference }.map { $0.fields["status"]!.serialized() }
        #expect(statuses == ["\"resolved\"", "\"not_in_corpus\"", "\"resolved\""])
    }

    @Test("a dangling reference is a located warning of the build, once per reference")
    func warning() throws {
        let version = Version(from: EffectiveDate(CivilDate(iso: "2024-03-01")!, basis: "test"), root: Self.root)
        var reported = Set<String>()
        let facts = ExtractFacts.facts(in: version.root)
        let findings = ReferenceCheck.findings(facts, of: version, work: "V2400000001", reported: &reported)
        #expect(findings.map(\.oneLine) == [
            "V2400000001: warning: [facts.dangling-reference] att_1__para_1 refers («Осы Қағидалардың 2-тармағында және 9-тармағында») to paragraph 9, which does not exist in the version in force from 2024-03-01",
            "V2400000001: warning: [facts.dangling-reference] att_1__para_5 refers («Осы Қағидалардың 4-тармағына») to paragraph 4, which is struck out in the version in force from 2024-03-01",
        ])
        #expect(ReferenceCheck.findings(facts, of: version, work: "V2400000001", reported: &reported).isEmpty)
    }
}

@Suite("Facts: lists in table cells")
struct StatedListTests {
    func list(_ text: String) -> StatedList { StatedList(Tokenizer().tokenize(SourceFile(text: text))) }

    @Test("numbered inline, the last item's trailing sentence a remark")
    func inline() {
        let read = list("1) өтініш; 2) жеке басын куәландыратын құжат; 3) анықтама. Мәліметтерді беруші өзі алады.")
        #expect(read.items.map(\.text) == ["өтініш", "жеке басын куәландыратын құжат", "анықтама"])
        #expect(read.items.map(\.number) == ["1", "2", "3"])
        #expect(read.remarks == "Мәліметтерді беруші өзі алады")
    }

    @Test("groups: a numbered label and a colon, items on their own lines or after ';'")
    func groups() {
        let read = list("1) Мемлекеттік корпорацияға: өтініш;\nкуәлік;\nанықтама;\n2) порталға:\nсұрау салу;\nкөшірме.")
        #expect(read.items.map(\.label) == ["Мемлекеттік корпорацияға", "порталға"])
        #expect(read.items.map { $0.items.map(\.text) } == [["өтініш", "куәлік", "анықтама"], ["сұрау салу", "көшірме"]])
        #expect(read.leaves.count == 5)
    }

    @Test("'1.'-numbered sentences, unnumbered lines, ';'-separated items, numbers that are not items")
    func styles() {
        #expect(list("1. Бірінші талап. 2. Екінші талап бар.").items.map(\.text) == ["Бірінші талап", "Екінші талап бар"])
        #expect(list("Мемлекеттік корпорация;\nпортал").items.map(\.text) == ["Мемлекеттік корпорация", "портал"])
        #expect(list("бірінші; екінші").items.map(\.text) == ["бірінші", "екінші"])
        // "5)" without a "1)" before it, and a "2)" inside quotes, open no items.
        #expect(list("мерзімі 5) тармақшада көрсетілген; \"2) ескі\" сөздер").items.count == 2)
    }
}

@Suite("Facts: state-service tables")
struct ServiceTableTests {
    func row(_ num: Int, _ heading: String, _ text: [String]) -> RuleNode {
        RuleNode(kind: .row, num: String(num), eId: "att_1__app_1__table_1__row_\(num)", heading: heading, text: text)
    }

    @Test("a Russian table: every row to its field")
    func russian() throws {
        let table = RuleNode(kind: .table, num: "1", eId: "att_1__app_1__table_1", children: [
            row(1, "Наименование услугодателя", ["Местные исполнительные органы"]),
            row(2, "Способы предоставления государственной услуги", ["1) Государственная корпорация; 2) веб-портал \"электронного правительства\" www.egov.kz."]),
            row(3, "Срок оказания государственной услуги", ["с момента сдачи пакета документов – 5 (пять) рабочих дней"]),
            row(4, "Форма оказания государственной услуги", ["Электронная и (или) бумажная"]),
            row(5, "Размер оплаты, взимаемой с услугополучателя при оказании государственной услуги", ["2 МРП"]),
            row(6, "Перечень документов и сведений, истребуемых у услугополучателя", ["1) заявление;", "2) документ, удостоверяющий личность."]),
            row(7, "Основания для отказа в оказании государственной услуги", ["1) недостоверность документов; 2) несоответствие требованиям."]),
        ])
        let read = ServiceTableFacts.read(table).map(\.fact)
        #expect(read.map { $0.fields["field"]!.serialized() } == ["\"provider\"", "\"channels\"", "\"term\"", "\"form\"", "\"fee\"", "\"documents\"", "\"refusal_grounds\""])
        #expect(read[1].fields["channels"]?.array?.map { $0["channel"] } == [.string("state_corporation"), .string("portal")])
        #expect(read[2].fields["durations"] == .array([.object(["value": .int(5), "unit": .string("working_day"), "relation": .string("within")])]))
        #expect(read[3].fields["forms"] == .array([.string("electronic"), .string("paper")]))
        #expect(read[4].fields["free"] == .bool(false) && read[4].fields["amount"] == .int(2) && read[4].fields["currency"] == .string("MCI"))
        #expect(read[5].fields["items"] == .array([.string("заявление"), .string("документ, удостоверяющий личность")]))
        #expect(read[5].lastParagraph == 1 && read[5].cut(from: table.children[5].text) == read[5].source)
        #expect(read[6].fields["items"]?.array?.count == 2)
    }

    @Test("a table whose rows are not service fields is not read as one")
    func other() {
        let table = RuleNode(kind: .table, num: "1", eId: "att_1__table_1", children: [
            row(1, "Атауы", ["А"]), row(2, "Мерзімі", ["5 жұмыс күні"]), row(3, "Ескерту", ["Б"]),
        ])
        #expect(ServiceTableFacts.read(table).isEmpty)
    }
}
