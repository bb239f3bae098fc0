import ArgumentParser

/// `zan`: reads Kazakhstan's amendment orders and the rules they amend.
@main
struct Zan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zan",
        abstract: "A compiler for the amendment orders of the Republic of Kazakhstan.",
        discussion: """
            Reads orders (Kazakh or Russian, as text extracted from adilet pages or PDFs), \
            understands what they change and publishes every version of the rules they amend.
            Exit codes: 0 success, 1 errors in the input, 3 text not in corpus, 4 not in force, 64 usage errors.
            """,
        version: "0.1.0",
        subcommands: [
            TokensCommand.self, TextCommand.self, ParseCommand.self, EditsCommand.self,
            AddCommand.self, BuildCommand.self, ShowCommand.self, HistoryCommand.self, VersionsCommand.self,
            DiffCommand.self, FactsCommand.self,
        ]
    )
}
