import ZanText

/// PDF exports of adilet pages lift hyperlinked words out of their sentence: the words leave a
/// hole (two spaces, a space before punctuation, one extra leading space) and reappear at the end
/// of the same printed line, often glued to its final punctuation:
///
///     "көрсетілген бұйрықпен бекітілген Тұрғын үй көмегін беру :қағидаларында"
///     → "көрсетілген бұйрықпен бекітілген Тұрғын үй көмегін беру қағидаларында:"
///
/// A line is repaired only when both signs are there: at least one hole, and a line end that is
/// not a normal wrap (a wrapped PDF line ends with a space; a displaced fragment does not). Several
/// holes take the trailing fragments in order.
struct RepairDisplacedLinks {
    /// The document's paragraph indentation (e.g. 6 spaces), if it has one.
    let paragraphIndent: Int?
    /// The text the lines are ranges of.
    let text: NormalizedText

    /// The repaired text of a line, before and after, for its note.
    struct Repair {
        let before: String
        let after: String
    }

    static let glueMarks: ScalarSet = [".", ":", ";", "\"", "»", "”"]
    static let holePunctuation: ScalarSet = [",", ".", ":", ";"]

    /// Repairs `line` in place; returns what changed, or nil when the line is left as it is.
    func repair(_ line: inout SourceLine) -> Repair? {
        guard !line.isBlank, !line.endsWithSpace, !line.hasTab else { return nil }
        var chunks = line.chunks
        var holes: [Int] = []
        for index in chunks.indices.dropFirst() {
            let chunk = chunks[index]
            if chunk.gapBefore >= 2 {
                holes.append(index)
            } else if chunk.gapBefore == 1, startsWithHolePunctuation(chunk) {
                holes.append(index)
            }
        }
        var leadingHole = line.indent == 1 || (paragraphIndent.map { line.indent == $0 + 1 } ?? false)
        // No hole, so nothing to repair (most lines): the glue point is not looked for.
        guard !holes.isEmpty || leadingHole else { return nil }

        // The displaced words: glued to the final punctuation, or the last words of the line.
        var zone: [Chunk] = []
        var glued = false
        if let (chunkIndex, offset) = gluePoint(in: chunks) {
            let (left, right) = chunks[chunkIndex].split(at: offset)
            zone = [right] + chunks[(chunkIndex + 1)...]
            chunks = Array(chunks[..<chunkIndex]) + [left]
            glued = true
        }
        if !glued { leadingHole = false }  // a leading hole alone is ordinary indentation
        let holeCount = holes.count + (leadingHole ? 1 : 0)
        guard holeCount > 0 else { return nil }

        var fragments: [[Chunk]]
        if glued {
            fragments = holeCount == 1 ? [zone] : units(of: zone)
        } else {
            let linkUnits = units(of: chunks)
            guard linkUnits.count > holeCount else { return nil }
            fragments = Array(linkUnits.suffix(holeCount))
            let zoneChunks = fragments.reduce(0) { $0 + $1.count }
            chunks.removeLast(zoneChunks)
        }
        // Every hole must lie before the words that were lifted out of it, and a link's words
        // have letters or digits (a form's "_ _ ," blanks are not a link).
        guard fragments.count >= holeCount, holes.allSatisfy({ $0 <= chunks.count }),
              fragments.allSatisfy({ $0.contains { text.scalars(in: $0.units).contains { $0.scalar.isLetter || $0.scalar.isNumber } } }) else {
            return nil
        }
        if fragments.count > holeCount {
            let extra = fragments[(holeCount - 1)...].flatMap { $0 }
            fragments = Array(fragments[..<(holeCount - 1)]) + [extra]
        }

        var repaired: [Chunk] = []
        var next = 0
        if leadingHole {
            repaired += fragments[next]
            next += 1
        }
        for index in 0...chunks.count {
            if holes.contains(index) {
                repaired += fragments[next]
                next += 1
            }
            if index < chunks.count { repaired.append(chunks[index]) }
        }
        // Holes close: one space between words, none before the punctuation that marked a hole.
        repaired = repaired.filter { !$0.units.isEmpty }.enumerated().map { offset, chunk in
            var chunk = chunk
            if offset == 0 {
                chunk.gapBefore = line.indent
            } else {
                chunk.gapBefore = startsWithHolePunctuation(chunk) ? 0 : 1
            }
            return chunk
        }
        // The line before, without its outer spaces: from its first chunk to its last.
        let before = Array(text.units[(line.chunks.first?.units.lowerBound ?? 0)..<(line.chunks.last?.units.upperBound ?? 0)])
        let after = Chunk.renderUnits(repaired, in: text)
        line.chunks = repaired
        guard before != after else { return nil }
        return Repair(before: before.withUnsafeBufferPointer(String.fromUTF16),
                      after: after.withUnsafeBufferPointer(String.fromUTF16))
    }

    /// Asked of nearly every chunk of a PDF text: the set is ASCII, so the chunk's first unit
    /// tells, without a scalar iterator over the units (which retained and released them).
    private func startsWithHolePunctuation(_ chunk: Chunk) -> Bool {
        guard let first = chunk.units.first else { return false }
        let unit = text.units[first]
        return unit < 0x80 && Self.holePunctuation.contains(Unicode.Scalar(UInt8(unit)))
    }

    /// Where a fragment is glued to the line's final punctuation: "жазылсын.қосымшаға",
    /// "жазылсын:19)", "Қағидалар) \"қағидалар". Looks at the last three chunks.
    private func gluePoint(in chunks: [Chunk]) -> (Int, Int)? {
        for chunkIndex in chunks.indices.reversed().prefix(3) {
            // The two scalars before the current one.
            var previous: Unicode.Scalar?
            var beforePrevious: Unicode.Scalar?
            for (offset, scalar) in text.scalars(in: chunks[chunkIndex].units) {
                defer { (beforePrevious, previous) = (previous, scalar) }
                guard let mark = previous, Self.glueMarks.contains(mark), Self.startsFragment(scalar) else { continue }
                // "12.07.2026", "9.00": a dot or colon between digits is no glue.
                if beforePrevious?.isNumber == true, mark != "\"" { continue }
                return (chunkIndex, offset)
            }
        }
        return nil
    }

    /// A displaced fragment starts with a Cyrillic letter, a digit or a suffix hyphen.
    private static func startsFragment(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar.isNumber || (0x0400...0x052F).contains(scalar.value)
    }

    /// Words as link units: "11) тармақшасына" is one unit (a subpoint number and its noun).
    func units(of chunks: [Chunk]) -> [[Chunk]] {
        var units: [[Chunk]] = []
        var index = 0
        while index < chunks.count {
            let chunk = chunks[index]
            if index + 1 < chunks.count, chunk.units.count > 1, text.lastScalar(in: chunk.units) == ")",
               text.scalars(in: chunk.units.dropLast()).allSatisfy({ $0.scalar.isNumber || $0.scalar == "-" }) {
                units.append([chunk, chunks[index + 1]])
                index += 2
            } else {
                units.append([chunk])
                index += 1
            }
        }
        return units
    }
}
