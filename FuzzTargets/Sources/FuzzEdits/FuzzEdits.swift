import FuzzDriver
import ZanFuzzChecks

/// Bytes → amendment instructions → edits and entry into force. Any input: no crash, no hang, and every property of `FuzzChecks.edits` holds.
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    let problems = FuzzChecks.edits(bytes)
    if !problems.isEmpty { fatalError("property broken: " + problems.joined(separator: "; ")) }
    return 0
}

/// SwiftPM calls an executable's entry point `<Module>_main`; hand the arguments to libFuzzer.
@_cdecl("FuzzEdits_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, count in fuzzOne(data, count) }
}
