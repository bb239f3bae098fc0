import ArgumentParser
import ZanEmit
import ZanText
import ZanTimeline

extension Fact.Kind: ExpressibleByArgument {}

/// `zan facts WORK --at DATE [--kind K]`: the values a version states.
struct FactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts",
        abstract: "List the rule values (deadlines, fees, channels, references, service table) a work states on a date, each with its provision.",
        discussion: """
            Reads the version in force on --at from rules/ and extracts its facts: durations (value, \
            unit, relation, the event they run from), fees (free, or an amount in tenge or MCI), \
            frequencies ("тоқсанына бір рет"), channels and actors (the State Corporation, the \
            portal and its address, the service provider), references (internal ones resolved to \
            eIds of the version: resolved, dangling, not_in_corpus; external ones to other acts) \
            and the rows of state-service tables as typed fields. Each fact names its unit's eId, \
            the paragraphs, and the exact words that state it.
            Exit codes: 0 listed; 1 errors; 4 the work is not in force on that date; 64 usage.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The work's id (V2300033763).")
    var work: String

    @Option(help: "The date (YYYY-MM-DD).")
    var at: String

    @Option(help: "Only facts of this kind: \(Fact.Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: Fact.Kind?

    @Option(help: "Output format: text, json.")
    var format: Format = .text

    @Option(help: "The rule sets to read (written by `zan build`).")
    var rules = "rules"

    func validate() throws {
        _ = try parseDate(at, "--at")
    }

    func run() throws {
        let date = try parseDate(at, "--at")
        let history = try loadHistory(work, from: rules)
        guard let version = history.version(at: date) else {
            if case .notInForce(let message, _) = history.absence(at: date) { StandardError.write("zan: not in force: \(message)\n") }
            throw ExitCode(4)
        }
        let facts = ExtractFacts.facts(in: version.root).filter { kind == nil || $0.kind == kind }
        var output = StandardOutput()
        switch format {
        case .text:
            output.write("\(work) on \(date): version \(interval(version.from, version.to)), \(facts.count) facts\n")
            for fact in facts { output.write(fact.line + "\n") }
        case .json:
            output.write(JSON.object([
                "work": .string(work), "at": .string(date.description),
                "version": .object(["from": RuleSetJSON.date(version.from), "to": version.to.map(RuleSetJSON.date) ?? .null]),
                "facts": .array(facts.map(\.json)),
            ]).serialized(pretty: true) + "\n")
        }
        output.flush()
    }
}
