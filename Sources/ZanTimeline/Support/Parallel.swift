import Foundation
import Synchronization

/// Work spread over every core: a build reads documents, consolidates works and renders them, each
/// independent of the others. Results keep the order of the input, so the output does not depend on
/// scheduling.
public enum Parallel {
    @inlinable
    public static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], _ transform: @Sendable (Input) -> Output) -> [Output] {
        map(inputs, step: { $0 }, transform)
    }

    /// `map`, with the inputs taken in the order of `order` (a permutation of their indices;
    /// the outputs still in the inputs' order): for inputs whose costs differ, so that the
    /// cores take them in a chosen mix.
    @inlinable
    public static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], order: [Int],
                                                              _ transform: @Sendable (Input) -> Output) -> [Output] {
        precondition(order.count == inputs.count && Set(order).count == order.count && order.allSatisfy(inputs.indices.contains),
                     "order is not a permutation of the inputs' indices")
        return map(inputs, step: { order[$0] }, transform)
    }

    /// `map`, the input taken at each step given by `step` (a permutation of the indices).
    @inlinable
    static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], step: @Sendable (Int) -> Int,
                                                       _ transform: @Sendable (Input) -> Output) -> [Output] {
        guard inputs.count > 1 else { return inputs.map(transform) }
        // Each output is written in its own slot by the thread that computed it: no lock, no
        // sorting afterwards. `concurrentPerform` runs every step once and returns after all.
        return [Output](unsafeUninitializedCapacity: inputs.count) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            let slots = Slots(base: base)
            DispatchQueue.concurrentPerform(iterations: inputs.count) { position in
                let index = step(position)
                (slots.base + index).initialize(to: transform(inputs[index]))
            }
            count = inputs.count
        }
    }

    /// The output buffer of `map`, shared by the threads that fill it (each slot written once).
    @usableFromInline
    struct Slots<Output>: @unchecked Sendable {
        @usableFromInline let base: UnsafeMutablePointer<Output>

        @usableFromInline
        init(base: UnsafeMutablePointer<Output>) { self.base = base }
    }

    /// `first` and `second` at once, on two cores.
    public static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        let results = Mutex<(A?, B?)>((nil, nil))
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 {
                let a = first()
                results.withLock { $0.0 = a }
            } else {
                let b = second()
                results.withLock { $0.1 = b }
            }
        }
        let (a, b) = results.withLock { $0 }
        // concurrentPerform ran each index once: both are there.
        return (a ?? first(), b ?? second())
    }
}
