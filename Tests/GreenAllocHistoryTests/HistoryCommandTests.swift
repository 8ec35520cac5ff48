import Foundation
import GreenAllocHistory
import Testing

@Suite struct HistoryCommandTests {
    @Test func listsFiltersAndPrunes() throws {
        let fixture = try HistoryFixture()
        defer { fixture.folder.remove() }
        for scenario in ["base.yaml", "variant.yaml"] {
            #expect(fixture.run(["solve", fixture.path(scenario), "--format", "json", "--history", fixture.history]).code == 0)
        }
        let csv = fixture.run(["history", "--format", "csv", "--history", fixture.history])
        let lines = csv.out.split(separator: "\n")
        #expect(lines.first == "id,started_at,command,scenario,status,exit_code,objective,seconds,user")
        #expect(lines.dropFirst().map { $0.split(separator: ",")[3] } == ["基础", "变体"])
        let json = fixture.run(["history", "--scenario", "变体", "--format", "json", "--history", fixture.history])
        let runs = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        #expect(runs.map { $0["id"] as? Int } == [2])
        #expect(fixture.run(["history", "--since", "2999-01-01", "--history", fixture.history]).out == "No runs recorded.\n")
        #expect(fixture.run(["history", "--since", "yesterday", "--history", fixture.history]).code == 64)

        let pruned = fixture.run(["history", "--prune-run", "1", "--history", fixture.history])
        #expect(pruned.code == 0 && pruned.error.contains("removed 1 run: 1"))
        let database = try HistoryDatabase(path: fixture.history, create: false)
        #expect(try database.runs().map(\.id) == [2])
        #expect(try database.integrityCheck() == ["ok"])
        #expect(fixture.run(["history", "--prune-before", "2999-01-01", "--history", fixture.history]).code == 0)
        #expect(try database.runs().isEmpty)
    }

    @Test func aMissingOrDamagedHistoryIsReported() throws {
        let fixture = try HistoryFixture()
        defer { fixture.folder.remove() }
        let missing = fixture.run(["history", "--history", fixture.path("none.sqlite")])
        #expect(missing.code == 1 && missing.error.contains("there is no history there yet"))
        #expect(!FileManager.default.fileExists(atPath: fixture.path("none.sqlite")))
        try fixture.write("damaged.sqlite", "not a database")
        let damaged = fixture.run(["replay", "1", "--history", fixture.path("damaged.sqlite")])
        #expect(damaged.code == 65 && damaged.error.contains("not a readable greenalloc history"))
    }
}
