import Testing
import ZanAmendments
import ZanTestSupport
import ZanText

@Suite("Edits: the seeds")
struct SeedEditsTests {
    @Test("seed 000 gives its 11 replace edits")
    func seed000() throws {
        let amendments = AmendmentReader().read(try Golden.source("corpus/V2600038247/kaz.txt"))
        #expect(amendments.edits.count == 11)
    }
}
