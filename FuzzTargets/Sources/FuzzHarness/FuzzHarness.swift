import FuzzDriver

/// The properties the running target checks. libFuzzer's callback is a C function pointer and
/// cannot capture, so the one target a process runs is kept here; set once, before fuzzing.
nonisolated(unsafe) private var properties: ([UInt8]) -> [String] = { _ in [] }

/// Runs libFuzzer with the process's arguments; each input must keep every property `check`
/// returns (none broken: an empty list). A broken property traps, and libFuzzer saves the input.
public func runFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                      checking check: @escaping ([UInt8]) -> [String]) -> CInt {
    properties = check
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, count in
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
        let broken = properties(bytes)
        if !broken.isEmpty { fatalError("property broken: " + broken.joined(separator: "; ")) }
        return 0
    }
}
