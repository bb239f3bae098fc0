import ZanText

/// A document with a life in time: one in the corpus, or one an edit in the corpus targets (a
/// stub known from the reference: title, date, number, id).
public struct Work: Hashable, Sendable {
    public var id: String
    /// order, decree, decision, law, code, when known.
    public var kind: String?
    public var title: String?
    public var date: CivilDate?
    public var number: String?
    public var registration: String?
    /// True when the corpus holds the work's own text.
    public var inCorpus: Bool
    /// From when the work exists (its entry into force; for a stub, its adoption date as the
    /// earliest possible value, provisional).
    public var existsFrom: EffectiveDate?
    /// When and by which act it was declared no longer in force.
    public var repealed: Repeal?

    public struct Repeal: Hashable, Sendable {
        public var from: EffectiveDate
        public var by: String
        public init(from: EffectiveDate, by: String) {
            self.from = from
            self.by = by
        }
    }

    public init(id: String, kind: String? = nil, title: String? = nil, date: CivilDate? = nil, number: String? = nil,
                registration: String? = nil, inCorpus: Bool, existsFrom: EffectiveDate? = nil, repealed: Repeal? = nil) {
        self.id = id
        self.kind = kind
        self.title = title
        self.date = date
        self.number = number
        self.registration = registration
        self.inCorpus = inCorpus
        self.existsFrom = existsFrom
        self.repealed = repealed
    }
}

/// One version of a work: its whole tree over the half-open interval `[from, to)`.
public struct Version: Hashable, Sendable {
    public var from: EffectiveDate
    /// The first day of the next version (or of the repeal); nil while it is the current one.
    public var to: EffectiveDate?
    /// The acts whose changes start this version, in the order they were applied (empty for
    /// the first version).
    public var amendedBy: [String]
    public var root: RuleNode

    public init(from: EffectiveDate, to: EffectiveDate? = nil, amendedBy: [String] = [], root: RuleNode) {
        self.from = from
        self.to = to
        self.amendedBy = amendedBy
        self.root = root
    }

    /// True when `date` is in `[from, to)` (earliest values of provisional bounds).
    public func contains(_ date: CivilDate) -> Bool {
        Self.contains(date, from: from, to: to)
    }

    /// True when `date` is in `[from, to)` (earliest values of provisional bounds; `to` nil:
    /// open-ended).
    public static func contains(_ date: CivilDate, from: EffectiveDate, to: EffectiveDate?) -> Bool {
        from.date <= date && (to.map { date < $0.date } ?? true)
    }
}

/// A work and every version of it.
public struct WorkHistory: Hashable, Sendable {
    public var work: Work
    public var versions: [Version]

    public init(work: Work, versions: [Version]) {
        self.work = work
        self.versions = versions
    }
}
