import Foundation
import GRDB
import GreenAllocHistory
import Testing

/// A fresh temporary folder for one test's history.
struct TemporaryFolder {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("greenalloc-history-\(UUID().uuidString)")
    init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    func remove() { try? FileManager.default.removeItem(at: url) }
}

func sampleRun(scenario: String = "基线", table: String = "id,name\n1,甲\n", objective: Double? = 12.5) -> RunRecord {
    RunRecord(
        facts: RunFacts(
            user: "planner", workingDirectory: "/tmp", arguments: ["solve", "s.yaml"], command: "solve", scenario: scenario,
            mergedScenario: "{\"scenario\":\"\(scenario)\"}", greenallocVersion: "0.1.0", glpkVersion: "5.0",
            settings: "{}", status: "optimal", exitCode: 0, objective: objective, bound: objective, gap: 0, timings: "{}",
            completed: true),
        startedAt: Date(timeIntervalSince1970: 1_800_000_000), finishedAt: Date(timeIntervalSince1970: 1_800_000_000.25),
        inputs: [
            .init(role: "scenario", path: "/tmp/s.yaml", bytes: Data("scenario: \(scenario)\n".utf8)),
            .init(role: "table", path: "/tmp/projects.csv", bytes: Data(String(repeating: table, count: 50).utf8)),
        ],
        outputs: [
            .init(name: "allocation.json", bytes: Data("{\"status\":\"optimal\"}".utf8), stored: true),
            .init(name: "report.md", bytes: Data("# 报告\n".utf8), stored: false),
        ])
}

@Suite struct HistoryDatabaseTests {
    @Test func aRecordedRunReadsBackWithItsBytes() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = try HistoryDatabase(path: folder.path(".greenalloc/history.sqlite"), create: true)
        let run = sampleRun()
        let id = try database.record(run)
        let stored = try database.run(id)
        #expect(stored.scenario == "基线" && stored.arguments == ["solve", "s.yaml"] && stored.objective == 12.5)
        #expect(stored.startedAt == "2027-01-15T08:00:00.000Z" && stored.seconds == 0.25 && stored.completed)
        let inputs = try database.inputs(of: id)
        #expect(inputs.map(\.path) == ["/tmp/s.yaml", "/tmp/projects.csv"])
        for (file, original) in zip(inputs, run.inputs) { #expect(try database.bytes(file.sha256) == original.bytes) }
        let outputs = try database.outputs(of: id)
        #expect(outputs.map(\.path) == ["allocation.json", "report.md"] && outputs.map(\.stored) == [true, false])
        #expect(try database.bytes(outputs[0].sha256) == run.outputs[0].bytes)
        #expect(throws: HistoryError.missingBlob(sha256: outputs[1].sha256)) { try database.bytes(outputs[1].sha256) }
        #expect(try database.integrityCheck() == ["ok"])
    }

    /// The same bytes in two runs are stored once, compressed when that makes them smaller.
    @Test func bytesAreStoredOncePerHashAndCompressed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("h.sqlite")
        let database = try HistoryDatabase(path: path, create: true)
        try database.record(sampleRun())
        try database.record(sampleRun())
        let queue = try DatabaseQueue(path: path)
        let blobs = try queue.read { try Row.fetchAll($0, sql: "SELECT size, compression, length(bytes) AS stored FROM blob ORDER BY size") }
        #expect(blobs.count == 3)
        let table = try #require(blobs.last)
        #expect(table["compression"] == "deflate")
        #expect((table["stored"] as Int) < (table["size"] as Int) / 10)
        #expect(try queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try database.integrityCheck() == ["ok"])
    }

    @Test func listsFilterByScenarioAndTimeAndPruneRemovesRunsAndTheirBytes() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = try HistoryDatabase(path: folder.path("h.sqlite"), create: true)
        var later = sampleRun(scenario: "宽松", table: "id,name\n2,乙\n")
        later.startedAt = Date(timeIntervalSince1970: 1_900_000_000)
        later.finishedAt = later.startedAt
        let first = try database.record(sampleRun())
        let second = try database.record(later)
        #expect(try database.runs().map(\.id) == [first, second])
        #expect(try database.runs(scenario: "宽松").map(\.id) == [second])
        #expect(try database.runs(since: "2030-01-01").map(\.id) == [second])
        let oldTable = try database.inputs(of: first)[1].sha256
        #expect(try database.prune(ids: [], before: "2028") == [first])
        #expect(try database.runs().map(\.id) == [second])
        #expect(throws: HistoryError.missingBlob(sha256: oldTable)) { try database.bytes(oldTable) }
        #expect(try database.inputs(of: second).count == 2)
        #expect(try database.prune(ids: [second], before: nil) == [second])
        #expect(try database.runs().isEmpty)
        #expect(try database.integrityCheck() == ["ok"])
    }
}
