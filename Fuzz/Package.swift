// swift-tools-version: 6.1
// libFuzzer harness for greenalloc's input parsers: CSVReader.parse, YAMLReader.parse and
// CompiledExpression.compile. Build and run: see README.md. The harness depends on the main package (the
// directory above) through its `GreenAllocInputs` and `GreenAllocCore` products, so it always fuzzes the
// current code; neither product links GLPK.
import PackageDescription

let package = Package(
    name: "GreenAllocFuzz",
    dependencies: [
        .package(name: "greenalloc", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "GreenAllocFuzz",
            dependencies: [
                .product(name: "GreenAllocCore", package: "greenalloc"),
                .product(name: "GreenAllocInputs", package: "greenalloc"),
            ],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    ]
)
