/// Myers' O(ND) difference algorithm ("An O(ND) Difference Algorithm and Its Variations", 1986):
/// the shortest edit script turning one sequence into another.
public enum Myers {
    /// One step of an edit script: keep an element of both, delete one of the old, insert one of the new.
    public enum Step: Sendable, Equatable {
        case equal, delete, insert
    }

    /// Beyond this many differences the texts have little in common; the script is then
    /// "delete everything, insert everything", which reads the same and keeps memory bounded
    /// (the trace below grows with D²).
    public static let maxDifferences = 2_000

    /// The shortest edit script from `old` to `new`, one step per element.
    /// - Complexity: O((N+M)·D) time and O(D²) memory after the common prefix and suffix are
    ///   trimmed, D being the number of differences.
    public static func script<T: Equatable>(_ old: [T], _ new: [T]) -> [Step] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
              old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        let a = old[prefix..<old.count - suffix], b = new[prefix..<new.count - suffix]
        var steps = [Step](repeating: .equal, count: prefix)
        steps += middle(Array(a), Array(b))
        steps += [Step](repeating: .equal, count: suffix)
        return steps
    }

    private static func middle<T: Equatable>(_ a: [T], _ b: [T]) -> [Step] {
        let n = a.count, m = b.count
        if n == 0 { return [Step](repeating: .insert, count: m) }
        if m == 0 { return [Step](repeating: .delete, count: n) }
        let limit = min(n + m, maxDifferences)
        let offset = limit + 1
        // v[offset + k]: the furthest x reached on diagonal k = x - y.
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        // trace[d]: v over k in -d...d after step d, for the walk back.
        var trace: [[Int]] = []
        for d in 0...limit {
            for k in stride(from: -d, through: d, by: 2) {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
                    ? v[offset + k + 1]
                    : v[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n, y >= m {
                    return walkBack(trace, d: d, n: n, m: m)
                }
            }
            trace.append(Array(v[(offset - d)...(offset + d)]))
        }
        return [Step](repeating: .delete, count: n) + [Step](repeating: .insert, count: m)
    }

    /// The script, read back from the end through the furthest-reaching points of each step.
    private static func walkBack(_ trace: [[Int]], d final: Int, n: Int, m: Int) -> [Step] {
        var steps: [Step] = []
        steps.reserveCapacity(n + m)
        var x = n, y = m
        var d = final
        while d > 0 {
            let previous = trace[d - 1]
            func furthest(_ k: Int) -> Int { previous[k + d - 1] }
            let k = x - y
            let down = k == -d || (k != d && furthest(k - 1) < furthest(k + 1))
            let previousK = down ? k + 1 : k - 1
            let previousX = furthest(previousK), previousY = previousX - previousK
            let movedX = down ? previousX : previousX + 1
            for _ in 0..<(x - movedX) { steps.append(.equal) }
            steps.append(down ? .insert : .delete)
            x = previousX
            y = previousY
            d -= 1
        }
        for _ in 0..<x { steps.append(.equal) }
        return steps.reversed()
    }
}
