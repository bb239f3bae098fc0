import ArgumentParser
import ZanText

/// Reading the file a command was given, with the CLI's error conventions: a missing file or
/// undecodable text prints one located line on stderr and exits 1.
enum InputFile {
    static func load(_ path: String) throws -> SourceFile {
        let result: Result<SourceFile, UnreadableText>
        do {
            result = try SourceFile.read(path: path)
        } catch {
            StandardError.write("zan: error: \(error.description)\n")
            throw ExitCode(1)
        }
        switch result {
        case .success(let file):
            return file
        case .failure(let unreadable):
            StandardError.write(unreadable.oneLine + "\n")
            throw ExitCode(1)
        }
    }
}

/// Options shared by commands that report diagnostics.
struct DiagnosticOptions: ParsableArguments {
    @Flag(name: .customLong("diagnostics"),
          help: "Also print notes (every repair made to the text), not only warnings and errors.")
    var includeNotes = false

    @Flag(help: "Print diagnostics as annotated source instead of one line each.")
    var annotated = false

    /// Prints diagnostics to stderr; exits 1 when any is an error.
    func report(_ diagnostics: [Diagnostic], in file: SourceFile) throws {
        for diagnostic in diagnostics.sortedByLocation()
        where includeNotes || diagnostic.severity <= .warning {
            StandardError.write((annotated ? diagnostic.annotated(in: file) : diagnostic.oneLine(in: file)) + "\n")
        }
        if diagnostics.hasErrors { throw ExitCode(1) }
    }
}
