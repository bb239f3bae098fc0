import ZanText

/// The verbs that end an instruction, Kazakh and Russian: the one place that knows which word
/// makes a sentence an instruction and which operation family it names.
///
/// Kazakh instructions end in a passive imperative (-сын/-сін: "жазылсын" be written); Russian
/// ones in an infinitive ("изложить"). Past forms ("ауыстырылды" was replaced, "исключен") are
/// editorial notes about earlier changes, never instructions.
enum Verb: Equatable {
    /// "жазылсын", "баяндалсын", "мазмұндалсын" / "изложить": state in a (new) wording.
    case state
    /// "толықтырылсын" / "дополнить": supplement (with a unit or with words).
    case supplement
    /// "алып тасталсын" / "исключить": strike out.
    case strike
    /// "ауыстырылсын" / "заменить": replace words.
    case substitute
    /// "күші жойылды деп танылсын", "күші жойылсын" / "признать утратившим силу".
    case repeal
    /// "… саналсын" / "считать": renumber (not supported: reported).
    case renumber
    /// "мынадай өзгерістер енгізілсін" / "внести следующие изменения": names the act a list
    /// of instructions amends (a lead-in, not an instruction).
    case amend

    /// The verb a sentence ends with (the last one outside quotes), and its token index. When
    /// a quote never closes, the verb it swallowed still counts: the sentence is an instruction
    /// with a broken quote, not prose.
    static func find(in sentence: Sentence) -> (verb: Verb, at: Int)? {
        var found: (Verb, Int)?
        var swallowed: (Verb, Int)?
        let depths = sentence.quoteDepths
        for (index, depth) in depths where sentence.kind(index) == .word {
            if let verb = verb(at: index, in: sentence) {
                if depth == 0 { found = (verb, index) } else { swallowed = (verb, index) }
            }
        }
        let unclosed = depths.last.map { $0.depth > 0 && sentence.kind($0.index) != .quoteClose } ?? false
        return unclosed ? found ?? swallowed : found
    }

    /// The instruction verb `word` (lowercased) is, if any. Most words are turned away by one
    /// pass over their bytes (`wordFilter`), not hashed as a dictionary's key.
    static func named(_ word: String) -> Verb? {
        guard wordFilter.mayContain(word) else { return nil }
        return words[LexiconWord(word)]
    }

    private static let wordFilter = LexiconFilter(words.keys)

    /// The instruction verbs, Kazakh and Russian, keyed by their bytes: every word of every
    /// sentence is looked up, and a `String` key hashed each Cyrillic word through Unicode
    /// normalization (about a third of the check that an approved Rules text carries no
    /// instructions).
    private static let words: [LexiconWord: Verb] = [
        "жазылсын": .state, "баяндалсын": .state, "мазмұндалсын": .state, "изложить": .state,
        "толықтырылсын": .supplement, "дополнить": .supplement,
        "тасталсын": .strike, "шығарылсын": .strike, "исключить": .strike,
        "ауыстырылсын": .substitute, "заменить": .substitute,
        "танылсын": .repeal, "жойылсын": .repeal, "признать": .repeal,
        "саналсын": .renumber, "считать": .renumber,
        "енгізілсін": .amend, "внести": .amend,
    ]

    /// False when `texts` hold none of the instruction verbs, so none of their sentences can be
    /// an instruction: no verb's word is in them lowercased (a word read from their tokens,
    /// lowercased, is a piece of `CaseMapping.lowercasedUTF8`). The check that an approved
    /// Rules text carries no instructions split each of its paragraphs into sentences to find
    /// out, a twelfth of a build's instructions.
    static func mayOccur(in texts: [String]) -> Bool {
        let lowered = CaseMapping.lowercasedUTF8(joining: texts)
        return spellings.contains { lowered.containsBytes($0) }
    }

    private static let spellings = words.keys.map(\.text).sorted()

    private static func verb(at index: Int, in sentence: Sentence) -> Verb? {
        guard let word = sentence.word(index), let verb = named(word) else { return nil }
        // "қолданысқа енгізілсін" (be put into force) is an entry-into-force clause.
        if verb == .amend, sentence.word(index - 1).sameBytes(as: "қолданысқа") { return nil }
        return verb
    }

    /// Past-tense and editorial forms: "ауыстырылды", "алып тасталды", "жаңа редакцияда –
    /// … бұйрығымен", "заменены", "исключен", "изложен в новой редакции". A sentence with one
    /// of these and no instruction verb is an editorial note.
    static func editorialForm(in sentence: Sentence) -> Int? {
        sentence.unquotedWords.first { index in
            let word = sentence.lowered[index]
            return (pastFormFilter.mayContain(word) && pastForms.contains(LexiconWord(word)))
                || (word.sameBytes(as: "жойылды") && !sentence.word(index + 1).sameBytes(as: "деп"))
                || (word.sameBytes(as: "редакцияда") && sentence.kind(index + 1) == .dash)
                || (word.sameBytes(as: "редакции") && sentence.word(index - 1).sameBytes(as: "в") && sentence.word(index + 1).sameBytes(as: "приказа"))
        }
    }

    static let pastForms: Set<LexiconWord> = [
        "ауыстырылды", "тасталды", "толықтырылды", "жазылды", "баяндалды", "мазмұндалды", "өзгертілді",
        "заменены", "заменено", "заменен", "заменена", "исключен", "исключена", "исключено", "исключены",
        "изложен", "изложена", "изложено", "изложены", "дополнен", "дополнена", "дополнено", "дополнены",
        "утратил", "утратила", "утратило", "утратили",
    ]

    /// Most words turned away by one pass over their bytes, not hashed as a set's member.
    private static let pastFormFilter = LexiconFilter(pastForms)
}
