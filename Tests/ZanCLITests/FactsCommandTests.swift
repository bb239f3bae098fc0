import Testing
import ZanTestSupport

@Suite("zan facts")
struct FactsCommandTests {
    @Test("the durations of V2300033763 at 2026-07-12, each with its eId and words; exit codes")
    func durations() throws {
        let result = try ZanBinary.run(["facts", "V2300033763", "--at", "2026-07-12", "--kind", "duration"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("5 facts\n"))
        #expect(result.stdout.contains("att_1__para_17  duration  digits=3 relation=\"within\" unit=\"working_day\" value=3 words=3  «3 (үш) жұмыс күні ішінде»"))
        let json = try ZanBinary.run(["facts", "V2300033763", "--at", "2026-07-12", "--format", "json", "--kind", "frequency"])
        #expect(json.status == 0 && json.stdout.contains("\"id\": \"att_1__para_5#frequency-1\"") && json.stdout.contains("\"per\": \"quarter\""))
        #expect(try ZanBinary.run(["facts", "V2300033763", "--at", "2020-01-01"]).status == 4)
        #expect(try ZanBinary.run(["facts", "V2300033763", "--at", "2026-07-12", "--kind", "colour"]).status == 64)
    }
}
