/// A lowercase phrase that the structure classifiers look for in a paragraph of any case,
/// without lowercasing the paragraph: each of the phrase's scalars also matches its uppercase
/// form. Classifiers ask this of nearly every paragraph, most of which are body text that
/// matches nothing; lowercasing each of them first (several times over) was a fifth of the
/// structure parse.
///
/// Phrases are lowercase Cyrillic or Latin letters, digits, spaces and hyphens: letters with
/// one-to-one case pairs, for which this equals lowercasing the text and comparing.
struct Phrase: Sendable, ExpressibleByStringLiteral {
    let lower: [Unicode.Scalar]
    let upper: [Unicode.Scalar]

    init(_ text: String) {
        precondition(text == text.lowercased() && !text.isEmpty, "a phrase is lowercase and not empty: \(text)")
        lower = Array(text.unicodeScalars)
        upper = lower.map { scalar in
            let mapped = scalar.properties.uppercaseMapping.unicodeScalars
            return mapped.count == 1 ? mapped[mapped.startIndex] : scalar
        }
    }

    init(stringLiteral text: String) { self.init(text) }

    @inline(__always)
    private func matches(_ scalar: Unicode.Scalar, at position: Int) -> Bool {
        scalar == lower[position] || scalar == upper[position]
    }

    /// Whether `text` starts with the phrase, in any case.
    func isPrefix(of text: some StringProtocol) -> Bool {
        var position = 0
        for scalar in text.unicodeScalars {
            guard matches(scalar, at: position) else { return false }
            position += 1
            if position == lower.count { return true }
        }
        return false
    }

    /// Whether `text` ends with the phrase, in any case.
    func isSuffix(of text: some StringProtocol) -> Bool {
        var position = lower.count
        for scalar in text.unicodeScalars.reversed() {
            position -= 1
            guard matches(scalar, at: position) else { return false }
            if position == 0 { return true }
        }
        return false
    }

    /// Whether the phrase occurs anywhere in `text`, in any case.
    func occurs(in text: some StringProtocol) -> Bool {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        while start < scalars.endIndex {
            if matches(scalars[start], at: 0) {
                var index = scalars.index(after: start)
                var position = 1
                while position < lower.count, index < scalars.endIndex, matches(scalars[index], at: position) {
                    scalars.formIndex(after: &index)
                    position += 1
                }
                if position == lower.count { return true }
            }
            scalars.formIndex(after: &start)
        }
        return false
    }
}
