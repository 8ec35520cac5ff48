import Foundation
import GreenAllocHistory
import Testing

/// `Fixtures/history-v1.sqlite` is a history written by the first release (schema v1): three solves of one
/// scenario — as given, with the 2022 budget raised from 100 to 200, then with P4's 2023 request raised from 80
/// to 120 and a rule excluding park K2's water projects. Every later greenalloc must open it, migrate it and
/// read it.
@Suite struct FirstSchemaTests {
    func copy() throws -> (TemporaryFolder, String) {
        let folder = try TemporaryFolder()
        let fixture = try #require(Bundle.module.url(forResource: "history-v1", withExtension: "sqlite", subdirectory: "Fixtures"))
        let path = folder.path("history.sqlite")
        try FileManager.default.copyItem(atPath: fixture.path, toPath: path)
        return (folder, path)
    }

    @Test func theFirstSchemaOpensAndReadsAndTakesNewRuns() throws {
        let (folder, path) = try copy()
        defer { folder.remove() }
        let database = try HistoryDatabase(path: path, create: false)
        let runs = try database.runs()
        #expect(runs.map(\.objective) == [170, 230, 110] && runs.allSatisfy { $0.scenario == "基础" && $0.status == "optimal" })
        #expect(try database.inputs(of: 3).map { ($0.path as NSString).lastPathComponent } == ["base.yaml", "cities.csv", "parks.csv", "projects.csv"])
        let fixture = try HistoryFixture()
        defer { fixture.folder.remove() }
        let diff = fixture.run(["diff", "2", "3", "--history", path])
        #expect(diff.out.contains("| P4 | request_2023 | 80 | 120 |") && diff.out.contains("### Dropped (2)"), "\(diff.out)")
        let replayed = fixture.run(["replay", "3", "--history", path])
        #expect(replayed.code == 0, "\(replayed.out) \(replayed.error)")
        #expect(fixture.run(["solve", fixture.path("base.yaml"), "--format", "json", "--history", path]).code == 0)
        #expect(try database.runs().count == 4)
        #expect(try database.integrityCheck() == ["ok"])
    }
}
