import Foundation
import Testing
import ZanCorpusGen
import ZanDocument
import ZanTestSupport
@testable import ZanTimeline

/// `Locate.Index` lists a container's numbered units once and looks numbers up; it must find
/// what `Locate.child`'s search finds, for every container, kind and number.
@Suite("Locating a numbered unit: the index finds what the search finds")
struct LocateIndexTests {
    /// Compares the index with the search in every container of `root`, for every kind and
    /// every number found below it (and one found nowhere); returns the lookups compared.
    func compare(_ root: RuleNode, _ label: String) -> Int {
        let index = Locate.Index(root)
        var compared = 0
        func visit(_ node: RuleNode, _ path: [Int]) {
            var nums = Set<String>(["no such number"])
            func collect(_ node: RuleNode) {
                for child in node.children {
                    if let num = child.num { nums.insert(num) }
                    collect(child)
                }
            }
            collect(node)
            for kind in ProvisionKind.allCases {
                for num in nums.sorted() {
                    let indexed = index.child(kind, num, at: path, in: node), searched = Locate.child(kind, num, in: node)
                    #expect(indexed == searched, "\(label) \(path) \(kind) \(num)")
                    compared += 1
                }
            }
            for (offset, child) in node.children.enumerated() where !child.children.isEmpty { visit(child, path + [offset]) }
        }
        visit(root, [])
        return compared
    }

    @Test("a number twice under one container, in two chapters and in a section's chapter: the first in document order")
    func firstInDocumentOrder() {
        func point(_ num: String, _ text: String) -> RuleNode { RuleNode(kind: .paragraph, num: num, text: [text]) }
        let root = RuleNode(kind: .document, children: [
            RuleNode(kind: .attachment, num: "1", children: [
                RuleNode(kind: .chapter, num: "1", children: [point("1", "first 1"), point("2", "first 2")]),
                RuleNode(kind: .chapter, num: "2", children: [point("2", "second 2"), point("3", "3")]),
                RuleNode(kind: .section, num: "1", children: [
                    RuleNode(kind: .chapter, num: "3", children: [point("1", "third 1"), point("4", "4")]),
                ]),
                point("4", "loose 4"),
            ]),
        ])
        let index = Locate.Index(root)
        let attachment = root.children[0]
        #expect(index.child(.paragraph, "2", at: [0], in: attachment) == [0, 1])
        #expect(index.child(.paragraph, "1", at: [0], in: attachment) == [0, 0])
        #expect(index.child(.paragraph, "4", at: [0], in: attachment) == [2, 0, 1])
        #expect(index.child(.chapter, "3", at: [0], in: attachment) == [2, 0])
        #expect(index.child(.paragraph, "5", at: [0], in: attachment) == nil)
        #expect(compare(root, "built") > 100)
    }

    @Test("every container of every version of a generated corpus")
    func generated() throws {
        let folder = try ScratchFolder("locate-index")
        _ = try CorpusGenerator(.init(works: 2, rounds: 6, worksPerOrder: 2, seed: 11, sizes: 5_000...15_000)).write(to: folder.path)
        let corpus = try Corpus.load(folder.path)
        let histories = Timeline.build(corpus.documents.compactMap { ReadAct.read($0).0 }).histories
        var compared = 0
        for (id, history) in histories.sorted(by: { $0.key < $1.key }) {
            for version in history.versions { compared += compare(version.root, id) }
        }
        #expect(compared > 10_000)
    }
}
