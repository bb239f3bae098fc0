/// How serious a diagnostic is. Ordered from most to least serious.
public enum Severity: String, Sendable, Comparable, CaseIterable, Codable {
    case error, warning, note, remark

    var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        case .remark: 3
        }
    }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A stable diagnostic identifier: the module's domain and the message's name,
/// printed as `domain.name` (e.g. `text.invalid-utf8`). Tests and users key on it.
public struct DiagnosticID: Hashable, Sendable, CustomStringConvertible, Comparable {
    public let domain: String
    public let name: String
    public init(domain: String, name: String) {
        self.domain = domain
        self.name = name
    }
    public var description: String { "\(domain).\(name)" }
    public static func < (lhs: DiagnosticID, rhs: DiagnosticID) -> Bool {
        lhs.description < rhs.description
    }
}

/// A kind of message a module can emit. Each module keeps its messages in one catalogue: an enum
/// conforming to this protocol whose cases are the messages (see `TextDiagnostic`).
public protocol DiagnosticMessage: Sendable {
    /// The stable identifier of this kind of message.
    var id: DiagnosticID { get }
    /// The default severity of this kind of message.
    var severity: Severity { get }
    /// The text shown to the user: says what is wrong and, where it can, why.
    var message: String { get }
}

/// A secondary message attached to a diagnostic, optionally located.
public struct DiagnosticNote: Hashable, Sendable {
    public let range: SourceRange?
    public let message: String
    public init(_ message: String, at range: SourceRange? = nil) {
        self.range = range
        self.message = message
    }
}

/// A located finding about the input: an error Zan could not get past, a warning about suspect
/// input, or a note recording a repair Zan made. A value; parsers return them, never throw them.
public struct Diagnostic: Hashable, Sendable, Error {
    public let id: DiagnosticID
    /// Where in the source file; nil only for findings about a whole file.
    public let range: SourceRange?
    /// (After `range`, in the byte its optional leaves: 80 bytes a diagnostic, not 88.)
    public let severity: Severity
    public let message: String
    public let notes: [DiagnosticNote]

    public init(id: DiagnosticID, severity: Severity, range: SourceRange?, message: String,
                notes: [DiagnosticNote] = []) {
        self.id = id
        self.severity = severity
        self.range = range
        self.message = message
        self.notes = notes
    }

    /// A diagnostic for a catalogued message at `range`.
    public init(_ message: some DiagnosticMessage, at range: SourceRange?,
                notes: [DiagnosticNote] = []) {
        self.init(id: message.id, severity: message.severity, range: range,
                  message: message.message, notes: notes)
    }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by position, then severity, then id: the order diagnostics are printed in. A
    /// list in that order already (most are: stages report as they read) is returned as it is,
    /// not copied.
    public func sortedByLocation() -> [Diagnostic] {
        isSortedByLocation ? self : sorted(by: Diagnostic.precedes)
    }

    /// `(first + second).sortedByLocation()`: each sorted (not copied when in order already),
    /// then merged in one pass into an array of their exact size.
    public static func merged(byLocation first: [Diagnostic], _ second: [Diagnostic]) -> [Diagnostic] {
        let first = first.sortedByLocation(), second = second.sortedByLocation()
        if first.isEmpty { return second }
        if second.isEmpty { return first }
        var merged: [Diagnostic] = []
        merged.reserveCapacity(first.count + second.count)
        var next = 0
        for diagnostic in second {
            // Ties keep `first` first, as a stable sort of `first + second` does.
            while next < first.count, !Diagnostic.precedes(diagnostic, first[next]) {
                merged.append(first[next])
                next += 1
            }
            merged.append(diagnostic)
        }
        merged += first[next...]
        return merged
    }

    private var isSortedByLocation: Bool {
        indices.dropFirst().allSatisfy { !Diagnostic.precedes(self[$0], self[$0 - 1]) }
    }
}

extension Diagnostic {
    /// Whether `a` is printed before `b`: by position, then severity, then id, then message.
    static func precedes(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        let ra = a.range ?? SourceRange(-1, -1)
        let rb = b.range ?? SourceRange(-1, -1)
        if ra != rb { return ra < rb }
        if a.severity != b.severity { return a.severity < b.severity }
        if a.id != b.id { return a.id < b.id }
        return a.message < b.message
    }
}
