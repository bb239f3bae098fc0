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

    /// The repaired text of a line, before and after, for its note.
    struct Repair {
        let before: String
        let after: String
    }

    static let glueMarks: Set<Character> = [".", ":", ";", "\"", "»", "”"]
    static let holePunctuation: Set<Character> = [",", ".", ":", ";"]

    /// Repairs `line` in place; returns what changed, or nil when the line is left as it is.
    func repair(_ line: inout SourceLine) -> Repair? {
        guard !line.isBlank, !line.endsWithSpace, !line.hasTab else { return nil }
        var chunks = line.chunks
        var holes: [Int] = []
        for index in chunks.indices.dropFirst() {
            let chunk = chunks[index]
            if chunk.gapBefore >= 2 {
                holes.append(index)
            } else if chunk.gapBefore == 1, let first = chunk.text.first, Self.holePunctuation.contains(first) {
                holes.append(index)
            }
        }
        var leadingHole = line.indent == 1 || (paragraphIndent.map { line.indent == $0 + 1 } ?? false)

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
            fragments = holeCount == 1 ? [zone] : Self.units(of: zone)
        } else {
            let units = Self.units(of: chunks)
            guard units.count > holeCount else { return nil }
            fragments = Array(units.suffix(holeCount))
            let zoneChunks = fragments.reduce(0) { $0 + $1.count }
            chunks.removeLast(zoneChunks)
        }
        // Every hole must lie before the words that were lifted out of it, and a link's words
        // have letters or digits (a form's "_ _ ," blanks are not a link).
        guard fragments.count >= holeCount, holes.allSatisfy({ $0 <= chunks.count }),
              fragments.allSatisfy({ $0.contains { $0.text.contains { $0.isLetter || $0.isNumber } } }) else {
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
        repaired = repaired.filter { !$0.text.isEmpty }.enumerated().map { offset, chunk in
            var chunk = chunk
            if offset == 0 {
                chunk.gapBefore = line.indent
            } else {
                chunk.gapBefore = chunk.text.first.map { Self.holePunctuation.contains($0) } == true ? 0 : 1
            }
            return chunk
        }
        let before = line.text.trimmingSpaces()
        line.chunks = repaired
        let after = Chunk.render(repaired)
        return before == after ? nil : Repair(before: before, after: after)
    }

    /// Where a fragment is glued to the line's final punctuation: "жазылсын.қосымшаға",
    /// "жазылсын:19)", "Қағидалар) \"қағидалар". Looks at the last three chunks.
    private func gluePoint(in chunks: [Chunk]) -> (Int, Int)? {
        for chunkIndex in chunks.indices.reversed().prefix(3) {
            let characters = Array(chunks[chunkIndex].text)
            var utf16Offset = 0
            for index in characters.indices {
                defer { utf16Offset += characters[index].utf16.count }
                guard index > 0, Self.glueMarks.contains(characters[index - 1]),
                      Self.startsFragment(characters[index]) else { continue }
                // "12.07.2026", "9.00": a dot or colon between digits is no glue.
                if index >= 2, characters[index - 2].isNumber, characters[index - 1] != "\"" { continue }
                return (chunkIndex, utf16Offset)
            }
        }
        return nil
    }

    /// A displaced fragment starts with a Cyrillic letter, a digit or a suffix hyphen.
    private static func startsFragment(_ character: Character) -> Bool {
        if character == "-" || character.isNumber { return true }
        guard let scalar = character.unicodeScalars.first else { return false }
        return (0x0400...0x052F).contains(scalar.value)
    }

    /// Words as link units: "11) тармақшасына" is one unit (a subpoint number and its noun).
    static func units(of chunks: [Chunk]) -> [[Chunk]] {
        var units: [[Chunk]] = []
        var index = 0
        while index < chunks.count {
            let chunk = chunks[index]
            if index + 1 < chunks.count, chunk.text.hasSuffix(")"),
               chunk.text.dropLast().allSatisfy({ $0.isNumber || $0 == "-" }), !chunk.text.dropLast().isEmpty {
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

extension String {
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
