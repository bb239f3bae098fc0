import ArgumentParser
import ZanEmit
import ZanText
import ZanTimeline

/// `zan history WORK CITATION`: every wording a unit has had.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List every version of a unit of a work, with its interval and provenance.",
        discussion: """
            One entry per distinct wording, oldest first: the interval [from, to) it was in \
            force (provisional where a date is only the earliest possible), the act and point \
            that set it, and the text. Stretches whose text is not in the corpus are named at \
            the end.
            Exit codes: 0 listed; 3 the corpus has no text of the unit at any date; 1 errors; 64 usage.
            """
    )

    @Argument(help: "The work's id (V2300033763).")
    var work: String

    @Argument(help: "The unit: an eId or a Kazakh or Russian citation.")
    var citation: String

    @OptionGroup var query: WorkQueryOptions

    func validate() throws { _ = try parseCitation(citation) }

    func run() throws {
        let history = try query.load(work)
        var output = StandardOutput()
        var any = false
        for cited in try parseCitation(citation) {
            let runs = history.history(of: cited, in: query.document)
            output.write("\(history.work.id) › \(cited): \(runs.count) version\(runs.count == 1 ? "" : "s")\n")
            for (index, run) in runs.enumerated() {
                any = true
                let by = run.node.provenance.map { " from \($0.act)" } ?? ""
                output.write("\n\(index + 1). \(interval(run.from, run.to))\(by)\(run.from.provisional ? " — provisional" : "")\n")
                if run.from.provisional { output.write("   from \(run.from.date) at the earliest — \(run.from.basis)\n") }
                if let provenance = run.node.provenance { output.write("   provenance: \(provenance.summary)\n") }
                output.write(render(run.node, indent: "   ") + "\n")
            }
            let unknown = history.versions.filter {
                if case .notInCorpus = history.lookup(cited, in: query.document, version: $0) { return true }
                return false
            }
            if !unknown.isEmpty {
                output.write("\nnot in corpus: " + unknown.map { interval($0.from, $0.to) }.joined(separator: ", ") + "\n")
            }
        }
        output.flush()
        if !any { throw ExitCode(3) }
    }
}
