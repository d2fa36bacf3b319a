// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Pulse",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "pulse", targets: ["pulse"]),
        .library(name: "PulseKit", targets: ["PulseKit"]),
        .library(name: "PulseSample", targets: ["PulseSample"]),
        .library(name: "Tabular", targets: ["Tabular"]),
        .library(name: "Rules", targets: ["Rules"]),
        .library(name: "BusinessTime", targets: ["BusinessTime"]),
        .library(name: "Workbook", targets: ["Workbook"]),
        .library(name: "SVGCharts", targets: ["SVGCharts"]),
        .library(name: "ParserInvariants", targets: ["ParserInvariants"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.0"),
    ],
    targets: [
        // Domain-free: decoding text exports, reading CSV and JSON, the value grammars.
        .target(name: "Tabular", dependencies: [.product(name: "BigInt", package: "BigInt")]),
        // Domain-free: the rule-expression language of tier rules, alerts and QBR selection.
        .target(name: "Rules"),
        // Domain-free: business calendars (working hours, Japanese national holidays) and business minutes.
        .target(name: "BusinessTime", dependencies: ["Tabular"]),
        // Domain-free: real .xlsx workbooks through the system's libxlsxwriter (Debian libxlsxwriter-dev).
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .target(name: "Workbook", dependencies: ["CXlsxWriter"]),
        // Domain-free: accessible inline SVG charts (line, stacked bars, waterfall, bars, sparklines).
        .target(name: "SVGCharts"),
        // The domain library: ingest, the warehouse, the run, pipeline configuration, the metrics
        // (docs/metrics.md), health, alerts, reports and the commands' entry points.
        .target(
            name: "PulseKit",
            dependencies: [
                "Tabular",
                "Rules",
                "BusinessTime",
                "Workbook",
                "SVGCharts",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "BigInt", package: "BigInt"),
            ]
        ),
        // The synthetic-data generator behind `pulse sample` (same seed, same bytes), and the seeded
        // generator the property tests and benchmarks draw from.
        .target(name: "PulseSample", dependencies: ["PulseKit", "Tabular"]),
        // The properties every parser must keep on any input (round trips, accounting, error
        // positions), shared by the fuzz targets in Fuzz/ and the test that replays their cases.
        .target(name: "ParserInvariants", dependencies: ["Tabular", "Rules", "PulseKit"]),
        // The `pulse` command: a thin shell over PulseKit and PulseSample.
        .executableTarget(
            name: "pulse",
            dependencies: [
                "PulseKit",
                "PulseSample",
                "Tabular",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Benchmarks that time one stage in memory (not tests: they print figures for closing notes).
        .executableTarget(name: "revenue-benchmark", dependencies: ["PulseKit", "PulseSample", "Tabular"],
                          path: "benchmarks/Sources/RevenueBenchmark"),
        .executableTarget(name: "support-benchmark", dependencies: ["PulseKit", "PulseSample", "Tabular"],
                          path: "benchmarks/Sources/SupportBenchmark"),
        .executableTarget(name: "adoption-benchmark", dependencies: ["PulseKit", "Tabular"],
                          path: "benchmarks/Sources/AdoptionBenchmark"),
        .executableTarget(name: "reports-benchmark", dependencies: ["PulseKit"],
                          path: "benchmarks/Sources/ReportsBenchmark"),
        .testTarget(name: "TabularTests", dependencies: ["Tabular"]),
        .testTarget(name: "WorkbookTests", dependencies: ["Workbook"]),
        .testTarget(name: "SVGChartsTests", dependencies: ["SVGCharts"]),
        // Test support shared by the property tests (a seeded generator).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "RulesTests", dependencies: ["Rules", "TestSupport"]),
        .testTarget(name: "BusinessTimeTests", dependencies: ["BusinessTime", "Tabular", "TestSupport"]),
        .testTarget(name: "PulseKitTests", dependencies: [
            "PulseKit", "PulseSample", "Tabular", "Rules", "BusinessTime",
            .product(name: "BigInt", package: "BigInt"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "PulseCommandTests", dependencies: ["pulse"]),
        .testTarget(name: "ParserInvariantsTests", dependencies: ["ParserInvariants"]),
    ]
)
