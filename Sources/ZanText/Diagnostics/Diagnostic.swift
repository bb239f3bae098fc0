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
    public let severity: Severity
    /// Where in the source file; nil only for findings about a whole file.
    public let range: SourceRange?
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

    /// Sorted by position, then severity, then id: the order diagnostics are printed in.
    public func sortedByLocation() -> [Diagnostic] {
        sorted { a, b in
            let ra = a.range ?? SourceRange(-1, -1)
            let rb = b.range ?? SourceRange(-1, -1)
            if ra != rb { return ra < rb }
            if a.severity != b.severity { return a.severity < b.severity }
            if a.id != b.id { return a.id < b.id }
            return a.message < b.message
        }
    }
}
