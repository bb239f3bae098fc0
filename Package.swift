// swift-tools-version: 6.0
// Zan: a compiler for the amendment orders of the Republic of Kazakhstan.
// The target list is the pipeline (DESIGN.md §3); dependencies point one way, left to right:
// ZanICU, ZanCrypto, ZanSystem → ZanText → … → zan (and ZanMalloc, the allocator, → zan).
import PackageDescription

let package = Package(
    name: "zan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "zan", targets: ["zan"]),
        .library(name: "ZanText", targets: ["ZanText"]),
        .library(name: "ZanDocument", targets: ["ZanDocument"]),
        .library(name: "ZanAmendments", targets: ["ZanAmendments"]),
        .library(name: "ZanTimeline", targets: ["ZanTimeline"]),
        .library(name: "ZanEmit", targets: ["ZanEmit"]),
        // The properties the fuzz targets check (FuzzTargets/ builds against this product).
        .library(name: "ZanFuzzChecks", targets: ["ZanFuzzChecks"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C shim over system ICU. Its public header exposes only stdint types and opaque handles,
        // so ICU's own headers never reach Swift (they clash with Foundation's bundled ICU).
        .target(
            name: "ZanICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        // C shim over the system's libcrypto (OpenSSL): SHA-256 of corpus inputs and published
        // files, with the processor's SHA instructions. Same rule: no OpenSSL type reaches Swift.
        .target(name: "ZanCrypto", linkerSettings: [.linkedLibrary("crypto")]),
        // C shim over the system calls Glibc's Swift module leaves out (syncfs, for publishing
        // a work's files with one flush).
        .target(name: "ZanSystem"),
        // The executables' allocator: jemalloc on Linux (the system's libjemalloc; its malloc
        // replaces glibc's for the whole process), with its settings. A build frees each work's
        // documents and versions as it goes, which fragmented glibc's heap (zan_malloc.c says
        // what was measured). Linked by zan and zan-bench only: the libraries do not choose.
        .target(name: "ZanMalloc", linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]),
        .target(name: "ZanText", dependencies: ["ZanICU", "ZanCrypto", "ZanSystem"]),
        .target(name: "ZanDocument", dependencies: ["ZanText"]),
        .target(name: "ZanAmendments", dependencies: ["ZanDocument", "ZanText"]),
        .target(name: "ZanTimeline", dependencies: ["ZanAmendments", "ZanDocument", "ZanText"]),
        .target(name: "ZanEmit", dependencies: ["ZanTimeline", "ZanAmendments", "ZanDocument", "ZanText", "ZanSystem"]),
        .executableTarget(
            name: "zan",
            dependencies: [
                "ZanText",
                "ZanDocument",
                "ZanAmendments",
                "ZanTimeline",
                "ZanEmit",
                "ZanMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "ZanFuzzChecks", dependencies: ["ZanAmendments", "ZanDocument", "ZanText"]),
        .target(name: "ZanTestSupport", dependencies: ["ZanText"]),
        // Synthetic corpora for the benchmarks (and a smoke test): deterministic from a seed.
        .target(name: "ZanCorpusGen", path: "Benchmarks/CorpusGen"),
        .executableTarget(
            name: "zan-bench",
            dependencies: ["ZanText", "ZanDocument", "ZanAmendments", "ZanTimeline", "ZanEmit", "ZanICU", "ZanCorpusGen", "ZanMalloc"],
            path: "Benchmarks/ZanBench"
        ),
        .testTarget(
            name: "ZanTextTests",
            dependencies: ["ZanText", "ZanICU", "ZanTestSupport", "ZanCorpusGen"]
        ),
        .testTarget(
            name: "ZanDocumentTests",
            dependencies: ["ZanDocument", "ZanText", "ZanTestSupport", "ZanCorpusGen"]
        ),
        .testTarget(
            name: "ZanAmendmentsTests",
            dependencies: ["ZanAmendments", "ZanDocument", "ZanText", "ZanTestSupport", "ZanFuzzChecks"]
        ),
        .testTarget(
            name: "ZanTimelineTests",
            dependencies: ["ZanTimeline", "ZanEmit", "ZanAmendments", "ZanDocument", "ZanText", "ZanTestSupport", "ZanCorpusGen"]
        ),
        .testTarget(
            name: "ZanEmitTests",
            dependencies: ["ZanEmit", "ZanTimeline", "ZanDocument", "ZanText", "ZanTestSupport", "ZanCorpusGen"]
        ),
        .testTarget(
            name: "ZanCLITests",
            dependencies: ["zan", "ZanTestSupport", "ZanCorpusGen", "ZanText"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
