import Foundation
import ZanEmit
import ZanICU
import ZanText
import ZanTimeline

/// `zan build` on a generated corpus: W approving orders (complete bases, 8 points each) and
/// 20 rounds of amendments, every work changed in every round (a word edit to point 1, plus a
/// point replaced or inserted), 10 works per amending order — so 2·W orders and 21 versions per
/// work. Measures the full build, a second build with nothing changed, and the incremental build
/// after adding one order (which changes 10 works), next to raw ICU word break over the same text.
enum BuildSuite {
    static let rounds = 20
    static let worksPerOrder = 10

    static func run(works: [Int]) throws {
        for count in works { try run(works: count) }
    }

    static func run(works count: Int) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("zan-bench-build-\(getpid())-\(count)")
        defer { try? FileManager.default.removeItem(at: root) }
        let corpus = root.appendingPathComponent("corpus").path, out = root.appendingPathComponent("rules").path
        var bytes = 0
        var texts: [[UInt16]] = []
        func add(_ id: String, _ text: String, meta: String? = nil) throws {
            let folder = corpus + "/" + id
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/kaz.txt"))
            if let meta { try Data(meta.utf8).write(to: URL(fileURLWithPath: folder + "/meta.json")) }
            bytes += text.utf8.count
            texts.append(Array(text.utf16))
        }
        for work in 0..<count {
            try add(workID(work), base(work), meta: "{\"published\": \"2023-01-20\"}\n")
        }
        var orderNumber = 0
        for round in 1...rounds {
            for first in stride(from: 0, to: count, by: worksPerOrder) {
                orderNumber += 1
                let (id, text) = order(orderNumber, round: round, works: Array(first..<min(count, first + worksPerOrder)))
                try add(id, text)
            }
        }
        let documents = count + orderNumber
        print("build   generated corpus: \(count) works, \(orderNumber) orders (\(rounds) rounds), "
              + String(format: "%.1f MB", Double(bytes) / 1e6))

        let options = RuleSetBuild.Options(corpus: corpus, out: out)
        var report = RuleSetBuild.Report()
        let full = Measure.time(runs: 1, warmUp: 0) { report = (try? RuleSetBuild(options).run()) ?? report }
        // Self-check: every work has all its versions and point 1 carries every word edit.
        guard report.works == documents, report.findings.allSatisfy({ $0.diagnostic.severity != Severity.error }),
              let history = try? RuleSetStore.load(workID(count - 1), from: out),
              history.versions.count == rounds + 1,
              case .found(let point1, _)? = Citation.parse("1-тармақ").map({ history.lookup($0[0], at: CivilDate(year: 2030, month: 1, day: 1)!) }),
              point1.fullText.contains("\(rounds)-нұсқа") else {
            throw BenchError("build self-check failed: \(report.works) works, \(report.findings.prefix(3).map(\.oneLine))")
        }
        let again = Measure.time(runs: 1, warmUp: 0) { report = (try? RuleSetBuild(options).run()) ?? report }
        guard !report.stale else { throw BenchError("second build changed files") }
        let (id, text) = order(orderNumber + 1, round: rounds + 1, works: Array(0..<min(count, worksPerOrder)))
        try add(id, text)
        let incremental = Measure.time(runs: 1, warmUp: 0) { report = (try? RuleSetBuild(options).run()) ?? report }
        guard report.changed.count == min(count, worksPerOrder) + 1, report.read <= 2 * (rounds + 2) * worksPerOrder else {
            throw BenchError("incremental build rebuilt \(report.changed.count) works, read \(report.read) documents")
        }
        var status: Int32 = 0
        guard let iterator = zan_brk_open(0, "", &status) else { throw BenchError("ubrk_open failed") }
        defer { zan_brk_close(iterator) }
        let icu = Measure.time(runs: 1, warmUp: 0) { for text in texts { _ = RawICU.boundaries(iterator, text) } }
        let label = "build   \(count) works"
        print("\(label): full build          " + String(format: "%.2f s  (%.0f documents/s, %.2f MB/s)",
                                                          full.median, Double(documents) / full.median, Double(bytes) / 1e6 / full.median))
        print("\(label): rebuild, no change  " + String(format: "%.2f s", again.median))
        print("\(label): add one order       " + String(format: "%.2f s  (%d works rebuilt, %d documents read)",
                                                          incremental.median, report.changed.count, report.read))
        print("\(label): raw ICU word break  " + String(format: "%.2f s  ratio build ÷ raw ICU %.4f", icu.median, icu.median / full.median))
    }

    static func workID(_ work: Int) -> String { "V23" + pad(100_000 + work, 8) }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// An approving order with complete Rules of 8 points.
    static func base(_ work: Int) -> String {
        var text = """
            Сынақ қағидаларын бекіту туралы
            Қазақстан Республикасы Сынақ министрінің 2023 жылғы 10 қаңтардағы № \(work + 1) бұйрығы. Қазақстан Республикасының Әділет министрлігінде 2023 жылғы 12 қаңтарда № \(100_000 + work) болып тіркелді
            БҰЙЫРАМЫН:
            1. Қоса беріліп отырған Сынақ қағидалары бекітілсін.
            2. Осы бұйрық алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.
            Қазақстан Республикасының
            Сынақ министрі
            А. Сынақов
            Қазақстан Республикасы
            Сынақ министрінің
            2023 жылғы 10 қаңтардағы
            № \(work + 1) бұйрығымен бекітілген
            Сынақ қағидалары
            1-тарау. Жалпы ережелер
            1. Осы Қағидалардың редакциясы: 0-нұсқа.

            """
        for point in 2...8 {
            text += "\(point). Көрсетілетін қызметті беруші өтінішті \(point) (бір) жұмыс күні ішінде қарайды және жауап береді.\n"
        }
        return text
    }

    /// An amending order of round `round` changing `works`: point 1's version word, and a point
    /// replaced (odd rounds) or inserted (even rounds); in force on day `round` of March 2024.
    static func order(_ number: Int, round: Int, works: [Int]) -> (String, String) {
        let registration = 500_000 + number
        var text = """
            Сынақ бұйрықтарына өзгерістер енгізу туралы
            Қазақстан Республикасы Сынақ министрінің 2024 жылғы 1 ақпандағы № \(number) бұйрығы. Қазақстан Республикасының Әділет министрлігінде 2024 жылғы 5 ақпанда № \(registration) болып тіркелді
            БҰЙЫРАМЫН:

            """
        for (index, work) in works.enumerated() {
            text += "\(index + 1). «Сынақ қағидаларын бекіту туралы» Қазақстан Республикасы Сынақ министрінің 2023 жылғы 10 қаңтардағы № \(work + 1) бұйрығына (Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № \(100_000 + work) болып тіркелген) мынадай өзгерістер енгізілсін:\n"
            text += "көрсетілген бұйрықпен бекітілген Сынақ қағидаларында:\n"
            text += "1-тармақта «\(round - 1)-нұсқа» деген сөздер «\(round)-нұсқа» деген сөздермен ауыстырылсын;\n"
            if round % 2 == 1 {
                let point = round % 7 + 2
                text += "\(point)-тармақ мынадай редакцияда жазылсын:\n«\(point). Көрсетілетін қызметті беруші өтінішті \(round) жұмыс күні ішінде қарайды.».\n"
            } else {
                text += "мынадай мазмұндағы 8-\(round)-тармақпен толықтырылсын:\n«8-\(round). Өтініш \(round)-нұсқада электрондық түрде беріледі.».\n"
            }
        }
        text += "\(works.count + 1). Осы бұйрық 2024 жылғы \(round) наурыздан бастап қолданысқа енгізіледі.\n"
        return ("V24" + pad(registration, 8), text)
    }
}
