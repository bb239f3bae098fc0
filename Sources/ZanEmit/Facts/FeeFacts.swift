import ZanText

/// Fees: free of charge ("Тегін", "ақысыз негізде", "бесплатно") or an amount in tenge or in
/// monthly calculation indices ("2 АЕК", "5 МРП", "1000 теңге").
enum FeeFacts {
    static let currencies: [String: String] = [
        "теңге": "KZT", "тенге": "KZT", "аек": "MCI", "мрп": "MCI",
    ]

    static func read(_ text: TokenizedText) -> [FoundFact] {
        var found: [FoundFact] = []
        let words = text.tokens.indices.filter { text.tokens[$0].kind == .word }
        for index in text.tokens.indices {
            guard let word = text.lowerToken(index) else { continue }
            if word == "ақысыз" || word == "бесплатно" || (word == "бесплатной" && text.lowerWord(index + 1) == "основе") {
                found.append(FoundFact(kind: .fee, tokens: index..<index + 1, fields: ["free": .bool(true)]))
            } else if word == "тегін" {
                // "тегін" is also "surname" (accusative of "тегі"): a fee only when it stands alone
                // (a table's value) or says how something is done ("тегін негізде", "тегін көрсетіледі").
                let next = text.lowerWord(index + 1) ?? ""
                // "Тегін." as a sentence of its own (a cell that goes on with conditions).
                let alone = (index == 0 || [".", ";", ":"].contains(text.lowerToken(index - 1) ?? ""))
                    && [".", ";", nil].contains(text.lowerToken(index + 1))
                if words.count == 1 || alone || ["негіз", "көрсет", "беріл", "жүргіз", "ұсын"].contains(where: next.hasStem) {
                    found.append(FoundFact(kind: .fee, tokens: index..<index + 1, fields: ["free": .bool(true)]))
                }
            } else if text.tokens[index].kind == .number, let currency = text.lowerWord(index + 1).flatMap({ currencies[$0] }) {
                let digits = text.normalized(text.tokens[index]).filter(\.isNumber)
                guard let amount = Int(digits) else { continue }
                found.append(FoundFact(kind: .fee, tokens: index..<index + 2,
                                       fields: ["free": .bool(false), "amount": .int(amount), "currency": .string(currency)]))
            }
        }
        return found
    }
}
