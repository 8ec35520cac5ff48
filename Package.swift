// swift-tools-version: 6.1
// greenalloc — eco-environment fund allocation by integer programming (GPL-3.0-or-later).
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "greenalloc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "greenalloc", targets: ["greenalloc"]),
        // The web service has its own program, so that `greenalloc` builds without Hummingbird and SwiftNIO.
        .executable(name: "greenalloc-server", targets: ["greenalloc-server"]),
        .library(name: "MILP", targets: ["MILP"]),
        .library(name: "GreenAllocCore", targets: ["GreenAllocCore"]),
        .library(name: "GreenAllocInputs", targets: ["GreenAllocInputs"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/multipart-kit", exact: "4.7.1"),
    ],
    targets: [
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        .target(name: "MILP", swiftSettings: strictSettings),
        .target(name: "MILPGLPK", dependencies: ["MILP", "CGLPK"], swiftSettings: strictSettings),
        // The optional second backend: runs the `cbc` program (coinor-cbc) on the model as MPS; nothing linked.
        .target(name: "MILPCBC", dependencies: ["MILP", "ExternalProgram"], swiftSettings: strictSettings),
        // Running another program (CBC, Chromium) with a deadline, and finding it on PATH; a leaf.
        .target(name: "ExternalProgram", swiftSettings: strictSettings),
        .target(name: "GreenAllocCore", dependencies: ["MILP"], swiftSettings: strictSettings),
        // Office Open XML workbooks (.xlsx): reading sheets as tables, writing styled sheets.
        .target(
            name: "Spreadsheet",
            dependencies: [
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictSettings),
        // The engine layer: what runs the stages (one folder, three modules).
        .target(
            name: "GreenAllocEngine", dependencies: ["GreenAllocCore", "MILP"], path: "Sources/Engine/GreenAllocEngine",
            swiftSettings: strictSettings),
        .target(
            name: "GreenAllocExplain", dependencies: ["GreenAllocEngine", "GreenAllocCore", "MILP"],
            path: "Sources/Engine/GreenAllocExplain", swiftSettings: strictSettings),
        .target(
            name: "GreenAllocWhatIf", dependencies: ["GreenAllocEngine", "GreenAllocCore", "MILP"],
            path: "Sources/Engine/GreenAllocWhatIf", swiftSettings: strictSettings),
        .target(
            name: "GreenAllocRobustness", dependencies: ["GreenAllocEngine", "GreenAllocCore", "MILP"],
            path: "Sources/Engine/GreenAllocRobustness", swiftSettings: strictSettings),
        .target(
            name: "GreenAllocInputs",
            dependencies: [
                "GreenAllocCore", "Spreadsheet",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings),
        .target(
            name: "GreenAllocReports",
            dependencies: [
                "GreenAllocCore", "GreenAllocEngine", "GreenAllocExplain", "GreenAllocWhatIf", "GreenAllocRobustness", "MILP",
                "Spreadsheet", "Charts",
            ],
            swiftSettings: strictSettings),
        // The run history: an SQLite database (through GRDB) of every run's inputs, settings and results.
        .target(
            name: "GreenAllocHistory",
            dependencies: [
                "GreenAllocCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictSettings),
        // The workspace's people and banks: office accounts, bank tokens, published runs and the bank access log,
        // in the history database.
        .target(
            name: "GreenAllocWorkspace",
            dependencies: [
                "GreenAllocHistory", "GreenAllocInputs",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings),
        // The web service (Hummingbird): the bank API and pages over a workspace.
        .target(
            name: "GreenAllocService",
            dependencies: [
                "GreenAllocWorkspace", "GreenAllocHistory", "GreenAllocCLI", "GreenAllocInputs", "GreenAllocCore", "Charts",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "greenalloc-server",
            dependencies: [
                "GreenAllocService", "GreenAllocWorkspace", "GreenAllocHistory",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings),
        .target(
            name: "GreenAllocCLI",
            dependencies: [
                "GreenAllocCore", "GreenAllocEngine", "GreenAllocExplain", "GreenAllocInputs", "GreenAllocReports",
                "GreenAllocGenerator", "GreenAllocHistory", "GreenAllocWorkspace",
                "GreenAllocWhatIf", "GreenAllocRobustness", "MILP",
                "MILPGLPK", "MILPCBC", "ExternalProgram", "Spreadsheet",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings),
        .target(name: "GreenAllocGenerator", swiftSettings: strictSettings),
        // SVG charts (scales, nice ticks, bars, lines, Lorenz curves); a leaf, imports nothing of ours.
        .target(name: "Charts", swiftSettings: strictSettings),
        .executableTarget(name: "greenalloc", dependencies: ["GreenAllocCLI"], swiftSettings: strictSettings),
        .target(name: "TestSupport", dependencies: ["MILP"], path: "Tests/TestSupport", swiftSettings: strictSettings),
        .testTarget(
            name: "MILPTests", dependencies: ["MILP", "MILPGLPK", "MILPCBC", "TestSupport"],
            resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(
            name: "GreenAllocCoreTests", dependencies: ["GreenAllocCore", "MILP", "TestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "GreenAllocInputsTests", dependencies: ["GreenAllocInputs", "GreenAllocCore", "TestSupport"],
            resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(
            name: "GreenAllocReportsTests", dependencies: ["GreenAllocReports", "GreenAllocCore", "MILP", "Spreadsheet"],
            resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(
            name: "GreenAllocCLITests",
            dependencies: [
                "GreenAllocCLI", "GreenAllocInputs", "GreenAllocReports", "GreenAllocCore", "GreenAllocEngine", "GreenAllocExplain", "GreenAllocWhatIf", "GreenAllocRobustness", "MILP", "MILPGLPK",
                "TestSupport", "Spreadsheet", "ExternalProgram", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(
            name: "GreenAllocEngineTests",
            dependencies: [
                "GreenAllocEngine", "GreenAllocExplain", "GreenAllocWhatIf", "GreenAllocInputs", "GreenAllocCore", "MILP",
                "MILPGLPK", "TestSupport",
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "SpreadsheetTests", dependencies: ["Spreadsheet"], exclude: ["Fixtures/make_fixtures.py"],
            resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(
            name: "GreenAllocHistoryTests",
            dependencies: [
                "GreenAllocHistory", "GreenAllocCLI", "GreenAllocCore", "TestSupport", "Spreadsheet",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .target(
            name: "WorkspaceTestSupport", dependencies: ["GreenAllocCLI", "GreenAllocWorkspace"], path: "Tests/WorkspaceTestSupport",
            swiftSettings: strictSettings),
        .testTarget(
            name: "GreenAllocWorkspaceTests",
            dependencies: ["GreenAllocWorkspace", "GreenAllocHistory", "WorkspaceTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings),
        .testTarget(
            name: "GreenAllocServiceTests",
            dependencies: [
                "GreenAllocService", "GreenAllocWorkspace", "GreenAllocHistory", "WorkspaceTestSupport", "ExternalProgram", "Spreadsheet",
                .product(name: "HummingbirdTesting", package: "hummingbird"), .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "GreenAllocGeneratorTests", dependencies: ["GreenAllocGenerator"], swiftSettings: strictSettings),
        .testTarget(
            name: "ChartsTests", dependencies: ["Charts"], resources: [.copy("Fixtures")], swiftSettings: strictSettings),
    ]
)
