import FuzzDriver
import ZanFuzzChecks

/// Bytes → UTF-8 check → NFC and repairs → tokens. Any input: no crash, no hang, and every property of `FuzzChecks.text` holds.
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    let problems = FuzzChecks.text(bytes)
    if !problems.isEmpty { fatalError("property broken: " + problems.joined(separator: "; ")) }
    return 0
}

/// SwiftPM calls an executable's entry point `<Module>_main`; hand the arguments to libFuzzer.
@_cdecl("FuzzText_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, count in fuzzOne(data, count) }
}
