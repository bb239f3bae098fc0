import ZanText

/// A date a change takes effect, as far as the corpus can tell. When it depends on a fact the
/// corpus lacks (the publication date of an act in force "N days after publication"), it is
/// *provisional*: `date` is the earliest possible value, and every output shows the flag.
public struct EffectiveDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The date, or its earliest possible value when provisional.
    public var date: CivilDate
    public var provisional: Bool
    /// How the date was reached, for a person ("10 calendar days after publication; publication
    /// date not in corpus: registration 2025-04-04 + 11 days").
    public var basis: String

    public init(_ date: CivilDate, provisional: Bool = false, basis: String) {
        self.date = date
        self.provisional = provisional
        self.basis = basis
    }

    public static func < (lhs: EffectiveDate, rhs: EffectiveDate) -> Bool { lhs.date < rhs.date }

    /// "2025-04-15 (provisional: earliest possible)" or "2026-07-12".
    public var description: String {
        provisional ? "\(date) (provisional: earliest possible)" : date.description
    }
}
