import ZanText

/// When an amending act (or a part of it) comes into force (қолданысқа енгізу).
///
/// "N calendar days after first official publication" is read as Zan reads it everywhere: with
/// publication day D, the N full days D+1 … D+N pass and the act is in force from D+N+1 (ten days
/// → D+11). The publication date is metadata, not text; until it is known the date is provisional.
public struct EntryIntoForce: Hashable, Sendable {
    public enum Kind: String, Sendable {
        /// "2026 жылғы 12 шілдеден бастап" (from a fixed date).
        case fixed
        /// "алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң" (N days after publication).
        case afterPublication = "after_publication"
        /// "алғашқы ресми жарияланған күнінен бастап" (from the day of publication).
        case onPublication = "on_publication"
        /// "алғашқы ресми жарияланған күнінен кейін" (from the day after publication).
        case dayAfterPublication = "day_after_publication"
        /// "қол қойылған күнінен бастап" (from signing).
        case onSigning = "on_signing"
    }

    /// Units of the amending act that come into force otherwise ("…, 1-тармақтың 3) тармақшасын
    /// қоспағанда, …"), with their own rule when the text gives one.
    public struct Exception: Hashable, Sendable {
        public var targets: [TargetPath]
        public var rule: EntryIntoForce?
        public var range: SourceRange
    }

    public var kind: Kind
    public var date: CivilDate?
    public var days: Int?
    /// True when `days` are calendar days (күнтізбелік).
    public var calendar: Bool?
    public var exceptions: [Exception]
    /// The clause as written, and where.
    public var text: String
    public var range: SourceRange

    public init(kind: Kind, date: CivilDate? = nil, days: Int? = nil, calendar: Bool? = nil,
                exceptions: [Exception] = [], text: String, range: SourceRange) {
        self.kind = kind
        self.date = date
        self.days = days
        self.calendar = calendar
        self.exceptions = exceptions
        self.text = text
        self.range = range
    }

    /// The first day in force given the publication date (for publication-relative kinds) or
    /// the signing date: D+N+1 for N days after publication.
    public func inForce(publishedOn publication: CivilDate?, signedOn signing: CivilDate? = nil) -> CivilDate? {
        switch kind {
        case .fixed: date
        case .afterPublication: publication.map { $0.adding(days: (days ?? 0) + 1) }
        case .onPublication: publication
        case .dayAfterPublication: publication.map { $0.adding(days: 1) }
        case .onSigning: signing
        }
    }
}
