import Foundation
import GreenAllocGenerator
import Testing

/// The bundled data directory, found from this file's path.
let bundledDataDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Scenarios/shandong/data")

let bundled = ProvinceGenerator(seed: ProvinceGenerator.bundledSeed, projects: ProvinceGenerator.bundledProjectCount)
    .generate()

@Suite struct DeterminismTests {
    @Test func sameSeedGivesIdenticalBytes() {
        let again = ProvinceGenerator(seed: 2022, projects: 900).generate()
        for ((name, first), (_, second)) in zip(bundled.tables, again.tables) {
            #expect(first.bytes == second.bytes, "\(name) differs between two runs")
        }
    }

    @Test func differentSeedGivesDifferentTables() {
        let other = ProvinceGenerator(seed: 2023, projects: 900).generate()
        #expect(other.projects.text != bundled.projects.text)
        #expect(other.parks.text != bundled.parks.text)
        #expect(other.cities.text == bundled.cities.text, "cities are facts, not draws")
    }

    /// Regenerating the bundle must give the committed bytes. Set GREENALLOC_REGENERATE=1 to rewrite them.
    @Test func committedTablesMatchAFreshGeneration() throws {
        if ProcessInfo.processInfo.environment["GREENALLOC_REGENERATE"] == "1" {
            try bundled.write(to: bundledDataDirectory)
            try bundled.writeRound(through: 2024, to: bundledDataDirectory)
            Issue.record("rewrote Scenarios/shandong/data; run again without GREENALLOC_REGENERATE to compare")
        }
        let roundName = GeneratedProvince.roundFileName(through: 2024)
        for (name, table) in bundled.tables + [(roundName, bundled.round(through: 2024).projects)] {
            let committed = try Data(contentsOf: bundledDataDirectory.appendingPathComponent(name))
            #expect(Array(committed) == table.bytes, "Scenarios/shandong/data/\(name) is not the seed-2022 output")
        }
    }

    @Test func aRoundLeavesOutOnlyTheProjectsAskingLater() {
        let round = bundled.round(through: 2024)
        let years = ProjectRecord.years
        let left = bundled.projectRecords.filter { project in !round.projectRecords.contains { $0.id == project.id } }
        // Seed 2022: 50 projects ask only for 2025 money; every other project stays, with all its requests.
        #expect(left.count == 50)
        for project in left {
            #expect(project.fund != nil)
            #expect(zip(years, project.requests).allSatisfy { year, amount in year == 2025 || amount == 0 })
        }
        #expect(round.projectRecords.filter { $0.requests.last ?? 0 > 0 }.count == 45)
        let kept = Set(round.projectRecords.map(\.id))
        #expect(round.projectRecords.allSatisfy { $0.requires.allSatisfy(kept.contains) })
    }

    @Test func writeCreatesTheDirectoryAndFourFiles() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("greenalloc-generator-\(UUID().uuidString)/nested")
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let small = ProvinceGenerator(seed: 7, projects: 60).generate()
        try small.write(to: directory)
        for (name, table) in small.tables {
            #expect(try Data(contentsOf: directory.appendingPathComponent(name)) == Data(table.text.utf8))
        }
    }
}
