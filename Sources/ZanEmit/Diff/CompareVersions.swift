import ZanDocument
import ZanTimeline

/// The structural comparison of two versions of a work, the core of `zan diff`.
///
/// Units are matched level by level: siblings by the last step of their eId ("para_13", so a
/// chapter that moves does not unmatch its points), then what eIds leave over by wording, so a
/// renumbered or moved provision is one `moved` change, not a deletion and an addition. A
/// matched pair is then
/// - unchanged when its wording and provenance are the same (collapsed in the output);
/// - `restated` when an order set it again in the same words;
/// - recursed into when its own wording is the same and its children differ (or, when both
///   have children, after reporting its own lead-in or heading as changed);
/// - otherwise one change covering its subtree, with a word-level diff.
///
/// The corpus often lacks the earlier text: a unit with no counterpart under a parent whose
/// text is not complete is "changed, before not in corpus" — never "added" — unless the edit
/// that made it was an insertion, which says the unit is new.
struct CompareVersions {
    private var entries: [WorkDiff.Entry] = []

    /// The entries, in document order, that take `old` to `new`.
    static func entries(_ old: RuleNode, _ new: RuleNode) -> [WorkDiff.Entry] {
        var compare = CompareVersions()
        compare.pair(old, new, oldChain: [old], newChain: [new], newParent: nil)
        compare.joinMoves()
        return compare.entries
    }

    // MARK: Pairs

    private mutating func pair(_ o: RuleNode, _ n: RuleNode, oldChain: [RuleNode], newChain: [RuleNode],
                               newParent: RuleNode?, moved: Bool = false) {
        let unit = UnitLabel.unit(newChain)
        if moved {
            report(.moved, unit, old: o, new: n, oldUnit: UnitLabel.unit(oldChain))
            return
        }
        if Self.sameWording(o, n) {
            if o == n, !n.children.isEmpty, [.document, .attachment].contains(n.kind) || !Self.isComplete(n) {
                // The act and its attachments are not provisions, and a unit the corpus knows only
                // in part is not unchanged as a whole: list what is unchanged inside.
                children(o, n, oldChain: oldChain, newChain: newChain)
            } else if o == n {
                if Self.hasKnownText(n) { unchanged(unit) }
            } else if let provenance = n.provenance, provenance.op != nil, provenance != o.provenance,
                      provenance != newParent?.provenance {
                // Set again in the same words — or amended where the corpus has no words at all.
                report(Self.hasKnownText(n) ? .restated : .changed, unit, old: o, new: n)
            } else if !n.children.isEmpty {
                children(o, n, oldChain: oldChain, newChain: newChain)
            } else if Self.hasKnownText(n) {
                unchanged(unit)
            }
            return
        }
        if o.kind != n.kind || o.repealed != n.repealed || (o.children.isEmpty && n.children.isEmpty) {
            report(n.repealed && !o.repealed ? .repealed : .changed, unit, old: o, new: n)
            return
        }
        if Self.sameOwnWording(o, n) {
            children(o, n, oldChain: oldChain, newChain: newChain)
        } else if !o.children.isEmpty && !n.children.isEmpty {
            // The unit's own lead-in or heading changed; its children are compared one by one.
            let before = Self.ownSide(o), after = Self.ownSide(n)
            append(ProvisionChange(kind: .changed, unit: unit, before: before, after: after,
                                   words: Self.words(before, after), provenance: n.provenance.map { [$0] } ?? []))
            children(o, n, oldChain: oldChain, newChain: newChain)
        } else {
            report(.changed, unit, old: o, new: n)
        }
    }

    /// A unit with no counterpart on the old side. `oldComplete`: the old parent's text is all in
    /// the corpus, so the unit was not there.
    private mutating func unpairedNew(_ n: RuleNode, newChain: [RuleNode], oldComplete: Bool) {
        if n.unknown, n.provenance == nil, !n.children.isEmpty {
            // A placeholder the corpus knows only through units under it.
            for child in n.children {
                unpairedNew(child, newChain: newChain + [child], oldComplete: false)
            }
            return
        }
        // A unit with no known text counts when an edit reached it (words edited in a base the
        // corpus lacks): both sides are then "not in corpus", but the amendment is on record.
        guard Self.hasKnownText(n) || n.repealed || n.provenance?.op != nil else { return }
        let unit = UnitLabel.unit(newChain)
        let created = oldComplete || n.provenance?.op == .insert
        let after = Self.side(n)
        append(ProvisionChange(kind: n.repealed ? .repealed : created ? .added : .changed, unit: unit,
                               before: created ? .absent : .notInCorpus, after: after,
                               provenance: Self.provenances(n)))
    }

    /// A unit with no counterpart on the new side. `newParent` is complete when its wording is
    /// all in the corpus, so the unit is gone.
    private mutating func unpairedOld(_ o: RuleNode, oldChain: [RuleNode], newParent: RuleNode) {
        guard Self.hasKnownText(o) || o.repealed else { return }
        let complete = !newParent.unknown && !newParent.partial
        append(ProvisionChange(kind: complete ? .removed : .changed, unit: UnitLabel.unit(oldChain),
                               before: Self.side(o), after: complete ? .absent : .notInCorpus,
                               provenance: newParent.provenance.map { [$0] } ?? []))
    }

    // MARK: Children

    private mutating func children(_ o: RuleNode, _ n: RuleNode, oldChain: [RuleNode], newChain: [RuleNode]) {
        let old = o.children, new = n.children
        let oldKeys = Self.keys(old), newKeys = Self.keys(new)
        var oldByKey: [String: Int] = [:], newByKey: [String: Int] = [:]
        for (index, key) in oldKeys.enumerated() { oldByKey[key] = index }
        for (index, key) in newKeys.enumerated() { newByKey[key] = index }
        var partnerOfNew = [Int?](repeating: nil, count: new.count)
        var partnerOfOld = [Int?](repeating: nil, count: old.count)
        var moved = Set<Int>()

        // 1. Renumbered or moved with the same wording: a wording found once on each side, at
        //    different addresses, where the address it left does not hold it any more.
        var bodies: [Int: [String]] = [:], newBodies: [Int: [String]] = [:]
        func candidates(_ nodes: [RuleNode], _ keys: [String], _ others: [RuleNode], _ otherByKey: [String: Int],
                        into result: inout [Int: [String]]) {
            for (index, node) in nodes.enumerated() {
                if let partner = otherByKey[keys[index]], Self.sameWording(node, others[partner]) { continue }
                if let body = Self.body(node) { result[index] = body }
            }
        }
        candidates(old, oldKeys, new, newByKey, into: &bodies)
        candidates(new, newKeys, old, oldByKey, into: &newBodies)
        let oldGroups = Dictionary(grouping: bodies, by: \.value).mapValues { $0.map(\.key) }
        let newGroups = Dictionary(grouping: newBodies, by: \.value).mapValues { $0.map(\.key) }
        for (body, olds) in oldGroups where olds.count == 1 {
            guard let news = newGroups[body], news.count == 1, oldKeys[olds[0]] != newKeys[news[0]] else { continue }
            partnerOfNew[news[0]] = olds[0]
            partnerOfOld[olds[0]] = news[0]
            moved.insert(news[0])
        }

        // 2. The same address and the same wording: the common case, settled cheaply.
        for (index, key) in newKeys.enumerated() where partnerOfNew[index] == nil {
            if let partner = oldByKey[key], partnerOfOld[partner] == nil, Self.sameWording(old[partner], new[index]) {
                partnerOfNew[index] = partner
                partnerOfOld[partner] = index
            }
        }

        // 3. Reworded, in place or moved: what is left, paired by similar wording (an address
        //    kept counts for a little), when both parents' texts are complete — else a leftover
        //    may be a unit the corpus never had.
        if !o.unknown, !o.partial, !n.unknown, !n.partial {
            let leftOld = old.indices.filter { partnerOfOld[$0] == nil }, leftNew = new.indices.filter { partnerOfNew[$0] == nil }
            if !leftOld.isEmpty, !leftNew.isEmpty, leftOld.count * leftNew.count <= Self.maxSimilarityPairs {
                var scored: [(score: Double, old: Int, new: Int)] = []
                var leftNewBodies: [Int: [String]] = [:]
                for j in leftNew { leftNewBodies[j] = newBodies[j] ?? Self.body(new[j]) }
                for i in leftOld {
                    guard let a = bodies[i] ?? Self.body(old[i]) else { continue }
                    for j in leftNew where new[j].kind == old[i].kind {
                        guard let b = leftNewBodies[j] else { continue }
                        let similarity = Self.dice(a, b)
                        guard similarity >= Self.moveSimilarity else { continue }
                        scored.append((similarity + (oldKeys[i] == newKeys[j] ? Self.addressBonus : 0), i, j))
                    }
                }
                scored.sort { ($0.score, -$0.old, -$0.new) > ($1.score, -$1.old, -$1.new) }
                for (_, i, j) in scored where partnerOfOld[i] == nil && partnerOfNew[j] == nil {
                    partnerOfNew[j] = i
                    partnerOfOld[i] = j
                    if oldKeys[i] != newKeys[j] { moved.insert(j) }
                }
            }
        }

        // 4. The same address, however different the wording.
        for (index, key) in newKeys.enumerated() where partnerOfNew[index] == nil {
            if let partner = oldByKey[key], partnerOfOld[partner] == nil {
                partnerOfNew[index] = partner
                partnerOfOld[partner] = index
            }
        }

        // Emit in the new order; a unit that is gone, where it stood in the old order.
        let oldComplete = !o.unknown && !o.partial
        var nextOld = 0
        func flushOld(upTo end: Int) {
            while nextOld < end {
                if partnerOfOld[nextOld] == nil {
                    unpairedOld(old[nextOld], oldChain: oldChain + [old[nextOld]], newParent: n)
                }
                nextOld += 1
            }
        }
        for (j, child) in new.enumerated() {
            if let i = partnerOfNew[j] {
                flushOld(upTo: i)
                nextOld = max(nextOld, i + 1)
                pair(old[i], child, oldChain: oldChain + [old[i]], newChain: newChain + [child], newParent: n,
                     moved: moved.contains(j))
            } else {
                unpairedNew(child, newChain: newChain + [child], oldComplete: oldComplete)
            }
        }
        flushOld(upTo: old.count)
    }

    /// Two wordings this similar (shared tokens, 0...1) are the same provision, moved and reworded.
    static let moveSimilarity = 0.6
    /// What keeping its address adds to a pair's similarity when candidates compete.
    static let addressBonus = 0.15
    /// Above this many leftover pairs under one parent, leftovers pair by address only.
    static let maxSimilarityPairs = 10_000

    /// The Dice coefficient of two token multisets: 2·|shared| / (|a| + |b|).
    /// - Complexity: O(|a| + |b|).
    static func dice(_ a: [String], _ b: [String]) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        var counts: [String: Int] = [:]
        for token in a { counts[token, default: 0] += 1 }
        var shared = 0
        for token in b where counts[token, default: 0] > 0 {
            counts[token, default: 0] -= 1
            shared += 1
        }
        return Double(2 * shared) / Double(a.count + b.count)
    }

    /// A wording needs this many tokens to be recognised elsewhere ("Алып тасталды" is not enough).
    static let moveMinimumTokens = 4

    /// Sibling keys: the last step of the eId ("para_13"), else kind and position; made unique.
    static func keys(_ nodes: [RuleNode]) -> [String] {
        var seen: [String: Int] = [:]
        var positions: [String: Int] = [:]
        return nodes.map { node in
            var key: String
            if let eId = node.eId {
                key = EId.steps(of: eId).last ?? eId
            } else {
                let position = positions[node.kind.rawValue, default: 0]
                positions[node.kind.rawValue] = position + 1
                key = "\(node.kind.rawValue)#\(position)"
            }
            let count = seen[key, default: 0]
            seen[key] = count + 1
            if count > 0 { key += "~\(count)" }
            return key
        }
    }

    /// The unit's wording without its own number, as tokens; nil when it is not all known or too
    /// short to recognise.
    static func body(_ node: RuleNode) -> [String]? {
        guard !node.repealed, isComplete(node) else { return nil }
        var lines = RuleText.lines(node)
        if let heading = node.heading { lines.insert(heading, at: 0) }
        let tokens = WordDiff.tokens(lines.joined(separator: "\n"), skippingEnumerator: true)
        return tokens.count >= moveMinimumTokens ? tokens : nil
    }

    // MARK: Moves across parents

    /// An `added` and a `removed` change with the same wording, anywhere in the work, are one
    /// provision that moved.
    private mutating func joinMoves() {
        var added: [[String]: [Int]] = [:], removed: [[String]: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            guard case .change(let change) = entry, change.kind == .added || change.kind == .removed else { continue }
            let side = change.kind == .added ? change.after : change.before
            guard case .text(let lines, complete: true) = side else { continue }
            let tokens = WordDiff.tokens(lines.joined(separator: "\n"), skippingEnumerator: true)
            guard tokens.count >= Self.moveMinimumTokens else { continue }
            if change.kind == .added { added[tokens, default: []].append(index) } else { removed[tokens, default: []].append(index) }
        }
        var drop = Set<Int>()
        for (tokens, adds) in added where adds.count == 1 {
            guard let removes = removed[tokens], removes.count == 1,
                  case .change(var change) = entries[adds[0]], case .change(let gone) = entries[removes[0]] else { continue }
            change.kind = .moved
            change.oldUnit = gone.unit
            change.before = gone.before
            change.words = Self.words(change.before, change.after)
            entries[adds[0]] = .change(change)
            drop.insert(removes[0])
        }
        guard !drop.isEmpty else { return }
        let kept = entries.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
        entries = []
        for entry in kept {
            switch entry {
            case .change(let change): append(change)
            case .unchanged(let units): for unit in units { unchanged(unit) }
            }
        }
    }

    // MARK: Entries

    private mutating func report(_ kind: ProvisionChange.Kind, _ unit: WorkDiff.Unit, old: RuleNode, new: RuleNode,
                                 oldUnit: WorkDiff.Unit? = nil) {
        let before = Self.side(old), after = Self.side(new)
        append(ProvisionChange(kind: kind, unit: unit, oldUnit: oldUnit, before: before, after: after,
                               words: kind == .restated ? nil : Self.words(before, after),
                               provenance: Self.provenances(new)))
    }

    private mutating func append(_ change: ProvisionChange) {
        entries.append(.change(change))
    }

    private mutating func unchanged(_ unit: WorkDiff.Unit) {
        if case .unchanged(var units) = entries.last, units.last?.part == unit.part {
            units.append(unit)
            entries[entries.count - 1] = .unchanged(units)
        } else {
            entries.append(.unchanged([unit]))
        }
    }

    // MARK: Wording

    /// The word diff of two sides, when both wordings are known in full.
    static func words(_ before: DiffSide, _ after: DiffSide) -> [WordDiff.Segment]? {
        guard case .text(let old, complete: true) = before, case .text(let new, complete: true) = after else { return nil }
        return WordDiff.compare(old.joined(separator: "\n"), new.joined(separator: "\n"))
    }

    /// A unit's side of a change: its whole subtree.
    static func side(_ node: RuleNode) -> DiffSide {
        if node.repealed { return .repealed }
        if !hasKnownText(node) { return .notInCorpus }
        return .text(RuleText.lines(node, heading: true), complete: isComplete(node))
    }

    /// A unit's own heading and lead-in, without its children.
    static func ownSide(_ node: RuleNode) -> DiffSide {
        if node.unknown { return .notInCorpus }
        var own = node
        own.children = []
        own.partial = false
        return .text(RuleText.lines(own, heading: true), complete: true)
    }

    /// The edits behind a unit's wording: its own provenance, else its descendants'.
    static func provenances(_ node: RuleNode) -> [Provenance] {
        if let provenance = node.provenance { return [provenance] }
        var seen = Set<Provenance>(), out: [Provenance] = []
        func walk(_ node: RuleNode) {
            if let provenance = node.provenance {
                if seen.insert(provenance).inserted { out.append(provenance) }
                return
            }
            node.children.forEach(walk)
        }
        walk(node)
        return out
    }

    static func sameOwnWording(_ a: RuleNode, _ b: RuleNode) -> Bool {
        a.kind == b.kind && a.num == b.num && a.heading == b.heading && a.text == b.text && a.unknown == b.unknown
            && a.repealed == b.repealed
    }

    /// The same wording all the way down, provenance aside (and the unit's own number aside with
    /// `ignoringNumber`).
    static func sameWording(_ a: RuleNode, _ b: RuleNode, ignoringNumber: Bool = false) -> Bool {
        guard a.kind == b.kind, ignoringNumber || a.num == b.num, a.heading == b.heading, a.unknown == b.unknown,
              a.partial == b.partial, a.repealed == b.repealed, a.children.count == b.children.count else { return false }
        if ignoringNumber {
            guard WordDiff.tokens(a.text.joined(separator: "\n"), skippingEnumerator: true)
                    == WordDiff.tokens(b.text.joined(separator: "\n"), skippingEnumerator: true) else { return false }
        } else if a.text != b.text {
            return false
        }
        return zip(a.children, b.children).allSatisfy { sameWording($0, $1) }
    }

    static func hasKnownText(_ node: RuleNode) -> Bool {
        if !node.unknown, !node.text.isEmpty || node.heading != nil || node.repealed { return true }
        return node.children.contains(where: hasKnownText)
    }

    static func isComplete(_ node: RuleNode) -> Bool {
        !node.unknown && !node.partial && node.children.allSatisfy(isComplete)
    }
}
