import FuzzDriver
import ZanFuzzChecks

/// A query's citation argument ("14-тармақтың 2) тармақшасы"). Any input: no crash, no hang, and every property of `FuzzChecks.citation` holds.
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    let problems = FuzzChecks.citation(bytes)
    if !problems.isEmpty { fatalError("property broken: " + problems.joined(separator: "; ")) }
    return 0
}

/// SwiftPM calls an executable's entry point `<Module>_main`; hand the arguments to libFuzzer.
@_cdecl("FuzzCitation_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, count in fuzzOne(data, count) }
}
