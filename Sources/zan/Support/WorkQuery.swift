import ArgumentParser
import ZanAmendments
import ZanDocument
import ZanEmit
import ZanText
import ZanTimeline

extension DocumentChoice: ExpressibleByArgument {}

/// Options and helpers shared by the commands that query published rule sets.
struct WorkQueryOptions: ParsableArguments {
    @Option(help: "The rule sets to read (written by `zan build`).")
    var rules = "rules"

    @Option(name: .customLong("in"),
            help: "The document a citation is read in: auto (the approved Rules when the work approves them), body, rules.")
    var document: DocumentChoice = .auto

    /// The work's history, or exit 1 with why not.
    func load(_ work: String) throws -> WorkHistory {
        try loadHistory(work, from: rules)
    }

    /// The work's index (versions read on demand), or exit 1 with why not.
    func open(_ work: String) throws -> PublishedWork {
        try read { try RuleSetStore.open(work, from: rules) }
    }

    /// What `body` reads from `rules`, or exit 1 with why not.
    func read<T>(_ body: () throws -> T) throws -> T {
        try readRules(body)
    }
}

/// A work's published history from `rules`, or exit 1 with why not.
func loadHistory(_ work: String, from rules: String) throws -> WorkHistory {
    try readRules { try RuleSetStore.load(work, from: rules) }
}

/// What `body` reads from a rule set, or exit 1 with why not.
func readRules<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as RuleSetStore.LoadError {
        StandardError.write("zan: error: \(error.description)\n")
        throw ExitCode(1)
    }
}

/// The citations a CITATION argument names, or a usage error.
func parseCitation(_ text: String) throws -> [Citation] {
    guard let citations = Citation.parse(text), !citations.isEmpty else {
        // Echo a long argument shortened: the message is for a terminal.
        let shown = text.count > 80 ? text.prefix(60) + "…(\(text.count) characters)" : Substring(text)
        let longest = text.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).map(\.count).max() ?? 0
        let why = longest > TargetStep.maximumDigits
            ? "a unit number has \(longest) digits (at most \(TargetStep.maximumDigits))"
            : "give an eId (att_1__para_13) or a Kazakh or Russian citation " +
              "(\"13-тармақ\", \"14-тармақтың 2) тармақшасы\", \"4-тармақтың екінші бөлігі\", \"1-қосымша\", \"пункт 13\")"
        throw ValidationError("\"\(shown)\" is not a citation: \(why)")
    }
    return citations
}

/// A date argument, or a usage error.
func parseDate(_ text: String, _ name: String) throws -> CivilDate {
    guard let date = CivilDate(iso: text) else { throw ValidationError("\(name) must be a date YYYY-MM-DD, not \"\(text)\"") }
    return date
}

/// "[2025-04-15 (provisional: earliest possible), 2026-07-12)".
func interval(_ from: EffectiveDate, _ to: EffectiveDate?) -> String {
    "[\(from), \(to.map(\.description) ?? "…"))"
}

/// A unit as text (see `RuleText`).
func render(_ node: RuleNode, indent: String = "") -> String {
    RuleText.lines(node).map { indent + $0 }.joined(separator: "\n")
}
