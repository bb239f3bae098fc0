/// The standard row labels of a state-service requirements table ("«…» мемлекеттік қызметті
/// көрсетуге қойылатын негізгі талаптардың тізбесі", DESIGN.md §1). Real tables word them in
/// many ways; each field is recognized by the key phrase its label always contains.
public enum StateServiceField: String, Sendable, Codable, CaseIterable {
    case provider, subtype, channels, term, form, result, fee, schedule, documents, refusalGrounds = "refusal_grounds", other

    /// Key phrases (lowercase), most specific fields first: a fee label also says "тәсілдері".
    static let keyPhrases: [(StateServiceField, [Phrase])] = [
        (.fee, ["төлемақы", "оплаты", "взимаемой"]),
        (.schedule, ["жұмыс графигі", "жұмыс кестесі", "график работы"]),
        (.documents, ["құжаттар мен мәліметтердің тізбесі", "құжаттардың тізбесі", "перечень документов"]),
        (.refusalGrounds, ["бас тарту үшін негіздер", "бас тартудың негіздері", "основания для отказа"]),
        (.other, ["өзге де талаптар", "иные требования"]),
        (.subtype, ["кіші түрінің", "подвида"]),
        (.provider, ["берушінің атауы", "наименование услугодателя"]),
        (.term, ["мерзімі", "срок оказания", "сроки оказания"]),
        (.form, ["нысаны", "форма оказания"]),
        (.result, ["нәтижесі", "результат оказания"]),
        (.channels, ["тәсілдері", "способы предоставления", "способ предоставления"]),
    ]

    /// Every key phrase, most specific field first.
    static let keys = PhraseSet(keyPhrases.flatMap { field, phrases in phrases.map { ($0, field) } })

    /// Labels are never this long (in characters: Unicode scalars).
    static let maximumLabelLength = 320

    /// The field a table label names, or nil when the text is not a label: a label is short,
    /// starts with a capital, does not end a sentence, and holds its field's key phrase.
    public static func field(ofLabel text: String) -> StateServiceField? {
        let trimmed = text[...].withoutOuterSpaces
        // The last scalar, not `Character`: comparing characters costs a thousand instructions.
        guard trimmed.startsUppercase, let last = trimmed.unicodeScalars.last, !".;:".unicodeScalars.contains(last),
              AttachmentHeader.isShorter(trimmed, than: maximumLabelLength) else { return nil }
        return keys.first(in: trimmed)
    }
}
