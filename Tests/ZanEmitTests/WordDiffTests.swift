import Testing
import ZanCorpusGen
@testable import ZanEmit

/// The length of the longest common subsequence, by dynamic programming: the reference Myers
/// must agree with (its number of equal steps is exactly this).
func lcsLength(_ a: [Character], _ b: [Character]) -> Int {
    var row = [Int](repeating: 0, count: b.count + 1)
    for x in a {
        var diagonal = 0
        for (j, y) in b.enumerated() {
            let above = row[j + 1]
            row[j + 1] = x == y ? diagonal + 1 : max(row[j + 1], row[j])
            diagonal = above
        }
    }
    return row[b.count]
}

@Suite("Diff: Myers' algorithm")
struct MyersTests {
    /// Applies a script: the equal and delete steps read `old`, equal and insert steps read `new`.
    func check(_ old: [Character], _ new: [Character]) {
        let steps = Myers.script(old, new)
        var i = 0, j = 0
        var rebuiltOld: [Character] = [], rebuiltNew: [Character] = []
        for step in steps {
            switch step {
            case .equal:
                #expect(old[i] == new[j], "an equal step must pair equal elements")
                rebuiltOld.append(old[i]); rebuiltNew.append(new[j]); i += 1; j += 1
            case .delete: rebuiltOld.append(old[i]); i += 1
            case .insert: rebuiltNew.append(new[j]); j += 1
            }
        }
        #expect(rebuiltOld == old && rebuiltNew == new)
        #expect(steps.count { $0 == .equal } == lcsLength(old, new), "the script must be shortest")
    }

    @Test("the paper's example: ABCABBA → CBABAC takes 5 edits")
    func paper() {
        let steps = Myers.script(Array("ABCABBA"), Array("CBABAC"))
        #expect(steps.count { $0 != .equal } == 5)
        check(Array("ABCABBA"), Array("CBABAC"))
    }

    @Test("edges: empty sides, equal sides, one side a prefix of the other")
    func edges() {
        #expect(Myers.script([Character](), []) == [])
        #expect(Myers.script([], Array("ab")) == [.insert, .insert])
        #expect(Myers.script(Array("ab"), []) == [.delete, .delete])
        #expect(Myers.script(Array("abc"), Array("abc")) == [.equal, .equal, .equal])
        #expect(Myers.script(Array("ab"), Array("abc")) == [.equal, .equal, .insert])
        #expect(Myers.script(Array("xbc"), Array("bc")) == [.delete, .equal, .equal])
    }

    @Test("300 random pairs: every script rebuilds both sides and is as short as the LCS allows")
    func random() {
        var generator = SplitMix(seed: 42)
        for _ in 0..<300 {
            let alphabet = Array("abcd")
            let old = (0..<Int.random(in: 0...14, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let new = (0..<Int.random(in: 0...14, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            check(old, new)
        }
    }

    @Test("past the difference limit the script is delete-all then insert-all, still correct")
    func limit() {
        let old = (0..<(Myers.maxDifferences + 10)).map { _ in Character("a") }
        let new = (0..<(Myers.maxDifferences + 10)).map { _ in Character("b") }
        let steps = Myers.script(old, new)
        #expect(steps.count { $0 == .delete } == old.count && steps.count { $0 == .insert } == new.count)
        #expect(steps.firstIndex(of: .insert)! == old.count)
    }
}

@Suite("Diff: word level")
struct WordDiffTests {
    typealias S = WordDiff.Segment

    @Test("one word changed inside quotes: only that word, the quotes stay equal")
    func singleWord() {
        let segments = WordDiff.compare(
            "не \"электрондық үкімет\" веб-порталы арқылы беру мерзімі",
            "не \"цифрлық үкімет\" веб-порталы арқылы беру мерзімі")
        #expect(segments == [S(.equal, "не \""), S(.delete, "электрондық"), S(.insert, "цифрлық"),
                             S(.equal, " үкімет\" веб-порталы арқылы беру мерзімі")])
    }

    @Test("legal tokens are never split: 13-тармақ → 14-тармақ is one token replaced")
    func legalTokens() {
        let segments = WordDiff.compare("Қағидалардың 13-тармағында көрсетілген", "Қағидалардың 14-тармағында көрсетілген")
        #expect(segments == [S(.equal, "Қағидалардың "), S(.delete, "13-тармағында"), S(.insert, "14-тармағында"),
                             S(.equal, " көрсетілген")])
        let hyphenated = WordDiff.compare("веб-порталы арқылы", "веб-порталына арқылы")
        #expect(hyphenated == [S(.delete, "веб-порталы"), S(.insert, "веб-порталына"), S(.equal, " арқылы")])
    }

    @Test("a change at the start of a provision, after its number")
    func start() {
        let segments = WordDiff.compare("1. Осы Қағидалар тәртібін айқындайды.", "1. Бұл Қағидалар тәртібін айқындайды.")
        #expect(segments == [S(.equal, "1. "), S(.delete, "Осы"), S(.insert, "Бұл"),
                             S(.equal, " Қағидалар тәртібін айқындайды.")])
    }

    @Test("a change at the end of a provision, before its full stop")
    func end() {
        let segments = WordDiff.compare("2. Тіркеуді орган жүргізеді.", "2. Тіркеуді орган жүргізеді және бақылайды.")
        #expect(segments == [S(.equal, "2. Тіркеуді орган жүргізеді "), S(.insert, "және бақылайды"), S(.equal, ".")])
        let dropped = WordDiff.compare("3) нәтижені береді.", "3) нәтижені.")
        #expect(dropped == [S(.equal, "3) нәтижені "), S(.delete, "береді"), S(.equal, ".")])
    }

    @Test("a short equal run between two changes joins them into one phrase")
    func joins() {
        let segments = WordDiff.compare("деректердің дұрыс болмауы", "ұсынылған деректердің анық болмауы")
        #expect(segments == [S(.delete, "деректердің дұрыс"), S(.insert, "ұсынылған деректердің анық"), S(.equal, " болмауы")])
        let phrase = WordDiff.compare("бір екі үш төрт бес", "алты екі жеті төрт бес")
        #expect(phrase == [S(.delete, "бір екі үш"), S(.insert, "алты екі жеті"), S(.equal, " төрт бес")])
    }

    @Test("a long equal run keeps two changes apart")
    func keepsApart() {
        let segments = WordDiff.compare("бір екі үш төрт бес алты жеті", "сегіз екі үш төрт бес алты тоғыз")
        #expect(segments == [S(.delete, "бір"), S(.insert, "сегіз"), S(.equal, " екі үш төрт бес алты "),
                             S(.delete, "жеті"), S(.insert, "тоғыз")])
    }

    @Test("spacing is not a change; equal and inserted text give the new wording exactly")
    func spacing() {
        #expect(WordDiff.compare("бір  екі\nүш", "бір екі үш") == [S(.equal, "бір екі үш")])
        #expect(WordDiff.tokens("бір  екі") == WordDiff.tokens("бір екі"))
        let old = "13. Мемлекеттік корпорациядан құжаттардың толық жиынтығын қабылдаған күннен бастап 6 (алты) жұмыс күні."
        let new = "13. Көрсетілетін қызметті беруші құжаттардың толық жиынтығын алған күннен бастап 5 (бес) жұмыс күні ішінде."
        let segments = WordDiff.compare(old, new)
        #expect(segments.filter { $0.op != .delete }.map(\.text).joined() == new)
        // The old wording comes back up to spacing (equal stretches carry the new spacing).
        #expect(WordDiff.tokens(segments.filter { $0.op != .insert }.map(\.text).joined()) == WordDiff.tokens(old))
        #expect(segments.contains(S(.delete, "6 (алты")) && segments.contains(S(.insert, "5 (бес")))
    }

    @Test("empty sides: all inserted or all deleted")
    func empty() {
        #expect(WordDiff.compare("", "жаңа мәтін") == [S(.insert, "жаңа мәтін")])
        #expect(WordDiff.compare("ескі мәтін", "") == [S(.delete, "ескі мәтін")])
        #expect(WordDiff.compare("", "") == [])
    }

    @Test("the enumerator is left out of a wording's tokens when asked")
    func tokens() {
        #expect(WordDiff.tokens("5. Өтініш беріледі.", skippingEnumerator: true) == ["Өтініш", "беріледі", "."])
        #expect(WordDiff.tokens("5) өтініш;", skippingEnumerator: true) == ["өтініш", ";"])
        #expect(WordDiff.tokens("5. Өтініш").first == "5.")
    }
}
