import ZanText

/// One step of a citation: a unit and its visible number ("paragraph 14", "subparagraph 2").
/// Unnumbered units (the preamble, a title, the only appendix) have no number.
public struct TargetStep: Hashable, Sendable, CustomStringConvertible {
    public let unit: UnitKind
    /// The number as a string key: "13", "13-1", "5" for "5)", "2" for "екінші" (second).
    public let num: String?

    public init(_ unit: UnitKind, _ num: String?) {
        self.unit = unit
        self.num = num
    }

    public var description: String { num.map { "\(unit.rawValue) \($0)" } ?? unit.rawValue }

    /// The most digits a unit number has (a limit of Zan's: real numbers of articles and points
    /// have at most 4). A longer number is not a unit number; citations with one are refused.
    public static let maximumDigits = 6

    /// True when a part of the number ("13" of "13-1") has more than `maximumDigits` digits.
    public static func isOversized(_ num: String) -> Bool {
        var run = 0
        for byte in num.utf8 {
            run = byte >= 0x30 && byte <= 0x39 ? run + 1 : 0
            if run > maximumDigits { return true }
        }
        return false
    }
}

/// Where a unit is, outer → inner ("paragraph 14 › subparagraph 2"). The empty path is the whole
/// document the edit addresses.
public struct TargetPath: Hashable, Sendable, CustomStringConvertible {
    public var steps: [TargetStep]

    public init(_ steps: [TargetStep] = []) {
        self.steps = steps
    }

    public static let whole = TargetPath()

    public var last: TargetStep? { steps.last }

    public func appending(_ step: TargetStep) -> TargetPath { TargetPath(steps + [step]) }
    public func appending(_ path: TargetPath) -> TargetPath { TargetPath(steps + path.steps) }

    /// The path without its last step: the container of the unit it names.
    public var parent: TargetPath { TargetPath(Array(steps.dropLast())) }

    public var description: String {
        steps.isEmpty ? "whole document" : steps.map(\.description).joined(separator: " › ")
    }
}

extension UnitKind {
    /// How deep a unit sits in the hierarchy of a legal text, for reading a citation against the
    /// scope a lead-in line set: a cited unit replaces the scope's steps at its own depth and below
    /// ("6-тармақ" under a "5-тармақта:" lead-in is point 6, not point 5 › point 6). Units that
    /// hang off whatever is in scope (a title, the preamble) have no depth.
    var depth: Int? {
        switch self {
        case .appendix: 0
        case .section: 1
        case .chapter: 2
        case .paragraphSign: 3
        case .article: 4
        case .paragraph: 5
        case .subparagraph: 6
        case .part: 7
        case .indent: 8
        case .sentence: 9
        case .table: 10
        case .row: 11
        case .column: 12
        case .preamble, .title: nil
        }
    }
}
