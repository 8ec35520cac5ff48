internal import ArgumentParser
internal import Foundation
internal import GreenAllocGenerator

struct Generate: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a synthetic Shandong project library (cities, parks, projects, banks), deterministic by seed.")

    @Option(name: .long, help: "Random seed (the bundled data use 2022).")
    var seed: UInt64 = 2022

    @Option(name: .long, help: "Number of projects (about 900 for the bundle; 10000 or 50000 for benchmarks).")
    var projects: Int = 900

    @Option(name: .long, help: "Directory to write cities.csv, parks.csv, projects.csv and banks.csv into.")
    var out: String

    @Option(
        name: .long,
        help: "Also write the projects table of a round ending in this year (projects-2022-YEAR.csv): without the projects that ask for money only later.")
    var roundThrough: Int?

    func validate() throws {
        if !(20...200_000).contains(projects) { throw ValidationError("--projects must lie in 20…200000") }
        if let roundThrough, !GreenAllocGenerator.ProjectRecord.years.contains(roundThrough) {
            throw ValidationError("--round-through must be one of \(GreenAllocGenerator.ProjectRecord.years.map(String.init).joined(separator: ", "))")
        }
    }

    func execute(console: Console) throws -> Int32 {
        let province = ProvinceGenerator(seed: seed, projects: projects).generate()
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try province.write(to: URL(fileURLWithPath: out))
        if let roundThrough { try province.writeRound(through: roundThrough, to: URL(fileURLWithPath: out)) }
        console.error(province.summary + "\n")
        return ExitStatus.success
    }
}
