import ArgumentParser
import ZanEmit
import ZanText
import ZanTimeline

/// `zan show WORK [CITATION] --at DATE`: what a unit said on a date.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a unit of a work (or the whole work) as in force on a date.",
        discussion: """
            CITATION is an eId (att_1__para_13) or a citation as amending orders write it \
            ("13-тармақ", "14-тармақтың 2) тармақшасы", "4-тармақтың екінші бөлігі", \
            "1-қосымша", "пункт 13"). Without a document qualifier it is read in the approved \
            Rules when the work is an approving order (--in body or --in rules overrides).
            Text output gives the version's interval, the provenance of the wording, and \
            "provisional" when a date is only the earliest possible.
            Exit codes: 0 found; 3 the text on that date is not in the corpus; 4 not in force on \
            that date (not yet, repealed, struck out, no such unit); 1 errors; 64 usage.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The work's id (V2300033763).")
    var work: String

    @Argument(help: "The unit: an eId or a Kazakh or Russian citation. Omit for the whole work.")
    var citation: String?

    @Option(help: "The date (YYYY-MM-DD).")
    var at: String

    @Option(help: "Output format: text, json.")
    var format: Format = .text

    @OptionGroup var query: WorkQueryOptions

    func validate() throws {
        _ = try parseDate(at, "--at")
        if let citation { _ = try parseCitation(citation) }
    }

    func run() throws {
        let date = try parseDate(at, "--at")
        // The index, and of the version in force its outline only: the structure to find a
        // unit in, the unit then read in full. The whole history only for an answer that is not
        // `.found` (its message names later versions).
        let published = try query.open(work)
        let index = published.index(at: date)
        var full: WorkHistory?
        func history() throws -> WorkHistory {
            if let full { return full }
            let loaded = try query.read { try published.history() }
            full = loaded
            return loaded
        }
        var answers: [(Citation?, Answer)] = []
        if let citation {
            let outline = try index.map { index in try query.read { try published.outline(index) } }
            let last = index == published.entries.count - 1 ? outline?.version : nil
            let choice = try query.read { try published.resolved(query.document, last: last) }
            for cited in try parseCitation(citation) {
                var found: Answer?
                if let index {
                    found = try query.read { try published.lookup(cited, in: choice, at: index, outline: outline) }
                }
                answers.append((cited, try found ?? history().lookup(cited, in: query.document, at: date)))
            }
        } else if let index {
            let version = try query.read { try published.version(index) }
            answers.append((nil, .found(version.root, version)))
        } else {
            answers.append((nil, published.absence(at: date)))
        }
        var output = StandardOutput()
        switch format {
        case .text:
            for (number, (cited, answer)) in answers.enumerated() {
                if number > 0 { output.write("\n") }
                output.write(text(cited, answer, published, at: index, date))
            }
        case .json:
            let items = answers.map { json($0.0?.description ?? "the whole work", $0.1, date) }
            output.write((items.count == 1 ? items[0] : .array(items)).serialized(pretty: true) + "\n")
        }
        output.flush()
        let code = answers.map(\.1.exitCode).max() ?? 0
        if code != 0 { throw ExitCode(code) }
    }

    func text(_ cited: Citation?, _ answer: Answer, _ published: PublishedWork, at index: Int?, _ date: CivilDate) -> String {
        var out = "\(published.work.id) › \(cited?.description ?? "the whole work") on \(date)\n"
        switch answer {
        case let .found(node, version):
            if let eId = node.eId { out += "eId: \(eId)\n" }
            out += "version: \(interval(version.from, version.to))"
            if !version.amendedBy.isEmpty { out += " amended by \(version.amendedBy.joined(separator: ", "))" }
            out += "\n"
            // The wording's interval: the versions around this one over which the unit (by its
            // eId) is the same, from the changed units the index lists.
            if cited != nil, let eId = node.eId, let index {
                let wording = published.wording(of: eId, at: index)
                out += "wording in force: \(interval(wording.from, wording.to))\n"
                if wording.from.provisional { out += "provisional: in force from \(wording.from.date) at the earliest — \(wording.from.basis)\n" }
            } else if version.from.provisional {
                out += "provisional: in force from \(version.from.date) at the earliest — \(version.from.basis)\n"
            }
            if let provenance = node.provenance { out += "provenance: \(provenance.summary)–\(provenance.end)\n" }
            out += "\n" + render(node) + "\n"
        case let .notInCorpus(message, _):
            out += "not in corpus: \(message)\n"
        case let .notInForce(message, _):
            out += "not in force: \(message)\n"
        }
        return out
    }

    func json(_ label: String, _ answer: Answer, _ date: CivilDate) -> JSON {
        var members: [String: JSON] = ["work": .string(work), "citation": .string(label), "at": .string(date.description)]
        func version(_ version: Version?) -> JSON {
            guard let version else { return .null }
            return .object(["from": RuleSetJSON.date(version.from), "to": version.to.map(RuleSetJSON.date) ?? .null,
                            "amended_by": .array(version.amendedBy.map(JSON.string))])
        }
        switch answer {
        case let .found(node, found):
            members["status"] = .string("found")
            members["version"] = version(found)
            members["node"] = RuleSetJSON.node(node)
        case let .notInCorpus(message, found):
            members["status"] = .string("not_in_corpus")
            members["message"] = .string(message)
            members["version"] = version(found)
        case let .notInForce(message, found):
            members["status"] = .string("not_in_force")
            members["message"] = .string(message)
            members["version"] = version(found)
        }
        return .object(members)
    }
}
