import ArgumentParser
import ZanEmit
import ZanText
import ZanTimeline

/// `zan build`: the corpus → `rules/`, incrementally.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the versioned rule sets of rules/ from the corpus (only what changed).",
        discussion: """
            Reads corpus/<id>/kaz.txt (and meta.json) for every document, applies every edit in \
            order of entry into force, and writes each work's versions as rules/<work>/index.json \
            (the versions) with units.json and facts.json (the tables they share), then \
            rules/index.json and rules/schema/. Only works \
            whose inputs changed are rebuilt; the corpus is never modified, and nothing is written \
            outside the output folder.
            Each file is replaced atomically (written, flushed to disk, renamed into place), \
            rules/index.json last: a build killed at any moment leaves whole files, which \
            --check reports as stale and the next build completes. One build at a time writes \
            an output folder (rules/.lock); another one exits 75 at once.
            Exit codes: 0 done (or, with --check, up to date); 1 error diagnostics, or with \
            --check rules/ is stale; 64 usage; 75 another build holds the lock.
            """
    )

    @Option(help: "The corpus folder (one folder per document, named by its id).")
    var corpus = "corpus"

    @Option(help: "The output folder.")
    var out = "rules"

    @Flag(help: "Write nothing; exit 1 when the output is not what a build would write.")
    var check = false

    @Flag(help: "Rebuild every work, ignoring the index of the last build.")
    var force = false

    @Flag(name: .customLong("diagnostics"), help: "Also print notes (every repair made to the texts read).")
    var includeNotes = false

    @Flag(help: "Print the wall time of each phase of the build to stderr, after its report.")
    var timings = false

    func run() throws {
        let report: RuleSetBuild.Report
        do {
            report = try RuleSetBuild(.init(corpus: corpus, out: out, check: check, force: force)).run()
        } catch {
            StandardError.write("zan: error: \(error.description)\n")
            throw ExitCode(error.busy ? 75 : 1)
        }
        var output = StandardOutput()
        let verb = check ? "stale" : "updated"
        for (work, summary) in report.changed { output.write("\(verb) \(work): \(summary)\n") }
        for work in report.removed { output.write("\(check ? "stale" : "removed") \(work): no corpus document is or changes it\n") }
        for file in report.tampered { output.write("\(check ? "stale" : "rebuilt") \(out)/\(file): differs from the index (edited by hand?)\n") }
        let errors = report.findings.filter { $0.diagnostic.severity == .error }.count
        let warnings = report.findings.filter { $0.diagnostic.severity == .warning }.count
        let tally = "\(report.works) works; \(report.read) documents read; \(report.hashed) file\(report.hashed == 1 ? "" : "s") hashed; \(errors) errors, \(warnings) warnings"
        if check {
            output.write(report.stale ? "\(out)/ is stale: run `zan build` (\(tally))\n" : "\(out)/ is up to date (\(tally))\n")
        } else if report.stale {
            output.write("\(out)/ updated: \(report.changed.count) works changed, \(report.unchanged.count) rebuilt unchanged (\(tally))\n")
        } else {
            output.write("\(out)/ is up to date: no file changed (\(tally))\n")
        }
        output.flush()
        for finding in report.findings where includeNotes || finding.diagnostic.severity <= .warning {
            StandardError.write(finding.oneLine + "\n")
        }
        if timings { StandardError.write(report.timings.lines.map { "timing: " + $0 + "\n" }.joined()) }
        if errors > 0 || (check && report.stale) { throw ExitCode(1) }
    }
}
