import ArgumentParser
import ZanText
import ZanTimeline

/// `zan add FILE`: a new document into the corpus.
struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a document to the corpus under the id its header gives.",
        discussion: """
            Copies FILE byte for byte to corpus/<id>/kaz.txt, the id derived from the header \
            ("… № 130 бұйрығы. … № 38247 тіркелді" → V2600038247), with meta.json for \
            --published. Refuses a duplicate id, an unreadable file, a file without an id. Then \
            prints the works the document changes and what it could not understand. Run \
            `zan build` next.
            Exit codes: 0 added; 1 refused, or added with error diagnostics; 64 usage.
            """
    )

    @Argument(help: "The text file of the document (UTF-8).")
    var file: String

    @Option(help: "The date of first official publication (YYYY-MM-DD), when the text does not say it.")
    var published: String?

    @Option(help: "The id to file it under, when the header does not give one.")
    var id: String?

    @Option(help: "The corpus folder.")
    var corpus = "corpus"

    func validate() throws {
        if let published, CivilDate(iso: published) == nil {
            throw ValidationError("--published must be a date YYYY-MM-DD, not \"\(published)\"")
        }
    }

    func run() throws {
        let added: AddDocument.Added
        do {
            added = try AddDocument.add(file, to: corpus, published: published.flatMap(CivilDate.init(iso:)), id: id)
        } catch {
            StandardError.write("zan: error: \(error.description)\n")
            throw ExitCode(1)
        }
        let read = added.read
        var output = StandardOutput()
        output.write("added \(added.id) → \(added.folder)/\(Corpus.textFile)\n")
        if let title = read.title { output.write("  \(title)\n") }
        if let from = read.work.existsFrom { output.write("  in force from \(from) — \(from.basis)\n") }
        let targets = read.targets.sorted()
        if targets.isEmpty {
            output.write("  changes no other act\n")
        } else {
            for target in targets {
                let edits = read.planned.filter { $0.work == target }
                let title = read.referenced.first { $0.id == target }?.title.map { " \"\($0)\"" } ?? ""
                output.write("  changes \(target)\(title): \(edits.count) edit\(edits.count == 1 ? "" : "s")\n")
            }
        }
        let coverage = read.coverage
        output.write("  \(coverage.instructionSentences) instruction sentences: \(coverage.understood) understood, \(coverage.diagnosed) not understood\n")
        output.flush()
        for finding in read.findings where finding.diagnostic.severity <= .warning {
            StandardError.write(finding.oneLine + "\n")
        }
        if read.findings.contains(where: { $0.diagnostic.severity == .error }) { throw ExitCode(1) }
    }
}
