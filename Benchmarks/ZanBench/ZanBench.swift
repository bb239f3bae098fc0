import Foundation
import ZanICU
import ZanMalloc
import ZanAmendments
import ZanCorpusGen
import ZanDocument
import ZanText

/// `zan-bench [suite] [FILE]`: throughput of Zan's stages, each next to raw ICU measured in the
/// same run (ratios survive noisy machines; absolute MB/s do not). Every suite checks its own
/// output before it reports: a fast wrong answer is worth nothing.
@main
enum ZanBench {
    static let suites = ["tokens", "parse", "edits", "build", "query", "all"]

    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.contains("--help") || arguments.contains("-h") {
            print("usage: zan-bench [\(suites.joined(separator: "|"))] [FILE | WORKS…]\n"
                  + "  Without FILE, ~30 MB of text is built from the bundled corpus.\n"
                  + "  build [WORKS…]: generated corpora of that many works (default 1000 10000), 20 rounds of orders.\n"
                  + "  query: zan show on a generated 1 MB work, cold process and in-library p50/p99.\n"
                  + "  generate FOLDER [WORKS] [--size BYTES]: write a generated corpus (as the build suite does) to FOLDER.\n"
                  + "  generate FOLDER [WORKS] [--size BYTES] --next-order: add the order the build suite adds before its incremental rebuild.\n"
                  + "  Run it optimized: swift run -c release zan-bench all")
            return
        }
        if arguments.first == "generate" {
            try generate(Array(arguments.dropFirst()))
            return
        }
        print("allocator: \(Measure.allocator)")
        let suite = arguments.first.map { suites.contains($0) } == true ? arguments.removeFirst() : "all"
        if suite == "build" {
            let counts = arguments.compactMap { Int($0) }
            try BuildSuite.run(works: counts.isEmpty ? [1_000, 10_000] : counts)
            print(String(format: "peak RSS: %.1f MB", Measure.peakRSSMegabytes()))
            return
        }
        if suite == "query" {
            try QuerySuite.run()
            print(String(format: "peak RSS: %.1f MB", Measure.peakRSSMegabytes()))
            return
        }
        if suite != "edits" {
            let corpus = try BenchCorpus.load(file: arguments.first)
            print("input: \(corpus.description)")
            if suite == "parse" || suite == "all" { ParseSuite.memory(corpus) }
            if suite == "tokens" || suite == "all" { try TokensSuite.run(corpus) }
            if suite == "parse" || suite == "all" { try ParseSuite.run(corpus) }
        }
        // The edits suite reads whole orders (the seeds and an own fixture), not the 30 MB text.
        if suite == "edits" || suite == "all" { try EditsSuite.run() }
        if suite == "all" {
            try QuerySuite.run()
            try BuildSuite.run(works: [1_000])
        }
        print(String(format: "peak RSS: %.1f MB", Measure.peakRSSMegabytes()))
    }
}

extension ZanBench {
    /// `generate FOLDER [WORKS] [--size BYTES] [--next-order]`: the corpus the build suite
    /// measures, to inspect or to run `zan build` on by hand. `--size` fixes every work's size
    /// (default: drawn from 5–200 KB); `--next-order` adds to that corpus only the order the
    /// suite adds for its incremental rebuild.
    static func generate(_ arguments: [String]) throws {
        var rest = arguments
        var sizes = 5_000...200_000
        let nextOrder = rest.contains("--next-order")
        rest.removeAll { $0 == "--next-order" }
        if let flag = rest.firstIndex(of: "--size") {
            guard flag + 1 < rest.count, let size = Int(rest[flag + 1]), size > 0 else { throw BenchError("--size needs a number of bytes") }
            sizes = size...size
            rest.removeSubrange(flag...(flag + 1))
        }
        guard let folder = rest.first else { throw BenchError("usage: zan-bench generate FOLDER [WORKS] [--size BYTES] [--next-order]") }
        guard let works = rest.count > 1 ? Int(rest[1]) : 1_000, works > 0 else { throw BenchError("WORKS must be a positive number") }
        let generator = CorpusGenerator(.init(works: works, rounds: BuildSuite.rounds, sizes: sizes))
        if nextOrder {
            // The order the build suite adds for its incremental rebuild: one more round's first order.
            let perRound = (works + generator.options.worksPerOrder - 1) / generator.options.worksPerOrder
            let id = try generator.writeOrder(perRound * BuildSuite.rounds + 1, to: folder)
            print("\(folder): added \(id), which changes the first \(min(works, generator.options.worksPerOrder)) works")
            return
        }
        let summary = try generator.write(to: folder)
        print("\(folder): \(summary.works) works, \(summary.orders) orders, " + String(format: "%.1f MB", Double(summary.bytes) / 1e6))
    }
}

/// The text a benchmark runs on: a file, or the corpus seeds repeated to ~30 MB.
struct BenchCorpus {
    let file: SourceFile
    /// How many copies of `unit` make `file` (1 for a user's file).
    let copies: Int
    /// One copy, for the self-check (nil for a user's file).
    let unit: SourceFile?
    let description: String

    static let targetBytes = 30_000_000

    static func load(file path: String?) throws -> BenchCorpus {
        if let path {
            guard case .success(let file) = try SourceFile.read(path: path) else {
                throw BenchError("\(path) is not valid UTF-8")
            }
            return BenchCorpus(file: file, copies: 1, unit: nil,
                               description: "\(path), \(file.bytes.count) bytes")
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        var seeds = ""
        for id in ["V2600038247", "V2500035943"] {
            let url = root.appendingPathComponent("corpus/\(id)/kaz.txt")
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw BenchError("cannot read \(url.path)")
            }
            seeds += String(decoding: data, as: UTF8.self) + "\n"
        }
        let copies = max(1, targetBytes / seeds.utf8.count)
        let text = String(repeating: seeds, count: copies)
        return BenchCorpus(file: SourceFile(text: text, path: "<seeds×\(copies)>"), copies: copies,
                           unit: SourceFile(text: seeds, path: "<seeds>"),
                           description: "corpus seeds ×\(copies), \(text.utf8.count) bytes")
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Timing helpers: warm-up, N runs, median and range.
enum Measure {
    struct Result {
        let seconds: [Double]
        var median: Double { seconds.sorted()[seconds.count / 2] }
        var min: Double { seconds.min() ?? 0 }
        var max: Double { seconds.max() ?? 0 }
    }

    static func time(runs: Int = 5, warmUp: Int = 1, _ body: () -> Void) -> Result {
        for _ in 0..<warmUp { body() }
        var seconds: [Double] = []
        for _ in 0..<runs { seconds.append(Self.seconds(body)) }
        return Result(seconds: seconds)
    }

    /// `subject` and `baseline` in turn, `runs` times each after one warm-up of both, and the
    /// median over the pairs of baseline ÷ subject time: a slow spell of the machine then slows
    /// both sides of a pair, where timing each side on its own put it in one side of the ratio
    /// (the tokenizer's ratio moved by ±0.1 between runs of the same binary).
    static func paired(runs: Int = 5, _ subject: () -> Void, against baseline: () -> Void)
        -> (subject: Result, baseline: Result, ratio: Double) {
        precondition(runs > 0, "at least one run")
        subject()
        baseline()
        var subjectSeconds: [Double] = [], baselineSeconds: [Double] = []
        for _ in 0..<runs {
            subjectSeconds.append(seconds(subject))
            baselineSeconds.append(seconds(baseline))
        }
        let ratios = zip(baselineSeconds, subjectSeconds).map { $0 / $1 }.sorted()
        return (Result(seconds: subjectSeconds), Result(seconds: baselineSeconds), ratios[ratios.count / 2])
    }

    private static func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// "median MB/s (min–max)" for `bytes` processed per run.
    /// Throughput of `body` on a small and a large input, and their ratio (linear ≥ 0.8).
    static func growth(_ label: String, small: SourceFile, large: SourceFile, _ body: (SourceFile) -> Void) {
        let smallTime = time { body(small) }
        let largeTime = time(runs: 3) { body(large) }
        let smallRate = Double(small.bytes.count) / smallTime.median
        let largeRate = Double(large.bytes.count) / largeTime.median
        print("\(label) 0.5 MB      \(throughput(smallTime, bytes: small.bytes.count))")
        print("\(label) 5 MB        \(throughput(largeTime, bytes: large.bytes.count))")
        print(String(format: "%@ growth 5 MB ÷ 0.5 MB throughput  %.2f  (linear ≥ 0.8)", label, largeRate / smallRate))
    }

    static func throughput(_ result: Result, bytes: Int) -> String {
        let mb = Double(bytes) / 1e6
        return String(format: "%7.1f MB/s (%.1f–%.1f)", mb / result.median, mb / result.max, mb / result.min)
    }

    /// The memory `body` takes at its peak above what the process held before it (Linux): the
    /// peak resident size is reset (`clear_refs`), then read before `body`'s result is released.
    /// Run it before other work: memory freed earlier and kept by malloc would hide some of the
    /// peak. Nil where /proc lacks these files.
    static func peakMegabytes(of body: () -> Void) -> Double? {
        guard let reset = FileHandle(forWritingAtPath: "/proc/self/clear_refs"),
              (try? reset.write(contentsOf: Data("5".utf8))) != nil else { return nil }
        try? reset.close()
        guard let before = statusKilobytes("VmRSS") else { return nil }
        body()
        guard let peak = statusKilobytes("VmHWM") else { return nil }
        return Double(peak - before) / 1024
    }

    /// A "Vm…: N kB" line of /proc/self/status.
    private static func statusKilobytes(_ key: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(key + ":") {
            return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
        }
        return nil
    }

    /// The malloc the process runs with: jemalloc where the executable links it (Linux), else
    /// the C library's. Figures from one do not compare with the other's.
    static var allocator: String {
        #if os(Linux)
        // RTLD_DEFAULT (a null handle on Linux): the process's global symbols.
        guard dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallctl") != nil else { return "the C library's malloc" }
        return "jemalloc (\(String(cString: zan_malloc_settings)))"
        #else
        return "the system's malloc"
        #endif
    }

    static func peakRSSMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
    }
}

/// Tokenizer (normalization + tokenization) against raw ICU word-break iteration over UTF-16.
enum TokensSuite {
    static func run(_ corpus: BenchCorpus) throws {
        let file = corpus.file
        // Self-check: the big text is `copies` copies of the unit, so it has `copies` times its tokens.
        var tokenCount = 0
        let tokenizer = Tokenizer()
        if let unit = corpus.unit {
            let expected = tokenizer.tokenize(unit).tokens.count * corpus.copies
            tokenCount = tokenizer.tokenize(file).tokens.count
            guard tokenCount == expected else {
                throw BenchError("tokens self-check failed: \(tokenCount) tokens, expected \(expected)")
            }
        }
        let zan = Measure.time { tokenCount = tokenizer.tokenize(file).tokens.count }
        let normalizer = Normalizer()
        var normalized = normalizer.normalize(file)
        let normalizeOnly = Measure.time { normalized = normalizer.normalize(file) }
        // The tokenizer proper starts, like raw ICU, from UTF-16 text (normalized); raw ICU
        // takes the same text, default word rules, boundaries only. The two run in turn.
        let utf16 = Array(file.text.utf16)
        var status: Int32 = 0
        guard let iterator = zan_brk_open(0, "", &status) else {
            throw BenchError("ubrk_open failed: \(String(cString: zan_icu_error_name(status)))")
        }
        defer { zan_brk_close(iterator) }
        var tokenizeCount = 0, boundaries = 0
        let (tokenizeOnly, icu, ratio) = Measure.paired(runs: 7, { tokenizeCount = tokenizer.tokenize(normalized).tokens.count },
                                                        against: { boundaries = RawICU.boundaries(iterator, utf16) })
        guard tokenizeCount == tokenCount else {
            throw BenchError("tokens self-check failed: \(tokenizeCount) from normalized text, \(tokenCount) from the file")
        }
        // ICU alone on Zan's rules, asked each segment's rule status as the tokenizer does: the
        // tokenizer's floor; the gap to raw ICU is rule complexity, not Swift.
        let rules = Array(WordBreakRules.source.utf16)
        guard let zanRules = rules.withUnsafeBufferPointer({
            zan_brk_open_rules($0.baseAddress, Int32($0.count), nil, nil, &status)
        }) else { throw BenchError("Zan's rules do not compile") }
        defer { zan_brk_close(zanRules) }
        var zanBoundaries = 0
        let rulesOnly = Measure.time { zanBoundaries = RawICU.boundaries(zanRules, utf16, askingStatus: true) }
        guard boundaries > tokenCount, zanBoundaries > tokenCount else {
            throw BenchError("raw ICU self-check failed: \(boundaries) boundaries for \(tokenCount) tokens")
        }
        let bytes = file.bytes.count
        print("tokens  normalize + tokenize  \(Measure.throughput(zan, bytes: bytes))  \(tokenCount) tokens")
        print("tokens    normalize (ICU NFC) \(Measure.throughput(normalizeOnly, bytes: bytes))  \(normalized.changes.count) changes")
        print("tokens    tokenize            \(Measure.throughput(tokenizeOnly, bytes: bytes))")
        print("tokens  raw ICU word break    \(Measure.throughput(icu, bytes: bytes))  \(boundaries) boundaries")
        print("tokens  ICU on Zan's rules    \(Measure.throughput(rulesOnly, bytes: bytes))  \(zanBoundaries) boundaries, with their status")
        print(String(format: "tokens  ratio tokenize ÷ raw ICU             %.2f  (target ≥ 0.6; median of %d runs in turn)",
                     ratio, tokenizeOnly.seconds.count))
        print(String(format: "tokens  ratio normalize+tokenize ÷ raw ICU   %.2f", icu.median / zan.median))
    }
}

/// Reading (PDF repairs, paragraphs) + structure parsing, against raw ICU word break, at 30 MB
/// and at 0.5 MB and 5 MB to show growth is linear.
enum ParseSuite {
    /// The peak memory of one parse, above what the process held before it. Run before any
    /// other suite, on a fresh heap: memory they freed and malloc kept would hide part of it.
    static func memory(_ corpus: BenchCorpus) {
        let parser = DocumentParser()
        guard let megabytes = Measure.peakMegabytes(of: { withExtendedLifetime(parser.parse(corpus.file)) {} }) else {
            print("parse   peak memory of one parse: not measurable here (no /proc/self/clear_refs)")
            return
        }
        print(String(format: "parse   peak memory of one parse   %.1f MB, %.2f× the input (target < 3×)",
                     megabytes, megabytes * 1_048_576 / Double(corpus.file.bytes.count)))
    }

    static func run(_ corpus: BenchCorpus) throws {
        let parser = DocumentParser()
        let bytes = corpus.file.bytes.count
        // Self-check: the seeds parse to their known shape.
        if let unit = corpus.unit {
            let paragraphs = DocumentReader().read(unit).paragraphs.count
            let copies = DocumentReader().read(corpus.file).paragraphs.count
            guard copies >= paragraphs * corpus.copies - corpus.copies else {
                throw BenchError("parse self-check failed: \(copies) paragraphs for \(corpus.copies) × \(paragraphs)")
            }
        }
        var nodes = 0
        let utf16 = Array(corpus.file.text.utf16)
        var status: Int32 = 0
        guard let iterator = zan_brk_open(0, "", &status) else { throw BenchError("ubrk_open failed") }
        defer { zan_brk_close(iterator) }
        let (full, icu, ratio) = Measure.paired({ nodes = parser.parse(corpus.file).root.allNodes.count },
                                                against: { _ = RawICU.boundaries(iterator, utf16) })
        guard nodes > 0 else { throw BenchError("parse self-check failed: empty tree") }
        print("parse   read + parse          \(Measure.throughput(full, bytes: bytes))  \(nodes) nodes")
        // Where the time goes: each stage's share of the whole (the reader normalizes first).
        let normalize = Measure.time(runs: 3) { _ = Normalizer().normalize(corpus.file).units.count }
        let read = Measure.time(runs: 3) { _ = DocumentReader().read(corpus.file).paragraphs.count }
        print(String(format: "parse     normalize %.0f ms, read %.0f ms, structure %.0f ms",
                     normalize.median * 1000, (read.median - normalize.median) * 1000, (full.median - read.median) * 1000))
        print("parse   raw ICU word break    \(Measure.throughput(icu, bytes: bytes))")
        print(String(format: "parse   ratio parse ÷ raw ICU      %.2f  (target ≥ 0.3; median of %d runs in turn)",
                     ratio, full.seconds.count))
        // Linearity: the same text at 0.5 MB and 5 MB.
        let text = corpus.file.text
        func prefix(_ size: Int) -> SourceFile {
            // Cut at the first line break after `size` bytes.
            let bytes = Array(text.utf8)
            var cut = min(size, bytes.count)
            while cut < bytes.count, bytes[cut] != 0x0A { cut += 1 }
            return SourceFile(text: String(decoding: bytes[..<cut], as: UTF8.self), path: "<\(size) bytes>")
        }
        let small = prefix(500_000)
        let large = prefix(5_000_000)
        Measure.growth("parse  ", small: small, large: large) { _ = parser.parse($0) }
    }
}

/// Reading amending orders into edits (structure parsing included), against raw ICU word break
/// on the same bytes: whole orders (the seeds and an own fixture, read one by one as a
/// pipeline would), then a fragment of instructions at 0.5 MB and 5 MB to show growth is linear.
enum EditsSuite {
    static func run() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        var orders: [SourceFile] = []
        for path in ["corpus/V2600038247/kaz.txt", "corpus/V2500035943/kaz.txt", "Tests/Fixtures/edits/order-formulas/input.txt"] {
            guard case .success(let file)? = try? SourceFile.read(path: root.appendingPathComponent(path).path) else {
                throw BenchError("cannot read \(path)")
            }
            orders.append(file)
        }
        let reader = AmendmentReader()
        // Self-check: seed 000 gives its 11 edits, with every instruction accounted for.
        let check = reader.read(orders[0])
        guard check.edits.count == 11, check.coverage.isComplete else {
            throw BenchError("edits self-check failed: \(check.edits.count) edits")
        }
        let rounds = 40
        let bytes = orders.map(\.bytes.count).reduce(0, +) * rounds
        var edits = 0
        var status: Int32 = 0
        guard let iterator = zan_brk_open(0, "", &status) else { throw BenchError("ubrk_open failed") }
        defer { zan_brk_close(iterator) }
        let texts = orders.map { Array($0.text.utf16) }
        let (full, icu, ratio) = Measure.paired(runs: 3, {
            edits = 0
            for _ in 0..<rounds { for order in orders { edits += reader.read(order).edits.count } }
        }, against: { for _ in 0..<rounds { for text in texts { _ = RawICU.boundaries(iterator, text) } } })
        let perOrder = full.median / Double(rounds * orders.count) * 1000
        print("edits   orders → edits        \(Measure.throughput(full, bytes: bytes))  \(edits / rounds) edits per round, "
              + String(format: "%.2f ms per order", perOrder))
        print("edits   raw ICU word break    \(Measure.throughput(icu, bytes: bytes))")
        print(String(format: "edits   ratio edits ÷ raw ICU      %.2f  (median of %d runs in turn)", ratio, full.seconds.count))
        // Linearity over a long fragment of instructions (the seed's points, repeated).
        let document = DocumentParser().parse(orders[0])
        let body = document.paragraphs.filter { $0.range.start < (document.root.children.first { $0.kind == .signature }?.range.start ?? 0) }
            .drop { !$0.text.hasPrefix("1. ") }
            .prefix { !$0.text.hasPrefix("3. ") }
            .map(\.text).joined(separator: "\n") + "\n"
        func fragment(_ size: Int) -> SourceFile {
            SourceFile(text: String(repeating: body, count: max(1, size / body.utf8.count)), path: "<\(size) bytes>")
        }
        let small = fragment(500_000), large = fragment(5_000_000)
        Measure.growth("edits   fragment", small: small, large: large) { _ = reader.read($0) }
        print("edits   fragment 5 MB gives \(reader.read(large).edits.count) edits")
    }
}

/// Raw ICU through the shim: the baseline every ratio divides by.
enum RawICU {
    /// Iterates every boundary of `text`, and asks each one's rule status if `askingStatus`;
    /// returns how many boundaries there were.
    static func boundaries(_ iterator: OpaquePointer, _ text: [UInt16], askingStatus: Bool = false) -> Int {
        text.withUnsafeBufferPointer { buffer in
            var status: Int32 = 0
            zan_brk_set_text(iterator, buffer.baseAddress, Int32(buffer.count), &status)
            var count = 0
            if askingStatus {
                while zan_brk_next(iterator) >= 0 {
                    count += 1
                    _ = zan_brk_rule_status(iterator)  // a call into ICU, not optimized away
                }
                return count
            }
            while zan_brk_next(iterator) >= 0 { count += 1 }
            return count
        }
    }
}
