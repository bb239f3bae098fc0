import ZanDocument
import ZanText

/// An act named in an instruction: "«…» Қазақстан Республикасы … министрінің 2023 жылғы
/// 8 желтоқсандағы № 117 бұйрығына (… № 33763 болып тіркелген)".
public struct ActReference: Hashable, Sendable {
    /// What kind of act it is.
    public enum Kind: String, Sendable, CaseIterable {
        case order, decree, decision, law, code
    }

    public var kind: Kind?
    /// The title as quoted, without its outer quotes.
    public var title: String?
    /// Who issued it, as written ("Қазақстан Республикасы Өнеркәсіп және құрылыс министрінің").
    public var issuer: String?
    public var date: CivilDate?
    public var number: String?
    /// The number in the state register of normative legal acts.
    public var registration: String?
    /// Where the reference is in the source.
    public var range: SourceRange

    public init(kind: Kind? = nil, title: String? = nil, issuer: String? = nil, date: CivilDate? = nil,
                number: String? = nil, registration: String? = nil, range: SourceRange) {
        self.kind = kind
        self.title = title
        self.issuer = issuer
        self.date = date
        self.number = number
        self.registration = registration
        self.range = range
    }

    /// The adilet identifier, when the reference says enough to build it: registered acts
    /// (orders, maslikhat decisions) are `V` + 2-digit adoption year + the 8-digit registration
    /// number; government decrees `P`, laws `Z` and codes `K` + year + the 8-digit act number.
    public var id: String? {
        guard let year = date?.year else { return nil }
        return AdiletID.make(kind: kind?.rawValue, year: year, number: number, registration: registration)
    }

}
