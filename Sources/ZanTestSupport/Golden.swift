import Foundation
import Testing
import ZanText

/// Golden files: expected outputs kept under `Tests/Fixtures/<stage>/<case>/`.
///
/// A missing golden is written and the test fails (so a new golden is always looked at before it
/// is committed); `UPDATE_GOLDENS=1 swift test` rewrites every golden that differs.
public enum Golden {
    /// The package root, found from this file's location (Sources/ZanTestSupport/Golden.swift).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures` in the package.
    public static let fixtures: URL = packageRoot.appendingPathComponent("Tests/Fixtures")

    /// The path of a file under `Tests/Fixtures`.
    public static func fixture(_ relativePath: String) -> URL {
        fixtures.appendingPathComponent(relativePath)
    }

    /// Reads a fixture as UTF-8 text; records an issue and returns "" when it is missing.
    public static func read(_ relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        guard let data = FileManager.default.contents(atPath: fixture(relativePath).path) else {
            Issue.record("missing fixture \(relativePath)", sourceLocation: sourceLocation)
            return ""
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Compares `actual` with the golden at `relativePath`, recording an issue on a difference
    /// with the first differing line of each.
    public static func check(_ actual: String, _ relativePath: String,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        let url = fixture(relativePath)
        let update = ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1"
        guard let data = FileManager.default.contents(atPath: url.path) else {
            write(actual, to: url)
            Issue.record("golden \(relativePath) was missing and has been written; check it and rerun",
                         sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return }
        if update {
            write(actual, to: url)
            return
        }
        Issue.record("output differs from golden \(relativePath): \(firstDifference(expected, actual))",
                     sourceLocation: sourceLocation)
    }

    static func write(_ text: String, to url: URL) {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                 withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: url, options: .atomic)
    }

    /// "line N: expected `…` got `…`" for the first line that differs.
    public static func firstDifference(_ expected: String, _ actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(e.count, a.count) {
            let left = index < e.count ? String(e[index]) : "<end>"
            let right = index < a.count ? String(a[index]) : "<end>"
            if left != right { return "line \(index + 1): expected `\(left)` got `\(right)`" }
        }
        return "identical lines, different bytes"
    }
}

extension Golden {
    /// A file of the package (e.g. "corpus/V2500035943/kaz.txt") as a `SourceFile` whose path is
    /// that relative path, so goldens that print locations are the same on every checkout.
    public static func source(_ relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) -> SourceFile? {
        guard let data = FileManager.default.contents(atPath: packageRoot.appendingPathComponent(relativePath).path) else {
            Issue.record("cannot read \(relativePath)", sourceLocation: sourceLocation)
            return nil
        }
        switch SourceFile.decode([UInt8](data), path: relativePath) {
        case .success(let file): return file
        case .failure(let unreadable):
            Issue.record("\(relativePath) does not decode: \(unreadable.oneLine)", sourceLocation: sourceLocation)
            return nil
        }
    }
}

extension Golden {
    /// Compares diagnostics, one line each (`path:line:col: severity: [id] message`), with a golden.
    public static func check(diagnostics: [Diagnostic], in file: SourceFile, _ relativePath: String,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        check(diagnostics.map { $0.oneLine(in: file) }.joined(separator: "\n") + "\n", relativePath,
              sourceLocation: sourceLocation)
    }
}
