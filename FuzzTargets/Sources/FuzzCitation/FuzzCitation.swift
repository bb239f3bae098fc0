import FuzzHarness
import ZanFuzzChecks

/// A query's citation argument ("14-тармақтың 2) тармақшасы"). Any input: no crash, no hang, every property of `FuzzChecks.citation` kept.
/// SwiftPM names an executable's entry point `<Module>_main`; libFuzzer takes it from there.
@_cdecl("FuzzCitation_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, checking: FuzzChecks.citation)
}
