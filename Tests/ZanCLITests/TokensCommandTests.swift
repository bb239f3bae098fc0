import Foundation
import Testing
import ZanTestSupport

/// Runs the built `zan` binary, as a user would.
enum ZanBinary {
    /// The products directory: the test bundle sits beside the `zan` executable.
    static let url: URL = {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // When the runner is inside a bundle (…/zanPackageTests.xctest/…), step out of it.
        while directory.path.contains(".xctest") { directory.deleteLastPathComponent() }
        return directory.appendingPathComponent("zan")
    }()

    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// `environment` is added to (and overrides) the test process's own.
    static func run(_ arguments: [String], in directory: URL = Golden.packageRoot, environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

@Suite("zan tokens")
struct TokensCommandTests {
    @Test("jsonl shows the folded norm of \"Мемлекеттiк\" and \"13-тармақ\" as one token")
    func acceptance() throws {
        let result = try ZanBinary.run(["tokens", "corpus/V2500035943/kaz.txt", "--format", "jsonl"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains(#""norm":"Мемлекеттік""#) && $0.contains(#""text":"Мемлекеттiк""#) })
        let ref = try #require(lines.first { $0.contains(#""text":"13-тармақ""#) })
        #expect(ref == #"{"column":36,"end":2283,"kind":"unit_ref","line":22,"norm":"13-тармақ","num":"13","start":2268,"text":"13-тармақ","unit":"paragraph"}"#)
        #expect(result.stderr.isEmpty)
    }

    @Test("every jsonl line has the documented keys, and start/end slice the original file")
    func jsonlShape() throws {
        let result = try ZanBinary.run(["tokens", "corpus/V2600038247/kaz.txt"])
        #expect(result.status == 0)
        let bytes = try [UInt8](Data(contentsOf: Golden.packageRoot.appendingPathComponent("corpus/V2600038247/kaz.txt")))
        for line in result.stdout.split(separator: "\n").prefix(400) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for key in ["text", "norm", "kind", "start", "end", "line", "column"] {
                #expect(object[key] != nil, "missing \(key) in \(line)")
            }
            let start = try #require(object["start"] as? Int)
            let end = try #require(object["end"] as? Int)
            #expect(String(decoding: bytes[start..<end], as: UTF8.self) == object["text"] as? String)
        }
    }

    @Test("count prints one line")
    func count() throws {
        let result = try ZanBinary.run(["tokens", "corpus/V2500035943/kaz.txt", "--format", "count"])
        #expect(result.status == 0)
        #expect(result.stdout == "tokens=4408 words=3602 bytes=60727\n")
    }

    @Test("table golden for a small case, with notes on stderr when asked")
    func table() throws {
        let result = try ZanBinary.run(["tokens", "Tests/Fixtures/tokens/mixed-scripts/input.txt",
                                        "--format", "table", "--diagnostics"])
        #expect(result.status == 0)
        #expect(result.stdout == Golden.read("tokens/mixed-scripts/expected.tokens.txt"))
        #expect(result.stderr == Golden.read("tokens/mixed-scripts/expected.diagnostics.txt"))
    }

    @Test("without --diagnostics only warnings and errors are printed")
    func warningsOnly() throws {
        let result = try ZanBinary.run(["tokens", "Tests/Fixtures/tokens/mixed-scripts/input.txt", "--format", "count"])
        #expect(result.status == 0)
        #expect(result.stderr == "Tests/Fixtures/tokens/mixed-scripts/input.txt:1:44: warning: [text.mixed-script-word] word \"Windowsтың\" mixes Latin and Cyrillic letters and was left as it is\n")
    }

    @Test("invalid UTF-8: located error on stderr, exit 1")
    func invalidUTF8() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zan-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(Array("бір\nекі ".utf8) + [0xC3, 0x28]).write(to: directory.appendingPathComponent("bad.txt"))
        let result = try ZanBinary.run(["tokens", "bad.txt"], in: directory)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "bad.txt:2:5: error: [text.invalid-utf8] file is not valid UTF-8: byte sequence 0xC3 at byte offset 14; nothing was read\n")
    }

    @Test("a missing file: clear error, exit 1")
    func missingFile() throws {
        let result = try ZanBinary.run(["tokens", "no/such/file.txt"])
        #expect(result.status == 1)
        #expect(result.stderr == "zan: error: cannot read no/such/file.txt: no such file\n")
    }

    @Test("usage errors exit 64", arguments: [["tokens"], ["tokens", "x.txt", "--format", "xml"], ["nosuch"]])
    func usage(_ arguments: [String]) throws {
        let result = try ZanBinary.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains("Usage:") || result.stderr.contains("Error:"))
    }

    @Test("compiled word-break rules are cached in ZAN_CACHE_DIR and read back; a damaged cache is recompiled; ZAN_CACHE_DIR= turns it off")
    func compiledRulesCache() throws {
        let scratch = try ScratchFolder("rules-cache")
        let arguments = ["tokens", "corpus/V2600038247/kaz.txt", "--format", "table"]
        let uncached = try ZanBinary.run(arguments, environment: ["ZAN_CACHE_DIR": ""])
        #expect(uncached.status == 0 && !uncached.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)

        let first = try ZanBinary.run(arguments, environment: ["ZAN_CACHE_DIR": scratch.path])
        let files = try FileManager.default.contentsOfDirectory(atPath: scratch.path)
        #expect(files.count == 1 && files[0].hasPrefix("word-break-") && files[0].hasSuffix(".brk"), "\(files)")
        let cached = try ZanBinary.run(arguments, environment: ["ZAN_CACHE_DIR": scratch.path])
        #expect(first.stdout == uncached.stdout && cached.stdout == uncached.stdout, "the cached rules tokenize alike")

        // One byte flipped: the digest no longer matches, the rules are compiled and the file rewritten.
        let path = scratch.path + "/" + files[0]
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let written = bytes
        bytes[bytes.count / 2] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let damaged = try ZanBinary.run(arguments, environment: ["ZAN_CACHE_DIR": scratch.path])
        #expect(damaged.status == 0 && damaged.stdout == uncached.stdout)
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == written)
    }

    @Test("help lists the tokens command")
    func help() throws {
        let result = try ZanBinary.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("tokens"))
    }
}
