import ArgumentParser
import ZanEmit
import ZanText
import ZanTimeline

/// `zan versions WORK`: the versions of a work.
struct VersionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "versions",
        abstract: "List the versions of a work: intervals, the acts that made them, provisional dates.",
        discussion: "Exit codes: 0 listed; 1 errors; 64 usage."
    )

    @Argument(help: "The work's id (V2300033763).")
    var work: String

    @OptionGroup var query: WorkQueryOptions

    func run() throws {
        // The index says all it prints: no unit table is read.
        let published = try query.open(work)
        let about = published.work
        var output = StandardOutput()
        output.write("\(about.id)\(about.title.map { " \"\($0)\"" } ?? "")\n")
        var facts: [String] = []
        if let kind = about.kind { facts.append(kind) }
        if let date = about.date { facts.append("of \(date)") }
        if let number = about.number { facts.append("№ \(number)") }
        if let registration = about.registration { facts.append("registered № \(registration)") }
        facts.append(about.inCorpus ? "text in corpus" : "text not in corpus (known from the acts that change it)")
        output.write(facts.joined(separator: ", ") + "\n")
        if let repeal = about.repealed { output.write("repealed from \(repeal.from) by \(repeal.by)\n") }
        for version in published.entries {
            let by = version.amendedBy.isEmpty ? "" : " amended by " + version.amendedBy.joined(separator: ", ")
            output.write("\(interval(version.from, version.to))\(by)\n")
            if version.from.provisional { output.write("  from \(version.from.date) at the earliest — \(version.from.basis)\n") }
        }
        output.flush()
    }
}
