import ZanText

/// A word-level diff of two wordings, for a person to read: tokens from ZanText's tokenizer
/// (ICU word boundaries with the legal-token rules, so "13-тармақ", "веб-порталы" and "5)" are
/// one token each), compared by their normalized form with Myers' algorithm, then cleaned up so
/// that a short run of equal words between two changes joins them: a lawyer reads
/// "[-A B C-]{+X B Y+}" as one rewritten phrase rather than three separate edits.
///
/// Whitespace is not content: tokens are compared without the spaces and line breaks around
/// them, and equal stretches are shown with the new wording's spacing. Joining the `equal` and
/// `insert` segments gives the new wording exactly.
public enum WordDiff {
    /// What happened to a stretch of text: kept, deleted from the old wording, inserted in the new.
    public enum Op: String, Sendable {
        case equal, delete, insert
    }

    /// A stretch of text with what happened to it.
    public struct Segment: Hashable, Sendable {
        public var op: Op
        /// The text, spaces and line breaks included.
        public var text: String
        public init(_ op: Op, _ text: String) {
            self.op = op
            self.text = text
        }
    }

    /// An equal run between two changes joins them when it has at most this many words (and is
    /// no longer, in tokens, than the changes on either side).
    static let joinableWords = 3

    /// The segments that turn `old` into `new`.
    public static func compare(_ old: String, _ new: String) -> [Segment] {
        let a = Atoms(old), b = Atoms(new)
        let runs = cleanUp(Run.runs(Myers.script(a.keys, b.keys)), a, b)
        var segments: [Segment] = []
        func append(_ op: Op, _ text: String) {
            guard !text.isEmpty else { return }
            if let last = segments.last, last.op == op {
                segments[segments.count - 1].text += text
            } else {
                segments.append(Segment(op, text))
            }
        }
        for run in runs {
            if run.isEqual {
                append(.equal, b.text(run.new))
                continue
            }
            // The space before a change belongs to the context, not to the change.
            var deleted = a.text(run.old), inserted = b.text(run.new)
            let gap = run.old.isEmpty ? b.gap(before: run.new.lowerBound)
                : run.new.isEmpty ? a.gap(before: run.old.lowerBound)
                : a.gap(before: run.old.lowerBound) == b.gap(before: run.new.lowerBound) ? b.gap(before: run.new.lowerBound) : ""
            if !gap.isEmpty {
                if !run.old.isEmpty { deleted.removeFirst(gap.count) }
                if !run.new.isEmpty { inserted.removeFirst(gap.count) }
                append(.equal, gap)
            }
            append(.delete, deleted)
            append(.insert, inserted)
        }
        append(.equal, b.trailing)
        return segments
    }

    /// The normalized tokens of a wording, as compared (an enumerator first, "13." or "5)", is
    /// left out with `skippingEnumerator`: it is the unit's number, not its wording).
    public static func tokens(_ text: String, skippingEnumerator: Bool = false) -> [String] {
        let atoms = Atoms(text)
        if skippingEnumerator, atoms.kinds.first == .enumerator { return Array(atoms.keys.dropFirst()) }
        return atoms.keys
    }

    /// Words (and numbers) among the tokens, what the join threshold counts.
    static func wordCount(_ range: Range<Int>, _ atoms: Atoms) -> Int {
        range.count { atoms.kinds[$0] != .punct && atoms.kinds[$0] != .quoteOpen && atoms.kinds[$0] != .quoteClose && atoms.kinds[$0] != .dash }
    }

    /// Joins changes separated by short equal runs, until no run qualifies.
    static func cleanUp(_ input: [Run], _ a: Atoms, _ b: Atoms) -> [Run] {
        var runs = input
        var joined = true
        while joined {
            joined = false
            var index = 1
            while index + 1 < runs.count {
                let before = runs[index - 1], equal = runs[index], after = runs[index + 1]
                let size = equal.new.count
                if equal.isEqual, !before.isEqual, !after.isEqual,
                   wordCount(equal.old, a) <= joinableWords,
                   size <= max(before.old.count, before.new.count),
                   size <= max(after.old.count, after.new.count) {
                    runs.replaceSubrange((index - 1)...(index + 1), with: [Run(
                        isEqual: false,
                        old: before.old.lowerBound..<after.old.upperBound,
                        new: before.new.lowerBound..<after.new.upperBound)])
                    joined = true
                } else {
                    index += 1
                }
            }
        }
        return runs
    }

    /// A stretch of the script: equal (the same tokens on both sides) or a change (old tokens
    /// replaced by new ones; either may be empty).
    struct Run {
        var isEqual: Bool
        var old: Range<Int>
        var new: Range<Int>

        static func runs(_ steps: [Myers.Step]) -> [Run] {
            var runs: [Run] = []
            var i = 0, j = 0
            for step in steps {
                let equal = step == .equal
                let di = step == .insert ? 0 : 1, dj = step == .delete ? 0 : 1
                if var last = runs.last, last.isEqual == equal {
                    last.old = last.old.lowerBound..<i + di
                    last.new = last.new.lowerBound..<j + dj
                    runs[runs.count - 1] = last
                } else {
                    runs.append(Run(isEqual: equal, old: i..<i + di, new: j..<j + dj))
                }
                i += di
                j += dj
            }
            return runs
        }
    }

    /// A wording cut into tokens, each with the whitespace before it, so that the original text
    /// is the concatenation of `gap + token` and the trailing whitespace.
    struct Atoms {
        var keys: [String] = []
        var kinds: [TokenKind] = []
        var gaps: [String] = []
        var texts: [String] = []
        var trailing = ""

        init(_ text: String) {
            let file = SourceFile(text: text)
            let tokenized = Tokenizer().tokenize(file)
            var cursor = file.textStart
            for token in tokenized.tokens {
                keys.append(tokenized.normalized(token))
                kinds.append(token.kind)
                gaps.append(file.text(in: SourceRange(cursor, token.range.start)))
                texts.append(tokenized.original(token))
                cursor = token.range.end
            }
            trailing = file.text(in: SourceRange(cursor, file.bytes.count))
        }

        func gap(before index: Int) -> String { index < gaps.count ? gaps[index] : "" }

        func text(_ range: Range<Int>) -> String {
            var out = ""
            for index in range { out += gaps[index] + texts[index] }
            return out
        }
    }
}
