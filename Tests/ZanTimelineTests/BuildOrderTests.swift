import Testing
@testable import ZanTimeline

@Suite("Timeline: the order works are built in")
struct BuildOrderTests {
    @Test("works are built with those without edits spread evenly among those with them, each kind in id order; the outputs stay in id order")
    func interleavedBuildOrder() throws {
        // 3 amended works, 6 not: two of the quick ones after each slow one.
        let amended = [true, false, false, true, false, false, false, true, false]
        #expect(Timeline.Inputs.interleaved(amended: amended) == [0, 1, 2, 3, 4, 5, 7, 6, 8])
        #expect(Timeline.Inputs.interleaved(amended: [false, false]) == [0, 1])
        #expect(Timeline.Inputs.interleaved(amended: [true, true]) == [0, 1])
        #expect(Timeline.Inputs.interleaved(amended: []) == [])
        // A generated corpus's shape: every amended work id before every order's.
        let corpus = (0..<1_000).map { $0 < 333 }
        let order = Timeline.Inputs.interleaved(amended: corpus)
        #expect(order.sorted() == Array(0..<1_000))
        let lastAmended = try #require(order.lastIndex { corpus[$0] })
        #expect(lastAmended >= 995, "the quick works are not left for the end")
        #expect(order.filter { corpus[$0] } == Array(0..<333) && order.filter { !corpus[$0] } == Array(333..<1_000))
        // Taken in any order, the outputs are the inputs'.
        let inputs = Array(0..<500)
        #expect(Parallel.map(inputs, order: inputs.reversed()) { $0 * 2 } == inputs.map { $0 * 2 })
        #expect(Parallel.map(inputs, order: Timeline.Inputs.interleaved(amended: inputs.map { $0 % 7 == 0 })) { $0 + 1 }
                == inputs.map { $0 + 1 })
    }
}
