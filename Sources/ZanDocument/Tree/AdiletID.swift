/// The identifiers the official system (adilet) gives acts: registered acts (ministerial orders,
/// maslikhat decisions) are `V` + 2-digit adoption year + the 8-digit registration number;
/// government decrees `P`, laws `Z` and codes `K` + year + the 8-digit act number.
public enum AdiletID {
    /// The id, or nil when the facts do not determine one. `kind` is "order", "decree",
    /// "decision", "law" or "code".
    public static func make(kind: String?, year: Int, number: String?, registration: String?) -> String? {
        let yy = year % 100 < 10 ? "0\(year % 100)" : String(year % 100)
        if let registration, !registration.isEmpty, registration.count <= 8, registration.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return "V" + yy + String(repeating: "0", count: 8 - registration.count) + registration
        }
        let letter: String
        switch kind {
        case "decree"?: letter = "P"
        case "law"?: letter = "Z"
        case "code"?: letter = "K"
        default: return nil
        }
        guard let digits = number?.prefix(while: { $0.isASCII && $0.isNumber }), !digits.isEmpty, digits.count <= 8 else {
            return nil
        }
        return letter + yy + String(repeating: "0", count: 8 - digits.count) + digits
    }
}
