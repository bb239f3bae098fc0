import Foundation

/// Programs the tests call: xmllint, Python's schema validator.
public enum ExternalTool {
    /// Runs `program` (found on PATH) with `arguments`; status 127 when it is not there. Standard
    /// output and error come back together.
    public static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Validates rule-set files (or, with `diffs`, `zan diff` JSON outputs) with
    /// `Scripts/validate-rules.py`.
    public static func validateRules(_ folder: String, diffs: [String]? = nil) throws -> (status: Int32, output: String) {
        let script = Golden.packageRoot.appendingPathComponent("Scripts/validate-rules.py").path
        return try run("python3", [script, folder] + (diffs.map { ["--diff"] + $0 } ?? []))
    }
}
