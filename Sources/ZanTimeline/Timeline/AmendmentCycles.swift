import ZanText

/// Acts of the corpus that amend each other in a cycle (A amends B, B amends A): impossible in
/// time (an act amends only acts older than it), so a wrong date or number in a reference.
/// Each act is read as published, so a cycle cannot loop; it is reported, once per pair, at the
/// first edit of one member of the cycle to another.
enum AmendmentCycles {
    static func findings(_ acts: [ReadAct]) -> [Finding] {
        let ids = acts.map(\.id)
        let position = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        // Edges between acts of the corpus, in a stable order.
        let edges: [[Int]] = acts.map { act in act.targets.compactMap { position[$0] }.sorted() }
        var findings: [Finding] = []
        for component in stronglyConnected(edges) where component.count > 1 {
            let members = Set(component)
            let cycle = component.sorted().map { ids[$0] }
            for member in component.sorted() {
                let act = acts[member]
                var reported = Set<String>()
                for edit in act.planned where !reported.contains(edit.work) {
                    guard let target = position[edit.work], members.contains(target) else { continue }
                    reported.insert(edit.work)
                    findings.append(Finding(file: edit.file, diagnostic: Diagnostic(
                        TimelineDiagnostic.amendmentCycle(cycle: cycle + [cycle[0]]), at: edit.edit.source), work: edit.work))
                }
            }
        }
        return findings
    }

    /// Tarjan's strongly connected components, iteratively (a long chain of acts must not
    /// overflow the stack). Components come in no particular order; each lists its nodes.
    static func stronglyConnected(_ edges: [[Int]]) -> [[Int]] {
        let count = edges.count
        var index = [Int](repeating: -1, count: count)
        var low = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var components: [[Int]] = []
        var next = 0
        for root in 0..<count where index[root] < 0 {
            // Frames: a node and how many of its edges have been followed.
            var frames: [(node: Int, edge: Int)] = [(root, 0)]
            index[root] = next; low[root] = next; next += 1
            stack.append(root); onStack[root] = true
            while let frame = frames.last {
                let node = frame.node
                if frame.edge < edges[node].count {
                    frames[frames.count - 1].edge += 1
                    let target = edges[node][frame.edge]
                    if index[target] < 0 {
                        index[target] = next; low[target] = next; next += 1
                        stack.append(target); onStack[target] = true
                        frames.append((target, 0))
                    } else if onStack[target] {
                        low[node] = min(low[node], index[target])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last { low[parent.node] = min(low[parent.node], low[node]) }
                if low[node] == index[node] {
                    var component: [Int] = []
                    while let top = stack.popLast() {
                        onStack[top] = false
                        component.append(top)
                        if top == node { break }
                    }
                    components.append(component)
                }
            }
        }
        return components
    }
}
