import Foundation
import Synchronization

/// Work spread over every core: a build reads documents, consolidates works and renders them, each
/// independent of the others. Results keep the order of the input, so the output does not depend on
/// scheduling.
public enum Parallel {
    public static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], _ transform: @Sendable (Input) -> Output) -> [Output] {
        guard inputs.count > 1 else { return inputs.map(transform) }
        let results = Mutex<[(Int, Output)]>([])
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            let output = transform(inputs[index])
            results.withLock { $0.append((index, output)) }
        }
        // Every index ran once: sorted by index, the outputs are in input order.
        return results.withLock { $0.sorted { $0.0 < $1.0 }.map(\.1) }
    }
}
