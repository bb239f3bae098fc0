import Dispatch

/// Where a build's time went: the wall time of each of its phases, in order, for
/// `zan build --timings` (a pipeline that finds its rebuilds slow can see which phase is).
public struct BuildTimings: Sendable {
    public private(set) var phases: [(name: String, seconds: Double)] = []
    private var last = DispatchTime.now().uptimeNanoseconds

    public init() {}

    /// Ends the phase running since the last call (or since `init`).
    mutating func end(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        phases.append((name, Double(now - last) / 1e9))
        last = now
    }

    /// One line per phase, its milliseconds aligned, then the total.
    public var lines: [String] {
        let total = phases.reduce(0) { $0 + $1.seconds }
        return (phases + [("total", total)]).map { name, seconds in
            let milliseconds = String(Int((seconds * 1000).rounded()))
            return String(repeating: " ", count: max(0, 6 - milliseconds.count)) + milliseconds + " ms  " + name
        }
    }
}
