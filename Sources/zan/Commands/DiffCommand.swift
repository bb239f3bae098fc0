import ArgumentParser
import Glibc
import ZanEmit
import ZanText
import ZanTimeline

/// `zan diff WORK --from DATE --to DATE` or `zan diff WORK --order ORDER`: what changed.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed in a work between two dates, or what an order changed in it.",
        discussion: """
            Compares the version in force on --from with the version in force on --to, or, with \
            --order, the version just before the order took effect with the version it starts. \
            Provisions are matched by eId (renumbered or moved ones by their wording); a changed \
            provision shows a word-level redline when both wordings are in the corpus, and "not in \
            corpus" on a side whose text the corpus lacks. Every change names the order, point and \
            operation behind it and when it took effect ("at the earliest" when provisional).
            Formats: text (red/green on a terminal, [-deleted-] {+inserted+} otherwise), json \
            (rules/schema/diff.schema.json), html (one self-contained page: contents, redline, \
            provenance). --out writes to a file (atomically) instead of standard output.
            Exit codes: 0 compared (with or without changes); 1 errors, or the order does not amend \
            the work; 4 the work is not in force on a date; 64 usage.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, html
    }

    enum Color: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    @Argument(help: "The work's id (V2300033763).")
    var work: String

    @Option(help: "The earlier date (YYYY-MM-DD).")
    var from: String?

    @Option(help: "The later date (YYYY-MM-DD).")
    var to: String?

    @Option(help: "An amending order's id: compare the versions just before and from its entry into force.")
    var order: String?

    @Option(help: "Output format: text, json, html.")
    var format: Format = .text

    @Option(help: "Write to this file instead of standard output.")
    var out: String?

    @Option(help: "Color text output: auto (when standard output is a terminal), always, never.")
    var color: Color = .auto

    @Option(help: "The rule sets to read (written by `zan build`).")
    var rules = "rules"

    func validate() throws {
        switch (from, to, order) {
        case (nil, nil, nil):
            throw ValidationError("give --from and --to, or --order")
        case (_, _, .some) where from != nil || to != nil:
            throw ValidationError("--order compares the versions around the order's entry into force; it does not take --from or --to")
        case (.some, nil, nil), (nil, .some, nil):
            throw ValidationError("give both --from and --to")
        default:
            break
        }
        if let from, let to {
            let start = try parseDate(from, "--from"), end = try parseDate(to, "--to")
            if end < start { throw ValidationError("--to (\(end)) is before --from (\(start))") }
        }
    }

    func run() throws {
        let history = try loadHistory(work, from: rules)
        let selected: Result<WorkDiff, WorkDiff.SelectionError>
        if let order {
            selected = WorkDiff.order(history, order)
        } else {
            selected = WorkDiff.between(history, from: try parseDate(from ?? "", "--from"), to: try parseDate(to ?? "", "--to"))
        }
        let diff: WorkDiff
        switch selected {
        case .success(let value): diff = value
        case .failure(let error):
            StandardError.write("zan: \(error.exitCode == 4 ? "not in force" : "error"): \(error.description)\n")
            throw ExitCode(error.exitCode)
        }
        if let order {
            let later = diff.laterDates(of: order, in: history)
            if !later.isEmpty {
                StandardError.write("zan: note: \(order) also takes effect in \(work) on \(later.map(\.description).joined(separator: ", ")); compare those with --from and --to\n")
            }
        }
        let rendered: String
        switch format {
        case .text: rendered = diff.text(colored: out == nil && useColor)
        case .json: rendered = diff.json().serialized(pretty: true) + "\n"
        case .html: rendered = diff.html()
        }
        if let out {
            do {
                try AtomicFile.write(rendered, to: out)
            } catch {
                StandardError.write("zan: error: \(error.description)\n")
                throw ExitCode(1)
            }
        } else {
            var output = StandardOutput()
            output.write(rendered)
            output.flush()
        }
    }

    /// Color on a terminal unless NO_COLOR is set (https://no-color.org) or the terminal is dumb.
    private var useColor: Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            if getenv("NO_COLOR") != nil { return false }
            if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
            return isatty(1) == 1
        }
    }
}
