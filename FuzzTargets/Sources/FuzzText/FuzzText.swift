import FuzzHarness
import ZanFuzzChecks

/// Bytes → UTF-8 check → NFC and repairs → tokens. Any input: no crash, no hang, every property of `FuzzChecks.text` kept.
/// SwiftPM names an executable's entry point `<Module>_main`; libFuzzer takes it from there.
@_cdecl("FuzzText_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, checking: FuzzChecks.text)
}
