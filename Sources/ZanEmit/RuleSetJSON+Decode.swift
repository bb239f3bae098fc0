import Foundation
import ZanAmendments
import ZanDocument
import ZanText
import ZanTimeline

/// Reading rule-set files back (`RuleSetStore`): a work's index through `JSON`, its unit table
/// straight from its bytes into entries — a 1 MB work's unit table holds tens of thousands of
/// nodes, and building a dictionary per node and per provenance first made a cold query slow.
extension RuleSetJSON {
    /// A decoding failure: the file is not what this version of Zan writes.
    public struct DecodeError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): not a Zan rule-set file (\(reason)); run `zan build`" }
    }

    public static func decodeDate(_ json: JSON?, _ path: String) throws(DecodeError) -> EffectiveDate? {
        guard let json, json != .null else { return nil }
        guard let text = json["date"]?.string, let date = CivilDate(iso: text) else {
            throw DecodeError(path: path, reason: "a date is not YYYY-MM-DD")
        }
        return EffectiveDate(date, provisional: json["provisional"]?.bool ?? false, basis: json["basis"]?.string ?? "")
    }

    /// The work an index describes.
    public static func decodeWork(_ json: JSON, _ path: String) throws(DecodeError) -> Work {
        guard json["format"]?.int == format else { throw DecodeError(path: path, reason: "format is not \(format)") }
        guard let about = json["work"], let id = about["id"]?.string else { throw DecodeError(path: path, reason: "no work id") }
        var work = Work(id: id, kind: about["kind"]?.string, title: about["title"]?.string,
                        date: about["date"]?.string.flatMap(CivilDate.init(iso:)), number: about["number"]?.string,
                        registration: about["registration"]?.string, inCorpus: about["in_corpus"]?.bool ?? false,
                        existsFrom: try decodeDate(about["exists_from"], path))
        if let repeal = about["repealed"], repeal != .null, let from = try decodeDate(repeal["from"], path) {
            work.repealed = Work.Repeal(from: from, by: repeal["by"]?.string ?? "")
        }
        return work
    }

    /// A work's unit table (`units.json`), from its bytes: every entry in full.
    public static func decodeUnits(_ data: Data, _ path: String) throws(DecodeError) -> [UnitEntry] {
        try decodeTable(data, path, outline: false).entries
    }

    /// A work's unit table for finding a unit in (`WorkHistory.place(of:in:version:)`): every
    /// entry's depth, kind, number, eId and flags, with its text, heading and provenance
    /// stepped over (their brackets and strings checked, nothing built). A 1 MB work's table
    /// holds megabytes of text a query does not need; `VersionOutline.node(at:)` reads the
    /// units it needs in full.
    public static func decodeUnitsOutline(_ data: Data, _ path: String) throws(DecodeError) -> UnitsOutline {
        try decodeTable(data, path, outline: true)
    }

    private static func decodeTable(_ data: Data, _ path: String, outline: Bool) throws(DecodeError) -> UnitsOutline {
        let result: Result<UnitsOutline, DecodeError> = data.withUnsafeBytes { raw in
            var reader = JSONReader(bytes: raw.bindMemory(to: UInt8.self))
            var decoder = UnitTableDecoder(outline: outline)
            guard let entries = decoder.table(&reader), reader.atEnd() else {
                let reason = decoder.problem ?? "not JSON (at byte \(reader.index))"
                return .failure(DecodeError(path: path, reason: reason))
            }
            return .success(UnitsOutline(entries: entries, data: data, path: path, starts: decoder.starts))
        }
        return try result.get()
    }

    /// A version's tree from its runs of the work's unit table (`units`, `decodeUnits`); `path`
    /// names the index that lists the runs.
    public static func tree(_ runs: [ClosedRange<Int>], units: [UnitEntry], _ path: String) throws(DecodeError) -> RuleNode {
        try tree(runs, units, path).root
    }

    /// `version` (its dates and acts) as an outline: its tree from `runs` of the outline of its
    /// work's unit table (`decodeUnitsOutline`), any unit readable in full.
    public static func outline(_ version: Version, runs: [ClosedRange<Int>], units: UnitsOutline,
                               _ path: String) throws(DecodeError) -> VersionOutline {
        let (root, order) = try tree(runs, units.entries, path)
        var outlined = version
        outlined.root = root
        return VersionOutline(version: outlined, units: units, order: order)
    }

    /// The tree `runs` give of `entries`, and the entry of each of its nodes in pre-order; each
    /// run must name entries of the table.
    private static func tree(_ runs: [ClosedRange<Int>], _ entries: [UnitEntry], _ path: String) throws(DecodeError) -> (root: RuleNode, order: [Int]) {
        var order: [Int] = []
        for run in runs {
            guard run.lowerBound >= 0, run.upperBound < entries.count else {
                throw DecodeError(path: path, reason: "a run of units [\(run.lowerBound), \(run.upperBound)] is not in the \(entries.count) entries of \(unitsFileName)")
            }
            order += run
        }
        guard let root = UnitEntry.tree(order.lazy.map { entries[$0] }) else {
            throw DecodeError(path: path, reason: "a version's units are not one tree")
        }
        return (root, order)
    }

    /// Runs as an index writes them (`[[first, last], …]`); nil when they are not.
    public static func decodeRuns(_ json: JSON?) -> [ClosedRange<Int>]? {
        guard let items = json?.array else { return nil }
        var runs: [ClosedRange<Int>] = []
        for item in items {
            guard let bounds = item.array, bounds.count == 2, let first = bounds[0].int, let last = bounds[1].int,
                  first <= last else { return nil }
            runs.append(first...last)
        }
        return runs
    }
}

/// A work's unit table read as an outline (`RuleSetJSON.decodeUnitsOutline`): every entry's
/// depth and structure, with any entry readable in full from the file's bytes.
public struct UnitsOutline: Sendable {
    /// The entries; without text, headings or provenance in an outline.
    public let entries: [UnitEntry]
    let data: Data
    let path: String
    /// Where each entry's object starts in `data` (outline only).
    let starts: [Int]

    /// Entry `index` in full.
    func entry(_ index: Int) throws(RuleSetJSON.DecodeError) -> UnitEntry {
        guard starts.indices.contains(index) else {
            throw RuleSetJSON.DecodeError(path: path, reason: "the outline does not match the file")
        }
        let result: Result<UnitEntry, RuleSetJSON.DecodeError> = data.withUnsafeBytes { raw in
            var reader = JSONReader(bytes: raw.bindMemory(to: UInt8.self))
            reader.index = starts[index]
            var decoder = UnitTableDecoder()
            // An entry is an item of the table's array (depth 1), a member of the file's object.
            guard let entry = decoder.entry(&reader, depth: 2) else {
                let reason = decoder.problem ?? "not JSON (at byte \(reader.index))"
                return .failure(RuleSetJSON.DecodeError(path: path, reason: reason))
            }
            return .success(entry)
        }
        return try result.get()
    }
}

/// A version read as an outline (`RuleSetJSON.outline`): its dates, acts and the
/// structure of its tree, with any node readable in full from its work's unit table.
public struct VersionOutline: Sendable {
    /// The version; its tree has no text, headings or provenance.
    public let version: Version
    let units: UnitsOutline
    /// The unit table's entry of each node, the nodes in pre-order.
    let order: [Int]

    /// The node at `nodePath` (child indices from the root), in full: text, heading,
    /// provenance and all its children.
    public func node(at nodePath: [Int]) throws(RuleSetJSON.DecodeError) -> RuleNode {
        // The node's number in pre-order: one for each node on the way, plus every node under
        // the siblings before it.
        var number = 0
        var node = version.root
        for step in nodePath {
            guard node.children.indices.contains(step) else {
                throw RuleSetJSON.DecodeError(path: units.path, reason: "no node at \(nodePath) of the outline")
            }
            number += 1 + node.children[..<step].reduce(0) { $0 + Self.size($1) }
            node = node.children[step]
        }
        // The node and the nodes under it: the next `size` in pre-order, read in full.
        var subtree: [UnitEntry] = []
        for position in number..<number + Self.size(node) { subtree.append(try units.entry(order[position])) }
        guard let found = UnitEntry.tree(subtree, below: nodePath.count) else {
            throw RuleSetJSON.DecodeError(path: units.path, reason: "the outline does not match the file")
        }
        return found
    }

    /// The number of nodes in the tree under `node`, `node` included.
    static func size(_ node: RuleNode) -> Int {
        node.children.reduce(1) { $0 + size($1) }
    }
}

/// The decoder of unit tables over `JSONReader`'s pull primitives: members are read in any
/// order, unknown members are stepped over, missing required ones are named in `problem`.
private struct UnitTableDecoder {
    var problem: String?
    /// Outline only: text, headings and provenance are stepped over, and `starts` records
    /// where each unit of a table begins.
    var outline = false
    var starts: [Int] = []

    /// A unit table file: its entries (`starts` records where each begins in an outline).
    mutating func table(_ reader: inout JSONReader) -> [UnitEntry]? {
        var format: Int?, entries: [UnitEntry]?
        let read = reader.members(depth: 0) { reader, key in
            switch key {
            case "format": format = reader.integer(); return format != nil
            case "units":
                var read: [UnitEntry] = []
                let all = reader.items(depth: 1) { reader in
                    guard let entry = entry(&reader, depth: 2) else { return false }
                    read.append(entry)
                    return true
                }
                entries = read
                return all
            default: return reader.skipValue(depth: 1)
            }
        }
        guard read else { return nil }
        guard format == RuleSetJSON.format else { return fail("format is not \(RuleSetJSON.format)") }
        guard let entries else { return fail("no units") }
        return entries
    }

    mutating func entry(_ reader: inout JSONReader, depth: Int) -> UnitEntry? {
        var kind: ProvisionKind?, num: String?, eId: String?, heading: String?, text: [String]?, level: Int?
        var unknown = false, partial = false, repealed = false
        var provenance: Provenance?
        if outline {
            reader.skipSpace()
            starts.append(reader.index)
        }
        let read = reader.members(depth: depth) { [outline] reader, key in
            switch key {
            case "text" where outline, "heading" where outline, "provenance" where outline:
                if case "text" = key { text = [] }
                return reader.skipValue(depth: depth + 1)
            case "depth":
                level = reader.integer()
                return level.map { $0 >= 0 } ?? false || fail("a unit's depth is not a number from 0")
            case "kind":
                kind = reader.string().flatMap(ProvisionKind.init(rawValue:))
                return kind != nil || fail("a unit's kind is not one Zan writes")
            case "text":
                var paragraphs: [String] = []
                guard strings(&reader, depth: depth + 1, into: &paragraphs) else { return false }
                text = paragraphs
                return true
            case "eId": eId = reader.string(); return eId != nil
            case "num": num = reader.string(); return num != nil
            case "heading": heading = reader.string(); return heading != nil
            case "unknown": return flag(&reader, into: &unknown)
            case "partial": return flag(&reader, into: &partial)
            case "repealed": return flag(&reader, into: &repealed)
            case "provenance":
                provenance = self.provenance(&reader, depth: depth + 1)
                return provenance != nil
            default: return reader.skipValue(depth: depth + 1)
            }
        }
        guard read else { return nil }
        guard let kind, let text, let level else { return fail("a unit lacks depth, kind or text") }
        return UnitEntry(depth: level, unit: RuleNode(kind: kind, num: num, eId: eId, heading: heading, text: text, unknown: unknown,
                                                      partial: partial, repealed: repealed, provenance: provenance))
    }

    mutating func provenance(_ reader: inout JSONReader, depth: Int) -> Provenance? {
        var act: String?, file: String?, point: String?, op: EditOperation?
        var start: Provenance.Position?, end: Provenance.Position?, effective: EffectiveDate?
        let read = reader.members(depth: depth) { reader, key in
            switch key {
            case "act": act = reader.string(); return act != nil
            case "file": file = reader.string(); return file != nil
            case "point": point = reader.string(); return point != nil
            case "op":
                op = reader.string().flatMap(EditOperation.init(rawValue:))
                return op != nil || fail("a provenance's op is not one Zan writes")
            case "start": start = position(&reader, depth: depth + 1); return start != nil
            case "end": end = position(&reader, depth: depth + 1); return end != nil
            case "effective": return date(&reader, depth: depth + 1, into: &effective)
            default: return reader.skipValue(depth: depth + 1)
            }
        }
        guard read else { return nil }
        guard let act, let file, let start, let end else { return fail("a provenance lacks act, file, start or end") }
        return Provenance(act: act, point: point, op: op, file: file, start: start, end: end, effective: effective)
    }

    mutating func position(_ reader: inout JSONReader, depth: Int) -> Provenance.Position? {
        var line: Int?, column: Int?
        let read = reader.members(depth: depth) { reader, key in
            switch key {
            case "line": line = reader.integer(); return line != nil
            case "column": column = reader.integer(); return column != nil
            default: return reader.skipValue(depth: depth + 1)
            }
        }
        guard read else { return nil }
        guard let line, let column else { return fail("a position lacks line or column") }
        return Provenance.Position(line: line, column: column)
    }

    /// An effective date or null.
    mutating func date(_ reader: inout JSONReader, depth: Int, into date: inout EffectiveDate?) -> Bool {
        if reader.null() { return true }
        var day: CivilDate?, provisional = false, basis = ""
        let read = reader.members(depth: depth) { reader, key in
            switch key {
            case "date": day = reader.string().flatMap(CivilDate.init(iso:)); return day != nil || fail("a date is not YYYY-MM-DD")
            case "provisional": return flag(&reader, into: &provisional)
            case "basis":
                guard let text = reader.string() else { return false }
                basis = text
                return true
            default: return reader.skipValue(depth: depth + 1)
            }
        }
        guard read else { return false }
        guard let day else { return fail("a date is not YYYY-MM-DD") }
        date = EffectiveDate(day, provisional: provisional, basis: basis)
        return true
    }

    mutating func strings(_ reader: inout JSONReader, depth: Int, into strings: inout [String]) -> Bool {
        reader.items(depth: depth) { reader in
            guard let string = reader.string() else { return false }
            strings.append(string)
            return true
        }
    }

    func flag(_ reader: inout JSONReader, into flag: inout Bool) -> Bool {
        guard let value = reader.bool() else { return false }
        flag = value
        return true
    }

    /// Records why the file is not a unit table; false (or nil), to return.
    mutating func fail<T>(_ reason: String) -> T? {
        if problem == nil { problem = reason }
        return nil
    }

    mutating func fail(_ reason: String) -> Bool {
        if problem == nil { problem = reason }
        return false
    }
}
