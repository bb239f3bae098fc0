import ZanText

/// Reads the header sentence of an act: "Қазақстан Республикасы … министрінің 2026 жылғы 30
/// наурыздағы № 130 бұйрығы. Қазақстан Республикасының Әділет министрлігінде 2026 жылғы 31
/// наурызда № 38247 тіркелді" → kind, issuer, acting, date, number, registration, adilet id.
enum ParseHeader {
    /// Kinds of act by the noun after the number, and their adilet id prefix.
    static let kinds: [(stem: String, kind: String, prefix: String?)] = [
        ("бұйры", "order", "V"), ("приказ", "order", "V"), ("қаулы", "decree", "P"),
        ("постановлени", "decree", "P"), ("шешім", "decision", nil), ("решени", "decision", nil),
        ("заң", "law", "Z"), ("закон", "law", "Z"), ("кодекс", "code", "K"),
    ]

    /// True when a paragraph reads as a header sentence (an act's date and number). Its words
    /// are looked for in the bytes of the lowercased text (`CaseMapping.lowercasedUTF8`): a
    /// header's quotes and "№" sent `lowercased` to the standard library's mapping of the
    /// whole paragraph.
    static func isHeader(_ text: String) -> Bool {
        guard text.includes("№"), text.characterCount < 600 else { return false }
        let lower = CaseMapping.lowercasedUTF8(joining: [text])
        return ["тіркелді", "зарегистрирован", "бұйрығы", "қаулысы", "шешімі", "заңы"].contains { lower.containsBytes($0) }
    }

    static func parse(_ text: String) -> (DocumentMetadata, missing: [String]) {
        let tokenized = Tokenizer().tokenize(SourceFile(text: text))
        let tokens = tokenized.tokens
        var metadata = DocumentMetadata()
        var registrationFrom: Int?
        for (index, token) in tokens.enumerated() where token.kind == .word {
            let word = CaseMapping.lowercased(tokenized.normalized(token))
            if word.hasPrefix("министрлігінде") || word.hasPrefix("юстиции") { registrationFrom = index }
        }
        var index = 0
        while index < tokens.count {
            if let date = Dates.date(in: tokenized, at: index) {
                let isRegistration = registrationFrom.map { index > $0 } ?? false
                let number = numberAfter(date.tokens.upperBound, in: tokenized)
                if isRegistration {
                    metadata.registrationDate = date.value
                    metadata.registrationNumber = number?.value
                } else if metadata.date == nil {
                    metadata.date = date.value
                    metadata.number = number?.value
                    let issuerEnd = tokens[date.tokens.lowerBound].range.start
                    metadata.issuer = String(decoding: Array(text.utf8)[..<issuerEnd], as: UTF8.self).trimmingSpaces()
                    if let after = number?.next, after < tokens.count {
                        let noun = CaseMapping.lowercased(tokenized.normalized(tokens[after]))
                        if let kind = kinds.first(where: { noun.hasPrefix($0.stem) }) { metadata.kind = kind.kind }
                    }
                }
                index = date.tokens.upperBound
            } else {
                index += 1
            }
        }
        if let issuer = metadata.issuer {
            metadata.acting = issuer.includes("м.а.") || issuer.includes("міндетін атқарушы")
                || issuer.includes("и.о.") || issuer.lowercased().hasPrefix("исполняющ")
        }
        if let date = metadata.date {
            metadata.id = AdiletID.make(kind: metadata.kind, year: date.year, number: metadata.number,
                                        registration: metadata.registrationNumber)
        }
        var missing: [String] = []
        if metadata.date == nil { missing.append("date") }
        if metadata.number == nil { missing.append("number") }
        if metadata.registrationNumber == nil { missing.append("registration number") }
        return (metadata, missing)
    }

    /// "№ 130" starting at token `index`: the number and the index of the token after it.
    private static func numberAfter(_ index: Int, in text: TokenizedText) -> (value: String, next: Int)? {
        var cursor = index
        while cursor < text.tokens.count, cursor < index + 3 {
            if text.normalized(text.tokens[cursor]) == "№", cursor + 1 < text.tokens.count,
               text.tokens[cursor + 1].kind == .number {
                return (text.normalized(text.tokens[cursor + 1]), cursor + 2)
            }
            cursor += 1
        }
        return nil
    }
}
