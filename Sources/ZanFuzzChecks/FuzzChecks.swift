import ZanAmendments
import ZanDocument
import ZanText

/// What must hold for any input at all, stage by stage: the properties the fuzz targets
/// (FuzzTargets/) check on every generated input, and the regression tests check on every input
/// that once broke one (Tests/Fixtures/fuzz/<stage>/). Each returns the broken properties,
/// empty when all hold. Not crashing is the first property; these are the others.
public enum FuzzChecks {
    /// Bytes → UTF-8 check → NFC and repairs → tokens: tokens come in order inside the file, each
    /// token's original text is its bytes, and its normalized units lie in the normalized text.
    public static func text(_ bytes: [UInt8]) -> [String] {
        guard case .success(let file) = SourceFile.decode(bytes, path: "fuzz.txt") else { return [] }
        let tokenized = Tokenizer().tokenize(file)
        var problems: [String] = []
        var end = 0
        for token in tokenized.tokens {
            if token.range.start < end || token.range.end > bytes.count || token.range.start > token.range.end {
                problems.append("token \(token.range) out of order or outside the \(bytes.count) bytes")
                break
            }
            if token.units.upperBound > tokenized.text.units.count {
                problems.append("token units \(token.units) outside the normalized text")
                break
            }
            end = token.range.end
        }
        problems += located(tokenized.text.diagnostics, in: bytes.count)
        return problems
    }

    /// Bytes → paragraphs → provision tree: paragraphs and diagnostics inside the file, the tree
    /// no deeper than the unit kinds allow.
    public static func document(_ bytes: [UInt8]) -> [String] {
        guard case .success(let file) = SourceFile.decode(bytes, path: "fuzz.txt") else { return [] }
        let document = DocumentParser().parse(file)
        var problems: [String] = []
        for paragraph in document.paragraphs where paragraph.range.end > bytes.count || paragraph.line < 1 {
            problems.append("paragraph at line \(paragraph.line), \(paragraph.range), outside the file")
        }
        problems += located(document.diagnostics, in: bytes.count)
        var deepest = 0
        var stack: [(Provision, Int)] = [(document.root, 0)]
        while let (provision, depth) = stack.popLast() {
            deepest = max(deepest, depth)
            stack += provision.children.map { ($0, depth + 1) }
        }
        if deepest > 16 { problems.append("provision tree \(deepest) deep") }
        return problems
    }

    /// Bytes → instructions → edits: every instruction sentence understood or diagnosed, every
    /// edit and diagnostic located inside the file.
    public static func edits(_ bytes: [UInt8]) -> [String] {
        guard case .success(let file) = SourceFile.decode(bytes, path: "fuzz.txt") else { return [] }
        let amendments = AmendmentReader().read(file)
        var problems: [String] = []
        for edit in amendments.edits where edit.source.end > bytes.count {
            problems.append("edit source \(edit.source) outside the file")
        }
        problems += located(amendments.diagnostics, in: bytes.count)
        let coverage = amendments.coverage
        if coverage.understood + coverage.diagnosed < coverage.instructionSentences {
            problems.append("\(coverage.instructionSentences) instruction sentences, \(coverage.understood) understood, \(coverage.diagnosed) diagnosed")
        }
        return problems
    }

    /// A query's citation: parsing is stable, and what parses names at least one unit.
    public static func citation(_ bytes: [UInt8]) -> [String] {
        guard let text = String(validating: bytes, as: UTF8.self), let paths = CitationText.parse(text) else { return [] }
        var problems: [String] = []
        if CitationText.parse(text) != paths { problems.append("parse of \(text.debugDescription) is not stable") }
        if paths.isEmpty { problems.append("\(text.debugDescription) parses to no unit") }
        return problems
    }

    static func located(_ diagnostics: [Diagnostic], in count: Int) -> [String] {
        diagnostics.compactMap { diagnostic in
            guard let range = diagnostic.range, range.end > count else { return nil }
            return "diagnostic \(diagnostic.id) at \(range), outside the \(count) bytes"
        }
    }
}
