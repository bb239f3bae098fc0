import Foundation
import Testing
import ZanCorpusGen
@testable import ZanEmit
import ZanTestSupport
import ZanText
import ZanTimeline

@Suite("Changed units and wording intervals: what lets a query read one version")
struct ChangedUnitsTests {
    func point(_ num: String, _ text: String, children: [RuleNode] = []) -> RuleNode {
        RuleNode(kind: .paragraph, num: num, eId: "att_1__para_\(num)", text: [text], children: children)
    }

    func version(_ points: [RuleNode], from day: Int) -> Version {
        let rules = RuleNode(kind: .attachment, num: "1", eId: "att_1", children: points)
        return Version(from: EffectiveDate(CivilDate(year: 2025, month: 1, day: day)!, provisional: false, basis: "test"),
                       root: RuleNode(kind: .document, children: [rules]))
    }

    @Test("an edit lists the unit and every unit holding it; an inserted and a vanished unit are listed; untouched ones are not")
    func changed() {
        let sub = RuleNode(kind: .subparagraph, num: "1", eId: "att_1__para_2__subpara_1", text: ["1) бірінші;"])
        let old = version([point("1", "1. Бір."), point("2", "2. Екі:", children: [sub]), point("3", "3. Үш.")], from: 1)
        var reworded = sub
        reworded.text = ["1) өзгерген;"]
        let new = version([point("1", "1. Бір."), point("2", "2. Екі:", children: [reworded]), point("2-1", "2-1. Жаңа.")], from: 2)
        #expect(new.changedUnits(since: old) == ["att_1", "att_1__para_2", "att_1__para_2-1", "att_1__para_2__subpara_1", "att_1__para_3"])
        #expect(old.changedUnits(since: old) == [])
        // Text without an eId (a quotation, a form) counts for the nearest unit holding it.
        var quoted = point("1", "1. Бір.")
        quoted.children = [RuleNode(kind: .quotation, text: ["«өзгерген»"])]
        #expect(version([quoted], from: 3).changedUnits(since: version([point("1", "1. Бір.")], from: 2)) == ["att_1", "att_1__para_1"])
        // A unit is the first node with its eId: a later duplicate does not count.
        let duplicate = version([point("1", "1. Бір."), point("1", "1. Басқа.")], from: 4)
        #expect(duplicate.changedUnits(since: version([point("1", "1. Бір.")], from: 3)) == ["att_1"])
    }

    @Test("each version's changed units are those comparing its units with the version before's by eId gives, on random histories; the unit table gives the same")
    func changedAgreesWithLookups() {
        var random = SplitMix(seed: 11)
        /// The definition: every unit whose first node differs from the one with its eId before, and every unit gone.
        func expected(_ new: Version, _ old: Version) -> [String] {
            var before: [String: RuleNode] = [:]
            old.root.forEachUnit { eId, node in before[eId] = node }
            var changed: [String] = []
            var seen = Set<String>()
            new.root.forEachUnit { eId, node in
                seen.insert(eId)
                if before[eId] != node { changed.append(eId) }
            }
            return (changed + before.keys.filter { !seen.contains($0) }).sorted()
        }
        for history in 0..<40 {
            var points = (1...8).map { point(String($0), "\($0). Мәтін.") }
            var versions = [version(points, from: 1)]
            for day in 2...12 {
                for _ in 0..<Int.random(in: 1...3, using: &random) {
                    let place = Int.random(in: 0...points.count, using: &random)
                    switch Int.random(in: 0..<5, using: &random) {
                    case 0 where place < points.count: points[place].text = ["\(day). Өзгерген."]
                    case 1: points.insert(point("\(place)-\(day)", "Жаңа."), at: place)
                    case 2 where place < points.count: points.remove(at: place)
                    case 3 where place < points.count: points.insert(points[place], at: min(place + 2, points.count))  // a duplicate eId
                    case 4 where !points.isEmpty: points[place % points.count].children = [RuleNode(kind: .quotation, text: ["«\(day)»"])]
                    default: break
                    }
                }
                versions.append(version(points, from: day))
            }
            let changes = WorkHistory(work: Work(id: "W\(history)", inCorpus: true), versions: versions).changedUnits
            #expect(changes[0].isEmpty)
            var table = UnitTable()
            _ = table.runs(of: versions[0].root)
            for index in versions.indices.dropFirst() {
                #expect(changes[index] == expected(versions[index], versions[index - 1]), "history \(history), version \(index)")
                #expect(versions[index].changedUnits(since: versions[index - 1]) == changes[index])
                _ = table.runs(of: versions[index].root)
                #expect(table.changed == changes[index], "history \(history), version \(index): the unit table's")
            }
        }
    }

    @Test("a wording's run stops at the versions that change the unit")
    func runs() {
        let changes: [Set<String>] = [[], ["a"], [], ["b"], ["a", "b"]]
        #expect(WorkHistory.wordingRun(of: "a", at: 2, versions: 5) { changes[$0] } == 1...3)
        #expect(WorkHistory.wordingRun(of: "b", at: 0, versions: 5) { changes[$0] } == 0...2)
        #expect(WorkHistory.wordingRun(of: "c", at: 3, versions: 5) { changes[$0] } == 0...4)
        #expect(WorkHistory.wordingRun(of: "a", at: 4, versions: 5) { changes[$0] } == 4...4)
    }

    /// For every unit found in every version: the run the changed units give is the run of
    /// versions `history(of:)` finds by comparing the trees.
    func checkRuns(_ history: WorkHistory, _ name: String) -> Int {
        let changes = history.changedUnits.map(Set.init)
        var checked = 0
        for (index, version) in history.versions.enumerated() {
            var eIds: [String] = []
            version.root.forEachUnit { eId, _ in eIds.append(eId) }
            for eId in eIds {
                guard case .found(let node, _) = history.lookup(.eId(eId), in: .body, version: version) else { continue }
                let run = WorkHistory.wordingRun(of: eId, at: index, versions: history.versions.count) { changes[$0] }
                let expected = history.history(of: .eId(eId), in: .body).first { $0.node == node && $0.from.date <= version.from.date }
                #expect(expected?.from == history.versions[run.lowerBound].from && expected?.to == history.versions[run.upperBound].to,
                        "\(name) \(eId) in version \(index)")
                checked += 1
            }
        }
        return checked
    }

    @Test("the changed units give every unit of the published seeds the interval comparing every version gives")
    func seedsAgree() throws {
        let rules = Golden.packageRoot.appendingPathComponent("rules").path
        var checked = 0
        for work in ["V2100023983", "V2300033763", "V2500035912", "V2500035943", "V2600038247"] {
            let published = try RuleSetStore.open(work, from: rules)
            let history = try published.history()
            #expect(published.entries.map(\.changed) == history.changedUnits.map(Set.init), "\(work): the index lists what the trees show")
            checked += checkRuns(history, work)
        }
        #expect(checked > 200)
    }

    @Test("and so do the synthetic corpus's works: insertions, deletions, struck-out points")
    func syntheticAgree() {
        var checked = 0
        for (id, history) in SyntheticDiffTests.histories.sorted(by: { $0.key < $1.key }) { checked += checkRuns(history, id) }
        #expect(checked > 20)
    }
}

@Suite("Reading unit tables and versions back")
struct VersionDecodeTests {
    /// Calls `body` with each work of the committed `rules/`: its id, the bytes of its unit
    /// table, and each version's entry in its index.
    func forEachCommittedWork(_ body: (String, Data, [JSON]) throws -> Void) throws {
        let rules = Golden.packageRoot.appendingPathComponent("rules").path
        for work in try FileManager.default.contentsOfDirectory(atPath: rules).sorted() where work.hasPrefix("V") {
            let folder = rules + "/" + work
            let versions = try #require(JSON.parse(try Data(contentsOf: URL(fileURLWithPath: folder + "/index.json")))?["versions"]?.array)
            try body(work, try #require(FileManager.default.contents(atPath: folder + "/units.json")), versions)
        }
    }

    @Test("every committed unit table, and each version's runs of it, decode to the units the generic JSON reader sees")
    func agreesWithJSON() throws {
        var versions = 0
        try forEachCommittedWork { work, table, listed in
            let units = try RuleSetJSON.decodeUnits(table, work + "/units.json")
            let entries = try #require(JSON.parse(table)?["units"]?.array)
            #expect(units.map(RuleSetJSON.unit) == entries.map { Self.asDecoded($0, .unit) }, "\(work)")
            for entry in listed {
                let runs = try #require(RuleSetJSON.decodeRuns(entry["units"]))
                let tree = try RuleSetJSON.tree(runs, units: units, work + "/index.json")
                let raw = try #require(entry["units"]?.array?.map { $0.array?.compactMap(\.int) ?? [] })
                #expect(UnitTableTests.preorder(tree).map(RuleSetJSON.unit) == raw.flatMap { entries[$0[0]...$0[1]] }, "\(work)")
                versions += 1
            }
        }
        #expect(versions >= 9)
    }

    /// `node` as an outline has it: no text, heading or provenance.
    static func outlined(_ node: RuleNode) -> RuleNode {
        var node = node
        node.text = []
        node.heading = nil
        node.provenance = nil
        node.children = node.children.map(outlined)
        return node
    }

    /// Every path of the tree under `node`, in pre-order.
    static func paths(_ node: RuleNode, _ prefix: [Int] = []) -> [[Int]] {
        [prefix] + node.children.indices.flatMap { paths(node.children[$0], prefix + [$0]) }
    }

    @Test("every committed version's outline is its tree without text, headings and provenance; each node read from it is the node in full")
    func outlines() throws {
        var nodes = 0
        try forEachCommittedWork { work, table, listed in
            let units = try RuleSetJSON.decodeUnits(table, work + "/units.json")
            let outlined = try RuleSetJSON.decodeUnitsOutline(table, work + "/units.json")
            #expect(outlined.entries.map(\.depth) == units.map(\.depth))
            for entry in listed {
                let runs = try #require(RuleSetJSON.decodeRuns(entry["units"]))
                let root = try RuleSetJSON.tree(runs, units: units, work)
                let version = Version(from: EffectiveDate(CivilDate(year: 2025, month: 1, day: 1)!, provisional: false, basis: ""), root: root)
                let outline = try RuleSetJSON.outline(version, runs: runs, units: outlined, work)
                #expect(outline.version.root == Self.outlined(root), "\(work)")
                #expect(outline.version.from == version.from)
                for path in Self.paths(root) {
                    #expect(try outline.node(at: path) == path.reduce(root) { $0.children[$1] }, "\(work) \(path)")
                    nodes += 1
                }
                #expect(throws: RuleSetJSON.DecodeError.self) { try outline.node(at: [root.children.count]) }
            }
        }
        // Offsets that do not go with the outline (never made by `decodeUnitsOutline`) are an
        // error naming the file, not a read out of place.
        let table = Data(#"{"format": \#(RuleSetJSON.format), "units": [{"depth": 0, "kind": "document", "text": []}, {"depth": 1, "kind": "paragraph", "text": ["1. Бір."]}]}"#.utf8)
        let units = try RuleSetJSON.decodeUnitsOutline(table, "units.json")
        let version = Version(from: EffectiveDate(CivilDate(year: 2025, month: 1, day: 1)!, provisional: false, basis: ""), root: RuleNode(kind: .document))
        let good = try RuleSetJSON.outline(version, runs: [0...1], units: units, "index.json")
        #expect(try good.node(at: [0]).text == ["1. Бір."])
        let short = VersionOutline(version: good.version, units: UnitsOutline(entries: units.entries, data: table, path: "units.json",
                                                                              starts: Array(units.starts.prefix(1))), order: good.order)
        #expect { try short.node(at: [0]) } throws: { "\($0)" == "units.json: not a Zan rule-set file (the outline does not match the file); run `zan build`" }
        let wrong = VersionOutline(version: good.version, units: UnitsOutline(entries: units.entries, data: table, path: "units.json",
                                                                              starts: [0, 0]), order: good.order)
        #expect { try wrong.node(at: [0]) } throws: { "\($0)".hasPrefix("units.json: not a Zan rule-set file (") }
        #expect(nodes > 200, "\(nodes) nodes read from outlines")
    }

    /// `bytes` with one to three random changes: a byte changed, lost or inserted, a run lost.
    static func damage(_ original: [UInt8], _ random: inout SplitMix) -> Data {
        var bytes = original
        for _ in 0..<Int(random.next() % 3) + 1 {
            let at = Int(random.next() % UInt64(bytes.count))
            switch random.next() % 4 {
            case 0: bytes[at] = UInt8(truncatingIfNeeded: random.next())                       // a byte changed
            case 1: bytes.remove(at: at)                                                          // a byte lost
            case 2: bytes.insert(Array(#"{}[]",:"0\"#.utf8)[Int(random.next() % 10)], at: at)   // structure inserted
            default: bytes.removeSubrange(at..<min(bytes.count, at + Int(random.next() % 64)))   // a run lost
            }
        }
        return Data(bytes)
    }

    @Test("2,000 damaged copies of a unit table: decoded as the generic JSON reader reads them, or refused; never a crash")
    func damaged() throws {
        let rules = Golden.packageRoot.appendingPathComponent("rules").path
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: rules + "/V2300033763/units.json")))
        var random = SplitMix(seed: 20261121)
        var decoded = 0, refused = 0, compared = 0
        for _ in 0..<2_000 {
            let data = Self.damage(original, &random)
            // The outline steps over text the full decode reads: it may read a file the full
            // decode refuses, never the reverse, and where both read it they agree.
            let outline = try? RuleSetJSON.decodeUnitsOutline(data, "damaged.json")
            if let outline, !outline.entries.isEmpty { _ = try? outline.entry(0) }
            do {
                let units = try RuleSetJSON.decodeUnits(data, "damaged.json")
                decoded += 1
                #expect(outline?.entries == units.map { UnitEntry(depth: $0.depth, unit: Self.outlined($0.unit)) },
                        "an outline of a table that decodes in full is its units, outlined")
                // Where the generic reader reads the file, the units agree, once members the
                // decoder does not know (a damaged key) are left out and defaults filled in, as
                // the decoder does.
                if let json = JSON.parse(data), let entries = json["units"]?.array {
                    compared += 1
                    #expect(units.map(RuleSetJSON.unit) == entries.map { Self.asDecoded($0, .unit) }, "the pull decoder and the JSON reader disagree")
                }
            } catch {
                refused += 1
            }
        }
        #expect(decoded + refused == 2_000 && refused > 500 && compared > 50, "\(decoded) decoded (\(compared) compared), \(refused) refused")
    }

    enum Shape { case unit, provenance, position, date }

    /// `json` as the decoder reads it: unknown members dropped, false flags left out (the
    /// encoder omits them), a date's missing `provisional` and `basis` filled in.
    static func asDecoded(_ json: JSON, _ shape: Shape) -> JSON {
        guard case .object(var members) = json else { return json }
        let keys: Set<String>
        switch shape {
        case .unit:
            keys = ["depth", "kind", "text", "eId", "num", "heading", "unknown", "partial", "repealed", "provenance"]
            for flag in ["unknown", "partial", "repealed"] where members[flag] == .bool(false) { members[flag] = nil }
            members["provenance"] = members["provenance"].map { asDecoded($0, .provenance) }
        case .provenance:
            keys = ["act", "file", "point", "op", "start", "end", "effective"]
            for key in ["start", "end"] { members[key] = members[key].map { asDecoded($0, .position) } }
            members["effective"] = members["effective"].map { asDecoded($0, .date) }
            if members["effective"] == .null { members["effective"] = nil }
        case .position:
            keys = ["line", "column"]
        case .date:
            keys = ["date", "provisional", "basis"]
            members["provisional"] = members["provisional"] ?? .bool(false)
            members["basis"] = members["basis"] ?? .string("")
        }
        return .object(members.filter { keys.contains($0.key) })
    }

    /// Every citation of every version of `works` in `rules`, asked of one version's outline
    /// and of the whole history: (found by both, left to the history).
    func checkOutlineLookups(_ rules: String, _ works: [String]) throws -> (found: Int, left: Int) {
        var found = 0, left = 0
        for work in works {
            let published = try RuleSetStore.open(work, from: rules)
            let history = try published.history()
            for (index, version) in history.versions.enumerated() {
                var citations: [Citation] = (1...40).flatMap { Citation.parse("\($0)-тармақ") ?? [] }
                    + (1...3).flatMap { Citation.parse("\($0)-қосымша") ?? [] } + [.eId("att_9__para_1"), .eId("para_1__subpara_99")]
                version.root.forEachUnit { eId, _ in citations.append(.eId(eId)) }
                for citation in citations {
                    for choice in DocumentChoice.allCases {
                        let expected = history.lookup(citation, in: choice, version: version)
                        let answer = try published.lookup(citation, in: choice, at: index)
                        if case .found(let node, _) = expected {
                            guard case .found(let read, let readVersion)? = answer else {
                                Issue.record("\(work) version \(index) \(citation) \(choice): not found from the outline")
                                continue
                            }
                            #expect(read == node && readVersion.from == version.from && readVersion.amendedBy == version.amendedBy,
                                    "\(work) version \(index) \(citation) \(choice)")
                            found += 1
                        } else {
                            #expect(answer == nil, "\(work) version \(index) \(citation) \(choice)")
                            left += 1
                        }
                    }
                }
            }
        }
        return (found, left)
    }

    @Test("a query from one version's outline finds what the whole history finds, in every version of the seeds; other answers are left to the history")
    func outlineLookupSeeds() throws {
        let rules = Golden.packageRoot.appendingPathComponent("rules").path
        let (found, left) = try checkOutlineLookups(rules, ["V2100023983", "V2300033763", "V2500035912", "V2500035943", "V2600038247"])
        #expect(found > 500 && left > 500, "\(found) found, \(left) left to the history")
    }

    @Test("and in every version of the synthetic corpus: chapters, struck-out and inserted points, subpoints")
    func outlineLookupSynthetic() throws {
        let rules = FileManager.default.temporaryDirectory.appendingPathComponent("zan-outline-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: rules) }
        _ = try RuleSetBuild(.init(corpus: Golden.fixture("diff/synthetic/corpus").path, out: rules)).run()
        let works = try FileManager.default.contentsOfDirectory(atPath: rules).filter { $0.hasPrefix("V") }.sorted()
        let (found, left) = try checkOutlineLookups(rules, works)
        #expect(found > 100 && left > 100, "\(found) found, \(left) left to the history")
    }

    @Test("a unit table that is missing, cannot be read, or is not the one the index lists is named with why")
    func unreadable() throws {
        let rules = FileManager.default.temporaryDirectory.appendingPathComponent("zan-unreadable-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: rules) }
        try FileManager.default.createDirectory(atPath: rules + "/V1", withIntermediateDirectories: true)
        let table = #"{"format": \#(RuleSetJSON.format), "units": [{"depth": 0, "kind": "document", "text": []}], "work": "V1"}"#
        let versions = #"[{"from": {"date": "2025-01-01"}, "changed": [], "units": [[0, 0]]}]"#
        let index = #"{"format": \#(RuleSetJSON.format), "work": {"id": "V1"}, "versions": \#(versions), "units": {"file": "units.json", "sha256": "\#(SHA256.hex(table))"}, "diagnostics": []}"#
        try Data(index.utf8).write(to: URL(fileURLWithPath: rules + "/V1/index.json"))
        let published = try RuleSetStore.open("V1", from: rules)
        #expect { _ = try published.outline(0) } throws: { "\($0)" == rules + "/V1/units.json: not a Zan rule-set file (missing); run `zan build`" }
        try FileManager.default.createDirectory(atPath: rules + "/V1/units.json", withIntermediateDirectories: true)
        #expect { _ = try RuleSetStore.open("V1", from: rules).version(0) } throws: { "\($0)" == rules + "/V1/units.json: not a Zan rule-set file (cannot be read); run `zan build`" }
        try FileManager.default.removeItem(atPath: rules + "/V1/units.json")
        try Data(table.utf8).write(to: URL(fileURLWithPath: rules + "/V1/units.json"))
        #expect(try RuleSetStore.open("V1", from: rules).version(0).root.kind == .document)
        // The table replaced after the index was read (a build between the two reads): the
        // index's runs would not be the ones written with it.
        try Data((table + "\n").utf8).write(to: URL(fileURLWithPath: rules + "/V1/units.json"))
        let mismatch = "not a Zan rule-set file (its SHA-256 is not the one its work's index lists: a build replaced it after the index was read (ask again), or it was edited by hand); run `zan build`"
        #expect { _ = try RuleSetStore.open("V1", from: rules).version(0) } throws: { "\($0)" == rules + "/V1/units.json: " + mismatch }
        #expect { _ = try RuleSetStore.open("V1", from: rules).outline(0) } throws: { "\($0)" == rules + "/V1/units.json: " + mismatch }
    }

    @Test("an index whose version lacks its changed units or its runs, or that lists no unit table, is refused, naming the index and why")
    func indexWithoutChanged() throws {
        let rules = FileManager.default.temporaryDirectory.appendingPathComponent("zan-index-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: rules) }
        try FileManager.default.createDirectory(atPath: rules + "/V1", withIntermediateDirectories: true)
        func refused(_ versions: String, units: String) throws -> String {
            let index = #"{"format": \#(RuleSetJSON.format), "work": {"id": "V1"}, "versions": \#(versions), "units": \#(units), "diagnostics": []}"#
            try Data(index.utf8).write(to: URL(fileURLWithPath: rules + "/V1/index.json"))
            do {
                _ = try RuleSetStore.open("V1", from: rules)
                return "opened"
            } catch {
                return "\(error)"
            }
        }
        let listed = #"{"file": "units.json", "sha256": ""}"#
        let without = "not a Zan rule-set file (a version without a start, its changed units or its runs of units); run `zan build`"
        for version in [#"{"from": {"date": "2025-01-01"}, "units": [[0, 0]]}"#, #"{"changed": [], "units": [[0, 0]]}"#,
                        #"{"from": {"date": "2025-01-01"}, "changed": []}"#, #"{"from": {"date": "2025-01-01"}, "changed": [], "units": [[1, 0]]}"#,
                        #"{"from": {"date": "2025-01-01"}, "changed": [], "units": [[0]]}"#, #"{"from": {"date": "2025-01-01"}, "changed": [], "units": [["0", 1]]}"#] {
            #expect(try refused("[\(version)]", units: listed) == rules + "/V1/index.json: " + without, "\(version)")
        }
        let good = #"[{"from": {"date": "2025-01-01"}, "changed": [], "units": [[0, 0]]}]"#
        #expect(try refused(good, units: listed) == "opened")
        for units in ["null", #"{"file": "../units.json"}"#, #"{"sha256": ""}"#] {
            #expect(try refused(good, units: units) == rules + "/V1/index.json: not a Zan rule-set file (no unit table (units.json) listed); run `zan build`", "\(units)")
        }
    }

    @Test("runs that are not a version's tree, and what is not a unit table: an error naming the file and why, never a crash")
    func errors() throws {
        let units = [UnitEntry(depth: 0, unit: RuleNode(kind: .document)), UnitEntry(depth: 1, unit: RuleNode(kind: .paragraph, num: "1")),
                     UnitEntry(depth: 2, unit: RuleNode(kind: .subparagraph, num: "1"))]
        func reason(_ runs: [ClosedRange<Int>]) -> String? {
            do {
                _ = try RuleSetJSON.tree(runs, units: units, "index.json")
                return nil
            } catch {
                #expect(error.description.hasPrefix("index.json: not a Zan rule-set file ("))
                return error.reason
            }
        }
        #expect(reason([0...2]) == nil)
        #expect(reason([0...1, 2...2]) == nil)
        #expect(reason([0...3]) == "a run of units [0, 3] is not in the 3 entries of units.json")
        #expect(reason([0...0, 2...2]) == "a version's units are not one tree", "a unit two levels down")
        #expect(reason([1...2]) == "a version's units are not one tree", "no root")
        #expect(reason([0...1, 0...0]) == "a version's units are not one tree", "two roots")
        #expect(reason([]) == "a version's units are not one tree", "no units")
        // Runs as an index writes them, and what is not.
        #expect(RuleSetJSON.decodeRuns(JSON.parse(Data("[[0, 2], [5, 5]]".utf8))) == [0...2, 5...5])
        #expect(RuleSetJSON.decodeRuns(JSON.parse(Data("[]".utf8))) == [])
        for bad in ["[[2, 1]]", "[[0]]", "[[0, 1, 2]]", "[0, 1]", "{}", "[[0, \"1\"]]", "null"] {
            #expect(RuleSetJSON.decodeRuns(JSON.parse(Data(bad.utf8))) == nil, "\(bad)")
        }
        // The unit table.
        func tableReason(_ entries: String, format: Int = RuleSetJSON.format) -> String? {
            do {
                _ = try RuleSetJSON.decodeUnits(Data(#"{"format": \#(format), "units": [\#(entries)], "work": "V1"}"#.utf8), "units.json")
                return nil
            } catch {
                return error.reason
            }
        }
        #expect(tableReason(#"{"depth": 0, "kind": "document", "text": []}"#) == nil)
        #expect(tableReason(#"{"depth": 0, "kind": "document", "text": []}"#, format: 8) == "format is not \(RuleSetJSON.format)")
        #expect(tableReason(#"{"kind": "document", "text": []}"#) == "a unit lacks depth, kind or text")
        #expect(tableReason(#"{"depth": 0, "kind": "document"}"#) == "a unit lacks depth, kind or text")
        #expect(tableReason(#"{"depth": -1, "kind": "document", "text": []}"#) == "a unit's depth is not a number from 0")
        #expect(tableReason(#"{"depth": 0, "kind": "nonsense", "text": []}"#) == "a unit's kind is not one Zan writes")
        #expect(tableReason(#"{"depth": 0, "kind": "document", "text": [], "provenance": {"act": "V1", "file": "f", "start": {"line": 1}}}"#)
            == "a position lacks line or column")
        #expect(throws: RuleSetJSON.DecodeError.self) { try RuleSetJSON.decodeUnits(Data(#"{"format": \#(RuleSetJSON.format)}"#.utf8), "units.json") }
    }
}
