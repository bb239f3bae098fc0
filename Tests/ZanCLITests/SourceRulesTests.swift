import Foundation
import Testing
import ZanTestSupport

/// Rules on the sources themselves: input never reaches a trap. A force unwrap, `try!`, `as!`
/// or `fatalError` in a library or the CLI is either on an input path (a crash waiting for the
/// right file) or a broken invariant that should say so; the few of the second kind are listed
/// here with why.
@Suite("Source rules")
struct SourceRulesTests {
    /// Traps that stay, each a broken installation rather than bad input.
    static let allowed: [String: (count: Int, why: String)] = [
        "Sources/ZanText/Tokens/WordBreakRules.swift": (3, "ICU fails to compile Zan's constant rules or to open an iterator: a broken ICU, whatever the input"),
    ]

    /// The Swift files of the libraries and the CLI (test support and benchmarks excluded).
    static func sources() throws -> [String] {
        let root = Golden.packageRoot.appendingPathComponent("Sources").path
        let files = try FileManager.default.subpathsOfDirectory(atPath: root)
        return files.filter { $0.hasSuffix(".swift") && !$0.hasPrefix("ZanTestSupport/") }.sorted().map { "Sources/" + $0 }
    }

    @Test("no force unwrap, try!, as!, fatalError or preconditionFailure outside the listed places")
    func noTraps() throws {
        var found: [String: [String]] = [:]
        for path in try Self.sources() {
            let text = try String(contentsOf: Golden.packageRoot.appendingPathComponent(path), encoding: .utf8)
            for (number, line) in Self.code(text).enumerated() {
                for trap in Self.traps(in: line) { found[path, default: []].append("\(path):\(number + 1): \(trap)") }
            }
        }
        var unexpected: [String] = []
        for (path, hits) in found.sorted(by: { $0.key < $1.key }) where hits.count != Self.allowed[path]?.count {
            unexpected += hits
        }
        #expect(unexpected == [], "traps on what may be an input path:\n\(unexpected.joined(separator: "\n"))")
    }

    @Test("the scanner sees traps in code and interpolations, not in strings or comments")
    func scanner() {
        let sample = """
            let a = b! // c!
            let d = "e!\\(f!)g!"
            /* h! */ let i = j != k
            let l = try! m()
            """
        let lines = Self.code(sample)
        #expect(lines.map(Self.traps) == [["b!"], ["f!"], [], ["try!"]])
    }

    /// The traps on one line of code (strings and comments already blanked).
    static func traps(in line: String) -> [String] {
        var hits: [String] = []
        let characters = Array(line)
        for (index, character) in characters.enumerated() where character == "!" {
            let next = index + 1 < characters.count ? characters[index + 1] : " "
            guard next != "=", index > 0 else { continue }
            let previous = characters[index - 1]
            if previous.isLetter || previous.isNumber || previous == "_" || previous == ")" || previous == "]" || previous == "}" {
                var start = index - 1
                while start > 0, characters[start - 1].isLetter || characters[start - 1].isNumber || characters[start - 1] == "_" { start -= 1 }
                hits.append(String(characters[start...index]))
            }
        }
        for word in ["fatalError(", "preconditionFailure("] where line.contains(word) { hits.append(word) }
        return hits
    }

    /// The source's lines with the contents of string literals and comments blanked out, and
    /// the code inside string interpolations kept.
    static func code(_ source: String) -> [String] {
        enum State { case code, lineComment, blockComment, string(multiline: Bool) }
        var states: [State] = [.code]
        var parens: [Int] = []   // open parentheses of each interpolation on the stack
        var out = ""
        let characters = Array(source)
        var index = 0
        func at(_ text: String) -> Bool {
            let pattern = Array(text)
            return index + pattern.count <= characters.count && Array(characters[index..<index + pattern.count]) == pattern
        }
        while index < characters.count {
            let character = characters[index]
            if character == "\n" {
                if case .lineComment = states.last { states.removeLast() }
                out.append("\n")
                index += 1
                continue
            }
            switch states.last ?? .code {
            case .code:
                if at("//") { states.append(.lineComment); index += 2; continue }
                if at("/*") { states.append(.blockComment); index += 2; continue }
                if at("\"\"\"") { states.append(.string(multiline: true)); out += "\"\"\""; index += 3; continue }
                if character == "\"" { states.append(.string(multiline: false)); out.append("\""); index += 1; continue }
                if !parens.isEmpty {
                    if character == "(" { parens[parens.count - 1] += 1 }
                    if character == ")" {
                        parens[parens.count - 1] -= 1
                        if parens[parens.count - 1] == 0 { parens.removeLast(); states.removeLast(); index += 1; continue }
                    }
                }
                out.append(character)
                index += 1
            case .lineComment:
                index += 1
            case .blockComment:
                if at("*/") { states.removeLast(); index += 2 } else { index += 1 }
            case .string(let multiline):
                if at("\\(") { states.append(.code); parens.append(1); index += 2; continue }
                if character == "\\" { index += 2; continue }
                if multiline, at("\"\"\"") { states.removeLast(); out += "\"\"\""; index += 3; continue }
                if !multiline, character == "\"" { states.removeLast(); out.append("\""); index += 1; continue }
                index += 1
            }
        }
        return out.components(separatedBy: "\n")
    }
}
