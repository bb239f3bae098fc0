import ZanText

/// Deadlines and periods: "6 (алты) жұмыс күні ішінде", "күнтізбелік 30 күннен кешіктірмей",
/// read by ZanText's duration lexicon (which also checks that digits and words agree: "6 (бес)"
/// is a note on the fact). A term stated as "мерзімі … құрайды" (the term is …) is read as
/// `within`; the event it runs from is the "… күннен бастап" (from the day …) phrase of the same
/// sentence, when there is one.
enum DurationFacts {
    static func read(_ text: TokenizedText) -> [FoundFact] {
        Durations.all(in: text).map { match in
            let duration = match.value
            var relation = duration.relation
            if relation == nil, isTerm(text, around: match.tokens) { relation = .within }
            var fields: FactFields = [
                "value": .int(duration.value),
                "unit": .string(duration.unit.rawValue),
                "relation": .string(relation?.rawValue),
                "anchor": .string(anchor(text, before: match.tokens.lowerBound)),
            ]
            if let digits = duration.digits { fields["digits"] = .int(digits) }
            if let words = duration.words { fields["words"] = .int(words) }
            return FoundFact(kind: .duration, tokens: match.tokens, fields: fields,
                             notes: match.diagnostics.map { "\($0.id): \($0.message)" })
        }
    }

    /// "мерзімі 6 (алты) жұмыс күнін құрайды", "срок … составляет 5 рабочих дней".
    static func isTerm(_ text: TokenizedText, around tokens: Range<Int>) -> Bool {
        let after = text.lowerWord(tokens.upperBound)
        if after.sameBytes(as: "құрайды") || after.sameBytes(as: "составляет") { return true }
        for index in max(0, tokens.lowerBound - 4)..<tokens.lowerBound {
            if let word = text.lowerWord(index), word.hasStem("мерзім") || word.sameBytes(as: "составляет") { return true }
        }
        return false
    }

    /// The "… күннен бастап" / "с момента …" phrase the period runs from: in the same sentence,
    /// before the period, from the start of its clause up to "бастап".
    static func anchor(_ text: TokenizedText, before start: Int) -> String? {
        var index = start - 1
        var from: Int?
        while index >= 0, start - index <= 30 {
            let token = text.lowerToken(index)
            if token.sameBytes(as: ".") || token.sameBytes(as: ";") { break }
            if token.sameBytes(as: "бастап") {
                from = index
                break
            }
            index -= 1
        }
        guard let end = from else { return nil }
        var first = end
        while first > 0 {
            let previous = text.tokens[first - 1]
            if previous.kind == .enumerator || [",", ":", ";", "."].contains(text.normalized(previous)) { break }
            first -= 1
        }
        guard first < end else { return nil }
        let bytes = text.source.bytes
        return String(decoding: bytes[text.tokens[first].range.start..<text.tokens[end].range.end], as: UTF8.self)
    }
}
