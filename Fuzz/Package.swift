// swift-tools-version:5.4
// Tools version 5.4 on purpose: with 5.5 or later SwiftPM renames an executable's entry point
// for testability, and the link then misses libFuzzer's `main` on this toolchain (the same
// reason swift-protobuf's FuzzTesting package stays on an old tools version).

import PackageDescription

/// The fuzz targets: one executable per parser, each feeding libFuzzer's inputs to the checks of
/// the main package's `ParserInvariants` library. Build with `./run.sh 0` or see README.md.
let package = Package(
    name: "PulseFuzz",
    dependencies: [
        .package(name: "Pulse", path: ".."),
    ],
    targets: [
        .executableTarget(name: "FuzzCSV", dependencies: [.product(name: "ParserInvariants", package: "Pulse")]),
        .executableTarget(name: "FuzzEncoding", dependencies: [.product(name: "ParserInvariants", package: "Pulse")]),
        .executableTarget(name: "FuzzNumbersAndDates", dependencies: [.product(name: "ParserInvariants", package: "Pulse")]),
        .executableTarget(name: "FuzzJSONLines", dependencies: [.product(name: "ParserInvariants", package: "Pulse")]),
        .executableTarget(name: "FuzzPipelineFile", dependencies: [.product(name: "ParserInvariants", package: "Pulse")]),
        .executableTarget(name: "FuzzRuleExpression", dependencies: [.product(name: "ParserInvariants", package: "Pulse")]),
    ]
)
