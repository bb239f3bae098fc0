import FuzzHarness
import ZanFuzzChecks

/// Bytes → paragraphs (line joins, displaced links, tables) → provision tree. Any input: no crash, no hang, every property of `FuzzChecks.document` kept.
/// SwiftPM names an executable's entry point `<Module>_main`; libFuzzer takes it from there.
@_cdecl("FuzzDocument_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, checking: FuzzChecks.document)
}
