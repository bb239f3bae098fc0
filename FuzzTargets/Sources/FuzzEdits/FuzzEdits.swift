import FuzzHarness
import ZanFuzzChecks

/// Bytes → amendment instructions → edits and entry into force. Any input: no crash, no hang, every property of `FuzzChecks.edits` kept.
/// SwiftPM names an executable's entry point `<Module>_main`; libFuzzer takes it from there.
@_cdecl("FuzzEdits_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, checking: FuzzChecks.edits)
}
