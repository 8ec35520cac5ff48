// swift-tools-version: 6.1
// libFuzzer harness for greenalloc's input parsers: CSVReader.parse, YAMLReader.parse and
// CompiledExpression.compile. Build and run: see README.md. The sources under Sources/MILP,
// Sources/GreenAllocCore and Sources/GreenAllocIO are symlinks into the main package (only the CSV and YAML
// readers of GreenAllocIO, so the harness needs neither swift-crypto nor GLPK).
import PackageDescription

let package = Package(
    name: "GreenAllocFuzz",
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2")
    ],
    targets: [
        .target(name: "MILP"),
        .target(name: "GreenAllocCore", dependencies: ["MILP"]),
        .target(name: "GreenAllocIO", dependencies: ["GreenAllocCore", .product(name: "Yams", package: "Yams")]),
        .executableTarget(
            name: "GreenAllocFuzz", dependencies: ["GreenAllocCore", "GreenAllocIO"],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    ]
)
