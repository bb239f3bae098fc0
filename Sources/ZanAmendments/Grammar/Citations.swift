import ZanText

/// What a cited unit or quoted wording is to its instruction, read from the case of its last noun
/// (Kazakh) or the preposition and ending around it (Russian).
enum Role: Equatable {
    /// Acted on: "5-тармақ … жазылсын", "пункт 5 исключить" (nominative, accusative).
    case subject
    /// Where: "5-тармақта …", "в пункте 5 …" (locative).
    case location
    /// What is added: "13-1-тармақпен толықтырылсын", "дополнить пунктом 13-1" (instrumental).
    case new
    /// After what: "13-тармақтан кейін", "после пункта 13" (ablative + кейін).
    case after
    /// Before what: "13-тармақтың алдынан", "перед пунктом 13".
    case before
    /// To what: "1-қосымшаға сәйкес" (dative): a payload attachment or an owner.
    case dative
}

/// A cited list of units: "24-тармақтың 19) тармақшасы", "9 және 10-тармақтар", "14-тармақтың
/// 1) және 2)-тармақшалары", "екінші, үшінші бөлігі", "подпункты 1) и 2) пункта 14".
struct Citation {
    var paths: [TargetPath]
    var role: Role
    var tokens: Range<Int>
    /// Units cited without a number where one is needed ("тармақ мынадай редакцияда").
    var numberless: [UnitKind]
    /// Numbers longer than `TargetStep.maximumDigits`: not unit numbers (refused).
    var oversized: [String] = []
    /// True when the citation names more than `maximumPaths` units (refused; `paths` is empty).
    var tooMany = false

    /// The most units one citation may name (a limit of Zan's: "1–10000-тармақтар" names 10,000).
    static let maximumPaths = 100_000

    /// True when the citation names which units it means and every number is a unit number.
    var isComplete: Bool { numberless.isEmpty && oversized.isEmpty && !tooMany }
}

/// Reads citation chains. One grammar for every level, as bluebell has it: a link is numbers and
/// a unit noun (in either order), links chain outer → inner in Kazakh ("4-баптың 2-тармағының
/// 3) тармақшасы") and inner → outer in Russian ("подпункт 3) пункта 2 статьи 4"); a list
/// shares the noun's suffix ("9 және 10-тармақтар"); "және" or a comma between links starts a
/// sibling chain that keeps the outer steps of the one before ("2-тармақтың 5) тармақшасы және
/// 6) тармақшасы").
struct CitationReader {
    let sentence: Sentence
    let russian: Bool

    /// One link: a unit and its numbers (empty: a noun without a number).
    struct Link {
        var unit: UnitKind
        var nums: [String]
        var ending: String
        var tokens: Range<Int>
    }

    /// A citation starting at token `start`, or nil.
    func read(at start: Int) -> Citation? {
        var chains: [[Link]] = []
        var current: [Link] = []
        var index = start
        var end = start
        while let link = russian ? russianLink(at: index) : kazakhLink(at: index) {
            current.append(link)
            end = link.tokens.upperBound
            index = end
            if isLinkStart(index) { continue }
            // "және", "мен", "и" or a comma, then another link: a sibling chain.
            if let separator = sentence.lower(index), ["және", "мен", "и", ",", "а", "также"].contains(separator),
               isLinkStart(index + 1) {
                chains.append(current)
                current = []
                index += 1
                continue
            }
            break
        }
        guard !current.isEmpty else { return nil }
        chains.append(current)
        var paths: [TargetPath] = []
        var previous: [TargetStep] = []
        var numberless: [UnitKind] = []
        var oversized: [String] = []
        var tooMany = false
        chains: for var chain in chains {
            if russian { chain.reverse() }
            var prefix: [TargetStep] = []
            if let first = chain.first?.unit.depth {
                prefix = previous.prefix { ($0.unit.depth ?? Int.max) < first }
            }
            var expanded: [[TargetStep]] = [prefix]
            for link in chain {
                if link.nums.isEmpty, link.unit.needsNumber { numberless.append(link.unit) }
                oversized += link.nums.filter(TargetStep.isOversized)
                let nums: [String?] = link.nums.isEmpty ? [nil] : link.nums
                // Each number of a link combines with each path so far: a product. Past the limit
                // it is not a citation anyone wrote (and would not fit in memory).
                guard paths.count + expanded.count * nums.count <= Citation.maximumPaths else {
                    tooMany = true
                    break chains
                }
                expanded = expanded.flatMap { steps in nums.map { steps + [TargetStep(link.unit, $0)] } }
            }
            paths += expanded.map(TargetPath.init)
            previous = expanded.last ?? []
        }
        // `current` is the last chain (not empty): its last link in Kazakh, its first in Russian.
        let last = russian ? chains[chains.count - 1][0] : current[current.count - 1]
        return Citation(paths: tooMany ? [] : paths, role: role(of: last, chainStart: start, end: end), tokens: start..<end,
                        numberless: numberless, oversized: oversized, tooMany: tooMany)
    }

    func isLinkStart(_ index: Int) -> Bool {
        switch sentence.kind(index) {
        case .unitRef?: return !russian
        case .number?, .itemNumber?, .enumerator?: return !russian && kazakhLink(at: index) != nil
        case .word?:
            if sentence.unit(index) != nil { return russian ? russianLink(at: index) != nil : true }
            return !russian && item(at: index) != nil && kazakhLink(at: index) != nil
        default: return false
        }
    }

    // MARK: Kazakh: numbers before the noun

    /// "13-тармақ", "9 және 10-тармақтар", "1) және 2)-тармақшалары", "19) тармақшасы",
    /// "екінші, үшінші бөлігі", "кіріспесі".
    func kazakhLink(at start: Int) -> Link? {
        var nums: [String] = []
        var index = start
        while true {
            guard let (values, next) = item(at: index) else { break }
            if sentence.kind(index) == .unitRef { break }
            nums += values
            index = next
            if let mark = sentence.lower(index), [",", "және", "мен", "-", "–", "—"].contains(mark) || sentence.kind(index) == .dash,
               item(at: index + 1) != nil || sentence.kind(index + 1) == .unitRef {
                if sentence.kind(index) == .dash || ["-", "–", "—"].contains(mark),
                   let from = nums.last.flatMap(Int.init), let to = item(at: index + 1)?.values.first.flatMap(Int.init)
                    ?? sentence.number(index + 1).flatMap(Int.init), to > from, to - from < 100 {
                    nums += (from + 1..<to).map { String($0) }   // "екінші – төртінші" → 2, 3, (4 follows)
                }
                index += 1
                continue
            }
            break
        }
        switch sentence.kind(index) {
        case .unitRef?:
            guard let unit = sentence.unit(index), let num = sentence.number(index) else { return nil }
            return Link(unit: unit, nums: nums + [num], ending: ending(ofUnitRef: index),
                        tokens: start..<index + 1)
        case .word?:
            guard let unit = sentence.unit(index), let analysis = UnitNouns.analyze(sentence.lowered[index]), !analysis.russian else {
                return nil
            }
            return Link(unit: unit, nums: nums, ending: analysis.ending, tokens: start..<index + 1)
        default:
            return nil
        }
    }

    /// A number, a parenthesized number, or an ordinal in words ("он екінші"), and where it ends.
    func item(at index: Int) -> (values: [String], next: Int)? {
        if let number = writtenNumber(at: index) { return ([number], index + 1) }
        switch sentence.kind(index) {
        case .word?:
            var words: [String] = []
            var cursor = index
            while let word = sentence.word(cursor), words.count < 4 {
                words.append(word)
                cursor += 1
            }
            guard let (value, count) = NumberWords.parseOrdinal(words) else { return nil }
            return ([String(value)], index + count)
        default:
            return nil
        }
    }

    /// The inflection of the noun in a unit ref: "ның" in "13-тармақтың".
    func ending(ofUnitRef index: Int) -> String {
        let text = sentence.lowered[index]
        // By bytes: a hyphen is one byte, never inside another character's.
        guard let hyphen = text.utf8.lastIndex(of: UInt8(ascii: "-")) else { return "" }
        return UnitNouns.analyze(String(text[text.utf8.index(after: hyphen)...]))?.ending ?? ""
    }

    // MARK: Russian: the noun before its numbers

    /// "пункт 13", "пункты 9 и 10", "подпункт 5)", "часть вторая", "абзацы второй и третий".
    func russianLink(at start: Int) -> Link? {
        guard let unit = sentence.unit(start), let analysis = UnitNouns.analyze(sentence.lowered[start]), analysis.russian else {
            return nil
        }
        var nums: [String] = []
        var index = start + 1
        while let (values, next) = russianItem(at: index) {
            nums += values
            index = next
            if let mark = sentence.lower(index), [",", "и"].contains(mark), russianItem(at: index + 1) != nil,
               sentence.unit(index + 1) == nil {
                index += 1
                continue
            }
            break
        }
        return Link(unit: unit, nums: nums, ending: analysis.ending, tokens: start..<index)
    }

    func russianItem(at index: Int) -> (values: [String], next: Int)? {
        if let number = writtenNumber(at: index) { return ([number], index + 1) }
        guard let word = sentence.word(index), let value = NumberWords.ordinal(word) else { return nil }
        return ([String(value)], index + 1)
    }

    /// A unit's number written in digits: "13", "13-1", the "5" of "5)" or of "5-тармақ" (not
    /// a date or a decimal such as "12.07.2026").
    func writtenNumber(at index: Int) -> String? {
        switch sentence.kind(index) {
        case .number?:
            let text = sentence.normalized(index)
            return text.first?.isNumber == true && !text.contains(".") ? text : nil
        case .itemNumber?, .enumerator?, .unitRef?:
            return sentence.number(index)
        default:
            return nil
        }
    }

    // MARK: Role

    func role(of link: Link, chainStart: Int, end: Int) -> Role {
        if russian {
            let before = sentence.lower(chainStart - 1)
            if before.sameBytes(as: "в") || before.sameBytes(as: "во") { return .location }
            if before.sameBytes(as: "после") { return .after }
            if before.sameBytes(as: "перед") { return .before }
            if ["ом", "ой", "ами", "ем", "ью", "ями", "ком", "кой", "ками"].contains(link.ending) { return .new }
            return .subject
        }
        let next = sentence.word(end)
        switch KazakhMorphology.grammaticalCase(ofEnding: link.ending) {
        case .instrumental: return .new
        case .locative: return .location
        case .ablative: return next.sameBytes(as: "кейін") ? .after : .location
        case .genitive: return next.sameBytes(as: "алдынан") || next.sameBytes(as: "алдына") || next.sameBytes(as: "алдында") ? .before : .subject
        case .dative: return .dative
        case .nominative, .accusative: return .subject
        }
    }
}

extension UnitKind {
    /// Units that are cited by number: a noun alone ("тармақ") does not say which. The
    /// preamble, a title, the only appendix or table need none; a new indent or part added at
    /// the end needs none either (the instruction grammar allows that case).
    var needsNumber: Bool {
        switch self {
        case .preamble, .title, .appendix, .table: false
        default: true
        }
    }

    /// Units an insertion may add without a number ("мынадай мазмұндағы абзацпен толықтырылсын").
    var mayBeAddedUnnumbered: Bool {
        switch self {
        case .part, .indent, .sentence, .row, .column: true
        default: !needsNumber
        }
    }
}
