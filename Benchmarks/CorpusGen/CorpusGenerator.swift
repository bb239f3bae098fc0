import Foundation

/// Synthetic corpora for benchmarks and tests: approving orders whose Rules have the shape of
/// real ones (chapters, points, subpoints, a state-service table in an appendix; sizes drawn
/// between 5 and 200 KB as real acts are, most of them small), and amending orders in the Kazakh
/// formulas of DESIGN.md (words replaced and supplemented, a point in a new wording, a point
/// inserted, a point struck out). Deterministic: the same options write the same bytes.
public struct CorpusGenerator: Sendable {
    public struct Options: Sendable {
        public var works: Int
        /// Rounds of amendments: every work is amended once per round.
        public var rounds: Int
        /// Works one amending order changes.
        public var worksPerOrder: Int
        public var seed: UInt64
        /// Sizes of the works' texts, in bytes.
        public var sizes: ClosedRange<Int>

        public init(works: Int, rounds: Int = 20, worksPerOrder: Int = 10, seed: UInt64 = 1, sizes: ClosedRange<Int> = 5_000...200_000) {
            self.works = works
            self.rounds = rounds
            self.worksPerOrder = worksPerOrder
            self.seed = seed
            self.sizes = sizes
        }
    }

    /// What was written, for the caller's self-check.
    public struct Summary: Sendable {
        public var works: Int
        public var orders: Int
        public var bytes: Int
        /// The id of each work, in order.
        public var workIDs: [String]
        /// The id of the next order `order(after:)` would write.
        public var nextOrder: Int
    }

    public let options: Options

    public init(_ options: Options) {
        self.options = options
    }

    /// Writes `corpus/<id>/kaz.txt` (and `meta.json` for the works) under `folder`.
    public func write(to folder: String) throws -> Summary {
        var summary = Summary(works: options.works, orders: 0, bytes: 0, workIDs: [], nextOrder: 1)
        var pointCounts: [Int] = []
        for work in 0..<options.works {
            let (text, points) = base(work)
            pointCounts.append(points)
            summary.workIDs.append(Self.workID(work))
            try Self.add(Self.workID(work), text, meta: "{\"published\": \"2023-01-20\"}\n", to: folder, &summary.bytes)
        }
        for round in stride(from: 1, through: options.rounds, by: 1) {
            for first in stride(from: 0, to: options.works, by: options.worksPerOrder) {
                let works = Array(first..<min(options.works, first + options.worksPerOrder))
                let (id, text) = order(summary.nextOrder, round: round, works: works, points: pointCounts)
                try Self.add(id, text, meta: nil, to: folder, &summary.bytes)
                summary.nextOrder += 1
                summary.orders += 1
            }
        }
        return summary
    }

    /// One more order (round `rounds + 1`) changing the first works: the incremental case.
    public func writeOrder(_ number: Int, to folder: String) throws -> String {
        var bytes = 0
        let works = Array(0..<min(options.works, options.worksPerOrder))
        let counts = works.map { base($0).points }
        let (id, text) = order(number, round: options.rounds + 1, works: works, points: counts)
        try Self.add(id, text, meta: nil, to: folder, &bytes)
        return id
    }

    static func add(_ id: String, _ text: String, meta: String?, to folder: String, _ bytes: inout Int) throws {
        let path = folder + "/" + id
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/kaz.txt"))
        if let meta { try Data(meta.utf8).write(to: URL(fileURLWithPath: path + "/meta.json")) }
        bytes += text.utf8.count
    }

    public static func workID(_ work: Int) -> String { "V23" + pad(100_000 + work, 8) }
    static func orderID(_ number: Int) -> String { "V24" + pad(500_000 + number, 8) }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    // MARK: Works

    static let chapterHeadings = ["Жалпы ережелер", "Мемлекеттік қызметті көрсету тәртібі", "Өтінішті қарау тәртібі",
                                  "Шағымдану тәртібі", "Қорытынды ережелер"]
    static let subjects = ["Көрсетілетін қызметті беруші", "Мемлекеттік корпорация", "Уәкілетті орган", "Комиссия",
                           "Жергілікті атқарушы орган"]
    static let actions = ["өтінішті қабылдайды және тіркейді", "құжаттардың толықтығын тексереді",
                          "шешім қабылдайды және көрсетілетін қызметті алушыға жолдайды",
                          "дәлелді бас тарту туралы хабарлама береді", "мәліметтерді ақпараттық жүйеге енгізеді"]
    static let terms = ["2 (екі) жұмыс күні ішінде", "5 (бес) жұмыс күні ішінде", "күнтізбелік 15 (он бес) күн ішінде",
                        "күнтізбелік 30 (отыз) күннен кешіктірмей", "3 (үш) жұмыс күні ішінде"]

    /// An approving order and its Rules, of a size drawn for `work`; and how many points the Rules have.
    func base(_ work: Int) -> (text: String, points: Int) {
        var random = SplitMix(seed: options.seed &* 0x9E37_79B9 &+ UInt64(work))
        // Sizes of acts are skewed: log-uniform between the bounds.
        let low = log(Double(options.sizes.lowerBound)), high = log(Double(options.sizes.upperBound))
        let target = Int(exp(low + (high - low) * random.unit()))
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
        var point = 1
        var chapter = 1
        let table = Self.table()
        while text.utf8.count + table.utf8.count < target || point < 8 {
            point += 1
            if point % 12 == 0, chapter < 40 {
                chapter += 1
                text += "\(chapter)-тарау. \(Self.chapterHeadings[chapter % Self.chapterHeadings.count])\n"
            }
            let subject = random.pick(Self.subjects), action = random.pick(Self.actions), term = random.pick(Self.terms)
            if point % 5 == 0 {
                text += "\(point). \(subject) мынадай жағдайларда өтінішті қайтарады:\n"
                for sub in 1...random.int(in: 2...4) {
                    text += "\(sub)) құжаттар осы Қағидалардың \(max(1, point - sub))-тармағына сәйкес ұсынылмаған;\n"
                }
            } else {
                text += "\(point). \(subject) \(term) \(action). Өтініш Мемлекеттік корпорация не \"цифрлық үкімет\" веб-порталы арқылы тегін қабылданады.\n"
            }
        }
        return (text + table, point)
    }

    /// Appendix 1: a state-service table, tab-separated as text extracted from PDF has it.
    static func table() -> String {
        """
        Сынақ қағидаларына 1-қосымша
        "Сынақ" мемлекеттік қызметті көрсетуге қойылатын негізгі талаптардың тізбесі
        1\tКөрсетілетін қызметті берушінің атауы\tЖергілікті атқарушы органдар
        2\tМемлекеттік қызметті көрсету тәсілдері\t1) Мемлекеттік корпорация; 2) "цифрлық үкіметтің" веб-порталы: www.egov.kz.
        3\tМемлекеттік қызметті көрсету мерзімі\t5 (бес) жұмыс күні
        4\tМемлекеттік қызметті көрсету нысаны\tэлектрондық және (немесе) қағаз түрінде
        5\tМемлекеттік қызметті көрсету нәтижесі\tкуәлік не дәлелді бас тарту
        6\tТөлемақы мөлшері\tТегін
        7\tМемлекеттік қызметті көрсету үшін талап етілетін құжаттар тізбесі\t1) өтініш; 2) жеке басын куәландыратын құжат; 3) анықтама.

        """
    }

    // MARK: Orders

    /// An amending order of round `round` changing `works`, in force on day `round` of a month
    /// of 2024: point 1's version word replaced, and by round a point in a new wording, a point
    /// inserted, words supplemented, or a point struck out.
    /// `points[w]`: how many points work `w` has.
    func order(_ number: Int, round: Int, works: [Int], points: [Int]) -> (String, String) {
        let registration = 500_000 + number
        let month = ["наурыздан", "сәуірден", "мамырдан", "маусымнан", "шілдеден", "тамыздан", "қыркүйектен", "қазаннан",
                     "қарашадан", "желтоқсаннан"][(round - 1) / 28 % 10]
        var text = """
            Сынақ бұйрықтарына өзгерістер енгізу туралы
            Қазақстан Республикасы Сынақ министрінің 2024 жылғы 1 ақпандағы № \(number) бұйрығы. Қазақстан Республикасының Әділет министрлігінде 2024 жылғы 5 ақпанда № \(registration) болып тіркелді
            БҰЙЫРАМЫН:

            """
        for (index, work) in works.enumerated() {
            let count = points[work]
            text += "\(index + 1). «Сынақ қағидаларын бекіту туралы» Қазақстан Республикасы Сынақ министрінің 2023 жылғы 10 қаңтардағы № \(work + 1) бұйрығына (Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № \(100_000 + work) болып тіркелген) мынадай өзгерістер енгізілсін:\n"
            text += "көрсетілген бұйрықпен бекітілген Сынақ қағидаларында:\n"
            text += "1-тармақта «\(round - 1)-нұсқа» деген сөздер «\(round)-нұсқа» деген сөздермен ауыстырылсын;\n"
            // Points 2–7 get new wordings; new points go after point 7; points from the end
            // (never below 9) are struck out; point 1 gets words.
            let point = round % 6 + 2
            let victim = count - round / 4
            switch round % 4 {
            case 1:
                text += "\(point)-тармақ мынадай редакцияда жазылсын:\n«\(point). Көрсетілетін қызметті беруші өтінішті \(round) жұмыс күні ішінде қарайды.».\n"
            case 2:
                text += "мынадай мазмұндағы 7-\(round)-тармақпен толықтырылсын:\n«7-\(round). Өтініш \(round)-нұсқада электрондық түрде беріледі.».\n"
            case 0 where victim >= 9:
                text += "\(victim)-тармақ алып тасталсын.\n"
            default:
                text += "1-тармақ «Қағидалардың» деген сөзден кейін «\(round)-шолудағы» деген сөзбен толықтырылсын.\n"
            }
        }
        text += "\(works.count + 1). Осы бұйрық 2024 жылғы \((round - 1) % 28 + 1) \(month) бастап қолданысқа енгізіледі.\n"
        return (Self.orderID(number), text)
    }
}

/// A small, fast, seedable generator (SplitMix64): the same seed, the same corpus (and the
/// same random test cases on every run).
public struct SplitMix: RandomNumberGenerator, Sendable {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func int(in range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(in: 0...items.count - 1)] }
}
