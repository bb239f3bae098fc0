import Testing
@testable import ZanAmendments
import ZanDocument
import ZanTestSupport
import ZanText

/// `Verb.mayOccur`, the check that lets an attachment with no instruction verb skip being split
/// into sentences: it must pass every text a sentence of which has a verb.
@Suite("Instruction verbs: the check before sentences")
struct InstructionVerbTests {
    @Test("a verb in any case of it passes; prose, past forms and an entry-free text do not")
    func mayOccur() {
        #expect(Verb.mayOccur(in: ["1. Қағидалардың 5-тармағы мынадай редакцияда жазылсын:"]))
        #expect(Verb.mayOccur(in: ["Изложить пункт 5 в следующей редакции:"]))
        #expect(Verb.mayOccur(in: ["«ТОЛЫҚТЫРЫЛСЫН» — бас әріптермен"]))
        #expect(Verb.mayOccur(in: ["Өзгерістер ЕНГІЗІЛСІН."]))
        // A NUL is a byte like any other: the verb after one is found, and none is made up.
        #expect(Verb.mayOccur(in: ["бір\u{0}екі жазылсын"]))
        #expect(!Verb.mayOccur(in: ["бір\u{0}екі"]))
        #expect(!Verb.mayOccur(in: ["5. Өтініш «электрондық үкімет» веб-порталы арқылы 5 (бес) жұмыс күні ішінде қаралады."]))
        #expect(!Verb.mayOccur(in: ["Пункт 5 изложен в новой редакции приказом Министра; 6-тармақ алып тасталды."]))
        #expect(!Verb.mayOccur(in: [""]))
        // Paragraphs are searched together, a line feed between them: a verb found in one of
        // them passes, a word cut across two is none.
        #expect(Verb.mayOccur(in: ["5. Өтініш қаралады.", "6-тармақ алып тасталсын."]))
        #expect(!Verb.mayOccur(in: ["алып тастал", "сын"]) && !Verb.mayOccur(in: []))
    }

    @Test("every paragraph of the seeds and of the edit fixtures whose sentences have an instruction verb passes")
    func passesEverySentenceWithAVerb() throws {
        let paths = ["corpus/V2600038247/kaz.txt", "corpus/V2500035943/kaz.txt"]
            + ["order-formulas", "fragment-broken", "decree-attachment"].map { "Tests/Fixtures/edits/\($0)/input.txt" }
        var withVerbs = 0
        for path in paths {
            let document = DocumentParser().parse(try #require(Golden.source(path)))
            for paragraph in document.paragraphs
            where Sentence.split(paragraph, in: document.sourceMap).contains(where: { Verb.find(in: $0) != nil }) {
                #expect(Verb.mayOccur(in: [paragraph.text]), "\(path): \(paragraph.text.prefix(80))")
                withVerbs += 1
            }
        }
        #expect(withVerbs > 20)
    }
}
