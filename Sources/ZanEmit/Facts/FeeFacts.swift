import ZanText

/// Fees: free of charge ("Тегін", "ақысыз негізде", "бесплатно") or an amount in tenge or in
/// monthly calculation indices ("2 АЕК", "5 МРП", "1000 теңге").
enum FeeFacts {
    static let currencies: [LexiconWord: String] = [
        "теңге": "KZT", "тенге": "KZT", "аек": "MCI", "мрп": "MCI",
    ]

    /// The words that say a thing is free: a word that is none of them is turned away with one
    /// hash of its bytes.
    static let freeWords = LexiconFilter(["ақысыз", "бесплатно", "бесплатной", "тегін"])

    /// Every fee in the text. Runs for every token of every paragraph: a number is looked at
    /// for the currency after it; a word only when it may be one of `freeWords` (words are
    /// compared and looked up as bytes: `sameBytes`, `LexiconWord`).
    static func read(_ text: TokenizedText) -> [FoundFact] {
        var found: [FoundFact] = []
        for index in text.tokens.indices {
            if text.tokens[index].kind == .number {
                if let currency = text.lowerWord(index + 1).flatMap({ currencies[LexiconWord($0)] }) {
                    let digits = text.normalized(text.tokens[index]).filter(\.isNumber)
                    guard let amount = Int(digits) else { continue }
                    found.append(FoundFact(kind: .fee, tokens: index..<index + 2,
                                           fields: ["free": .bool(false), "amount": .int(amount), "currency": .string(currency)]))
                }
                continue
            }
            guard text.lowerWord(index, passes: freeWords), let word = text.lowerWord(index) else { continue }
            if word.sameBytes(as: "ақысыз") || word.sameBytes(as: "бесплатно")
                || (word.sameBytes(as: "бесплатной") && text.lowerWord(index + 1)?.sameBytes(as: "основе") == true) {
                found.append(FoundFact(kind: .fee, tokens: index..<index + 1, fields: ["free": .bool(true)]))
            } else if word.sameBytes(as: "тегін") {
                // "тегін" is also "surname" (accusative of "тегі"): a fee only when it stands alone
                // (a table's value) or says how something is done ("тегін негізде", "тегін көрсетіледі").
                let next = text.lowerWord(index + 1) ?? ""
                // "Тегін." as a sentence of its own (a cell that goes on with conditions).
                let alone = (index == 0 || [".", ";", ":"].contains(text.lowerToken(index - 1) ?? ""))
                    && [".", ";", nil].contains(text.lowerToken(index + 1))
                let onlyWord = text.tokens.lazy.filter { $0.kind == .word }.count == 1
                if onlyWord || alone || ["негіз", "көрсет", "беріл", "жүргіз", "ұсын"].contains(where: next.hasStem) {
                    found.append(FoundFact(kind: .fee, tokens: index..<index + 1, fields: ["free": .bool(true)]))
                }
            }
        }
        return found
    }
}
