// swift-tools-version: 6.0
// libFuzzer targets for Zan, one executable per stage. Built apart from the main package because
// every target here (and Zan itself, through the path dependency) is compiled with
// `-sanitize=fuzzer,address`; `FuzzTargets/run` builds and runs them (see README "Reliability").
import PackageDescription

let package = Package(
    name: "zan-fuzz",
    dependencies: [.package(name: "zan", path: "..")],
    targets: [
        // The declaration of libFuzzer's driver, for executables with their own entry point.
        .target(name: "FuzzDriver"),
        // Runs libFuzzer over one stage's properties (`runFuzzer`).
        .target(name: "FuzzHarness", dependencies: ["FuzzDriver"]),
        // Bytes → UTF-8 check → NFC and repairs → tokens.
        .executableTarget(name: "FuzzText", dependencies: ["FuzzHarness", .product(name: "ZanFuzzChecks", package: "zan")]),
        // Bytes → paragraphs (line joins, displaced links, tables) → provision tree.
        .executableTarget(name: "FuzzDocument", dependencies: ["FuzzHarness", .product(name: "ZanFuzzChecks", package: "zan")]),
        // Bytes → amendment instructions → edits and entry into force.
        .executableTarget(name: "FuzzEdits", dependencies: ["FuzzHarness", .product(name: "ZanFuzzChecks", package: "zan")]),
        // A query's citation argument ("14-тармақтың 2) тармақшасы", "att_1__para_13").
        .executableTarget(name: "FuzzCitation", dependencies: ["FuzzHarness", .product(name: "ZanFuzzChecks", package: "zan")]),
    ],
    swiftLanguageModes: [.v6]
)
